/** The help text, written from the command registry so it never drifts from what the parser accepts. */
import type { TextReply } from '../src/domain/reply.ts';
import { REF_FORMS } from './parse-ref.ts';
import { COMMANDS } from './registry.ts';

export function helpReply(): TextReply {
  const lines = ['Recap turns a meeting recording or transcript into a summary, chapters, key phrases, highlights and captions.', ''];
  for (const command of COMMANDS) {
    lines.push(`${command.usage}`, `    ${command.description}`, `    e.g. ${command.example}`, '');
  }
  lines.push(`A link or id is ${REF_FORMS}. In the shell and CLI, a local file path works too.`);
  return { kind: 'text', text: lines.join('\n') };
}
