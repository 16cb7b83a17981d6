import { createHash, randomBytes } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { ConsentStatus, UserKey } from '../domain';
import type { Localizer, Texts } from '../i18n';

/** The person of a turn, as the dialogs see it: loaded once when the turn starts. */
export interface TurnPerson {
  /** Their pseudonymous key (HMAC of channel and channel user id). */
  readonly userKey: UserKey;
  /** The language they chose, or undefined before they chose one. */
  readonly language: string | undefined;
  /** Where they stand with the privacy notice in force. */
  readonly consent: ConsentStatus;
}

/** What the bot sets when a turn starts (see `startTurn`). */
export interface TurnStart {
  localizer: Localizer;
  person: TurnPerson;
  /** The language replies start in: the person's choice, else the channel's locale or the script of their message. */
  language: string;
  /** Languages to offer first when the person chooses one. */
  proposedLanguages: readonly string[];
  /**
   * A secret, stable id of the turn's activity (an HMAC of channel, conversation and activity
   * id), the same each time this activity is processed; undefined when the activity has no id.
   * Records the turn writes take their ids from it (`turnRecordId`).
   */
  turnId?: string;
}

interface TurnData {
  localizer: Localizer;
  person: TurnPerson;
  language: string;
  proposedLanguages: readonly string[];
  turnId: string | undefined;
  /** How many record ids of each purpose this run of the turn has taken. */
  recordIds: Map<string, number>;
  /** The person was erased during this turn: the conversation forgets them at its end. */
  forgotten?: boolean;
}

const TURN = Symbol('passerelle.turn');

function data(context: TurnContext): TurnData {
  const turn = context.turnState.get(TURN) as TurnData | undefined;
  if (!turn) throw new Error('the turn has not started: the bot must call startTurn first');
  return turn;
}

/** Starts a turn: the person, the language replies are written in, the languages to propose. */
export function startTurn(context: TurnContext, start: TurnStart): void {
  context.turnState.set(TURN, { ...start, turnId: start.turnId, recordIds: new Map() } satisfies TurnData);
}

/**
 * The id of a record this turn writes (a consent decision, an eligibility check, an assessment,
 * a profile link's token): the n-th id of `purpose` in the turn, derived from the turn's
 * activity, so that when the same activity is processed again (a turn retried after a
 * conflicting write, or redelivered after a crash) it writes the same records, which storage
 * refuses as duplicates, instead of new ones. Random when the activity has no id. 43 base64url
 * characters (256 bits), unguessable without the server's secret.
 */
export function turnRecordId(context: TurnContext, purpose: string): string {
  const turn = data(context);
  if (!turn.turnId) return randomBytes(32).toString('base64url');
  const n = (turn.recordIds.get(purpose) ?? 0) + 1;
  turn.recordIds.set(purpose, n);
  return createHash('sha256').update(`${turn.turnId}\u0000${purpose}\u0000${n}`).digest('base64url');
}

/** The language this turn's replies are written in. */
export function turnLanguage(context: TurnContext): string {
  return data(context).language;
}

/** The turn language if the turn has started (for error handlers), else undefined. */
export function peekTurnLanguage(context: TurnContext): string | undefined {
  return (context.turnState.get(TURN) as TurnData | undefined)?.language;
}

/** Switches the language of the replies still to come in this turn. */
export function setTurnLanguage(context: TurnContext, lang: string): void {
  data(context).language = lang;
}

/** Languages to offer first when the person chooses one (from the channel locale or the script). */
export function proposedLanguages(context: TurnContext): readonly string[] {
  return data(context).proposedLanguages;
}

/** The texts of the turn's language, following it when it changes during the turn. */
export function turnTexts(context: TurnContext): Texts {
  const turn = data(context);
  return {
    get lang() {
      return turn.language;
    },
    t: (key, params) => turn.localizer.t(turn.language, key, params),
    list: (key) => turn.localizer.list(turn.language, key),
    has: (key) => turn.localizer.has(turn.language, key)
  };
}

/** The person of this turn. */
export function turnPerson(context: TurnContext): TurnPerson {
  return data(context).person;
}

/** Replaces what the dialogs see of the person (only `People` calls it, after recording a decision). */
export function updateTurnPerson(context: TurnContext, changes: Partial<Omit<TurnPerson, 'userKey'>>): TurnPerson {
  const turn = data(context);
  turn.person = { ...turn.person, ...changes };
  return turn.person;
}

/**
 * Marks the turn's person as erased: at the end of the turn the bot empties the conversation's
 * state (dialogs, answers on the way) instead of keeping it.
 */
export function forgetConversation(context: TurnContext): void {
  data(context).forgotten = true;
}

/** Whether the turn's person was erased during this turn (`forgetConversation`). */
export function isConversationForgotten(context: TurnContext): boolean {
  const turn = context.turnState.get(TURN) as TurnData | undefined;
  return turn?.forgotten === true;
}
