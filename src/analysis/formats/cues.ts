/**
 * WebVTT and SRT, read the lenient way browsers read WebVTT (W3C WebVTT parser, "collect a block"):
 * a block whose first or second line holds `-->` is a cue; anything else (identifiers alone, NOTE, STYLE,
 * REGION, junk) is skipped; a cue with broken timings or end < start is dropped, never the whole file.
 * Lenient beyond browsers where real files need it: `,` or `.` before the milliseconds, 1–3 digit fractions,
 * an identifier line glued to the previous cue's text, a missing blank line after the header.
 */
import type { Transcript, Utterance } from '../../domain/transcript.ts';
import { noUsableCues, type CueFormat } from './errors.ts';
import { decodeEntities, foldWhitespace, hasWords, splitColonSpeaker, stripTags, tokenizeCueText } from './text.ts';

/** Where {@link readTime} stopped; a module-level cursor keeps the hot path free of allocations. */
let cursor = 0;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 12;

/**
 * A cue time at `i`: `mm:ss.ttt` or `h…h:mm:ss.ttt` as in WebVTT, also accepting `,` (SRT) and 1–3+ fraction
 * digits or none. Returns ms (cursor after it), or -1.
 */
function readTime(line: string, i: number): number {
  const parts = [0, 0, 0];
  let count = 0;
  for (;;) {
    const begin = i;
    let value = 0;
    while (isDigit(line.charCodeAt(i)) && i - begin < 12) value = value * 10 + line.charCodeAt(i++) - 48;
    const digits = i - begin;
    if (digits === 0 || isDigit(line.charCodeAt(i)) || (count > 0 && digits > 2)) return -1;
    parts[count++] = value;
    if (line.charCodeAt(i) !== 58 /* : */ || count === 3) break;
    i++;
  }
  if (count < 2) return -1;
  const [h, m, sec] = count === 2 ? [0, parts[0]!, parts[1]!] : [parts[0]!, parts[1]!, parts[2]!];
  if (sec > 59 || (count === 3 && m > 59)) return -1;
  let ms = 0;
  const sep = line.charCodeAt(i);
  if ((sep === 46 || sep === 44) && isDigit(line.charCodeAt(i + 1))) {
    i++;
    let scale = 100;
    while (isDigit(line.charCodeAt(i))) {
      ms += (line.charCodeAt(i++) - 48) * scale;
      scale /= 10;
    }
    ms = Math.floor(ms);
  }
  cursor = i;
  return ((h * 60 + m) * 60 + sec) * 1000 + ms;
}

let timingsEnd = 0;

/** Reads a timings line into ms (end in {@link timingsEnd}); -1 when it is broken or runs backwards. */
function readTimings(line: string): number {
  let i = 0;
  while (isBlank(line.charCodeAt(i))) i++;
  const start = readTime(line, i);
  if (start < 0) return -1;
  i = cursor;
  while (isBlank(line.charCodeAt(i))) i++;
  if (!line.startsWith('-->', i)) return -1;
  i += 3;
  while (isBlank(line.charCodeAt(i))) i++;
  const end = readTime(line, i);
  if (end < 0 || end < start || !Number.isSafeInteger(end)) return -1;
  if (cursor < line.length && !isBlank(line.charCodeAt(cursor))) return -1;
  timingsEnd = end;
  return start;
}

/** `12`, or Microsoft Teams' `3b1f0c5e-1a2b-4c3d-9e8f-0123456789ab/12-0`. */
const IDENTIFIER = /^(?:\d+|[0-9a-fA-F]{8}-[0-9a-fA-F-]{8,}(?:\/\d+-\d+)?)$/;

/** Reads a timings line (`start --> end [settings]`); undefined when it is broken or runs backwards. */
export function parseTimings(line: string): { startMs: number; endMs: number } | undefined {
  const startMs = readTimings(line);
  return startMs < 0 ? undefined : { startMs, endMs: timingsEnd };
}

interface RawSegment {
  speaker?: string;
  /** Set when the speaker came from a `Name:` prefix, which the whole file then votes on. */
  colon?: { prefix: string };
  raw: string;
}

interface RawCue {
  startMs: number;
  endMs: number;
  segments: RawSegment[];
  voiced: boolean;
}

/** Cue text → segments, one per speaker change (voice tags, else `Name:` lines). */
function segmentCue(lines: string[], format: CueFormat): { segments: RawSegment[]; voiced: boolean } {
  const tokens = tokenizeCueText(lines.join('\n'), { srt: format === 'srt' });
  const voiced = tokens.some((t) => t.kind === 'voice');
  const segments: RawSegment[] = [];
  if (voiced) {
    let current: RawSegment = { raw: '' };
    segments.push(current);
    for (const t of tokens) {
      if (t.kind === 'text') current.raw += t.raw;
      else if (hasWords(current.raw) && current.speaker !== t.speaker) {
        current = { raw: '' };
        if (t.speaker !== undefined) current.speaker = t.speaker;
        segments.push(current);
      } else if (t.speaker !== undefined) current.speaker = t.speaker;
    }
    return { segments, voiced };
  }
  const text = tokens.map((t) => (t.kind === 'text' ? t.raw : '')).join('');
  let current: RawSegment | undefined;
  for (const line of text.split('\n')) {
    const colon = splitColonSpeaker(line);
    if (colon) {
      current = { speaker: colon.speaker, colon: { prefix: colon.prefix }, raw: colon.rest };
      segments.push(current);
    } else if (current) current.raw += '\n' + line;
    else {
      current = { raw: line };
      segments.push(current);
    }
  }
  return { segments, voiced };
}

