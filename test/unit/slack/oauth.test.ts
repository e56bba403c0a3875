import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Installation } from '@slack/oauth';
import { describe, expect, it } from 'vitest';
import { installationKey, KeyvInstallationStore, NoInstallationError } from '../../../adapters/slack/installation-store.ts';
import { createSlackOAuth, SLACK_BOT_SCOPES } from '../../../adapters/slack/oauth.ts';
import { KeyvStateStore, STATE_TTL_MS } from '../../../adapters/slack/oauth-state-store.ts';
import { currentSlackToken, slackUploadAuthorization, withSlackToken } from '../../../adapters/slack/oauth-token-scope.ts';
import { createLogger } from '../../../src/log.ts';
import { memoryStore } from '../../../src/store.ts';

const options = { scopes: ['chat:write'], redirectUri: 'https://recap.example.com/slack/oauth_redirect' };

function installation(teamId: string | undefined, enterpriseId?: string, orgWide = false, token = `xoxb-${teamId ?? enterpriseId}`): Installation {
  return {
    team: teamId ? { id: teamId } : undefined,
    enterprise: enterpriseId ? { id: enterpriseId } : undefined,
    user: { id: 'U1', token: undefined, scopes: undefined },
    bot: { token, id: 'B1', userId: 'UB', scopes: ['chat:write'] },
    isEnterpriseInstall: orgWide,
    authVersion: 'v2',
  } as Installation;
}

