// Digital Local judging HTTP API: judges' conflicts, assignments, score sheets, committee, results and the public winners list.
import type { AppContext, AppInstance } from '../app.js';

export async function digitalLocalJudgingRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  void app;
  void ctx;
}
