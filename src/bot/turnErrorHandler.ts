import type { BotState, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import type { Localizer } from '../i18n';
import { CorruptStateError } from '../storage/errors';
import { peekTurnLanguage } from '../conversation';

/** Errors after which the conversation's saved state cannot be used again. */
export function isCorruptStateError(error: unknown): boolean {
  if (error instanceof CorruptStateError) return true;
  const message = error instanceof Error ? error.message : '';
  // botbuilder-dialogs, when the saved stack names a dialog that no longer exists.
  return /dialog with an id of .* (wasn't|was not) found/i.test(message);
}

/**
 * `onTurnError`: logs without personal data (error type, message, stack, and pseudonymous
 * keys only), apologizes to the person in their language, and clears the conversation state
 * only when it is corrupt (otherwise the person's progress is kept).
 */
export function createTurnErrorHandler(deps: {
  logger: Logger;
  localizer: Localizer;
  conversationState: BotState;
}): (context: TurnContext, error: Error) => Promise<void> {
  const { logger, localizer, conversationState } = deps;
  return async (context, error) => {
    const corrupt = isCorruptStateError(error);
    logger.error(
      { err: { name: error.name, message: error.message, stack: error.stack }, activityType: context.activity.type, channelId: context.activity.channelId, corrupt },
      'turn failed'
    );
    const lang = peekTurnLanguage(context) ?? localizer.resolve(context.activity.locale);
    try {
      if (corrupt) {
        await conversationState.delete(context);
        await context.sendActivity(localizer.t(lang, 'common:error.reset'));
      } else {
        await context.sendActivity(localizer.t(lang, 'common:error.apology'));
      }
    } catch (sendError) {
      logger.error({ err: { name: (sendError as Error).name, message: (sendError as Error).message } }, 'could not tell the user about a failed turn');
    }
  };
}
