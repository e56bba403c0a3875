import { describe, expect, it } from 'vitest';
import { splitSentences, splitWords } from '../../../src/analysis/text/tokenize.ts';
import { stemKey } from '../../../src/analysis/text/stem.ts';

const sentences = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitWords', () => {
  it('keeps contractions and hyphenated words whole', () => {
    expect(splitWords("We've got a cost-wise plan, haven't we?", 'en').map((w) => w.text)).toEqual(["We've", 'got', 'a', 'cost-wise', 'plan', "haven't", 'we']);
  });

  it('segments Japanese and Chinese without spaces, with offsets into the text', () => {
    const text = 'これは会議の記録です';
    const words = splitWords(text, 'ja');
    expect(words.map((w) => w.text)).toContain('会議');
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.text);
    expect(splitWords('我们讨论预算问题', 'zh').map((w) => w.text)).toContain('预算');
  });
});

describe('splitSentences', () => {
  it('splits at terminal punctuation but not after abbreviations, initials or decimals', () => {
    expect(sentences('Mr. Smith arrived. The rate is 5.3 percent! Is J. Doe here? Yes')).toEqual([
      'Mr. Smith arrived.', 'The rate is 5.3 percent!', 'Is J. Doe here?', 'Yes',
    ]);
  });

  it('splits CJK text at full-width stops', () => {
    expect(sentences('予算の話です。次は採用です。')).toEqual(['予算の話です。', '次は採用です。']);
  });

  it('ignores stray punctuation', () => {
    expect(sentences('... ?')).toEqual([]);
  });
});

describe('stemKey', () => {
  it('folds plurals so one phrase stands for both forms', () => {
    expect(stemKey('meetings', 'en')).toBe(stemKey('meeting', 'en'));
    expect(stemKey('batteries', 'en')).toBe('battery');
    expect(stemKey('calories', 'en')).toBe(stemKey('calorie', 'en'));
    expect(stemKey('boxes', 'en')).toBe('box');
    expect(stemKey('business', 'en')).toBe('business');
    expect(stemKey('reuniones', 'es')).toBe(stemKey('reunión', 'es'));
  });
});
