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

/**
 * Timings line: start `-->` end, then optional cue settings. Times as in WebVTT (`mm:ss.ttt`, `h…h:mm:ss.ttt`),
 * also accepting `,` (SRT) and any number of fraction digits, or none. Regular expressions, not character
 * loops: they run native from the first call, which is what a one-off parse of a long file needs.
 */
const TIMINGS =
  /^[ \t\f]*(\d{1,12}):(\d{1,2})(?::(\d{1,2}))?(?:[.,](\d+))?[ \t\f]*-->[ \t\f]*(\d{1,12}):(\d{1,2})(?::(\d{1,2}))?(?:[.,](\d+))?(?:[ \t\f]|$)/;

/** ms of one time from its regex groups; -1 when minutes or seconds are out of range. */
function toMs(a: string, b: string, c: string | undefined, fraction: string | undefined): number {
  let ms = 0;
  if (fraction !== undefined) ms = fraction.length >= 3 ? +fraction.slice(0, 3) : fraction.length === 2 ? +fraction * 10 : +fraction * 100;
  if (c === undefined) {
    // Two parts are minutes:seconds.
    const sec = +b;
    return sec > 59 ? -1 : (+a * 60 + sec) * 1000 + ms;
  }
  const min = +b;
  const sec = +c;
  return min > 59 || sec > 59 ? -1 : ((+a * 60 + min) * 60 + sec) * 1000 + ms;
}

let timingsEnd = 0;

/** Reads a timings line; returns the start in ms (end in {@link timingsEnd}), or -1 when broken or backwards. */
function readTimings(line: string): number {
  const m = TIMINGS.exec(line);
  if (m === null) return -1;
  const start = toMs(m[1]!, m[2]!, m[3], m[4]);
  const end = toMs(m[5]!, m[6]!, m[7], m[8]);
  if (start < 0 || end < start || !Number.isSafeInteger(end)) return -1;
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
  /** The raw `Name:` the speaker came from, when it did: the whole file then votes on such names. */
  colonPrefix?: string;
  raw: string;
}

interface RawCue {
  startMs: number;
  endMs: number;
  segments: RawSegment[];
  voiced: boolean;
}

/**
 * A cue that is one voice span and plain text: `<v Name>text</v>`, `<v.loud Name>text`. The name starts after the
 * last space or tab: with `[^<>]+` there, `<v` + 100,000 spaces (no `>`) backtracked quadratically (5 s; found by
 * the fuzzer, test/fuzz/transcripts.fuzz.ts). A name of spaces only takes the general path, with the same result.
 */
const SIMPLE_VOICE = /^<v(?:\.[^\s<>]*)?[ \t]+([^<> \t][^<>]*)>([^<]*)(?:<\/v>)?$/;

/** Cue text → segments, one per speaker change (voice tags, else `Name:` lines). */
function segmentCue(lines: string[], format: CueFormat): { segments: RawSegment[]; voiced: boolean } {
  const joined = lines.length === 1 ? lines[0]! : lines.join('\n');
  // Fast path for what most cues are: `<v Name>text</v>` and nothing else.
  const simple = joined.charCodeAt(0) === 60 /* < */ ? SIMPLE_VOICE.exec(joined) : null;
  if (simple !== null) {
    const speaker = foldWhitespace(decodeEntities(simple[1]!));
    return { segments: [speaker === '' ? { raw: simple[2]! } : { speaker, raw: simple[2]! }], voiced: true };
  }
  const tokens = tokenizeCueText(joined, { srt: format === 'srt' });
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
  const textLines = tokens.length === 1 && joined.length === (tokens[0] as { raw: string }).raw.length
    ? lines
    : tokens.map((t) => (t.kind === 'text' ? t.raw : '')).join('').split('\n');
  let current: RawSegment | undefined;
  for (const line of textLines) {
    const colon = splitColonSpeaker(line);
    if (colon) {
      current = { speaker: colon.speaker, colonPrefix: colon.prefix, raw: colon.rest };
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
      if (s.colonPrefix !== undefined && s.speaker !== undefined) {
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
  if (segments.length === 1) {
    // One speaker (or none): the common case, without the bookkeeping below.
    const s = segments[0]!;
    const named = s.speaker !== undefined && (s.colonPrefix === undefined || accept(s.speaker));
    const text = foldWhitespace(decodeEntities(named ? s.raw : (s.colonPrefix ?? '') + s.raw));
    if (hasWords(text)) out.push(named ? { startMs, endMs, speaker: s.speaker!, text } : { startMs, endMs, text });
    return;
  }
  const parts: { speaker?: string; text: string }[] = [];
  for (const s of segments) {
    let raw = s.raw;
    let speaker = s.speaker;
    if (s.colonPrefix !== undefined && speaker !== undefined && !accept(speaker)) {
      raw = s.colonPrefix + raw;
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
      // A blank line ends the cue. SRT files often carry stray spaces on it; WebVTT cue text may hold a
      // line of spaces (YouTube's do), so there only a truly empty line counts.
      if (line === '' || (format === 'srt' && line.trim() === '')) {
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
