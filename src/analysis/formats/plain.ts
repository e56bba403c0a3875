/**
 * Plain-text transcripts: with or without time stamps and `Speaker:` prefixes.
 *
 * Stamped forms: `[00:01:02] Alice: hello`, `00:01:02 Alice: hello`, `(01:02) hello`, `Alice (00:01:02): hello`,
 * and Otter's `Alice  0:05` alone on a line with the words on the lines after it. A stamped transcript is timed:
 * each utterance ends where the next begins, the last after its word count at 2.5 words per second.
 * Anything else is an untimed transcript (news articles included): one utterance per line, or per paragraph
 * when the text is hard-wrapped, with start = end = 0.
 */
import type { Transcript, Utterance } from '../../domain/transcript.ts';
import { emptyInput } from './errors.ts';
import { foldWhitespace, hasWords, splitColonSpeaker, looksLikeName } from './text.ts';

const WORDS_PER_SECOND = 2.5;
/** Paragraphs longer than this are split into sentences. */
const LONG_PARAGRAPH = 1000;

const STAMP = String.raw`(?:(\d{1,2}):)?(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?`;
/** `[00:01:02] rest`, `(1:02) rest`, `00:01:02 - rest`. */
const LEADING_STAMP = new RegExp(String.raw`^[\[(]?${STAMP}[\])]?(?:\s*[-–—|:]\s*|\s+|$)([^]*)$`);
/** `Alice (00:01:02): rest`, `Alice [1:02] rest`. */
const NAME_THEN_STAMP = new RegExp(String.raw`^([^\[(:]{1,60}?)\s*[\[(]${STAMP}[\])]\s*(?:[:\-–—]\s*)?([^]*)$`);
/** Otter: `Alice Smith  0:05` alone on its line. */
const NAME_AND_STAMP_LINE = new RegExp(String.raw`^([^:]{1,60}?)\s+${STAMP}$`);

type Line =
  | { kind: 'blank' }
  | { kind: 'text'; text: string }
  | { kind: 'stamp'; ms: number; speaker?: string; text: string };

function stampMs(h: string | undefined, m: string, s: string, frac: string | undefined): number | undefined {
  const hours = h === undefined ? 0 : Number(h);
  const minutes = Number(m);
  const seconds = Number(s);
  if (seconds > 59 || (h !== undefined && minutes > 59)) return undefined;
  const ms = frac === undefined ? 0 : Number((frac + '00').slice(0, 3));
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms;
}

function classify(raw: string): Line {
  const line = raw.trim();
  if (line === '') return { kind: 'blank' };
  const first = line.charCodeAt(0);
  const digitOrBracket = (first >= 48 && first <= 57) || first === 91 || first === 40;
  if (digitOrBracket) {
    const m = LEADING_STAMP.exec(line);
    if (m) {
      const ms = stampMs(m[1], m[2]!, m[3]!, m[4]);
      if (ms !== undefined) {
        const rest = m[5] ?? '';
        const colon = splitColonSpeaker(rest);
        return colon
          ? { kind: 'stamp', ms, speaker: colon.speaker, text: colon.rest }
          : { kind: 'stamp', ms, text: rest };
      }
    }
  }
  if (line.length <= 200 && /\d:\d\d/.test(line)) {
    const named = NAME_THEN_STAMP.exec(line) ?? NAME_AND_STAMP_LINE.exec(line);
    if (named) {
      const name = foldWhitespace(named[1]!);
      const ms = stampMs(named[2], named[3]!, named[4]!, named[5]);
      if (ms !== undefined && looksLikeName(name)) return { kind: 'stamp', ms, speaker: name, text: named[6] ?? '' };
    }
  }
  return { kind: 'text', text: line };
}

function estimateMs(text: string): number {
  const words = text.split(' ').length;
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
  return Math.round((Math.max(words, cjk / 2) / WORDS_PER_SECOND) * 1000);
}

