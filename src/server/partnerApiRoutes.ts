import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { allowedActions, normaliseReference, REFERRAL_STATUSES, type Referral, type ReferralAction, type ReferralStatus, type TransitionRefusal } from '../domain';
import type { PartnerKeyService } from '../services/partnerKeyService';
import type { ReferralService } from '../services/referralService';
import { flatErrorShape, parseBody, queryParam, requireJsonIfBody, sendJson } from './http';

/** Base path of the partner API (docs/partner-api.yaml). */
export const PARTNER_API_PATH = '/api/partner/v1';

const errors = flatErrorShape();
const NO_STORE = { 'Cache-Control': 'no-store' };

/** The actions partners take, as URL words. */
const ACTIONS: Record<string, ReferralAction> = {
  accept: 'accept',
  decline: 'decline',
  'request-info': 'requestInfo',
  enrolled: 'enrol',
  completed: 'complete'
};

const bodies: Record<ReferralAction, z.ZodType> = {
  accept: z.object({}).strict(),
  enrol: z.object({}).strict(),
  complete: z.object({}).strict(),
  decline: z.object({ reason: z.string().trim().min(1).max(1000) }).strict(),
  requestInfo: z.object({ question: z.string().trim().min(1).max(1000) }).strict(),
  review: z.never(),
  route: z.never(),
  answerInfo: z.never(),
  withdraw: z.never()
};

/** A referral as its partner sees it: what the person agreed to share, the questions, what it can do. */
export function partnerView(referral: Referral, partnerId: string): Record<string, unknown> {
  const withdrawn = referral.details.consent.withdrawnAt !== undefined;
  return {
    id: referral.id,
    reference: referral.reference,
    programme: referral.programme,
    status: referral.status,
    language: referral.language,
    createdAt: referral.createdAt.toISOString(),
    updatedAt: referral.updatedAt.toISOString(),
    waitingSince: referral.waitingSince.toISOString(),
    shared: withdrawn ? {} : referral.details.shared,
    infoRequests: withdrawn ? [] : referral.details.infoRequests.map((r) => ({ id: r.id, question: r.question, askedAt: r.askedAt, answer: r.answer ?? null, answeredAt: r.answeredAt ?? null })),
    declineReason: referral.details.declineReason ?? null,
    history: referral.details.history.map((e) => ({ at: e.at, action: e.action, from: e.from, to: e.to, by: e.actor.kind })),
    allowedActions: allowedActions(referral, { kind: 'partner', id: partnerId }).map((a) => Object.keys(ACTIONS).find((k) => ACTIONS[k] === a) ?? a)
  };
}

/**
 * The partner API: a partner's system lists its referrals, reads one, and changes its state
 * (accept, decline with a reason, request information, enrolled, completed), with an API key
 * that belongs to one partner (`Authorization: Bearer pk_…`). Another partner's referral does
 * not exist for it (404). Refused transitions are 409 with the reason and the allowed actions;
 * a full programme is 409 `capacity_reached`.
 */
export function addPartnerApiRoutes(server: Server, deps: { referrals: ReferralService; keys: PartnerKeyService }): void {
  server.get(`${PARTNER_API_PATH}/referrals`, listReferralsHandler(deps));
  server.get(`${PARTNER_API_PATH}/referrals/:id`, getReferralHandler(deps));
  server.post(`${PARTNER_API_PATH}/referrals/:id/:action`, actOnReferralHandler(deps));
}

type Deps = { referrals: ReferralService; keys: PartnerKeyService };

/** The calling partner, or undefined after answering 401. */
async function authenticate(req: Request, res: Response, keys: PartnerKeyService): Promise<string | undefined> {
  const header = req.header('authorization') ?? '';
  const partnerId = await keys.authenticate(/^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim());
  if (partnerId) return partnerId;
  res.header('WWW-Authenticate', 'Bearer');
  errors(res, { status: 401, code: 'unauthorized', message: 'a valid partner API key is required (Authorization: Bearer pk_…)' });
  return undefined;
}

