import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../../src/analysis/formats/index.ts';
import { formatCueTime } from '../../../src/domain/time.ts';

const WORDS = 'so the plan for this quarter is to finish the migration and then look at costs again next month'.split(' ');

/** A 4-hour Teams-like meeting: 5,000 cues, about 33,000 words. */
function fourHourVtt(): string {
  const parts = ['WEBVTT\n'];
  const speakers = ['Priya Raman', 'Tomás García', 'Li Wei', 'Dana Whitfield'];
  for (let i = 0; i < 5000; i++) {
    const start = i * 2880;
    const words = Array.from({ length: 6 + (i % 3) }, (_, k) => WORDS[(i * 7 + k) % WORDS.length]).join(' ');
    parts.push(
      `\n3b1f0c5e-6d0a-4e0b-9a53-2f7e1b8c9d10/${i}-0\n${formatCueTime(start, '.')} --> ${formatCueTime(start + 2500, '.')}\n<v ${speakers[i % 4]}>${words} &amp; more.</v>\n`,
    );
  }
  return parts.join('');
}

describe('performance', () => {
  it('reads a 4-hour meeting in each export style completely (speed: npm run bench:analysis)', () => {
    const vtt = fourHourVtt();
    const bytes = new TextEncoder().encode(vtt);
    expect(readTranscript(bytes).utterances).toHaveLength(5000);
    const zoomStyle = new TextEncoder().encode(vtt.replace(/<v ([^>]*)>/g, '$1: ').replace(/<\/v>/g, ''));
    const zoom = readTranscript(zoomStyle);
    expect(zoom.utterances).toHaveLength(5000);
    expect(zoom.utterances[3]!.speaker).toBe('Dana Whitfield');
    const stampedText = Array.from({ length: 5000 }, (_, i) => `[${formatCueTime(i * 2880, '.').slice(0, 8)}] Li Wei: ${WORDS.slice(i % 10, (i % 10) + 7).join(' ')}`).join('\n');
    const stamped = readTranscript(stampedText);
    expect(stamped.timed).toBe(true);
    expect(stamped.utterances).toHaveLength(5000);
  });

  it('has no catastrophic backtracking on hostile lines', () => {
    const hostile = [
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n' + '<'.repeat(50_000) + 'a' + ':'.repeat(10_000),
      '0'.repeat(50_000) + ':' + '0'.repeat(50_000) + ' --> x',
      ('1:' + ' '.repeat(1000)).repeat(50) + '\n',
      'A'.repeat(100_000) + ' (00:00:01): hi',
      '&'.repeat(100_000) + '#x' + '1'.repeat(100_000),
    ];
    for (const input of hostile) {
      const t0 = performance.now();
      try {
        readTranscript(input);
      } catch {
        // only time matters here
      }
      // Linear work takes milliseconds; catastrophic backtracking on these inputs would take minutes.
      expect(performance.now() - t0).toBeLessThan(3000);
    }
  });
});