describe('KeyvStateStore', () => {
  it('hands back the install options once, then refuses the same state', async () => {
    const states = new KeyvStateStore(memoryStore().store, 'secret-0123456789abcdef');
    const state = await states.generateStateParam(options, new Date());
    expect(state).not.toContain('recap.example.com');
    expect(await states.verifyStateParam(new Date(), state)).toEqual(options);
    await expect(states.verifyStateParam(new Date(), state)).rejects.toThrow(/already used/);
  });

  it('gives the options to one of two racing verifications only', async () => {
    const states = new KeyvStateStore(memoryStore().store, 'secret-0123456789abcdef');
    const state = await states.generateStateParam(options, new Date());
    const results = await Promise.allSettled([states.verifyStateParam(new Date(), state), states.verifyStateParam(new Date(), state)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('refuses a state older than ten minutes, from another secret, altered or malformed', async () => {
    const store = memoryStore().store;
    const states = new KeyvStateStore(store, 'secret-0123456789abcdef');
    const issued = new Date('2026-01-01T10:00:00Z');
    const old = await states.generateStateParam(options, issued);
    await expect(states.verifyStateParam(new Date(issued.getTime() + STATE_TTL_MS + 1000), old)).rejects.toThrow(/expired/);

    const other = await new KeyvStateStore(store, 'another-secret-0123456789').generateStateParam(options, new Date());
    await expect(states.verifyStateParam(new Date(), other)).rejects.toMatchObject({ code: 'slack_oauth_invalid_state' });
    const good = await states.generateStateParam(options, new Date());
    const [id, mac] = good.split('.') as [string, string];
    await expect(states.verifyStateParam(new Date(), `${id}x.${mac}`)).rejects.toThrow(/not issued/);
    for (const junk of ['', 'abc', `${id}.`, `.${mac}`, 'eyJhbGciOiJIUzI1NiJ9.e30.sig']) {
      await expect(states.verifyStateParam(new Date(), junk)).rejects.toMatchObject({ code: 'slack_oauth_invalid_state' });
    }
    // None of the refusals used up the good state.
    expect(await states.verifyStateParam(new Date(), good)).toEqual(options);
  });

  it('shares states between replicas through the store', async () => {
    const store = memoryStore().store;
    const state = await new KeyvStateStore(store, 'secret-0123456789abcdef').generateStateParam(options, new Date());
    expect(await new KeyvStateStore(store, 'secret-0123456789abcdef').verifyStateParam(new Date(), state)).toEqual(options);
  });
});

describe('KeyvInstallationStore', () => {
  it('stores, fetches and deletes a workspace installation by team', async () => {
    const installations = new KeyvInstallationStore(memoryStore().store);
    await installations.storeInstallation(installation('T1'));
    const query = { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false };
    expect((await installations.fetchInstallation(query)).bot?.token).toBe('xoxb-T1');
    await installations.deleteInstallation(query);
    await expect(installations.fetchInstallation(query)).rejects.toBeInstanceOf(NoInstallationError);
    await expect(installations.fetchInstallation({ teamId: 'T2', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(/not installed in Slack team T2/);
  });

  it('keys org-wide installs by enterprise, serves the org\'s workspaces from it, and prefers a workspace\'s own install', async () => {
    const installations = new KeyvInstallationStore(memoryStore().store);
    await installations.storeInstallation(installation(undefined, 'E1', true));
    expect(installationKey({ enterpriseId: 'E1', isEnterpriseInstall: true })).toBe('slack-installation:enterprise:E1');
    expect((await installations.fetchInstallation({ teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true })).bot?.token).toBe('xoxb-E1');
    expect((await installations.find({ teamId: 'T5', enterpriseId: 'E1' }))?.bot?.token).toBe('xoxb-E1');
    await installations.storeInstallation(installation('T5', 'E1'));
    expect((await installations.find({ teamId: 'T5', enterpriseId: 'E1' }))?.bot?.token).toBe('xoxb-T5');
    // Deleting the workspace's install leaves the org's.
    await installations.deleteInstallation({ teamId: 'T5', enterpriseId: 'E1', isEnterpriseInstall: false });
    expect((await installations.find({ teamId: 'T5', enterpriseId: 'E1' }))?.bot?.token).toBe('xoxb-E1');
    await expect(installations.storeInstallation(installation(undefined))).rejects.toThrow(/without a team/);
  });
});

describe('Slack OAuth routes', () => {
  it('asks for the bot scopes of manifest.json', () => {
    const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../manifest.json'), 'utf8')) as { oauth_config: { scopes: { bot: string[] } } };
    expect([...SLACK_BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it('answers /slack/install with a 302 to Slack, a one-time state and a matching HttpOnly cookie, uncached', async () => {
    const store = memoryStore().store;
    const oauth = createSlackOAuth({ clientId: 'C1', clientSecret: 'S1', stateSecret: 'secret-0123456789abcdef', store, log: createLogger({ level: 'silent' }) });
    const response = await oauth.routes.request('http://recap.test/slack/install');
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('redirect_uri')).toBeNull();
    const state = location.searchParams.get('state')!;
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^slack-app-oauth-state=${state.replace(/[.-]/g, '\\$&')}; Secure; HttpOnly; Path=/; Max-Age=600`));
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('escapes what Slack sends back in the error page', async () => {
    const store = memoryStore().store;
    const oauth = createSlackOAuth({ clientId: 'C1', clientSecret: 'S1', stateSecret: 'secret-0123456789abcdef', store, log: createLogger({ level: 'silent' }) });
    const response = await oauth.routes.request('http://recap.test/slack/oauth_redirect?code=<b>x</b>&state=<script>');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('Nothing was installed');
  });
});

describe('Slack token scope', () => {
  it('gives the token of the work in progress, through awaits, else the fallback', async () => {
    expect(slackUploadAuthorization()).toBeUndefined();
    expect(slackUploadAuthorization('xoxb-one')).toEqual({ authorization: 'Bearer xoxb-one' });
    const seen = await withSlackToken('xoxb-team', async () => {
      await new Promise((r) => setTimeout(r, 1));
      return slackUploadAuthorization('xoxb-one');
    });
    expect(seen).toEqual({ authorization: 'Bearer xoxb-team' });
    expect(currentSlackToken()).toBeUndefined();
  });
});
