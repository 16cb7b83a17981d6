import { parseOpeningHours, type StoredConversationReference } from '../../src/domain';
import { ConsentService } from '../../src/services/consentService';
import { HandoffService, HANDOFF_MESSAGE_KIND } from '../../src/services/handoffService';
import type { StorageBundle } from '../../src/storage';
import { describeEachStorage } from '../support/storageTargets';

const NOW = new Date('2026-12-07T10:00:00Z');
const notice = { version: '2026-11-29.1', retentionDays: 365 };
const reach = (userKey: string): StoredConversationReference => ({ userKey, channelId: 'sms', serviceUrl: 'http://x/', conversationId: 'c', userId: '+33600000000', botId: 'b', locale: null, updatedAt: NOW });

describeEachStorage('HandoffService', (target) => {
  let storage: StorageBundle;
  let service: HandoffService;
  let consent: ConsentService;
  beforeEach(async () => {
    storage = await target.open();
    consent = new ConsentService(storage.consents, notice, () => NOW);
    service = new HandoffService({ handoffs: storage.handoffs, consent, clock: () => NOW, hours: parseOpeningHours('always', 'Europe/Paris') });
  });
  afterEach(() => storage.close());

  const ask = (id: string, userKey = 'u1', conversationKey = 'conv-1') =>
    service.request({ id, userKey, conversationKey, reach: reach(userKey), language: 'fr', recent: [{ id: 'r', from: 'person', text: 'bonjour', at: NOW }] });

  it('asking twice in one conversation is one handoff; the same request again (a turn run again) still counts as made', async () => {
    const first = await ask('req-1');
    expect(first.created).toBe(true);
    expect(await ask('req-1')).toEqual({ handoff: first.handoff, created: true });
    expect(await ask('req-2')).toEqual({ handoff: first.handoff, created: false });
    expect((await service.list(['requested'])).map((h) => h.id)).toEqual(['req-1']);
  });

  it('a reply and a caseworker\'s end are written with their outbox messages; the person\'s words are recorded once per id', async () => {
    const { handoff } = await ask('req-3');
    await service.personSays(handoff.id, { id: 'say-1', text: 'allô ?' });
    await service.personSays(handoff.id, { id: 'say-1', text: 'allô ?' });
    expect((await service.take(handoff.id, 'cw')).ok).toBe(true);
    expect((await service.reply(handoff.id, 'cw', 'Bonjour')).ok).toBe(true);
    expect((await service.end(handoff.id, { kind: 'caseworker', id: 'cw' })).ok).toBe(true);
    const messages = await storage.outbox.claim('w', new Date(NOW.getTime() + 1000), 60_000, 10);
    expect(messages.map((m) => [m.kind, m.payload.event])).toEqual([
      [HANDOFF_MESSAGE_KIND, 'reply'],
      [HANDOFF_MESSAGE_KIND, 'ended']
    ]);
    const stored = await service.get(handoff.id);
    expect(stored!.exchange.map((e) => `${e.from}: ${e.text}`)).toEqual(['person: allô ?', 'caseworker: Bonjour']);
    // With consent nothing is erased at the end.
    await consent.decide({ userKey: 'u1', granted: true, language: 'fr' });
    await service.forgetIfNotKept(handoff.id);
    expect((await service.get(handoff.id))!.exchange).toHaveLength(2);
  });

  it('without consent: no recent turns; once the end is delivered, the texts and where to reach the person are erased', async () => {
    const { handoff } = await ask('req-4', 'u-no', 'conv-no');
    expect(handoff.recent).toEqual([]);
    await service.personSays(handoff.id, { id: 's', text: 'mon numéro est le 06 12 34 56 78' });
    await service.take(handoff.id, 'cw');
    await service.end(handoff.id, { kind: 'caseworker', id: 'cw' });
    expect((await service.get(handoff.id))!.reach).not.toBeNull(); // still needed to tell the person
    await service.forgetIfNotKept(handoff.id);
    expect(await service.get(handoff.id)).toMatchObject({ status: 'ended', reach: null, exchange: [], recent: [] });
  });
});
