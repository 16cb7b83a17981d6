import type { Request, Response, Server } from 'restify';
import type { QuestionnaireId } from '../domain';
import type { Localizer } from '../i18n';
import type { AssessmentService } from '../services/assessmentService';
import { formatCsp, pageAssets, sendHtml, styleHash } from '../web';
import { renderExpiredLinkPage } from '../web/pages/expiredLinkPage';
import { renderProfilePage } from '../web/pages/profilePage';
import { PROFILE_CSS } from '../web/pages/profileStyles';

export interface ProfileRouteDeps {
  assessment: AssessmentService;
  localizer: Localizer;
}

/**
 * Headers of everything under `/profile/`: never cached, never sent as a referrer. The page's
 * only style is its constant stylesheet, allowed by hash; its only script is the shared print
 * script, and its only image the site's icon (same origin).
 */
const PRIVATE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': formatCsp({
    'default-src': ["'none'"],
    'style-src': [styleHash(PROFILE_CSS)],
    'script-src': ["'self'"],
    'img-src': ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"]
  })
};

function sendPrivateJson(res: Response, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...PRIVATE_HEADERS });
  res.end(text);
}

/** `GET /profile/:token`: the printable page; 404 with a page in the visitor's language when the link opens nothing. */
export function profilePageHandler(deps: ProfileRouteDeps): (req: Request, res: Response) => Promise<void> {
  const { assessment, localizer } = deps;
  return async (req, res) => {
    const token = String(req.params.token ?? '');
    const record = await assessment.openProfileLink(token);
    if (!record) {
      const lang = localizer.resolve(req.header('accept-language')?.split(',')[0]);
      sendHtml(req, res, 404, renderExpiredLinkPage({ lang, localizer }), PRIVATE_HEADERS);
      return;
    }
    const html = renderProfilePage({
      record,
      questionnaire: assessment.questionnaire(record.questionnaireId as QuestionnaireId),
      token,
      localizer,
      printScript: pageAssets().print.url
    });
    sendHtml(req, res, 200, html, PRIVATE_HEADERS);
  };
}

/** `GET /profile/:token/json`: the export of the same profile (404 JSON when the link opens nothing). */
export function profileJsonHandler(deps: ProfileRouteDeps): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    const record = await deps.assessment.openProfileLink(String(req.params.token ?? ''));
    if (!record) {
      sendPrivateJson(res, 404, JSON.stringify({ error: 'not_found', message: 'This link has expired or is not valid.' }));
      return;
    }
    const body = {
      questionnaireId: record.questionnaireId,
      questionnaireVersion: record.questionnaireVersion,
      language: record.language,
      startedAt: record.startedAt.toISOString(),
      completedAt: record.completedAt?.toISOString() ?? null,
      answers: record.answers,
      profile: record.profile
    };
    sendPrivateJson(res, 200, JSON.stringify(body, null, 2));
  };
}

/**
 * `GET /profile/:token` (printable page) and `GET /profile/:token/json` (export of the same
 * profile). The token is the only key: unknown, expired or tampered tokens get 404 with a page
 * that says so in the person's language (or the default language). Nothing is cached.
 */
export function addProfileRoutes(server: Server, deps: ProfileRouteDeps): void {
  server.get('/profile/:token', profilePageHandler(deps));
  server.get('/profile/:token/json', profileJsonHandler(deps));
}
