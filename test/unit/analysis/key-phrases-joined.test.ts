import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../src/analysis/analyze.ts';
import { normalizeSpoken } from '../../../src/analysis/text/clean.ts';
import { splitWords } from '../../../src/analysis/text/tokenize.ts';
import type { Transcript } from '../../../src/domain/transcript.ts';

function timed(lines: string[]): Transcript {
  return { timed: true, utterances: lines.map((text, i) => ({ startMs: i * 5000, endMs: i * 5000 + 4000, text })) };
}

// A constructed economy bulletin: the topics are noun phrases held together by "de/da/do/das".
const PT = [
  'Boa noite. A taxa de desemprego subiu para sete por cento no primeiro trimestre, segundo o Instituto Nacional de Estatística.',
  'O Banco de Portugal prevê que a taxa de desemprego continue a subir até ao fim do ano.',
  'O governador do Banco de Portugal disse que a economia vai crescer menos do que o previsto.',
  'O ministro das Finanças respondeu que a taxa de desemprego vai descer com as novas medidas.',
  'A oposição acusou o ministro das Finanças de ignorar os números do Banco de Portugal.',
  'No desporto, o Benfica venceu o Sporting no estádio da Luz. Os adeptos do Benfica festejaram nas ruas de Lisboa.',
  'A taxa de desemprego entre os jovens chegou aos vinte por cento, disse o Banco de Portugal.',
  'O ministro das Finanças vai ao parlamento na próxima semana para explicar o orçamento.',
];

const ES = [
  'El Banco de España ha revisado la previsión de crecimiento. La tasa de paro bajó en el último trimestre.',
  'El Ministerio de la Presidencia anunció nuevas medidas. La tasa de paro sigue siendo la más alta de la Unión Europea.',
  'Según el Banco de España, la tasa de paro bajará el próximo año. El Ministerio de la Presidencia no hizo comentarios.',
  'El gobernador del Banco de España compareció ante el Congreso. El Ministerio de la Presidencia calló.',
];

describe('key phrases joined by a preposition', () => {
  it('keeps Portuguese noun phrases whole instead of splitting them into words', () => {
    const r = analyzeTranscript(timed(PT), { want: ['phrases'], lang: 'pt' });
    const phrases = r.keyPhrases!.map((p) => p.text);
    expect(phrases.slice(0, 3)).toEqual(['taxa de desemprego', 'Banco de Portugal', 'ministro das Finanças']);
    for (const word of ['taxa', 'desemprego', 'Banco', 'Portugal', 'Finanças']) expect(phrases).not.toContain(word);
    // Every occurrence is found, and its time span covers the whole phrase.
    expect(r.keyPhrases![0]!.count).toBe(4);
    expect(r.keyPhrases![0]!.timestamps).toHaveLength(4);
  });

  it('runs Spanish phrases through "de la" and "del" boundaries only', () => {
    const phrases = analyzeTranscript(timed(ES), { want: ['phrases'], lang: 'es' }).keyPhrases!.map((p) => p.text);
    expect(phrases).toContain('Banco de España');
    expect(phrases).toContain('Ministerio de la Presidencia');
    expect(phrases).not.toContain('España');
    // No phrase starts or ends with a function word.
    for (const p of phrases) expect(p).not.toMatch(/^(?:de|del|la|el)\b|\b(?:de|del|la|el)$/u);
  });

  it('leaves English phrases to the usual rules', () => {
    const r = analyzeTranscript(timed(['The Bank of England raised rates.', 'The Bank of England said rates will rise.',
      'Rates at the Bank of England are high.']), { want: ['phrases'], lang: 'en' });
    for (const p of r.keyPhrases!) expect(p.text).not.toMatch(/\bof\b/u);
  });
});

describe('names written with an ampersand', () => {
  it('decodes escapes left in scraped text and keeps "H&M" one word', () => {
    expect(normalizeSpoken('H&amp;M profit misses &quot;estimates&quot;')).toBe('H&M profit misses "estimates"');
    expect(splitWords('AT&T and R&D, rock & roll', 'en').map((w) => w.text)).toEqual(['AT&T', 'and', 'R&D', 'rock', 'roll']);
    const t: Transcript = { timed: false, utterances: [{ startMs: 0, endMs: 0, text: 'H&amp;M Profit Misses Estimates as Retailer Absorbs Cost Rises' }] };
    const phrases = analyzeTranscript(t, { want: ['phrases'], lang: 'en' }).keyPhrases!.map((p) => p.text);
    expect(phrases).toContain('H&M');
    expect(phrases.join(' ')).not.toMatch(/\bamp\b/u);
  });
});
