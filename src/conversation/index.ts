/**
 * The conversation: what the bot and the dialogs both use during a turn (the person, the
 * turn's language and texts) and the one place that records a person's decisions. It imports
 * neither the bot nor the dialogs.
 */
export {
  forgetConversation,
  isConversationForgotten,
  peekTurnLanguage,
  proposedLanguages,
  setTurnLanguage,
  startTurn,
  turnLanguage,
  turnPerson,
  turnRecordId,
  turnTexts,
  type TurnPerson,
  type TurnStart
} from './turn';
export { People } from './people';
export { conversationReferenceOf } from './reach';
