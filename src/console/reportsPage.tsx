import { z } from 'zod';
import { csvDocument, FUNNEL_DIMENSIONS, PROGRAMME_IDS, UNKNOWN_GROUP, type FunnelCell, type FunnelQuery, type FunnelReport } from '../domain';
import { formatMonth, type Texts } from '../i18n';
import type { ReportingService } from '../services/reportingService';
import { CONSOLE_HEADERS, CONSOLE_PATH, type ConsoleMount, type ConsolePageContext } from './consoleContext';
import { cellText, ReportsView } from './pages/reportsView';

export const REPORTS_PATH = `${CONSOLE_PATH}/reports`;
export const REPORTS_CSV_PATH = `${CONSOLE_PATH}/reports.csv`;

/** `?by=` and `?programme=` of the reporting page and its CSV; nothing given: by month, every programme. */
const querySchema = z
  .object({
    by: z.enum(FUNNEL_DIMENSIONS).default('month'),
    programme: z.preprocess((v) => (v === '' ? undefined : v), z.enum(PROGRAMME_IDS).optional())
  })
  .strict();

function readQuery(ctx: ConsolePageContext): FunnelQuery | undefined {
  const url = new URL(ctx.req.url ?? '/', 'http://console');
  const params: Record<string, string> = {};
  for (const [name, value] of url.searchParams) if (name !== 'lang') params[name] = value;
  const parsed = querySchema.safeParse(params);
  if (!parsed.success) return undefined;
  return parsed.data.programme ? { by: parsed.data.by, programme: parsed.data.programme } : { by: parsed.data.by };
}

/** The name of each group of a report, in the console's language. */
export function groupLabels(report: FunnelReport, texts: Texts, names: { partners: ReadonlyMap<string, string>; languages: Readonly<Record<string, string>> }): string[] {
  const t = texts.t;
  return report.rows.map(({ group }) => {
    switch (report.query.by) {
      case 'programme':
        return t(`eligibility:programme.${group}`);
      case 'country':
        return group === UNKNOWN_GROUP ? t('consoleReports:reports.group.unknownCountry') : t(`eligibility:country.${group}`);
      case 'partner':
        return group === UNKNOWN_GROUP ? t('consoleReports:reports.group.noPartner') : (names.partners.get(group) ?? group);
      case 'language':
        return group === UNKNOWN_GROUP ? t('consoleReports:reports.group.unknown') : (names.languages[group] ?? group);
      case 'month':
        return formatMonth(group, texts.lang);
    }
  });
}

const queryString = (query: FunnelQuery): string => `?by=${query.by}${query.programme ? `&programme=${query.programme}` : ''}`;

/** A cell of the CSV: plain digits (spreadsheets read them as numbers), else the same words as the page. */
const csvText = (cell: FunnelCell, texts: Texts): string => (cell.kind === 'count' ? String(cell.value) : cellText(cell, texts));

/** The CSV of a report: the table shown, in the console's language, with the same protected cells. */
export function reportCsv(report: FunnelReport, labels: readonly string[], texts: Texts): string {
  const t = texts.t;
  const shown = report.stages.map((stage, j) => ({ stage, j })).filter(({ j }) => report.total[j]!.kind !== 'na');
  const rows: string[][] = [
    [t(`consoleReports:reports.dimension.${report.query.by}`), ...shown.map(({ stage }) => t(`consoleReports:reports.stage.${stage}`))],
    ...report.rows.map((row, i) => [labels[i]!, ...shown.map(({ j }) => csvText(row.cells[j]!, texts))]),
    [t('consoleReports:reports.total'), ...shown.map(({ j }) => csvText(report.total[j]!, texts))]
  ];
  // A byte order mark, so that spreadsheets read UTF-8.
  return `\ufeff${csvDocument(rows)}`;
}

/**
 * The reporting page (`/console/reports`) and its CSV (`/console/reports.csv`), for caseworkers
 * and administrators: counts only, every count below 5 shown as "<5" (docs/reporting.md).
 */
export function addReportPages(mount: ConsoleMount, deps: { reporting: ReportingService; partnerNames: ReadonlyMap<string, string> }): void {
  /** The report the query asks for; a query that names no report gets a 400 page and undefined. */
  const reportAsked = async (ctx: ConsolePageContext): Promise<{ query: FunnelQuery; report: FunnelReport } | undefined> => {
    const query = readQuery(ctx);
    if (!query) {
      ctx.message(400, 'consoleReports:reports.invalidTitle', 'consoleReports:reports.invalid');
      return undefined;
    }
    return { query, report: await deps.reporting.funnel(query) };
  };
  const labelsOf = (report: FunnelReport, ctx: ConsolePageContext) => groupLabels(report, ctx.texts, { partners: deps.partnerNames, languages: ctx.languageNames });
  mount.page({
    path: REPORTS_PATH,
    roles: ['caseworker', 'admin'],
    nav: { key: 'consoleReports:nav.reports', order: 60 },
    handler: async (ctx) => {
      const asked = await reportAsked(ctx);
      if (!asked) return;
      const { query, report } = asked;
      ctx.render(
        ctx.texts.t('consoleReports:reports.title'),
        <ReportsView texts={ctx.texts} report={report} groupLabels={labelsOf(report, ctx)} csvHref={`${REPORTS_CSV_PATH}${queryString(query)}`} />
      );
    }
  });
  mount.page({
    path: REPORTS_CSV_PATH,
    roles: ['caseworker', 'admin'],
    handler: async (ctx) => {
      const asked = await reportAsked(ctx);
      if (!asked) return;
      const { query, report } = asked;
      const body = reportCsv(report, labelsOf(report, ctx), ctx.texts);
      const name = `passerelle-funnel-${query.by}${query.programme ? `-${query.programme}` : ''}.csv`;
      ctx.res.writeHead(200, {
        ...CONSOLE_HEADERS,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Content-Length': Buffer.byteLength(body)
      });
      ctx.res.end(body);
    }
  });
}
