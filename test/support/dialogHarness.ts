import path from 'node:path';
import type { Middleware, TurnContext } from 'botbuilder';
import { SHIPPED_LANGUAGES } from '../../src/config';
import { loadContent } from '../../src/content';
import { People, startTurn } from '../../src/conversation';
import { Localizer } from '../../src/i18n';
import { loadLexicons, TrainingQueryParser } from '../../src/understanding';
import { openSqliteStorage, type StorageBundle } from '../../src/storage';
import { ConsentService } from '../../src/services/consentService';
import { ConversationReferenceService } from '../../src/services/conversationReferenceService';
import { EligibilityService } from '../../src/services/eligibilityService';
import { AssessmentService } from '../../src/services/assessmentService';
import { ProfileService } from '../../src/services/profileService';
import { TrainingService } from '../../src/services/trainingService';
import { PrivacyService } from '../../src/services/privacyService';
import { ExportTokens } from '../../src/services/exportTokens';
import { ReferralService } from '../../src/services/referralService';
import type { DialogServices } from '../../src/bot/createDialogs';
import { MemoryStorage } from 'botbuilder';
import { PseudonymousConversationState } from '../../src/bot/pseudonymousState';
import { handoffConversation, RecentExchange } from '../../src/bot/recentExchange';
import { parseOpeningHours } from '../../src/domain';
import { HandoffService } from '../../src/services/handoffService';

/** The pseudonym secret of the harness's conversation state. */
export const HARNESS_SECRET = 'a-test-secret-of-at-least-32-characters';

const ROOT = path.resolve(__dirname, '..', '..');

export const content = loadContent(path.join(ROOT, 'content'));
export const localizer = Localizer.load(path.join(ROOT, 'locales'), SHIPPED_LANGUAGES, 'fr');
export const lexicons = loadLexicons(path.join(ROOT, 'lexicons'));

/** The pseudonymous key the harness gives a channel user id (the TestAdapter's user is `user1`). */
export const userKeyOf = (context: TurnContext): string => `key-${context.activity.from.id}`;

/** Who the person is before the test starts. */
export interface KnownPerson {
  /** The user id on the channel (default `user1`, the TestAdapter's). */
  userId?: string;
  language?: string;
  consent?: 'granted' | 'refused';
}

export interface DialogHarness {
  /** What dialogs are built from: real services on an in-memory SQLite database. */
  services: DialogServices;
  storage: StorageBundle;
  references: ConversationReferenceService;
  /** Conversation state (in memory) and the recent turns kept in it, as the bot keeps them. */
  conversationState: PseudonymousConversationState;
  recent: RecentExchange;
  /** Starts each turn as the bot does: loads the person and sets the turn's language. */
  middlewares: Middleware[];
  now: Date;
}

/** Real services on an in-memory SQLite database, for dialog and bot tests. */
export async function dialogHarness(options: { lang: string; person?: KnownPerson; today?: string; handoffHours?: string }): Promise<DialogHarness> {
  const storage = await openSqliteStorage({ file: ':memory:' });
  const now = new Date(`${options.today ?? '2026-11-29'}T10:00:00Z`);
  const clock = () => now;
  const consent = new ConsentService(storage.consents, content.privacyNotice, clock);
  const profiles = new ProfileService(storage.profiles);
  const referrals = new ReferralService({
    referrals: storage.referrals,
    partners: content.partners,
    clock,
    emailEnabled: false,
    trainingPartners: new Map(content.trainings.trainings.map((t) => [t.id, t.partnerId]))
  });
  const privacy = new PrivacyService({
    storage,
    consent,
    referrals,
    clock,
    retentionDays: content.privacyNotice.retentionDays,
    transientHours: 24,
    exportTokens: new ExportTokens('a-test-secret-of-at-least-32-characters'),
    exportLinkDays: 1
  });
  const people = new People({ consent, profiles, privacy });
  const known = options.person;
  if (known) {
    const userKey = `key-${known.userId ?? 'user1'}`;
    if (known.language) await profiles.setLanguage(userKey, known.language);
    if (known.consent) await consent.decide({ userKey, granted: known.consent === 'granted', language: known.language ?? options.lang });
  }
  const references = new ConversationReferenceService(storage.conversationReferences);
  const conversationState = new PseudonymousConversationState(new MemoryStorage(), HARNESS_SECRET);
  const recent = new RecentExchange(conversationState, clock);
  const services: DialogServices = {
    localizer,
    lexicons,
    people,
    consent,
    referrals,
    references,
    handoffs: new HandoffService({ handoffs: storage.handoffs, consent, clock, hours: parseOpeningHours(options.handoffHours ?? 'always', 'Europe/Paris') }),
    handoffConversation: handoffConversation({ pseudonymSecret: HARNESS_SECRET, clock, recent }),
    privacy,
    clock,
    eligibility: new EligibilityService(content, storage.eligibilityChecks, clock, 'Europe/Paris'),
    assessment: new AssessmentService(content, storage.assessments, storage.profileLinks, clock, { timeZone: 'Europe/Paris', linkValidityDays: 7 }),
    trainings: new TrainingService(content, storage.trainingInterests, clock, 'Europe/Paris'),
    trainingQueries: new TrainingQueryParser((lang, key) => (localizer.has(lang, key) ? localizer.list(lang, key) : []), lexicons),
    publicBaseUrl: 'http://passerelle.test'
  };
  const middlewares: Middleware[] = [
    {
      onTurn: async (context, next) => {
        const person = await people.load(userKeyOf(context));
        startTurn(context, { localizer, person, language: person.language ?? options.lang, proposedLanguages: [] });
        await recent.record(context);
        await next();
        await conversationState.saveChanges(context);
      }
    }
  ];
  return { services, storage, references, conversationState, recent, middlewares, now };
}

/** A person who chose `language` and agreed to the privacy notice. */
export function consented(language: string): KnownPerson {
  return { language, consent: 'granted' };
}
