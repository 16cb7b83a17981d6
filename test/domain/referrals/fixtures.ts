import type { Partner, Referral } from '../../../src/domain';

export const AT = new Date('2026-12-01T09:00:00.000Z');

export function aReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: 'r1',
    reference: 'K7M4-QX2P',
    userKey: 'u1',
    programme: 'digiter',
    status: 'routed',
    partnerId: 'fr-coordinator',
    country: 'FR',
    language: 'ar',
    details: {
      source: 'eligibility',
      shared: { age: 22, country: 'FR' },
      consent: { partnerId: 'fr-coordinator', fields: ['age', 'country'], noticeVersion: 'n1', grantedAt: AT.toISOString() },
      history: [],
      infoRequests: [],
      notes: [],
      routingReasons: []
    },
    createdAt: AT,
    updatedAt: AT,
    waitingSince: AT,
    version: 3,
    ...overrides
  };
}

export function aPartner(overrides: Partial<Partner> = {}): Partner {
  return {
    id: 'p',
    name: 'Partner',
    kind: 'vetBody',
    countries: ['FR'],
    regions: [],
    programmes: ['digiter'],
    services: ['training'],
    languages: ['fr'],
    capacity: 10,
    notificationLanguage: 'fr',
    delivery: { webhookUrl: null, signingSecretEnv: null, email: null },
    contact: {},
    ...overrides
  };
}
