import { ActivityHandler, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogContext, type DialogState, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import { conversationReferenceOf, isConversationForgotten, peekTurnLanguage, startTurn, turnLanguage, turnPerson, turnRecordId, turnTexts, type People } from '../conversation';
import { languagesFromScript, type Localizer, type Texts } from '../i18n';
import type { ConversationReferenceService } from '../services/conversationReferenceService';
import type { Clock } from '../services/clock';
import { isDialogActive } from '../../dialogs';
import { recognizeHandoffRequest, type Lexicons } from '../understanding';
import { GlobalCommandRecognizer, type GlobalCommand } from './globalCommands';
import type { RecentExchange } from './recentExchange';
import { countryOfLocale, type SafetyNet } from './safetyNet';
import type { CheckedBotState } from './pseudonymousState';
import { TurnCommits } from './turnCommits';
import { KEEP_UNTIL_FIELD } from '../storage/storeItemCodec';

export interface PasserelleBotDeps {
  /** Conversation state, saved once per turn with an eTag check (see `TurnCommits`). */
  conversationState: CheckedBotState;
  localizer: Localizer;
  /** Loads the person of each turn (language, consent). */
  people: People;
  /** Keeps where each person can be reached later (only for people whose data may be kept). */
  references: ConversationReferenceService;
  /** Counts conversations that start (nothing personal: see `ConversationStartService`). */
  starts: { record(id: string, language: string): Promise<void> };
  /** The pseudonymous key of the turn's user. */
  userKeyOf: (context: TurnContext) => string;
  /** The secret, stable id of the turn's activity (undefined without an activity id): records the turn writes take their ids from it. */
  turnIdOf: (context: TurnContext) => string | undefined;
  clock: Clock;
  /** The root dialog (a ComponentDialog, so that dialogs pushed on top of it resume it). */
  mainDialog: Dialog;
  /** The language dialog, pushed on top of whatever runs when the person asks to change language. */
  languageDialog: Dialog;
  /** "Where is my referral?" / "cancel my referral", pushed on top of whatever runs. */
  myReferralsDialog: Dialog;
  /** Answering a partner's question, pushed on top when the question arrives. */
  infoAnswerDialog: Dialog;
  /** "Talk to a person", pushed on top of whatever runs when the person asks for one in their words. */
  handoffDialog: Dialog;
  /** Each language's words, to hear a request for a person anywhere in the conversation. */
  lexicons: Lexicons;
  /** The conversation's last turns, for the caseworker (kept only with consent). */
  recent: RecentExchange;
  /** "My information" (see, export, withdraw, erase), pushed on top of whatever runs. */
  myDataDialog: Dialog;
  /**
   * Until when the conversation state of a person whose data may not be kept is kept (the
   * retention sweep deletes it after that); without it, it is kept like any other.
   */
  transientUntil?: () => Date;
  /**
   * Transcripts the channel keeps (the local Direct Line): how long this conversation's may be
   * kept (null: the retention period), and emptied when the person is erased.
   */
  transcripts?: {
    retain(context: TurnContext, keepUntil: Date | null): Promise<void>;
    forget(context: TurnContext, keepUntil: Date): Promise<void>;
  };
  /** Answers words of distress, self-harm, violence or abuse at once, whatever is running. */
  safety: SafetyNet;
  /**
   * Told the language of each turn once the turn is over (its replies sent): the app warms up
   * that language's recognizers in the background the first time (`warmUpLanguage`).
   */
  languageUsed?: (lang: string) => void;
}

/**
 * Where botbuilder-dialogs' `DialogStateManager` keeps, in turn state, the memory scopes and
 * path resolvers it builds at the first dialog context of each turn (a service collection, a
 * settings parse, fourteen objects). They keep nothing of a turn, so the bot keeps the first
 * turn's and hands them to the next ones. Should a later botbuilder use another key, they are
 * simply built at each turn again.
 */
const DIALOG_STATE_CONFIGURATION = 'DialogStateManagerConfiguration';

/** Commands that are a person's rights over their data: heard even while a person handles the conversation. */
const PRIVACY_COMMANDS: ReadonlySet<GlobalCommand> = new Set<GlobalCommand>(['myData', 'eraseData', 'withdrawConsent']);

/** A message to the person outside of their turns, and what it opens (a question to answer). */
export interface PersonNotice {
  /** The text, in the person's language (their chosen one, else the language of the notice). */
  text: (texts: Texts) => string;
  /** The language to write in when the person never chose one. */
  fallbackLanguage: string;
  /** A dialog to push on top of whatever the person is doing (e.g. the answer to a question). */
  dialog?: { id: string; options: object };
  /** A dialog to end if it runs (a handoff a caseworker ended): the dialog below resumes. */
  closeDialog?: string;
}

/**
 * The bot: starts the turn (the person, their language), handles global commands (help,
 * restart, language, menu) before any dialog, runs the dialogs, and saves the conversation
 * state once at the end of the turn. What is known of the person lives in the services'
 * repositories, not in bot state.
 */
export class PasserelleBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  /** What was last kept as this conversation's reference, so it is written only when it changes. */
  private readonly reachedAt: StatePropertyAccessor<string>;
  /** Set once the conversation's start is counted. */
  private readonly started: StatePropertyAccessor<boolean>;
  private readonly commands: GlobalCommandRecognizer;
  private readonly commits: TurnCommits;
  /** Until when this conversation's state is kept, for people whose data may not be kept. */
  private readonly keepUntil: StatePropertyAccessor<string>;
  private dialogStateConfiguration: DialogStateManagerConfiguration | undefined;

  constructor(private readonly deps: PasserelleBotDeps) {
    super();
    this.commits = new TurnCommits(deps.conversationState);
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.reachedAt = deps.conversationState.createProperty<string>('reachedAt');
    this.started = deps.conversationState.createProperty<boolean>('started');
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(deps.mainDialog);
    this.dialogs.add(deps.languageDialog);
    this.dialogs.add(deps.myReferralsDialog);
    this.dialogs.add(deps.infoAnswerDialog);
    this.dialogs.add(deps.handoffDialog);
    this.dialogs.add(deps.myDataDialog);
    this.keepUntil = deps.conversationState.createProperty<string>(KEEP_UNTIL_FIELD);
    this.commands = new GlobalCommandRecognizer(deps.localizer);

    this.onTurn(async (context, next) => {
      await this.startTurn(context);
      await this.countStart(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id);
      if (joined) {
        const dc = await this.dialogContext(context);
        if (!dc.activeDialog) await dc.beginDialog(deps.mainDialog.id, { greet: true });
      }
      await next();
    });
  }

  /**
   * Runs the turn with its replies held, saves the conversation state with the turn's record
   * (checked by eTag: `EtagConflictError` when another turn wrote first, and nothing was sent),
   * then sends the replies. An activity already committed gets its replies again, not a second
   * turn (see `TurnCommits`).
   */
  override async run(context: TurnContext): Promise<void> {
    await this.commits.run(context, () => super.run(context));
    // The person was erased: once the turn's replies are out, the conversation keeps nothing
    // (not even the record of its turns, which names the conversation).
    if (isConversationForgotten(context)) {
      await this.deps.conversationState.deleteStored(context);
      await this.deps.transcripts?.forget(context, this.deps.transientUntil?.() ?? new Date());
    }
    const lang = peekTurnLanguage(context);
    if (lang) this.deps.languageUsed?.(lang);
  }

  /**
   * Tells the person something outside of their turns (a proactive turn on their latest
   * conversation, queued behind any turn in progress): the text in their language, and a dialog
   * pushed on top of what they were doing when there is something to answer. The dialog below
   * asks its own question again once that one ends.
   */
  async notify(context: TurnContext, notice: PersonNotice): Promise<void> {
    // Committed like a turn: nothing is sent unless the dialog pushed is saved (a conflict with a
    // turn of another instance throws, and the outbox tries again).
    await this.commits.run(context, async () => {
      await this.startTurn(context, notice.fallbackLanguage);
      await context.sendActivity(notice.text(turnTexts(context)));
      if (notice.closeDialog) {
        // Where it runs: on top, or inside the main dialog (started from the menu).
        for (let dc: DialogContext | undefined = await this.dialogs.createContext(context); dc; dc = dc.child) {
          if (dc.activeDialog?.id === notice.closeDialog) {
            await dc.endDialog();
            break;
          }
        }
      }
      if (notice.dialog) {
        const dc = await this.dialogContext(context);
        await dc.beginDialog(notice.dialog.id, notice.dialog.options);
      }
    });
  }

  /**
   * Loads the person, and sets the language of the replies: their chosen language; before they
   * choose, the channel's locale; when the locale says nothing, the script of their message
   * (Arabic script → ar, fa, ps, ckb offered first).
   */
  private async startTurn(context: TurnContext, fallbackLanguage?: string): Promise<void> {
    const { localizer, people } = this.deps;
    const person = await people.load(this.deps.userKeyOf(context));
    const fromLocale = localizer.match(fallbackLanguage) ?? localizer.match(context.activity.locale);
    const proposed = fromLocale ? [fromLocale] : languagesFromScript(context.activity.text, localizer.languages);
    const language = localizer.isSupported(person.language) ? person.language : (proposed[0] ?? localizer.defaultLanguage);
    startTurn(context, { localizer, person, language, proposedLanguages: proposed, turnId: this.deps.turnIdOf(context) });
    await this.deps.recent.record(context);
    // Replies carry the language they are written in (not the channel's locale).
    context.onSendActivities(async (ctx, activities, nextSend) => {
      const lang = turnLanguage(ctx);
      for (const activity of activities) if (activity.type === 'message') activity.locale = lang;
      return nextSend();
    });
  }

  /**
   * Counts the conversation's start once, on its first message or when the person joins (the
   * flag lives in conversation state, saved with the turn; the id comes from the turn's
   * activity, so a turn run again records the same start).
   */
  private async countStart(context: TurnContext): Promise<void> {
    const { activity } = context;
    const joined = activity.type === 'conversationUpdate' && (activity.membersAdded ?? []).some((m) => m.id !== activity.recipient?.id);
    if (activity.type !== 'message' && !joined) return;
    if (await this.started.get(context)) return;
    await this.deps.starts.record(turnRecordId(context, 'conversationStart'), turnLanguage(context));
    await this.started.set(context, true);
  }

  /** The dialog context of a turn, with the dialog memory's configuration built once per process. */
  private async dialogContext(context: TurnContext): Promise<DialogContext> {
    const known = this.dialogStateConfiguration;
    if (known && !context.turnState.has(DIALOG_STATE_CONFIGURATION)) context.turnState.set(DIALOG_STATE_CONFIGURATION, known);
    const dc = await this.dialogs.createContext(context);
    this.dialogStateConfiguration ??= context.turnState.get(DIALOG_STATE_CONFIGURATION) as DialogStateManagerConfiguration | undefined;
    return dc;
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const dc = await this.dialogContext(context);
    const text = context.activity.text;
    // While a person handles the conversation (or it waits for one), the bot does not answer in
    // their place: every message goes to the handoff dialog, commands included.
    const handedOff = isDialogActive(dc, this.deps.handoffDialog.id);
    // Words of distress are answered at once, whatever runs (during a talk with a person too).
    const concern = this.deps.safety.concernIn(text);
    // Only a person's rights over their data pass through a talk with a person: they hold at any point.
    const recognized = this.commands.recognize(text);
    const command = handedOff && !(recognized && PRIVACY_COMMANDS.has(recognized)) ? undefined : recognized;
    if (concern && !handedOff) await this.answerConcern(dc);
    else if (command) await this.runCommand(dc, command);
    else if (!handedOff && recognizeHandoffRequest(text ?? '', this.deps.lexicons)) {
      // Pushed on top: when it ends, the dialog below resumes where it was.
      await dc.beginDialog(this.deps.handoffDialog.id);
    } else {
      // Handed off: the helplines at once, and the words still reach the caseworker.
      if (concern) await context.sendActivity(this.deps.safety.answer(turnTexts(context), countryOfLocale(context.activity.locale)));
      const result = await dc.continueDialog();
      // An erased person is not greeted again in the same turn: their next message starts afresh.
      const ended = result.status === DialogTurnStatus.empty || result.status === DialogTurnStatus.complete;
      if (ended && !isConversationForgotten(context)) {
        await dc.beginDialog(this.deps.mainDialog.id, { greet: result.status === DialogTurnStatus.empty });
      }
    }
    if (isConversationForgotten(context)) {
      // The person was erased: the conversation keeps nothing of them (no dialog, no answer on
      // the way, no trace of where they were reached).
      await dc.cancelAllDialogs();
      await this.reachedAt.delete(context);
    } else await this.rememberWhereToReach(context);
    await this.markTransient(context);
  }

  /**
   * The state of a conversation whose person's data may not be kept (no consent, refused,
   * withdrawn, erased) lives only for a while: the retention sweep deletes it after `keepUntil`
   * (MongoDB's TTL index too), so answers given half-way are not kept.
   */
  private async markTransient(context: TurnContext): Promise<void> {
    const { transientUntil } = this.deps;
    if (!transientUntil) return;
    const until = turnPerson(context).consent.mayKeep ? null : transientUntil();
    if (until) await this.keepUntil.set(context, until.toISOString());
    else await this.keepUntil.delete(context);
    await this.deps.transcripts?.retain(context, until);
  }

  /**
   * Keeps this conversation as the person's latest (where referral updates and answers from a
   * caseworker reach them), when their data may be kept; written only when it changed.
   */
  private async rememberWhereToReach(context: TurnContext): Promise<void> {
    const person = turnPerson(context);
    if (!person.consent.mayKeep) return;
    const stored = conversationReferenceOf(context, person.userKey, this.deps.clock());
    const fingerprint = JSON.stringify([person.userKey, stored.channelId, stored.serviceUrl, stored.conversationId, stored.userId, stored.botId, stored.locale]);
    if ((await this.reachedAt.get(context)) === fingerprint) return;
    await this.deps.references.remember(stored);
    await this.reachedAt.set(context, fingerprint);
  }

  /**
   * A message of distress, self-harm, violence or abuse interrupts whatever runs, like a global
   * command: emergency contacts for the person's country at once; the dialog in progress is
   * kept, its question asked again after a word saying so (the message is never taken as an
   * answer to it). Nothing of the message is kept or logged.
   */
  private async answerConcern(dc: DialogContext): Promise<void> {
    const { context } = dc;
    const texts = turnTexts(context);
    await context.sendActivity(this.deps.safety.answer(texts, countryOfLocale(context.activity.locale)));
    if (dc.activeDialog) {
      await context.sendActivity(texts.t('safety:resume'));
      await dc.repromptDialog();
    } else {
      await context.sendActivity(texts.t('safety:menu'));
    }
  }

  private async runCommand(dc: DialogContext, command: GlobalCommand): Promise<void> {
    const { mainDialog, languageDialog, myReferralsDialog } = this.deps;
    const { context } = dc;
    switch (command) {
      case 'help': {
        await context.sendActivity(turnTexts(context).t('common:help'));
        if (dc.activeDialog) await dc.repromptDialog();
        else await dc.beginDialog(mainDialog.id, {});
        return;
      }
      case 'restart': {
        // A first message such as Telegram's "/start" is a restart of nothing: greet instead.
        const fresh = !dc.activeDialog;
        await dc.cancelAllDialogs();
        if (!fresh) await context.sendActivity(turnTexts(context).t('common:restarted'));
        await dc.beginDialog(mainDialog.id, { greet: fresh });
        return;
      }
      case 'menu':
        await dc.cancelAllDialogs();
        await dc.beginDialog(mainDialog.id, { greet: false });
        return;
      case 'language':
        // Already asking: ask once more, never a second question on top of the first.
        if (isDialogActive(dc, languageDialog.id)) {
          await dc.repromptDialog();
          return;
        }
        // Pushed on top: when it ends, the dialog below resumes and asks its question again,
        // now in the new language.
        await dc.beginDialog(languageDialog.id);
        return;
      case 'myData':
      case 'eraseData':
      case 'withdrawConsent': {
        const action = command === 'myData' ? 'see' : command === 'eraseData' ? 'erase' : 'withdraw';
        // Said while "My information" is open (its answers are phrases such as "Withdraw my
        // consent"): it starts again instead of stacking a second one.
        if (dc.activeDialog?.id === this.deps.myDataDialog.id) await dc.replaceDialog(this.deps.myDataDialog.id, { action });
        else await dc.beginDialog(this.deps.myDataDialog.id, { action });
        return;
      }
      case 'referrals':
      case 'cancelReferral': {
        const options = { cancel: command === 'cancelReferral' };
        // Already showing the list: show it afresh in its place, never a second one on top that
        // would bring the first back, out of date, when it ends.
        if (dc.activeDialog?.id === myReferralsDialog.id) await dc.replaceDialog(myReferralsDialog.id, options);
        else await dc.beginDialog(myReferralsDialog.id, options);
        return;
      }
    }
  }
}
