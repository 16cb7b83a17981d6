import { FUNNEL_DIMENSIONS, PROGRAMME_IDS, type FunnelCell, type FunnelDimension, type FunnelReport, type ProgrammeId } from '../../domain';
import { formatNumber, type Texts } from '../../i18n';
import { JsonScript } from '../../web';
import { consoleAssets } from '../consoleAssets';
import { Typed } from './consoleLayout';

/** How a table's cell is written: a number in the language's digits, "<5", "hidden" or "—". */
export function cellText(cell: FunnelCell, texts: Texts): string {
  switch (cell.kind) {
    case 'count':
      return formatNumber(cell.value, texts.lang);
    case 'small':
      return texts.t('consoleReports:reports.cell.small');
    case 'hidden':
      return texts.t('consoleReports:reports.cell.hidden');
    case 'na':
      return texts.t('consoleReports:reports.cell.na');
  }
}

/** A cell for a chart: its number, or nothing (no bar) when it is small, hidden or not applicable. */
const chartValue = (cell: FunnelCell): number | null => (cell.kind === 'count' ? cell.value : null);

/** Colours of the stages in the charts (distinct, each at least 3:1 against white). */
const STAGE_COLOURS = ['#0b5cad', '#1d6b32', '#8a4b00', '#6b2c91', '#a30d1a', '#00687a', '#5a5a00', '#3d3d3d'];

export interface ReportsViewProps {
  texts: Texts;
  report: FunnelReport;
  /** Each group's name, in the console's language. */
  groupLabels: readonly string[];
  csvHref: string;
}

/** The report's query form, its two charts, each with the table of the same numbers, and the CSV link. */
export function ReportsView(props: ReportsViewProps) {
  const { texts, report, groupLabels } = props;
  const t = texts.t;
  const { by, programme } = report.query;
  const dimension = t(`consoleReports:reports.dimension.${by}`);
  const shown = report.stages.map((stage, j) => ({ stage, j })).filter(({ j }) => report.total[j]!.kind !== 'na');
  const stageName = (stage: string) => t(`consoleReports:reports.stage.${stage}`);
  const totalsChart = {
    type: 'bar',
    data: {
      labels: shown.map(({ stage }) => stageName(stage)),
      datasets: [{ label: t('consoleReports:reports.countColumn'), data: shown.map(({ j }) => chartValue(report.total[j]!)), backgroundColor: STAGE_COLOURS[0] }]
    },
    options: { indexAxis: 'y', plugins: { legend: { display: false } } }
  };
  const breakdownChart = {
    type: 'bar',
    data: {
      labels: groupLabels,
      datasets: shown.map(({ stage, j }, i) => ({
        label: stageName(stage),
        data: report.rows.map((row) => chartValue(row.cells[j]!)),
        backgroundColor: STAGE_COLOURS[i % STAGE_COLOURS.length]
      }))
    },
    options: { plugins: { legend: { position: 'bottom' } } }
  };
  const assets = consoleAssets();
  return (
    <section>
      <h1>{t('consoleReports:reports.title')}</h1>
      <p>{t('consoleReports:reports.intro')}</p>
      <form method="get" action="/console/reports" class="filters" aria-label={t('consoleReports:reports.filters')}>
        <label>
          {t('consoleReports:reports.by')}
          <select name="by">
            {FUNNEL_DIMENSIONS.map((d: FunnelDimension) => (
              <option value={d} selected={d === by}>
                {t(`consoleReports:reports.dimension.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('consoleReports:reports.programme')}
          <select name="programme">
            <option value="" selected={!programme}>
              {t('consoleReports:reports.allProgrammes')}
            </option>
            {PROGRAMME_IDS.map((p: ProgrammeId) => (
              <option value={p} selected={p === programme}>
                {t(`eligibility:programme.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('consoleReports:reports.show')}</button>
      </form>
      <p>
        <a href={props.csvHref} download>
          {t('consoleReports:reports.download')}
        </a>
      </p>
      <p class="muted">{t('consoleReports:reports.explain')}</p>

      <h2 id="totals-title">{t('consoleReports:reports.totalsTitle')}</h2>
      <div class="chart-box">
        <canvas data-chart="chart-totals" role="img" aria-label={t('consoleReports:reports.totalsChart')} />
      </div>
      <JsonScript id="chart-totals" value={totalsChart} />
      <div class="table-wrap" role="region" aria-labelledby="totals-title" tabIndex={0}>
        <table class="report">
          <caption>{t('consoleReports:reports.totalsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consoleReports:reports.stepColumn')}</th>
              <th scope="col" class="num">
                {t('consoleReports:reports.countColumn')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ stage, j }) => (
              <tr>
                <th scope="row">{stageName(stage)}</th>
                <td class="num">{cellText(report.total[j]!, texts)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="breakdown-title">{t('consoleReports:reports.breakdownTitle', { dimension })}</h2>
      {report.rows.length === 0 ? (
        <p>{t('consoleReports:reports.noData')}</p>
      ) : (
        <>
          <div class="chart-box wide">
            <canvas data-chart="chart-breakdown" role="img" aria-label={t('consoleReports:reports.breakdownChart', { dimension })} />
          </div>
          <JsonScript id="chart-breakdown" value={breakdownChart} />
          <div class="table-wrap" role="region" aria-labelledby="breakdown-title" tabIndex={0}>
            <table class="report">
              <caption>{t('consoleReports:reports.breakdownTitle', { dimension })}</caption>
              <thead>
                <tr>
                  <th scope="col">{dimension}</th>
                  {shown.map(({ stage }) => (
                    <th scope="col" class="num">
                      {stageName(stage)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.rows.map((row, i) => (
                  <tr>
                    <th scope="row">
                      <Typed text={groupLabels[i]} />
                    </th>
                    {shown.map(({ j }) => (
                      <td class="num">{cellText(row.cells[j]!, texts)}</td>
                    ))}
                  </tr>
                ))}
                <tr class="total">
                  <th scope="row">{t('consoleReports:reports.total')}</th>
                  {shown.map(({ j }) => (
                    <td class="num">{cellText(report.total[j]!, texts)}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        </>
      )}
      <h2>{t('consoleReports:reports.legendTitle')}</h2>
      <ul class="legend">
        <li>{t('consoleReports:reports.legend.small')}</li>
        <li>{t('consoleReports:reports.legend.hidden')}</li>
        <li>{t('consoleReports:reports.legend.na')}</li>
      </ul>
      <script src={assets.chartJs.url} defer />
      <script src={assets.charts.url} defer />
    </section>
  );
}
