import { describe, expect, it } from 'vitest';
import { createLogger, scrub } from '../../src/log.ts';

describe('logger', () => {
  it('L-2 censors configured secrets and token shapes wherever they appear', () => {
    const lines: string[] = [];
    const log = createLogger({ secrets: ['aai_0123456789abcdef'], write: (line) => lines.push(line) });
    log.error('call failed', {
      url: 'https://cdn.example.com/rec.vtt?X-Amz-Signature=abcdef123&part=1',
      header: 'Bearer sk_live_123456',
      token: 'xoxb-1111-2222-abcd',
      app: 'xapp-1-A1-123-abc',
      error: new Error('auth aai_0123456789abcdef rejected'),
    });
    const text = lines.join('\n');
    for (const secret of ['aai_0123456789abcdef', 'abcdef123', 'sk_live_123456', 'xoxb-1111', 'xapp-1-A1']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('X-Amz-Signature=[redacted]&part=1');
  });

  it('L-2 censors Discord bot tokens, Bot authorization and interaction tokens in webhook and callback paths', () => {
    const interactionToken = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTA';
    const text = scrub(
      [
        'Authorization: Bot MTEwMDAwMDAwMDAwMDAwMDAwMQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123',
        'token MTEwMDAwMDAwMDAwMDAwMDAwMQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123 in a message',
        `PATCH https://discord.com/api/v10/webhooks/1100000000000000001/${interactionToken}/messages/@original`,
        `POST /api/v10/interactions/1300000000000000009/${interactionToken}/callback`,
      ].join('\n'),
    );
    expect(text).not.toContain('abcdefghijklmnopqrstuvwxyz0123');
    expect(text).not.toContain(interactionToken);
    expect(text).toContain('/webhooks/1100000000000000001/[redacted]/messages/@original');
    expect(text).toContain('/interactions/1300000000000000009/[redacted]/callback');
    expect(scrub('continuing with the bot token; Bot user unknown')).toBe('continuing with the bot token; Bot user unknown');
  });

  it('drops lines under the level', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', write: (line) => lines.push(line) });
    log.info('quiet');
    log.warn('loud');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', msg: 'loud' });
  });

  it('leaves ordinary text alone', () => {
    expect(scrub('the key phrase was pricing')).toBe('the key phrase was pricing');
  });
});

describe('L-4 secret-named fields', () => {
  it('L-4 censors the values of hyphenated and underscored credential fields at any depth, headers objects included', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (line) => lines.push(line) });
    const headers = { 'X-Slack-Signature': 'v0=0123456789abcdef', 'x-recap-callback-auth': 'Qw3rtyUiop', 'Content-Type': 'application/json' };
    log.info('request', { headers, nested: { deeper: { api_key: 'k-1234567', client_secret: 'cs-98765', count: 3 } }, list: [{ token: 'tok-abcdef' }] });
    log.info('fetch', { headers: new Headers({ authorization: 'Basic dXNlcjpwYXNz', accept: 'text/plain' }) });
    const all = lines.join('\n');
    for (const secret of ['v0=0123456789abcdef', 'Qw3rtyUiop', 'k-1234567', 'cs-98765', 'tok-abcdef', 'dXNlcjpwYXNz']) expect(all).not.toContain(secret);
    expect(all).toContain('application/json');
    expect(all).toContain('text/plain');
    expect(all).toContain('"count":3');
    expect(all.match(/\[redacted\]/gi)?.length).toBeGreaterThanOrEqual(6);
  });

  it('keeps ordinary fields that merely mention tokens, and empty secret fields stay visible as absent', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (line) => lines.push(line) });
    log.info('answer', { tokens: 42, tokenCount: 3, secretary: 'Ana', token: undefined });
    expect(JSON.parse(lines[0]!)).toMatchObject({ tokens: 42, tokenCount: 3, secretary: 'Ana' });
  });
});

describe('L-2 Slack payloads logged whole', () => {
  it('L-2 censors response_url, token and trigger_id in a payload logged as a string (Bolt, Socket Mode at debug level)', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'debug', write: (line) => lines.push(line) });
    const payload = JSON.stringify({ envelope_id: 'env-1', payload: { token: 'verification-token-unused', response_url: 'https://hooks.slack.com/commands/T1/123/abcSecret', trigger_id: '123.456.abcdef', text: 'summary' } });
    log.debug(`slack: Received a message on the WebSocket: ${payload}`);
    log.info('payload', { response_url: 'https://hooks.slack.com/commands/T1/9/xyzSecret' });
    const all = lines.join('\n');
    for (const secret of ['verification-token-unused', 'abcSecret', 'xyzSecret', '123.456.abcdef']) expect(all).not.toContain(secret);
    expect(all).toContain('summary');
  });
});
