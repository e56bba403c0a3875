/**
 * Tokens of Recap's stable links (`/captions/<token>.vtt`, `/media/<token>`): 18 random bytes, 144 bits, so they
 * cannot be guessed, and nothing lists them. They are the only thing guarding a link: never log one.
 */
import { randomBytes } from 'node:crypto';
import { auditSecrets } from '../log-audit.ts';

/** 18 random bytes: 144 bits, 24 base64url characters. */
const TOKEN_BYTES = 18;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;

/** A fresh unguessable token. */
export function newLinkToken(): string {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  auditSecrets(token);
  return token;
}

/** Whether `token` has a token's shape; checked before any store lookup, so junk never reaches the store. */
export function isLinkToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
