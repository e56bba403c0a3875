/**
 * The OAuth `state` parameter (CSRF protection of the install flow), kept server-side in Recap's keyv store so any
 * replica can finish a flow another started, and usable once: `@slack/oauth`'s `StateStore`.
 *
 * A state is `<random id>.<HMAC-SHA256 of the id with SLACK_STATE_SECRET>`: a forged or altered state is refused
 * before the store is even asked. The install options travel in the store entry, never in the URL. An entry lives
 * ten minutes (the store's TTL, and its own timestamp checked again); verifying deletes it, and only the caller whose
 * delete removed it gets the options, so a replayed state fails even when two replicas race (Redis DEL is atomic).
 * InstallProvider also binds the state to the browser with a cookie, checked before this store is asked.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { InvalidStateError, type InstallURLOptions, type StateStore } from '@slack/oauth';
import type { Store } from '../../src/store.ts';

export const STATE_TTL_MS = 10 * 60 * 1000;
const PREFIX = 'slack-oauth-state';

interface SavedState {
  createdAt: number;
  installOptions: InstallURLOptions;
}

export class KeyvStateStore implements StateStore {
  constructor(
    private readonly store: Store,
    private readonly secret: string,
    private readonly ttlMs: number = STATE_TTL_MS,
  ) {
    if (!secret) throw new Error('SLACK_STATE_SECRET is empty.');
  }

  private sign(id: string): string {
    return createHmac('sha256', this.secret).update(`slack-oauth-state:${id}`).digest('base64url');
  }

  async generateStateParam(installOptions: InstallURLOptions, now: Date): Promise<string> {
    const id = randomBytes(24).toString('base64url');
    const saved: SavedState = { createdAt: now.getTime(), installOptions };
    await this.store.set(`${PREFIX}:${id}`, saved, this.ttlMs);
    return `${id}.${this.sign(id)}`;
  }

  async verifyStateParam(now: Date, state: string): Promise<InstallURLOptions> {
    const match = /^([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{43})$/.exec(state);
    const expected = match ? Buffer.from(this.sign(match[1]!)) : undefined;
    const given = match ? Buffer.from(match[2]!) : undefined;
    if (!match || !expected || !given || expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new InvalidStateError('The state parameter was not issued by this Recap.');
    }
    const key = `${PREFIX}:${match[1]}`;
    const saved = (await this.store.get(key)) as SavedState | undefined;
    // One use: whoever deletes the entry first wins; everyone else is refused.
    if (!saved || !(await this.store.delete(key))) throw new InvalidStateError('The state parameter expired or was already used.');
    if (now.getTime() - saved.createdAt > this.ttlMs) throw new InvalidStateError('The state parameter expired.');
    return saved.installOptions;
  }
}
