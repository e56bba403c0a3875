import { describe, expect, it } from 'vitest';
import { listSchema, sentencesSchema, transcriptSchema, uploadSchema, wordSearchSchema } from '../../../../src/providers/assemblyai/schemas.ts';
import { fixture, rawFixture } from './fixtures.ts';

describe('AssemblyAI schemas', () => {
  it('read every fixture, keeping fields they do not name', () => {
    const t = fixture('transcript-chapters.json', transcriptSchema);
    expect(t.status).toBe('completed');
    expect(t.chapters).toHaveLength(2);
    expect((t as Record<string, unknown>).acoustic_model).toBe('assemblyai_default');
    expect(fixture('transcript-summary.json', transcriptSchema).summary).toMatch(/^- Smoke/);
    expect(fixture('transcript-speech-understanding.json', transcriptSchema).speech_understanding?.response?.summarization?.summary).toHaveLength(3);
    expect(fixture('transcript-error.json', transcriptSchema).error).toMatch(/Transcoding failed/);
    expect(fixture('sentences.json', sentencesSchema).sentences).toHaveLength(5);
    expect(fixture('word-search.json', wordSearchSchema).matches[0]!.timestamps[1]).toEqual([49168, 49398]);
    expect(fixture('list.json', listSchema).transcripts[1]!.status).toBe('error');
  });

  it('reads a queued transcript, which has little more than an id and a status', () => {
    expect(transcriptSchema.parse({ id: 'x', status: 'queued', text: null, words: null, chapters: null })).toMatchObject({ id: 'x', status: 'queued' });
  });

  it('drops a malformed analysis block instead of losing the transcript', () => {
    const raw = rawFixture('transcript-chapters.json') as Record<string, unknown>;
    const parsed = transcriptSchema.parse({ ...raw, chapters: [{ gist: 'no times' }], auto_highlights_result: 'oops' });
    expect(parsed.chapters).toBeUndefined();
    expect(parsed.auto_highlights_result).toBeUndefined();
    expect(parsed.id).toBe(raw.id);
  });

  it('requires what Recap cannot work without', () => {
    expect(transcriptSchema.safeParse({ status: 'completed' }).success).toBe(false);
    expect(uploadSchema.safeParse({ upload_url: 'not a url' }).success).toBe(false);
    expect(sentencesSchema.safeParse({ id: 'x' }).success).toBe(false);
  });
});
