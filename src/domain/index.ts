/** The domain: pure rules, no I/O, no framework. Its only public surface. */
export * from './eligibility';
export * from './assessment';
export * from './trainings';
export * from './person';
export * from './consent';
export * from './outbox';
export * from './referrals';
export * from './handoff';
export * from './console';
export * from './reporting';
