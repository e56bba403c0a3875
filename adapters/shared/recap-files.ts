/**
 * The files a Slack reply carries when its content does not fit a message: the complete recap as Markdown-ish text
 * (the same sections and wording as the terminal), the transcript as `[mm:ss] Speaker: text` lines, all search
 * moments. Files are not mrkdwn: nothing is escaped, and nothing in them can ping anyone.
 */
import type { Transcript } from '../../src/domain/transcript.ts';
import type { RecapReply, Reply, SearchReply } from '../../src/domain/reply.ts';
import { formatClock } from '../../src/domain/time.ts';
import { mediaTimeUrl } from './media-time-url.ts';
import { oneLine } from '../slack/mrkdwn.ts';

export interface ReplyFile {
  filename: string;
  title: string;
  content: string;
}

/** `12:34 · 3 speakers · en`, as the terminal's first line has it. */
export function recapFacts(reply: RecapReply): string[] {
  return [
    reply.durationMs !== undefined ? formatClock(reply.durationMs) : undefined,
    reply.speakers ? `${reply.speakers} speaker${reply.speakers === 1 ? '' : 's'}` : undefined,
    reply.language,
  ].filter((fact): fact is string => Boolean(fact));
}

export function highlightsSeconds(reply: RecapReply): number {
  return Math.round((reply.recap.highlights ?? []).reduce((sum, h) => sum + (h.endMs - h.startMs), 0) / 1000);
}

export function span(startMs: number, endMs?: number): string {
  return endMs === undefined ? formatClock(startMs) : `${formatClock(startMs)}–${formatClock(endMs)}`;
}

/** The complete recap; the transcript, when there is one, goes in its own file and is pointed to. */
export function recapMarkdown(reply: RecapReply): string {
  const { recap } = reply;
  const facts = recapFacts(reply);
  const out = [`# Recap of ${reply.source}`];
  if (facts.length) out.push('', facts.join(' · '));
  if (recap.summary) out.push('', '## Summary', '', recap.summary.text || '(nothing to summarise)');
  if (recap.chapters) {
    out.push('', '## Chapters', '');
    if (recap.chapters.length === 0) out.push('(none found)');
    for (const chapter of recap.chapters) {
      const at = chapter.startMs;
      const url = at !== undefined && reply.mediaUrl ? mediaTimeUrl(reply.mediaUrl, at) : undefined;
      const time = at === undefined ? '' : url ? `[${formatClock(at)}](${url}) ` : `${formatClock(at)} `;
      out.push(`- ${time}**${oneLine(chapter.title)}**${chapter.summary ? ` — ${oneLine(chapter.summary)}` : ''}`);
    }
  }
  if (recap.keyPhrases) {
    out.push('', '## Key phrases', '');
    if (recap.keyPhrases.length === 0) out.push('(none found)');
    for (const phrase of recap.keyPhrases) {
      const first = phrase.timestamps[0];
      out.push(`- ${phrase.text} ×${phrase.count}${first ? ` (first at ${formatClock(first.startMs)})` : ''}`);
    }
  }
  if (recap.highlights) {
    out.push('', `## Highlights (${highlightsSeconds(reply)} s)`, '');
    if (recap.highlights.length === 0) out.push('(none: highlights need a timed transcript)');
    for (const highlight of recap.highlights) out.push(`- ${span(highlight.startMs, highlight.endMs)} “${oneLine(highlight.text)}”`);
  }
  if (recap.captions) {
    out.push('', '## Captions', '');
    for (const caption of recap.captions) out.push(`- ${caption.format.toUpperCase()}: ${caption.url}`);
  }
  if (reply.transcript) out.push('', '## Transcript', '', 'In transcript.txt.');
  for (const note of reply.notes ?? []) out.push('', `Note: ${note}`);
  return `${out.join('\n')}\n`;
}

/** `[mm:ss] Speaker: text` per utterance; no times for an untimed transcript (none may be invented). */
export function transcriptText(transcript: Transcript): string {
  const lines = transcript.utterances.map((u) => {
    const time = transcript.timed ? `[${formatClock(u.startMs)}] ` : '';
    return `${time}${u.speaker ? `${u.speaker}: ` : ''}${u.text}`;
  });
  return `${lines.join('\n')}\n`;
}

export function searchText(reply: SearchReply): string {
  const out = [`“${reply.query}” in ${reply.source}: ${reply.matches.length} moment${reply.matches.length === 1 ? '' : 's'}`, ''];
  for (const match of reply.matches) {
    const time = match.startMs !== undefined ? `[${formatClock(match.startMs)}] ` : '';
    out.push(`${time}${match.speaker ? `${match.speaker}: ` : ''}${match.text}`);
  }
  return `${out.join('\n')}\n`;
}

export function recapFile(reply: RecapReply): ReplyFile {
  return { filename: 'recap.md', title: `Recap of ${reply.source}`, content: recapMarkdown(reply) };
}

export function transcriptFile(reply: RecapReply & { transcript: Transcript }): ReplyFile {
  return { filename: 'transcript.txt', title: `Transcript of ${reply.source}`, content: transcriptText(reply.transcript) };
}

export function searchFile(reply: SearchReply): ReplyFile {
  return { filename: 'moments.txt', title: `“${reply.query}” in ${reply.source}`, content: searchText(reply) };
}

export function textFile(text: string): ReplyFile {
  return { filename: 'reply.txt', title: 'Recap', content: text.endsWith('\n') ? text : `${text}\n` };
}

/**
 * Every file that carries the whole of a reply: what to upload beside the text-only fallback
 * ({@link renderTextOnly}) when Slack refuses the blocks. Text replies get a file only when they are long.
 */
export function replyFiles(reply: Reply, longTextChars: number): ReplyFile[] {
  switch (reply.kind) {
    case 'recap':
      return reply.transcript ? [recapFile(reply), transcriptFile({ ...reply, transcript: reply.transcript })] : [recapFile(reply)];
    case 'search':
      return reply.matches.length ? [searchFile(reply)] : [];
    case 'text':
      return reply.text.length > longTextChars ? [textFile(reply.text)] : [];
    case 'error':
      return [];
  }
}
