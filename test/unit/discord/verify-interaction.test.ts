/**
 * Discord's Ed25519 request signatures, checked with keys made here: a valid signature over `timestamp + body`
 * verifies; anything malformed or altered is simply false, never a throw (D-1…D-3 at the unit level).
 * https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { discordPublicKey, verifyDiscordSignature } from '../../../adapters/discord/verify-interaction.ts';

const pair = () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { hex: publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex'), privateKey };
};
const { hex, privateKey } = pair();
const key = discordPublicKey(hex);
const body = '{"type":1,"id":"1","token":"t"}';
const timestamp = '1700000000';
const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');

describe('discordPublicKey', () => {
  it('takes the 64 hex characters the developer portal shows, in either case', () => {
    expect(discordPublicKey(hex.toUpperCase()).asymmetricKeyType).toBe('ed25519');
  });

  it('refuses anything else with a message saying where to find the key', () => {
    for (const bad of ['', hex.slice(2), `${hex}00`, `${hex.slice(2)}zz`, ` ${hex.slice(1)}`]) {
      expect(() => discordPublicKey(bad)).toThrow(/64 hex characters.*developer portal/);
    }
  });
});

describe('verifyDiscordSignature', () => {
  it('accepts the signature of timestamp + body, upper- or lower-case hex', () => {
    expect(verifyDiscordSignature(key, signature, timestamp, body)).toBe(true);
    expect(verifyDiscordSignature(key, signature.toUpperCase(), timestamp, body)).toBe(true);
  });

  it('D-2 is false (not a throw) for missing, short, long, non-hex or wrong signatures and for another key', () => {
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;
    for (const bad of [undefined, '', signature.slice(0, 126), `${signature}00`, 'g'.repeat(128), ` ${signature.slice(1)}`, flipped, '0'.repeat(128)]) {
      expect(verifyDiscordSignature(key, bad, timestamp, body), String(bad)).toBe(false);
    }
    expect(verifyDiscordSignature(key, signature, undefined, body)).toBe(false);
    expect(verifyDiscordSignature(key, signature, '', body)).toBe(false);
    expect(verifyDiscordSignature(discordPublicKey(pair().hex), signature, timestamp, body)).toBe(false);
  });

  it('D-3 is false when the timestamp or the body changed after signing', () => {
    expect(verifyDiscordSignature(key, signature, '1700000001', body)).toBe(false);
    expect(verifyDiscordSignature(key, signature, timestamp, `${body} `)).toBe(false);
  });
});
