import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../src/analysis/analyze.ts';
import type { Transcript } from '../../../src/domain/transcript.ts';
import { longMeeting, twoTopicMeeting, untimed } from './fixtures.ts';

const ALL = ['summary', 'chapters', 'phrases', 'highlights'] as const;

describe('analyzeTranscript on a two-topic meeting', () => {
  const meeting = twoTopicMeeting();
  const result = analyzeTranscript(meeting, { want: ALL });

  it('detects English and produces every part asked for', () => {
    expect(result.language).toBe('en');
    expect(result.summary?.text.length).toBeGreaterThan(0);
    expect(result.chapters?.length).toBeGreaterThan(0);
    expect(result.keyPhrases?.length).toBeGreaterThan(0);
    expect(result.highlights?.length).toBeGreaterThan(0);
  });

  it('produces only the parts in want', () => {
    const only = analyzeTranscript(meeting, { want: ['phrases', 'captions', 'transcript'] });
    expect(Object.keys(only).sort()).toEqual(['keyPhrases', 'language']);
  });

  it('tiles the meeting with chapters: no gap, no overlap, start to end', () => {
    const chapters = result.chapters!;
    expect(chapters[0]!.startMs).toBe(0);
    for (let i = 1; i < chapters.length; i++) expect(chapters[i]!.startMs).toBe(chapters[i - 1]!.endMs);
    expect(chapters[chapters.length - 1]!.endMs).toBe(meeting.durationMs);
    for (const c of chapters) {
      expect(c.endMs!).toBeGreaterThan(c.startMs!);
      expect(c.title.length).toBeGreaterThan(0);
      expect(c.title.split(' ').length).toBeLessThanOrEqual(6);
    }
  });

  it('puts a chapter boundary near the real topic change and titles the halves by their topics', () => {
    const chapters = result.chapters!;
    expect(chapters.length).toBeGreaterThanOrEqual(2);
    expect(chapters.length).toBeLessThanOrEqual(5);
    const nearest = Math.min(...chapters.slice(1).map((c) => Math.abs(c.startMs! - 720_000)));
    expect(nearest).toBeLessThanOrEqual(60_000);
    const before = chapters.filter((c) => c.endMs! <= 720_000).map((c) => c.title.toLowerCase()).join(' ');
    const after = chapters.filter((c) => c.startMs! >= 720_000).map((c) => c.title.toLowerCase()).join(' ');
    expect(before).toMatch(/budget|spending|invoice|forecast|revenue|expenses|accounting|cash/);
    expect(after).toMatch(/candidate|interview|recruiter|salary|onboarding|resume|referral|offer/);
  });

  it('writes a short summary of whole sentences without fillers', () => {
    const text = result.summary!.text;
    expect(text.split(/\s+/).length).toBeLessThanOrEqual(150);
    expect(text).not.toMatch(/\b(uh|um)\b/i);
    expect(text).not.toMatch(/\bth the\b/i);
    expect(text).toMatch(/[.!?]$/);
  });

  it('ranks deduplicated key phrases from 1 down, with every occurrence timed', () => {
    const phrases = result.keyPhrases!;
    expect(phrases.length).toBeLessThanOrEqual(10);
    expect(phrases[0]!.rank).toBe(1);
    for (let i = 1; i < phrases.length; i++) expect(phrases[i]!.rank).toBeLessThanOrEqual(phrases[i - 1]!.rank);
    const keys = phrases.map((p) => p.text.toLowerCase().replace(/s$/, ''));
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of phrases) {
      expect(p.rank).toBeGreaterThan(0);
      expect(p.timestamps.length).toBeGreaterThan(0);
      expect(p.timestamps.length).toBeLessThanOrEqual(p.count);
    }
  });

  it('keeps highlights within the target, mostly filled, sorted and apart', () => {
    for (const seconds of [60, 20]) {
      const highlights = analyzeTranscript(meeting, { want: ['highlights'], highlightsSeconds: seconds }).highlights!;
      const total = highlights.reduce((sum, h) => sum + h.endMs - h.startMs, 0);
      expect(total).toBeLessThanOrEqual(seconds * 1000);
      expect(total).toBeGreaterThanOrEqual(0.8 * seconds * 1000);
      for (let i = 1; i < highlights.length; i++) expect(highlights[i]!.startMs).toBeGreaterThan(highlights[i - 1]!.endMs);
      for (const h of highlights) expect(h.text).not.toMatch(/\b(uh|um)\b/i);
    }
  });

  it('spreads highlights over both topics', () => {
    const starts = result.highlights!.map((h) => h.startMs);
    expect(starts.some((s) => s < 720_000)).toBe(true);
    expect(starts.some((s) => s > 720_000)).toBe(true);
  });

  it('is deterministic', () => {
    expect(analyzeTranscript(twoTopicMeeting(), { want: ALL })).toEqual(result);
  });
});

