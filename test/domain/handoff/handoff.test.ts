import {
  addCaseworkerReply,
  addPersonMessage,
  endHandoff,
  forgetExchange,
  MAX_ENTRY_LENGTH,
  MAX_EXCHANGE_ENTRIES,
  requestHandoff,
  takeHandoff,
  type Handoff
} from '../../../src/domain';

const T0 = new Date('2026-12-07T09:30:00.000Z');
const at = (min: number): Date => new Date(T0.getTime() + min * 60_000);

const reach = { userKey: 'u1', channelId: 'emulator', serviceUrl: 'http://x/', conversationId: 'c1', userId: 'p1', botId: 'b', locale: 'ar', updatedAt: T0 };

function requested(mayKeep = true): Handoff {
  return requestHandoff({
    id: 'h1',
    userKey: 'u1',
    conversationKey: 'conv',
    reach,
    language: 'ar',
    mayKeep,
    recent: [
      { id: 'r1', from: 'person', text: 'مرحبا', at: T0 },
      { id: 'r2', from: 'bot', text: 'أهلا', at: T0 }
    ],
    at: T0
  });
}

function ok(result: ReturnType<typeof takeHandoff>): Handoff {
  if (!result.ok) throw new Error(`refused: ${result.refusal}`);
  return result.handoff;
}

describe('handoff state machine', () => {
  it('requested → taken → ended, with who and when', () => {
    const h = requested();
    expect(h).toMatchObject({ status: 'requested', requestedAt: T0, takenAt: null, takenBy: null, endedAt: null, endedBy: null, version: 0 });
    const taken = ok(takeHandoff(h, 'cw1', at(5)));
    expect(taken).toMatchObject({ status: 'taken', takenAt: at(5), takenBy: 'cw1' });
    const ended = ok(endHandoff(taken, { kind: 'caseworker', id: 'cw1' }, at(9)));
    expect(ended).toMatchObject({ status: 'ended', endedAt: at(9), endedBy: { kind: 'caseworker', id: 'cw1' } });
  });

  it('keeps the recent turns only with consent', () => {
    expect(requested(true).recent.map((e) => e.id)).toEqual(['r1', 'r2']);
    expect(requested(false).recent).toEqual([]);
  });

  it('refuses what the state does not allow, naming why', () => {
    const h = requested();
    const taken = ok(takeHandoff(h, 'cw1', at(1)));
    const ended = ok(endHandoff(taken, { kind: 'person' }, at(2)));
    const refusals = {
      takeTakenByOther: takeHandoff(taken, 'cw2', at(3)),
      takeEnded: takeHandoff(ended, 'cw1', at(3)),
      replyBeforeTaking: addCaseworkerReply(h, { id: 'x', text: 'hi', at: at(3), caseworkerId: 'cw1' }),
      replyByOther: addCaseworkerReply(taken, { id: 'x', text: 'hi', at: at(3), caseworkerId: 'cw2' }),
      replyEnded: addCaseworkerReply(ended, { id: 'x', text: 'hi', at: at(3), caseworkerId: 'cw1' }),
      personEnded: addPersonMessage(ended, { id: 'x', text: 'hi', at: at(3) }),
      emptyMessage: addPersonMessage(h, { id: 'x', text: '   ', at: at(3) }),
      endByOther: endHandoff(taken, { kind: 'caseworker', id: 'cw2' }, at(3))
    };
    expect(Object.fromEntries(Object.entries(refusals).map(([k, r]) => [k, r.ok ? 'ok' : r.refusal]))).toEqual({
      takeTakenByOther: 'takenByOther',
      takeEnded: 'ended',
      replyBeforeTaking: 'notTaken',
      replyByOther: 'takenByOther',
      replyEnded: 'ended',
      personEnded: 'ended',
      emptyMessage: 'empty',
      endByOther: 'takenByOther'
    });
  });

  it('records a message once per id, cuts long ones and keeps a bounded exchange', () => {
    let h = requested();
    h = ok(addPersonMessage(h, { id: 'm1', text: 'x'.repeat(MAX_ENTRY_LENGTH + 50), at: at(1) }));
    const again = addPersonMessage(h, { id: 'm1', text: 'other', at: at(2) });
    expect(again).toEqual({ ok: true, handoff: h, changed: false });
    expect(h.exchange[0]!.text).toHaveLength(MAX_ENTRY_LENGTH);
    for (let i = 0; i < MAX_EXCHANGE_ENTRIES + 5; i++) h = ok(addPersonMessage(h, { id: `n${i}`, text: `m${i}`, at: at(3) }));
    expect(h.exchange).toHaveLength(MAX_EXCHANGE_ENTRIES);
    expect(h.exchange.at(-1)!.id).toBe(`n${MAX_EXCHANGE_ENTRIES + 4}`);
  });

  it('the caseworker who took it replies; ending twice changes nothing; forgetting erases texts and where to reach', () => {
    const taken = ok(takeHandoff(requested(), 'cw1', at(1)));
    const replied = ok(addCaseworkerReply(taken, { id: 'c1', text: 'Bonjour', at: at(2), caseworkerId: 'cw1' }));
    expect(replied.exchange).toEqual([{ id: 'c1', from: 'caseworker', text: 'Bonjour', at: at(2), by: 'cw1' }]);
    const ended = ok(endHandoff(replied, { kind: 'person' }, at(3)));
    expect(endHandoff(ended, { kind: 'person' }, at(4))).toEqual({ ok: true, handoff: ended, changed: false });
    expect(forgetExchange(ended)).toMatchObject({ reach: null, recent: [], exchange: [], status: 'ended' });
  });
});
