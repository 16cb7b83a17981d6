import type { TurnContext } from 'botbuilder';
import { UNDECIDED, type ConsentStatus, type UserKey } from '../domain';
import type { ConsentService } from '../services/consentService';
import type { PrivacyService } from '../services/privacyService';
import type { ProfileService } from '../services/profileService';
import { forgetConversation, setTurnLanguage, turnLanguage, turnPerson, turnRecordId, updateTurnPerson, type TurnPerson } from './turn';

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
      /** Withdrawal and erasure (without it, neither is offered). */
      privacy?: PrivacyService;
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

  /**
   * The turn's person withdraws their consent: recorded by `ConsentService` (through
   * `PrivacyService`), and everything else kept about them erased; the dialogs see it at once,
   * and the conversation forgets what it held.
   */
  async withdrawConsent(context: TurnContext): Promise<void> {
    const { userKey } = turnPerson(context);
    await this.privacy().withdrawConsent({ id: turnRecordId(context, 'consent'), userKey, language: turnLanguage(context) });
    updateTurnPerson(context, { consent: await this.deps.consent.status(userKey), language: undefined });
    forgetConversation(context);
  }

  /** Erases the turn's person (`PrivacyService.erase`): to the dialogs they are new, and the conversation forgets them. */
  async erase(context: TurnContext): Promise<void> {
    await this.privacy().erase(turnPerson(context).userKey);
    updateTurnPerson(context, { consent: UNDECIDED, language: undefined });
    forgetConversation(context);
  }

  private privacy(): PrivacyService {
    if (!this.deps.privacy) throw new Error('People: no PrivacyService was given');
    return this.deps.privacy;
  }

  /** Remembers the language the turn's person chose; the rest of the turn is written in it. */
  async chooseLanguage(context: TurnContext, language: string): Promise<void> {
    await this.deps.profiles.setLanguage(turnPerson(context).userKey, language);
    updateTurnPerson(context, { language });
    setTurnLanguage(context, language);
  }
}
