/**
 * Bytes or a string in, clean text out: BOM removed, UTF-8 / UTF-16 decoded, binary files refused
 * with a message that names what the file seems to be.
 */
import type { RecapError } from '../../errors.ts';
import { badInput, emptyInput, SEND_TRANSCRIPT_HINT } from './errors.ts';

/** How much of the start of a file the binary checks look at. */
const SNIFF_BYTES = 8192;

interface Signature {
  what: string;
  media: boolean;
  test: (b: Uint8Array) => boolean;
}

const startsWith = (b: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { what: 'a PDF document', media: false, test: (b) => startsWith(b, ascii('%PDF-')) },
  { what: 'an MP4, MOV or M4A media file', media: true, test: (b) => startsWith(b, ascii('ftyp'), 4) },
  { what: 'a ZIP archive or an Office document (.docx, .pptx…)', media: false, test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) },
  { what: 'an MP3 audio file', media: true, test: (b) => startsWith(b, ascii('ID3')) || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0) },
  { what: 'a WAV or AVI media file', media: true, test: (b) => startsWith(b, ascii('RIFF')) },
  { what: 'an Ogg audio file', media: true, test: (b) => startsWith(b, ascii('OggS')) },
  { what: 'a FLAC audio file', media: true, test: (b) => startsWith(b, ascii('fLaC')) },
  { what: 'a WebM or MKV video', media: true, test: (b) => startsWith(b, [0x1a, 0x45, 0xdf, 0xa3]) },
  { what: 'a PNG image', media: false, test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47]) },
  { what: 'a JPEG image', media: false, test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { what: 'a GIF image', media: false, test: (b) => startsWith(b, ascii('GIF8')) },
  { what: 'a gzip archive', media: false, test: (b) => startsWith(b, [0x1f, 0x8b]) },
];

function binary(what: string, media: boolean): RecapError {
  return badInput(
    `This file looks like ${what}, not a transcript.`,
    media
      ? SEND_TRANSCRIPT_HINT
      : 'Send a transcript or caption file (.vtt, .srt or .txt); for a document, save or export its text as .txt first.',
  );
}

function notText(reason: string): RecapError {
  return badInput(`This file is binary data, not a transcript: ${reason}.`, SEND_TRANSCRIPT_HINT);
}

/** UTF-16 without a BOM shows up as a NUL in every other byte. */
function guessUtf16(b: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(b.length, SNIFF_BYTES) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.02) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.02) return 'utf-16be';
  return undefined;
}

/** Share of control characters (other than tab, newlines and form feed) in the first few KB. */
function controlShare(text: string): { nul: boolean; share: number; replacement: number } {
  const n = Math.min(text.length, SNIFF_BYTES);
  let control = 0;
  let replacement = 0;
  let nul = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c === 0) nul = true;
      if (c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
    } else if (c === 0x7f) control++;
    else if (c === 0xfffd) replacement++;
  }
  return { nul, share: n === 0 ? 0 : control / n, replacement: n === 0 ? 0 : replacement / n };
}

function checkText(text: string): string {
  const { nul, share, replacement } = controlShare(text);
  if (nul) return thrower(notText('it contains NUL bytes'));
  if (share > 0.01) return thrower(notText('it is full of control characters'));
  if (replacement > 0.1) return thrower(notText('most of its first few KB is not valid UTF-8 text'));
  return text;
}

function thrower(error: RecapError): never {
  throw error;
}

function decodeBytes(b: Uint8Array): string {
  if (startsWith(b, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(b.subarray(3));
  if (startsWith(b, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (startsWith(b, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(b.subarray(2));
  const head = b.subarray(0, SNIFF_BYTES);
  for (const sig of SIGNATURES) if (sig.test(head)) throw binary(sig.what, sig.media);
  const utf16 = guessUtf16(head);
  if (utf16) return new TextDecoder(utf16).decode(b);
  if (head.includes(0)) throw notText('it contains NUL bytes');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    // Not UTF-8. Old caption files are often Windows-1252: mostly ASCII with a few accented bytes.
    const sample = new TextDecoder('utf-8').decode(head);
    const { replacement } = controlShare(sample);
    if (replacement > 0.1) throw notText('most of its first few KB is not valid UTF-8 text');
    return new TextDecoder('windows-1252').decode(b);
  }
}

/** Decodes the input and refuses empty and binary files. The result has no BOM and at least one non-space character. */
export function decodeInput(input: string | Uint8Array): string {
  let text = typeof input === 'string' ? input : decodeBytes(input);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!/\S/.test(text)) throw emptyInput();
  return checkText(text);
}
