/**
 * Discord signs each HTTP interaction with the application's Ed25519 key: `X-Signature-Ed25519` (hex) over
 * `X-Signature-Timestamp` + the raw body. Node's crypto verifies it; no library needed.
 * https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32-byte raw key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const HEX = /^[0-9a-f]+$/i;

/** The application's public key (64 hex characters, from the developer portal) as a key object. */
export function discordPublicKey(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('DISCORD_PUBLIC_KEY must be the 64 hex characters shown under "General Information" in the Discord developer portal.');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

/** True only for a well-formed signature that verifies; any malformed header is simply false (D-2). */
export function verifyDiscordSignature(key: KeyObject, signature: string | undefined, timestamp: string | undefined, body: string): boolean {
  if (!signature || !timestamp || signature.length !== 128 || !HEX.test(signature)) return false;
  try {
    return verify(null, Buffer.from(timestamp + body, 'utf8'), key, Buffer.from(signature, 'hex'));
  } catch {
    return false;
  }
}
