/** Bolt's logger interface on top of Recap's scrubbing logger, so Bolt and the Web API client never log a token. */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/log.ts';

export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const text = (parts: unknown[]) => parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ');
  return {
    debug: (...parts) => {
      const line = text(parts);
      // The Web API client logs whole request bodies and results at debug level: meeting text is private, keep it out.
      if (/^http request (body|result):/.test(line)) return log.debug(`slack: ${line.slice(0, line.indexOf(':'))} (not logged)`);
      log.debug(`slack: ${line}`);
    },
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
