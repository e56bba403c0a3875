/**
 * The terminal shell: type `/recap ./meeting.vtt` and the reply prints as a chat thread would show it. With a
 * terminal it prompts; with piped input it runs each line in turn and ends at the end of input, so
 * `printf '/recap x.vtt\n' | npm start` works.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { commandForKeyword } from '../../commands/registry.ts';
import type { Reply } from '../../src/domain/reply.ts';
import { renderText } from './render-text.ts';

export interface ShellOptions {
  input: Readable;
  output: Writable;
  /** True when a person types at a terminal: show a prompt and a welcome line. */
  interactive: boolean;
  /** Runs the words after `/recap`. */
  run(text: string): Promise<Reply>;
  banner?: string;
}

const EXIT_WORDS = new Set(['exit', 'quit', '/exit', '/quit', ':q']);

/** What a shell line asks for: a command text, an exit, or nothing. */
export function shellLine(line: string): { kind: 'run'; text: string } | { kind: 'exit' } | { kind: 'skip' } | { kind: 'unknown'; word: string } {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return { kind: 'skip' };
  if (EXIT_WORDS.has(trimmed.toLowerCase())) return { kind: 'exit' };
  const slash = /^\/(\S+)/.exec(trimmed);
  if (slash && slash[1]!.toLowerCase() !== 'recap') {
    // `/help` and `/search …` are what people type after using Slack; `/tmp/x.vtt` is an absolute path.
    if (commandForKeyword(slash[1])) return { kind: 'run', text: trimmed.slice(1) };
    if (!slash[1]!.includes('/') && !/\.\w+$/.test(slash[1]!)) return { kind: 'unknown', word: slash[0] };
  }
  return { kind: 'run', text: trimmed };
}

export async function runShell(options: ShellOptions): Promise<void> {
  const { output } = options;
  const rl = createInterface({
    input: options.input,
    ...(options.interactive ? { output, prompt: 'recap> ' } : {}),
    terminal: options.interactive,
  });
  const print = (text: string) => output.write(`${text}\n`);
  if (options.banner) print(options.banner);
  if (options.interactive) rl.prompt();
  for await (const line of rl) {
    const request = shellLine(line);
    if (request.kind === 'exit') break;
    if (request.kind === 'unknown') print(`✗ ${request.word} is not a Recap command.\n  Type /recap help to see what Recap can do.`);
    if (request.kind === 'run') {
      const reply = await options.run(request.text);
      print(renderText(reply));
      if (!options.interactive) print('');
    }
    if (options.interactive) rl.prompt();
  }
  rl.close();
}
