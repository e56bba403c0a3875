/**
 * A Bolt receiver on Recap's own Hono server (https://tools.slack.dev/bolt-js/concepts/receiver): `/slack/events`,
 * `/slack/commands` and `/slack/interactions`. Each request's raw body is read once and size-limited, its signature
 * checked (five minutes either way), `ssl_check` and `url_verification` answered, retried deliveries claimed by
 * event id so they run once, and the rest handed to `app.processEvent`. The HTTP answer is whatever the listener
 * acknowledged with, sent as soon as it acknowledges.
 */
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { Hono, type Context } from 'hono';
import type { Claims } from '../../src/jobs/claims.ts';
import type { Logger } from '../../src/log.ts';
import { readBodyText } from '../../src/server/read-body.ts';
import { verifySlackSignature } from './signature.ts';

/** Slack waits 3 s for an answer; answer a little before even if a listener forgets to acknowledge. */
const ACK_DEADLINE_MS = 2500;
/** Slack's own payloads are small; 1 MiB matches the server-wide limit. */
const MAX_BODY_BYTES = 1024 * 1024;
/** How long a delivery's event id stays claimed: Slack retries for about an hour at most. */
const EVENT_CLAIM_TTL_MS = 2 * 60 * 60 * 1000;
/**
 * LD-2: refused requests are logged at most once a minute, the next line counting those not logged, so a flood of
 * forged requests (2,300 a second in `npm run bench:load`, a warning each) cannot flood the log as well.
 */
export const REFUSAL_LOG_INTERVAL_MS = 60_000;

export interface SlackReceiverOptions {
  signingSecret: string;
  claims: Claims;
  log: Logger;
  now?: () => number;
}

type Parsed = { ok: true; body: Record<string, unknown> } | { ok: false; status: 400 };

function parseBody(raw: string, contentType: string): Parsed {
  try {
    if (contentType.includes('application/json')) {
      const body: unknown = JSON.parse(raw);
      return body && typeof body === 'object' && !Array.isArray(body) ? { ok: true, body: body as Record<string, unknown> } : { ok: false, status: 400 };
    }
    const form = Object.fromEntries(new URLSearchParams(raw));
    if (typeof form.payload === 'string') {
      const payload: unknown = JSON.parse(form.payload);
      // Like a JSON body, an interactivity payload must be an object: `payload=[1]` reached Bolt as an array (fuzzer).
      return payload && typeof payload === 'object' && !Array.isArray(payload) ? { ok: true, body: payload as Record<string, unknown> } : { ok: false, status: 400 };
    }
    return { ok: true, body: form };
  } catch {
    return { ok: false, status: 400 };
  }
}

export class HonoSlackReceiver implements Receiver {
  private app: App | undefined;
  readonly routes: Hono;
  private lastRefusalLogAt = Number.NEGATIVE_INFINITY;
  private refusalsNotLogged = 0;

