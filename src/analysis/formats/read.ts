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
  // Each line is looked at once, however many arrows it holds, and only its own characters are scanned: the search
  // goes on from the end of the line. (It went on right after the arrow, and looked for `\r` up to the end of the
  // file from every arrow: a 1 MB line of `-->` took minutes. Found by the fuzzer, test/fuzz/transcripts.fuzz.ts.)
  const isBreak = (i: number) => {
    const c = text.charCodeAt(i);
    return c === 10 || c === 13;
  };
  for (let at = text.indexOf('-->'); at !== -1; ) {
    let lineStart = at;
    while (lineStart > 0 && !isBreak(lineStart - 1)) lineStart--;
    let lineEnd = at + 3;
    while (lineEnd < text.length && !isBreak(lineEnd)) lineEnd++;
    if (parseTimings(text.slice(lineStart, lineEnd))) return true;
    at = text.indexOf('-->', lineEnd);
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
