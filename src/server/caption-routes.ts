/**
 * `GET /captions/<token>.vtt|srt|txt`: the stable caption links Recap hands out in replies. SRT and VTT come from
 * the provider that made the transcript while it has them (AssemblyAI), else from the stored transcript; TXT always
 * from the store.
 */
import { Hono } from 'hono';
import { renderCaptions } from '../analysis/captions.ts';
import type { CaptionLinks } from '../captions/caption-links.ts';
import { providerCaptions } from '../captions/provider-captions.ts';
import type { CaptionFormat } from '../domain/recap.ts';
import type { Logger } from '../log.ts';
import type { ProviderSet } from '../providers/provider-set.ts';

const CONTENT_TYPES: Record<CaptionFormat, string> = {
  vtt: 'text/vtt; charset=utf-8',
  srt: 'application/x-subrip; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

export interface CaptionRouteOptions {
  /** The configured providers; a record whose provider renders captions is served from it. */
  providers?: ProviderSet;
  log?: Logger;
}

export function captionRoutes(captions: CaptionLinks, options: CaptionRouteOptions = {}): Hono {
  const app = new Hono();
  app.get('/captions/:file', async (c) => {
    const match = /^([A-Za-z0-9_-]+)\.(vtt|srt|txt)$/.exec(c.req.param('file'));
    const notFound = () => c.text('No captions at this link. Ask Recap for a new recap to get fresh links.', 404);
    if (!match) return notFound();
    const [, token, format] = match as unknown as [string, string, CaptionFormat];
    const record = await captions.read(token);
    if (!record) return notFound();
    const { transcript, handle } = record;
    const chars = Number(c.req.query('chars_per_caption'));
    const charsPerCaption = Number.isInteger(chars) && chars >= 10 && chars <= 500 ? chars : undefined;
    const fromProvider =
      format !== 'txt' && handle && options.providers
        ? await providerCaptions(handle, format, charsPerCaption, { providers: options.providers, ...(options.log ? { log: options.log } : {}) })
        : undefined;
    if (fromProvider === undefined && !transcript.timed && format !== 'txt') return notFound();
    const body = fromProvider ?? renderCaptions(transcript, format, charsPerCaption !== undefined ? { charsPerCaption } : {});
    return c.body(body, 200, {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': `inline; filename="recap.${format}"`,
      'Cache-Control': 'private, max-age=300',
      'X-Content-Type-Options': 'nosniff',
    });
  });
  return app;
}
