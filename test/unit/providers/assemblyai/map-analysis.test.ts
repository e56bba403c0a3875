import { describe, expect, it } from 'vitest';
import { toChapters, toKeyPhrases, toSummary } from '../../../../src/providers/assemblyai/map.ts';
import { transcriptSchema } from '../../../../src/providers/assemblyai/schemas.ts';
import { fixture } from './fixtures.ts';

const chaptered = () => fixture('transcript-chapters.json', transcriptSchema);
const summarised = () => fixture('transcript-summary.json', transcriptSchema);
const understood = () => fixture('transcript-speech-understanding.json', transcriptSchema);

describe('AssemblyAI Key Phrases mapping', () => {
  it('maps count, rank and {start,end} timestamps, most salient first', () => {
    expect(toKeyPhrases(chaptered().auto_highlights_result)).toEqual([
      {
        text: 'wildfires',
        count: 3,
        rank: 0.11,
        timestamps: [
          { startMs: 1310, endMs: 1934 },
          { startMs: 66800, endMs: 67422 },
          { startMs: 224490, endMs: 225140 },
        ],
      },
      { text: 'air quality alerts', count: 1, rank: 0.08, timestamps: [{ startMs: 3978, endMs: 5114 }] },
      { text: 'air pollution', count: 1, rank: 0.07, timestamps: [{ startMs: 118000, endMs: 118900 }] },
    ]);
  });

  it('gives nothing when the model did not run or did not succeed', () => {
    expect(toKeyPhrases(null)).toEqual([]);
    expect(toKeyPhrases({ status: 'unavailable', results: [] })).toEqual([]);
  });
});

describe('AssemblyAI chapters and summary mapping', () => {
  it('maps legacy chapters: the gist is the title, the summary stays', () => {
    const chapters = toChapters(chaptered());
    expect(chapters).toHaveLength(2);
    expect(chapters[0]).toEqual({
      startMs: 250,
      endMs: 28840,
      title: 'Smoggy air quality alerts across US',
      summary: 'Smoke from hundreds of wildfires in Canada is triggering air quality alerts throughout the US. Skylines from Maine to Maryland to Minnesota are gray and smoggy.',
    });
  });

  it('falls back to the headline when a chapter has no gist', () => {
    const t = chaptered();
    const chapters = toChapters({ ...t, chapters: [{ gist: null, headline: 'Wildfire smoke.', summary: null, start: 0, end: 10 }] });
    expect(chapters).toEqual([{ startMs: 0, endMs: 10, title: 'Wildfire smoke', summary: 'Wildfire smoke.' }]);
  });

  it('maps Speech Understanding sections like legacy chapters', () => {
    const chapters = toChapters(understood());
    expect(chapters.map((c) => c.title)).toEqual([
      'Smoke from Canadian Wildfires Affects US Air Quality',
      'Weather Systems Channeling Smoke',
      'Health Effects of Particulate Matter',
    ]);
    expect(chapters[1]).toMatchObject({ startMs: 39100, endMs: 60670, summary: expect.stringMatching(/^Professor Peter DeCarlo/) });
  });

  it('reads sections under `sections` too, and sections without times', () => {
    const chapters = toChapters({
      chapters: null,
      speech_understanding: { response: { summarization: { sections: [{ headline: 'Budget', text: 'We cut travel.' }] } } },
    });
    expect(chapters).toEqual([{ title: 'Budget', summary: 'We cut travel.' }]);
  });

  it('uses the Summarization text when there is one', () => {
    expect(toSummary(summarised())).toBe(
      '- Smoke from hundreds of wildfires in Canada is triggering air quality alerts throughout the US. Skylines from Maine to Maryland to Minnesota are gray and smoggy.\n- Air pollution levels in Baltimore are considered unhealthy. Exposure to high levels can lead to a host of health problems.',
    );
  });

  it('derives the summary from chapter summaries when only chapters ran', () => {
    const summary = toSummary(chaptered());
    expect(summary?.split('\n')).toEqual([
      '- Smoke from hundreds of wildfires in Canada is triggering air quality alerts throughout the US. Skylines from Maine to Maryland to Minnesota are gray and smoggy.',
      '- Air pollution levels in Baltimore are considered unhealthy. Exposure to high levels can lead to a host of health problems.',
    ]);
  });

  it('derives the summary from Speech Understanding sections, or takes its plain text', () => {
    expect(toSummary(understood())?.split('\n')).toHaveLength(3);
    expect(toSummary({ speech_understanding: { response: { summarization: { summary: 'All about smoke.' } } } })).toBe('All about smoke.');
    expect(toSummary({ summary: null, chapters: null })).toBeUndefined();
  });
});
