import type { Attachment } from 'botbuilder';
import { placeKey, type Training, type TrainingReason, type TrainingRecommendation } from '../../src/domain';
import { formatDate, formatList, formatMoney, formatNumber, type Texts } from '../../src/i18n';

/**
 * Trainings put into words for the chat: one-line summaries for lists, hero cards, full details,
 * and the reasons a training is recommended. Texts come from the `trainings` namespace; towns and
 * regions are written as each language writes them (`trainings:place.<name>`), dates and numbers
 * through src/i18n/format.ts.
 */
export class TrainingPresenter {
  title(training: Training, texts: Texts): string {
    return texts.t(`trainings:training.${training.id}.title`);
  }

  /** A town or region of the catalogue in the language of `texts` ("Köln" → "كولونيا"), else as the catalogue writes it. */
  place(name: string, texts: Texts): string {
    const key = `trainings:${placeKey(name)}`;
    return texts.has(key) ? texts.t(key) : name;
  }

  /** "Lille (France)". */
  private where(training: Training, texts: Texts): string {
    return texts.t('trainings:cityInCountry', { city: this.place(training.city, texts), country: texts.t(`eligibility:country.${training.country}`) });
  }

  /** "**Digital helpdesk assistant** — Lille (France) · Level 3 · Online · Next start: 3 March 2027". */
  summaryLine(training: Training, texts: Texts, nextStart: string | undefined): string {
    const { t } = texts;
    const parts = [this.where(training, texts), t(`trainings:eqf.${training.eqf}`), t(`trainings:format.${training.format}`)];
    if (nextStart) parts.push(t('trainings:nextStart', { date: formatDate(nextStart, texts.lang) }));
    return `**${this.title(training, texts)}** — ${parts.join(' · ')}`;
  }

  /** A recommended training: its summary line, then why it fits, one tick each. */
  recommendation(recommended: TrainingRecommendation, texts: Texts): string {
    return [this.summaryLine(recommended.training, texts, recommended.nextStart), ...this.reasons(recommended.reasons, texts).map((x) => `  ✓ ${x}`)].join('\n');
  }

  /** A hero card (information only: choices are the prompt's buttons), numbered as in the list. */
  card(training: Training, texts: Texts, nextStart: string | undefined, position: number): Attachment {
    const { t } = texts;
    const subtitle = [this.where(training, texts), t(`trainings:eqf.${training.eqf}`), t(`trainings:format.${training.format}`)].join(' · ');
    const text = [
      t(`trainings:training.${training.id}.summary`),
      nextStart ? t('trainings:nextStart', { date: formatDate(nextStart, texts.lang) }) : t('trainings:full'),
      training.seatsLeft > 0 ? t('trainings:seatsLeft', { count: training.seatsLeft }) : t('trainings:full')
    ].join('\n');
    return {
      contentType: 'application/vnd.microsoft.card.hero',
      content: { title: `${formatNumber(position, texts.lang)}. ${this.title(training, texts)}`, subtitle, text }
    };
  }

  /** Every detail a person needs to decide, one line each. */
  details(training: Training, texts: Texts, nextStart: string | undefined, partnerName: string): string {
    const { t } = texts;
    const languages = formatList(training.languages.map((l) => t(`trainings:languageName.${l}`)), texts.lang);
    const prerequisites = training.prerequisites.map((p) => t(`trainings:prerequisite.${p}`));
    const funding =
      training.funding.kind === 'fee'
        ? t('trainings:funding.fee', { price: formatMoney(training.funding.amount, training.funding.currency, texts.lang) })
        : t(`trainings:funding.${training.funding.kind}`);
    const lines = [
      `**${this.title(training, texts)}**`,
      t(`trainings:training.${training.id}.summary`),
      t('trainings:details.where', {
        city: this.place(training.city, texts),
        region: this.place(training.region, texts),
        country: t(`eligibility:country.${training.country}`)
      }),
      t(`trainings:eqfExplained.${training.eqf}`),
      t('trainings:details.languages', { languages }),
      t('trainings:details.format', { format: t(`trainings:format.${training.format}`) }),
      t('trainings:details.duration', {
        duration: t('trainings:duration', { count: training.duration.weeks, hours: t('trainings:hoursPerWeek', { count: training.duration.hoursPerWeek }) })
      }),
      nextStart ? t('trainings:details.starts', { date: formatDate(nextStart, texts.lang) }) : t('trainings:full'),
      training.seatsLeft > 0 ? t('trainings:seatsLeft', { count: training.seatsLeft }) : t('trainings:full'),
      prerequisites.length > 0 ? t('trainings:details.prerequisites', { list: prerequisites.join(' ') }) : t('trainings:details.noPrerequisites'),
      t('trainings:details.cost', { funding }),
      t(`trainings:training.${training.id}.fundingNote`),
      t('trainings:details.partner', { partner: partnerName })
    ];
    return lines.join('\n');
  }

  reasons(reasons: readonly TrainingReason[], texts: Texts): string[] {
    return reasons.map((r) => {
      const params = { ...r.params };
      if (typeof params.date === 'string') params.date = formatDate(params.date, texts.lang);
      return texts.t(`trainings:${r.key}`, params);
    });
  }
}
