import { z } from 'zod';

const id = z.string().min(1).max(1024);
const account = z.object({ id, name: z.string().max(1024).optional(), role: z.string().max(64).optional() }).passthrough();

/**
 * The fields Passerelle relies on in an incoming activity. Anything else is passed through
 * untouched to the Bot Framework adapter. Wrong types are rejected with a 400 that names the field.
 */
export const incomingActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(1024).optional(),
    channelId: z.string().min(1).max(128),
    serviceUrl: z.string().url().max(2048).refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL'),
    conversation: z.object({ id }).passthrough(),
    from: account,
    recipient: account.optional(),
    text: z.string().max(10_000).optional(),
    locale: z
      .string()
      .max(35)
      .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag such as fr-FR')
      .optional()
      .nullable(),
    membersAdded: z.array(account).max(100).optional(),
    value: z.unknown().optional()
  })
  .passthrough();

export type IncomingActivity = z.infer<typeof incomingActivitySchema>;

