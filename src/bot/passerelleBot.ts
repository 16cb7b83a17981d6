import { ActivityHandler, type BotState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { languagesFromScript, type Localizer } from '../i18n';
import { GlobalCommandRecognizer, type GlobalCommand } from './globalCommands';
import { getTurnLanguage, setProposedLanguages, setTurnLanguage } from './turnLanguage';
import type { UserData } from './userData';

export interface PasserelleBotDeps {
  conversationState: BotState;
  userState: BotState;
  userData: StatePropertyAccessor<UserData>;
  localizer: Localizer;
  /** The root dialog (a ComponentDialog, so that dialogs pushed on top of it resume it). */
  mainDialog: Dialog;
  mainDialogId: string;
  /** The language dialog, pushed on top of whatever runs when the person asks to change language. */
  languageDialog: Dialog;
  languageDialogId: string;
}

/**
 * The bot: sets the turn's language, handles global commands (help, restart, language, menu)
 * before any dialog, runs the dialogs, and saves state once at the end of the turn.
 */
export class PasserelleBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly commands: GlobalCommandRecognizer;

  constructor(private readonly deps: PasserelleBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(deps.mainDialog);
    this.dialogs.add(deps.languageDialog);
    this.commands = new GlobalCommandRecognizer(deps.localizer);

    this.onTurn(async (context, next) => {
      await this.setLanguage(context);
      // Replies carry the language they are written in (not the channel's locale).
      context.onSendActivities(async (ctx, activities, nextSend) => {
        const lang = getTurnLanguage(ctx);
        for (const activity of activities) if (activity.type === 'message') activity.locale = lang;
        return nextSend();
      });
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id);
      if (joined) {
        const dc = await this.dialogs.createContext(context);
        if (!dc.activeDialog) await dc.beginDialog(deps.mainDialogId, { greet: true });
      }
      await next();
    });
  }

  /** Runs the turn, then saves conversation and user state (each written only if changed). */
  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
    await this.deps.userState.saveChanges(context, false);
  }

  /**
   * The person's chosen language; before they choose, the channel's locale; when the locale
   * says nothing, the script of their message (Arabic script → ar, fa, ps, ckb offered first).
   */
  private async setLanguage(context: TurnContext): Promise<void> {
    const { localizer, userData } = this.deps;
    const user = await userData.get(context, {});
    if (localizer.isSupported(user.language)) {
      setTurnLanguage(context, user.language);
      return;
    }
    const fromLocale = localizer.match(context.activity.locale);
    const proposed = fromLocale ? [fromLocale] : languagesFromScript(context.activity.text, localizer.languages);
    setProposedLanguages(context, proposed);
    setTurnLanguage(context, proposed[0] ?? localizer.defaultLanguage);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const command = this.commands.recognize(context.activity.text);
    if (command) {
      await this.runCommand(dc, command);
      return;
    }
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty || result.status === DialogTurnStatus.complete) {
      await dc.beginDialog(this.deps.mainDialogId, { greet: result.status === DialogTurnStatus.empty });
    }
  }

  private async runCommand(dc: DialogContext, command: GlobalCommand): Promise<void> {
    const { localizer, mainDialogId, languageDialogId } = this.deps;
    const { context } = dc;
    switch (command) {
      case 'help': {
        await context.sendActivity(localizer.t(getTurnLanguage(context), 'common:help'));
        if (dc.activeDialog) await dc.repromptDialog();
        else await dc.beginDialog(mainDialogId, {});
        return;
      }
      case 'restart': {
        // A first message such as Telegram's "/start" is a restart of nothing: greet instead.
        const fresh = !dc.activeDialog;
        await dc.cancelAllDialogs();
        if (!fresh) await context.sendActivity(localizer.t(getTurnLanguage(context), 'common:restarted'));
        await dc.beginDialog(mainDialogId, { greet: fresh });
        return;
      }
      case 'menu':
        await dc.cancelAllDialogs();
        await dc.beginDialog(mainDialogId, { greet: false });
        return;
      case 'language':
        // Pushed on top: when it ends, the dialog below resumes and asks its question again,
        // now in the new language.
        await dc.beginDialog(languageDialogId);
        return;
    }
  }
}

