import path from 'node:path';
import { MemoryStorage, UserState, type Middleware, type TurnContext } from 'botbuilder';
import { SHIPPED_LANGUAGES } from '../../src/config';
import { loadContent } from '../../src/content';
import { Localizer } from '../../src/i18n';
import { loadLexicons, TrainingQueryParser } from '../../src/understanding';
import { openSqliteStorage, type StorageBundle } from '../../src/storage';
import { ConsentService } from '../../src/services/consentService';
import { EligibilityService } from '../../src/services/eligibilityService';
import { AssessmentService } from '../../src/services/assessmentService';
import { TrainingService } from '../../src/services/trainingService';
import { setTurnLanguage } from '../../src/bot/turnLanguage';
import type { UserData } from '../../src/bot/userData';
import type { DialogDeps } from '../../dialogs';

const ROOT = path.resolve(__dirname, '..', '..');

export const content = loadContent(path.join(ROOT, 'content'));
export const localizer = Localizer.load(path.join(ROOT, 'locales'), SHIPPED_LANGUAGES, 'fr');
export const lexicons = loadLexicons(path.join(ROOT, 'lexicons'));

export interface DialogHarness {
  deps: DialogDeps;
  storage: StorageBundle;
  userState: UserState;
  /** Sets the turn language (as the bot does) and saves user state after each turn. */
  middlewares: Middleware[];
}

/** Real services on an in-memory SQLite database, for dialog tests. */
export async function dialogHarness(options: { lang: string; user?: UserData; today?: string }): Promise<DialogHarness> {
  const storage = await openSqliteStorage({ file: ':memory:' });
  const userState = new UserState(new MemoryStorage());
  const userData = userState.createProperty<UserData>('user');
  const now = new Date(`${options.today ?? '2026-11-29'}T10:00:00Z`);
  const deps: DialogDeps = {
    localizer,
    lexicons,
    userData,
    userKeyOf: (context: TurnContext) => `key-${context.activity.from.id}`,
    consent: new ConsentService(storage.consents, storage.profiles, () => now),
    eligibility: new EligibilityService(content, storage.eligibilityChecks, () => now, 'Europe/Paris'),
    assessment: new AssessmentService(content, storage.assessments, storage.profileLinks, () => now, {
      timeZone: 'Europe/Paris',
      linkValidityDays: 7
    }),
    trainings: new TrainingService(content, storage.trainingInterests, () => now, 'Europe/Paris'),
    trainingQueries: new TrainingQueryParser((lang, key) => (localizer.has(lang, key) ? localizer.list(lang, key) : []), lexicons),
    publicBaseUrl: 'http://passerelle.test',
    privacyNotice: content.privacyNotice
  };
  const middlewares: Middleware[] = [
    {
      onTurn: async (context, next) => {
        const user = await userData.get(context, options.user ?? {});
        setTurnLanguage(context, user.language ?? options.lang);
        await next();
        await userState.saveChanges(context);
      }
    }
  ];
  return { deps, storage, userState, middlewares };
}

export const CONSENTED: UserData = {
  language: 'en',
  consent: { decision: 'granted', noticeVersion: content.privacyNotice.version, guardianConfirmed: null }
};
