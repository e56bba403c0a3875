/**
 * Fuzzing the transcript readers: `readTranscript` on WebVTT, SRT, plain text (timed and not), JSON, HTML and any
 * bytes at all.
 *
 * Contract (src/analysis/formats/read.ts): a Transcript, or a RecapError `bad_input` whose message says what the
 * file is and whose hint says what to send instead; never another exception.
 *
 * Accepted transcripts must be sound: at least one utterance; integer, finite, non-negative times with
 * start ≤ end; untimed transcripts all zero and without a duration; timed ones with duration = the last end; texts
 * and speakers non-empty, trimmed, whitespace folded; no JavaScript leaking into the text (`function Object() {
 * [native code] }` from an `&constructor;` entity). Files built from a known list of cues, in the many dialects
 * the readers accept, must read back as exactly those cues; plain text without stamps keeps every word in order.
 */
import fc from 'fast-check';
import { readTranscript, type ReadHint } from '../../src/analysis/formats/index.ts';
import type { Transcript } from '../../src/domain/transcript.ts';
import { RecapError } from '../../src/errors.ts';
import { anyText, ensure, expectClearMessage, nastyText, PROTOTYPE_KEYS, repeated, runFuzz, type FuzzStats } from './harness.ts';

// ---- cue files from a spec ------------------------------------------------------------------------------------

interface CueSpec {
  startMs: number;
  endMs: number;
  speaker?: string;
  lines: string[];
}

const WORDS = ['so', 'the', 'plan', 'budget', 'migration', 'quarter', 'costs', 'okay', 'yes', 'café', 'naïve', 'straße', 'über', 'next', 'month', 'déjà', 'vu', 'résumé'];
const NAMES = ['Alice', 'Bob Smith', 'María de la Cruz', 'Dr. Lee', 'Priya Raman', 'Tomás García', 'Speaker 1', 'O’Brien', 'Jean-Luc'];
const word = fc.constantFrom(...WORDS);
const textLine = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
/** Up to ~100 hours: enough to hit every digit width of the hours. */
const timeMs = fc.oneof(fc.integer({ min: 0, max: 3_600_000 }), fc.integer({ min: 0, max: 360_000_000 }));

const cueSpecs = (maxCues: number): fc.Arbitrary<CueSpec[]> =>
  fc.array(
    fc.record({ start: timeMs, duration: fc.integer({ min: 0, max: 20_000 }), lines: fc.array(textLine, { minLength: 1, maxLength: 3 }) }),
    { minLength: 1, maxLength: maxCues },
  ).map((cues) => cues.map((c) => ({ startMs: c.start, endMs: c.start + c.duration, lines: c.lines })));

const withSpeakers = fc.tuple(cueSpecs(25), fc.constantFrom('none', 'all', 'some'), fc.array(fc.constantFrom(...NAMES), { minLength: 25, maxLength: 25 })).map(([cues, mode, names]) =>
  cues.map((c, i) => (mode === 'all' || (mode === 'some' && i % 2 === 0) ? { ...c, speaker: names[i]! } : c)),
);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `hh:mm:ss.mmm` in the variants the reader accepts; `style` picks hour-less, short fractions, `,` or `.`. */
function cueTime(ms: number, sep: '.' | ',', style: { hourless: boolean; trim: boolean; wideHours: boolean }): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  let frac = pad(ms % 1000, 3);
  if (style.trim) frac = frac.replace(/0+$/, '');
  const fraction = frac === '' ? '' : `${sep}${frac}`;
  const hours = style.hourless && h === 0 ? '' : `${style.wideHours ? pad(h, 3) : pad(h)}:`;
  return `${hours}${pad(m)}:${pad(s)}${fraction}`;
}

interface Dialect {
  format: 'vtt' | 'srt';
  newline: '\n' | '\r\n' | '\r';
  bom: boolean;
  hourless: boolean;
  trim: boolean;
  wideHours: boolean;
  ids: 'none' | 'numbers' | 'teams';
  settings: boolean;
  notes: boolean;
  speakerStyle: 'voice' | 'colon';
  closeVoice: boolean;
  dotInSrt: boolean;
  encoding: 'string' | 'utf8' | 'utf16le' | 'utf16be' | 'utf16le-nobom';
  headerText: string;
}

