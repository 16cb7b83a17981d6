import type { TurnContext } from 'botbuilder';
import type { ConsentStatus, UserKey } from '../domain';
import type { ConsentService } from '../services/consentService';
import type { ProfileService } from '../services/profileService';
import { setTurnLanguage, turnLanguage, turnPerson, turnRecordId, updateTurnPerson, type TurnPerson } from './turn';

/**
 * The one place where the person of a turn is loaded, and where their decisions (consent,
 * language) are recorded and, at the same moment, reflected in what the dialogs see of them
 * (`turnPerson`). Durable state lives in the services' repositories, not in bot state.
 */
export class People {
  constructor(
    private readonly deps: {
      consent: ConsentService;
      profiles: ProfileService;
    }
  ) {}

  /** The person with this key, as the dialogs see them at the start of a turn. */
  async load(userKey: UserKey): Promise<TurnPerson> {
    const [language, consent] = await Promise.all([this.deps.profiles.language(userKey), this.deps.consent.status(userKey)]);
    return { userKey, language, consent };
  }

  /**
   * Records the turn's person's decision about the privacy notice (and, when a guardian had to
   * agree, whether they did); the dialogs see it at once.
   */
  async decideConsent(context: TurnContext, decision: { granted: boolean; guardianConfirmed?: boolean | null }): Promise<ConsentStatus> {
    const { userKey } = turnPerson(context);
    const consent = await this.deps.consent.decide({ id: turnRecordId(context, 'consent'), userKey, language: turnLanguage(context), ...decision });
    updateTurnPerson(context, { consent });
    return consent;
  }

  /** Remembers the language the turn's person chose; the rest of the turn is written in it. */
  async chooseLanguage(context: TurnContext, language: string): Promise<void> {
    await this.deps.profiles.setLanguage(turnPerson(context).userKey, language);
    updateTurnPerson(context, { language });
    setTurnLanguage(context, language);
  }
}
