/** Runs Recap's real entry points (`npm start`'s main.ts, the `recap` bin) as child processes for end-to-end tests. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

/** An environment without any of the machine's Recap, Slack or Discord variables, plus the given ones. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // RECAP_LOG_AUDIT: child processes' logs are part of the run's L-2 scan.
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT', 'RECAP_LOG_AUDIT']) if (process.env[key]) env[key] = process.env[key];
  return { ...env, ...extra };
}

export interface ChildRecap {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves when stdout matches, rejects after the timeout with what was printed so far. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

function wrap(child: ChildProcessWithoutNullStreams): ChildRecap {
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters) w();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (pattern, timeoutMs = 15_000) =>
      new Promise((resolvePromise, reject) => {
        const check = () => {
          const match = out.match(pattern);
          if (match) {
            waiters.delete(check);
            clearTimeout(timer);
            resolvePromise(match);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${pattern}\nstdout:\n${out}\nstderr:\n${err}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}

/** `npm start`'s entry point with piped standard input. */
export function startRecapShell(env: Record<string, string>): ChildRecap {
  return wrap(spawn(TSX, ['src/main.ts'], { cwd: ROOT, env: cleanEnv(env) }));
}

/** The `recap` bin, run to completion. */
export async function runRecapBin(args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = wrap(spawn(process.execPath, [resolve(ROOT, 'bin/recap.js'), ...args], { cwd, env: cleanEnv(env) }));
  child.child.stdin.end();
  const code = await child.exited;
  return { code, stdout: child.stdout(), stderr: child.stderr() };
}

/** A script under scripts/ (e.g. `discord-register.ts`), run to completion with tsx. */
export async function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = wrap(spawn(TSX, [resolve(ROOT, 'scripts', script), ...args], { cwd: ROOT, env: cleanEnv(env) }));
  child.child.stdin.end();
  const code = await child.exited;
  return { code, stdout: child.stdout(), stderr: child.stderr() };
}

/** A Recap server for crash tests (test/support/recap-child.ts), with test-only boot options; resolves once it listens. */
export async function startRecapServer(env: Record<string, string>, boot: Record<string, unknown> = {}): Promise<ChildRecap> {
  // Node itself with tsx's loader, not the tsx wrapper: a SIGKILL must reach the process that runs Recap.
  const child = wrap(
    spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'test/support/recap-child.ts')], { cwd: ROOT, env: cleanEnv({ ...env, RECAP_TEST_BOOT: JSON.stringify(boot) }) }),
  );
  await child.waitFor(/listening \d+/, 30_000);
  return child;
}
