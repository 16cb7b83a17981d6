import { BotState, type Storage, type StorageKeyFactory, type TurnContext } from 'botbuilder';
import { pseudonymize } from './pseudonym';

/** The pseudonymous key of the user of a turn (channel + user id). */
export function userKeyOf(secret: string, context: TurnContext): string {
  const a = context.activity;
  return pseudonymize(secret, 'user', a.channelId, a.from.id);
}

/** The pseudonymous key of the conversation of a turn (channel + conversation id). */
export function conversationKeyOf(secret: string, channelId: string, conversationId: string): string {
  return pseudonymize(secret, 'conversation', channelId, conversationId);
}

/**
 * A secret, stable id of a turn's activity (channel + conversation + activity id): the same
 * each time the activity is delivered; undefined when the activity has no id.
 */
export function turnIdOf(secret: string, context: TurnContext): string | undefined {
  const a = context.activity;
  return a.id ? pseudonymize(secret, 'turn', a.channelId, a.conversation.id, a.id) : undefined;
}

/**
 * The eTag a turn writes a state with when it read none: a value no stored eTag has, so the
 * write creates the state, or is refused (`EtagConflictError`) when another turn created it
 * meanwhile, instead of overwriting it.
 */
export const NEW_STATE_ETAG = 'passerelle:new-state';

/**
 * Bot state whose turn writes are checked by eTag. botbuilder's `BotState.saveChanges` writes
 * with eTag `*`, which overwrites whatever another turn (in another instance) saved meanwhile;
 * `saveChecked` writes with the eTag the state was read with.
 */
export class CheckedBotState extends BotState {
  constructor(storage: Storage, storageKey: StorageKeyFactory) {
    super(storage, storageKey);
  }

  /**
   * Writes the turn's state as it now is (loaded earlier in the turn), expecting the stored
   * item to be the one it was read from: `EtagConflictError` from storage when another turn
   * wrote it since, or created it when there was none. Nothing is written when the state was
   * never loaded.
   */
  async saveChecked(context: TurnContext): Promise<void> {
    const state = this.get(context) as Record<string, unknown> | undefined;
    if (!state) return;
    const key = await this.storageKey(context);
    await this.storage.write({ [key]: { ...state, eTag: state.eTag || NEW_STATE_ETAG } });
  }


  /** Deletes the stored state of the turn's conversation (the person was erased) and the turn's copy (`BotState.delete`). */
  async deleteStored(context: TurnContext): Promise<void> {
    await this.delete(context);
  }
}

/** Conversation state stored under a pseudonymous key (`conversation/<hmac>`). */
export class PseudonymousConversationState extends CheckedBotState {
  constructor(storage: Storage, secret: string) {
    super(storage, (context: TurnContext) =>
      Promise.resolve(
        `conversation/${conversationKeyOf(secret, context.activity.channelId, context.activity.conversation.id)}`
      )
    );
  }
}
