import { describe, expect, it } from 'vitest';
import { envelopeOf, memoriesTranscriptionSchema, memoriesUploadSchema } from '../../../../src/providers/memories/schemas.ts';
import { fixture } from './fixtures.ts';

describe('memories schemas', () => {
  it('reads the upload answer: only videoNo is required, status defaults to UNPARSE', () => {
    const upload = envelopeOf(memoriesUploadSchema);
    expect(upload.parse(fixture('upload-url'))).toEqual({ videoNo: 'VI568102998803353600', videoStatus: 'UNPARSE' });
    expect(upload.parse({ code: '0000', data: { videoNo: 'VI1' } })).toEqual({ videoNo: 'VI1', videoStatus: 'UNPARSE' });
    expect(upload.safeParse({ code: '0000', data: null }).success).toBe(false);
  });

  it('a missing data reads as null; a status on a transcription is kept', () => {
    const transcription = envelopeOf(memoriesTranscriptionSchema);
    expect(transcription.parse({ code: '0000', msg: 'success' })).toBeNull();
    expect(transcription.parse({ code: '0000', data: { videoNo: 'VI1', videoStatus: 'PARSE_ERROR', cause: 'bad codec' } })).toEqual({
      videoNo: 'VI1',
      segments: [],
      status: 'PARSE_ERROR',
      cause: 'bad codec',
    });
  });

  it('refuses a transcription list that is not a list', () => {
    expect(envelopeOf(memoriesTranscriptionSchema).safeParse({ code: '0000', data: { transcriptions: 'nope' } }).success).toBe(false);
  });
});
