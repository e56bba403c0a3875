/**
 * Starts a real redis-server on a free loopback port for tests. `.ci/run` installs it with apt; on a machine
 * without it, tests that need it are skipped with a message that says how to install it (and fail in CI).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port.ts';

export const redisAvailable = spawnSync('redis-server', ['--version']).status === 0;
export const REDIS_MISSING =
  'redis-server is not installed: `apt-get install -y redis-server` (or run .ci/run, which installs it).';

export interface RedisProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface RedisOptions {
  /** Reuse a port (a restart of the same server). */
  port?: number;
  /** Persist to an append-only file in this folder, as a production Redis does, so a restart keeps the data. */
  dir?: string;
}

export async function startRedis(options: RedisOptions = {}): Promise<RedisProcess> {
  const port = options.port ?? (await freePort());
  const persistence = options.dir ? ['--dir', options.dir, '--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 5 s')), 5000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
