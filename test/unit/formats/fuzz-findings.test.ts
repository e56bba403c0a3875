/**
 * Regressions for what the transcript fuzzer (test/fuzz/transcripts.fuzz.ts) found, each with its shrunk
 * counterexample, replayed through the fuzz property's own check as well as asserted plainly.
 */
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../../src/analysis/formats/index.ts';
import { checkTranscriptCase } from '../../fuzz/transcripts.fuzz.ts';

function timed(input: string): number {
  const t0 = performance.now();
  try {
    readTranscript(input);
  } catch {
    // only the time matters here
  }
  return performance.now() - t0;
}

describe('transcript fuzz findings', () => {
  it('a long line of arrows is scanned once (was: quadratic, minutes for 1 MB)', () => {
    // Shrunk counterexample: '-->' repeated (about 60,000 times: 1.4 s); 1 MB took 200 s.
    checkTranscriptCase({ kind: 'any', input: '-->'.repeat(60_000), hint: undefined });
    expect(timed(`x${'-->'.repeat(333_333)}`)).toBeLessThan(1000);
    // Many short lines with an arrow and no usable timing, LF or CR only (each looked for the other break to the end).
    expect(timed('x-->\n'.repeat(200_000))).toBeLessThan(1500);
    expect(timed('x-->\r'.repeat(200_000))).toBeLessThan(1500);
    // Still found where it is: the SRT detector reads a timing line among arrow junk.
    expect(readTranscript('a-->b\r\n00:00:01,000 --> 00:00:02,000\r\nhello\r\n').utterances).toEqual([{ startMs: 1000, endMs: 2000, text: 'hello' }]);
  });

  it('a voice tag followed by endless spaces does not backtrack (was: 5 s for 100,000 spaces)', () => {
    const cue = 'WEBVTT\n\n00:01.000 --> 00:02.000\n';
    checkTranscriptCase({ kind: 'any', input: `${cue}<v${' '.repeat(200_000)}a`, hint: undefined });
    expect(timed(`${cue}<v${' '.repeat(1_000_000)}a`)).toBeLessThan(1000);
    expect(timed(`${cue}<v \t${' \t'.repeat(500_000)}a b <`)).toBeLessThan(1000);
    // The names it reads are the same as before.
    expect(readTranscript(`${cue}<v Ann Lee>hello</v>`).utterances[0]).toEqual({ startMs: 1000, endMs: 2000, speaker: 'Ann Lee', text: 'hello' });
    expect(readTranscript(`${cue}<v.loud \t Bob>hi`).utterances[0]).toMatchObject({ speaker: 'Bob', text: 'hi' });
    expect(readTranscript(`${cue}<v \u00a0Ann>hello</v>`).utterances[0]).toMatchObject({ speaker: 'Ann', text: 'hello' });
    expect(readTranscript(`${cue}<v   >hello</v>`).utterances[0]).toEqual({ startMs: 1000, endMs: 2000, text: 'hello' });
  });

  it('&toString; and &constructor; are not entities (was: JavaScript source in the transcript)', () => {
    // Shrunk counterexample: {"kind":"any","input":"WEBVTT\n\n00:01.000 --> 00:02.000\nsay &toString; and toString: hi\n"}
    checkTranscriptCase({ kind: 'any', input: 'WEBVTT\n\n00:01.000 --> 00:02.000\nsay &toString; and toString: hi\n', hint: undefined });
    const text = readTranscript('WEBVTT\n\n00:01.000 --> 00:02.000\nsay &toString; &constructor; &valueOf; &amp;\n').utterances[0]!.text;
    expect(text).toBe('say &toString; &constructor; &valueOf; &');
    expect(readTranscript('hello &hasOwnProperty; there').utterances[0]!.text).toBe('hello &hasOwnProperty; there');
  });
});
