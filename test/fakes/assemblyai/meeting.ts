/**
 * The small built-in meeting every fake AssemblyAI transcript is made of: three speakers planning a product launch
 * in three topics. Word timings are generated (a steady speaking rate with pauses between sentences) so words,
 * sentences, chapters, Key Phrases and word search all agree with each other, as they do in real answers.
 */

export interface MeetingWord {
  text: string;
  start: number;
  end: number;
  confidence: number;
  speaker: string;
}

export interface MeetingSentence {
  text: string;
  start: number;
  end: number;
  speaker: string;
  words: MeetingWord[];
}

const LINES: readonly [speaker: string, text: string][] = [
  ['A', 'Good morning everyone, let us start with the pricing page.'],
  ['B', 'The pricing page still shows the old enterprise plan.'],
  ['A', 'We should move the enterprise plan to a contact form.'],
  ['C', 'I can update the pricing page by Friday.'],
  ['B', 'Next topic is the launch date for the mobile app.'],
  ['A', 'The launch date depends on the app store review.'],
  ['C', 'Review usually takes three days, so the launch date is safe.'],
  ['B', 'Then we keep the launch date on the twelfth.'],
  ['A', 'Last item is onboarding emails for beta customers.'],
  ['C', 'The onboarding emails are drafted but not translated.'],
  ['B', 'Beta customers in Spain need the Spanish version first.'],
  ['A', 'Great, let us send the onboarding emails next week.'],
];

/** Milliseconds per character of a word, plus a floor, and the pauses that separate words and sentences. */
const MS_PER_CHAR = 55;
const MIN_WORD_MS = 160;
const WORD_GAP_MS = 60;
const SENTENCE_GAP_MS = 420;
const FIRST_WORD_MS = 240;

function buildSentences(): MeetingSentence[] {
  const sentences: MeetingSentence[] = [];
  let clock = FIRST_WORD_MS;
  for (const [speaker, text] of LINES) {
    const words: MeetingWord[] = text.split(' ').map((token, i) => {
      const start = clock;
      const end = start + Math.max(MIN_WORD_MS, token.length * MS_PER_CHAR);
      clock = end + WORD_GAP_MS;
      return { text: token, start, end, confidence: 0.9 + ((i * 7) % 10) / 100, speaker };
    });
    sentences.push({ text, start: words[0]!.start, end: words[words.length - 1]!.end, speaker, words });
    clock += SENTENCE_GAP_MS;
  }
  return sentences;
}

export const MEETING_SENTENCES: readonly MeetingSentence[] = buildSentences();
export const MEETING_WORDS: readonly MeetingWord[] = MEETING_SENTENCES.flatMap((s) => s.words);
export const MEETING_TEXT = MEETING_SENTENCES.map((s) => s.text).join(' ');
/** `audio_duration` in seconds: a second of silence after the last word. */
export const MEETING_DURATION_S = Math.ceil(MEETING_WORDS[MEETING_WORDS.length - 1]!.end / 1000) + 1;

/** The three topics, by sentence range (inclusive), with what Auto Chapters would write for them. */
export const MEETING_TOPICS = [
  {
    first: 0,
    last: 3,
    gist: 'Pricing page update',
    headline: 'The team agrees to replace the enterprise plan on the pricing page with a contact form.',
    summary: 'The pricing page still lists the old enterprise plan. The team decides to move it to a contact form, and the page will be updated by Friday.',
  },
  {
    first: 4,
    last: 7,
    gist: 'Mobile app launch date',
    headline: 'The mobile app launch stays on the twelfth after the app store review.',
    summary: 'The launch date of the mobile app depends on the app store review, which takes about three days, so the launch stays on the twelfth.',
  },
  {
    first: 8,
    last: 11,
    gist: 'Onboarding emails for beta customers',
    headline: 'Onboarding emails for beta customers go out next week, Spanish first.',
    summary: 'The onboarding emails for beta customers are drafted but not translated; customers in Spain need the Spanish version first. They go out next week.',
  },
] as const;

/** The phrases Key Phrases "finds", with their rank. Counts and timestamps come from the words. */
export const MEETING_KEY_PHRASES: readonly [text: string, rank: number][] = [
  ['pricing page', 0.12],
  ['launch date', 0.11],
  ['onboarding emails', 0.1],
  ['enterprise plan', 0.08],
  ['beta customers', 0.07],
  ['app store review', 0.05],
];

/** Lower case, punctuation gone: how word search compares words. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');
}

/** Every place a phrase (one to five words) is said: `[start, end]` pairs in ms and the index of its first word. */
export function findPhrase(words: readonly MeetingWord[], phrase: string): { timestamps: [number, number][]; indexes: number[] } {
  const wanted = phrase.split(/\s+/).map(normalizeWord).filter(Boolean);
  const timestamps: [number, number][] = [];
  const indexes: number[] = [];
  if (wanted.length === 0) return { timestamps, indexes };
  for (let i = 0; i + wanted.length <= words.length; i++) {
    if (wanted.every((w, k) => normalizeWord(words[i + k]!.text) === w)) {
      timestamps.push([words[i]!.start, words[i + wanted.length - 1]!.end]);
      indexes.push(i);
    }
  }
  return { timestamps, indexes };
}
