import type { Middleware, TurnContext } from 'botbuilder';
import { renderForChannel } from './renderForChannel';

/**
 * The one rendering step every outgoing reply goes through: each activity sent during a turn
 * is replaced by what `renderForChannel` makes of it for the turn's channel (suggested actions,
 * a hero card or a numbered list; markdown converted; long texts split). Every part keeps the
 * reply's addressing and hints (replyToId, locale, inputHint…), set by `TurnContext` before
 * this handler runs.
 */
export class ChannelRenderingMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (ctx, activities, sendNext) => {
      const channelId = ctx.activity.channelId;
      // Replaced in place: TurnContext sends this very array once the handlers have run.
      activities.splice(0, activities.length, ...activities.flatMap((activity) => renderForChannel(activity, channelId)));
      return sendNext();
    });
    await next();
  }
}
