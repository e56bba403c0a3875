import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cli } from '../../adapters/cli/cli.ts';
import { ROOT, runRecapBin } from '../support/spawn-recap.ts';

const fixture = (name: string) => resolve(ROOT, 'test/fixtures/transcripts', name);

/** The `--json` contract, strict: no other keys anywhere. */
const span = z.strictObject({ startMs: z.number().int().nonnegative(), endMs: z.number().int().nonnegative() });
const contract = z.strictObject({
  summary: z.strictObject({ text: z.string().min(1) }).optional(),
  chapters: z
    .array(
      z.strictObject({
        startMs: z.number().int().nonnegative().optional(),
        endMs: z.number().int().nonnegative().optional(),
        title: z.string().min(1),
        summary: z.string().optional(),
      }),
    )
    .optional(),
  keyPhrases: z
    .array(z.strictObject({ text: z.string().min(1), count: z.number().int().positive(), rank: z.number().min(0).max(1), timestamps: z.array(span) }))
    .optional(),
  highlights: z.array(z.strictObject({ startMs: z.number().int(), endMs: z.number().int(), text: z.string().min(1) })).optional(),
  captions: z.array(z.strictObject({ format: z.enum(['vtt', 'srt', 'txt']), url: z.string().url() })).optional(),
});

async function run(args: string[], extra: Partial<Parameters<typeof cli>[1]> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await cli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: {},
    cwd: ROOT,
    ...extra,
  });
  return { code, stdout, stderr };
}

function expectCleanFailure(result: { code: number | null; stdout: string; stderr: string }, code: number, message: RegExp) {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines.length).toBeGreaterThanOrEqual(1);
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
}

describe('recap analyze keeps the JSON contract on awkward real exports', () => {
  it.each([
    ['zoom.vtt', true],
    ['teams.vtt', true],
    ['youtube.vtt', true],
    ['blocks.vtt', true],
    ['crlf-bom.srt', true],
    ['spanish.vtt', true],
    ['japanese.vtt', true],
    ['stamped.txt', true],
    ['untimed.txt', false],
  ])('%s', async (name, timed) => {
    const { code, stdout, stderr } = await run(['analyze', fixture(name), '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const json = contract.parse(JSON.parse(stdout));
    expect(Object.keys(json).sort()).toEqual(['chapters', 'highlights', 'keyPhrases', 'summary']);
    expect(json.chapters!.length).toBeGreaterThan(0);
    expect(json.keyPhrases!.length).toBeGreaterThan(0);
    if (timed) {
      expect(json.chapters![0]!.startMs).toBe(0);
      for (const c of json.chapters!) expect(c.endMs).toBeGreaterThan(c.startMs!);
      expect(json.keyPhrases!.every((p) => p.timestamps.length > 0)).toBe(true);
    } else {
      expect(json.highlights).toEqual([]);
      for (const c of json.chapters!) expect(c.startMs).toBeUndefined();
      expect(json.keyPhrases!.every((p) => p.timestamps.length === 0)).toBe(true);
    }
  });

  it('fits highlights into --highlights seconds', async () => {
    const { stdout } = await run(['analyze', resolve(ROOT, 'test/fixtures/e2e/standup.vtt'), '--json', '--highlights', '20']);
    const json = contract.parse(JSON.parse(stdout));
    const total = json.highlights!.reduce((sum, h) => sum + h.endMs - h.startMs, 0);
    expect(total).toBeLessThanOrEqual(20_000);
    expect(total).toBeGreaterThanOrEqual(10_000);
  });

  it('prints the recap as text without --json', async () => {
    const { code, stdout } = await run(['analyze', fixture('teams.vtt')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Recap of teams\.vtt · 00:\d\d · \d speakers · en/);
    expect(stdout).toContain('Highlights (');
  });
});

describe('recap analyze fails clearly', () => {
  it.each([
    ['empty.txt', /The file is empty/],
    ['blank.vtt', /The file is empty/],
    ['page.html', /HTML web page, not a transcript/],
  ])('on %s', async (name, message) => {
    expectCleanFailure(await run(['analyze', fixture(name)]), 1, message);
  });

  it('on binary data named like a transcript', async () => {
    const bytes = readFileSync(fixture('binary.mp4'));
    const server = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/vtt' }).end(bytes));
    expectCleanFailure(await run(['analyze', `${server.url}/meeting.vtt`], { overrides: { fetchOptions: loopbackOnly } }), 1, /media file, not a transcript/);
    server.close();
  });

  it('on audio and video, naming the variables to set', async () => {
    expectCleanFailure(await run(['analyze', fixture('binary.mp4')]), 1, /ASSEMBLYAI_API_KEY/);
  });

  it('on a missing file', async () => {
    expectCleanFailure(await run(['analyze', './nope/meeting.vtt']), 1, /There is no file at \.\/nope\/meeting\.vtt/);
  });

  it.each(['http://127.0.0.1/x.vtt', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/a.vtt', 'http://0x7f000001/a.vtt'])(
    'on the unsafe link %s, before connecting',
    async (url) => {
      expectCleanFailure(await run(['analyze', url]), 1, /private or reserved|not a public/);
    },
  );

  it('on usage mistakes, with exit 2', async () => {
    expectCleanFailure(await run(['analyze']), 2, /Tell me which file or link to analyze/);
    expectCleanFailure(await run(['analyze', 'a.vtt', '--highlights', 'soon']), 2, /not a highlight length/);
    expectCleanFailure(await run(['summary']), 2, /"summary" is not a link or an id/);
  });
});

const loopbackOnly = { addressPolicy: (address: string) => address === '127.0.0.1', allowedPort: () => true };

async function serve(handler: RequestListener): Promise<{ url: string; close(): void; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close(), server };
}

describe('recap with links', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    const vtt = readFileSync(fixture('zoom.vtt'));
    server = await serve((req, res) => {
      if (req.url === '/zoom.vtt') res.writeHead(200, { 'content-type': 'text/vtt' }).end(vtt);
      else if (req.url === '/moved') res.writeHead(302, { location: '/zoom.vtt' }).end();
      else if (req.url === '/talk.mp4') res.writeHead(200, { 'content-type': 'video/mp4' }).end('x');
      else if (req.url === '/media') res.writeHead(200, { 'content-type': 'audio/mpeg' }).end('x');
      else res.writeHead(404).end('no');
    });
  });
  afterAll(() => server.close());

  it('analyzes a VTT fetched over HTTP, following a redirect', async () => {
    const { code, stdout } = await run(['analyze', `${server.url}/moved`, '--json'], { overrides: { fetchOptions: loopbackOnly } });
    expect(code).toBe(0);
    const json = contract.parse(JSON.parse(stdout));
    expect(json.summary!.text).toMatch(/billing/i);
  });

  it('says a 404 link is not there', async () => {
    expectCleanFailure(await run(['analyze', `${server.url}/gone.vtt`], { overrides: { fetchOptions: loopbackOnly } }), 1, /404/);
  });

  it('sends audio served under any name to the provider message', async () => {
    expectCleanFailure(await run(['analyze', `${server.url}/media`], { overrides: { fetchOptions: loopbackOnly } }), 1, /no speech provider is set up/);
  });

  it('the default policy refuses the loopback server', async () => {
    expectCleanFailure(await run(['analyze', `${server.url}/zoom.vtt`]), 1, /private or reserved/);
  });
});

