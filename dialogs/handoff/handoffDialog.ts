import { ActionTypes, InputHints, MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { turnLanguage, turnPerson, turnRecordId, turnTexts } from '../../src/conversation';
import type { HandoffEntry, StoredConversationReference } from '../../src/domain';
import { formatDayAndTime, type Texts } from '../../src/i18n';
import type { HandoffService } from '../../src/services/handoffService';
import { fold, recognizeHandoffEnd, type Lexicon } from '../../src/understanding';
import { HANDOFF_DIALOG } from '../dialogIds';

/** What the dialog needs to know of the conversation it runs in (given by the bot layer). */
export interface HandoffConversation {
  /** The conversation's pseudonymous key (one open handoff per conversation). */
  key(context: TurnContext): string;
  /** This conversation as the place where the caseworker's replies go. */
  reach(context: TurnContext): StoredConversationReference;
  /** The conversation's last turns (empty without consent). */
  recent(context: TurnContext): Promise<HandoffEntry[]>;
}

export interface HandoffDialogDeps {
  lexicons: Readonly<Record<string, Lexicon>>;
  handoffs: HandoffService;
  conversation: HandoffConversation;
}

/** How a handoff dialog ended, for the dialog below. */
export interface HandoffOutcome {
  handoff: 'ended';
}

interface HandoffState {
  handoffId: string;
  /** The person was told once that their messages are kept; never again. */
  acknowledged: boolean;
}

const STATE = 'handoff';

/**
 * "Talk to a person": puts the conversation in the queue and tells the person what happens
 * (outside opening hours, when someone will answer, in their language). Then, while it waits or
 * a caseworker handles it, the bot does not answer in their place: what they write is kept for
 * the caseworker, acknowledged once. "End" (any language's word, or the choice to go back) ends
 * it; a caseworker's end arrives through the bot's `notify`. Either way the dialog below resumes
 * where it was: it is started from the menu, or pushed on top of whatever runs.
 */
export class HandoffDialog extends Dialog {
  constructor(private readonly deps: HandoffDialogDeps) {
    super(HANDOFF_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    const { conversation, handoffs } = this.deps;
    const texts = turnTexts(context);
    const { handoff, created } = await handoffs.request({
      id: turnRecordId(context, 'handoff'),
      userKey: turnPerson(context).userKey,
      conversationKey: conversation.key(context),
      reach: conversation.reach(context),
      language: turnLanguage(context),
      recent: await conversation.recent(context)
    });
    const state: HandoffState = { handoffId: handoff.id, acknowledged: false };
    dc.activeDialog!.state[STATE] = state;
    let text: string;
    if (!created) text = texts.t('handoff:alreadyWaiting');
    else {
      const next = handoffs.nextOpening();
      text = next ? texts.t('handoff:requestedClosed', { when: formatDayAndTime(next, texts.lang, handoffs.timeZone) }) : texts.t('handoff:requested');
    }
    await this.say(context, texts, text);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    const state = dc.activeDialog!.state[STATE] as HandoffState;
    const texts = turnTexts(context);
    const handoff = await this.deps.handoffs.get(state.handoffId);
    // Ended by a caseworker (the person was told then) or erased: the assistant is back.
    if (!handoff || handoff.status === 'ended') return dc.endDialog({ handoff: 'ended' } satisfies HandoffOutcome);
    const text = (context.activity.type === 'message' && typeof context.activity.text === 'string' ? context.activity.text : '').trim();
    if (text === '') return Dialog.EndOfTurn;
    if (this.isEnd(text, texts)) {
      await this.deps.handoffs.end(handoff.id, { kind: 'person' });
      await context.sendActivity(texts.t('handoff:ended'));
      return dc.endDialog({ handoff: 'ended' } satisfies HandoffOutcome);
    }
    const kept = await this.deps.handoffs.personSays(handoff.id, { id: turnRecordId(context, 'handoff.say'), text });
    if (!kept.ok && kept.refusal === 'ended') return dc.endDialog({ handoff: 'ended' } satisfies HandoffOutcome);
    if (!state.acknowledged) {
      state.acknowledged = true;
      await this.say(context, texts, texts.t('handoff:received'));
    }
    return Dialog.EndOfTurn;
  }

  /**
   * A dialog pushed on top meanwhile (a partner's question to answer) ended: the talk with a
   * person goes on (the base `Dialog` would end it), and the person is reminded how to go back.
   */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.repromptDialog(dc.context);
    return Dialog.EndOfTurn;
  }

  /** Said again: where things stand, and how to go back. */
  override async repromptDialog(context: TurnContext): Promise<void> {
    const texts = turnTexts(context);
    await this.say(context, texts, texts.t('handoff:alreadyWaiting'));
  }

  /** An end word of any language, or the choice to go back in the turn's language. */
  private isEnd(text: string, texts: Texts): boolean {
    return recognizeHandoffEnd(text, this.deps.lexicons) || fold(text) === fold(texts.t('handoff:end'));
  }

  /** A text with the one choice that goes back to the assistant. */
  private async say(context: TurnContext, texts: Texts, text: string): Promise<void> {
    const label = texts.t('handoff:end');
    const activity = MessageFactory.suggestedActions([{ type: ActionTypes.ImBack, title: label, value: label }], text);
    activity.inputHint = InputHints.AcceptingInput;
    activity.locale = texts.lang;
    await context.sendActivity(activity);
  }
}
