/** Starts the AssemblyAI fake in its own process (so its memory does not count) and prints `{url, apiKey}`. */
import { startAssemblyAiFake } from '../../test/fakes/assemblyai.ts';

const fake = await startAssemblyAiFake({ stepMs: 50 });
process.stdout.write(`${JSON.stringify({ url: fake.url, apiKey: fake.apiKey })}\n`);
process.once('SIGTERM', () => void fake.close().then(() => process.exit(0)));
