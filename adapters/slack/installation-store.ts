/**
 * Slack installations (one per workspace, or one per Enterprise Grid org for org-wide installs) kept in Recap's keyv
 * store, so every replica sees an installation the moment the OAuth redirect stored it. It implements
 * `@slack/oauth`'s `InstallationStore`: `InstallProvider#handleCallback` stores, `InstallProvider#authorize` (Bolt's
 * `authorize`) fetches, and the `app_uninstalled` / `tokens_revoked` listeners delete.
 *
 * Keys: `slack-installation:team:<team id>` for a workspace install (team ids are unique across Slack, Grid
 * included) and `slack-installation:enterprise:<enterprise id>` for an org-wide install. A workspace of a Grid org
 * without its own installation falls back to its org's. Entries never expire: they go when Slack says the app was
 * uninstalled or its bot token revoked. They hold the bot token in clear, like everything in the store: protect the
 * SQLite file or the Redis instance accordingly.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { Store } from '../../src/store.ts';

const PREFIX = 'slack-installation';

/** What an installation or a query is keyed by. */
export interface InstallationKeyParts {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/** The store key of an installation: the org's for org-wide installs, the workspace's otherwise. */
export function installationKey(parts: InstallationKeyParts): string | undefined {
  if (parts.isEnterpriseInstall) return parts.enterpriseId ? `${PREFIX}:enterprise:${parts.enterpriseId}` : undefined;
  if (parts.teamId) return `${PREFIX}:team:${parts.teamId}`;
  // No team (some Grid payloads): only an org-wide install can serve it.
  return parts.enterpriseId ? `${PREFIX}:enterprise:${parts.enterpriseId}` : undefined;
}

/** Thrown by {@link KeyvInstallationStore.fetchInstallation} when there is none; `authorize` turns it into an AuthorizationError. */
export class NoInstallationError extends Error {
  constructor(parts: InstallationKeyParts) {
    const where = parts.isEnterpriseInstall ? `org ${parts.enterpriseId ?? '?'}` : `team ${parts.teamId ?? '?'}${parts.enterpriseId ? ` (org ${parts.enterpriseId})` : ''}`;
    super(`Recap is not installed in Slack ${where}.`);
    this.name = 'NoInstallationError';
  }
}

export class KeyvInstallationStore implements InstallationStore {
  constructor(private readonly store: Store) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const key = installationKey({
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall,
    });
    if (!key) throw new Error('A Slack installation without a team or an enterprise id cannot be stored.');
    await this.store.set(key, installation);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const found = await this.find(query);
    if (!found) throw new NoInstallationError(query);
    return found;
  }

  /** Like {@link fetchInstallation}, but `undefined` when there is none. */
  async find(query: InstallationKeyParts): Promise<Installation<'v1' | 'v2', boolean> | undefined> {
    const key = installationKey(query);
    const direct = key ? ((await this.store.get(key)) as Installation | undefined) : undefined;
    if (direct) return direct;
    // A workspace of a Grid org where Recap was installed org-wide.
    if (!query.isEnterpriseInstall && query.teamId && query.enterpriseId) {
      return (await this.store.get(installationKey({ enterpriseId: query.enterpriseId, isEnterpriseInstall: true })!)) as Installation | undefined;
    }
    return undefined;
  }

  /** Deletes the installation the query names (not its org's: uninstalling from one workspace leaves the org install). */
  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = installationKey(query);
    if (key) await this.store.delete(key);
  }
}
