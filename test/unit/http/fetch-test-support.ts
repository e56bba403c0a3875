/** Shared by the safe-fetcher tests: throwaway servers closed after each test, and typed rejections. */
import { afterEach, expect } from 'vitest';
import { RecapError } from '../../../src/errors.ts';
import { startTestServer, type TestHandler, type TestServer } from '../../fakes/http-test-server.ts';

/** Awaits a promise that must reject with a RecapError, and returns that error. */
export async function rejection(promise: Promise<unknown>): Promise<RecapError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RecapError);
  return error as RecapError;
}

/** Returns a `server()` that starts test servers and closes them all after each test of the calling file. */
export function serverPerTest(): (handler: TestHandler, host?: string, port?: number) => Promise<TestServer> {
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return async (handler, host, port) => {
    const started = await startTestServer(handler, host, port);
    servers.push(started);
    return started;
  };
}
