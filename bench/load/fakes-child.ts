/**
 * The load bench's fakes, in their own process (neither the server measured nor the load generator shares an event
 * loop with them): the fake Slack (`test/fakes/slack.ts`, with its own chat.postMessage limit per channel) and the
 * fake AssemblyAI (`test/fakes/assemblyai.ts`, optionally answering a fraction of its calls with a 5xx), both on
 * 127.0.0.1. Forked with an IPC channel; options come as one JSON argument ({@link FakesOptions}).
 *
 * What it answers (`stats`): Slack Web API calls by method and HTTP status, the 429s the fake's own limit gave,
 * messages posted per thread (so the bench can check every event got one status message and at most one recap),
 * and AssemblyAI calls by status. The fakes keep every request in their logs; a load run makes hundreds of
 * thousands, so this process tallies answered requests every second and drops them from the logs, and forgets a
 * finished transcript a minute after Recap read its sentences (its last read).
 */
import { startAssemblyAiFake } from '../../test/fakes/assemblyai.ts';
import type { LoggedRequest } from '../../test/fakes/fake-provider-server.ts';
import { startSlackFake, type PostRate } from '../../test/fakes/slack.ts';

export interface FakesOptions {
  botToken: string;
  /** The fake Slack's chat.postMessage limit per channel (Slack: about 1/s). */
  postRate: PostRate | false;
  aaiStepMs: number;
  aaiErrorRate: number;
}

export interface ThreadCount {
  /** `channel thread_ts` (the thread the event asked from; `channel -` for top-level messages). */
  key: string;
  /** Messages chat.update edited (the status message always is: queued → … → done or failed). */
  status: number;
  /** Messages never edited (the recap). */
  replies: number;
}

export interface FakesStats {
  slackCalls: Record<string, Record<string, number>>;
  /** chat.postMessage calls the fake's per-channel limit refused with 429. */
  slackLimited: number;
  messages: number;
  uploads: number;
  /** Only when asked with `threads`. */
  threads?: ThreadCount[];
  aaiCalls: Record<string, Record<string, number>>;
  aaiTranscripts: number;
  rssBytes: number;
  aaiErrorRate: number;
}

export type FakesRequest = { type: 'stats'; id: number; threads?: boolean } | { type: 'errorRate'; id: number; aaiErrorRate: number };

const options = JSON.parse(process.argv[2] ?? '{}') as FakesOptions;
const slack = await startSlackFake({ botToken: options.botToken, teamId: 'T1', botUserId: 'UBOT', botId: 'BBOT', postRate: options.postRate });
// The fake reads errorRate at every request: `errorRate` messages change it while it runs.
const aaiOptions = { stepMs: options.aaiStepMs, errorRate: options.aaiErrorRate };
const aai = await startAssemblyAiFake(aaiOptions);

const slackCalls: FakesStats['slackCalls'] = {};
const aaiCalls: FakesStats['aaiCalls'] = {};
const forget = new Map<string, number>();

/** Counts answered requests by a short route name and status, and drops them from the fake's log. */
function tally(log: LoggedRequest[], into: Record<string, Record<string, number>>, route: (r: LoggedRequest) => string, onAnswered?: (r: LoggedRequest) => void): void {
  const kept: LoggedRequest[] = [];
  for (const r of log) {
    if (r.status === undefined) {
      kept.push(r);
      continue;
    }
    const name = route(r);
    const byStatus = (into[name] ??= {});
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    onAnswered?.(r);
  }
  log.length = 0;
  log.push(...kept);
}

const slackRoute = (r: LoggedRequest) => (r.path.startsWith('/api/') ? r.path.slice(5) : r.path.startsWith('/upload/') ? 'upload' : r.path.split('/')[1] ?? r.path);
const aaiRoute = (r: LoggedRequest) => `${r.method} ${r.path.replace(/\/v2\/transcript\/[0-9a-f-]{36}/, '/v2/transcript/:id')}`;

function sweep(): void {
  tally(slack.requests, slackCalls, slackRoute);
  tally(aai.requests, aaiCalls, aaiRoute, (r) => {
    const m = /^\/v2\/transcript\/([0-9a-f-]{36})\/sentences$/.exec(r.path);
    if (m && r.status === 200) forget.set(m[1]!, Date.now() + 60_000);
  });
  const now = Date.now();
  for (const [id, at] of forget) {
    if (at > now) continue;
    aai.transcripts.delete(id);
    forget.delete(id);
  }
}
const sweeper = setInterval(sweep, 1000);

function threads(): ThreadCount[] {
  const byThread = new Map<string, ThreadCount>();
  for (const m of slack.messages()) {
    const key = `${m.channel} ${m.thread_ts ?? '-'}`;
    let t = byThread.get(key);
    if (!t) byThread.set(key, (t = { key, status: 0, replies: 0 }));
    if (m.edited) t.status += 1;
    else t.replies += 1;
  }
  return [...byThread.values()];
}

process.on('message', (request: FakesRequest) => {
  if (request.type === 'errorRate') aaiOptions.errorRate = request.aaiErrorRate;
  sweep();
  const stats: FakesStats = {
    slackCalls,
    slackLimited: slack.limited,
    messages: slack.messages().length,
    uploads: slack.uploads.length,
    ...(request.type === 'stats' && request.threads ? { threads: threads() } : {}),
    aaiCalls,
    aaiTranscripts: aai.transcripts.size,
    rssBytes: process.memoryUsage().rss,
    aaiErrorRate: aaiOptions.errorRate,
  };
  process.send?.({ id: request.id, stats });
});

process.once('SIGTERM', () => {
  clearInterval(sweeper);
  void Promise.all([slack.close(), aai.close()]).then(() => process.exit(0));
});
process.send?.({ ready: true, slackApiUrl: slack.apiUrl, aaiUrl: aai.url, aaiKey: aai.apiKey });
// The bench went away (killed, or crashed): do not outlive it.
process.once('disconnect', () => process.exit(0));
