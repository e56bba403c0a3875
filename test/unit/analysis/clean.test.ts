import { describe, expect, it } from 'vitest';
import { cleanSentence, isWordFragment, normalizeSpoken } from '../../../src/analysis/text/clean.ts';
import { wordsFor } from '../../../src/analysis/text/stopwords/index.ts';

const en = (s: string): string => cleanSentence(s, 'en', wordsFor('en'));

describe('cleanSentence', () => {
  it('removes hesitations and keeps the punctuation around them sensible', () => {
    expect(en('we have um to uh discuss the um functional design.')).toBe('We have to discuss the functional design.');
    expect(en('So, um, the budget is fine um.')).toBe('The budget is fine.');
  });

  it('removes stutters, false starts and repeated words', () => {
    expect(en('we should th the budget should come first')).toBe('We should the budget should come first.');
    expect(en('I would say the the price is how much how much we can pay')).toBe('I would say the price is how much we can pay.');
    expect(en('money we had to s just spend')).toBe('Money we had to just spend.');
  });

  it('drops leading discourse markers and set-off fillers but not meaningful uses', () => {
    expect(en('Okay, so, the remote needs a battery.')).toBe('The remote needs a battery.');
    expect(en('The screen is, you know, too small.')).toBe('The screen is too small.');
    expect(en('You know the answer already.')).toBe('You know the answer already.');
  });

  it('returns an empty string when only fillers were said', () => {
    expect(en('Um, uh.')).toBe('');
  });

  it('keeps function words that look like false starts in other languages', () => {
    expect(cleanSentence('El equipo de desarrollo, eh, crece.', 'es', wordsFor('es'))).toBe('El equipo de desarrollo, crece.');
  });

  it('removes Japanese fillers whole', () => {
    expect(cleanSentence('えーと、今日は予算の話です。', 'ja', wordsFor('ja'))).toBe('今日は予算の話です。');
  });
});

describe('normalizeSpoken', () => {
  it('joins spelled-out letters and folds spaces', () => {
    expect(normalizeSpoken('the  V_C_R_ or  D_V_D_')).toBe('the VCR or DVD');
  });
});

describe('isWordFragment', () => {
  it('flags false starts and vowel-less pieces but not real words', () => {
    expect(isWordFragment('th', 'the', 'en')).toBe(true);
    expect(isWordFragment('th', '', 'en')).toBe(true);
    expect(isWordFragment('bec', 'because', 'en')).toBe(true);
    expect(isWordFragment('new', 'news', 'en')).toBe(false);
    expect(isWordFragment('TV', '', 'en')).toBe(false);
    expect(isWordFragment('budget', 'budgets', 'en')).toBe(false);
  });
});
