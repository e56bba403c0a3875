/**
 * The load bench's processes: Recap (`recap-child.ts`) and the fakes (`fakes-child.ts`), each forked with tsx's
 * loader and an IPC channel, plus what the bench reads from outside them: RSS and CPU time from /proc (no help
 * from the process's own event loop, so a busy server is still measured), and its log lines by level and message.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ChildRequest, ChildStats } from './recap-child.ts';
import type { FakesOptions, FakesRequest, FakesStats } from './fakes-child.ts';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '../..');
const TICKS_PER_SECOND = 100;
const PAGE_BYTES = 4096;

/** An environment without the machine's Recap, Slack or provider variables, plus the given ones. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) if (process.env[key]) env[key] = process.env[key];
  return { ...env, ...extra };
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

interface Forked<Req, Res> {
  child: ChildProcess;
  pid: number;
  ask(request: WithoutId<Req>, timeoutMs?: number): Promise<Res>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. Resolves with how it ended. */
  stop(graceMs?: number): Promise<string>;
  exited: Promise<number | null>;
}

function forkTs<Req extends { id: number }, Res, Ready>(
  file: string,
  args: string[],
  env: Record<string, string>,
  onStderr: (line: string) => void,
): Promise<Forked<Req, Res> & { ready: Ready }> {
  const child = fork(resolve(HERE, file), args, {
    cwd: ROOT,
    env: cleanEnv(env),
    execArgv: ['--import', 'tsx', '--expose-gc', ...(process.env.LOAD_CPU_PROF && file === 'recap-child.ts' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LOAD_CPU_PROF}`] : [])],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let partial = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line) onStderr(line);
  });
  let next = 0;
  const waiting = new Map<number, (value: Res) => void>();
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} did not start within 60 s`)), 60_000);
    void exited.then((code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
    child.on('message', (message: { id?: number; ready?: boolean } & Record<string, unknown>) => {
      if (message.ready) {
        clearTimeout(timer);
        resolveReady({
          child,
          pid: child.pid!,
          ready: message as unknown as Ready,
          exited,
          ask: (request, timeoutMs = 60_000) =>
            new Promise<Res>((done, fail) => {
              const id = ++next;
              const t = setTimeout(() => {
                waiting.delete(id);
                fail(new Error(`${file} did not answer ${JSON.stringify(request)} within ${timeoutMs} ms`));
              }, timeoutMs);
              void exited.then((code) => fail(new Error(`${file} exited (${code}) before answering`)));
              waiting.set(id, (value) => {
                clearTimeout(t);
                done(value);
              });
              child.send({ ...request, id });
            }),
          stop: async (graceMs = 20_000) => {
            if (child.exitCode !== null || child.signalCode !== null) return 'already exited';
            child.kill('SIGTERM');
            const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
            const code = await exited;
            clearTimeout(killer);
            return child.signalCode === 'SIGKILL' ? `killed after ${graceMs / 1000} s` : `exited ${code}`;
          },
        });
        return;
      }
      if (message.id !== undefined) {
        const resolveAnswer = waiting.get(message.id);
        waiting.delete(message.id);
        resolveAnswer?.((message.stats ?? message) as Res);
      }
    });
  });
}

export type RecapChild = Forked<ChildRequest, ChildStats> & { port: number; origin: string; log: LogTally };
export type FakesChild = Forked<FakesRequest, FakesStats> & { ready: { slackApiUrl: string; aaiUrl: string; aaiKey: string } };

/** Log lines of one process, counted by level and message (the first few kept whole). */
export class LogTally {
  readonly counts = new Map<string, number>();
  readonly samples: string[] = [];
  lines = 0;
  add(line: string): void {
    this.lines += 1;
    let key = 'unparsed';
    try {
      const parsed = JSON.parse(line) as { level?: string; msg?: string; message?: string };
      key = `${parsed.level ?? '?'}: ${parsed.msg ?? parsed.message ?? '?'}`;
    } catch {
      key = `raw: ${line.slice(0, 80)}`;
    }
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.samples.length < 5) this.samples.push(line.slice(0, 400));
  }
  count(pattern: RegExp): number {
    let n = 0;
    for (const [key, c] of this.counts) if (pattern.test(key)) n += c;
    return n;
  }
  summary(): string {
    return [...this.counts].sort((a, b) => b[1] - a[1]).map(([k, c]) => `${c} × ${k}`).join('; ') || 'none';
  }
}

export async function startFakes(options: FakesOptions): Promise<FakesChild> {
  const fakes = await forkTs<FakesRequest, FakesStats, FakesChild['ready']>('fakes-child.ts', [JSON.stringify(options)], {}, (line) => process.stderr.write(`[fakes] ${line}\n`));
  return fakes as FakesChild;
}

export async function startRecap(env: Record<string, string>): Promise<RecapChild> {
  const log = new LogTally();
  const recap = await forkTs<ChildRequest, ChildStats, { port: number }>('recap-child.ts', [], env, (line) => {
    // Log lines are JSON; anything else (a crash's stack trace) is shown as it comes.
    if (!line.startsWith('{')) process.stderr.write(`[recap] ${line}\n`);
    log.add(line);
  });
  const port = recap.ready.port;
  return Object.assign(recap, { port, origin: `http://127.0.0.1:${port}`, log });
}

/** RSS (bytes) and CPU time (ms, user + system) of a process, read from /proc. */
export function procSample(pid: number): { rss: number; cpuMs: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const rssPages = Number(fields[21]);
  return { rss: rssPages * PAGE_BYTES, cpuMs: ((utime + stime) * 1000) / TICKS_PER_SECOND };
}

/** Samples a process every `everyMs`: peak RSS, RSS over time, CPU used between marks. */
export class ProcWatch {
  readonly samples: { at: number; rss: number; cpuMs: number }[] = [];
  private timer: NodeJS.Timeout;
  constructor(
    private readonly pid: number,
    everyMs = 250,
  ) {
    this.take();
    this.timer = setInterval(() => this.take(), everyMs);
  }
  take(): { at: number; rss: number; cpuMs: number } {
    try {
      const s = { at: performance.now(), ...procSample(this.pid) };
      this.samples.push(s);
      return s;
    } catch {
      return this.samples[this.samples.length - 1] ?? { at: performance.now(), rss: 0, cpuMs: 0 };
    }
  }
  /** Samples between two instants (performance.now()). */
  between(from: number, to: number): { at: number; rss: number; cpuMs: number }[] {
    return this.samples.filter((s) => s.at >= from && s.at <= to);
  }
  peakRss(from = 0, to = Infinity): number {
    return Math.max(0, ...this.between(from, to).map((s) => s.rss));
  }
  /** CPU use between two instants, as a share of one core (1 = 100 %). */
  cpuShare(from: number, to: number): number {
    const inside = this.between(from, to);
    const first = inside[0];
    const last = inside[inside.length - 1];
    if (!first || !last || last.at === first.at) return 0;
    return (last.cpuMs - first.cpuMs) / (last.at - first.at);
  }
  stop(): void {
    clearInterval(this.timer);
  }
}
