/**
 * `readTranscript`: one entry point for caption files and plain text. The format is taken from the content;
 * the file name or content type only decides what a file with no recognisable content was meant to be.
 */
import type { Transcript } from '../../domain/transcript.ts';
import { readCues, parseTimings } from './cues.ts';
import { decodeInput } from './decode.ts';
import { badInput, noUsableCues, type CueFormat } from './errors.ts';
import { readPlainText } from './plain.ts';

export interface ReadHint {
  filename?: string;
  contentType?: string;
}

export type DetectedFormat = 'vtt' | 'srt' | 'txt';

const EXPORT_HINT = 'Export the transcript as WebVTT (.vtt), SRT (.srt) or plain text (.txt) and send that.';

function hintedFormat(hint: ReadHint | undefined): CueFormat | 'html' | 'json' | undefined {
  if (!hint) return undefined;
  const type = hint.contentType?.toLowerCase().split(';')[0]?.trim() ?? '';
  const ext = /\.([a-z0-9]+)$/i.exec(hint.filename ?? '')?.[1]?.toLowerCase() ?? '';
  if (type === 'text/vtt' || ext === 'vtt' || ext === 'webvtt') return 'vtt';
  if (type === 'application/x-subrip' || type === 'text/srt' || ext === 'srt') return 'srt';
  if (type === 'text/html' || type === 'application/xhtml+xml' || ext === 'html' || ext === 'htm') return 'html';
  if (type === 'application/json' || type.endsWith('+json') || ext === 'json') return 'json';
  return undefined;
}

/** Refuses files that are text but not a transcript: web pages, JSON, XML, RTF. */
function refuseNonTranscript(text: string, head: string, hinted: ReturnType<typeof hintedFormat>): void {
  if (/^<(?:!doctype\s+html|html|head|body|meta|title|div|p|script|!--)[\s>]/i.test(head) || (hinted === 'html' && head.startsWith('<'))) {
    throw badInput(
      'This file is an HTML web page, not a transcript.',
      'Download the captions themselves (.vtt or .srt), or paste the transcript text into a .txt file.',
    );
  }
  if (/^<\?xml|^<tt[\s>]/i.test(head)) {
    throw badInput(
      'This file is XML (TTML or DFXP captions, perhaps), which Recap does not read.',
      'Convert or export the captions as WebVTT (.vtt) or SRT (.srt) and send that.',
    );
  }
  if (head.startsWith('{\\rtf')) {
    throw badInput('This file is an RTF document, not a plain-text transcript.', 'Save it as plain text (.txt) and send that.');
  }
  if (head.startsWith('{') || (head.startsWith('[') && !/^\[\s*\d{1,2}:\d/.test(head))) {
    let json = head.startsWith('{"') || hinted === 'json';
    if (!json) {
      try {
        JSON.parse(text);
        json = true;
      } catch {
        json = false;
      }
    }
    if (json) throw badInput('This file is JSON data, not a transcript Recap can read.', EXPORT_HINT);
  }
}

/** True when some line is a cue timings line (`00:00:01,000 --> 00:00:04,000`). */
function hasCueTimings(text: string): boolean {
  for (let at = text.indexOf('-->'); at !== -1; at = text.indexOf('-->', at + 3)) {
    const lineStart = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
    let lineEnd = text.length;
    const n = text.indexOf('\n', at);
    const r = text.indexOf('\r', at);
    if (n !== -1) lineEnd = n;
    if (r !== -1 && r < lineEnd) lineEnd = r;
    if (parseTimings(text.slice(lineStart, lineEnd))) return true;
  }
  return false;
}

/** Which reader a decoded, non-empty text needs. */
export function detectFormat(text: string, hint?: ReadHint): DetectedFormat {
  const head = text.slice(0, 512).trimStart();
  if (/^WEBVTT/.test(head)) return 'vtt';
  const hinted = hintedFormat(hint);
  refuseNonTranscript(text, head, hinted);
  if (hasCueTimings(text)) return 'srt';
  if (hinted === 'vtt' || hinted === 'srt') throw noUsableCues(hinted, 0);
  return 'txt';
}

/**
 * Reads a WebVTT, SRT or plain-text transcript. Broken cues are skipped, not fatal.
 * @throws RecapError `bad_input` for empty, binary and non-transcript files and caption files without a usable cue.
 */
export function readTranscript(input: string | Uint8Array, hint?: ReadHint): Transcript {
  const text = decodeInput(input);
  const format = detectFormat(text, hint);
  return format === 'txt' ? readPlainText(text) : readCues(text, format);
}
