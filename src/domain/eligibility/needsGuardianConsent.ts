import { isPlausibleAge } from './ageOn';
import { InvalidAgeError } from './errors';
import type { CountryInfo } from './types';

/**
 * GDPR art. 8: below the country's digital-consent age, a guardian must consent (or authorise
 * consent) before personal data is kept. From that age on, the person consents alone.
 *
 * @throws InvalidAgeError when `age` is not a plausible age in full years (a wrong age must not
 *   silently skip the guardian).
 */
export function needsGuardianConsent(age: number, country: CountryInfo): boolean {
  if (!isPlausibleAge(age)) throw new InvalidAgeError(age);
  return age < country.digitalConsentAge;
}
