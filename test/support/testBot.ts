import { MemoryStorage } from 'botbuilder';
import { createDialogs } from '../../src/bot/createDialogs';
import { PasserelleBot } from '../../src/bot/passerelleBot';
import { PseudonymousConversationState } from '../../src/bot/pseudonymousState';
import { userKeyOf, type DialogHarness } from './dialogHarness';

/** The whole bot, as the app composes it, on the harness's real services (conversation state in memory). */
export function testBot(harness: DialogHarness): PasserelleBot {
  const dialogs = createDialogs(harness.services);
  return new PasserelleBot({
    conversationState: new PseudonymousConversationState(new MemoryStorage(), 'a-test-secret-of-at-least-32-characters'),
    localizer: harness.services.localizer,
    people: harness.services.people,
    references: harness.references,
    userKeyOf,
    turnIdOf: (context) => (context.activity.id ? `turn-${context.activity.id}` : undefined),
    clock: () => harness.now,
    mainDialog: dialogs.main,
    languageDialog: dialogs.language,
    myReferralsDialog: dialogs.myReferrals,
    infoAnswerDialog: dialogs.infoAnswer,
    myDataDialog: dialogs.myData
  });
}
