/** `GET /captions/<token>.vtt|srt|txt`: the stable caption links Recap hands out in replies. */
import { Hono } from 'hono';
import { renderCaptions } from '../analysis/captions.ts';
import type { CaptionLinks } from '../captions/caption-links.ts';
import type { CaptionFormat } from '../domain/recap.ts';

const CONTENT_TYPES: Record<CaptionFormat, string> = {
  vtt: 'text/vtt; charset=utf-8',
  srt: 'application/x-subrip; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

export function captionRoutes(captions: CaptionLinks): Hono {
  const app = new Hono();
  app.get('/captions/:file', async (c) => {
    const match = /^([A-Za-z0-9_-]+)\.(vtt|srt|txt)$/.exec(c.req.param('file'));
    const notFound = () => c.text('No captions at this link. Ask Recap for a new recap to get fresh links.', 404);
    if (!match) return notFound();
    const [, token, format] = match as unknown as [string, string, CaptionFormat];
    const transcript = await captions.read(token);
    if (!transcript) return notFound();
    if (!transcript.timed && format !== 'txt') return notFound();
    const chars = Number(c.req.query('chars_per_caption'));
    const body = renderCaptions(transcript, format, Number.isInteger(chars) && chars >= 10 && chars <= 500 ? { charsPerCaption: chars } : {});
    return c.body(body, 200, {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': `inline; filename="recap.${format}"`,
      'Cache-Control': 'private, max-age=300',
      'X-Content-Type-Options': 'nosniff',
    });
  });
  return app;
}
