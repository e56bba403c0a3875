/**
 * The fuzz harness shared by `test/fuzz/*.test.ts` (a few thousand cases) and `npm run bench:fuzz` (100,000+ per
 * target): one fast-check property per target, each case timed, and a watchdog for cases that never return.
 *
 * - A case slower than {@link CASE_BUDGET_MS} fails the property like a crash does (a hang is a failure), and
 *   fast-check shrinks it to the smallest slow input it can find within {@link SHRINK_BUDGET_MS}.
 * - A synchronous case that never returns cannot be interrupted from the same thread, so a watchdog thread reads a
 *   heartbeat the property writes into shared memory; past {@link HANG_KILL_MS} it prints the target, the seed and
 *   the case's path (enough to replay it) on stderr and ends the process.
 * - Async cases also get fast-check's own `timeout`, so a promise that never settles fails instead of stalling.
 *
 * Replay a failure with `FUZZ_SEED=<seed> FUZZ_PATH=<path> FUZZ_TARGET=<name> npm run bench:fuzz`.
 */
import { writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';

/** What a single generated case may take: "never more than ~1 s on an input". */
export const CASE_BUDGET_MS = Number(process.env.FUZZ_CASE_MS ?? 1000);
/** A case still running after this is a hang: the watchdog reports it and stops the process. */
export const HANG_KILL_MS = Number(process.env.FUZZ_HANG_MS ?? 15_000);
/** How long shrinking a failure may take before the smallest counterexample so far is reported. */
export const SHRINK_BUDGET_MS = Number(process.env.FUZZ_SHRINK_MS ?? 30_000);

/** Filled in by a property run: what the bench prints. */
export interface FuzzStats {
  cases: number;
  slowestMs: number;
  totalMs: number;
  seed: number;
  failure?: string;
}

export type FuzzProperty = (runs: number, stats?: FuzzStats) => Promise<void>;

export interface FuzzOptions {
  /** Fixed seed (replay); default FUZZ_SEED or random. */
  seed?: number;
  /** fast-check replay path (`FUZZ_PATH`), printed with every failure. */
  path?: string;
}

/** Thrown when a property fails: the message says how to replay it. */
export class FuzzFailure extends Error {
  constructor(
    readonly target: string,
    readonly seed: number,
    readonly path: string | undefined,
    readonly detail: string,
  ) {
    super(`fuzz target "${target}" failed (seed ${seed}${path ? `, path ${path}` : ''}; replay: FUZZ_TARGET=${target} FUZZ_SEED=${seed}${path ? ` FUZZ_PATH=${path}` : ''} npm run bench:fuzz)\n${detail}`);
    this.name = 'FuzzFailure';
  }
}

// ---- watchdog -------------------------------------------------------------------------------------------------

/** [0] 1 while a case runs, [1] its start (Date.now()), [2] its run index, [3] seed, [4] shrinking (1/0). */
const beat = new Float64Array(new SharedArrayBuffer(8 * 5));
/** The target's name, for the watchdog's message (UTF-8, NUL-padded). */
const nameBytes = new Uint8Array(new SharedArrayBuffer(128));
let watchdog: Worker | undefined;

const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const beat = new Float64Array(workerData.beat);
const name = new Uint8Array(workerData.name);
setInterval(() => {
  if (beat[0] !== 1 || Date.now() - beat[1] < workerData.killMs) return;
  const target = Buffer.from(name).toString('utf8').replace(/\\0+$/, '');
  const seed = beat[3];
  const where = beat[4] === 1 ? 'while shrinking a failure' : 'path ' + beat[2];
  writeSync(2, '\\nFUZZ HANG: target "' + target + '" case still running after ' + workerData.killMs + ' ms (seed ' + seed + ', ' + where + ').\\n'
    + 'Replay: FUZZ_TARGET=' + target + ' FUZZ_SEED=' + seed + (beat[4] === 1 ? '' : ' FUZZ_PATH=' + beat[2]) + ' npm run bench:fuzz\\n');
  process.kill(process.pid, 'SIGKILL');
}, 250);
`;

function startWatchdog(): void {
  if (watchdog) return;
  watchdog = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { beat: beat.buffer, name: nameBytes.buffer, killMs: HANG_KILL_MS } });
  watchdog.unref();
}

function setWatchedTarget(name: string, seed: number): void {
  nameBytes.fill(0);
  nameBytes.set(Buffer.from(name, 'utf8').subarray(0, nameBytes.length));
  beat[3] = seed;
  beat[4] = 0;
}

// ---- the runner ----------------------------------------------------------------------------------------------

const clipText = (text: string, max = 4000) => (text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text);

/**
 * Runs `check` on `runs` values of `arbitrary`. `check` throws (or returns false) for a failing case; it may be
 * async. Each case is timed; the slowest time and the totals go into `stats`.
 */
export async function runFuzz<T>(
  target: string,
  arbitrary: fc.Arbitrary<T>,
  check: (value: T) => void | boolean | Promise<void | boolean>,
  runs: number,
  stats?: FuzzStats,
  options: FuzzOptions = {},
): Promise<void> {
  const seed = options.seed ?? (process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 0x7fffffff));
  const path = options.path ?? process.env.FUZZ_PATH;
  startWatchdog();
  setWatchedTarget(target, seed);
  let index = path ? Number(path.split(':')[0]) : 0;
  let failed = false;
  let shrinkDeadline = Infinity;
  let slowest = 0;
  let cases = 0;
  const began = performance.now();

  const timed = async (value: T): Promise<boolean> => {
    // Past the shrink budget every candidate "passes", so fast-check stops and reports the smallest failure so far.
    if (failed && performance.now() > shrinkDeadline) return true;
    beat[1] = Date.now();
    beat[2] = index;
    beat[0] = 1;
    const t0 = performance.now();
    let outcome: void | boolean;
    try {
      outcome = await check(value);
    } catch (error) {
      markFailed();
      throw error;
    } finally {
      beat[0] = 0;
    }
    const ms = performance.now() - t0;
    if (!failed) {
      cases += 1;
      index += 1;
      if (ms > slowest) slowest = ms;
    }
    if (outcome === false) {
      markFailed();
      return false;
    }
    if (ms > CASE_BUDGET_MS) {
      markFailed();
      throw new Error(`case took ${ms.toFixed(0)} ms (budget ${CASE_BUDGET_MS} ms): a hang`);
    }
    return true;
  };
  const markFailed = () => {
    if (!failed) {
      failed = true;
      beat[4] = 1;
      shrinkDeadline = performance.now() + SHRINK_BUDGET_MS;
    }
  };

  const details = fc.check(fc.asyncProperty(arbitrary, timed), {
    numRuns: runs,
    seed,
    ...(path ? { path } : {}),
    // A promise that never settles fails the case instead of stalling the run.
    timeout: HANG_KILL_MS,
  });
  const result = await details;
  if (stats) {
    stats.cases = cases;
    stats.slowestMs = slowest;
    stats.totalMs = performance.now() - began;
    stats.seed = seed;
  }
  if (result.failed) {
    const counterexample = result.counterexample ? clipText(fc.stringify(result.counterexample[0])) : '(none)';
    const error = result.errorInstance instanceof Error ? `${result.errorInstance.name}: ${result.errorInstance.message}` : String(result.errorInstance ?? 'property returned false');
    const detail = `after ${result.numRuns} case(s), shrunk ${result.numShrinks} time(s)\ncounterexample: ${counterexample}\nerror: ${clipText(error, 2000)}`;
    if (stats) stats.failure = detail;
    throw new FuzzFailure(target, seed, result.counterexamplePath ?? undefined, detail);
  }
}

/** Writes straight to stderr (the bench's table goes to stdout). */
export function note(text: string): void {
  writeSync(2, `${text}\n`);
}

// ---- what every rejection message must look like -------------------------------------------------------------

/** Words that mean a value was interpolated without being looked at. */
const LEAKS = ['undefined', '[object Object]', 'NaN', '[native code]', 'function ', 'Symbol('];

/**
 * Problems with a user-facing rejection message: empty, a stack trace, an interpolated `undefined`,
 * `[object Object]`, `NaN` or function source (unless the user typed that text themselves), broken UTF-16.
 */
export function messageProblems(message: unknown, input = '', tolerate: readonly KnownProblem[] = []): string[] {
  if (typeof message !== 'string') return [`message is ${typeof message}, not text`];
  const problems: string[] = [];
  if (message.trim() === '') problems.push('message is empty');
  if (/\n\s+at\s/.test(message)) problems.push('message holds a stack trace');
  for (const leak of LEAKS) if (message.includes(leak) && !input.includes(leak)) problems.push(`message says "${leak}"`);
  if (message.length > 1000) problems.push(`message is ${message.length} characters long`);
  if (!isWellFormed(message) && isWellFormed(input) && !tolerate.includes('lone-surrogate')) problems.push('message has a lone surrogate (echoed text cut inside a character)');
  return problems;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** String.prototype.isWellFormed (ES2024, outside this project's `lib`). */
export const isWellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);

/**
 * Problems a fuzz target found in a file this change could not touch (test/fuzz/README.md, "Known findings"):
 * tolerated only where the caller names them, so everything else still fails.
 */
export type KnownProblem = 'lone-surrogate';

/** Throws with the problems when a message is not a clear one. */
export function expectClearMessage(message: unknown, input = '', what = 'message', tolerate: readonly KnownProblem[] = []): void {
  const problems = messageProblems(message, input, tolerate);
  if (problems.length) throw new Error(`${what} ${JSON.stringify(message)}: ${problems.join('; ')}`);
}

/**
 * Every string in a value (keys too), joined: what a user "typed" when the value is a parsed payload, so a message
 * echoing a lone surrogate or the word `undefined` from it is judged against the text itself, not its JSON escape.
 */
export function rawText(value: unknown, depth = 0): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object' || depth > 50) return String(value);
  return Object.entries(value)
    .map(([k, v]) => `${k} ${rawText(v, depth + 1)}`)
    .join(' ');
}

/** Fails unless `condition`; a tiny `expect` that works outside vitest too (the bench). */
export function ensure(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new Error(typeof message === 'string' ? message : message());
}

// ---- hostile text shared by several targets -------------------------------------------------------------------

/** Keys that reach Object.prototype when used as a property name on a plain object. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'propertyIsEnumerable', 'toLocaleString'] as const;

/** Characters that break naive text handling: controls, zero-width, bidi, combining, astral, lone surrogates. */
export const NASTY_CHARS = [
  '\u0000', '\u0001', '\u0007', '\b', '\u001b', '\u007f', '\u0085', '\u00a0', '\u00ad', '\u061c', '\u1680', '\u180e', '\u2000', '\u2028', '\u2029',
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202e', '\u2066', '\u2060', '\u3000', '\ufeff', '\ufffd', '\ufffe', '\uffff',
  '\u0301', '\u0336', '\ud83d\ude00', '\ud83d', '\ude00', '\ud800\udc00', '\u{10ffff}', '\uff1a', '\uff0f', '\uff0e', '\u3002', '\u2024', '\u2215',
  '\r', '\n', '\r\n', '\t', '\v', '\f', '"', "'", '`', '“', '”', '<', '>', '&', '\\', '|', '=', ':', '%', '%00', '%zz', '{{', '${x}',
];

/** A string made of nasty characters and ordinary ones. */
export const nastyText = (maxLength = 40): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NASTY_CHARS) }, { weight: 2, arbitrary: fc.string({ maxLength: 4 }) }, { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) }), {
      maxLength,
    })
    .map((parts) => parts.join(''));