function readTimed(lines: Line[]): Transcript {
  const utterances: { startMs: number; speaker?: string; text: string }[] = [];
  let current: (typeof utterances)[number] | undefined;
  const preamble: string[] = [];
  for (const line of lines) {
    if (line.kind === 'stamp') {
      current = { startMs: line.ms, text: line.text };
      if (line.speaker !== undefined) current.speaker = line.speaker;
      utterances.push(current);
    } else if (line.kind === 'text') {
      if (!current) preamble.push(line.text);
      else current.text += '\n' + line.text;
    }
  }
  // A title or date above the first stamp is not speech; more than a few lines are kept, starting at 0.
  if (preamble.length > 3) utterances.unshift({ startMs: 0, text: preamble.join('\n') });
  const kept = utterances
    .map((u) => ({ ...u, text: foldWhitespace(u.text) }))
    .filter((u) => hasWords(u.text));
  const out: Utterance[] = kept.map((u, i) => {
    const next = kept[i + 1];
    const endMs = next && next.startMs >= u.startMs ? next.startMs : u.startMs + estimateMs(u.text);
    return u.speaker === undefined
      ? { startMs: u.startMs, endMs, text: u.text }
      : { startMs: u.startMs, endMs, speaker: u.speaker, text: u.text };
  });
  let durationMs = 0;
  for (const u of out) if (u.endMs > durationMs) durationMs = u.endMs;
  return { timed: true, durationMs, utterances: out };
}

const SENTENCE_END = /[.!?。！？…:;"”’')\]]$/;

function splitSentences(text: string): string[] {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
  const out: string[] = [];
  for (const s of segmenter.segment(text)) {
    const sentence = s.segment.trim();
    if (sentence) out.push(sentence);
  }
  return out;
}

function readUntimed(lines: string[], speakers = true): Transcript {
  // Paragraphs, then speakers: `Name:` lines, believed when a name recurs or a third of the lines have one.
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    const t = line.trim();
    if (t === '') {
      if (paragraphs[paragraphs.length - 1]!.length > 0) paragraphs.push([]);
    } else paragraphs[paragraphs.length - 1]!.push(t);
  }
  const counts = new Map<string, number>();
  let named = 0;
  let total = 0;
  const colons = paragraphs.map((p) =>
    p.map((line) => {
      total++;
      const c = splitColonSpeaker(line);
      if (c) {
        named++;
        counts.set(c.speaker, (counts.get(c.speaker) ?? 0) + 1);
      }
      return c;
    }),
  );
  const all = named * 3 >= total;
  const accept = (name: string) => speakers && (all || (counts.get(name) ?? 0) >= 2);

  const utterances: Utterance[] = [];
  const push = (text: string, speaker: string | undefined) => {
    const folded = foldWhitespace(text);
    if (!hasWords(folded)) return;
    const pieces = folded.length > LONG_PARAGRAPH ? splitSentences(folded) : [folded];
    for (const piece of pieces) {
      utterances.push(speaker === undefined ? { startMs: 0, endMs: 0, text: piece } : { startMs: 0, endMs: 0, speaker, text: piece });
    }
  };
  let pendingSpeaker: string | undefined;
  paragraphs.forEach((p, pi) => {
    if (p.length === 0) return;
    const speakers = colons[pi]!;
    // Hard-wrapped prose: most lines stop mid-sentence. Join them into one paragraph.
    const unfinished = p.slice(0, -1).filter((l) => !SENTENCE_END.test(l)).length;
    const wrapped = p.length > 1 && unfinished * 2 > p.length - 1 && !speakers.some((c) => c && accept(c.speaker));
    if (wrapped) {
      push(p.join(' '), pendingSpeaker);
      pendingSpeaker = undefined;
      return;
    }
    let speaker = pendingSpeaker;
    pendingSpeaker = undefined;
    p.forEach((line, li) => {
      const c = speakers[li];
      let text = line;
      if (c && accept(c.speaker)) {
        speaker = c.speaker;
        text = c.rest;
        if (!hasWords(text) && li === p.length - 1) pendingSpeaker = speaker;
      }
      push(text, speaker);
    });
  });
  return { timed: false, utterances };
}

/** Reads plain text (decoded, non-empty). */
export function readPlainText(text: string): Transcript {
  const rawLines = text.split(/\r\n|\r|\n/);
  const lines = rawLines.map(classify);
  let stamped = 0;
  let nonEmpty = 0;
  for (const l of lines) {
    if (l.kind !== 'blank') nonEmpty++;
    if (l.kind === 'stamp') stamped++;
  }
  const timed = stamped > 0 && stamped * 5 >= nonEmpty && (stamped >= 2 || nonEmpty <= 2);
  if (timed) {
    const t = readTimed(lines);
    if (t.utterances.length > 0) return t;
  }
  const untimed = readUntimed(rawLines);
  if (untimed.utterances.length > 0) return untimed;
  // Only `Name:` lines with nothing said: keep them as text rather than lose them.
  const asText = readUntimed(rawLines, false);
  if (asText.utterances.length > 0) return asText;
  throw emptyInput();
}
