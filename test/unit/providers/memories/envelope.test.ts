import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../../src/http/provider-error.ts';
import {
  explainMemoriesError,
  isBusy,
  memoriesBodyError,
  normaliseCode,
  parseMemoriesError,
} from '../../../../src/providers/memories/envelope.ts';
import { fixture } from './fixtures.ts';

const generic = (code: string, status = 200) =>
  new ProviderError(`Memories.ai reported an error (code ${code}).`, {
    provider: 'memories',
    method: 'GET',
    url: 'https://api.memories.ai/serve/api/v1/get_audio_transcription',
    status,
    providerCode: code,
    providerMessage: 'vendor words',
    retryable: code === '0429',
  });

describe('memories envelope codes', () => {
  it('normalises 0429, "429" and 429 to one code', () => {
    expect(normaliseCode('0429')).toBe('0429');
    expect(normaliseCode('429')).toBe('0429');
    expect(normaliseCode(429)).toBe('0429');
    expect(normaliseCode(0)).toBe('0000');
    expect(normaliseCode('E_BAD')).toBe('E_BAD');
    expect(normaliseCode('')).toBeUndefined();
    expect(normaliseCode(null)).toBeUndefined();
  });

  it('bodyError: 0000 is no error; anything else is, and only busy is retryable', () => {
    expect(memoriesBodyError(fixture('audio-transcription'))).toBeUndefined();
    expect(memoriesBodyError(fixture('public-audio-transcription'))).toBeUndefined();
    expect(memoriesBodyError(fixture('error-0402'))).toEqual({ code: '0402', message: 'Insufficient credits' });
    expect(memoriesBodyError(fixture('error-429-numeric'))).toEqual({ code: '0429', message: 'Rate limit exceeded', retryable: true });
    expect(memoriesBodyError({ success: false })).toEqual({ message: 'Memories.ai answered without saying why.' });
    // Not an envelope: left to the schema, which says what is missing.
    expect(memoriesBodyError({ videoNo: 'VI1' })).toBeUndefined();
    expect(memoriesBodyError('text')).toBeUndefined();
  });

  it('parseError reads an envelope on a non-2xx answer, else falls back to the shared reader', () => {
    expect(parseMemoriesError({ code: '0401', msg: 'Unauthorized' })).toEqual({ code: '0401', message: 'Unauthorized' });
    expect(parseMemoriesError({ code: 429, msg: 'slow down' })).toEqual({ code: '0429', message: 'slow down', retryable: true });
    expect(parseMemoriesError('<html>Bad Gateway</html>')).toEqual({});
    expect(parseMemoriesError({ error: 'boom' })).toEqual({ message: 'boom' });
  });
});

describe('explainMemoriesError', () => {
  it.each([
    ['0401', "Memories.ai rejected Recap's API key.", /MEMORIES_API_KEY/, false],
    ['0402', "Memories.ai has no credits left on Recap's account.", /top up/, false],
    ['0403', "Memories.ai has disabled Recap's API key or account.", /MEMORIES_API_KEY/, false],
    ['0409', 'Memories.ai already has this video (duplicate upload).', /existing memories:VI/, false],
    ['0429', 'Memories.ai is busy right now (too many requests).', /Try again/, true],
    ['9009', 'Memories.ai denied the request.', /may use this feature/, false],
    ['0001', 'Memories.ai did not accept the request (bad parameters).', /Check the id or link/, false],
  ])('code %s → a message that says what it means', (code, message, hint, retryable) => {
    const original = generic(code);
    const explained = explainMemoriesError(original) as ProviderError;
    expect(explained).toBeInstanceOf(ProviderError);
    expect(explained.message).toBe(message);
    expect(explained.hint).toMatch(hint);
    expect(explained.retryable).toBe(retryable);
    // Operators keep the vendor's own code and words, and the original error.
    expect(explained).toMatchObject({ providerCode: code, providerMessage: 'vendor words', status: 200, provider: 'memories' });
    expect(explained.cause).toBe(original);
  });

  it('leaves unknown codes and other errors alone', () => {
    const unknown = generic('7777');
    expect(explainMemoriesError(unknown)).toBe(unknown);
    const plain = new Error('x');
    expect(explainMemoriesError(plain)).toBe(plain);
  });

  it('recognises busy', () => {
    expect(isBusy(generic('0429'))).toBe(true);
    expect(isBusy(generic('0402'))).toBe(false);
    expect(isBusy(new Error('0429'))).toBe(false);
  });
});