describe('recap <command words>', () => {
  it('runs search and prints the moments', async () => {
    const { code, stdout } = await run(['search', fixture('zoom.vtt'), 'runbook']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/“runbook” in zoom\.vtt: 1 moment\n\s+00:18 {2}Marcus Oyelaran: The runbook is at/);
  });

  it('runs a recap with parts and --json, without caption links when no server runs', async () => {
    const { code, stdout } = await run([fixture('zoom.vtt'), 'summary', 'captions', '--json']);
    expect(code).toBe(0);
    expect(Object.keys(JSON.parse(stdout))).toEqual(['summary']);
  });

  it('names the variable to set for a provider reference', async () => {
    expectCleanFailure(await run(['assemblyai:abc123']), 1, /ASSEMBLYAI_API_KEY/);
    expectCleanFailure(await run(['session:ls-1']), 1, /SPOTME_API_TOKEN and SPOTME_WORKSPACE_ID/);
  });

  it('writes captions in the asked format', async () => {
    const { code, stdout } = await run(['captions', fixture('zoom.vtt'), '--format', 'srt', '--chars', '32']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^1\n00:00:02,350 --> 00:00:0\d,\d{3}\n/);
    for (const line of stdout.split('\n').filter((l) => l && !/^\d+$/.test(l) && !l.includes('-->'))) {
      expect(line.length).toBeLessThanOrEqual(32 + 'Marcus Oyelaran: '.length);
    }
  });
});

describe('the recap bin itself (npx recap)', () => {
  it('prints one JSON object for analyze --json', async () => {
    const result = await runRecapBin(['analyze', fixture('crlf-bom.srt'), '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    contract.parse(JSON.parse(result.stdout));
  });

  it('exits non-zero with two lines and no stack trace on bad input', async () => {
    expectCleanFailure(await runRecapBin(['analyze', fixture('empty.txt')]), 1, /The file is empty/);
    expectCleanFailure(await runRecapBin(['analyze', '--lang']), 2, /--lang needs a value/);
  });

  it('reports bad configuration with exit 1', async () => {
    const result = await runRecapBin(['analyze', fixture('zoom.vtt')], { PORT: 'x' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT');
  });
});
