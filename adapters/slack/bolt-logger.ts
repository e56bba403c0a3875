/** Bolt's logger interface on top of Recap's scrubbing logger, so Bolt and the Web API client never log a token. */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/log.ts';

export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const text = (parts: unknown[]) => parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ');
  return {
    debug: (...parts) => log.debug(`slack: ${text(parts)}`),
    info: (...parts) => log.info(`slack: ${text(parts)}`),
    warn: (...parts) => log.warn(`slack: ${text(parts)}`),
    error: (...parts) => log.error(`slack: ${text(parts)}`),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
