import { TurnContext, type Activity, type ResourceResponse, type StatePropertyAccessor } from 'botbuilder';
import { ConcurrentUpdateError, EtagConflictError } from '../storage';
import type { CheckedBotState } from './pseudonymousState';

/**
 * What conversation state remembers of the turns it committed: the ids of the latest activities
 * (newest last) and the replies of the newest one, so that a channel delivering an activity again
 * gets no second turn.
 */
export interface CommittedTurns {
  ids: string[];
  lastReplies: Partial<Activity>[];
}

/** How many committed activity ids a conversation remembers. */
export const REMEMBERED_TURNS = 20;

/** Activities that leave at once even while a turn holds its replies: they promise nothing. */
const PASS_THROUGH: readonly string[] = ['typing', 'invokeResponse'];

const HELD = Symbol('passerelle.heldReplies');

/**
 * A turn's replies, held back until its state is committed: the adapter's `sendActivities`
 * hands each outgoing activity here (after the rendering and language handlers ran) while the
 * turn holds them; typing indicators and invoke responses go out at once.
 */
export class HeldReplies {
  private readonly held: Partial<Activity>[] = [];
  private holding = true;

  private constructor() {}

  /** Starts holding the replies of `context`'s turn. */
  static start(context: TurnContext): HeldReplies {
    const held = new HeldReplies();
    context.turnState.set(HELD, held);
    return held;
  }

  /** The replies `context`'s turn is holding, or undefined when its replies go out at once. */
  static of(context: TurnContext): HeldReplies | undefined {
    const held = context.turnState.get(HELD) as HeldReplies | undefined;
    return held?.holding ? held : undefined;
  }

  /** Whether an outgoing activity is held (or leaves at once). */
  static holds(activity: Partial<Activity>): boolean {
    return !PASS_THROUGH.includes(activity.type ?? '');
  }

  /** Keeps a copy of an outgoing activity (exactly its JSON, as it would be sent). */
  hold(activity: Partial<Activity>): ResourceResponse {
    this.held.push(JSON.parse(JSON.stringify(activity)) as Partial<Activity>);
    return { id: `held-${this.held.length}` };
  }

  /** The activities held so far, in order. */
  get activities(): readonly Partial<Activity>[] {
    return this.held;
  }

  /** Stops holding; what was held is dropped (the turn failed or is run again). */
  discard(): void {
    this.holding = false;
    this.held.length = 0;
  }

  /** Stops holding and returns what was held, to be sent now. */
  release(): Partial<Activity>[] {
    this.holding = false;
    return this.held.splice(0);
  }
}

/**
 * Whether a turn failed because another turn of the same conversation wrote first (its state,
 * or a record it read): the turn can run again from the state as it now is.
 */
export function isTurnConflict(err: unknown): boolean {
  return err instanceof EtagConflictError || err instanceof ConcurrentUpdateError;
}

/**
 * A turn's commit: its replies are held until the conversation state is saved together with
 * the record of the turn (the activity's id and the replies) in one eTag-checked write; only
 * then are they sent. A turn whose write conflicts fails with `EtagConflictError` having sent
 * nothing, so it can run again as a whole from fresh state (`TurnRunner` does). An activity
 * delivered again after its turn committed gets that turn's replies again (or nothing, when
 * newer turns have committed since), never a second turn.
 */
export class TurnCommits {
  private readonly committed: StatePropertyAccessor<CommittedTurns>;

  constructor(private readonly conversationState: CheckedBotState) {
    this.committed = conversationState.createProperty<CommittedTurns>('committedTurns');
  }

  /**
   * Runs `turn` with its replies held, then commits and sends them; for an activity already
   * committed, sends its replies again instead of running `turn`. A failure (a conflict
   * included) drops the held replies and is thrown, so that the error handler's message goes
   * out alone.
   */
  async run(context: TurnContext, turn: () => Promise<void>): Promise<void> {
    const held = HeldReplies.start(context);
    let replies: Partial<Activity>[];
    try {
      const before = JSON.stringify(await this.conversationState.load(context));
      const again = await this.committedReplies(context);
      if (again) {
        held.discard();
        await this.send(context, again, true);
        return;
      }
      await turn();
      await this.commit(context, before, held.activities);
      replies = held.release();
    } catch (err) {
      held.discard();
      throw err;
    }
    await this.send(context, replies, false);
  }

  /** The replies to send again when this activity's turn was already committed, else undefined. */
  private async committedReplies(context: TurnContext): Promise<Partial<Activity>[] | undefined> {
    const id = context.activity.id;
    if (!id) return undefined;
    const log = await this.committed.get(context);
    if (!log?.ids.includes(id)) return undefined;
    return log.ids[log.ids.length - 1] === id ? log.lastReplies : [];
  }

  /**
   * Saves the state with the turn's record when the turn changed the state or replied; one
   * write, refused with `EtagConflictError` when another turn wrote the state since it was read
   * (or created it, when there was none).
   */
  private async commit(context: TurnContext, before: string, replies: readonly Partial<Activity>[]): Promise<void> {
    const id = context.activity.id;
    const changed = (): boolean => JSON.stringify(this.conversationState.get(context)) !== before;
    if (id && (replies.length > 0 || changed())) {
      const log = (await this.committed.get(context)) ?? { ids: [], lastReplies: [] };
      await this.committed.set(context, {
        ids: [...log.ids.filter((known) => known !== id), id].slice(-REMEMBERED_TURNS),
        // Without their addresses (the person's channel id, the conversation): a reply sent
        // again is addressed to the delivery that asks for it.
        lastReplies: replies.map(({ from: _from, recipient: _recipient, conversation: _conversation, serviceUrl: _serviceUrl, ...reply }) => reply)
      });
    }
    if (changed()) await this.conversationState.saveChecked(context);
  }

  /**
   * Sends activities that already went through the turn's send handlers (rendering, language)
   * straight to the adapter; replies sent again are addressed to this delivery of the activity.
   */
  private async send(context: TurnContext, activities: readonly Partial<Activity>[], again: boolean): Promise<void> {
    if (activities.length === 0) return;
    const reference = TurnContext.getConversationReference(context.activity);
    const outgoing = activities.map((activity) => (again ? TurnContext.applyConversationReference({ ...activity }, reference) : { ...activity }));
    await context.adapter.sendActivities(context, outgoing);
  }
}
