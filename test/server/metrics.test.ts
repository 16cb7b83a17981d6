import http from 'node:http';
import { useAppWithConnector } from '../support/appWithConnector';
import { messageActivity, postJson, startApp } from '../support/testApp';

/** Part 11 of issue 11: `/metrics` in Prometheus' format, and who may read it. */

/** The value of one sample line (`name{labels} value`), or undefined. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `) || (labels === '' && l.startsWith(`${name} `)));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

/** GET with extra headers (fetch cannot set some of them). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; type: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, type: res.headers['content-type'] }));
      })
      .on('error', reject);
  });
}

describe('/metrics without METRICS_TOKEN: this machine only', () => {
  const both = useAppWithConnector({ RATE_LIMIT_ELIGIBILITY_PER_IP: '1' });

  it('counts turns, their latency, errors, rate-limit refusals, the outbox and storage latency', async () => {
    const { running, connector } = both;
    for (const text of ['hello', 'English']) {
      expect((await postJson(`${running.url}/api/messages`, messageActivity({ serviceUrl: connector.serviceUrl, conversationId: 'metrics-1', text, channelId: 'webchat' }))).status).toBe(200);
    }
    await postJson(`${running.url}/api/messages`, messageActivity({ serviceUrl: connector.serviceUrl, conversationId: 'metrics-2', text: 'hello', channelId: 'a-channel-of-the-senders-choice' }));
    await postJson(`${running.url}/api/messages`, messageActivity({ serviceUrl: connector.serviceUrl, conversationId: 'metrics-3', text: 'I want to die', channelId: 'webchat' }));
    const eligibility = { lang: 'en', answers: { age: 22, situation: 'none', qualification: 'none', country: 'FR', livesInCamp: false } };
    await postJson(`${running.url}/api/eligibility`, eligibility);
    expect((await postJson(`${running.url}/api/eligibility`, eligibility)).status).toBe(429);

    const res = await get(`${running.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    expect(sample(text, 'passerelle_turns_total', 'channel="webchat",outcome="ok"')).toBe(3);
    expect(sample(text, 'passerelle_safety_answers_total', 'concern="selfHarm"')).toBe(1);
    expect(sample(text, 'passerelle_turns_total', 'channel="other",outcome="ok"')).toBe(1);
    expect(sample(text, 'passerelle_turn_duration_seconds_count', 'channel="webchat"')).toBe(3);
    expect(sample(text, 'passerelle_rate_limit_refusals_total', 'limit="eligibilityPerIp"')).toBe(1);
    expect(sample(text, 'passerelle_outbox_messages', 'status="dead"')).toBe(0);
    expect(sample(text, 'passerelle_storage_duration_seconds_count', 'operation="read"')).toBeGreaterThan(0);
    expect(sample(text, 'passerelle_storage_duration_seconds_count', 'operation="write"')).toBeGreaterThan(0);
    expect(text).toMatch(/^# HELP passerelle_errors_total /m);
    expect(text).toMatch(/^passerelle_process_resident_memory_bytes \d+/m);
    // Labels hold values of the code's choosing only.
    expect(text).not.toContain('a-channel-of-the-senders-choice');
    expect(text).not.toContain('metrics-1');
  });

  it('refuses a request that came through a proxy', async () => {
    expect((await get(`${both.running.url}/metrics`, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(403);
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  it('needs the bearer token, from anywhere', async () => {
    const token = 'm'.repeat(40);
    const running = await startApp({ METRICS_TOKEN: token });
    try {
      expect((await get(`${running.url}/metrics`)).status).toBe(401);
      expect((await get(`${running.url}/metrics`, { authorization: `Bearer ${'x'.repeat(40)}` })).status).toBe(401);
      const ok = await get(`${running.url}/metrics`, { authorization: `Bearer ${token}`, 'x-forwarded-for': '203.0.113.7' });
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('passerelle_turns_total');
    } finally {
      await running.close();
    }
  });
});
