import { ActivityHandler, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogContext, type DialogState, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import { conversationReferenceOf, peekTurnLanguage, startTurn, turnLanguage, turnPerson, turnTexts, type People } from '../conversation';
import { languagesFromScript, type Localizer, type Texts } from '../i18n';
import type { ConversationReferenceService } from '../services/conversationReferenceService';
import type { Clock } from '../services/clock';
import { isDialogActive } from '../../dialogs';
import { GlobalCommandRecognizer, type GlobalCommand } from './globalCommands';
import type { CheckedBotState } from './pseudonymousState';
import { TurnCommits } from './turnCommits';

export interface PasserelleBotDeps {
  /** Conversation state, saved once per turn with an eTag check (see `TurnCommits`). */
  conversationState: CheckedBotState;
  localizer: Localizer;
  /** Loads the person of each turn (language, consent). */
  people: People;
  /** Keeps where each person can be reached later (only for people whose data may be kept). */
  references: ConversationReferenceService;
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

/** A message to the person outside of their turns, and what it opens (a question to answer). */
export interface PersonNotice {
  /** The text, in the person's language (their chosen one, else the language of the notice). */
  text: (texts: Texts) => string;
  /** The language to write in when the person never chose one. */
  fallbackLanguage: string;
  /** A dialog to push on top of whatever the person is doing (e.g. the answer to a question). */
  dialog?: { id: string; options: object };
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
  private readonly commands: GlobalCommandRecognizer;
  private readonly commits: TurnCommits;
  private dialogStateConfiguration: DialogStateManagerConfiguration | undefined;

  constructor(private readonly deps: PasserelleBotDeps) {
    super();
    this.commits = new TurnCommits(deps.conversationState);
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.reachedAt = deps.conversationState.createProperty<string>('reachedAt');
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(deps.mainDialog);
    this.dialogs.add(deps.languageDialog);
    this.dialogs.add(deps.myReferralsDialog);
    this.dialogs.add(deps.infoAnswerDialog);
    this.commands = new GlobalCommandRecognizer(deps.localizer);

    this.onTurn(async (context, next) => {
      await this.startTurn(context);
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
    // Replies carry the language they are written in (not the channel's locale).
    context.onSendActivities(async (ctx, activities, nextSend) => {
      const lang = turnLanguage(ctx);
      for (const activity of activities) if (activity.type === 'message') activity.locale = lang;
      return nextSend();
    });
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
    const command = this.commands.recognize(context.activity.text);
    if (command) await this.runCommand(dc, command);
    else {
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty || result.status === DialogTurnStatus.complete) {
        await dc.beginDialog(this.deps.mainDialog.id, { greet: result.status === DialogTurnStatus.empty });
      }
    }
    await this.rememberWhereToReach(context);
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
      case 'referrals':
      case 'cancelReferral':
        await dc.beginDialog(myReferralsDialog.id, { cancel: command === 'cancelReferral' });
        return;
    }
  }
}
