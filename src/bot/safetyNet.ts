import type { Helpline, Helplines } from '../content/helplines';
import { COUNTRY_CODES, type CountryCode, type CountryInfo } from '../domain';
import { formatPhoneNumber, type Texts } from '../i18n';
import type { Concern, ConcernRecognizer } from '../understanding';

/**
 * Answers, at once and before anything else, a message that speaks of distress, self-harm,
 * violence or abuse: the emergency number (112 in every EU country), the national helplines of
 * the person's country (`content/helplines.json`, sourced), and a way to talk to a person now.
 * The dialog in progress is kept: the bot says where it was, and the next answer goes on.
 */
export class SafetyNet {
  constructor(
    private readonly deps: {
      recognizer: ConcernRecognizer;
      helplines: Helplines;
      countries: Record<CountryCode, CountryInfo>;
      /** Told of each concern answered (metrics: a count by kind, never the words). */
      onConcern?: (concern: Concern) => void;
    }
  ) {}

  /** The concern a message expresses, if any (words of every shipped language). */
  concernIn(text: string | undefined): Concern | undefined {
    const concern = this.deps.recognizer.recognize(text);
    if (concern) this.deps.onConcern?.(concern);
    return concern;
  }

  /**
   * The answer, in the turn's language. `country` (one of the partner countries) gives its
   * national lines; unknown, each partner country's first line is given, named.
   */
  answer(texts: Texts, country: CountryCode | undefined): string {
    const { countries, helplines } = this.deps;
    const lang = texts.lang;
    const emergency = formatPhoneNumber((country ? countries[country] : countries.OTHER).emergencyNumber, lang);
    const line = (helpline: Helpline, where?: CountryCode): string =>
      texts.t(where ? 'safety:lineIn' : 'safety:line', {
        what: texts.t(`safety:kind.${helpline.kind}`),
        number: formatPhoneNumber(helpline.number, lang),
        ...(where ? { country: texts.t(`eligibility:country.${where}`) } : {}),
        when: texts.t(helpline.always ? 'safety:always' : 'safety:someHours')
      });
    const known = country ? helplines.byCountry[country] : undefined;
    const lines = known
      ? known.map((h) => line(h))
      : COUNTRY_CODES.flatMap((code) => {
          const first = helplines.byCountry[code]?.[0];
          return first ? [line(first, code)] : [];
        });
    return [texts.t('safety:concern'), texts.t('safety:emergency', { number: emergency }), texts.t('safety:talk'), ...lines].join('\n');
  }
}

/** The partner country a locale names (`fr-BE` → BE), if any. */
export function countryOfLocale(locale: string | undefined): CountryCode | undefined {
  const region = /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(locale ?? '')?.[1]?.toUpperCase();
  return COUNTRY_CODES.find((code) => code === region && code !== 'OTHER');
}
