import { z } from 'zod';
import { COUNTRY_CODES, PROGRAMME_IDS } from '../domain/eligibility/types';
import { PARTNER_KINDS, PARTNER_SERVICES, type PartnerDirectory } from '../domain/referrals';
import { readValidated } from './readContentFile';

/** File name of the partners inside the content directory. */
export const PARTNERS_FILE = 'partners.json';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

function unique<T extends string>(items: z.ZodType<T>, what: string) {
  return z.array(items).superRefine((list, ctx) => {
    list.forEach((item, i) => {
      if (list.indexOf(item) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `"${item}" is listed twice in ${what}` });
    });
  });
}

const httpsUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//.test(u), { message: 'expected an http(s) URL' });

const partner = z.strictObject({
  id: z.string().regex(ID, { message: 'expected lower-case letters and digits joined by "-" (e.g. "fr-coordinator")' }),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(PARTNER_KINDS),
  countries: unique(z.enum(COUNTRY_CODES), 'countries').min(1),
  regions: unique(z.string().trim().min(1).max(100), 'regions'),
  programmes: unique(z.enum(PROGRAMME_IDS), 'programmes').min(1),
  services: unique(z.enum(PARTNER_SERVICES), 'services').min(1),
  languages: unique(z.string().regex(/^[a-z]{2,3}$/, { message: 'expected a language code such as "fr" or "ckb"' }), 'languages').min(1),
  capacity: z.number().int().min(0).max(100_000),
  notificationLanguage: z.string().regex(/^[a-z]{2,3}$/, { message: 'expected a language code such as "fr"' }),
  delivery: z.strictObject({
    webhookUrl: httpsUrl.nullable(),
    signingSecretEnv: z.string().regex(ENV_NAME, { message: 'expected the NAME of an environment variable, such as PARTNER_FR_SECRET' }).nullable(),
    email: z.string().email({ message: 'expected an e-mail address' }).nullable()
  }),
  contact: z.strictObject({
    address: z.string().trim().min(1).max(300).optional(),
    phone: z.string().trim().min(1).max(50).optional(),
    website: httpsUrl.optional()
  })
});

/** Schema of `content/partners.json`. Strict: an unknown field is an error. */
export const partnersFileSchema = z
  .strictObject({
    /** `true` while the shipped sample is in use. */
    sample: z.boolean().optional(),
    /** For administrators; ignored by the code. */
    note: z.string().optional(),
    version: z.string().trim().min(1),
    programmeCapacity: z.partialRecord(z.enum(PROGRAMME_IDS), z.number().int().min(1).max(1_000_000)),
    partners: z.array(partner).min(1)
  })
  .superRefine((file, ctx) => {
    file.partners.forEach((p, i) => {
      if (file.partners.findIndex((other) => other.id === p.id) !== i) {
        ctx.addIssue({ code: 'custom', path: ['partners', i, 'id'], message: `expected a unique id; "${p.id}" is used twice` });
      }
      if (p.delivery.webhookUrl && !p.delivery.signingSecretEnv) {
        ctx.addIssue({ code: 'custom', path: ['partners', i, 'delivery', 'signingSecretEnv'], message: 'a webhook needs the name of the variable holding its signing secret' });
      }
    });
  });

/**
 * Reads and validates `content/partners.json` (start-up only).
 *
 * @throws ContentValidationError naming the file, the field path and what was expected.
 */
export function loadPartners(dir: string): PartnerDirectory {
  const file = readValidated(dir, PARTNERS_FILE, partnersFileSchema);
  return {
    sample: file.sample === true,
    version: file.version,
    programmeCapacity: file.programmeCapacity,
    partners: file.partners.map((p) => ({ ...p, contact: { ...p.contact } }))
  };
}
