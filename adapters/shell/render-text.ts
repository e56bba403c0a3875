/**
 * Renders a reply as plain text, the way the terminal shell and the CLI show it: the same sections a chat thread
 * shows, with `mm:ss` times.
 */
import { formatClock } from '../../src/domain/time.ts';
import type { ErrorReply, RecapReply, Reply, SearchReply } from '../../src/domain/reply.ts';

const WIDTH = 96;

/** Wraps prose to the terminal width with an indent, keeping the text's own line breaks (bullet lists). */
export function wrap(text: string, indent = '  ', width = WIDTH): string {
  if (text.includes('\n')) {
    return text
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => wrapLine(line, indent, width))
      .join('\n');
  }
  return wrapLine(text, indent, width);
}

function wrapLine(text: string, indent: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

function span(startMs: number | undefined, endMs?: number): string {
  if (startMs === undefined) return '';
  return endMs === undefined ? formatClock(startMs) : `${formatClock(startMs)}–${formatClock(endMs)}`;
}

function renderRecap(reply: RecapReply): string {
  const { recap } = reply;
  const facts = [
    reply.durationMs !== undefined ? formatClock(reply.durationMs) : undefined,
    reply.speakers ? `${reply.speakers} speaker${reply.speakers === 1 ? '' : 's'}` : undefined,
    reply.language,
  ].filter(Boolean);
  const out: string[] = [`Recap of ${reply.source}${facts.length ? ` · ${facts.join(' · ')}` : ''}`];
  if (recap.summary) out.push('', 'Summary', wrap(recap.summary.text || '(nothing to summarise)'));
  if (recap.chapters) {
    out.push('', 'Chapters');
    for (const chapter of recap.chapters) {
      const time = chapter.startMs !== undefined ? `${formatClock(chapter.startMs).padStart(7)}  ` : '  • ';
      out.push(`${time}${chapter.title}`);
      if (chapter.summary) out.push(wrap(chapter.summary, ' '.repeat(chapter.startMs !== undefined ? 11 : 6)));
    }
  }
  if (recap.keyPhrases) {
    out.push('', 'Key phrases');
    if (recap.keyPhrases.length === 0) out.push('  (none found)');
    for (const phrase of recap.keyPhrases) {
      const first = phrase.timestamps[0];
      out.push(`  • ${phrase.text}  ×${phrase.count}${first ? `  first at ${formatClock(first.startMs)}` : ''}`);
    }
  }
  if (recap.highlights) {
    const total = recap.highlights.reduce((sum, h) => sum + (h.endMs - h.startMs), 0);
    out.push('', `Highlights (${Math.round(total / 1000)} s)`);
    if (recap.highlights.length === 0) out.push('  (none: highlights need a timed transcript)');
    for (const highlight of recap.highlights) {
      out.push(`  ${span(highlight.startMs, highlight.endMs)}`, wrap(`“${highlight.text}”`, '    '));
    }
  }
  if (recap.captions) {
    out.push('', 'Captions');
    for (const caption of recap.captions) out.push(`  ${caption.format.toUpperCase()}  ${caption.url}`);
  }
  if (reply.transcript) {
    out.push('', 'Transcript');
    for (const u of reply.transcript.utterances) {
      const time = reply.transcript.timed ? `[${formatClock(u.startMs)}] ` : '';
      out.push(`  ${time}${u.speaker ? `${u.speaker}: ` : ''}${u.text}`);
    }
  }
  for (const note of reply.notes ?? []) out.push('', `Note: ${note}`);
  return out.join('\n');
}

function renderSearch(reply: SearchReply): string {
  if (reply.matches.length === 0) return `No moments in ${reply.source} mention “${reply.query}”.`;
  const out = [`“${reply.query}” in ${reply.source}: ${reply.matches.length} moment${reply.matches.length === 1 ? '' : 's'}`];
  for (const match of reply.matches) {
    const time = match.startMs !== undefined ? `${formatClock(match.startMs).padStart(7)}  ` : '  • ';
    out.push(`${time}${match.speaker ? `${match.speaker}: ` : ''}${match.text}`);
  }
  return out.join('\n');
}

/** Error replies: what was wrong, what to do, and the usage line for grammar mistakes. */
export function renderError(reply: ErrorReply): string {
  const out = [`✗ ${reply.message}`];
  if (reply.hint) out.push(`  ${reply.hint}`);
  if (reply.usage) out.push(`  Usage: ${reply.usage}`);
  return out.join('\n');
}

export function renderText(reply: Reply): string {
  switch (reply.kind) {
    case 'recap':
      return renderRecap(reply);
    case 'search':
      return renderSearch(reply);
    case 'text':
      return reply.text;
    case 'error':
      return renderError(reply);
  }
}
