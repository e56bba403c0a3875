import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../src/analysis/analyze.ts';
import type { Transcript } from '../../../src/domain/transcript.ts';

function meeting(lines: string[]): Transcript {
  return {
    timed: true,
    utterances: lines.map((text, i) => ({ startMs: i * 30_000, endMs: i * 30_000 + 8000, speaker: i % 2 ? 'A' : 'B', text })),
  };
}

const ALL = ['summary', 'chapters', 'phrases', 'highlights'] as const;

describe('analyzeTranscript in other languages', () => {
  it('detects Japanese and finds its topic words', () => {
    const r = analyzeTranscript(meeting([
      'えーと、今日は来期の予算について話し合います。', '予算の配分は開発チームとマーケティングで分けます。',
      'マーケティング予算は広告費が中心です。', '次の議題は採用計画です。', '採用計画では新しいエンジニアを三名採用します。',
      'エンジニアの採用面接は来月から始めます。', '予算と採用計画は来週もう一度確認しましょう。',
    ]), { want: ALL });
    expect(r.language).toBe('ja');
    const phrases = r.keyPhrases!.map((p) => p.text);
    expect(phrases.slice(0, 3)).toEqual(expect.arrayContaining(['予算']));
    expect(phrases).toContain('採用計画');
    for (const p of phrases) expect(p).not.toMatch(/^(は|が|の|を|に|です|ます)$/);
    expect(r.summary!.text).not.toContain('えーと');
    expect(r.chapters![0]!.title).not.toBe('');
  });

  it('detects Spanish, folds plurals and keeps stopwords out of phrases', () => {
    const r = analyzeTranscript(meeting([
      'Bueno, hoy vamos a hablar del presupuesto para el próximo año.', 'El presupuesto de marketing es más alto que el del año pasado.',
      'Eh, creo que el presupuesto de marketing debe bajar un poco.', 'Pasamos al siguiente punto: la contratación de ingenieros.',
      'Necesitamos contratar tres ingenieros nuevos para el equipo de desarrollo.', 'Las entrevistas con los candidatos empiezan el lunes.',
      'El candidato con más experiencia es ingeniero de datos.',
    ]), { want: ALL });
    expect(r.language).toBe('es');
    const phrases = r.keyPhrases!.map((p) => p.text.toLowerCase());
    expect(phrases.slice(0, 3)).toContain('presupuesto');
    expect(phrases.filter((p) => p.startsWith('candidat'))).toHaveLength(1);
    for (const p of phrases) expect(p.split(' ')).not.toContain('el');
    expect(r.summary!.text).not.toMatch(/\beh\b/i);
  });
});
