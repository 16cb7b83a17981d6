import type { OutboxMessage } from '../domain';

/** How one delivery attempt went. `error` says why without personal data (it is logged and kept). */
export type DeliveryOutcome = { kind: 'delivered' } | { kind: 'retry'; error: string } | { kind: 'failed'; error: string };

/** Delivers the outbox messages of one kind (a partner's webhook, an e-mail, a message to a person). */
export interface Deliverer {
  deliver(message: OutboxMessage): Promise<DeliveryOutcome>;
}
