/**
 * Recordings made elsewhere (issue 7, `/recap subscribe webhook`) through the real Discord adapter: a channel manager
 * gets, privately, a secret callback URL per provider; a team's own pipeline creates jobs directly at the AssemblyAI,
 * Memories.ai and Pictory fakes with that URL (as it would, with Recap's account), and each finished recording is
 * recapped in the channel exactly once, however many times its callback arrives. Everything is real HTTP on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { CALLBACK_AUTH_HEADER } from '../../src/jobs/callbacks.ts';
import { createLogger } from '../../src/log.ts';
import { channelHookJobId } from '../../src/subscriptions/channel-hook-jobs.ts';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { startDiscordFake, type DiscordFake, type DiscordMessage } from '../fakes/discord.ts';
import { startMemoriesFake, type MemoriesFake } from '../fakes/memories.ts';
import { startPictoryFake, type PictoryFake } from '../fakes/pictory.ts';
import { ALICE, recapMessages } from '../support/discord-recap.ts';
import { settle, until } from '../support/slack-requests.ts';
import { freePort } from '../support/free-port.ts';

let discord: DiscordFake;
let aai: AssemblyAiFake;
let memories: MemoriesFake;
let pictory: PictoryFake;
let recap: RunningRecap;
let base: string;

beforeAll(async () => {
  discord = await startDiscordFake();
  aai = await startAssemblyAiFake({ stepMs: 150 });
  memories = await startMemoriesFake({ stepMs: 150, rate: false });
  pictory = await startPictoryFake({ stepMs: 150 });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    PORT: String(port),
    PUBLIC_URL: base,
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    ASSEMBLYAI_API_KEY: aai.apiKey,
    ASSEMBLYAI_BASE_URL: aai.url,
    MEMORIES_API_KEY: memories.apiKey,
    MEMORIES_BASE_URL: memories.baseUrl,
    PICTORY_API_KEY: pictory.apiKey,
    PICTORY_BASE_URL: pictory.baseUrl,
  });
  recap = await bootRecap(config, {
    log: createLogger({ level: process.env.TEST_LOG ? 'debug' : 'silent' }),
    memory: true,
    hostname: '127.0.0.1',
    overrides: { providerOverrides: { pacing: { initialMs: 50, maxMs: 200 }, pictoryPollIntervalMs: 50 } },
  });
  await discord.waitFor(() => discord.identifyCount >= 1, 10_000);
});
afterAll(async () => {
  await recap?.stop();
  await Promise.all([aai?.close(), memories?.close(), pictory?.close()]);
  await discord?.close();
});

const channel = () => discord.channelIds[0]!;
/** Manage Channels (1 << 4). */
const MANAGER = '16';

/** `/recap <words>` from a member with these permissions; the interaction's initial response as the fake got it. */
async function command(words: string, permissions: string) {
  const interaction = discord.sendInteractionCreate({ data: { name: 'recap', options: [{ name: 'ref', type: 3, value: words }] }, member: { permissions } });
  const response = await until(() => discord.interactionResponses.find((r) => r.interactionId === interaction.id), 'the answer');
  const data = (response.data ?? {}) as { content?: string; flags?: number };
  // Discord shows escaped markdown without its backslashes; so does this.
  return { content: String(data.content ?? '').replace(/\\([^0-9A-Za-z\s])/g, '$1'), flags: data.flags };
}

interface Secrets {
  assemblyai: string;
  memories: string;
  pictory: string;
  header: string;
}

/** The URLs and the header value the answer gives, one per provider. */
function secretsIn(content: string): Secrets {
  const url = (provider: string) => new RegExp(`${base.replace(/[.:/]/g, '\\$&')}/hooks/${provider}/channel/[A-Za-z0-9_-]{24}`).exec(content)?.[0];
  const header = /webhook_auth_header_value: ([A-Za-z0-9_-]{24})/.exec(content)?.[1];
  const secrets = { assemblyai: url('assemblyai'), memories: url('memories'), pictory: url('pictory'), header };
  for (const [name, value] of Object.entries(secrets)) if (!value) throw new Error(`no ${name} in the answer:\n${content}`);
  return secrets as Secrets;
}

