/**
 * A Recap server process for crash tests: `main.ts` as `npm start` runs it, plus the test-only boot options
 * (loopback fetches, fast polling, short leases) passed as JSON in RECAP_TEST_BOOT. Prints `listening <port>` when
 * ready; SIGTERM stops it gracefully, SIGKILL is the crash under test.
 */
import { bootRecap, type BootOptions } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';

const extra = JSON.parse(process.env.RECAP_TEST_BOOT ?? '{}') as Pick<BootOptions, 'jobs' | 'discord'> & { pollMs?: number };
const config = loadConfig(process.env);
const recap = await bootRecap(config, {
  log: createLogger({ level: (process.env.LOG_LEVEL as 'info' | undefined) ?? 'info' }),
  hostname: '127.0.0.1',
  overrides: {
    fetchOptions: { addressPolicy: (address) => address === '127.0.0.1', allowedPort: () => true },
    ...(extra.pollMs ? { providerOverrides: { pacing: { initialMs: extra.pollMs, maxMs: extra.pollMs * 2 } } } : {}),
  },
  ...(extra.jobs ? { jobs: extra.jobs } : {}),
  ...(extra.discord ? { discord: extra.discord } : {}),
});
process.stdout.write(`listening ${recap.server.port}\n`);
process.once('SIGTERM', () => void recap.stop().then(() => process.exit(0)));