/** One fragment repeated up to `maxChars` characters: the shape that finds quadratic loops and regex backtracking. */
export const repeated = (fragments: fc.Arbitrary<string>, maxChars: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.string({ maxLength: 8 }), fragments, fc.integer({ min: 1, max: maxChars }), fc.string({ maxLength: 8 }))
    .map(([before, fragment, chars, after]) => before + fragment.repeat(Math.max(1, Math.floor(chars / Math.max(1, fragment.length)))) + after);

/** Any unicode text, sometimes very long. */
export const anyText = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: Math.min(maxLength, 200) }) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: Math.min(maxLength, 200) }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: Math.min(maxLength, 60) }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength }) },
  );

/** JSON-ish values with hostile keys, deep nesting and odd leaves. */
export const hostileJson = (maxDepth = 6): fc.Arbitrary<unknown> =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth },
      fc.constantFrom(null, true, false, 0, -1, 1.5, 1e21, -0, '', ' ', '0', 'null', 'undefined', '[object Object]'),
      fc.string({ maxLength: 20 }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 4 }),
    ),
  })).value;

/** A JSON text nested `depth` levels deep: `[[[…]]]` or `{"a":{"a":…}}`. */
export const deepJson = fc
  .tuple(fc.integer({ min: 1, max: 5000 }), fc.boolean())
  .map(([depth, arrays]) => (arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));
