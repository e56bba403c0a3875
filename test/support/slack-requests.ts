/**
 * What the Slack end-to-end tests share: signed requests (with the production signer), event and slash command
 * deliveries to a running Recap, and waiting for the fake Slack's record to show something.
 */
import { signSlackRequest } from '../../adapters/slack/signature.ts';

/** Polls `read` (sync or async) until it returns a value (not undefined/false), or fails naming what it waited for. */
export async function until<T>(read: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A short pause for work that must NOT happen (a duplicate post) to have had its chance. */
export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

export interface SlackSender {
  signedHeaders(body: string, contentType: string, timestamp?: number): Record<string, string>;
  sendEvent(
    event: Record<string, unknown>,
    extra?: { eventId?: string; headers?: Record<string, string>; teamId?: string },
  ): Promise<{ response: Response; eventId: string; text: string }>;
  sendCommand(text: string, channel: string, responseUrl: string, teamId?: string): Promise<Response>;
}

/** Signs and sends Slack deliveries to the Recap at `base()` (a function: the port is known after boot). */
export function slackSender(secret: string, base: () => string, prefix = 'Ev'): SlackSender {
  let counter = 0;
  const signedHeaders = (body: string, contentType: string, timestamp = Math.floor(Date.now() / 1000)) => ({
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signSlackRequest(secret, timestamp, body),
  });
  return {
    signedHeaders,
    async sendEvent(event, extra = {}) {
      const eventId = extra.eventId ?? `${prefix}${++counter}`;
      const body = JSON.stringify({ type: 'event_callback', team_id: extra.teamId ?? 'T1', api_app_id: 'A1', event_id: eventId, event_time: 1, event });
      const response = await fetch(`${base()}/slack/events`, { method: 'POST', headers: { ...signedHeaders(body, 'application/json'), ...extra.headers }, body });
      return { response, eventId, text: await response.text() };
    },
    sendCommand(text, channel, responseUrl, teamId = 'T1') {
      const body = new URLSearchParams({
        command: '/recap',
        text,
        team_id: teamId,
        channel_id: channel,
        user_id: 'U1',
        user_name: 'ana',
        trigger_id: 't1',
        response_url: responseUrl,
      }).toString();
      return fetch(`${base()}/slack/commands`, { method: 'POST', headers: signedHeaders(body, 'application/x-www-form-urlencoded'), body });
    },
  };
}
