import { z } from 'zod';

/** Conversation ids this endpoint issues: 22 url-safe characters (128 random bits). */
export const CONVERSATION_ID = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * User ids bound into tokens: the page's random id kept in the browser. They are the
 * person's only key to their conversation, so they must look random enough.
 */
export const USER_ID = /^[A-Za-z0-9_-]{16,128}$/;

const locale = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag such as fr-FR');

/** Body of `POST /v3/directline/tokens/generate` (all optional, like Azure's). */
export const generateTokenSchema = z
  .object({
    user: z
      .object({
        id: z.string().regex(USER_ID, 'must be 16 to 128 letters, digits, _ or - (a random id)').optional(),
        name: z.string().max(256).optional()
      })
      .passthrough()
      .optional(),
    /** Resume this conversation (it must be bound to the same user). */
    conversationId: z.string().regex(CONVERSATION_ID, 'must be a conversation id issued by this server').optional(),
    trustedOrigins: z.array(z.string().max(2048)).max(20).optional()
  })
  .passthrough();

/** Body of `POST /v3/directline/conversations` (Direct Line JS sends `{ user, locale }`). */
export const startConversationSchema = z
  .object({
    user: z.object({ id: z.string().max(1024).optional() }).passthrough().optional(),
    locale: locale.optional().nullable()
  })
  .passthrough();

/**
 * An activity a client posts. Only these fields reach the bot; the server sets id, timestamp,
 * channel, conversation, serviceUrl, recipient and `from.id` itself.
 */
export const clientActivitySchema = z.object({
  type: z.enum(['message', 'event', 'typing'], { message: 'must be message, event or typing' }),
  text: z.string().max(10_000).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: locale.optional().nullable(),
  localTimestamp: z.string().max(64).optional(),
  localTimezone: z.string().max(64).optional(),
  name: z.string().max(256).optional(),
  value: z.unknown().optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  entities: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
  from: z.object({ id: z.string().max(1024).optional(), name: z.string().max(256).optional() }).passthrough().optional(),
  attachments: z.array(z.unknown()).max(0, 'attachments are not accepted by the local Direct Line').optional()
});

export type ClientActivity = z.infer<typeof clientActivitySchema>;

/** An activity the bot sends to the local Connector route: what we rely on, the rest kept. */
export const botActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(1024).optional(),
    text: z.string().max(100_000).optional(),
    replyToId: z.string().max(1024).optional(),
    from: z.object({ id: z.string().max(1024) }).passthrough().optional()
  })
  .passthrough();
