/**
 * The one Hono app for everything HTTP: health, stable caption links, and (in later versions) Slack, Discord and
 * provider callbacks, each mounted as its own routes.
 */
import { Hono } from 'hono';
import type { CaptionLinks } from '../captions/caption-links.ts';
import type { MediaLinks } from '../captions/media-links.ts';
import type { ForegroundGate } from '../jobs/foreground-first.ts';
import type { Logger } from '../log.ts';
import type { ProviderSet } from '../providers/provider-set.ts';
import type { Store } from '../store.ts';
import { captionRoutes } from './caption-routes.ts';
import { mediaRoutes } from './media-routes.ts';
import { contentLengthLimit } from './size-limit.ts';

/** Nothing Recap receives over HTTP is bigger than a Slack event; media never comes in this way. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

export interface AppDeps {
  store: Store;
  captions: CaptionLinks;
  /** Stable media links (`/media/<token>`), where a server runs with a provider whose media URLs expire. */
  media?: MediaLinks;
  /** Configured providers: caption links ask the one that made a transcript for its own SRT/VTT. */
  providers?: ProviderSet;
  log: Logger;
  /** Extra route groups (chat adapters, provider callbacks) mounted at the root. */
  routes?: Hono[];
  /** Every request is marked in flight here, so jobs starting in the background wait their turn (foreground-first.ts). */
  foreground?: ForegroundGate;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const { foreground } = deps;
  if (foreground) app.use('*', (_c, next) => foreground.during(next));
  app.use('*', contentLengthLimit(MAX_REQUEST_BYTES));
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    try {
      // A write and a read prove the store answers, not just that it was opened.
      await deps.store.set('readyz', Date.now(), 60_000);
      await deps.store.get('readyz');
      return c.json({ ok: true });
    } catch (error) {
      deps.log.warn('readiness check failed', { error });
      return c.json({ ok: false, reason: 'store unavailable' }, 503);
    }
  });
  app.route('/', captionRoutes(deps.captions, { ...(deps.providers ? { providers: deps.providers } : {}), log: deps.log }));
  if (deps.media) app.route('/', mediaRoutes(deps.media, deps.log));
  for (const routes of deps.routes ?? []) app.route('/', routes);
  app.notFound((c) => c.text('Not found.', 404));
  app.onError((error, c) => {
    // Link tokens are the links' only key: the path is logged without them.
    deps.log.error('request failed', { path: c.req.path.replace(/^\/(captions|media)\/.*/, '/$1/…'), error });
    return c.text('Internal error.', 500);
  });
  return app;
}
