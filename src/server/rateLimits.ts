import { isIP } from 'node:net';
import type { Request, Response } from 'restify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Rate limits (rate-limiter-flexible, in memory: each instance counts its own traffic), per
 * client address and per conversation, on what a stranger can call without an account. A
 * refused request gets 429 with `Retry-After`, before its body is read when the limit is per
 * address. A limit of 0 turns that limit off.
 */
export interface RateLimitSettings {
  /** `/api/messages` and local Direct Line activities, per client address, per minute. */
  messagesPerIp: number;
  /** `/api/messages` and local Direct Line activities, per conversation, per minute. */
  messagesPerConversation: number;
  /** Direct Line tokens (generate, refresh), per client address, per minute. */
  tokensPerIp: number;
  /** Direct Line tokens and starts of one conversation (generate to resume it, refresh, start, reconnect), per minute. */
  tokensPerConversation: number;
  /** New Direct Line conversations started, per client address, per minute (counted by the route: returning to one's own does not count)… */
  conversationsPerIp: number;
  /** …and per day. */
  conversationsPerIpPerDay: number;
  /** `/api/eligibility` (walk-in checks), per client address, per minute. */
  eligibilityPerIp: number;
  /** Reverse proxies in front of the server whose `X-Forwarded-For` is trusted (0: none). */
  trustProxyHops: number;
}

export type RateLimitName = 'messagesPerIp' | 'messagesPerConversation' | 'tokensPerIp' | 'tokensPerConversation' | 'conversationsPerIp' | 'conversationsPerIpPerDay' | 'eligibilityPerIp';

const WINDOWS: Record<RateLimitName, number> = {
  messagesPerIp: 60,
  messagesPerConversation: 60,
  tokensPerIp: 60,
  tokensPerConversation: 60,
  conversationsPerIp: 60,
  conversationsPerIpPerDay: 86_400,
  eligibilityPerIp: 60
};

/** What each limit protects, per request path (POST only): those checked before the body is read. */
const BY_PATH: { path: RegExp; limits: RateLimitName[] }[] = [
  { path: /^\/api\/messages\/?$/, limits: ['messagesPerIp'] },
  { path: /^\/api\/eligibility\/?$/, limits: ['eligibilityPerIp'] },
  { path: /^\/v3\/directline\/tokens\/(generate|refresh)\/?$/, limits: ['tokensPerIp'] },
  { path: /^\/v3\/directline\/conversations\/[^/]+\/activities\/?$/, limits: ['messagesPerIp'] }
];

export class RateLimits {
  private readonly limiters = new Map<RateLimitName, RateLimiterMemory>();

  constructor(
    readonly settings: RateLimitSettings,
    /** Told of every refusal (metrics). */
    private readonly onRefused: (limit: RateLimitName) => void = () => undefined
  ) {
    for (const name of Object.keys(WINDOWS) as RateLimitName[]) {
      const points = settings[name];
      if (points > 0) this.limiters.set(name, new RateLimiterMemory({ keyPrefix: name, points, duration: WINDOWS[name] }));
    }
  }

  /** Counts one request against `limit` for `key`: undefined when allowed, else the seconds to wait. */
  async take(limit: RateLimitName, key: string): Promise<number | undefined> {
    const limiter = this.limiters.get(limit);
    if (!limiter) return undefined;
    try {
      await limiter.consume(key);
      return undefined;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      this.onRefused(limit);
      return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    }
  }

  /** The client's address: the socket's, or the one the trusted proxies saw (`X-Forwarded-For`). */
  clientAddress(req: Request): string {
    const socket = req.socket?.remoteAddress ?? 'unknown';
    const hops = this.settings.trustProxyHops;
    if (hops === 0) return socket;
    const chain = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    // Each trusted proxy appended the address it saw: the client is `hops` from the right.
    const candidate = chain[chain.length - hops];
    return candidate && isIP(candidate) ? candidate : socket;
  }

  /**
   * The `server.pre` handler applying the per-address limits of `BY_PATH`: before routing and
   * before the body is read, so a flood costs no parsing, no validation, no token check.
   */
  preHandler(refuse: (req: Request, res: Response, retryAfterSeconds: number) => void): (req: Request, res: Response, next: (err?: unknown) => void) => void {
    return (req, res, next) => {
      if (req.method !== 'POST') return next();
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const entry = BY_PATH.find((e) => e.path.test(path));
      if (!entry) return next();
      const address = this.clientAddress(req);
      void (async () => {
        for (const limit of entry.limits) {
          const wait = await this.take(limit, address);
          if (wait !== undefined) {
            refuse(req, res, wait);
            return next(false);
          }
        }
        next();
      })().catch(next);
    };
  }
}

/** The limits when nothing is configured (see `.env.example`). */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  messagesPerIp: 1200,
  messagesPerConversation: 120,
  tokensPerIp: 60,
  tokensPerConversation: 30,
  conversationsPerIp: 30,
  conversationsPerIpPerDay: 1000,
  eligibilityPerIp: 60,
  trustProxyHops: 0
};
