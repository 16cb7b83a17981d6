import { formatDate, type Localizer } from '../../src/i18n';
import type { Attachment } from 'botbuilder';
import type { Training, TrainingReason } from '../../src/domain';

/**
 * Trainings put into words in one language: one-line summaries for lists, full details, and the
 * reasons a training is recommended. Texts come from the `trainings` namespace.
 */
export class TrainingPresenter {
  constructor(private readonly localizer: Localizer) {}

  title(training: Training, lang: string): string {
    return this.localizer.t(lang, `trainings:training.${training.id}.title`);
  }

  /** "**Digital helpdesk assistant** — Lyon (France) · EQF level 3 · Online · Next start: 3 March 2027". */
  summaryLine(training: Training, lang: string, nextStart: string | undefined): string {
    const t = (key: string, params?: Record<string, unknown>): string => this.localizer.t(lang, key, params);
    const parts = [
      `${training.city} (${t(`eligibility:country.${training.country}`)})`,
      t(`trainings:eqf.${training.eqf}`),
      t(`trainings:format.${training.format}`)
    ];
    if (nextStart) parts.push(t('trainings:nextStart', { date: formatDate(nextStart, lang) }));
    return `**${this.title(training, lang)}** — ${parts.join(' · ')}`;
  }

  /** A hero card (information only: choices are the prompt's buttons), numbered as in the list. */
  card(training: Training, lang: string, nextStart: string | undefined, position: number): Attachment {
    const t = (key: string, params?: Record<string, unknown>): string => this.localizer.t(lang, key, params);
    const subtitle = [`${training.city} (${t(`eligibility:country.${training.country}`)})`, t(`trainings:eqf.${training.eqf}`), t(`trainings:format.${training.format}`)].join(' · ');
    const text = [
      t(`trainings:training.${training.id}.summary`),
      nextStart ? t('trainings:nextStart', { date: formatDate(nextStart, lang) }) : t('trainings:full'),
      training.seatsLeft > 0 ? t('trainings:seatsLeft', { count: training.seatsLeft }) : t('trainings:full')
    ].join('\n');
    return { contentType: 'application/vnd.microsoft.card.hero', content: { title: `${position}. ${this.title(training, lang)}`, subtitle, text } };
  }

  /** Every detail a person needs to decide, one line each. */
  details(training: Training, lang: string, nextStart: string | undefined): string {
    const t = (key: string, params?: Record<string, unknown>): string => this.localizer.t(lang, key, params);
    const languages = training.languages.map((l) => t(`trainings:languageName.${l}`)).join(', ');
    const prerequisites = training.prerequisites.map((p) => t(`trainings:prerequisite.${p}`));
    const funding =
      training.funding.kind === 'fee'
        ? t('trainings:funding.fee', { amount: training.funding.amount, currency: training.funding.currency })
        : t(`trainings:funding.${training.funding.kind}`);
    const lines = [
      `**${this.title(training, lang)}**`,
      t(`trainings:training.${training.id}.summary`),
      t('trainings:details.where', { city: training.city, region: training.region, country: t(`eligibility:country.${training.country}`) }),
      t('trainings:details.level', { eqf: t(`trainings:eqf.${training.eqf}`) }),
      t('trainings:details.languages', { languages }),
      t('trainings:details.format', { format: t(`trainings:format.${training.format}`) }),
      t('trainings:details.duration', {
        duration: t('trainings:duration', { count: training.duration.weeks, hoursPerWeek: training.duration.hoursPerWeek })
      }),
      nextStart ? t('trainings:details.starts', { date: formatDate(nextStart, lang) }) : t('trainings:full'),
      training.seatsLeft > 0 ? t('trainings:seatsLeft', { count: training.seatsLeft }) : t('trainings:full'),
      prerequisites.length > 0
        ? t('trainings:details.prerequisites', { list: prerequisites.join(' ') })
        : t('trainings:details.noPrerequisites'),
      t('trainings:details.cost', { funding }),
      t(`trainings:training.${training.id}.fundingNote`),
      t('trainings:details.partner', { partner: t(`trainings:partner.${training.partnerId}`) })
    ];
    return lines.join('\n');
  }

  reasons(reasons: readonly TrainingReason[], lang: string): string[] {
    return reasons.map((r) => {
      const params = { ...r.params };
      if (typeof params.date === 'string') params.date = formatDate(params.date, lang);
      return this.localizer.t(lang, `trainings:${r.key}`, params);
    });
  }
}
