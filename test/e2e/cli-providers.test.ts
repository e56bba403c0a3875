/**
 * `recap <ref> [parts] --provider NAME --json` with only that provider's variables set completes against each
 * provider's fake by polling (no PUBLIC_URL), and the same JSON contract as `recap analyze` comes out, in ms.
 * Real CLI, real router, real provider clients over HTTP; only the waits are shortened.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, type CliIo } from '../../adapters/cli/cli.ts';
import { startAssemblyAiFake } from '../fakes/assemblyai.ts';
import { startMemoriesFake } from '../fakes/memories.ts';
import { PICTORY_FAKE_KEY, startPictoryFake } from '../fakes/pictory.ts';
import { startSpotMeFake } from '../fakes/spotme.ts';
import { ROOT } from '../support/spawn-recap.ts';

const fast: CliIo['overrides'] = {
  providerOverrides: { client: { retry: { baseDelayMs: 5, maxDelayMs: 2000 } }, pacing: { initialMs: 20, maxMs: 60 }, pictoryPollIntervalMs: 0 },
};

async function run(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await cli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, cwd: ROOT, overrides: fast });
  return { code, stdout, stderr, json: code === 0 && args.includes('--json') ? JSON.parse(stdout) : undefined };
}

const dir = mkdtempSync(join(tmpdir(), 'recap-cli-providers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('recap --provider assemblyai', () => {
  it('recaps a media link: AssemblyAI summary, chapters and phrases; local highlights', async () => {
    const fake = await startAssemblyAiFake({ stepMs: 20 });
    try {
      const env = { ASSEMBLYAI_API_KEY: fake.apiKey, ASSEMBLYAI_BASE_URL: fake.url };
      const result = await run(['https://media.example.com/standup.mp4', 'summary', 'chapters', 'phrases', 'highlights=30', '--provider', 'assemblyai', '--json'], env);
      expect(result.stderr).toBe('');
      expect(Object.keys(result.json)).toEqual(['summary', 'chapters', 'keyPhrases', 'highlights']);
      expect(result.json.chapters[0]).toMatchObject({ startMs: expect.any(Number), endMs: expect.any(Number), title: expect.any(String) });
      expect(result.json.keyPhrases[0].timestamps[0]).toMatchObject({ startMs: expect.any(Number), endMs: expect.any(Number) });
      const highlightMs = result.json.highlights.reduce((sum: number, h: { startMs: number; endMs: number }) => sum + h.endMs - h.startMs, 0);
      expect(highlightMs).toBeGreaterThan(0);
      expect(highlightMs).toBeLessThanOrEqual(30_000);
      const [create] = fake.createBodies() as { audio_url: string; auto_chapters?: boolean; auto_highlights?: boolean; webhook_url?: string }[];
      expect(create).toMatchObject({ audio_url: 'https://media.example.com/standup.mp4', auto_chapters: true, auto_highlights: true });
      expect(create!.webhook_url).toBeUndefined();
    } finally {
      await fake.close();
    }
  });

  it('uploads a local media file and recaps it', async () => {
    const fake = await startAssemblyAiFake({ stepMs: 20 });
    try {
      const file = join(dir, 'call.m4a');
      writeFileSync(file, Buffer.alloc(256 * 1024, 7));
      const result = await run([file, 'summary', '--json'], { ASSEMBLYAI_API_KEY: fake.apiKey, ASSEMBLYAI_BASE_URL: fake.url });
      expect(result.stderr).toBe('');
      expect(result.json.summary.text.length).toBeGreaterThan(20);
      expect([...fake.uploads.values()].map((u) => u.bytes)).toEqual([256 * 1024]);
    } finally {
      await fake.close();
    }
  });

  it('recaps an existing transcript id and searches it with word search', async () => {
    const fake = await startAssemblyAiFake({ stepMs: 20 });
    try {
      const env = { ASSEMBLYAI_API_KEY: fake.apiKey, ASSEMBLYAI_BASE_URL: fake.url };
      const seeded = fake.seed();
      const recap = await run([`assemblyai:${seeded.id}`, '--json'], env);
      expect(recap.stderr).toBe('');
      expect(Object.keys(recap.json)).toEqual(['summary', 'chapters', 'keyPhrases']);
      const word = recap.json.keyPhrases[0].text.split(' ')[0];
      const search = await run(['search', `assemblyai:${seeded.id}`, word], env);
      expect(search.code).toBe(0);
      expect(search.stdout).toMatch(new RegExp(`“${word}” in assemblyai:${seeded.id}: \\d+ moments?`));
      expect(fake.calls('GET', '/word-search')).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });

  it('names the recap after the shared media, with the summary as AssemblyAI wrote it', async () => {
    const fake = await startAssemblyAiFake({ stepMs: 20 });
    try {
      const result = await run(['https://media.example.com/board-call.mp3', 'summary'], { ASSEMBLYAI_API_KEY: fake.apiKey, ASSEMBLYAI_BASE_URL: fake.url });
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^Recap of board-call\.mp3 · \d\d:\d\d · \d speakers · en\n/);
    } finally {
      await fake.close();
    }
  });

  it('U-20 refuses a private media link without calling AssemblyAI', async () => {
    const fake = await startAssemblyAiFake({ stepMs: 20 });
    try {
      const result = await run(['http://10.0.0.5/standup.mp4', '--provider', 'assemblyai'], { ASSEMBLYAI_API_KEY: fake.apiKey, ASSEMBLYAI_BASE_URL: fake.url });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/private or reserved/);
      expect(fake.requests).toHaveLength(0);
    } finally {
      await fake.close();
    }
  });
});

describe('recap --provider memories', () => {
  const memoriesFast: CliIo['overrides'] = {
    providerOverrides: { ...fast!.providerOverrides, client: { retry: { baseDelayMs: 5, maxDelayMs: 2000 }, rate: { perSecond: 1000, burst: 1000 } } },
  };

  it('uploads a media link, waits for parsing, and completes the recap with local key phrases and captions-ready text', async () => {
    const fake = await startMemoriesFake({ stepMs: 20, rate: false });
    try {
      let stdout = '';
      let stderr = '';
      const code = await cli(['https://media.example.com/town-hall.mp4', 'summary', 'chapters', 'phrases', '--provider', 'memories', '--json'], {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        env: { MEMORIES_API_KEY: fake.apiKey, MEMORIES_BASE_URL: fake.url },
        cwd: ROOT,
        overrides: memoriesFast,
      });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const json = JSON.parse(stdout);
      expect(Object.keys(json)).toEqual(['summary', 'chapters', 'keyPhrases']);
      expect(json.chapters.length).toBeGreaterThan(0);
      for (let i = 1; i < json.chapters.length; i++) expect(json.chapters[i].startMs).toBe(json.chapters[i - 1].endMs);
      expect(json.keyPhrases.length).toBeGreaterThan(0);
      expect(fake.calls('POST', '/upload_url')).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });
});

describe('recap --provider pictory', () => {
  it('recaps a media link with Pictory highlights of the asked length', async () => {
    const fake = await startPictoryFake({ stepMs: 20 });
    try {
      const env = { PICTORY_API_KEY: PICTORY_FAKE_KEY, PICTORY_BASE_URL: fake.baseUrl };
      const result = await run(['https://media.example.com/webinar.mp4', 'summary', 'highlights=20', '--provider', 'pictory', '--json'], env);
      expect(result.stderr).toBe('');
      expect(Object.keys(result.json)).toEqual(['summary', 'highlights']);
      const total = result.json.highlights.reduce((sum: number, h: { startMs: number; endMs: number }) => sum + h.endMs - h.startMs, 0);
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThanOrEqual(20_000);
      expect(fake.calls('POST', /\/highlights$/)).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });
});

describe('recap session:<id> (SpotMe)', () => {
  it('triggers generation, follows the job, downloads the VTT and recaps it', async () => {
    const fake = await startSpotMeFake({ stepMs: 20 });
    try {
      fake.addSession('ls-42', {
        vod: true,
        title: 'Opening keynote',
        lines: [
          'Welcome to the opening keynote of the partner summit.',
          'This year the partner program adds a certification track for integrators.',
          'The certification track starts in March with three courses.',
          'Next, the product roadmap: offline mode ships in the spring release.',
          'Offline mode was the most requested feature in the partner survey.',
          'Thanks everyone, enjoy the summit.',
        ],
      });
      const env = { SPOTME_API_TOKEN: fake.token, SPOTME_BASE_URL: fake.baseUrl, SPOTME_WORKSPACE_ID: fake.workspaceId };
      const result = await run(['session:ls-42', 'summary', 'phrases', '--glossary', 'g-7', '--json'], env);
      expect(result.stderr).toBe('');
      expect(result.json.summary.text).toMatch(/certification|offline/i);
      expect(result.json.keyPhrases.length).toBeGreaterThan(0);
      const trigger = fake.calls('POST', /live-sessions\/ls-42\/recordings/);
      expect(trigger).toHaveLength(1);
      expect(JSON.parse(trigger[0]!.body!)).toMatchObject({ glossaryId: 'g-7' });
    } finally {
      await fake.close();
    }
  });

  it('says what to set when SpotMe is not configured', async () => {
    const result = await run(['breakout:b-1'], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/SPOTME_API_TOKEN and SPOTME_WORKSPACE_ID/);
  });
});
