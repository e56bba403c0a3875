/**
 * A fake SpotMe API on the shared fault-injecting harness, implementing the paths providers.md assumes (SpotMe
 * does not publish them): Bearer auth, generation jobs that advance every `stepMs`, recordings with signed links
 * that expire (6 h by default, or already expired on demand), the files themselves (on the fake's own origin, or
 * on a second "CDN" server: {@link startSpotMeCdn}), its own 3 req/s burst-5 limit, and listings of ended
 * sessions and breakouts.
 */
import { Hono } from 'hono';
import { startFakeServer, type FakeServer } from './fake-provider-server.ts';
import { createRateLimiter, type FakeRateLimit } from './spotme/rate-limit.ts';
import { createSpotMeRoutes, serveFile, SPOTME_FAKE_PREFIX } from './spotme/routes.ts';
import { createSlowBody, type SlowBodyRule } from './spotme/slow-body.ts';
import { SpotMeWorld, type FakeJob, type FakeTarget } from './spotme/world.ts';

export type { FakeJob, FakeTarget } from './spotme/world.ts';

export interface SpotMeFakeOptions {
  /** The one token the fake accepts. Default `spotme-test-token`. */
  token?: string;
  workspaceId?: string;
  /** Time in each job state (pending, then processing) before it completes. Default 50 ms. */
  stepMs?: number;
  port?: number;
  /** Put file links on this origin (a CDN started by the test) instead of the fake's own. */
  cdnOrigin?: string;
  /** The fake's own limit; `false` turns it off. Default 3/s, bursts of 5. */
  rate?: FakeRateLimit | false;
  /** Listing page size. Default 50. */
  pageSize?: number;
}

export interface SpotMeFake extends FakeServer {
  /** What a client's `baseUrl` should be: the fake's origin + `/api/v2/workspace`. */
  baseUrl: string;
  token: string;
  workspaceId: string;
  world: SpotMeWorld;
  /** A live session; `vod: true` lets a recording be generated. */
  addSession(id: string, options: { vod: boolean; title?: string; ended?: boolean; broken?: boolean; lines?: string[] }): FakeTarget;
  /** A video breakout; `ended: true` lets a recording be generated. */
  addBreakout(id: string, options: { ended: boolean; title?: string; broken?: boolean; lines?: string[] }): FakeTarget;
  /** Ends a session (its VOD becomes available) or a breakout. */
  finish(id: string): void;
  /** Makes every job for this target fail. */
  breakTarget(id: string): void;
  /** Gives a target a transcript that already exists (generated earlier, e.g. in Backstage). */
  seedRecording(id: string, options?: { glossaryId?: string; languageCode?: string; withoutVtt?: boolean }): void;
  /** The next `count` recordings reads hand out links that have already expired (the client must read again). */
  expireNextLinks(count?: number): void;
  /** How long fresh links live. Default 6 h. */
  setLinkTtl(ms: number): void;
  /** Points file links at a CDN origin (or back at the fake with `undefined`). */
  useCdn(origin: string | undefined): void;
  /** Trickles the body of the next matching response(s). */
  slowBody(rule: SlowBodyRule): void;
  jobs(): FakeJob[];
  /** Requests the fake's own rate limit refused with 429. */
  readonly limited: number;
}

/** Starts the fake on 127.0.0.1. Close it with `close()`. */
export async function startSpotMeFake(options: SpotMeFakeOptions = {}): Promise<SpotMeFake> {
  const token = options.token ?? 'spotme-test-token';
  const workspaceId = options.workspaceId ?? 'ws-test';
  const world = new SpotMeWorld(options.stepMs ?? 50);
  const limiter = createRateLimiter(options.rate ?? { perSecond: 3, burst: 5 });
  const slow = createSlowBody();
  let cdnOrigin = options.cdnOrigin;
  let ownOrigin = '';
  const pageSize = options.pageSize ?? 50;

  const app = new Hono();
  app.use('*', slow.middleware);
  app.route(
    '/',
    createSpotMeRoutes(world, { token, workspaceId, limiter, linkOrigin: () => cdnOrigin ?? ownOrigin, pageSize: () => pageSize }),
  );
  const server = await startFakeServer(app, options.port === undefined ? {} : { port: options.port });
  ownOrigin = server.url;

  const fake = Object.assign(server, {
    baseUrl: `${server.url}${SPOTME_FAKE_PREFIX}`,
    token,
    workspaceId,
    world,
    addSession: (id: string, o: { vod: boolean; title?: string; ended?: boolean; broken?: boolean; lines?: string[] }) =>
      world.add('session', id, o),
    addBreakout: (id: string, o: { ended: boolean; title?: string; broken?: boolean; lines?: string[] }) =>
      world.add('breakout', id, { ...o, vod: o.ended }),
    finish: (id: string) => world.finish(id),
    breakTarget: (id: string) => {
      world.require(id).broken = true;
    },
    seedRecording: (id: string, o: { glossaryId?: string; languageCode?: string; withoutVtt?: boolean } = {}) => {
      const target = world.require(id);
      const recording = world.generate(target, o.glossaryId, o.languageCode);
      if (o.withoutVtt) delete recording.vtt;
      target.recording = recording;
    },
    expireNextLinks: (count = 1) => {
      world.expiredReads += count;
    },
    setLinkTtl: (ms: number) => {
      world.linkTtlMs = ms;
    },
    useCdn: (origin: string | undefined) => {
      cdnOrigin = origin;
    },
    slowBody: (rule: SlowBodyRule) => slow.add(rule),
    jobs: () => [...world.jobs.values()],
  });
  // A getter, not a value: Object.assign would copy the count once and freeze it at zero.
  return Object.defineProperty(fake, 'limited', { get: () => limiter.limited, enumerable: true }) as SpotMeFake;
}

/**
 * A second server standing in for SpotMe's CDN: it serves the fake's signed files on another origin (so the
 * client must use the safe fetcher) and points the fake's links at itself. On the shared harness, so faults can
 * be injected on the CDN too.
 */
export async function startSpotMeCdn(fake: SpotMeFake, options: { port?: number } = {}): Promise<FakeServer> {
  const app = new Hono();
  const slow = createSlowBody();
  app.use('*', slow.middleware);
  app.get('/files/:name', serveFile(fake.world));
  const cdn = await startFakeServer(app, options.port === undefined ? {} : { port: options.port });
  fake.useCdn(cdn.url);
  return cdn;
}
