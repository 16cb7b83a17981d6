import { COUNTRY_CODES } from '../domain';
import type { CountryCode, CountryInfo, EligibilityRules } from '../domain';
import type { Questionnaires } from '../domain/assessment';
import type { PartnerDirectory } from '../domain/referrals';
import type { TrainingCatalogue } from '../domain/trainings';
import { loadHelplines, type Helplines } from './helplines';
import { loadPartners } from './partners';
import { loadQuestionnaires } from './questionnaires';
import path from 'node:path';
import { ContentValidationError } from './contentValidationError';
import { displayPath, readValidated } from './readContentFile';
import { loadTrainingCatalogue } from './trainingCatalogue';
import { countriesFileSchema, eligibilityRulesSchema, privacyNoticeSchema } from './schemas';

/** The privacy notice's data (its texts live in the locales). */
export interface PrivacyNotice {
  version: string;
  retentionDays: number;
}

/** Everything in `content/`, validated. */
export interface Content {
  eligibilityRules: EligibilityRules;
  countries: Record<CountryCode, CountryInfo>;
  privacyNotice: PrivacyNotice;
  /** Skills self-assessment questionnaires and their scoring rules. */
  questionnaires: Questionnaires;
  /** The training catalogue (sample data until an administrator replaces it). */
  trainings: TrainingCatalogue;
  /** The partner organisations referrals go to (sample data until an administrator replaces it). */
  partners: PartnerDirectory;
  /** National helplines given, with the emergency number, to a person in distress. */
  helplines: Helplines;
}

/** File names inside the content directory. */
export const CONTENT_FILES = {
  eligibilityRules: 'eligibility-rules.json',
  countries: 'countries.json',
  privacyNotice: 'privacy-notice.json'
} as const;

/**
 * Reads and validates every content file in `dir`, synchronously (meant for start-up).
 *
 * @throws ContentValidationError naming the file, the field path and what was expected, when a
 *   file is missing, unreadable, not JSON, or does not match its schema.
 */
export function loadContent(dir: string): Content {
  const eligibilityRules: EligibilityRules = readValidated(dir, CONTENT_FILES.eligibilityRules, eligibilityRulesSchema);
  const countriesFile = readValidated(dir, CONTENT_FILES.countries, countriesFileSchema);
  const privacyNotice: PrivacyNotice = readValidated(dir, CONTENT_FILES.privacyNotice, privacyNoticeSchema);

  const countries = Object.fromEntries(
    COUNTRY_CODES.map((code): [CountryCode, CountryInfo] => {
      const { digitalConsentAge, emergencyNumber } = countriesFile.countries[code];
      return [code, { code, digitalConsentAge, emergencyNumber }];
    })
  ) as Record<CountryCode, CountryInfo>;

  const questionnaires = loadQuestionnaires(dir);
  const trainings = loadTrainingCatalogue(dir);
  const partners = loadPartners(dir);
  const known = new Set(partners.partners.map((p) => p.id));
  const unknown = [...new Set(trainings.trainings.map((t) => t.partnerId))].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ContentValidationError(displayPath(path.join(dir, 'trainings.json')), unknown.map((id) => ({ path: 'trainings[].partnerId', message: `"${id}" is not a partner of partners.json` })));
  }
  return { eligibilityRules, countries, privacyNotice, questionnaires, trainings, partners, helplines: loadHelplines(dir) };
}
