import { randomUUID } from 'node:crypto';
import type { Content, CountryInfo } from '../content';
import { ageOn, agesInBirthYear, evaluateEligibility, isPlausibleAge, isPlausibleBirthYear, isValidIsoDate, needsGuardianConsent } from '../domain';
import type { CountryCode, EligibilityAnswers, EligibilityResult, IsoDate } from '../domain/eligibility/types';
import { DuplicateKeyError } from '../storage';
import type { EligibilityCheckRecord, EligibilityCheckRepository, UserKey } from '../storage/ports';
import { calendarDateIn, type Clock } from './clock';

/** Eligibility checks for the chat and the walk-in API: the domain decides, this records. */
export class EligibilityService {
  constructor(
    private readonly content: Content,
    private readonly checks: EligibilityCheckRepository,
    private readonly clock: Clock,
    private readonly timeZone: string
  ) {}

  get rulesVersion(): string {
    return this.content.eligibilityRules.version;
  }

  /** Today's date in the programmes' time zone. */
  today(): IsoDate {
    return calendarDateIn(this.timeZone, this.clock());
  }

  evaluate(answers: EligibilityAnswers, asOf: IsoDate = this.today()): EligibilityResult {
    return evaluateEligibility(answers, this.content.eligibilityRules, asOf);
  }

  /**
   * The person's age today from their answers (a birth date wins over a stated age, an age over a
   * year of birth), or undefined when it cannot be known (no answer, impossible or future birth
   * date). From a year of birth alone, the youngest age the person can have: what protections
   * (a guardian's consent) must assume.
   */
  ageOf(answers: EligibilityAnswers, asOf: IsoDate = this.today()): number | undefined {
    if (answers.birthDate !== undefined) {
      return isValidIsoDate(answers.birthDate) && answers.birthDate <= asOf ? ageOn(answers.birthDate, asOf) : undefined;
    }
    if (answers.age !== undefined) return isPlausibleAge(answers.age) ? answers.age : undefined;
    return isPlausibleBirthYear(answers.birthYear, asOf) ? agesInBirthYear(answers.birthYear, asOf).youngest : undefined;
  }

  country(code: CountryCode): CountryInfo {
    return this.content.countries[code];
  }

  /** Whether a person of `age` in `country` needs a guardian's consent for their data to be kept. */
  needsGuardian(age: number, country: CountryCode): boolean {
    return needsGuardianConsent(age, this.country(country));
  }

  /** The person's stored checks, newest first. */
  history(userKey: UserKey): Promise<EligibilityCheckRecord[]> {
    return this.checks.listByUser(userKey);
  }

  /**
   * Stores a check. Given an `id` already stored (the same turn processed again), nothing new is
   * stored and the stored check is returned.
   */
  async record(userKey: UserKey, answers: EligibilityAnswers, result: EligibilityResult, language: string, id?: string): Promise<EligibilityCheckRecord> {
    const record: EligibilityCheckRecord = {
      id: id ?? randomUUID(),
      userKey,
      answers,
      result,
      rulesVersion: result.rulesVersion,
      language,
      createdAt: this.clock()
    };
    try {
      await this.checks.save(record);
    } catch (err) {
      if (!(err instanceof DuplicateKeyError && id !== undefined)) throw err;
      const stored = await this.checks.get(id);
      if (!stored || stored.userKey !== userKey) throw err;
      return stored;
    }
    return record;
  }
}
