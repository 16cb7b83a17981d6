import type { BotState, TurnContext } from 'botbuilder';
import { describeError, type Logger } from '../logger';
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
/** Activity types logged as they are; any other (the channel's choice) is logged as `other`. */
const KNOWN_ACTIVITY_TYPES = new Set(['message', 'conversationUpdate', 'event', 'invoke', 'typing', 'messageReaction', 'installationUpdate']);

export function createTurnErrorHandler(deps: {
  logger: Logger;
  localizer: Localizer;
  conversationState: BotState;
  /** Told of each failed turn (metrics). */
  onError?: () => void;
}): (context: TurnContext, error: Error) => Promise<void> {
  const { logger, localizer, conversationState } = deps;
  return async (context, error) => {
    deps.onError?.();
    const corrupt = isCorruptStateError(error);
    logger.error(
      { err: describeError(error), activityType: KNOWN_ACTIVITY_TYPES.has(context.activity.type) ? context.activity.type : 'other', corrupt },
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
      logger.error({ err: describeError(sendError) }, 'could not tell the user about a failed turn');
    }
  };
}
