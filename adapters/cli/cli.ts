/**
 * The `recap` command line. Needs no chat credentials and no running server.
 *   recap analyze <file|url> [--json] [--highlights SECONDS] [--lang CODE]
 *   recap captions <file|url> [--format vtt|srt|txt] [--chars N]
 *   recap <command words…> [--json]          (anything the shell takes: search, help, a recap with parts…)
 * Errors go to stderr in one or two lines with a non-zero exit: 2 for a mistyped command, 1 otherwise.
 */
import type { CommandDeps } from '../../commands/deps.ts';
import type { Invocation } from '../../commands/invocation.ts';
import { splitOptions } from '../../commands/options.ts';
import { parseRef } from '../../commands/parse-ref.ts';
import { runCommandText, runInvocation } from '../../commands/run.ts';
import { renderCaptions } from '../../src/analysis/captions.ts';
import { ConfigError, loadConfig, type Config } from '../../src/config.ts';
import type { CaptionFormat, Part } from '../../src/domain/recap.ts';
import type { ErrorReply, Reply } from '../../src/domain/reply.ts';
import { toRecapError } from '../../src/errors.ts';
import { createCommandDeps, type CommandDepsOptions } from '../../src/command-deps.ts';
import { renderText } from '../shell/render-text.ts';
import { recapJson } from './recap-json.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Safe-fetcher, provider and polling overrides for tests. */
  overrides?: Pick<CommandDepsOptions, 'fetchOptions' | 'providerOverrides' | 'wait' | 'urlCheck'>;
}

const ANALYZE_PARTS: Part[] = ['summary', 'chapters', 'phrases', 'highlights'];

export const CLI_USAGE = [
  'Usage: recap analyze <file|url> [--json] [--highlights SECONDS] [--lang CODE]',
  '       recap captions <file|url> [--format vtt|srt|txt] [--chars N]',
  '       recap <command words…> [--json]      e.g. recap search ./standup.vtt pricing',
].join('\n');

function usageError(message: string, hint?: string): ErrorReply {
  return { kind: 'error', code: 'bad_command', message, ...(hint ? { hint } : {}), usage: 'recap --help', ephemeral: true };
}

/** Runs the CLI and returns the exit code. */
export async function cli(argv: readonly string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  if (args.length === 0 || ['--help', '-h', 'help'].includes(args[0]!) && args.length === 1) {
    io.stdout(`${CLI_USAGE}\n`);
    return 0;
  }
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const deps = createCommandDeps({ config, cwd: io.cwd, ...io.overrides });
  const [verb, ...rest] = args;
  let reply: Reply;
  if (verb === 'analyze') {
    reply = await analyze(rest, deps);
  } else if (verb === 'captions') {
    return captions(rest, deps, io);
  } else {
    // Quote words with spaces again so paths like "My Meetings/x.vtt" survive the grammar's tokenizer.
    const text = args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ');
    reply = await runCommandText(text, { allowFiles: true }, deps);
  }
  return print(reply, json, io);
}

async function analyze(args: readonly string[], deps: CommandDeps): Promise<Reply> {
  const split = splitOptions(args, ['highlights', 'lang']);
  if (!split.ok) return usageError(split.error, split.hint);
  const [target, ...extra] = split.words;
  if (target === undefined) return usageError('Tell me which file or link to analyze.', 'recap analyze ./meeting.vtt');
  if (extra.length > 0) return usageError(`Unexpected "${extra[0]!.slice(0, 40)}".`, 'recap analyze takes one file or link.');
  const ref = parseRef(target, { allowFiles: true });
  if (!ref.ok) return usageError(ref.error, ref.hint);
  const invocation: Invocation = {
    name: 'recap',
    ref: ref.ref,
    want: ANALYZE_PARTS,
    ...(split.options.highlightsSeconds !== undefined ? { highlightsSeconds: split.options.highlightsSeconds } : {}),
    ...(split.options.lang ? { lang: split.options.lang } : {}),
  };
  return runInvocation(invocation, deps);
}

async function captions(args: readonly string[], deps: CommandDeps, io: CliIo): Promise<number> {
  const fail = (reply: ErrorReply) => print(reply, false, io);
  let format: CaptionFormat = 'vtt';
  let chars: number | undefined;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith('--') ? arg.split('=', 2) : [undefined, undefined];
    if (name === '--format' || name === '--chars') {
      const value = inline ?? args[++i];
      if (name === '--format') {
        if (value !== 'vtt' && value !== 'srt' && value !== 'txt') return fail(usageError(`--format takes vtt, srt or txt, not "${value ?? ''}".`));
        format = value;
      } else {
        chars = Number(value);
        if (!Number.isInteger(chars) || chars < 10 || chars > 500) return fail(usageError('--chars takes a whole number from 10 to 500.'));
      }
    } else if (arg.startsWith('--')) return fail(usageError(`Unknown option "${arg.slice(0, 40)}".`, 'Options: --format, --chars.'));
    else words.push(arg);
  }
  if (words.length !== 1) return fail(usageError('Give exactly one file or link.', 'recap captions ./meeting.vtt --format srt'));
  const ref = parseRef(words[0]!, { allowFiles: true });
  if (!ref.ok) return fail(usageError(ref.error, ref.hint));
  try {
    const { transcript } = await deps.resolve(ref.ref, { want: ['transcript'] });
    if (!transcript) return fail({ kind: 'error', code: 'bad_input', message: 'There is no transcript to write captions from.', ephemeral: false });
    io.stdout(renderCaptions(transcript, format, chars !== undefined ? { charsPerCaption: chars } : {}));
    return 0;
  } catch (error) {
    const e = toRecapError(error);
    return fail({ kind: 'error', code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}), ephemeral: false });
  }
}

function print(reply: Reply, json: boolean, io: CliIo): number {
  if (reply.kind === 'error') {
    // One or two lines: what was wrong, then what to do (the hint, or else the usage line).
    const second = reply.hint ?? (reply.usage ? `Usage: ${reply.usage}` : undefined);
    io.stderr(`✗ ${reply.message}\n${second ? `  ${second}\n` : ''}`);
    return reply.code === 'bad_command' ? 2 : 1;
  }
  if (!json) {
    io.stdout(`${renderText(reply)}\n`);
    return 0;
  }
  if (reply.kind === 'recap') io.stdout(`${JSON.stringify(recapJson(reply.recap))}\n`);
  else if (reply.kind === 'search') io.stdout(`${JSON.stringify({ query: reply.query, matches: reply.matches })}\n`);
  else io.stdout(`${JSON.stringify({ text: reply.text })}\n`);
  return 0;
}
