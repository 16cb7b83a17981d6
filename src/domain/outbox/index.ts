export type { NewOutboxMessage, OutboxMessage, OutboxStats, OutboxStatus } from './types';
