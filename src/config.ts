/**
 * Configuration from environment variables, validated once at start-up with zod.
 * Every problem is listed at once, each naming the variable and how to fix it; values are never printed,
 * because most of them are secrets.
 */
import { z } from 'zod';
import { httpHref } from './domain/http-href.ts';

/** A value that is present but blank counts as unset, so `FOO=` lines in a .env file do no harm. */
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const optionalUrl = (what: string) =>
  optionalText.pipe(
    z
      .string()
      .refine((value) => isHttpUrl(value), { message: `must be an http(s) URL, ${what}` })
      .optional(),
  );

function isHttpUrl(value: string): boolean {
  return httpHref(value) !== undefined;
}

const envSchema = z.object({
  PORT: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a whole number from 0 to 65535')
      .transform(Number)
      .refine((port) => port <= 65535, 'must be a whole number from 0 to 65535')
      .default(3000),
  ),
  DATA_DIR: optionalText.transform((value) => value ?? './data'),
  PUBLIC_URL: optionalUrl('the address users reach this server at, e.g. https://recap.example.com'),
  REDIS_URL: optionalText.pipe(
    z
      .string()
      .refine((value) => /^rediss?:\/\/.+/.test(value), { message: 'must start with redis:// or rediss://' })
      .optional(),
  ),
  LOG_LEVEL: optionalText.pipe(z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info')),
  ASSEMBLYAI_API_KEY: optionalText,
  ASSEMBLYAI_BASE_URL: optionalUrl('e.g. https://api.assemblyai.com'),
  MEMORIES_API_KEY: optionalText,
  MEMORIES_BASE_URL: optionalUrl('e.g. https://api.memories.ai'),
  PICTORY_API_KEY: optionalText,
  PICTORY_BASE_URL: optionalUrl('e.g. https://api.pictory.ai/pictoryapis'),
  SPOTME_API_TOKEN: optionalText,
  SPOTME_BASE_URL: optionalUrl('e.g. https://api.spotme.com/api/v2/workspace'),
  SPOTME_WORKSPACE_ID: optionalText,
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalUrl('the Slack Web API base, e.g. https://slack.com/api/'),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_PUBLIC_KEY: optionalText,
  DISCORD_API_URL: optionalUrl('the Discord REST base, e.g. https://discord.com/api'),
});

type Env = z.infer<typeof envSchema>;

export interface ProviderCredentials {
  apiKey: string;
  baseUrl: string;
}

export interface Config {
  port: number;
  dataDir: string;
  /** Base of every link Recap hands out; `http://localhost:PORT` when unset. */
  publicUrl?: string;
  redisUrl?: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  providers: {
    assemblyai?: ProviderCredentials;
    memories?: ProviderCredentials;
    pictory?: ProviderCredentials;
    spotme?: ProviderCredentials & { workspaceId?: string };
  };
  slack?: {
    signingSecret?: string;
    botToken?: string;
    appToken?: string;
    apiUrl?: string;
    /** Many workspaces, installed through OAuth (/slack/install); SLACK_BOT_TOKEN is then not used. */
    oauth?: { clientId: string; clientSecret: string; stateSecret: string };
  };
  discord?: { token?: string; applicationId?: string; publicKey?: string; apiUrl?: string };
}

/** Raised when the environment cannot make a working Recap; `problems` has one line per variable. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Recap cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Reads and checks the configuration; throws {@link ConfigError} listing every problem at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${String(issue.path[0] ?? 'environment')} ${issue.message}`);
    }
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  problems.push(...crossChecks(e));
  if (problems.length > 0) throw new ConfigError(problems);
  return toConfig(e);
}

/** Rules that involve several variables at once. */
function crossChecks(e: Env): string[] {
  const problems: string[] = [];
  if (e.SLACK_SIGNING_SECRET !== undefined && e.SLACK_SIGNING_SECRET.trim() === '') {
    problems.push(
      'SLACK_SIGNING_SECRET is set but blank: copy the Signing Secret from your Slack app\'s "Basic Information" page, or remove the variable',
    );
  }
  const signingSecret = e.SLACK_SIGNING_SECRET?.trim() || undefined;
  const oauthVariables = { SLACK_CLIENT_ID: e.SLACK_CLIENT_ID, SLACK_CLIENT_SECRET: e.SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: e.SLACK_STATE_SECRET };
  const oauthMissing = Object.entries(oauthVariables).filter(([, value]) => !value).map(([name]) => name);
  const oauth = oauthMissing.length === 0;
  if (oauthMissing.length > 0 && oauthMissing.length < 3) {
    problems.push(
      `${oauthMissing.join(' and ')} ${oauthMissing.length > 1 ? 'are' : 'is'} required with ${Object.keys(oauthVariables).filter((name) => !oauthMissing.includes(name)).join(' and ')}: ` +
        'installing Recap in many workspaces through OAuth needs all three (Client ID and Client Secret from "Basic Information" in your Slack app, ' +
        'SLACK_STATE_SECRET any long random string, e.g. from `openssl rand -hex 32`), or remove them to use one workspace with SLACK_BOT_TOKEN',
    );
  }
  if (e.SLACK_STATE_SECRET && e.SLACK_STATE_SECRET.length < 16) {
    problems.push('SLACK_STATE_SECRET is too short: use at least 16 random characters, e.g. from `openssl rand -hex 32`');
  }
  if ((e.SLACK_BOT_TOKEN || oauth) && !e.SLACK_APP_TOKEN && !signingSecret) {
    problems.push(
      'SLACK_SIGNING_SECRET is required to receive Slack requests over HTTP: copy it from "Basic Information" in your Slack app, or set SLACK_APP_TOKEN to use Socket Mode',
    );
  }
  if (e.SLACK_APP_TOKEN && !e.SLACK_BOT_TOKEN && !oauth) {
    problems.push(
      'SLACK_BOT_TOKEN is required with SLACK_APP_TOKEN: install the app to your workspace and copy the xoxb- token (or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install it in many workspaces)',
    );
  }
  if (e.DISCORD_PUBLIC_KEY && !e.DISCORD_APPLICATION_ID) {
    problems.push('DISCORD_APPLICATION_ID is required with DISCORD_PUBLIC_KEY: copy it from "General Information" in the Discord developer portal');
  }
  if (e.DISCORD_PUBLIC_KEY && !/^[0-9a-f]{64}$/i.test(e.DISCORD_PUBLIC_KEY)) {
    problems.push('DISCORD_PUBLIC_KEY must be the 64 hex characters of "Public Key" under "General Information" in the Discord developer portal');
  }
  if (e.SPOTME_API_TOKEN && !e.SPOTME_WORKSPACE_ID) {
    problems.push('SPOTME_WORKSPACE_ID is required with SPOTME_API_TOKEN: copy the workspace id from Backstage');
  }
  return problems;
}

