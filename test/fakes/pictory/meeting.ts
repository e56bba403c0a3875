/**
 * The built-in recording of the Pictory fake: a short product meeting with three speakers, as Pictory's
 * transcription shape (sentences of timed words, numeric speaker ids, a pause marker), plus its txt/srt/vtt.
 */
import { randomUUID } from 'node:crypto';
import { formatCueTime } from '../../../src/domain/time.ts';

export interface FakeWord {
  uid: string;
  word: string;
  start_time: number;
  end_time: number;
  speakerId: number;
  sentence_index: number;
  is_pause?: boolean;
  pause_size?: string;
}

export interface FakeSentence {
  uid: string;
  speakerId: number;
  words: FakeWord[];
  highlight?: boolean;
}

const LINES: readonly [speaker: number, text: string][] = [
  [1, 'Good morning everyone, thanks for joining the launch review.'],
  [1, 'Today we decide whether the mobile release ships on Friday.'],
  [2, 'The crash rate on Android dropped to half a percent after the fix.'],
  [2, 'iOS is stable, but the login screen still needs one translation.'],
  [3, 'Support expects more tickets in the first week, so we staffed two extra people.'],
  [1, 'Good.'],
  [1, 'So the open risk is the payment provider migration, which finishes on Wednesday.'],
  [2, 'If the migration slips, we ship without the new checkout and enable it later with a flag.'],
  [3, 'I will prepare the announcement email and the help center article by Thursday.'],
  [1, 'Decision: we ship on Friday, with the checkout behind a feature flag.'],
  [2, 'Action item for me: send the release notes to the store reviewers tomorrow.'],
  [1, 'Thanks all, see you at the retrospective next Tuesday.'],
];

/** Seconds per spoken word, and the pause between sentences (below the mapper's merge gap of 1 s). */
const WORD_SECONDS = 0.32;
const SENTENCE_GAP_SECONDS = 0.4;

const round = (n: number) => Math.round(n * 1000) / 1000;

/** A fresh copy of the meeting (callers mark sentences up without touching the original). */
export function meetingTranscript(): FakeSentence[] {
  let t = 0.5;
  return LINES.map(([speakerId, text], index) => {
    const words: FakeWord[] = [];
    const tokens = text.split(' ');
    tokens.forEach((token, i) => {
      words.push({ uid: randomUUID(), word: token, start_time: round(t), end_time: round(t + WORD_SECONDS), speakerId, sentence_index: index });
      t += WORD_SECONDS;
      // Pictory puts pause markers among the words: an empty word with is_pause (the mapper must skip it).
      if (token.endsWith(',') && i < tokens.length - 1) {
        words.push({ uid: randomUUID(), word: '', start_time: round(t), end_time: round(t + 0.2), speakerId, sentence_index: index, is_pause: true, pause_size: 'small' });
        t += 0.2;
      }
    });
    t += SENTENCE_GAP_SECONDS;
    return { uid: randomUUID(), speakerId, words };
  });
}

/** The sentence's spoken text. */
export function sentenceText(sentence: FakeSentence): string {
  return sentence.words.filter((w) => !w.is_pause).map((w) => w.word).join(' ');
}

export const sentenceStart = (s: FakeSentence): number => s.words[0]!.start_time;
export const sentenceEnd = (s: FakeSentence): number => s.words[s.words.length - 1]!.end_time;

/** txt, srt and vtt renderings of the transcript, as a completed transcription job carries them. */
export function renderings(sentences: readonly FakeSentence[]): { txt: string; srt: string; vtt: string } {
  const cue = (s: FakeSentence, sep: '.' | ',') =>
    `${formatCueTime(sentenceStart(s) * 1000, sep)} --> ${formatCueTime(sentenceEnd(s) * 1000, sep)}\n${sentenceText(s)}`;
  return {
    txt: sentences.map(sentenceText).join(' '),
    srt: sentences.map((s, i) => `${i + 1}\n${cue(s, ',')}`).join('\n\n') + '\n',
    vtt: `WEBVTT\n\n${sentences.map((s) => cue(s, '.')).join('\n\n')}\n`,
  };
}

/**
 * Pictory's highlights, as the fake assumes them: the longest sentences first, kept while the highlights still
 * fit `durationSeconds`. Consecutive chosen sentences count as one span from the first start to the last end,
 * because that is how a client merges them; the total therefore never exceeds the target.
 */
export function chooseHighlights(sentences: readonly FakeSentence[], durationSeconds: number): Set<number> {
  const chosen = new Set<number>();
  const total = (set: Set<number>) => {
    let sum = 0;
    let runStart: number | undefined;
    for (let i = 0; i < sentences.length; i++) {
      if (set.has(i) && runStart === undefined) runStart = i;
      if (runStart !== undefined && (!set.has(i) || i === sentences.length - 1)) {
        const last = set.has(i) ? i : i - 1;
        sum += sentenceEnd(sentences[last]!) - sentenceStart(sentences[runStart]!);
        runStart = undefined;
      }
    }
    return sum;
  };
  const byLength = sentences.map((s, i) => ({ i, n: s.words.length })).sort((a, b) => b.n - a.n || a.i - b.i);
  for (const { i } of byLength) {
    const candidate = new Set(chosen).add(i);
    if (total(candidate) <= durationSeconds + 1e-9) chosen.add(i);
  }
  return chosen;
}
