import { createDialogs } from '../../src/bot/createDialogs';
import { PasserelleBot } from '../../src/bot/passerelleBot';
import { ConversationStartService } from '../../src/services/conversationStartService';
import { lexicons, userKeyOf, type DialogHarness } from './dialogHarness';

/** The whole bot, as the app composes it, on the harness's real services (conversation state in memory). */
export function testBot(harness: DialogHarness): PasserelleBot {
  const dialogs = createDialogs(harness.services);
  return new PasserelleBot({
    conversationState: harness.conversationState,
    localizer: harness.services.localizer,
    people: harness.services.people,
    references: harness.references,
    starts: new ConversationStartService(harness.storage.conversationStarts, () => harness.now, 'Europe/Paris'),
    userKeyOf,
    turnIdOf: (context) => (context.activity.id ? `turn-${context.activity.conversation?.id}-${context.activity.id}` : undefined),
    clock: () => harness.now,
    mainDialog: dialogs.main,
    languageDialog: dialogs.language,
    myReferralsDialog: dialogs.myReferrals,
    infoAnswerDialog: dialogs.infoAnswer,
    handoffDialog: dialogs.handoff,
    lexicons,
    recent: harness.recent,
    myDataDialog: dialogs.myData
  });
}
