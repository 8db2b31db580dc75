// One organisation's questionnaire: view, autosave answers, history, assignments, checklist, complete → submit → reopen.
import { Type } from 'typebox';
import type { AppContext, AppInstance } from '../app.js';
import type { AnswerValue } from '../../engine/framework/types.js';
import { authenticate, currentUser } from '../plugins/auth.js';
import { saveAnswers, saveAnswersInSession } from '../services/answers.js';
import { SESSION_COOKIE } from '../services/auth.js';
import {
  completeQuestionnaire,
  itemHistory,
  questionnaireChecklist,
  questionnaireView,
  reopenQuestionnaire,
  setAssignments,
  submitQuestionnaire,
} from '../services/questionnaire.js';

const Params = Type.Object({ eid: Type.String({ maxLength: 64 }), oid: Type.String({ maxLength: 64 }) });
const base = '/api/editions/:eid/organisations/:oid';

export async function questionnaireRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get(`${base}/questionnaire`, { schema: { params: Params } }, async (request) => questionnaireView(ctx, currentUser(request), request.params.eid, request.params.oid));

  const writers = ['coordinator', 'contributor', 'head'] as const;
  app.put(
    `${base}/answers`,
    {
      // Autosave: the session is checked in the save's own database round trip (see saveAnswersInSession).
      config: { roles: writers, sessionInHandler: true },
      attachValidation: true,
      schema: {
        params: Params,
        body: Type.Object(
          {
            changes: Type.Array(
              Type.Object(
                {
                  item: Type.String({ minLength: 1, maxLength: 100 }),
                  // Checked against the framework item by the service; no schema coercion of answer values.
                  value: Type.Unknown(),
                  baseVersion: Type.Integer({ minimum: 0 }),
                  requestId: Type.String({ minLength: 1, maxLength: 100 }),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 200 },
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      if (request.validationError) {
        await authenticate(ctx, request);
        throw request.validationError;
      }
      const { eid, oid } = request.params;
      const changes = request.body.changes.map((c) => ({ ...c, value: (c.value === undefined ? null : c.value) as AnswerValue }));
      const saved = await saveAnswersInSession(ctx, { token: request.cookies[SESSION_COOKIE], csrfToken: request.headers['x-csrf-token'], roles: writers }, eid, oid, changes);
      if (saved) return saved;
      await authenticate(ctx, request);
      return saveAnswers(ctx, currentUser(request), eid, oid, changes, { oneRoundTrip: false });
    },
  );

  app.get(
    `${base}/answers/:item/history`,
    { schema: { params: Type.Object({ eid: Type.String({ maxLength: 64 }), oid: Type.String({ maxLength: 64 }), item: Type.String({ maxLength: 100 }) }) } },
    async (request) => ({ items: await itemHistory(ctx, currentUser(request), request.params.eid, request.params.oid, request.params.item) }),
  );

  app.put(
    `${base}/assignments`,
    {
      config: { roles: ['coordinator'] },
      schema: {
        params: Params,
        body: Type.Object(
          { assignments: Type.Array(Type.Object({ dimensionCode: Type.String({ maxLength: 100 }), userId: Type.String({ maxLength: 64 }) }, { additionalProperties: false }), { maxItems: 500 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => setAssignments(ctx, currentUser(request), request.params.eid, request.params.oid, request.body.assignments),
  );

  app.get(`${base}/checklist`, { schema: { params: Params } }, async (request) => questionnaireChecklist(ctx, currentUser(request), request.params.eid, request.params.oid));

  const VersionBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
  app.post(`${base}/complete`, { config: { roles: ['coordinator'] }, schema: { params: Params, body: VersionBody } }, async (request) =>
    completeQuestionnaire(ctx, currentUser(request), request.params.eid, request.params.oid, request.body.version),
  );
  app.post(`${base}/submit`, { config: { roles: ['head'] }, schema: { params: Params, body: VersionBody } }, async (request) =>
    submitQuestionnaire(ctx, currentUser(request), request.params.eid, request.params.oid, request.body.version),
  );
  app.post(
    `${base}/reopen`,
    { config: { roles: ['admin'] }, schema: { params: Params, body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }) } },
    async (request) => reopenQuestionnaire(ctx, currentUser(request), request.params.eid, request.params.oid, request.body.reason),
  );
}
