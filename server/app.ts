import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { MAX_BODY_BYTES } from '../lib/schema';
import type { AppEnv, Deps } from './http/context';
import { auditAdminWrites } from './middleware/audit';
import { onBodyTooLarge, onError, onNotFound, requireJsonBody } from './middleware/errors';
import { rateLimit } from './middleware/rate-limit';
import { securityHeaders } from './middleware/security-headers';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { conversationRoutes } from './routes/conversations';
import { copilotRoutes } from './routes/copilot';
import { docsRoutes } from './routes/docs';
import { goalRoutes } from './routes/goals';
import { healthRoutes, livenessRoutes } from './routes/health';
import { incidentRoutes } from './routes/incidents';
import { inviteRoutes } from './routes/invites';
import { liveRoutes } from './routes/live';
import { memberRoutes, meRoutes } from './routes/members';
import { reportRoutes } from './routes/reports';
import { ruleRoutes } from './routes/rules';
import { settingsRoutes } from './routes/settings';
import { slaRoutes } from './routes/sla';
import { slaCalendarRoutes } from './routes/sla-calendars';
import { slaPolicyRoutes } from './routes/sla-policies';
import { surveyPageRoutes } from './routes/survey-pages';
import { surveyRoutes } from './routes/surveys';
import { syncRoutes } from './routes/sync';
import { tagRoutes } from './routes/tags';
import { teamRoutes } from './routes/teams';
import { templateRoutes } from './routes/templates';
import { testClockRoutes } from './routes/test-clock';
import { weeklyReviewRoutes } from './routes/weekly-review';
import { workspaceDataRoutes } from './routes/workspace-data';
import { workspaceRoutes } from './routes/workspaces';

export function createApp(deps: Deps) {
  const api = new Hono<AppEnv>()
    .use(auditAdminWrites)
    .route('/v1/auth', authRoutes(deps))
    .route('/v1/workspaces', workspaceRoutes(deps))
    .route('/v1/invites', inviteRoutes(deps))
    .route('/v1/me', meRoutes(deps))
    .route('/v1/members', memberRoutes(deps))
    .route('/v1/tags', tagRoutes(deps))
    .route('/v1/templates', templateRoutes(deps))
    .route('/v1/teams', teamRoutes(deps))
    .route('/v1/incidents', incidentRoutes(deps))
    .route('/v1/workspace', settingsRoutes(deps))
    .route('/v1/workspace', workspaceDataRoutes(deps))
    .route('/v1/audit', auditRoutes(deps))
    .route('/v1/sla/calendars', slaCalendarRoutes(deps))
    .route('/v1/sla/policies', slaPolicyRoutes(deps))
    .route('/v1/sla', slaRoutes(deps))
    .route('/v1/conversations', conversationRoutes(deps))
    .route('/v1/copilot', copilotRoutes(deps))
    .route('/v1/reports/weekly', weeklyReviewRoutes(deps))
    .route('/v1/reports', reportRoutes(deps))
    .route('/v1/goals', goalRoutes(deps))
    .route('/v1/rules', ruleRoutes(deps))
    .route('/v1/surveys', surveyRoutes(deps))
    .route('/v1/live', liveRoutes(deps))
    .route('/v1', syncRoutes(deps))
    .route('/healthz', healthRoutes(deps))
    .route('/livez', livenessRoutes())
    .route('/', docsRoutes());
  // End-to-end tests only (TEST_CLOCK, refused unless NODE_ENV=test).
  if (deps.testClock) api.route('/__test/clock', testClockRoutes(deps.testClock));

  return (
    new Hono<AppEnv>()
      .onError(onError)
      .notFound(onNotFound)
      .use(securityHeaders(deps))
      // Before the limit, so a preflight is not counted and a 429 is readable by the extension.
      .use(cors({ origin: deps.corsOrigins, maxAge: 600, exposeHeaders: ['Retry-After'] }))
      .use(rateLimit(deps))
      // Customers' rating pages: HTML and a form post, so before the API's JSON-only rules.
      .route('/s', surveyPageRoutes(deps))
      .use(bodyLimit({ maxSize: MAX_BODY_BYTES, onError: onBodyTooLarge }))
      .use(requireJsonBody)
      .route('/', api)
  );
}

export type AppType = ReturnType<typeof createApp>;
