import { describe, expect, it } from 'vitest';
import { parsePictoryError, pictoryBodyError } from '../../../../src/providers/pictory/error-info.ts';
import { pictoryCreatedSchema, pictoryJobSchema } from '../../../../src/providers/pictory/schemas.ts';
import { fixture } from './fixtures.ts';

describe('pictory schemas', () => {
  it('reads the job id of a creation answer, whatever its spelling', () => {
    expect(pictoryCreatedSchema.parse(fixture('job-created'))).toEqual({ jobId: 'bbd75639-c3cb-4add-bf7b-e4e39cffb3b0' });
    expect(pictoryCreatedSchema.parse({ success: true, data: { job_id: 'a' } })).toEqual({ jobId: 'a' });
    expect(pictoryCreatedSchema.parse({ jobId: 'b' })).toEqual({ jobId: 'b' });
    expect(pictoryCreatedSchema.safeParse({ success: true, data: {} }).success).toBe(false);
  });

  it('reads every job state', () => {
    expect(pictoryJobSchema.parse(fixture('transcription-in-progress')).data.status).toBe('in-progress');
    const completed = pictoryJobSchema.parse(fixture('transcription-completed')).data;
    expect(completed.status).toBe('completed');
    expect(completed.transcript).toHaveLength(3);
    expect(completed.vtt).toMatch(/^WEBVTT/);
    const failed = pictoryJobSchema.parse(fixture('job-failed')).data;
    expect([failed.status, failed.error_message]).toEqual(['failed', 'The media could not be decoded.']);
    expect(pictoryJobSchema.parse({ data: { status: 'cleaned' } }).data.status).toBe('cleaned');
    // An undocumented state is not a schema error.
    expect(pictoryJobSchema.parse({ data: { status: 'queued' } }).data.status).toBe('queued');
  });

  it('reads both highlights shapes', () => {
    const both = pictoryJobSchema.parse(fixture('highlights-completed-both')).data;
    expect(both.transcript?.filter((s) => s.highlight)).toHaveLength(2);
    expect(both.highlights?.[0]).toEqual({ start: 0, end: 1.9, text: undefined });
    expect(pictoryJobSchema.parse({ data: { status: 'completed', highlights: [{ start_time: 1, end_time: '2.5' }] } }).data.highlights)
      .toEqual([{ start: 1, end: 2.5, text: undefined }]);
  });
});

describe('pictory error bodies', () => {
  it('reads 4004 as retryable', () => {
    expect(parsePictoryError(fixture('error-4004'))).toEqual({
      code: '4004',
      message: 'The transcription job is still processing. Retry later.',
      retryable: true,
    });
  });

  it('reads the other shapes, leaving retryability to the HTTP status', () => {
    expect(parsePictoryError({ success: false, error: { code: 4001, message: 'bad fileUrl' } })).toEqual({ code: '4001', message: 'bad fileUrl' });
    expect(parsePictoryError({ message: 'Unauthorized' })).toEqual({ message: 'Unauthorized' });
    expect(parsePictoryError({ error: 'nope' })).toEqual({ message: 'nope' });
    expect(parsePictoryError('Bad gateway')).toEqual({ message: 'Bad gateway' });
    expect(parsePictoryError('<html><body>Bad gateway</body></html>').message).toBeUndefined();
    expect(parsePictoryError(null)).toEqual({});
  });

  it('finds success:false in a 200 body, but not in a failed job', () => {
    expect(pictoryBodyError(fixture('job-created'))).toBeUndefined();
    expect(pictoryBodyError(fixture('error-4004'))?.code).toBe('4004');
    expect(pictoryBodyError({ success: false })?.message).toMatch(/success:false/);
    expect(pictoryBodyError({ success: false, data: { status: 'failed', error_message: 'x' } })).toBeUndefined();
  });
});