const dialect: fc.Arbitrary<Dialect> = fc.record({
  format: fc.constantFrom('vtt', 'srt'),
  newline: fc.constantFrom('\n', '\r\n', '\r'),
  bom: fc.boolean(),
  hourless: fc.boolean(),
  trim: fc.boolean(),
  wideHours: fc.boolean(),
  ids: fc.constantFrom('none', 'numbers', 'teams'),
  settings: fc.boolean(),
  notes: fc.boolean(),
  speakerStyle: fc.constantFrom('voice', 'colon'),
  closeVoice: fc.boolean(),
  dotInSrt: fc.boolean(),
  encoding: fc.constantFrom('string', 'string', 'utf8', 'utf16le', 'utf16be', 'utf16le-nobom'),
  headerText: fc.constantFrom('', ' - Meeting', '\nKind: captions\nLanguage: en'),
});

function renderCues(cues: CueSpec[], d: Dialect): string {
  const out: string[] = [];
  if (d.format === 'vtt') out.push(`WEBVTT${d.headerText}`, '');
  const sep = d.format === 'srt' && !d.dotInSrt ? ',' : '.';
  const style = { hourless: d.format === 'vtt' && d.hourless, trim: d.trim, wideHours: d.wideHours };
  cues.forEach((cue, i) => {
    if (d.notes && d.format === 'vtt' && i % 3 === 1) out.push('NOTE a comment --> not a cue', 'that spans lines', '');
    if (d.format === 'srt' || d.ids === 'numbers') out.push(String(i + 1));
    else if (d.ids === 'teams') out.push(`3b1f0c5e-6d0a-4e0b-9a53-2f7e1b8c9d10/${i}-0`);
    out.push(`${cueTime(cue.startMs, sep, style)} --> ${cueTime(cue.endMs, sep, style)}${d.settings && d.format === 'vtt' ? ' align:start position:10%' : ''}`);
    const lines = [...cue.lines];
    if (cue.speaker !== undefined) {
      if (d.format === 'vtt' && d.speakerStyle === 'voice') {
        lines[0] = `<v ${cue.speaker}>${lines[0]}`;
        if (d.closeVoice) lines[lines.length - 1] += '</v>';
      } else lines[0] = `${cue.speaker}: ${lines[0]}`;
    }
    out.push(...lines, '');
  });
  return out.join(d.newline);
}

function encode(text: string, d: Dialect): string | Uint8Array {
  const withBom = d.bom ? `\ufeff${text}` : text;
  switch (d.encoding) {
    case 'string':
      return withBom;
    case 'utf8':
      return new TextEncoder().encode(withBom);
    case 'utf16le':
      return Buffer.from(`\ufeff${text}`, 'utf16le');
    case 'utf16le-nobom':
      return Buffer.from(text, 'utf16le');
    case 'utf16be':
      return Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
  }
}

/** What the reader must give back for a spec: speakers kept when every cue has one, or any name said twice. */
function expectedUtterances(cues: CueSpec[], d: Dialect): { startMs: number; endMs: number; speaker?: string; text: string }[] {
  const colon = !(d.format === 'vtt' && d.speakerStyle === 'voice');
  const counts = new Map<string, number>();
  for (const c of cues) if (c.speaker) counts.set(c.speaker, (counts.get(c.speaker) ?? 0) + 1);
  const named = cues.filter((c) => c.speaker !== undefined).length;
  const believed = (name: string) => !colon || named * 3 >= cues.length || (counts.get(name) ?? 0) >= 2;
  return cues.map((c) => {
    const text = c.lines.join(' ');
    if (c.speaker === undefined) return { startMs: c.startMs, endMs: c.endMs, text };
    return believed(c.speaker) ? { startMs: c.startMs, endMs: c.endMs, speaker: c.speaker, text } : { startMs: c.startMs, endMs: c.endMs, text: `${c.speaker}: ${text}` };
  });
}

// ---- plain text from a spec -----------------------------------------------------------------------------------

