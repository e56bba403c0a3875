/**
 * Counts the HTTP calls one full recap costs at each provider, through the real CLI, router and clients against
 * the fakes. Jobs on the fakes take a few poll intervals, so the poll count is part of the figure.
 */
import { cli } from '../../adapters/cli/cli.ts';
import { startAssemblyAiFake } from '../../test/fakes/assemblyai.ts';
import type { FakeServer } from '../../test/fakes/fake-provider-server.ts';
import { startMemoriesFake } from '../../test/fakes/memories.ts';
import { PICTORY_FAKE_KEY, startPictoryFake } from '../../test/fakes/pictory.ts';
import { startSpotMeFake } from '../../test/fakes/spotme.ts';

/** Jobs advance every STEP_MS; Recap polls from POLL_MS upward, so a job costs a handful of polls, as in life. */
const STEP_MS = 200;
const POLL_MS = 100;

export interface CallCount {
  provider: string;
  command: string;
  calls: number;
  byEndpoint: Record<string, number>;
}

async function count(provider: string, args: string[], fake: FakeServer, env: Record<string, string>): Promise<CallCount> {
  let stderr = '';
  const code = await cli([...args, '--json'], {
    stdout: () => undefined,
    stderr: (t) => (stderr += t),
    env,
    cwd: process.cwd(),
    overrides: { providerOverrides: { pacing: { initialMs: POLL_MS, maxMs: POLL_MS * 4 }, pictoryPollIntervalMs: 0 } },
  });
  if (code !== 0) throw new Error(`${provider}: recap failed: ${stderr}`);
  const byEndpoint: Record<string, number> = {};
  for (const r of fake.requests) {
    const key = `${r.method} ${r.path.replace(/\/(VI|PI-)?[0-9a-f-]{6,}[^/]*/gi, '/{id}')}`;
    byEndpoint[key] = (byEndpoint[key] ?? 0) + 1;
  }
  await fake.close();
  return { provider, command: `recap ${args.join(' ')}`, calls: fake.requests.length, byEndpoint };
}

export async function callsPerRecap(): Promise<CallCount[]> {
  const results: CallCount[] = [];
  const aai = await startAssemblyAiFake({ stepMs: STEP_MS });
  results.push(await count('AssemblyAI', ['https://media.example.com/standup.mp4', 'summary', 'chapters', 'phrases', 'highlights', 'captions', '--provider', 'assemblyai'], aai, { ASSEMBLYAI_API_KEY: aai.apiKey, ASSEMBLYAI_BASE_URL: aai.url }));
  const mem = await startMemoriesFake({ stepMs: STEP_MS });
  results.push(await count('Memories.ai', ['https://media.example.com/standup.mp4', 'summary', 'chapters', 'phrases', 'highlights', 'captions', '--provider', 'memories'], mem, { MEMORIES_API_KEY: mem.apiKey, MEMORIES_BASE_URL: mem.url }));
  const pic = await startPictoryFake({ stepMs: STEP_MS });
  results.push(await count('Pictory', ['https://media.example.com/standup.mp4', 'summary', 'chapters', 'phrases', 'highlights', 'captions', '--provider', 'pictory'], pic, { PICTORY_API_KEY: PICTORY_FAKE_KEY, PICTORY_BASE_URL: pic.baseUrl }));
  const spot = await startSpotMeFake({ stepMs: STEP_MS });
  spot.addSession('bench-session', { vod: true, title: 'Bench keynote' });
  results.push(await count('SpotMe', ['session:bench-session', 'summary', 'chapters', 'phrases', 'highlights', 'captions'], spot, { SPOTME_API_TOKEN: spot.token, SPOTME_BASE_URL: spot.baseUrl, SPOTME_WORKSPACE_ID: spot.workspaceId }));
  return results;
}

export const CALLS_SETUP = `fake jobs advance every ${STEP_MS} ms; Recap polls from ${POLL_MS} ms, growing ×1.6 to ${POLL_MS * 4} ms`;