describe('analyzeTranscript on untimed text', () => {
  const result = analyzeTranscript(untimed(twoTopicMeeting()), { want: ALL });

  it('invents no times', () => {
    expect(result.chapters!.length).toBeGreaterThan(0);
    for (const c of result.chapters!) {
      expect(c).not.toHaveProperty('startMs');
      expect(c).not.toHaveProperty('endMs');
    }
    for (const p of result.keyPhrases!) expect(p.timestamps).toEqual([]);
    expect(result.highlights).toEqual([]);
    expect(result.summary!.text.length).toBeGreaterThan(0);
  });
});

describe('analyzeTranscript on edge cases', () => {
  it('handles a single utterance', () => {
    const t: Transcript = { timed: true, utterances: [{ startMs: 0, endMs: 4000, text: 'Hello everyone, uh, welcome to the quarterly budget review.' }] };
    const r = analyzeTranscript(t, { want: ALL });
    expect(r.chapters).toHaveLength(1);
    expect(r.chapters![0]).toMatchObject({ startMs: 0, endMs: 4000 });
    expect(r.summary!.text).not.toMatch(/\buh\b/);
    expect(r.highlights!.length).toBeLessThanOrEqual(1);
  });

  it('folds plurals into one key phrase', () => {
    const lines = ['The weekly meeting moved to Monday.', 'Two meetings a week is too many meetings.', 'The planning meeting covers the roadmap.',
      'Roadmap reviews happen in the planning meeting.', 'We could merge the meetings into one meeting.'];
    const t: Transcript = { timed: false, utterances: lines.map((text) => ({ startMs: 0, endMs: 0, text })) };
    const texts = analyzeTranscript(t, { want: ['phrases'] }).keyPhrases!.map((p) => p.text.toLowerCase());
    expect(texts.filter((p) => p === 'meeting' || p === 'meetings')).toHaveLength(1);
    expect(texts.filter((p) => p.includes('roadmap'))).toHaveLength(1);
  });

  it('handles an empty transcript', () => {
    const r = analyzeTranscript({ timed: true, utterances: [] }, { want: ALL });
    expect(r).toMatchObject({ summary: { text: '' }, chapters: [], keyPhrases: [], highlights: [] });
  });

  it('uses the language it is given', () => {
    expect(analyzeTranscript(twoTopicMeeting(), { want: [], lang: 'en-GB' }).language).toBe('en');
  });

  it('handles a four-hour meeting, growing chapters with length', () => {
    // Speed is measured by `npm run bench:analysis`, not here; this checks the long input is handled sensibly.
    const long = longMeeting(240);
    const short = { ...long, utterances: long.utterances.slice(0, Math.round(long.utterances.length / 7.5)) };
    const longChapters = analyzeTranscript(long, { want: ALL }).chapters!;
    const shortChapters = analyzeTranscript(short, { want: ALL }).chapters!;
    expect(longChapters.length).toBeGreaterThan(shortChapters.length);
    expect(longChapters.at(-1)!.endMs).toBe(long.utterances.at(-1)!.endMs);
  });
});
