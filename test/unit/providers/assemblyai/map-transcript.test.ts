import { describe, expect, it } from 'vitest';
import { isEnglish, primaryLanguage, speakerLabel, toTranscript } from '../../../../src/providers/assemblyai/map.ts';
import { sentencesSchema, transcriptSchema } from '../../../../src/providers/assemblyai/schemas.ts';
import { fixture } from './fixtures.ts';

describe('AssemblyAI transcript mapping', () => {
  it('turns sentences into utterances with speakers, ms times, language and duration', () => {
    const transcript = fixture('transcript-chapters.json', transcriptSchema);
    const { sentences } = fixture('sentences.json', sentencesSchema);
    const mapped = toTranscript(transcript, sentences);
    expect(mapped.timed).toBe(true);
    expect(mapped.language).toBe('en');
    expect(mapped.durationMs).toBe(281_500);
    // The blank sentence is dropped, whitespace folded, a null speaker left out.
    expect(mapped.utterances).toEqual([
      { startMs: 250, endMs: 6350, speaker: 'Speaker A', text: 'Smoke from hundreds of wildfires in Canada is triggering air quality alerts throughout the US.' },
      { startMs: 6500, endMs: 11050, speaker: 'Speaker A', text: 'Skylines from Maine to Maryland to Minnesota are gray and smoggy.' },
      { startMs: 11300, endMs: 16000, speaker: 'Speaker B', text: 'And in some places, the air quality warnings include the warning to stay inside.' },
      { startMs: 16400, endMs: 19900, text: "We wanted to better understand what's happening here and why." },
    ]);
  });

  it('falls back to the last sentence end when no duration is reported', () => {
    const { sentences } = fixture('sentences.json', sentencesSchema);
    expect(toTranscript({ language_code: null, audio_duration: null }, sentences)).toMatchObject({ durationMs: 19_900 });
    expect(toTranscript({ language_code: null, audio_duration: null }, sentences).language).toBeUndefined();
  });

  it('keeps primary language subtags only', () => {
    expect(primaryLanguage('en_us')).toBe('en');
    expect(primaryLanguage('pt-BR')).toBe('pt');
    expect(primaryLanguage('ES')).toBe('es');
    expect(primaryLanguage('')).toBeUndefined();
    expect(primaryLanguage(null)).toBeUndefined();
    expect(isEnglish('en_au')).toBe(true);
    expect(isEnglish('es')).toBe(false);
    expect(isEnglish(undefined)).toBe(false);
  });

  it('names letter labels like AssemblyAI does and keeps real names', () => {
    expect(speakerLabel('A')).toBe('Speaker A');
    expect(speakerLabel('Michel Martin')).toBe('Michel Martin');
    expect(speakerLabel(null)).toBeUndefined();
  });
});
