/**
 * LD-2 (checklist 7.7): a flood of requests with bad signatures gets 401s and at most one log line a minute, the next
 * line counting the refusals it did not log. `npm run bench:load` found one warning per refused request (70,000 lines
 * in 30 s).
 */
import { describe, expect, it } from 'vitest';
import { HonoSlackReceiver, REFUSAL_LOG_INTERVAL_MS } from '../../../adapters/slack/receiver.ts';
import { signSlackRequest } from '../../../adapters/slack/signature.ts';
import type { Logger } from '../../../src/log.ts';

describe('Slack receiver, refused requests', () => {
  it('answers every forged request 401 and logs one line a minute, counting the rest', async () => {
    let clock = 1_760_000_000_000;
    const lines: { message: string; fields?: Record<string, unknown> }[] = [];
    const record = (message: string, fields?: Record<string, unknown>) => void lines.push({ message, ...(fields ? { fields } : {}) });
    const log: Logger = { debug: () => undefined, info: record, warn: record, error: record };
    const receiver = new HonoSlackReceiver({ signingSecret: 'the-real-signing-secret', claims: { claim: async () => true }, log, now: () => clock });
    const forged = async (i: number): Promise<Response> => {
      const body = JSON.stringify({ type: 'event_callback', event_id: `Ev${i}`, event: { type: 'app_mention' } });
      const ts = Math.floor(clock / 1000);
      return receiver.routes.request('/slack/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signSlackRequest('a-forged-secret', ts, body) },
        body,
      });
    };

    const statuses = await Promise.all(Array.from({ length: 500 }, (_, i) => forged(i).then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([401]));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ message: 'slack request refused', fields: { path: '/slack/events' } });
    expect(lines[0]!.fields).not.toHaveProperty('alsoRefusedSinceLastLine');

    clock += REFUSAL_LOG_INTERVAL_MS - 1;
    expect((await forged(500)).status).toBe(401);
    expect(lines).toHaveLength(1);

    clock += 1;
    expect((await forged(501)).status).toBe(401);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.fields).toMatchObject({ alsoRefusedSinceLastLine: 500 });
  });
});
