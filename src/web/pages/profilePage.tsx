import type { AssessmentProfile, AssessmentRecord, Questionnaire } from '../../domain';
import { formatDate, type Localizer } from '../../i18n';
import { InlineMarkup } from '../inlineMarkup';
import { Layout } from '../layout';
import { renderPage } from '../renderPage';
import { PROFILE_CSS } from './profileStyles';

export interface ProfilePageProps {
  /** A completed assessment: its language, questionnaire, answers, date and scored profile. */
  record: AssessmentRecord;
  /** The questionnaire it answered (its items, in order). */
  questionnaire: Pick<Questionnaire, 'items'>;
  /** The link's token (for the JSON export's address). */
  token: string;
  localizer: Pick<Localizer, 't'>;
  /** URL of the script that makes the print button print. */
  printScript: string;
}

type Translate = (key: string, params?: Record<string, unknown>) => string;
type Highlight = AssessmentProfile['strengths'][number];

function HighlightItem(props: { highlight: Highlight; t: Translate }) {
  const { highlight: h, t } = props;
  return (
    <li>
      {t(h.kind === 'area' ? `assessment:area.${h.id}` : `assessment:competence.${h.id}`)} — {t(`assessment:level.${h.level}`)}
    </li>
  );
}

/** The printable profile page, in the language of the assessment (right to left where needed). */
export function ProfilePage(props: ProfilePageProps) {
  const { record, questionnaire, token } = props;
  const lang = record.language;
  const t: Translate = (key, params) => props.localizer.t(lang, key, params);
  const profile = record.profile as AssessmentProfile;
  const recommendationParams: Record<string, unknown> = { ...profile.recommendation.params };
  if (typeof recommendationParams.framework === 'string') recommendationParams.framework = t(`assessment:framework.${recommendationParams.framework}`);
  const made = record.completedAt ? formatDate(record.completedAt.toISOString().slice(0, 10), lang) : '';
  return (
    <Layout lang={lang} title={t('assessment:page.title')} robots="noindex, nofollow" inlineCss={PROFILE_CSS} scripts={[props.printScript]}>
      <main>
        <h1>{t('assessment:page.heading')}</h1>
        <p class="meta">
          {t('assessment:page.made', { date: made })}
          <br />
          {t('assessment:page.questionnaire', { name: t(`assessment:questionnaire.${record.questionnaireId}`) })}
        </p>
        <h2>{t('assessment:result.title')}</h2>
        <table class="results">
          <thead>
            <tr>
              <th scope="col" class="framework">
                {t('assessment:page.framework')}
              </th>
              <th scope="col" class="area">
                {t('assessment:page.area')}
              </th>
              <th scope="col">{t('assessment:page.level')}</th>
            </tr>
          </thead>
          <tbody>
            {profile.areas.map((a) => (
              <tr>
                <td>{t(`assessment:framework.${a.framework}`)}</td>
                <td>{t(`assessment:area.${a.areaId}`)}</td>
                <td class="level">
                  {t(`assessment:level.${a.level}`)}
                  {typeof a.level === 'number' && <span class={`bar bar--${a.level}`} aria-hidden="true"></span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('assessment:result.strengths')}</h2>
        {profile.strengths.length > 0 ? (
          <ul>
            {profile.strengths.map((h) => (
              <HighlightItem highlight={h} t={t} />
            ))}
          </ul>
        ) : (
          <p>{t('assessment:result.noStrengths')}</p>
        )}
        {profile.toDevelop.length > 0 && (
          <>
            <h2>{t('assessment:result.toDevelop')}</h2>
            <ul>
              {profile.toDevelop.map((h) => (
                <HighlightItem highlight={h} t={t} />
              ))}
            </ul>
          </>
        )}
        <div class="recommendation">
          <strong>
            {t('assessment:result.recommendation')} EQF {profile.recommendation.eqf}
          </strong>
          <br />
          <InlineMarkup text={t(`assessment:${profile.recommendation.reasonKey}`, recommendationParams)} />
        </div>
        <h2>{t('assessment:page.answers')}</h2>
        <table class="answers">
          <tbody>
            {questionnaire.items.map((item) => {
              const value = record.answers[item.id];
              return (
                <tr>
                  <td class="statement">{t(`assessment:item.${item.id}.statement`)}</td>
                  <td>{typeof value === 'number' ? t(`assessment:item.${item.id}.level.${value}`) : t('assessment:level.unknown')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div class="actions">
          <button type="button" data-action="print">
            {t('assessment:page.print')}
          </button>
          <a href={`/profile/${encodeURIComponent(token)}/json`} download="profile.json">
            {t('assessment:page.download')}
          </a>
        </div>
        <footer>
          {t('assessment:page.footer')}
          <br />
          {t('assessment:result.keep')}
        </footer>
      </main>
    </Layout>
  );
}

export function renderProfilePage(props: ProfilePageProps): string {
  return renderPage(<ProfilePage {...props} />);
}