/** `[hh:mm:ss] Name: text` (and the other stamp styles) with increasing stamps: a timed transcript. */
const stampedText = fc
  .tuple(
    fc.array(fc.record({ gap: fc.integer({ min: 1, max: 90 }), speaker: fc.constantFrom(...NAMES.filter((n) => !n.startsWith('Dr.'))), text: textLine }), { minLength: 2, maxLength: 30 }),
    fc.constantFrom('bracket', 'paren', 'bare', 'name-first'),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([lines, style, nl]) => {
    let t = 0;
    const stamps = lines.map((l) => ({ ...l, at: (t += l.gap) }));
    const clock = (s: number) => `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
    const text = stamps
      .map((l) => {
        if (style === 'bracket') return `[${clock(l.at)}] ${l.speaker}: ${l.text}`;
        if (style === 'paren') return `(${clock(l.at)}) ${l.speaker}: ${l.text}`;
        if (style === 'bare') return `${clock(l.at)} ${l.speaker}: ${l.text}`;
        return `${l.speaker} (${clock(l.at)}): ${l.text}`;
      })
      .join(nl);
    return { text, stamps };
  });

/** Lines of words, no stamps, no colons: untimed, and every word must survive in order. */
const untimedText = fc
  .array(fc.tuple(textLine, fc.constantFrom('', '.', '?', '!', ','), fc.constantFrom('\n', '\n\n', '\r\n', ' \n')), { minLength: 1, maxLength: 40 })
  .map((lines) => lines.map(([l, p, nl]) => `${l[0]!.toUpperCase()}${l.slice(1)}${p}${nl}`).join(''));

// ---- hostile inputs ------------------------------------------------------------------------------------------

const FRAGMENTS = [
  'WEBVTT', '\n', '\r\n', '\r', '\n\n', ' ', '1', '00:00:01.000', '01:02.5', '00:00:02,000', ' --> ', '-->', 'NOTE', 'STYLE', 'REGION',
  '<v Ann>', '<v.loud Bob Lee>', '</v>', '<c>', '<i>', '<b', '<00:00:01.500>', '<ruby>', '<rt>', '</rt>', '&amp;', '&#x1F600;', '&#0;', '&#xD800;', '&#99999999;',
  '&', 'Alice: ', '：', 'hello', '日本語', '[00:00:05]', 'Bob (00:01:02): ', 'Speaker 1  0:05', '{\\an8}', '{\\', '<', '>', '\ufeff', '{"a":1}',
  '<html>', 'align:start', '\u00a0', '\t', '-00:00:01.000', 'NaN:00.000', '99999999999:59:59.999', '00:99:99.999', '00:00:01.000 --> 00:00:00.500',
  '9007199254740993:00:00.000', '1e3:00.000', '00:00:01.-5', '&constructor;', '&__proto__;', '&toString;', '&hasOwnProperty;', '&valueOf;',
  '__proto__: ', 'constructor: ', '\u0000', '\u001b[31m', '\ud800', '<v', '<v ', ' '.repeat(30),
];
const fragmentSoup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((parts) => parts.join(''));

/** A valid file with a few random edits: inserted fragments, deleted spans, flipped characters. */
const mutatedFile = fc
  .tuple(cueSpecs(12), dialect, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.oneof(fc.constantFrom(...FRAGMENTS), nastyText(4))), { minLength: 1, maxLength: 8 }))
  .map(([cues, d, edits]) => {
    let text = renderCues(cues, d);
    for (const [at, remove, insert] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + insert + text.slice(i + remove);
    }
    return text;
  });

/** Bytes: random, binary signatures with text after them, windows-1252, broken UTF-8. */
const hostileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc.tuple(fc.constantFrom([0x25, 0x50, 0x44, 0x46, 0x2d], [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70], [0x50, 0x4b, 3, 4], [0x49, 0x44, 0x33], [0xff, 0xfb], [0x1f, 0x8b], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]), fc.string({ maxLength: 200 }))
    .map(([sig, rest]) => new Uint8Array([...sig, ...new TextEncoder().encode(rest)])),
  fc.array(fc.integer({ min: 0x20, max: 0xff }), { maxLength: 500 }).map((b) => new Uint8Array(b)),
  fc.tuple(fc.string({ maxLength: 100 }), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([s, junk]) => new Uint8Array([...new TextEncoder().encode(`WEBVTT\n\n00:01.000 --> 00:02.000\n${s}`), ...junk])),
);

/** The shapes that find quadratic loops and regex backtracking, up to 200,000 characters. */
const bigHostile = fc.oneof(
  repeated(fc.constantFrom('-->', '--> ', 'x-->', '<v ', ' ', '\t', '<', '<v', '&', '&#', ':', '0:', '00:00:01.000 --> ', '[0', '{\\', '\n', '\r', 'a\n', 'Alice: ', '<c.', '\u00a0'), 200_000),
  fc.tuple(fc.constantFrom('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n', '1\n00:00:01,000 --> 00:00:02,000\n', '', '[00:00:01] Al: '), repeated(fc.constantFrom('<v', ' ', '\t', '<v ', '<', '-->', 'a', '&#', ':'), 150_000)).map(([a, b]) => a + b),
);

const hintArb: fc.Arbitrary<ReadHint | undefined> = fc.option(
  fc.record(
    {
      filename: fc.oneof(fc.constantFrom('a.vtt', 'a.srt', 'a.txt', 'a.json', 'a.html', 'a.VTT', 'noext', '', '.vtt', 'a.vtt.exe', 'a.constructor', 'a.__proto__'), fc.string({ maxLength: 20 })),
      contentType: fc.oneof(fc.constantFrom('text/vtt', 'application/x-subrip', 'text/plain; charset=utf-8', 'application/json', 'text/html', 'application/ld+json', 'TEXT/VTT;x', ''), fc.string({ maxLength: 20 })),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

// ---- invariants -----------------------------------------------------------------------------------------------

const FOLDED = /^\S(?:.*\S)?$/su;
const LEAKS = ['[native code]', 'function Object', 'function '];

function checkTranscript(t: Transcript, inputText: string): void {
  ensure(t !== null && typeof t === 'object', 'not an object');
  ensure(typeof t.timed === 'boolean', 'timed is not a boolean');
  ensure(Array.isArray(t.utterances) && t.utterances.length > 0, 'no utterances');
  let maxEnd = 0;
  for (const u of t.utterances) {
    const where = () => `utterance ${JSON.stringify(u).slice(0, 300)}`;
    ensure(Object.keys(u).every((k) => ['startMs', 'endMs', 'speaker', 'text'].includes(k)), () => `${where()} has other keys`);
    ensure(Number.isSafeInteger(u.startMs) && Number.isSafeInteger(u.endMs), () => `${where()}: times are not safe integers`);
    ensure(u.startMs >= 0 && u.endMs >= u.startMs, () => `${where()}: times negative or backwards`);
    ensure(typeof u.text === 'string' && FOLDED.test(u.text) && !/\s\s|[^\S ]/u.test(u.text), () => `${where()}: text empty or not folded`);
    if (u.speaker !== undefined) ensure(typeof u.speaker === 'string' && FOLDED.test(u.speaker) && !/[\n\r]/.test(u.speaker), () => `${where()}: bad speaker`);
    for (const leak of LEAKS) ensure(!u.text.includes(leak) || inputText.includes(leak), () => `${where()}: text says "${leak}", which the file does not`);
    if (!t.timed) ensure(u.startMs === 0 && u.endMs === 0, () => `${where()}: times in an untimed transcript`);
    if (u.endMs > maxEnd) maxEnd = u.endMs;
  }
  if (t.timed) ensure(t.durationMs === maxEnd, `durationMs ${t.durationMs} is not the last end ${maxEnd}`);
  else ensure(t.durationMs === undefined, 'an untimed transcript with a duration');
}

function read(input: string | Uint8Array, hint: ReadHint | undefined): Transcript | RecapError {
  try {
    return readTranscript(input, hint);
  } catch (error) {
    ensure(error instanceof RecapError, () => `threw ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`);
    return error;
  }
}

function checkAnything(input: string | Uint8Array, hint: ReadHint | undefined): Transcript | RecapError {
  const result = read(input, hint);
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('latin1') + new TextDecoder().decode(input);
  if (result instanceof RecapError) {
    ensure(result.code === 'bad_input', `error code ${result.code}`);
    expectClearMessage(result.message, text, 'error message');
    expectClearMessage(result.hint, text, 'error hint');
    return result;
  }
  checkTranscript(result, text);
  return result;
}

const words = (s: string) => s.split(/[\s.,?!]+/).filter(Boolean);

type Case =
  | { kind: 'cues'; cues: CueSpec[]; d: Dialect }
  | { kind: 'stamped'; text: string; stamps: { at: number; speaker: string; text: string }[] }
  | { kind: 'untimed'; text: string }
  | { kind: 'any'; input: string | Uint8Array; hint: ReadHint | undefined };

const caseArb: fc.Arbitrary<Case> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(withSpeakers, dialect).map(([cues, d]): Case => ({ kind: 'cues', cues, d })) },
  { weight: 2, arbitrary: stampedText.map((s): Case => ({ kind: 'stamped', ...s })) },
  { weight: 2, arbitrary: untimedText.map((text): Case => ({ kind: 'untimed', text })) },
  { weight: 3, arbitrary: fc.tuple(mutatedFile, hintArb).map(([input, hint]): Case => ({ kind: 'any', input, hint })) },
  { weight: 3, arbitrary: fc.tuple(fragmentSoup, hintArb).map(([input, hint]): Case => ({ kind: 'any', input, hint })) },
  { weight: 2, arbitrary: fc.tuple(anyText(3000), hintArb).map(([input, hint]): Case => ({ kind: 'any', input, hint })) },
  { weight: 2, arbitrary: fc.tuple(hostileBytes, hintArb).map(([input, hint]): Case => ({ kind: 'any', input, hint })) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS).map((k): Case => ({ kind: 'any', input: `WEBVTT\n\n00:01.000 --> 00:02.000\nsay &${k}; and ${k}: hi\n`, hint: undefined })) },
  { weight: 1, arbitrary: bigHostile.map((input): Case => ({ kind: 'any', input, hint: undefined })) },
);

/** One case of the property, for replaying a counterexample in a unit test. */
export function checkTranscriptCase(c: Case): void {
  checkCase(c);
}

export type TranscriptCase = Case;

function checkCase(c: Case): void {
  switch (c.kind) {
    case 'cues': {
      const input = encode(renderCues(c.cues, c.d), c.d);
      const t = checkAnything(input, undefined);
      ensure(!(t instanceof RecapError), () => `a valid ${c.d.format} file was refused: ${t instanceof RecapError ? t.message : ''}`);
      const expected = expectedUtterances(c.cues, c.d);
      ensure(t.timed, 'a cue file read as untimed');
      ensure(JSON.stringify(t.utterances) === JSON.stringify(expected), () => `read back ${JSON.stringify(t.utterances).slice(0, 600)}\nexpected ${JSON.stringify(expected).slice(0, 600)}`);
      return;
    }
    case 'stamped': {
      const t = checkAnything(c.text, undefined);
      ensure(!(t instanceof RecapError) && t.timed, () => 'a stamped transcript was not read as timed');
      ensure(t.utterances.length === c.stamps.length, `${t.utterances.length} utterances for ${c.stamps.length} stamped lines`);
      c.stamps.forEach((s, i) => {
        const u = t.utterances[i]!;
        ensure(u.startMs === s.at * 1000 && u.speaker === s.speaker && u.text === s.text, () => `line ${i}: ${JSON.stringify(u)} for ${JSON.stringify(s)}`);
        const next = c.stamps[i + 1];
        if (next) ensure(u.endMs === next.at * 1000, () => `line ${i} ends at ${u.endMs}, not where the next begins`);
      });
      return;
    }
    case 'untimed': {
      const t = checkAnything(c.text, { filename: 'notes.txt' });
      ensure(!(t instanceof RecapError) && !t.timed, 'plain text without stamps was not read as untimed');
      const got = words(t.utterances.map((u) => u.text).join(' '));
      ensure(JSON.stringify(got) === JSON.stringify(words(c.text)), () => `words changed: ${got.join(' ').slice(0, 300)}`);
      return;
    }
    case 'any':
      checkAnything(c.input, c.hint);
  }
}

/** Fuzzes `readTranscript` on caption files, plain text and anything else. */
export async function fuzzTranscripts(runs: number, stats?: FuzzStats): Promise<void> {
  await runFuzz('transcripts', caseArb, checkCase, runs, stats);
}
