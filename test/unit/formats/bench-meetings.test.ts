import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../../src/analysis/formats/index.ts';

const DIR = '/work/shared/bench/meetings/dev';

describe.skipIf(!existsSync(DIR))('real meetings from the benchmark', () => {
  it('every .vtt yields as many utterances as its reference has cues, in time order', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.vtt'));
    expect(files.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const file of files) {
      const t = readTranscript(new Uint8Array(readFileSync(join(DIR, file))), { filename: file });
      const ref = JSON.parse(readFileSync(join(DIR, file.replace(/\.vtt$/, '.ref.json')), 'utf8')) as { cues: number };
      if (t.utterances.length === 0) problems.push(`${file}: no utterances`);
      if (t.utterances.length !== ref.cues) problems.push(`${file}: ${t.utterances.length} utterances, ${ref.cues} cues`);
      for (let i = 1; i < t.utterances.length; i++) {
        if (t.utterances[i]!.startMs < t.utterances[i - 1]!.startMs) {
          problems.push(`${file}: start time goes back at utterance ${i}`);
          break;
        }
      }
      if (t.utterances.some((u) => /<\/?v[ >]|-->/.test(u.text) || u.text.trim() === '')) problems.push(`${file}: markup left in text`);
    }
    expect(problems).toEqual([]);
  });
});
