/** The outbox's delivery side: the worker and the deliverers of partner webhooks and e-mails. */
export type { Deliverer, DeliveryOutcome } from './deliverer';
export { OutboxWorker, type OutboxWorkerOptions } from './outboxWorker';
export { WebhookDeliverer } from './webhookDeliverer';
export { EmailDeliverer } from './emailDeliverer';
export { SIGNATURE_HEADER, signWebhook, verifyWebhook } from './webhookSignature';
