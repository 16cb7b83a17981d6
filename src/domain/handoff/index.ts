export { HANDOFF_SPEAKERS, HANDOFF_STATUSES } from './types';
export type { Handoff, HandoffEnder, HandoffEntry, HandoffSpeaker, HandoffStatus } from './types';
export {
  addCaseworkerReply,
  addPersonMessage,
  clipEntryText,
  compareWaiting,
  endHandoff,
  forgetExchange,
  isOpen,
  MAX_ENTRY_LENGTH,
  MAX_EXCHANGE_ENTRIES,
  MAX_RECENT_ENTRIES,
  requestHandoff,
  takeHandoff
} from './handoff';
export type { HandoffRefusal, HandoffResult, NewHandoff } from './handoff';
export { isOpenAt, nextOpening, OpeningHoursError, parseOpeningHours, WEEKDAYS } from './openingHours';
export type { OpeningHours, TimeRange, Weekday } from './openingHours';