function toConfig(e: Env): Config {
  const provider = (apiKey: string | undefined, baseUrl: string | undefined, fallback: string) =>
    apiKey ? { apiKey, baseUrl: baseUrl ?? fallback } : undefined;
  const spotme = provider(e.SPOTME_API_TOKEN, e.SPOTME_BASE_URL, 'https://api.spotme.com/api/v2/workspace');
  const signingSecret = e.SLACK_SIGNING_SECRET?.trim() || undefined;
  const slackOAuth =
    e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET
      ? { clientId: e.SLACK_CLIENT_ID, clientSecret: e.SLACK_CLIENT_SECRET, stateSecret: e.SLACK_STATE_SECRET }
      : undefined;
  const slackSet = signingSecret || e.SLACK_BOT_TOKEN || e.SLACK_APP_TOKEN || slackOAuth;
  const discordSet = e.DISCORD_TOKEN || e.DISCORD_PUBLIC_KEY;
  return {
    port: e.PORT,
    dataDir: e.DATA_DIR,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    providers: {
      assemblyai: provider(e.ASSEMBLYAI_API_KEY, e.ASSEMBLYAI_BASE_URL, 'https://api.assemblyai.com'),
      memories: provider(e.MEMORIES_API_KEY, e.MEMORIES_BASE_URL, 'https://api.memories.ai'),
      pictory: provider(e.PICTORY_API_KEY, e.PICTORY_BASE_URL, 'https://api.pictory.ai/pictoryapis'),
      spotme: spotme && { ...spotme, workspaceId: e.SPOTME_WORKSPACE_ID },
    },
    slack: slackSet
      ? { signingSecret, botToken: e.SLACK_BOT_TOKEN, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL, ...(slackOAuth ? { oauth: slackOAuth } : {}) }
      : undefined,
    discord: discordSet
      ? {
          token: e.DISCORD_TOKEN,
          applicationId: e.DISCORD_APPLICATION_ID,
          publicKey: e.DISCORD_PUBLIC_KEY,
          apiUrl: e.DISCORD_API_URL,
        }
      : undefined,
  };
}

/** The variable a provider needs, for replies that say what to set. */
export const PROVIDER_KEY_VARIABLE = {
  assemblyai: 'ASSEMBLYAI_API_KEY',
  memories: 'MEMORIES_API_KEY',
  pictory: 'PICTORY_API_KEY',
  spotme: 'SPOTME_API_TOKEN',
} as const;

/** Whether any chat platform is configured; without one `npm start` opens the terminal shell. */
export function hasChatCredentials(config: Config): boolean {
  return Boolean(config.slack?.botToken || config.slack?.appToken || config.slack?.oauth || config.discord?.token || config.discord?.publicKey);
}

/** The origin every Recap link starts with. */
export function linkBase(config: Config, listeningPort: number): string {
  return config.publicUrl ?? `http://localhost:${listeningPort}`;
}

/** Every secret value in the configuration, for the logger to censor wherever it appears. */
export function configSecrets(config: Config): (string | undefined)[] {
  return [
    config.providers.assemblyai?.apiKey,
    config.providers.memories?.apiKey,
    config.providers.pictory?.apiKey,
    config.providers.spotme?.apiKey,
    config.slack?.signingSecret,
    config.slack?.botToken,
    config.slack?.appToken,
    config.slack?.oauth?.clientSecret,
    config.slack?.oauth?.stateSecret,
    config.discord?.token,
  ];
}
