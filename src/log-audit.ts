/**
 * The log audit behind checklist L-2 ("no secret in any log of the whole end-to-end run"). Off unless the test run
 * sets `RECAP_LOG_AUDIT` to a folder; then every log line of every level (also from loggers set to `silent`) is
 * appended there as written, and each secret Recap holds is registered by its SHA-256 only, so the scan after the
 * run (test/support/log-audit.ts) can prove none reached a log without the secrets themselves being written down.
 */
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/** Secrets shorter than this are not secrets worth scanning for (and would match ordinary words). */
export const MIN_AUDITED_SECRET = 8;

const folder = () => process.env.RECAP_LOG_AUDIT;

export const secretDigest = (value: string) => createHash('sha256').update(value).digest('hex');

/** Appends one log line, as the logger wrote it (scrubbed), to the audit. */
export function auditLogLine(line: string): void {
  const dir = folder();
  if (dir) appendFileSync(join(dir, 'log.ndjson'), `${line}\n`);
}

/** Registers secrets (API keys, signing secrets, callback and link tokens) the scan must not find in any log. */
export function auditSecrets(...values: readonly (string | undefined)[]): void {
  const dir = folder();
  if (!dir) return;
  const digests = values.filter((v): v is string => typeof v === 'string' && v.length >= MIN_AUDITED_SECRET).map(secretDigest);
  if (digests.length) appendFileSync(join(dir, 'secrets.txt'), `${digests.join('\n')}\n`);
}

/** Whether the audit is on (so callers can skip work to register secrets when it is not). */
export const logAuditOn = () => folder() !== undefined;
