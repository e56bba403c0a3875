import { describe, expect, it } from 'vitest';
import { summariseJobError, toJob } from '../../../../src/providers/spotme/map.ts';
import { jobSchema } from '../../../../src/providers/spotme/schemas.ts';
import { fixtureJson } from './fixtures.ts';

const read = (name: string) => toJob(jobSchema.parse(fixtureJson(name)));

describe('SpotMe job status → poll step', () => {
  it('pending → queued', () => {
    expect(read('job-pending.json')).toEqual({ id: 'job_8f2c', status: 'pending', step: { kind: 'pending', stage: 'queued' } });
  });

  it('processing (any case, numeric id) → transcribing', () => {
    expect(read('job-processing.json')).toEqual({ id: '10293', status: 'processing', step: { kind: 'pending', stage: 'transcribing' } });
  });

  it('completed → completed', () => {
    expect(read('job-completed.json').step).toEqual({ kind: 'completed' });
  });

  it('failed → failed, with the error summarised on one line', () => {
    expect(read('job-failed.json').step).toEqual({
      kind: 'failed',
      reason: 'Transcription failed: the recording has no audio track NO_AUDIO',
    });
  });

  it('an unknown status keeps the job pending (the router deadline bounds the wait)', () => {
    expect(toJob(jobSchema.parse({ job_id: 'j', status: 'rendering' })).step).toEqual({ kind: 'pending', stage: 'transcribing' });
  });

  it('summarises missing and overlong reasons', () => {
    expect(summariseJobError(undefined)).toBe('SpotMe gave no reason');
    expect(summariseJobError(null)).toBe('SpotMe gave no reason');
    const long = summariseJobError('x'.repeat(500));
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });

  it('refuses a job without an id or status', () => {
    expect(jobSchema.safeParse({ status: 'pending' }).success).toBe(false);
    expect(jobSchema.safeParse({ job_id: 'j' }).success).toBe(false);
  });
});
