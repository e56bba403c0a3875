/**
 * Slack request signing (https://api.slack.com/authentication/verifying-requests-from-slack): `v0=` + HMAC-SHA256
 * of `v0:<timestamp>:<raw body>` with the signing secret. Verification refuses timestamps more than five minutes
 * off in either direction (Bolt only checks the past), malformed or repeated headers, and never throws.
 * Tests sign their requests with {@link signSlackRequest}, the same code production verifies with.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Five minutes, as Slack recommends. */
export const SLACK_SIGNATURE_WINDOW_SECONDS = 5 * 60;

export function signSlackRequest(signingSecret: string, timestampSeconds: number | string, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex')}`;
}

export interface SlackSignatureInput {
  signingSecret: string;
  /** Header values as received; an array means the header was repeated. */
  signature: string | string[] | undefined;
  timestamp: string | string[] | undefined;
  rawBody: string;
  nowSeconds?: number;
}

export type SlackSignatureResult = { ok: true } | { ok: false; reason: string };

export function verifySlackSignature(input: SlackSignatureInput): SlackSignatureResult {
  const { signature, timestamp } = input;
  if (typeof signature !== 'string' || typeof timestamp !== 'string') return { ok: false, reason: 'missing or repeated signature headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'timestamp is not a number' };
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > SLACK_SIGNATURE_WINDOW_SECONDS) return { ok: false, reason: 'timestamp outside the five-minute window' };
  if (!/^v0=[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: 'signature is not v0=<64 hex>' };
  const expected = Buffer.from(signSlackRequest(input.signingSecret, timestamp, input.rawBody));
  const given = Buffer.from(signature);
  // Same length is guaranteed by the pattern above, so timingSafeEqual cannot throw.
  return given.length === expected.length && timingSafeEqual(given, expected) ? { ok: true } : { ok: false, reason: 'signature mismatch' };
}