/**
 * Which `Name:` speakers to believe: a name said more than once, or any name when at least a third of the
 * un-voiced cues carry one. A lone "Warning: spoilers" in a film's subtitles is not a speaker.
 */
export function acceptedColonSpeakers(cues: readonly { segments: RawSegment[]; voiced: boolean }[]): (name: string) => boolean {
  const counts = new Map<string, number>();
  let eligible = 0;
  let withName = 0;
  for (const cue of cues) {
    if (cue.voiced) continue;
    eligible++;
    let named = false;
    for (const s of cue.segments) {
      if (s.colon && s.speaker !== undefined) {
        named = true;
        counts.set(s.speaker, (counts.get(s.speaker) ?? 0) + 1);
      }
    }
    if (named) withName++;
  }
  const all = eligible > 0 && withName * 3 >= eligible;
  return (name) => all || (counts.get(name) ?? 0) >= 2;
}

/** Final utterances of one cue: names voted on, entities decoded, empty parts dropped, time shared by length. */
export function finishSegments(
  startMs: number,
  endMs: number,
  segments: readonly RawSegment[],
  accept: (name: string) => boolean,
  out: Utterance[],
): void {
  const parts: { speaker?: string; text: string }[] = [];
  for (const s of segments) {
    let raw = s.raw;
    let speaker = s.speaker;
    if (s.colon && speaker !== undefined && !accept(speaker)) {
      raw = s.colon.prefix + raw;
      speaker = undefined;
      const previous = parts[parts.length - 1];
      if (previous) {
        const text = foldWhitespace(decodeEntities(raw));
        if (hasWords(text)) previous.text += ' ' + text;
        continue;
      }
    }
    const text = foldWhitespace(decodeEntities(raw));
    if (!hasWords(text)) continue;
    const previous = parts[parts.length - 1];
    if (previous && previous.speaker === speaker) previous.text += ' ' + text;
    else parts.push(speaker === undefined ? { text } : { speaker, text });
  }
  if (parts.length === 1) {
    out.push({ startMs, endMs, ...parts[0]! });
    return;
  }
  const total = parts.reduce((n, p) => n + p.text.length, 0);
  let done = 0;
  let at = startMs;
  for (const p of parts) {
    done += p.text.length;
    const end = Math.round(startMs + ((endMs - startMs) * done) / total);
    out.push({ startMs: at, endMs: end, ...p });
    at = end;
  }
}

/** Reads a WebVTT or SRT file (already decoded, BOM removed). Throws when not one cue is usable. */
export function readCues(text: string, format: CueFormat): Transcript {
  const lines = (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n');
  let i = 0;
  if (format === 'vtt') {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    // The header: the WEBVTT line and anything up to a blank line; an arrow line ends it early.
    for (i++; i < lines.length && lines[i] !== '' && !lines[i]!.includes('-->'); i++);
  }
  // YouTube's automatic captions (recognisable by their word timestamps) repeat the previous cue's last line at
  // the top of each multi-line cue (rolling captions).
  const rolling = format === 'vtt' && /<(?:\d+:)?\d{2}:\d{2}\.\d{3}>/.test(text);
  let previousLastLine = '';

  const cues: RawCue[] = [];
  let timingLines = 0;
  let state: 'idle' | 'id' | 'skip' | 'text' = 'idle';
  let cue: { startMs: number; endMs: number; lines: string[] } | undefined;

  const finishCue = (): void => {
    if (!cue) return;
    let cueLines = cue.lines;
    if (rolling) {
      const stripped = cueLines.map(stripTags);
      let k = 0;
      // Only a cue with more lines than the repeat loses it: a lone line that says the same thing again stays.
      if (cueLines.length >= 2) while (k < stripped.length - 1 && (stripped[k] === '' || stripped[k] === previousLastLine)) k++;
      for (let j = stripped.length - 1; j >= 0; j--) {
        if (stripped[j] !== '') {
          previousLastLine = stripped[j]!;
          break;
        }
      }
      cueLines = cueLines.slice(k);
    }
    if (cueLines.length > 0) {
      const { segments, voiced } = segmentCue(cueLines, format);
      cues.push({ startMs: cue.startMs, endMs: cue.endMs, segments, voiced });
    }
    cue = undefined;
  };

  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const arrow = line.includes('-->');
    if (state === 'text') {
      if (line === '') {
        finishCue();
        state = 'idle';
        continue;
      }
      if (!arrow) {
        cue!.lines.push(line);
        continue;
      }
      // A timings line inside cue text starts the next cue (a blank line is missing). Its identifier, if any,
      // was read as text: give it back.
      const lastLine = cue!.lines[cue!.lines.length - 1];
      if (lastLine !== undefined && IDENTIFIER.test(lastLine.trim())) cue!.lines.pop();
      finishCue();
      state = 'idle';
    }
    if (arrow) {
      timingLines++;
      const startMs = readTimings(line);
      if (startMs >= 0) {
        cue = { startMs, endMs: timingsEnd, lines: [] };
        state = 'text';
      } else state = 'skip';
      continue;
    }
    if (line === '' || (format === 'srt' && line.trim() === '')) {
      state = 'idle';
    } else if (state === 'idle') {
      state = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(line) ? 'skip' : 'id';
    } else if (state === 'id') {
      state = 'skip';
    }
  }
  finishCue();

  const accept = acceptedColonSpeakers(cues);
  const utterances: Utterance[] = [];
  for (const c of cues) finishSegments(c.startMs, c.endMs, c.segments, accept, utterances);
  if (utterances.length === 0) throw noUsableCues(format, timingLines);
  let durationMs = 0;
  for (const u of utterances) if (u.endMs > durationMs) durationMs = u.endMs;
  return { timed: true, durationMs, utterances };
}
