/**
 * The composition root: configuration in, a running Recap out (store, caption links, command runner, server).
 * `main.ts` calls it for `npm start`; tests call it to run Recap in-process against their own fakes.
 */
import { auditSecrets } from './log-audit.ts';
import type { Hono } from 'hono';
import type { CommandDeps } from '../commands/deps.ts';
import { runCommandText } from '../commands/run.ts';
import type { RefContext } from '../commands/parse-ref.ts';
import { CaptionLinks } from './captions/caption-links.ts';
import { MediaLinks } from './captions/media-links.ts';
import { configSecrets, linkBase, type Config } from './config.ts';
import type { Reply } from './domain/reply.ts';
import type { Logger } from './log.ts';
import { createApp } from './server/app.ts';
import { startServer, type RunningServer } from './server/start-server.ts';
import { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterOptions } from '../adapters/discord/discord-app.ts';
import { createSlackAdapter, type SlackAdapterOptions } from '../adapters/slack/slack-app.ts';
import { slackUploadAuthorization } from '../adapters/slack/oauth-token-scope.ts';
import { createCommandDeps, type CommandDepsOptions } from './command-deps.ts';
import { createStoreClaims } from './jobs/claims.ts';
import { providerCallback } from './jobs/callbacks.ts';
import type { JobRecord } from './jobs/job-record.ts';
import { foregroundFirst } from './jobs/foreground-first.ts';
import { createJobRunner, type JobRunner, type JobRunnerOptions } from './jobs/job-runner.ts';
import { createJobStore, type JobStore } from './jobs/job-store.ts';
import type { ProviderName } from './domain/media-ref.ts';
import { hookRoutes } from './server/hook-routes.ts';
import { createProviders } from './providers/create-providers.ts';
import type { Provider } from './providers/provider.ts';
import type { SpotMeClient } from './providers/spotme/client.ts';
import { createSpotMePoller } from './subscriptions/spotme-poller.ts';
import { createSubscriptionStore } from './subscriptions/subscription-store.ts';
import { CHANNEL_HOOK_PROVIDERS, createChannelHookStore } from './subscriptions/channel-hook-store.ts';
import { channelHookRoutes } from './server/channel-hook-routes.ts';
import { lockOwner } from './jobs/locks.ts';
import { memoryStore, openStore, type StoreHandle } from './store.ts';

export interface BootOptions {
  log: Logger;
  /** Use an in-memory store (tests). */
  memory?: boolean;
  /** Safe-fetcher, provider and polling overrides; tests use them to reach their own 127.0.0.1 fakes. */
  overrides?: Pick<CommandDepsOptions, 'fetchOptions' | 'providerOverrides' | 'wait' | 'urlCheck'>;
  /** Folder relative paths in the shell start from (npm runs scripts from the package root, INIT_CWD is where the user was). */
  cwd?: string;
  /** Slack poster pacing overrides (tests). */
  slackPoster?: SlackAdapterOptions['posterOptions'];
  /** Job runner timing (tests: short leases and sweeps). */
  jobs?: Pick<JobRunnerOptions, 'leaseMs' | 'sweepMs' | 'maxWaitMs'>;
  /** How often subscriptions look for finished SpotMe sessions (default one minute; tests go faster). */
  spotmePollMs?: number;
  /** Discord gateway lease timing (tests). */
  discord?: Pick<DiscordAdapterOptions, 'leaseTtlMs'>;
  /** Host to listen on; all interfaces when unset. */
  hostname?: string;
  /** The clock media links compare provider URL expiries with (tests move it hours ahead). */
  now?: () => number;
}

export interface RunningRecap {
  config: Config;
  server: RunningServer;
  app: Hono;
  storeHandle: StoreHandle;
  jobs: JobStore;
  runner: JobRunner;
  /** The Discord adapter, when Discord is configured (tests read its gateway state). */
  discord?: DiscordAdapter;
  /** Runs the words after `/recap` as the given surface would; `onStage` follows provider jobs. */
  run(text: string, ctx: RefContext, extras?: Pick<CommandDeps, 'onStage' | 'signal'>): Promise<Reply>;
  /** Base of the links Recap hands out. */
  linkBase(): string;
  stop(): Promise<void>;
}

