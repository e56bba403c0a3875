/**
 * Renders a command's Reply as Discord messages within Discord's limits (2,000 content characters, 10 embeds and
 * 6,000 embed characters a message, 25 fields, 1,024 a field value, 4,096 a description): usually one message; more
 * only when long text must be split. What does not fit, and any transcript, goes in files the caller uploads with the
 * message. Sections and wording mirror the terminal (adapters/shell) and Slack (adapters/slack) renderings.
 * Every message has `allowed_mentions: { parse: [] }` and escapes user-derived text (D-17).
 */
import type { ErrorReply, Reply, SearchReply, TextReply } from '../../src/domain/reply.ts';
import { formatClock } from '../../src/domain/time.ts';
import { searchFile, textFile } from '../shared/recap-files.ts';
import { bold, codeSpan, escapeMarkdown, oneLine, plainSafe, truncateEscaped } from './markdown.ts';
import {
  LIMITS,
  RECAP_COLOR,
  message,
  splitMessages,
  splitText,
  type DiscordEmbed,
  type DiscordFile,
  type DiscordMessage,
} from './render-limits.ts';
import { discordFile, renderRecapEmbeds } from './render-recap.ts';

export type { DiscordEmbed, DiscordEmbedField, DiscordFile, DiscordMessage } from './render-limits.ts';
export { LIMITS, splitMessages } from './render-limits.ts';
export { renderDiscordStatus, type JobStage } from './render-status.ts';

export interface RenderedDiscordReply {
  /** Usually one message; more only when the content must be split. Post them in order. */
  messages: DiscordMessage[];
  files: DiscordFile[];
}

/** Long help or prose is split over at most this many messages; the rest goes to `reply.txt`. */
const MAX_TEXT_MESSAGES = 5;
/** Three parts and their labels stay under the 2,000 of a message. */
const ERROR_PART_CHARS = 600;
const QUERY_CHARS = 100;
const SOURCE_CHARS = 100;
const MOMENT_CHARS = 800;
const SPEAKER_CHARS = 100;

export function renderDiscordReply(reply: Reply): RenderedDiscordReply {
  switch (reply.kind) {
    case 'recap':
      return renderRecapEmbeds(reply);
    case 'search':
      return renderSearch(reply);
    case 'text':
      return renderText(reply);
    case 'error':
      return { messages: [renderError(reply)], files: [] };
  }
}

function inline(text: string, max: number): string {
  return truncateEscaped(escapeMarkdown(oneLine(text)), max);
}

/** `“budget” in standup.mp4: 3 moments` as the embed's title, then one line per moment; all of them in a file if cut. */
function renderSearch(reply: SearchReply): RenderedDiscordReply {
  const source = inline(reply.source, SOURCE_CHARS);
  const query = inline(reply.query, QUERY_CHARS);
  if (reply.matches.length === 0) return { messages: [message(`No moments in ${source} mention “${query}”.`)], files: [] };
  const count = `${reply.matches.length} moment${reply.matches.length === 1 ? '' : 's'}`;
  const title = `“${query}” in ${source}: ${count}`;
  const lines = reply.matches.map((match) => {
    const time = match.startMs !== undefined ? formatClock(match.startMs) : '•';
    const speaker = match.speaker ? `${bold(inline(match.speaker, SPEAKER_CHARS))}: ` : '';
    return `${time}  ${speaker}${inline(match.text, MOMENT_CHARS)}`;
  });
  // Lines go into descriptions (4,096 each) while the message's 6,000 embed characters last.
  const embeds: DiscordEmbed[] = [];
  let left = LIMITS.embedTotal - title.length;
  let current: DiscordEmbed = { title, color: RECAP_COLOR };
  let shown = 0;
  for (const line of lines) {
    const description = current.description ? `${current.description}\n${line}` : line;
    const fits = description.length <= LIMITS.description;
    const cost = fits ? description.length - (current.description?.length ?? 0) : line.length;
    if (cost > left) break;
    if (fits) current.description = description;
    else {
      embeds.push(current);
      current = { color: RECAP_COLOR, description: line };
    }
    left -= cost;
    shown++;
  }
  embeds.push(current);
  const files: DiscordFile[] = shown < lines.length ? [discordFile(searchFile(reply))] : [];
  const content = files.length ? `-# All ${count} attached as a file` : '';
  return { messages: splitMessages(content, embeds), files };
}

/** Help and other prose as message content, split on line boundaries; beyond five messages, the whole in a file. */
function renderText(reply: TextReply): RenderedDiscordReply {
  const escaped = escapeMarkdown(reply.text.trimEnd());
  const pieces = splitText(escaped, LIMITS.content);
  if (pieces.length <= MAX_TEXT_MESSAGES) return { messages: splitMessages(escaped, []), files: [] };
  const notice = '-# Full text attached as a file';
  const kept = splitText(escaped, LIMITS.content - notice.length - 1).slice(0, MAX_TEXT_MESSAGES);
  const messages = kept.map((piece, i) => message(i === kept.length - 1 ? `${piece}\n${notice}` : piece));
  return { messages, files: [discordFile(textFile(reply.text))] };
}

/** `⚠️ <message>`, what to do about it, and the command's usage line in a code span. */
function renderError(reply: ErrorReply): DiscordMessage {
  const out = [`⚠️ ${inline(reply.message, ERROR_PART_CHARS)}`];
  if (reply.hint) out.push(inline(reply.hint, ERROR_PART_CHARS));
  // Inside a code span nothing is markdown and a backslash would show: only mention syntax is broken.
  const usage = reply.usage ? codeSpan(truncatePlain(plainSafe(oneLine(reply.usage)), ERROR_PART_CHARS)) : '';
  if (usage) out.push(`Usage: ${usage}`);
  return message(out.join('\n'));
}

function truncatePlain(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
