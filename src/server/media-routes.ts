/**
 * `GET /media/<token>`: the stable media links Recap hands out in place of provider URLs that expire. Each click is
 * a 302 to the URL the provider gives out now (see `captions/media-links.ts`). Chapter links add `#t=SECONDS`;
 * browsers keep a fragment across a redirect whose Location has none (RFC 9110 §10.2.2), so they still land on the
 * moment.
 */
import { Hono } from 'hono';
import type { MediaLinks } from '../captions/media-links.ts';
import type { Logger } from '../log.ts';
import { providerLabel } from '../sources/provider-required.ts';

export function mediaRoutes(media: MediaLinks, log: Logger): Hono {
  const app = new Hono();
  app.get('/media/:token', async (c) => {
    // Every answer changes with time (the provider's URL does): nothing may be kept by a browser or a proxy. And the
    // provider's host has no business learning where the click came from.
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    let outcome;
    try {
      outcome = await media.resolve(c.req.param('token'));
    } catch (error) {
      // Logged here, not by the app's error handler, which would log the path and with it the token.
      log.error('media link: the store failed', { error });
      return c.text('Recap could not open this link just now; try again in a minute.', 503);
    }
    switch (outcome.kind) {
      case 'redirect':
        return c.redirect(outcome.url, 302);
      case 'unknown':
        return c.text('No recording at this link. Check that the whole link was copied, or ask Recap for a new recap to get a fresh one.', 404);
      case 'gone':
        return c.text(`${providerLabel(outcome.provider)} no longer has this recording (it may have been deleted). Ask Recap for a new recap once it is back.`, 404);
      case 'failed':
        return c.text(`${providerLabel(outcome.provider)} did not hand over the recording just now; try again in a minute.`, 502);
      case 'unconfigured':
        return c.text(`This Recap is no longer connected to ${providerLabel(outcome.provider)}, so it cannot open the recording. Ask whoever runs Recap.`, 503);
    }
  });
  return app;
}
