import type { ReferralStatus } from '../referrals/types';

/** What a console account may do: everything (admin), review referrals (caseworker), or answer for one partner organisation. */
export const CONSOLE_ROLES = ['admin', 'caseworker', 'partner'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/** A person who signs in to the console. */
export interface Account {
  id: string;
  /** Lower-case e-mail address; unique. */
  email: string;
  role: ConsoleRole;
  /** The partner organisation a `partner` account answers for (an id of content/partners.json); null otherwise. */
  partnerId: string | null;
  /** `scrypt$N$r$p$salt$hash` (base64url parts), never the password. */
  passwordHash: string;
  createdAt: Date;
  /** Set when an administrator closed the account: it cannot sign in any more. */
  disabledAt: Date | null;
}

/**
 * A signed-in browser. Only the SHA-256 of the cookie's secret is stored (`id`), so a copy of the
 * database opens no session.
 */
export interface ConsoleSession {
  id: string;
  accountId: string;
  /** The token every state-changing request must carry (form field or header). */
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** Absolute end, whatever the activity. */
  expiresAt: Date;
}

/** What an audit line records: a view of a person's data, or a decision. */
export const AUDIT_ACTIONS = [
  'signIn',
  'signInRefused',
  'signOut',
  'queue.view',
  'referral.view',
  'referral.review',
  'referral.route',
  'referral.accept',
  'referral.decline',
  'referral.requestInfo',
  'referral.enrol',
  'referral.complete',
  'referral.note',
  'partner.capacity',
  'partner.key.create',
  'partner.key.revoke',
  'account.create',
  'audit.view'
] as const;
/** A known action, or another module's own (`handoff.reply`, `report.export`…). */
export type AuditAction = (typeof AUDIT_ACTIONS)[number] | `${string}.${string}`;

/** One line of the audit log: who, what, when, about which referral or person. */
export interface AuditEntry {
  id: string;
  at: Date;
  /** The account that acted (null: a refused sign-in of an unknown address). */
  accountId: string | null;
  /** The account's e-mail and role when it acted (kept as they were). */
  actorEmail: string;
  actorRole: ConsoleRole | null;
  /** An `AuditAction` (stored as text; other modules add theirs). */
  action: string;
  referralId: string | null;
  /** The pseudonymous key of the person concerned, when a person's data was seen or changed. */
  userKey: string | null;
  /** A short free detail (the partner a referral was routed to, the status filter…), never a person's words. */
  detail: string | null;
}

/** A page of the audit log, newest first. */
export interface AuditQuery {
  limit: number;
  /** Only lines about this referral. */
  referralId?: string;
  /** Lines strictly older than this cursor (from the previous page). */
  before?: { at: Date; id: string };
}

/** What the referral queue can be filtered and sorted by. */
export interface ReferralQueueQuery {
  statuses?: readonly ReferralStatus[];
  programme?: string;
  country?: string;
  /** Only this partner's referrals (partner accounts always set it to their own). */
  partnerId?: string;
  /** `none`: not routed to anyone yet. */
  unrouted?: boolean;
  language?: string;
  /** Waiting since at or before this instant (waiting at least so long). */
  waitingSinceAtOrBefore?: Date;
  /** `oldest`: the longest waiting first (default); `newest`: the most recent first. */
  sort: 'oldest' | 'newest';
  limit: number;
  /** Keyset cursor: the last row of the previous page. */
  after?: { waitingSince: Date; id: string };
}