  constructor(private readonly options: SlackReceiverOptions) {
    if (!options.signingSecret.trim()) throw new Error('SLACK_SIGNING_SECRET is empty: Recap refuses to accept unsigned Slack requests.');
    this.routes = new Hono();
    for (const path of ['/slack/events', '/slack/commands', '/slack/interactions']) this.routes.post(path, (c) => this.handle(c));
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  private async handle(c: Context): Promise<Response> {
    const { log } = this.options;
    const raw = await readBodyText(c.req.raw, MAX_BODY_BYTES);
    if (raw === undefined) return c.text('Payload too large.', 413);
    const contentType = c.req.header('content-type') ?? '';
    // S-12: Slack's SSL check is unsigned and must get a 200; it carries nothing to act on.
    if (contentType.includes('application/x-www-form-urlencoded') && new URLSearchParams(raw).get('ssl_check') === '1') return c.body(null, 200);

    const verdict = verifySlackSignature({
      signingSecret: this.options.signingSecret,
      signature: c.req.raw.headers.get('x-slack-signature') ?? undefined,
      timestamp: c.req.raw.headers.get('x-slack-request-timestamp') ?? undefined,
      rawBody: raw,
      ...(this.options.now ? { nowSeconds: Math.floor(this.options.now() / 1000) } : {}),
    });
    if (!verdict.ok) {
      const now = (this.options.now ?? Date.now)();
      if (now - this.lastRefusalLogAt >= REFUSAL_LOG_INTERVAL_MS) {
        log.warn('slack request refused', { reason: verdict.reason, path: c.req.path, ...(this.refusalsNotLogged ? { alsoRefusedSinceLastLine: this.refusalsNotLogged } : {}) });
        this.lastRefusalLogAt = now;
        this.refusalsNotLogged = 0;
      } else this.refusalsNotLogged += 1;
      return c.text('Invalid signature.', 401);
    }
    const parsed = parseBody(raw, contentType);
    if (!parsed.ok) {
      log.warn('slack request body unreadable', { path: c.req.path });
      return c.text('Bad request body.', 400);
    }
    const body = parsed.body;
    if (body.type === 'url_verification') {
      // Only text is echoed. `String()` of `[{"toString":1}]` threw (a 500) and of any object echoed "[object Object]"
      // (found by the fuzzer, test/fuzz/slack.fuzz.ts); Slack's challenge is always a string.
      const challenge = body.challenge ?? '';
      return typeof challenge === 'string' ? c.json({ challenge }) : c.text('Bad request body: the challenge is not text.', 400);
    }
    if (body.type === 'app_rate_limited') {
      log.warn('slack says Recap is rate limited', { team: body.team_id, minute: body.minute_rate_limited });
      return c.body(null, 200);
    }
    if (body.type === 'event_callback') {
      const eventId = typeof body.event_id === 'string' ? body.event_id : undefined;
      if (!eventId) return c.text('Bad request body.', 400);
      // S-8, S-9: a retry (or a replay) of a delivery we already took is acknowledged and dropped.
      if (!(await this.options.claims.claim(`slack-event:${eventId}`, EVENT_CLAIM_TTL_MS))) {
        log.debug('slack delivery already claimed', { eventId, retry: c.req.header('x-slack-retry-num') });
        return c.body(null, 200);
      }
    }
    return this.dispatch(c, body);
  }

  private async dispatch(c: Context, body: Record<string, unknown>): Promise<Response> {
    const { log } = this.options;
    const app = this.app;
    if (!app) return c.text('Not ready.', 503);
    let settle!: (response: unknown) => void;
    const acknowledged = new Promise<{ response: unknown }>((resolve) => (settle = (response) => resolve({ response })));
    let acked = false;
    const retryNum = Number(c.req.header('x-slack-retry-num'));
    const retryReason = c.req.header('x-slack-retry-reason');
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        if (acked) return;
        acked = true;
        settle(response);
      },
      ...(Number.isInteger(retryNum) ? { retryNum } : {}),
      ...(retryReason ? { retryReason } : {}),
      customProperties: {},
    };
    const processing = app.processEvent(event).catch((error: unknown) => {
      // S-24, S-25: a listener failing (or a team without an installation) never turns into a retry storm.
      // Bolt wraps a plain listener error in an UnknownError whose stack is Bolt's own; the listener's error (and the
      // line that threw) is in `original`, so it is logged too (S-24's test found the stack pointing only at Bolt).
      const original = (error as { original?: unknown } | null)?.original;
      log.error('slack listener failed', { error, ...(original instanceof Error ? { original } : {}), eventId: body.event_id, type: body.type });
    });
    // Bolt acknowledges an event itself before its listener runs; Recap answers once the listener has stored the
    // request as a job (it returns right after), so a 200 means stored (P-17). Commands and actions ack themselves.
    const isEvent = body.type === 'event_callback';
    const outcome = await Promise.race([
      ...(isEvent ? [] : [acknowledged]),
      processing.then(() => ({ response: undefined })),
      new Promise<{ response: unknown }>((resolve) => setTimeout(() => resolve({ response: undefined }), ACK_DEADLINE_MS).unref()),
    ]);
    acked = true;
    const { response } = outcome;
    if (response === undefined || response === '') return c.body(null, 200);
    if (typeof response === 'string') return c.text(response);
    return c.json(response as object);
  }
}
