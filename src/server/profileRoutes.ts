import type { Request, Response, Server } from 'restify';
import type { Localizer } from '../i18n';
import { formatDate, isRightToLeft } from '../i18n';
import type { AssessmentProfile, QuestionnaireId } from '../domain';
import type { AssessmentService } from '../services/assessmentService';
import type { AssessmentRecord } from '../storage';
import { escapeHtml } from './html';


/** `**bold**` (the only markup our texts use) to <strong>, after escaping. */
function inline(text: string): string {
  return escapeHtml(text).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
}

const PAGE_CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans Ethiopic",sans-serif;margin:0;padding:1rem;line-height:1.5;color:#1b1b1b;background:#fff;max-width:48rem;margin-inline:auto}
h1{font-size:1.6rem;margin:.2rem 0 .5rem}
h2{font-size:1.15rem;margin:1.4rem 0 .4rem;border-bottom:2px solid #0b5cad;padding-bottom:.2rem}
.meta{color:#555;font-size:.9rem}
table{width:100%;border-collapse:collapse;font-size:.95rem}
th,td{text-align:start;padding:.35rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
.level{white-space:nowrap;font-weight:600}
.bar{display:inline-block;height:.6rem;background:#0b5cad;border-radius:.3rem;margin-inline-start:.4rem;vertical-align:middle}
.recommendation{background:#eef5fc;border-inline-start:4px solid #0b5cad;padding:.6rem .8rem;margin-top:1rem}
.actions{margin-top:1.2rem;display:flex;gap:.6rem;flex-wrap:wrap}
.actions a,.actions button{font:inherit;padding:.5rem .9rem;border:1px solid #0b5cad;border-radius:.4rem;background:#fff;color:#0b5cad;text-decoration:none;cursor:pointer}
footer{margin-top:1.5rem;font-size:.85rem;color:#555}
@media print{.actions{display:none}body{padding:0;max-width:none;font-size:11pt}h2{break-after:avoid}tr{break-inside:avoid}@page{margin:1.5cm}}
`;

/** The printable profile page, in the language of the assessment (right to left where needed). */
export function renderProfilePage(record: AssessmentRecord, localizer: Localizer, assessment: AssessmentService, token: string): string {
  const lang = record.language;
  const t = (key: string, params?: Record<string, unknown>): string => localizer.t(lang, key, params);
  const profile = record.profile as AssessmentProfile;
  const questionnaire = assessment.questionnaire(record.questionnaireId as QuestionnaireId);
  const areaRows = profile.areas
    .map((a) => {
      const width = a.level === 'unknown' ? 0 : a.level * 1.5;
      return `<tr><td>${escapeHtml(t(`assessment:framework.${a.framework}`))}</td><td>${escapeHtml(t(`assessment:area.${a.areaId}`))}</td><td class="level">${escapeHtml(t(`assessment:level.${a.level}`))}<span class="bar" style="width:${width}rem" aria-hidden="true"></span></td></tr>`;
    })
    .join('');
  const highlight = (h: AssessmentProfile['strengths'][number]): string =>
    `<li>${escapeHtml(t(h.kind === 'area' ? `assessment:area.${h.id}` : `assessment:competence.${h.id}`))} — ${escapeHtml(t(`assessment:level.${h.level}`))}</li>`;
  const answers = questionnaire.items
    .map((item) => {
      const value = record.answers[item.id];
      const answer = typeof value === 'number' ? t(`assessment:item.${item.id}.level.${value}`) : t('assessment:level.unknown');
      return `<tr><td>${escapeHtml(t(`assessment:item.${item.id}.statement`))}</td><td>${escapeHtml(answer)}</td></tr>`;
    })
    .join('');
  const recommendationParams: Record<string, unknown> = { ...profile.recommendation.params };
  if (typeof recommendationParams.framework === 'string') recommendationParams.framework = t(`assessment:framework.${recommendationParams.framework}`);
  const made = record.completedAt ? formatDate(record.completedAt.toISOString().slice(0, 10), lang) : '';
  return `<!doctype html>
<html lang="${escapeHtml(lang)}" dir="${isRightToLeft(lang) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(t('assessment:page.title'))}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(t('assessment:page.heading'))}</h1>
<p class="meta">${escapeHtml(t('assessment:page.made', { date: made }))}<br>${escapeHtml(t('assessment:page.questionnaire', { name: t(`assessment:questionnaire.${record.questionnaireId}`) }))}</p>
<h2>${escapeHtml(t('assessment:result.title'))}</h2>
<table><thead><tr><th scope="col">${escapeHtml(t('assessment:page.framework'))}</th><th scope="col">${escapeHtml(t('assessment:page.area'))}</th><th scope="col">${escapeHtml(t('assessment:page.level'))}</th></tr></thead><tbody>${areaRows}</tbody></table>
<h2>${escapeHtml(t('assessment:result.strengths'))}</h2>
${profile.strengths.length > 0 ? `<ul>${profile.strengths.map(highlight).join('')}</ul>` : `<p>${escapeHtml(t('assessment:result.noStrengths'))}</p>`}
${profile.toDevelop.length > 0 ? `<h2>${escapeHtml(t('assessment:result.toDevelop'))}</h2><ul>${profile.toDevelop.map(highlight).join('')}</ul>` : ''}
<div class="recommendation"><strong>${escapeHtml(t('assessment:result.recommendation'))} EQF ${profile.recommendation.eqf}</strong><br>${inline(t(`assessment:${profile.recommendation.reasonKey}`, recommendationParams))}</div>
<h2>${escapeHtml(t('assessment:page.answers'))}</h2>
<table><tbody>${answers}</tbody></table>
<div class="actions"><button type="button" onclick="window.print()">${escapeHtml(t('assessment:page.print'))}</button><a href="/profile/${escapeHtml(token)}/json" download="profile.json">${escapeHtml(t('assessment:page.download'))}</a></div>
<footer>${escapeHtml(t('assessment:page.footer'))}<br>${escapeHtml(t('assessment:result.keep'))}</footer>
</main>
</body>
</html>`;
}

function expiredPage(localizer: Localizer, lang: string): string {
  const t = (key: string): string => localizer.t(lang, key);
  return `<!doctype html><html lang="${escapeHtml(lang)}" dir="${isRightToLeft(lang) ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>${escapeHtml(t('assessment:page.title'))}</title><style>${PAGE_CSS}</style></head><body><main><h1>${escapeHtml(t('assessment:page.title'))}</h1><p>${escapeHtml(t('assessment:page.expired'))}</p></main></body></html>`;
}

const PRIVATE_HEADERS = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-hashes' 'sha256-MguIPR6qNR8D3B+eAlK+bIRTZe8t3wkOY4B/56Me9FU='; img-src 'self'; base-uri 'none'; form-action 'none'"
};

/**
 * `GET /profile/:token` (printable page) and `GET /profile/:token/json` (export of the same
 * profile). The token is the only key: unknown, expired or tampered tokens get 404 with a page
 * that says so in the person's language (or the default language). Nothing is cached.
 */
export function addProfileRoutes(server: Server, deps: { assessment: AssessmentService; localizer: Localizer }): void {
  const { assessment, localizer } = deps;
  const send = (res: Response, status: number, contentType: string, body: string): void => {
    res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...PRIVATE_HEADERS });
    res.end(body);
  };

  server.get('/profile/:token', async (req: Request, res: Response) => {
    const token = String(req.params.token ?? '');
    const record = await assessment.openProfileLink(token);
    if (!record) {
      send(res, 404, 'text/html; charset=utf-8', expiredPage(localizer, localizer.resolve(req.header('accept-language')?.split(',')[0])));
      return;
    }
    send(res, 200, 'text/html; charset=utf-8', renderProfilePage(record, localizer, assessment, token));
  });

  server.get('/profile/:token/json', async (req: Request, res: Response) => {
    const record = await assessment.openProfileLink(String(req.params.token ?? ''));
    if (!record) {
      send(res, 404, 'application/json; charset=utf-8', JSON.stringify({ error: 'not_found', message: 'This link has expired or is not valid.' }));
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
    send(res, 200, 'application/json; charset=utf-8', JSON.stringify(body, null, 2));
  });
}
