/**
 * Caption writers: WebVTT, SRT and plain text from a {@link Transcript}.
 * Whatever is written here reads back through `readTranscript` with the same texts, speakers and times.
 */
import type { CaptionFormat } from '../domain/recap.ts';
import type { Transcript, Utterance } from '../domain/transcript.ts';
import { formatClock, formatCueTime } from '../domain/time.ts';
import { RecapError } from '../errors.ts';
import { foldWhitespace, hasWords, splitColonSpeaker } from './formats/text.ts';

export interface CaptionOptions {
  /** Like AssemblyAI's `chars_per_caption`: split longer utterances into captions of at most this many characters. */
  charsPerCaption?: number;
}

interface Caption {
  startMs: number;
  endMs: number;
  speaker?: string;
  text: string;
}

let wordSegmenter: Intl.Segmenter | undefined;

/** Breaks a run without spaces (Japanese, Chinese, a long URL) at word boundaries, then hard at `max`. */
function breakLongWord(word: string, max: number): string[] {
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  const out: string[] = [];
  let current = '';
  for (const { segment } of wordSegmenter.segment(word)) {
    const pieces = segment.length <= max ? [segment] : hardBreak(segment, max);
    for (const piece of pieces) {
      if (current.length + piece.length > max && current) {
        out.push(current);
        current = '';
      }
      current += piece;
    }
  }
  if (current) out.push(current);
  return out;
}

/** Splits at `max` UTF-16 units without cutting a surrogate pair. */
function hardBreak(s: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of s) {
    if (current.length + ch.length > max && current) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  if (current) out.push(current);
  return out;
}

/** Text → pieces of at most `max` characters, split on spaces where there are any. */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const chunks: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const parts = word.length <= max ? [word] : breakLongWord(word, max);
    parts.forEach((part, i) => {
      const glue = current && i === 0 ? ' ' : '';
      if (current && current.length + glue.length + part.length > max) {
        chunks.push(current);
        current = part;
      } else current += glue + part;
    });
  }
  if (current) chunks.push(current);
  return chunks;
}

function toCaptions(utterances: readonly Utterance[], max: number | undefined): Caption[] {
  const out: Caption[] = [];
  for (const u of utterances) {
    const text = foldWhitespace(u.text);
    if (!hasWords(text)) continue;
    const speaker = u.speaker === undefined ? undefined : foldWhitespace(u.speaker) || undefined;
    const chunks = max === undefined ? [text] : splitText(text, max);
    const total = chunks.reduce((n, c) => n + c.length, 0);
    let done = 0;
    let at = u.startMs;
    for (const chunk of chunks) {
      done += chunk.length;
      const end = done === total ? u.endMs : Math.round(u.startMs + ((u.endMs - u.startMs) * done) / total);
      out.push(speaker === undefined ? { startMs: at, endMs: end, text: chunk } : { startMs: at, endMs: end, speaker, text: chunk });
      at = end;
    }
  }
  return out;
}

const escapeVtt = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * SRT has no escaping rules; readers strip tags and many decode entities. Escape only what would otherwise not
 * read back: entity-like `&…;`, a `<` that could open a tag, `-->`, and `{\` override codes.
 */
const escapeSrt = (s: string): string =>
  s
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '&amp;')
    .replace(/<(?=[^<>]*>)/g, '&lt;')
    .replace(/-->/g, '--&gt;')
    .replace(/\{\\/g, '&#123;\\');

/** A text without a speaker must not read back as `Name: text`: escape that colon. */
function protectColon(text: string): string {
  const colon = splitColonSpeaker(text);
  if (!colon) return text;
  const mark = colon.prefix.charCodeAt(colon.prefix.length - 1);
  return `${colon.prefix.slice(0, -1)}&#${mark};${colon.rest}`;
}

function renderVtt(captions: readonly Caption[]): string {
  const cues = captions.map((c, i) => {
    const body =
      c.speaker === undefined
        ? protectColon(escapeVtt(c.text))
        : // A name ending in "--" would make `-->` with the closing bracket.
          `<v ${escapeVtt(c.speaker).replace(/-$/, '&#45;')}>${escapeVtt(c.text)}`;
    return `${i + 1}\n${formatCueTime(c.startMs, '.')} --> ${formatCueTime(c.endMs, '.')}\n${body}\n`;
  });
  return ['WEBVTT\n', ...cues].join('\n');
}

function renderSrt(captions: readonly Caption[]): string {
  const cues = captions.map((c, i) => {
    const speaker = c.speaker === undefined ? undefined : escapeSrt(c.speaker).replace(/[:：]/g, (m) => `&#${m.codePointAt(0)};`);
    const body = speaker === undefined ? protectColon(escapeSrt(c.text)) : `${speaker}: ${escapeSrt(c.text)}`;
    return `${i + 1}\n${formatCueTime(c.startMs, ',')} --> ${formatCueTime(c.endMs, ',')}\n${body}\n`;
  });
  return cues.join('\n');
}

function renderTxt(transcript: Transcript): string {
  const lines: string[] = [];
  for (const u of transcript.utterances) {
    const text = foldWhitespace(u.text);
    if (!hasWords(text)) continue;
    const speaker = u.speaker === undefined ? '' : foldWhitespace(u.speaker);
    const said = speaker ? `${speaker}: ${text}` : text;
    lines.push(transcript.timed ? `[${formatClock(u.startMs)}] ${said}` : said);
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/**
 * Writes a transcript as WebVTT (voice tags for speakers), SRT (`Name: text` for speakers) or text
 * (`[mm:ss] Speaker: text` lines; no times when the transcript has none).
 * @throws RecapError `unsupported` for VTT or SRT of an untimed transcript; `bad_command` for a bad `charsPerCaption`.
 */
export function renderCaptions(transcript: Transcript, format: CaptionFormat, options: CaptionOptions = {}): string {
  const max = options.charsPerCaption;
  if (max !== undefined && !(Number.isInteger(max) && max >= 1)) {
    throw new RecapError('bad_command', `Characters per caption must be a whole number of at least 1, not ${String(max)}.`, {
      hint: 'Use a number such as 32 or 42, or leave it out to keep each utterance whole.',
    });
  }
  if (format === 'txt') return renderTxt(transcript);
  if (!transcript.timed) {
    const name = format === 'vtt' ? 'WebVTT' : 'SRT';
    throw new RecapError('unsupported', `${name} captions need times, and this transcript has none (it came from text without timestamps).`, {
      hint: 'Ask for the transcript as text (txt) instead, or send a caption file or a transcript with timestamps.',
    });
  }
  const captions = toCaptions(transcript.utterances, max);
  return format === 'vtt' ? renderVtt(captions) : renderSrt(captions);
}
