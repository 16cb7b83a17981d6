import type { Account, ConsoleRole } from './types';

/** Whether an account may open a page restricted to `roles` (an empty list: every signed-in account). */
export function mayUse(account: Pick<Account, 'role'>, roles: readonly ConsoleRole[]): boolean {
  return roles.length === 0 || roles.includes(account.role);
}

/** E-mail addresses are compared as written in lower case, without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A plausible e-mail address (one @, something on both sides, a dot in the domain, no spaces). */
export function isEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 254;
}
