import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../../src/analysis/formats/index.ts';
import { RecapError } from '../../../src/errors.ts';

/** Either a well-formed transcript or a RecapError; never another exception. */
function check(input: string | Uint8Array): void {
  let t;
  try {
    t = readTranscript(input);
  } catch (error) {
    expect(error).toBeInstanceOf(RecapError);
    expect((error as RecapError).code).toBe('bad_input');
    expect((error as RecapError).hint).toBeTruthy();
    return;
  }
  expect(t.utterances.length).toBeGreaterThan(0);
  for (const u of t.utterances) {
    expect(u.text.trim()).toBe(u.text);
    expect(u.text).not.toBe('');
    expect(Number.isInteger(u.startMs) && Number.isInteger(u.endMs)).toBe(true);
    expect(u.endMs).toBeGreaterThanOrEqual(u.startMs);
    if (!t.timed) expect([u.startMs, u.endMs]).toEqual([0, 0]);
  }
}

describe('readTranscript on anything', () => {
  it('arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), check), { numRuns: 500 });
  });

  it('arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), check), { numRuns: 500 });
  });

  it('strings built from caption-file fragments', () => {
    const fragments = [
      'WEBVTT', '\n', '\r\n', '\r', '\n\n', ' ', '1', '00:00:01.000', '01:02.5', '00:00:02,000', ' --> ', '-->', 'NOTE', 'STYLE',
      'REGION', '<v Ann>', '<v.loud Bob Lee>', '</v>', '<c>', '<i>', '<00:00:01.500>', '&amp;', '&#x1F600;', '&#0;', '&',
      'Alice: ', '：', 'hello', '日本語', '[00:00:05]', 'Bob (00:01:02): ', 'Speaker 1  0:05', '{\\an8}', '<', '>', '\ufeff', '{"a":1}',
      '<html>', 'align:start', '\u00a0', '\t',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 60 }), (parts) => {
        check(parts.join(''));
        check(new TextEncoder().encode(parts.join('')));
      }),
      { numRuns: 1000 },
    );
  });
});
