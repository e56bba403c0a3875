import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/analysis/text/language.ts';

const SAMPLES: [string, string][] = [
  ['en', 'Okay so the main thing we need to decide today is what the budget is for the new remote.'],
  ['es', 'Bueno, hoy vamos a hablar del presupuesto para el próximo año y de los nuevos proyectos.'],
  ['fr', 'Alors, nous allons parler du budget pour les projets de cette année et de la suite.'],
  ['de', 'Also, wir sprechen heute über das Budget und die Planung für das nächste Jahr.'],
  ['it', 'Allora, oggi parliamo del bilancio e della pianificazione per il prossimo anno.'],
  ['pt', 'Então, hoje vamos falar do orçamento e do planejamento para o próximo ano, não é?'],
  ['ja', '今日は来期の予算について話し合います。'],
  ['zh', '我们今天讨论明年的预算和项目计划。'],
  ['ko', '오늘은 내년 예산과 프로젝트 계획에 대해 이야기하겠습니다.'],
  ['ar', 'سنناقش اليوم ميزانية العام المقبل وخطة المشاريع.'],
  ['hi', 'आज हम अगले साल के बजट और परियोजना योजना पर चर्चा करेंगे।'],
  ['ru', 'Сегодня мы обсудим бюджет на следующий год и план проектов.'],
];

describe('detectLanguage', () => {
  it.each(SAMPLES)('recognizes %s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('falls back to English when nothing decides', () => {
    expect(detectLanguage('')).toBe('en');
    expect(detectLanguage('12:30 — 42')).toBe('en');
  });
});
