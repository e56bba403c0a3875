import { describe, expect, it } from 'vitest';
import { ConfigError, hasChatCredentials, linkBase, loadConfig } from '../../src/config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('starts with nothing set: port 3000, ./data, local analyzer only, the shell', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe('./data');
    expect(config.providers).toEqual({ assemblyai: undefined, memories: undefined, pictory: undefined, spotme: undefined });
    expect(hasChatCredentials(config)).toBe(false);
    expect(linkBase(config, 4123)).toBe('http://localhost:4123');
  });

  it('lists every problem at once, naming variables and never their values', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      PUBLIC_URL: 'recap.example.com',
      REDIS_URL: 'http://cache:6379',
      ASSEMBLYAI_BASE_URL: 'ftp://x',
    });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT .*whole number/);
    expect(problems.join('\n')).toMatch(/PUBLIC_URL must be an http\(s\) URL/);
    expect(problems.join('\n')).toMatch(/REDIS_URL must start with redis:\/\//);
    expect(problems.join('\n')).toMatch(/ASSEMBLYAI_BASE_URL/);
  });

  it('S-3 refuses a blank Slack signing secret and a bot token without a way to verify requests', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: '   ', SLACK_BOT_TOKEN: 'xoxb-1' }).join('\n')).toMatch(/SLACK_SIGNING_SECRET is set but blank/);
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' }).join('\n')).toMatch(/SLACK_SIGNING_SECRET is required/);
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toEqual([]);
  });

  it('takes SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together, naming the missing ones', () => {
    const secret = 'client-secret-supersecret';
    const one = problemsOf({ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_SECRET: secret }).join('\n');
    expect(one).toMatch(/SLACK_CLIENT_ID and SLACK_STATE_SECRET are required with SLACK_CLIENT_SECRET/);
    expect(one).toMatch(/all three/);
    expect(one).not.toContain(secret);
    const two = problemsOf({ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: secret });
    expect(two).toEqual([expect.stringMatching(/^SLACK_STATE_SECRET is required with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET/)]);
    expect(problemsOf({ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'x', SLACK_STATE_SECRET: 'short' }).join('\n')).toMatch(
      /SLACK_STATE_SECRET is too short/,
    );
    // Blank counts as unset.
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: '', SLACK_CLIENT_SECRET: ' ', SLACK_STATE_SECRET: '' })).toEqual([]);
  });

  it('with the three OAuth variables, SLACK_BOT_TOKEN is optional and the signing secret still required over HTTP', () => {
    const oauthEnv = { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'client-secret', SLACK_STATE_SECRET: '0123456789abcdef0123' };
    const config = loadConfig({ ...oauthEnv, SLACK_SIGNING_SECRET: 's' });
    expect(config.slack?.oauth).toEqual({ clientId: '1.2', clientSecret: 'client-secret', stateSecret: '0123456789abcdef0123' });
    expect(config.slack?.botToken).toBeUndefined();
    expect(hasChatCredentials(config)).toBe(true);
    expect(problemsOf(oauthEnv).join('\n')).toMatch(/SLACK_SIGNING_SECRET is required/);
    expect(problemsOf({ ...oauthEnv, SLACK_APP_TOKEN: 'xapp-1' })).toEqual([]);
    expect(problemsOf({ SLACK_APP_TOKEN: 'xapp-1' }).join('\n')).toMatch(/SLACK_BOT_TOKEN is required with SLACK_APP_TOKEN.*SLACK_CLIENT_ID/);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack?.oauth).toBeUndefined();
  });

  it('L-1 names a missing companion variable and never prints a secret value', () => {
    const secret = 'sm_live_supersecret_value';
    const problems = problemsOf({ SPOTME_API_TOKEN: secret });
    expect(problems.join('\n')).toMatch(/SPOTME_WORKSPACE_ID is required/);
    expect(problems.join('\n')).not.toContain(secret);
  });

  it('fills provider base URLs with the vendors\' defaults and keeps overrides', () => {
    const config = loadConfig({ ASSEMBLYAI_API_KEY: 'k1', PICTORY_API_KEY: 'pictai_x', PICTORY_BASE_URL: 'http://127.0.0.1:9/p' });
    expect(config.providers.assemblyai).toEqual({ apiKey: 'k1', baseUrl: 'https://api.assemblyai.com' });
    expect(config.providers.pictory).toEqual({ apiKey: 'pictai_x', baseUrl: 'http://127.0.0.1:9/p' });
  });

  it('treats blank values as unset and strips a trailing slash from PUBLIC_URL', () => {
    const config = loadConfig({ ASSEMBLYAI_API_KEY: '', PUBLIC_URL: 'https://recap.example.com/', PORT: '0' });
    expect(config.providers.assemblyai).toBeUndefined();
    expect(config.publicUrl).toBe('https://recap.example.com');
    expect(config.port).toBe(0);
    expect(linkBase(config, 3000)).toBe('https://recap.example.com');
  });

  it('sees chat credentials when Slack or Discord is configured', () => {
    expect(hasChatCredentials(loadConfig({ DISCORD_TOKEN: 't' }))).toBe(true);
    expect(hasChatCredentials(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }))).toBe(true);
  });
});