/** The referral with that id or reference, if it is this partner's; undefined after answering 404. */
async function ownReferral(referrals: ReferralService, idOrReference: string, partnerId: string, res: Response): Promise<Referral | undefined> {
  const byId = await referrals.get(idOrReference);
  const reference = byId ? undefined : normaliseReference(idOrReference);
  const referral = byId ?? (reference ? await referrals.findByReference(reference) : null);
  if (referral && referral.partnerId === partnerId) return referral;
  errors(res, { status: 404, code: 'not_found', message: 'no such referral for this partner' });
  return undefined;
}

function listReferralsHandler({ referrals, keys }: Deps) {
  return async (req: Request, res: Response): Promise<void> => {
    const partnerId = await authenticate(req, res, keys);
    if (!partnerId) return;
    const statusParam = queryParam(req, 'status');
    const statuses = statusParam ? statusParam.split(',').map((s) => s.trim()) : undefined;
    const unknown = statuses?.filter((s) => !(REFERRAL_STATUSES as readonly string[]).includes(s)) ?? [];
    const limit = Number(queryParam(req, 'limit') ?? '50');
    if (unknown.length > 0 || !Number.isInteger(limit) || limit < 1 || limit > 200) {
      errors(res, { status: 400, code: 'invalid_request', message: `status must be among ${REFERRAL_STATUSES.join(', ')}; limit 1 to 200` });
      return;
    }
    const list = await referrals.listForPartner(partnerId, statuses as ReferralStatus[] | undefined, limit);
    sendJson(res, 200, { referrals: list.map((r) => partnerView(r, partnerId)) }, NO_STORE);
  };
}

function getReferralHandler({ referrals, keys }: Deps) {
  return async (req: Request, res: Response): Promise<void> => {
    const partnerId = await authenticate(req, res, keys);
    if (!partnerId) return;
    const referral = await ownReferral(referrals, String(req.params.id), partnerId, res);
    if (referral) sendJson(res, 200, partnerView(referral, partnerId), NO_STORE);
  };
}

function actOnReferralHandler({ referrals, keys }: Deps) {
  return async (req: Request, res: Response): Promise<void> => {
    const partnerId = await authenticate(req, res, keys);
    if (!partnerId) return;
    const action = ACTIONS[String(req.params.action)];
    if (!action) {
      errors(res, { status: 404, code: 'not_found', message: `unknown action; use one of ${Object.keys(ACTIONS).join(', ')}` });
      return;
    }
    if (!requireJsonIfBody(req, res, errors, { code: 'unsupported_media_type', message: 'send application/json' })) return;
    const body = parseBody(req, res, bodies[action], errors, { code: 'invalid_request', fallback: {} }) as { reason?: string; question?: string } | undefined;
    if (!body) return;
    const referral = await ownReferral(referrals, String(req.params.id), partnerId, res);
    if (!referral) return;
    const result = await referrals.act(referral.id, action, { actor: { kind: 'partner', id: partnerId }, reason: body.reason, question: body.question });
    if (result.ok) {
      sendJson(res, 200, partnerView(result.referral, partnerId), NO_STORE);
      return;
    }
    if (result.reason === 'notFound') {
      errors(res, { status: 404, code: 'not_found', message: 'no such referral for this partner' });
    } else if (result.reason === 'full') {
      errors(res, { status: 409, code: 'capacity_reached', message: `all ${result.capacity} places of ${result.programme} are taken: nobody more can be accepted now` });
    } else {
      res.send(409, {
        error: 'transition_refused',
        message: refusalMessage(result.refusal),
        status: referral.status,
        allowedActions: partnerView(referral, partnerId).allowedActions
      });
    }
  };
}

function refusalMessage(refusal: TransitionRefusal): string {
  switch (refusal.code) {
    case 'finished':
      return `the referral is ${refusal.status}: nothing can change any more`;
    case 'notAllowedFrom':
      return `a referral that is ${refusal.status} cannot be changed that way`;
    case 'notYourRole':
      return 'partners cannot do that';
    case 'notYourReferral':
      return 'this referral is not routed to you';
    case 'missing':
      return `the ${refusal.field} is missing`;
  }
}
