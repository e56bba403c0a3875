/**
 * Vitest global setup for checklist L-2: the whole test run logs into an audit folder (src/log-audit.ts: every line
 * of every level, also from silent loggers and child processes, which inherit the variable), and when the run ends
 * the lines are scanned for every secret Recap registered (by digest) and for token shapes. A finding fails the run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIN_AUDITED_SECRET, secretDigest } from '../../src/log-audit.ts';

/** Shapes that are secrets wherever they appear, registered or not. */
const SHAPES: [string, RegExp][] = [
  ['Slack token', /\bxox[abposr]-[A-Za-z0-9]/],
  ['Slack app token', /\bxapp-\d/],
  ['Discord webhook or interaction token', /\/(?:webhooks|interactions)\/\d+\/(?!\[redacted\])[A-Za-z0-9_.-]{20,}/],
  ['signed URL', /[?&](?:sig|signature|token|X-Amz-Signature|X-Amz-Credential)=(?!\[redacted\])[^&\s"]/i],
  ['Slack response_url', /hooks\.slack\.com\/(?:commands|actions)\//],
];

/** Every piece of a line a secret could be: URLs whole, tokens, and tokens split at URL punctuation. */
function candidates(line: string): Set<string> {
  const out = new Set<string>(line.match(/https?:\/\/[^\s"\\]+/g) ?? []);
  for (const token of line.split(/[^A-Za-z0-9._~+/=-]+/)) {
    if (token.length < MIN_AUDITED_SECRET) continue;
    out.add(token);
    for (const piece of token.split(/[/.=+~]+/)) if (piece.length >= MIN_AUDITED_SECRET) out.add(piece);
  }
  return out;
}

export interface LogScan {
  lines: number;
  secrets: number;
  findings: string[];
}

export function scanAudit(dir: string): LogScan {
  const read = (name: string) => {
    try {
      return readFileSync(join(dir, name), 'utf8');
    } catch {
      return '';
    }
  };
  const secrets = new Set(read('secrets.txt').split('\n').filter(Boolean));
  const lines = read('log.ndjson').split('\n').filter(Boolean);
  const findings: string[] = [];
  for (const line of lines) {
    for (const [name, shape] of SHAPES) if (shape.test(line)) findings.push(`${name}: ${line.slice(0, 300)}`);
    for (const candidate of candidates(line)) {
      if (secrets.has(secretDigest(candidate))) findings.push(`a registered secret (${candidate.length} chars): ${line.slice(0, 300).split(candidate).join('<SECRET>')}`);
    }
  }
  return { lines: lines.length, secrets: secrets.size, findings };
}

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'recap-log-audit-'));
  process.env.RECAP_LOG_AUDIT = dir;
  return () => {
    const scan = scanAudit(dir);
    rmSync(dir, { recursive: true, force: true });
    const summary = `L-2 log scan: ${scan.lines} log lines, ${scan.secrets} registered secrets, ${scan.findings.length} found`;
    if (scan.findings.length) {
      // Vitest reports an error thrown here but still exits 0: the exit code must say it too.
      process.exitCode = 1;
      throw new Error(`${summary}:\n${scan.findings.slice(0, 20).join('\n')}`);
    }
    console.log(summary);
  };
}
