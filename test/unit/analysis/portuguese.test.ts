import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../src/analysis/analyze.ts';
import type { Transcript } from '../../../src/domain/transcript.ts';

// A constructed broadcast: two news items, with the auxiliaries, contractions and reporting verbs of the genre.
const NEWS = [
  'Boa noite. O Governo aprovou hoje o novo orçamento do Estado, que prevê um aumento dos impostos sobre os combustíveis.',
  'O ministro das Finanças disse-lhe que o orçamento é necessário para reduzir o défice. Segundo o ministro, o défice vai descer.',
  'A oposição criticou o orçamento e afirmou que o aumento dos impostos vai prejudicar as famílias.',
  'Os partidos da oposição vão votar contra o orçamento no parlamento na próxima sexta-feira.',
  'No desporto, o Benfica venceu ontem o Sporting por dois a zero no estádio da Luz.',
  'O treinador do Benfica disse que a vitória foi merecida. Trata-se de uma vitória importante, acrescentou.',
  'Os adeptos do Benfica festejaram a vitória nas ruas de Lisboa.',
];

const STOPWORDS = ['o', 'a', 'de', 'do', 'da', 'que', 'foi', 'disse', 'vai', 'vão', 'trata', 'se', 'lhe', 'hoje', 'ontem', 'boa', 'noite'];

describe('Portuguese', () => {
  const t: Transcript = { timed: false, utterances: NEWS.map((text) => ({ startMs: 0, endMs: 0, text })) };
  const r = analyzeTranscript(t, { want: ['phrases', 'chapters', 'summary'], lang: 'pt' });
  const phrases = r.keyPhrases!.map((p) => p.text.toLowerCase());

  it('puts the stories\' subjects first', () => {
    expect(phrases.slice(0, 3)).toEqual(expect.arrayContaining(['orçamento', 'benfica']));
    expect(phrases).toContain('vitória');
  });

  it('keeps function words, auxiliaries, reporting verbs and clitics out of phrases', () => {
    for (const p of phrases) for (const w of p.split(/[\s-]/)) expect(STOPWORDS).not.toContain(w);
    expect(phrases.some((p) => p.includes('-lhe') || p.includes('-se'))).toBe(false);
  });

  it('folds plurals and is detected without a hint', () => {
    expect(phrases.filter((p) => p.startsWith('imposto'))).toHaveLength(1);
    expect(analyzeTranscript(t, { want: [] }).language).toBe('pt');
    expect(r.chapters![0]!.title).not.toBe('');
  });
});
