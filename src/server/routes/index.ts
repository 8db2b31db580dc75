// Every route module, registered in order by app.ts.
import type { AppContext, AppInstance } from '../app.js';
import { healthRoutes } from './health.js';
import { authRoutes } from './auth.js';
import { invitationRoutes } from './invitations.js';
import { userRoutes } from './users.js';
import { registryRoutes } from './registry.js';
import { frameworkRoutes } from './frameworks.js';
import { editionRoutes } from './editions.js';
import { questionnaireRoutes } from './questionnaire.js';
import { evidenceRoutes } from './evidence.js';
import { resultsRoutes } from './results.js';
import { reviewRoutes } from './review.js';
import { awardsRoutes } from './awards.js';
import { digitalLocalRoutes } from './digital-local.js';

export type RouteModule = (app: AppInstance, ctx: AppContext) => Promise<void>;

export const routeModules: RouteModule[] = [healthRoutes, authRoutes, invitationRoutes, userRoutes, registryRoutes, frameworkRoutes, editionRoutes, questionnaireRoutes, evidenceRoutes, resultsRoutes, reviewRoutes, awardsRoutes, digitalLocalRoutes];
