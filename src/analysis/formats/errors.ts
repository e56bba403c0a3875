import { RecapError } from '../../errors.ts';

/** What to do when the file isn't a transcript at all. */
export const SEND_TRANSCRIPT_HINT =
  'Send a transcript or caption file (.vtt, .srt or .txt), or use a transcription provider for audio or video.';

export function badInput(message: string, hint: string): RecapError {
  return new RecapError('bad_input', message, { hint });
}

export function emptyInput(): RecapError {
  return badInput('The file is empty.', 'Send a transcript or caption file (.vtt, .srt or .txt) that has some text in it.');
}

export type CueFormat = 'vtt' | 'srt';

/** A WebVTT or SRT file in which not one cue could be read. */
export function noUsableCues(format: CueFormat, timingLines: number): RecapError {
  const name = format === 'vtt' ? 'WebVTT' : 'SRT';
  const example = format === 'vtt' ? '00:00:01.000 --> 00:00:04.000' : '00:00:01,000 --> 00:00:04,000';
  const detail =
    timingLines === 0
      ? 'it has no cue timing lines'
      : `none of its ${timingLines} timing line${timingLines === 1 ? '' : 's'} could be read, or their cues have no text`;
  return badInput(
    `The ${name} file has no usable cues: ${detail}.`,
    `Each cue needs a timing line like \`${example}\` followed by its text; fix the file or send the transcript as plain text (.txt).`,
  );
}
