/**
 * Uploads 1 GB of generated media to the AssemblyAI fake (running in another process) through the real client,
 * sampling this process's RSS, to show uploads stream in constant memory.
 */
import { spawn } from 'node:child_process';
import { openAsBlob } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAssemblyAiClient, assemblyAiHttpOptions } from '../../src/providers/assemblyai/client.ts';
import { createHttpClient } from '../../src/http/http-client.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MB = 1024 * 1024;

async function makeFile(path: string, bytes: number): Promise<void> {
  // Real bytes, not a sparse file: a repeating pattern written in 8 MB blocks.
  const handle = await open(path, 'w');
  const block = Buffer.alloc(8 * MB);
  for (let i = 0; i < block.length; i++) block[i] = (i * 31) & 0xff;
  for (let written = 0; written < bytes; written += block.length) await handle.write(block, 0, Math.min(block.length, bytes - written));
  await handle.close();
}

export async function measureUploadMemory(totalBytes = 1024 * MB): Promise<{ bytes: number; baselineMb: number; peakMb: number; deltaMb: number; seconds: number }> {
  const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), [resolve(ROOT, 'bench/providers/assemblyai-fake-child.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const { url, apiKey } = await new Promise<{ url: string; apiKey: string }>((done) => child.stdout.once('data', (chunk: Buffer) => done(JSON.parse(chunk.toString()))));
  const dir = await mkdtemp(join(tmpdir(), 'recap-upload-bench-'));
  try {
    const client = createAssemblyAiClient(createHttpClient(assemblyAiHttpOptions({ apiKey, baseUrl: url })));
    const warm = join(dir, 'warm.bin');
    await makeFile(warm, 32 * MB);
    await client.upload(await openAsBlob(warm));
    const big = join(dir, 'media.bin');
    await makeFile(big, totalBytes);
    globalThis.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    await client.upload(await openAsBlob(big));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { bytes: totalBytes, baselineMb: baseline / MB, peakMb: peak / MB, deltaMb: (peak - baseline) / MB, seconds };
  } finally {
    child.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  }
}