export async function bootRecap(config: Config, options: BootOptions): Promise<RunningRecap> {
  const { log } = options;
  auditSecrets(...configSecrets(config));
  const storeHandle = options.memory ? memoryStore() : openStore(config);
  storeHandle.store.on('error', (error: unknown) => log.error('store error', { error }));
  let port = config.port;
  const base = () => linkBase(config, port);
  const captions = new CaptionLinks(storeHandle.store, base);
  // With Redis the claims are atomic across replicas; with SQLite one process owns the file.
  const claims = createStoreClaims(storeHandle.store, config.redisUrl ? storeHandle.locks : undefined);
  const slackOAuth = config.slack?.oauth;
  const slackToken = slackOAuth ? undefined : config.slack?.botToken;
  const jobs = createJobStore(storeHandle.store, storeHandle.jobIndex);
  const providers = createProviders(config, {
    ...options.overrides?.providerOverrides,
    ...(options.overrides?.urlCheck ? { urlCheck: options.overrides.urlCheck } : {}),
  });
  const subscriptions = createSubscriptionStore(storeHandle.store, storeHandle.subscribedChannels);
  const spotmeWorkspace = providers.spotme ? config.providers.spotme?.workspaceId : undefined;
  // Channel webhooks take callbacks only from providers whose jobs Recap can re-read with its own key.
  const channelHooks = { store: createChannelHookStore(storeHandle.store), providers: CHANNEL_HOOK_PROVIDERS.filter((p) => providers[p]), ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}) };
  const media = new MediaLinks({ store: storeHandle.store, base, providers, log, ...(options.now ? { now: options.now } : {}) });
  const commandDeps = createCommandDeps({
    config,
    providers,
    captions,
    media,
    ...options.overrides,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    // Slack file links need the bot token (with OAuth, that of the workspace being answered); the safe fetcher drops
    // it if a download redirects to another origin.
    ...(slackToken || slackOAuth ? { uploadHeaders: (ref) => (ref.platform === 'slack' ? slackUploadAuthorization(slackToken) : undefined) } : {}),
  });
  // `/recap status <job>` reads the stored jobs, from any surface (the shell shares the store).
  const deps: CommandDeps = {
    ...commandDeps,
    jobStatus: (id) => jobs.get(id),
    subscriptions,
    ...(spotmeWorkspace ? { spotmeWorkspace } : {}),
    channelHooks,
  };
  // Requests someone waits on (Slack's 3 s, a webhook's 10 s) go before jobs starting in the background.
  const foreground = foregroundFirst();
  const runner = createJobRunner({
    jobs,
    foreground,
    locks: storeHandle.locks,
    deps,
    log,
    // With a public address, providers call back (a hint that wakes the job's poll); polling stays the safety net.
    ...(config.publicUrl ? { callbackFor: (job: JobRecord, provider: ProviderName) => providerCallback(config.publicUrl!, job, provider) } : {}),
    ...options.jobs,
  });
  const slack = slackToken || slackOAuth
    ? createSlackAdapter({
        ...(slackToken ? { botToken: slackToken } : {}),
        ...(slackOAuth
          ? {
              oauth: {
                ...slackOAuth,
                store: storeHandle.store,
                ...(config.publicUrl ? { redirectUri: `${config.publicUrl}/slack/oauth_redirect` } : {}),
              },
            }
          : {}),
        ...(config.slack?.signingSecret ? { signingSecret: config.slack.signingSecret } : {}),
        ...(config.slack?.appToken ? { appToken: config.slack.appToken } : {}),
        ...(config.slack?.apiUrl ? { apiUrl: config.slack.apiUrl } : {}),
        runner,
        claims,
        log,
        foreground,
        ...(options.slackPoster ? { posterOptions: options.slackPoster } : {}),
      })
    : undefined;
  const discordConfig = config.discord;
  const discord = discordConfig?.token || discordConfig?.publicKey
    ? createDiscordAdapter({
        ...(discordConfig.token ? { token: discordConfig.token } : {}),
        ...(discordConfig.publicKey ? { publicKey: discordConfig.publicKey } : {}),
        ...(discordConfig.apiUrl ? { apiUrl: discordConfig.apiUrl } : {}),
        runner,
        claims,
        store: storeHandle.store,
        log,
        foreground,
        // With Redis several replicas may run: one holds the gateway. With SQLite there is one process.
        ...(config.redisUrl ? { locks: storeHandle.locks } : {}),
        ...options.discord,
      })
    : undefined;
  const routes = [
    slack?.routes,
    discord?.routes,
    hookRoutes({ jobs, runner, log }),
    channelHookRoutes({ ...channelHooks, jobs, runner, locks: storeHandle.locks, owner: lockOwner(), log }),
  ].filter((r): r is Hono => r !== undefined);
  const app = createApp({ store: storeHandle.store, captions, media, providers, log, routes, foreground });
  const server = await startServer(app, config.port, options.hostname).catch(async (error: unknown) => {
    await storeHandle.close();
    throw error;
  });
  port = server.port;
  await slack?.start();
  await discord?.start();
  // Every platform's delivery is registered by now: resume what a previous run left unfinished.
  await runner.start();
  // Automatic posts watch SpotMe (no "recording ready" webhook exists: providers.md).
  const spotmeClient = (providers.spotme as (Provider & { client?: SpotMeClient }) | undefined)?.client;
  const poller = spotmeClient
    ? createSpotMePoller({ subscriptions, spotme: spotmeClient, runner, jobs, locks: storeHandle.locks, log, ...(options.spotmePollMs ? { pollMs: options.spotmePollMs } : {}) })
    : undefined;
  poller?.start();

  let stopped = false;
  return {
    config,
    server,
    app,
    storeHandle,
    jobs,
    runner,
    ...(discord ? { discord } : {}),
    run: (text, ctx, extras) => runCommandText(text, ctx, { ...deps, ...extras }, { onInternalError: (error) => log.error('command failed', { error }) }),
    linkBase: base,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // Drain first: recaps about to finish still post their answers (jobs still waiting on a provider stay stored
      // and resume at the next start), then nothing new comes in.
      poller?.stop();
      await runner.stop();
      await Promise.all([slack?.stop(), discord?.stop()]);
      await server.close();
      await storeHandle.close();
    },
  };
}
