/**
 * Stand-ins the chat fuzz targets share: a job runner that records what it was asked, in-memory claims, and a
 * logger that writes through the real one (so its serialising and scrubbing run on fuzzed values) into memory.
 */
import type { InstantInvocation } from '../../commands/invocation.ts';
import type { JobInvocation } from '../../commands/invocation.ts';
import type { Reply } from '../../src/domain/reply.ts';
import type { Claims } from '../../src/jobs/claims.ts';
import type { JobRecord, ReplyTarget } from '../../src/jobs/job-record.ts';
import type { JobRunner } from '../../src/jobs/job-runner.ts';
import { createLogger, type Logger } from '../../src/log.ts';

export interface RecordedLog {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown> | undefined;
}

export interface CapturingLogger extends Logger {
  records: RecordedLog[];
  lines: string[];
}

export function capturingLogger(): CapturingLogger {
  const lines: string[] = [];
  const records: RecordedLog[] = [];
  const real = createLogger({ level: 'debug', write: (line) => lines.push(line), secrets: ['fuzz-signing-secret-0123456789'] });
  const at = (level: RecordedLog['level']) => (message: string, fields?: Record<string, unknown>) => {
    records.push({ level, message, fields });
    real[level](message, fields);
  };
  return { records, lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface FakeRunner extends JobRunner {
  submitted: { invocation: JobInvocation; target: ReplyTarget }[];
  instants: InstantInvocation[];
  ran: string[];
  /** The next submit throws, as when the store is down (P-17). */
  failSubmit: boolean;
}

export function fakeRunner(): FakeRunner {
  let n = 0;
  const runner: FakeRunner = {
    submitted: [],
    instants: [],
    ran: [],
    failSubmit: false,
    register: () => undefined,
    async submit(invocation, target) {
      if (runner.failSubmit) throw new Error('store unavailable (fuzz)');
      runner.submitted.push({ invocation, target });
      return { id: `job${++n}`.padEnd(22, '0'), invocation, target } as unknown as JobRecord;
    },
    async run(id) {
      runner.ran.push(id);
    },
    wake: () => false,
    start: async () => undefined,
    stop: async () => undefined,
    running: () => [],
    async instant(invocation): Promise<Reply> {
      runner.instants.push(invocation);
      return { kind: 'text', text: `answer to ${invocation.name}` };
    },
  };
  return runner;
}

export function memoryClaims(): Claims & { seen: Set<string> } {
  const seen = new Set<string>();
  return {
    seen,
    async claim(key) {
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    },
  };
}

/** Resets what the fakes recorded, between cases. */
export function resetFakes(runner: FakeRunner, log: CapturingLogger): void {
  runner.submitted.length = 0;
  runner.instants.length = 0;
  runner.ran.length = 0;
  runner.failSubmit = false;
  log.records.length = 0;
  log.lines.length = 0;
}

/**
 * Error-level log records, and any log line that is not one JSON object (the logger failed to serialise).
 * `expected` names error messages the case itself provoked (a store made to fail); `tolerate` lets known findings
 * in code this project does not own pass (they are counted and reported by the target).
 */
export function logProblems(log: CapturingLogger, expected: readonly string[] = [], tolerate: (record: RecordedLog) => boolean = () => false): string[] {
  const problems: string[] = [];
  for (const r of log.records) {
    if (r.level !== 'error' || expected.includes(r.message) || tolerate(r)) continue;
    const error = r.fields?.original ?? r.fields?.error;
    const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack?.split('\n').slice(1, 6).join('\n')}` : JSON.stringify(error);
    problems.push(`error logged: ${r.message}: ${detail}`);
  }
  for (const line of log.lines) {
    try {
      const parsed: unknown = JSON.parse(line);
      if (!parsed || typeof parsed !== 'object') problems.push(`log line is not an object: ${line.slice(0, 200)}`);
    } catch {
      problems.push(`log line is not JSON: ${line.slice(0, 200)}`);
    }
  }
  return problems;
}
