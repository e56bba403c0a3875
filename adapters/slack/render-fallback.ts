/**
 * The text-only fallback for when Slack refuses the blocks (`msg_blocks_too_long`, `invalid_blocks`; SO-3): a short
 * mrkdwn message with no blocks that points to the files from {@link renderReplyFiles}, uploaded beside it.
 * Post it without a `blocks` field.
 */
import type { Reply } from '../../src/domain/reply.ts';
import { formatClock } from '../../src/domain/time.ts';
import { bold, escapeMrkdwn, oneLine, truncateMrkdwn } from './mrkdwn.ts';
import { errorMrkdwn } from './render-error.ts';
import { recapFacts, replyFiles, type ReplyFile } from '../shared/recap-files.ts';
import type { SlackMessage } from './render-limits.ts';

/** Well under the 3,000 a notification should stay within. */
const TEXT_ONLY_CHARS = 2500;
const SUMMARY_CHARS = 1200;
const LIST_CHARS = 800;

/** The files that carry the whole of a reply, to upload with {@link renderTextOnly}'s message. */
export function renderReplyFiles(reply: Reply): ReplyFile[] {
  return replyFiles(reply, TEXT_ONLY_CHARS);
}

const WHAT: Record<Reply['kind'], string> = { recap: 'recap', search: 'moments', text: 'text', error: 'text' };

function pointer(reply: Reply, files: ReplyFile[]): string {
  if (files.length === 0) return '';
  return `_Full ${WHAT[reply.kind]} attached: ${files.map((file) => file.filename).join(', ')}_`;
}

/** Adds lines while they fit, never cutting one. */
function firstLines(lines: string[], max: number): string[] {
  const out: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > max) break;
    out.push(line);
    used += line.length + 1;
  }
  return out;
}

function body(reply: Reply): string[] {
  switch (reply.kind) {
    case 'recap': {
      const facts = recapFacts(reply);
      const out = [`${bold(escapeMrkdwn(`Recap of ${oneLine(reply.source)}`))}${facts.length ? ` · ${escapeMrkdwn(facts.join(' · '))}` : ''}`];
      const summary = reply.recap.summary?.text;
      if (summary) out.push(truncateMrkdwn(escapeMrkdwn(oneLine(summary)), SUMMARY_CHARS));
      const chapters = (reply.recap.chapters ?? []).map(
        (c) => `${c.startMs !== undefined ? formatClock(c.startMs) : '•'}  ${escapeMrkdwn(oneLine(c.title))}`,
      );
      const shown = firstLines(chapters, LIST_CHARS);
      if (shown.length) out.push('', '*Chapters*', ...shown, ...(shown.length < chapters.length ? ['…'] : []));
      return out;
    }
    case 'search': {
      const out = [`${bold(escapeMrkdwn(`“${oneLine(reply.query)}”`))} in ${escapeMrkdwn(oneLine(reply.source))}: ${reply.matches.length} moment${reply.matches.length === 1 ? '' : 's'}`];
      const moments = reply.matches.map(
        (m) => `${m.startMs !== undefined ? formatClock(m.startMs) : '•'}  ${truncateMrkdwn(escapeMrkdwn(oneLine(`${m.speaker ? `${m.speaker}: ` : ''}${m.text}`)), 300)}`,
      );
      out.push(...firstLines(moments, LIST_CHARS * 2));
      return out;
    }
    case 'text':
      return firstLines(escapeMrkdwn(reply.text).split('\n'), TEXT_ONLY_CHARS - 100);
    case 'error':
      return [errorMrkdwn(reply)];
  }
}

export function renderTextOnly(reply: Reply): SlackMessage {
  const tail = pointer(reply, renderReplyFiles(reply));
  const text = truncateMrkdwn(body(reply).join('\n'), TEXT_ONLY_CHARS - tail.length - 2);
  return { text: tail ? `${text}\n\n${tail}` : text, blocks: [] };
}
