/** Runs `/recap <ref> [parts]`: resolve the transcript, analyze it locally, publish caption links. */
import { analyzeTranscript } from '../src/analysis/analyze.ts';
import type { Recap } from '../src/domain/recap.ts';
import type { RecapReply } from '../src/domain/reply.ts';
import type { CommandDeps } from './deps.ts';
import type { RecapInvocation } from './invocation.ts';

export async function runRecap(invocation: RecapInvocation, deps: CommandDeps): Promise<RecapReply> {
  const resolved = await deps.resolve(invocation.ref, {
    ...(invocation.provider ? { provider: invocation.provider } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const { transcript } = resolved;
  const want = invocation.want;
  const analysis = analyzeTranscript(transcript, {
    want,
    ...(invocation.highlightsSeconds !== undefined ? { highlightsSeconds: invocation.highlightsSeconds } : {}),
    ...(invocation.lang ? { lang: invocation.lang } : {}),
  });
  const { language, ...parts } = analysis;
  const recap: Recap = parts;
  const notes: string[] = [];
  if (!transcript.timed) {
    notes.push('This transcript has no timestamps, so there are no times, highlights or VTT/SRT captions.');
  }
  if (want.includes('captions')) {
    if (deps.captions) recap.captions = await deps.captions.publish(transcript);
    else notes.push('Caption links need the Recap server (npm start); `recap captions <file> --format vtt` writes them here.');
  }
  const speakers = new Set(transcript.utterances.map((u) => u.speaker).filter(Boolean)).size;
  return {
    kind: 'recap',
    source: resolved.source,
    ...(resolved.mediaUrl ? { mediaUrl: resolved.mediaUrl } : {}),
    language,
    ...(transcript.timed && transcript.durationMs !== undefined ? { durationMs: transcript.durationMs } : {}),
    ...(speakers > 0 ? { speakers } : {}),
    recap,
    ...(want.includes('transcript') ? { transcript } : {}),
    ...(notes.length ? { notes } : {}),
  };
}
