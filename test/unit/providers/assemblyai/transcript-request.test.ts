import { describe, expect, it } from 'vitest';
import { buildTranscriptRequest, toAssemblyAiLanguage } from '../../../../src/providers/assemblyai/transcript-request.ts';

const URL_ = 'https://media.example.com/standup.mp3';

describe('AssemblyAI create body: only what the wanted parts need', () => {
  it('asks for nothing but speakers and language detection for a transcript or captions', () => {
    expect(buildTranscriptRequest(URL_, { want: ['transcript', 'captions', 'highlights'] })).toEqual({
      audio_url: URL_,
      speaker_labels: true,
      language_detection: true,
    });
  });

  it('phrases → auto_highlights; chapters → auto_chapters', () => {
    expect(buildTranscriptRequest(URL_, { want: ['phrases'] })).toEqual({ audio_url: URL_, speaker_labels: true, language_detection: true, auto_highlights: true });
    expect(buildTranscriptRequest(URL_, { want: ['chapters'] })).toEqual({ audio_url: URL_, speaker_labels: true, language_detection: true, auto_chapters: true });
  });

  it('a summary alone → summarization with both summary_model and summary_type', () => {
    expect(buildTranscriptRequest(URL_, { want: ['summary'] })).toEqual({
      audio_url: URL_,
      speaker_labels: true,
      language_detection: true,
      summarization: true,
      summary_model: 'informative',
      summary_type: 'bullets',
    });
  });

  it('summary and chapters → auto_chapters only (never both models)', () => {
    const body = buildTranscriptRequest(URL_, { want: ['summary', 'chapters', 'phrases'] });
    expect(body).toMatchObject({ auto_chapters: true, auto_highlights: true });
    expect(body).not.toHaveProperty('summarization');
    expect(body).not.toHaveProperty('summary_model');
    expect(body).not.toHaveProperty('summary_type');
  });

  it('speech-understanding style asks one summarization for chapters and summary', () => {
    const body = buildTranscriptRequest(URL_, { want: ['summary', 'chapters'], summaryStyle: 'speech-understanding' });
    expect(body.speech_understanding).toEqual({ request: { summarization: {} } });
    expect(body).not.toHaveProperty('auto_chapters');
    expect(body).not.toHaveProperty('summarization');
  });

  it('a given language replaces detection, and a non-English one skips Key Phrases', () => {
    expect(buildTranscriptRequest(URL_, { want: ['phrases'], languageCode: 'en-US' })).toEqual({
      audio_url: URL_,
      speaker_labels: true,
      language_code: 'en_us',
      auto_highlights: true,
    });
    expect(buildTranscriptRequest(URL_, { want: ['phrases'], languageCode: 'es' })).toEqual({ audio_url: URL_, speaker_labels: true, language_code: 'es' });
    expect(toAssemblyAiLanguage(' PT-br ')).toBe('pt_br');
  });

  it('adds the webhook and its auth header when a callback is given', () => {
    expect(buildTranscriptRequest(URL_, { want: [], webhook: { url: 'https://recap.example.com/cb/1', authHeader: { name: 'X-Recap-Token', value: 's3cret' } } })).toMatchObject({
      webhook_url: 'https://recap.example.com/cb/1',
      webhook_auth_header_name: 'X-Recap-Token',
      webhook_auth_header_value: 's3cret',
    });
    const plain = buildTranscriptRequest(URL_, { want: [], webhook: { url: 'https://recap.example.com/cb/2' } });
    expect(plain.webhook_url).toBe('https://recap.example.com/cb/2');
    expect(plain).not.toHaveProperty('webhook_auth_header_name');
  });
});
