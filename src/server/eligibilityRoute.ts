import { z } from 'zod';
import type { Request, Response } from 'restify';
import type { Localizer } from '../i18n';
import { isValidIsoDate } from '../domain';
import { COUNTRY_CODES, PROJECT_STATUSES, QUALIFICATIONS, SITUATIONS } from '../domain/eligibility/types';
import type { EligibilityService } from '../services/eligibilityService';
import { explainEligibility } from '../services/eligibilityExplainer';
import { flatErrorShape, parseBody, requireJson } from './http';

const isoDate = z.string().refine(isValidIsoDate, 'must be a real calendar date YYYY-MM-DD');

/** Body of `POST /api/eligibility` (documented in docs/openapi.yaml). */
export const walkInRequestSchema = z
  .object({
    lang: z.string().max(35).optional(),
    asOf: isoDate.optional(),
    answers: z
      .object({
        birthDate: isoDate.optional(),
        age: z.number().int().min(0).max(120).optional(),
        birthYear: z.number().int().min(1800).max(2200).optional(),
        situation: z.enum(SITUATIONS).optional(),
        qualification: z.enum(QUALIFICATIONS).optional(),
        country: z.enum(COUNTRY_CODES).optional(),
        region: z.string().trim().min(1).max(80).optional(),
        livesInCamp: z.boolean().optional(),
        project: z.enum(PROJECT_STATUSES).optional()
      })
      .strict()
  })
  .strict();

/** The walk-in API's errors: `{ error, message? }`, and `{ error, fields, reasons }` for a rejected body. */
const walkInErrors = flatErrorShape({ withFields: true });

/**
 * `POST /api/eligibility`: the walk-in check. Same rules and texts as the chat; stores nothing.
 */
export function createEligibilityHandler(deps: {
  eligibility: EligibilityService;
  localizer: Localizer;
}): (req: Request, res: Response) => Promise<void> {
  const { eligibility, localizer } = deps;
  return async (req, res) => {
    if (!requireJson(req, res, walkInErrors, { code: 'unsupported_media_type', message: 'send the answers as application/json' })) return;
    const body = parseBody(req, res, walkInRequestSchema, walkInErrors, { code: 'invalid_request' });
    if (!body) return;
    const lang = localizer.resolve(body.lang);
    const result = eligibility.evaluate(body.answers, body.asOf);
    res.send(200, {
      rulesVersion: result.rulesVersion,
      asOf: result.asOf,
      lang,
      programmes: explainEligibility(result, localizer.textsIn(lang))
    });
  };
}
