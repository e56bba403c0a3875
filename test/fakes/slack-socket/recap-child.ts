/**
 * Recap in Socket Mode as its own process, for proving that `stop()` leaves nothing running: boots from the
 * environment (in-memory store), prints `connected`, and on SIGTERM prints `stopped` after `recap.stop()` and then
 * lets the process end by itself (no `process.exit`). Run with `node --import tsx`.
 */
import { bootRecap } from '../../../src/boot.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';

const recap = await bootRecap(loadConfig(process.env), { log: createLogger({ level: 'silent' }), memory: true, hostname: '127.0.0.1' });
process.stdout.write('connected\n');
process.once('SIGTERM', () => {
  void recap.stop().then(() => process.stdout.write('stopped\n'));
});
