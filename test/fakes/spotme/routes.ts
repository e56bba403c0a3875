/**
 * The SpotMe fake's HTTP surface, at the paths providers.md assumes under `/api/v2/workspace`: trigger generation,
 * read a job, read recordings (signed, expiring links), list ended sessions and breakouts (our assumed listing),
 * and the signed files themselves. Bearer auth and the rate limit sit in front of the API; files need only
 * their signature, like a CDN's.
 */
import { Hono, type Context } from 'hono';
import type { RateLimiter } from './rate-limit.ts';
import type { FakeTarget, SpotMeWorld, TargetKind } from './world.ts';

export const SPOTME_FAKE_PREFIX = '/api/v2/workspace';

export interface RouteOptions {
  token: string;
  workspaceId: string;
  limiter: RateLimiter;
  /** Where file links point: the fake's own origin, or a CDN's. */
  linkOrigin: () => string;
  pageSize: () => number;
}

const SEGMENT: Record<TargetKind, string> = { session: 'live-sessions', breakout: 'breakouts' };

/** Serves signed files: 403 for an unknown or expired signature. Shared by the API origin and the fake CDN. */
export function serveFile(world: SpotMeWorld) {
  return (c: Context): Response => {
    const file = world.file(c.req.query('sig'));
    if (file === 'forbidden') return c.json({ error: 'forbidden', message: 'Invalid signature' }, 403);
    if (file === 'expired') return c.json({ error: 'link_expired', message: 'This link has expired' }, 403);
    return new Response(file.content, { status: 200, headers: { 'content-type': file.contentType } });
  };
}

export function createSpotMeRoutes(world: SpotMeWorld, options: RouteOptions): Hono {
  const app = new Hono();
  app.use('*', options.limiter.middleware);
  app.get('/files/:name', serveFile(world));

  const api = new Hono();
  api.use('/:ws/*', async (c, next) => {
    if (c.req.header('authorization') !== `Bearer ${options.token}`) {
      return c.json({ error: 'unauthorized', message: 'Missing or invalid API token' }, 401);
    }
    if (c.req.param('ws') !== options.workspaceId) return c.json({ error: 'workspace_not_found', message: 'Unknown workspace' }, 404);
    world.settle();
    return next();
  });

  for (const kind of ['session', 'breakout'] as const) {
    const base = `/:ws/${SEGMENT[kind]}`;
    api.post(`${base}/:id/recordings`, async (c) => {
      const body = await readJson(c);
      if (body === undefined) return c.json({ error: 'bad_request', message: 'Body must be a JSON object' }, 400);
      const { glossaryId, languageCode } = body;
      if ((glossaryId !== undefined && typeof glossaryId !== 'string') || (languageCode !== undefined && typeof languageCode !== 'string')) {
        return c.json({ error: 'bad_request', message: 'glossaryId and languageCode must be strings' }, 400);
      }
      const target = world.find(kind, c.req.param('id'));
      if (!target) return c.json({ error: 'not_found', message: `No such ${kind}` }, 404);
      if (!target.vod) {
        const message = kind === 'session' ? 'The VOD of this live session is not available yet' : 'This video breakout has not finished';
        return c.json({ error: kind === 'session' ? 'vod_not_available' : 'breakout_not_finished', message }, 404);
      }
      const job = world.createJob(target, glossaryId, languageCode);
      return c.json({ job_id: job.id, status: world.status(job) }, 202);
    });

    api.get(`${base}/:id/recordings`, (c) => {
      const recording = world.find(kind, c.req.param('id'))?.recording;
      if (!recording) return c.json({ error: 'not_found', message: 'No recording has been generated' }, 404);
      return c.json({
        ...world.issueLinks(recording, options.linkOrigin()),
        glossary_id: recording.glossaryId ?? null,
        generated_at: new Date(recording.generatedAt).toISOString(),
        // Not documented by SpotMe; the fake sends it only when a language was asked for, to exercise both paths.
        ...(recording.languageCode ? { language_code: recording.languageCode } : {}),
      });
    });

    api.get(base, (c) => {
      const status = c.req.query('status');
      const all = [...world.targets.values()].filter((t) => t.kind === kind && (status !== 'ended' || t.ended));
      const start = Number(/^c(\d+)$/.exec(c.req.query('cursor') ?? '')?.[1] ?? 0);
      const page = all.slice(start, start + options.pageSize());
      const next = start + page.length < all.length ? `c${start + page.length}` : null;
      return c.json({ items: page.map(listItem), next_cursor: next });
    });
  }

  api.get('/:ws/jobs/:jobId', (c) => {
    const job = world.jobs.get(c.req.param('jobId'));
    if (!job) return c.json({ error: 'not_found', message: 'No such job' }, 404);
    const status = world.status(job);
    return c.json({
      job_id: job.id,
      status,
      ...(status === 'failed' ? { error: 'Transcription failed: the recording has no audio track' } : {}),
    });
  });

  app.route(SPOTME_FAKE_PREFIX, api);
  return app;
}

function listItem(target: FakeTarget) {
  return {
    id: target.id,
    title: target.title,
    ended_at: target.endedAt === undefined ? null : new Date(target.endedAt).toISOString(),
    vod_available: target.vod,
  };
}

/** The trigger's JSON body; an empty body counts as `{}`. Undefined when it is not a JSON object. */
async function readJson(c: Context): Promise<Record<string, unknown> | undefined> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