const tokenOf = (url: string) => url.split('/').pop()!;
/** A message's text and embeds as a reader sees them (secrets are base64url: only `_` gets a markdown escape). */
const readable = (m: DiscordMessage) => `${m.content}${JSON.stringify(m.embeds)}`.replace(/\\+(?=_)/g, '');
/** Whether a message the bot posted where others read (not an ephemeral, flags 64) holds the secret. */
const publiclyShown = (secret: string) => discord.botMessages().some((m) => (m.flags & 64) === 0 && readable(m).includes(secret));

/** The status messages and recaps posted in the channel for one provider job. */
function postsFor(providerJobId: string) {
  const statuses = discord.botMessages(channel()).filter((m) => m.content.includes(providerJobId));
  const threads = discord.threads.filter((t) => t.parent_id === channel() && (t.name ?? '').includes(providerJobId));
  return { statuses, threads, recaps: threads.flatMap((t) => recapMessages(discord, t.id)) };
}

/** Waits for the provider job's status to reach its end, then checks nothing more comes. */
async function expectOnePost(providerJobId: string, final: RegExp) {
  await until(() => postsFor(providerJobId).statuses.find((m) => final.test(m.content)), `the final status of ${providerJobId}`, 20_000);
  await settle(800);
  const { statuses, threads, recaps } = postsFor(providerJobId);
  expect(statuses).toHaveLength(1);
  return { status: statuses[0]!, threads, recaps };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** A transcript the team's own pipeline creates at AssemblyAI, pointing its webhook at the channel. */
async function pipelineTranscript(secrets: Secrets, audioUrl = 'https://media.example.com/all-hands.mp3'): Promise<string> {
  const response = await post(
    `${aai.url}/v2/transcript`,
    { audio_url: audioUrl, webhook_url: secrets.assemblyai, webhook_auth_header_name: CALLBACK_AUTH_HEADER, webhook_auth_header_value: secrets.header },
    { authorization: aai.apiKey },
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

let secrets: Secrets;

describe('/recap subscribe webhook in Discord', () => {
  it('a member who does not manage the channel is refused, privately, and nothing is created', async () => {
    const answer = await command('subscribe webhook', '0');
    expect(answer.flags).toBe(64);
    expect(answer.content).toMatch(/Only channel managers and admins/);
    expect(answer.content).not.toContain('/hooks/');
    expect((await command('subscriptions', '0')).content).toMatch(/no automatic recaps/);
  });

  it('an @mention is told to use the slash command, shows no secret and creates nothing', async () => {
    const mention = discord.sendMessageCreate({ authorId: ALICE, content: 'subscribe webhook', mentionsBot: true });
    const reply = await until(
      () => discord.botMessages(channel()).find((m) => (m.message_reference as { message_id?: string } | undefined)?.message_id === mention.id),
      'the reply under the mention',
    );
    expect(reply.content).toMatch(/slash command/);
    expect(reply.content).not.toContain('/hooks/');
    expect((await command('subscriptions', '0')).content).toMatch(/no automatic recaps/);
  });

  it('a manager gets the URL per provider and the AssemblyAI header, visible to them only (flags 64)', async () => {
    const answer = await command('subscribe webhook --lang en', MANAGER);
    expect(answer.flags).toBe(64);
    secrets = secretsIn(answer.content);
    expect(answer.content).toContain(`webhook_auth_header_name: ${CALLBACK_AUTH_HEADER}`);
    expect(answer.content).toMatch(/Only you can see this/);
    expect(answer.content).toMatch(/own API key/);
    expect(answer.content).toMatch(/old URLs and header value stop working/);
    // One token for all three URLs, 144 bits; the header value is another secret.
    expect(new Set([tokenOf(secrets.assemblyai), tokenOf(secrets.memories), tokenOf(secrets.pictory)]).size).toBe(1);
    expect(secrets.header).not.toBe(tokenOf(secrets.assemblyai));
    expect(publiclyShown(tokenOf(secrets.assemblyai))).toBe(false);
    expect(publiclyShown(secrets.header)).toBe(false);
    // The fake keeps the ephemeral answer too: that is the only place the secret is.
    expect(discord.botMessages().filter((m) => readable(m).includes(tokenOf(secrets.assemblyai))).map((m) => m.flags & 64)).toEqual([64]);
    // Hashed at rest: neither secret is in the store.
    const stored = JSON.stringify(await recap.storeHandle.store.get(`chook:channel:discord:${channel()}`));
    expect(stored).not.toContain(tokenOf(secrets.assemblyai));
    expect(stored).not.toContain(secrets.header);
    // Listed without its secret, by anyone.
    const listed = await command('subscriptions', '0');
    expect(listed.content).toMatch(/webhook: recordings your own pipeline sends \(AssemblyAI, Memories\.ai, Pictory\) \(--lang en\)/);
    expect(listed.content).not.toContain(tokenOf(secrets.assemblyai));
  });

  it('an AssemblyAI transcript made by the team\'s pipeline is recapped in the channel once, although its callback comes 3 more times at once', { timeout: 30_000 }, async () => {
    const id = await pipelineTranscript(secrets);
    // Three copies at the same moment, before AssemblyAI's own delivery: one job between them.
    const copies = await Promise.all([1, 2, 3].map(() => post(secrets.assemblyai, { transcript_id: id, status: 'completed' }, { [CALLBACK_AUTH_HEADER]: secrets.header })));
    expect(copies.map((r) => r.status)).toEqual([200, 200, 200]);
    const delivered = await until(() => aai.webhooks.find((w) => w.transcriptId === id && w.responseStatus !== undefined), 'AssemblyAI\'s own callback');
    expect(delivered.responseStatus).toBe(200);
    const { status, threads, recaps } = await expectOnePost(id, /✅/);
    expect(status.channel_id).toBe(channel());
    expect(threads).toHaveLength(1);
    expect(recaps).toHaveLength(1);
    const job = await recap.jobs.get(channelHookJobId(`discord:${channel()}`, 'assemblyai', id));
    expect(job?.state).toBe('done');
    expect(job?.invocation).toMatchObject({ ref: { kind: 'provider', provider: 'assemblyai', id }, lang: 'en' });
  });

  it('a callback without the right AssemblyAI header gets 401 and posts nothing; a wrong token or provider gets 404; a body without a job 400', async () => {
    const id = '5551722-wrong-header';
    const wrong: Record<string, string>[] = [{}, { [CALLBACK_AUTH_HEADER]: '' }, { [CALLBACK_AUTH_HEADER]: `${secrets.header}x` }, { [CALLBACK_AUTH_HEADER]: tokenOf(secrets.assemblyai) }];
    for (const headers of wrong) {
      expect((await post(secrets.assemblyai, { transcript_id: id, status: 'completed' }, headers)).status).toBe(401);
    }
    const wrongToken = secrets.assemblyai.replace(/[A-Za-z0-9_-]{24}$/, 'A'.repeat(24));
    expect((await post(wrongToken, { transcript_id: id, status: 'completed' }, { [CALLBACK_AUTH_HEADER]: secrets.header })).status).toBe(404);
    expect((await post(secrets.memories.replace('/memories/', '/spotme/'), { videoNo: 'VI1' })).status).toBe(404);
    expect((await post(`${base}/hooks/memories/channel/short`, { videoNo: 'VI1' })).status).toBe(404);
    const bad = await post(secrets.memories, { video: 'VI1' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/videoNo/);
    expect((await post(secrets.pictory, { job_id: '../../etc' })).status).toBe(400);
    await settle(500);
    expect(postsFor(id).statuses).toHaveLength(0);
    expect(await recap.jobs.get(channelHookJobId(`discord:${channel()}`, 'assemblyai', id))).toBeUndefined();
  });

  it('a transcript that failed at AssemblyAI still makes one post: the failure, in the channel', { timeout: 30_000 }, async () => {
    const id = await pipelineTranscript(secrets, 'https://media.example.com/corrupt-recording.mp3');
    await until(() => aai.webhooks.find((w) => w.transcriptId === id && w.responseStatus === 200), 'the error callback accepted');
    expect(aai.webhooks.find((w) => w.transcriptId === id)?.status).toBe('error');
    const { recaps } = await expectOnePost(id, /failed|⚠️|❌/i);
    expect(recaps).toHaveLength(0);
  });

  it('a Memories.ai upload with the channel\'s callback is recapped in the channel once', { timeout: 30_000 }, async () => {
    const form = new URLSearchParams({ url: 'https://media.example.com/design-review.mp4', callback: secrets.memories, unique_id: 'default' });
    const response = await fetch(`${memories.baseUrl}/serve/api/v1/upload_url`, { method: 'POST', headers: { authorization: memories.apiKey }, body: form });
    const videoNo = ((await response.json()) as { data: { videoNo: string } }).data.videoNo;
    await until(() => memories.callbacks.find((c) => c.body.videoNo === videoNo), 'the Memories.ai callback');
    // Memories.ai's callbacks are unsigned: a copy is just another hint for the same job.
    expect((await post(secrets.memories, { videoNo, status: 'PARSE' })).status).toBe(200);
    const { recaps } = await expectOnePost(videoNo, /✅/);
    expect(recaps).toHaveLength(1);
  });

  it('a Pictory transcription job with the channel\'s webhook is recapped in the channel once', { timeout: 30_000 }, async () => {
    const response = await post(`${pictory.baseUrl}/v2/transcription`, { fileUrl: 'https://media.example.com/town-hall.mp4', mediaType: 'video', language: 'en', webhook: secrets.pictory }, { authorization: pictory.apiKey });
    const jobId = ((await response.json()) as { data: { jobId: string } }).data.jobId;
    await until(() => pictory.webhooks.find((w) => w.body.jobId === jobId), 'the Pictory webhook');
    // The body is undocumented: another shape naming the same job is the same job.
    expect((await post(secrets.pictory, { data: { job_id: jobId, status: 'completed' } })).status).toBe(200);
    const { recaps } = await expectOnePost(jobId, /✅/);
    expect(recaps).toHaveLength(1);
  });

  it('subscribing again rotates the secret: the old URL gets 404, the new one works; unsubscribe ends it', { timeout: 30_000 }, async () => {
    const again = await command('subscribe webhook', MANAGER);
    expect(again.flags).toBe(64);
    expect(again.content).toMatch(/old URLs and header value no longer work/);
    const fresh = secretsIn(again.content);
    expect(tokenOf(fresh.memories)).not.toBe(tokenOf(secrets.memories));
    expect((await post(secrets.memories, { videoNo: 'VI6060416948' })).status).toBe(404);
    expect((await post(fresh.assemblyai, { transcript_id: 'x-1', status: 'completed' }, { [CALLBACK_AUTH_HEADER]: secrets.header })).status).toBe(401);

    expect((await command('unsubscribe webhook', '0')).content).toMatch(/Only channel managers and admins/);
    expect((await command('unsubscribe webhook', MANAGER)).content).toMatch(/no longer works/);
    for (const url of [fresh.assemblyai, fresh.memories, fresh.pictory]) expect((await post(url, { transcript_id: 'x-2', videoNo: 'VI2', job_id: 'p-2' }, { [CALLBACK_AUTH_HEADER]: fresh.header })).status).toBe(404);
    expect((await command('subscriptions', '0')).content).toMatch(/no automatic recaps/);
  });
});
