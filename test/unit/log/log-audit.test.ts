/**
 * L-2's scan itself: a secret registered by its digest is found when any logger (also a silent one) writes it, in
 * a field, inside a URL or a longer token; scrubbed token shapes and unregistered values are not findings. The test
 * points the audit at its own folder, so its deliberate leaks stay out of the whole run's scan.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditSecrets } from '../../../src/log-audit.ts';
import { createLogger } from '../../../src/log.ts';
import { scanAudit } from '../../support/log-audit.ts';

let dir: string;
let runAudit: string | undefined;
beforeEach(() => {
  runAudit = process.env.RECAP_LOG_AUDIT;
  dir = mkdtempSync(join(tmpdir(), 'recap-audit-test-'));
  process.env.RECAP_LOG_AUDIT = dir;
});
afterEach(() => {
  if (runAudit === undefined) delete process.env.RECAP_LOG_AUDIT;
  else process.env.RECAP_LOG_AUDIT = runAudit;
  rmSync(dir, { recursive: true, force: true });
});

describe('the L-2 log scan', () => {
  it('finds a registered secret written by a silent logger, in a field, in a URL and inside a path', () => {
    const secret = 'Zq3_kP9-wLx7mN2vR8tY4u';
    auditSecrets(secret, 'https://fake.example/response/abc123def456');
    const log = createLogger({ level: 'silent' });
    log.info('callback', { header: secret });
    log.warn('posting to https://fake.example/response/abc123def456 failed');
    log.debug('GET /hooks/assemblyai/' + secret + '.json');
    const scan = scanAudit(dir);
    expect(scan.secrets).toBe(2);
    expect(scan.findings).toHaveLength(3);
    expect(scan.findings.join('\n')).not.toContain(secret);
  });

  it('does not flag scrubbed tokens, unregistered values or short ones', () => {
    auditSecrets('short', 'an-unlogged-secret-value');
    const log = createLogger({ level: 'info', write: () => undefined });
    log.info('token', { token: 'xoxb-1234-5678-abcdefghijkl', url: 'https://cdn.example/v.mp4?sig=abcdef123456&x=1' });
    log.info('job', { id: 'Zq3_kP9-wLx7mN2vR8tY4u' });
    expect(scanAudit(dir)).toMatchObject({ lines: 2, secrets: 1, findings: [] });
  });
});
