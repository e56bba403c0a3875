/**
 * `npm start`: the Recap server, plus the terminal shell when no chat platform is configured.
 * Stops gracefully on SIGTERM and SIGINT.
 */
import { runShell } from '../adapters/shell/shell.ts';
import { bootRecap } from './boot.ts';
import { ConfigError, configSecrets, hasChatCredentials, loadConfig } from './config.ts';
import { RecapError } from './errors.ts';
import { createLogger } from './log.ts';

/** What the shell prints while a provider works, like a chat status message. */
const STAGE_TEXT = { queued: 'queued at the provider', transcribing: 'transcribing', analyzing: 'analyzing' } as const;

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const shellMode = !hasChatCredentials(config);
  const secrets = configSecrets(config);
  // In the shell, info lines would interleave with replies; warnings and errors still show.
  const log = createLogger({ level: shellMode && config.logLevel === 'info' ? 'warn' : config.logLevel, secrets });

  let recap;
  try {
    recap = await bootRecap(config, { log, cwd: process.env.INIT_CWD ?? process.cwd() });
  } catch (error) {
    if (error instanceof RecapError) {
      process.stderr.write(`✗ ${error.message}\n${error.hint ? `  ${error.hint}\n` : ''}`);
      return 1;
    }
    throw error;
  }
  log.info('Recap is listening', { port: recap.server.port, links: recap.linkBase(), store: recap.storeHandle.description });

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= recap.stop());
  const onSignal = (signal: NodeJS.Signals) => {
    log.info('stopping', { signal });
    void stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);

  if (!shellMode) {
    log.info('chat credentials found: serving until stopped');
    await new Promise(() => undefined);
  }
  const interactive = Boolean(process.stdin.isTTY);
  await runShell({
    input: process.stdin,
    output: process.stdout,
    interactive,
    run: (text) =>
      recap.run(text, { allowFiles: true }, { onStage: (stage) => process.stdout.write(`… ${STAGE_TEXT[stage]}\n`) }),
    ...(interactive
      ? {
          banner: `Recap is running at ${recap.linkBase()} (data: ${recap.storeHandle.description}).\nType /recap <file or link> to recap a meeting, /recap help for more, exit to leave.`,
        }
      : {}),
  });
  await stop();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`✗ Recap stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
