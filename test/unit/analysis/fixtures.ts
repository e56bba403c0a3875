/** Transcripts built in code for the analyzer tests: small, deterministic, with known topics. */
import type { Transcript, Utterance } from '../../../src/domain/transcript.ts';

/** A tiny deterministic generator (LCG), so fixtures never change between runs. */
export function generator(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

const TEMPLATES = [
  'Um, I think the {0} and the {1} need another look before Friday.',
  'So the {0} is, uh, mostly about the {1} for this quarter.',
  'We should th the {0} should come before the {1}, you know.',
  'Yeah, the the {0} depends on the {1} and on the {2}.',
  'Can we agree that the {0} drives the {1}?',
  'My worry is that the {2} will change the {0} again.',
  'Okay, so let me write down the {0}, the {1} and the {2}.',
];

export const BUDGET = ['budget', 'spending', 'invoice', 'forecast', 'revenue', 'expenses', 'accounting', 'cash flow'];
export const HIRING = ['candidates', 'interview', 'recruiter', 'salary', 'onboarding', 'resume', 'referral', 'job offer'];

/** `count` utterances about `topic` from `start` ms, ~6 s each, three speakers taking turns. */
export function topicUtterances(topic: readonly string[], count: number, start: number, seed: number): Utterance[] {
  const pick = generator(seed);
  const speakers = ['Alice', 'Bob', 'Carol'];
  const out: Utterance[] = [];
  for (let i = 0; i < count; i++) {
    const template = TEMPLATES[pick(TEMPLATES.length)]!;
    const text = template.replace(/\{(\d)\}/g, () => topic[pick(topic.length)]!);
    const startMs = start + i * 6000;
    out.push({ startMs, endMs: startMs + 5200, speaker: speakers[(i + pick(2)) % 3]!, text });
  }
  return out;
}

/** Twelve minutes on the budget, then "moving on" and twelve minutes on hiring. Topic change at 720 s. */
export function twoTopicMeeting(): Transcript {
  const first = topicUtterances(BUDGET, 120, 0, 7);
  const change: Utterance = { startMs: 720_000, endMs: 724_000, speaker: 'Alice', text: 'Okay, moving on to the next item, hiring.' };
  const second = topicUtterances(HIRING, 120, 726_000, 11);
  const utterances = [...first, change, ...second];
  return { timed: true, durationMs: utterances[utterances.length - 1]!.endMs + 1000, utterances };
}

/** The same meeting as plain text: no times. */
export function untimed(t: Transcript): Transcript {
  return {
    timed: false,
    utterances: t.utterances.map((u) => ({ ...u, startMs: 0, endMs: 0 })),
  };
}

/** A long meeting (`minutes` of alternating topics) for speed and scaling checks. */
export function longMeeting(minutes: number): Transcript {
  const topics = [BUDGET, HIRING, ['roadmap', 'release', 'feature', 'backlog', 'sprint', 'deadline', 'testing', 'launch']];
  const utterances: Utterance[] = [];
  for (let block = 0; block * 10 < minutes; block++) {
    utterances.push(...topicUtterances(topics[block % 3]!, 100, block * 600_000, block + 1));
  }
  return { timed: true, durationMs: utterances[utterances.length - 1]!.endMs, utterances };
}
