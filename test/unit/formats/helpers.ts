import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { RecapError } from '../../../src/errors.ts';

export const FIXTURES = new URL('../../fixtures/transcripts/', import.meta.url);

/** A fixture's bytes, as an upload would deliver them. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

/** Runs `fn`, expects a RecapError and returns it. */
export function recapError(fn: () => unknown): RecapError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RecapError);
    return error as RecapError;
  }
  throw new Error('expected a RecapError, nothing was thrown');
}
