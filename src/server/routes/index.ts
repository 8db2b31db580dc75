// Every route module, registered in order by app.ts.
import type { AppContext, AppInstance } from '../app.js';
import { healthRoutes } from './health.js';

export type RouteModule = (app: AppInstance, ctx: AppContext) => Promise<void>;

export const routeModules: RouteModule[] = [healthRoutes];
