import { describe, expect, it } from 'vitest';
import { summariseFailure } from '../../../../src/providers/assemblyai/failure-message.ts';
import { transcriptSchema } from '../../../../src/providers/assemblyai/schemas.ts';
import { fixture } from './fixtures.ts';

describe('AssemblyAI failure summaries', () => {
  it('says a web page is not audio, without quoting AssemblyAI', () => {
    const failed = summariseFailure(fixture('transcript-error.json', transcriptSchema).error);
    expect(failed.message).toMatch(/web page/);
    expect(failed.hint).toMatch(/direct link/);
  });

  it('never echoes the media URL of a download error', () => {
    const failed = summariseFailure('Download error, unable to download https://cdn.example.com/a.mp3?token=abc123. Please make sure the file exists.');
    expect(failed.message).toBe('AssemblyAI could not download the media.');
    expect(JSON.stringify(failed)).not.toContain('abc123');
  });

  it('recognises silent media, unsupported languages and damaged files, and has a fallback', () => {
    expect(summariseFailure('language_detection cannot be performed on files with no spoken audio.').message).toMatch(/no speech/);
    expect(summariseFailure('auto_chapters is not available in language: ja').message).toMatch(/language/);
    expect(summariseFailure('Transcoding failed. Unsupported codec.').message).toMatch(/damaged format/);
    expect(summariseFailure(null).message).toBe('AssemblyAI could not transcribe the media.');
  });
});
