/**
 * Runs `/recap <ref> [parts]`: get the transcript (and whatever the provider produced itself), fill every other
 * wanted part with the local analyzer, and publish caption links.
 */
import { analyzeTranscript } from '../src/analysis/analyze.ts';
import type { Analysis, Part, Recap } from '../src/domain/recap.ts';
import type { RecapReply } from '../src/domain/reply.ts';
import type { CommandDeps } from './deps.ts';
import type { RecapInvocation } from './invocation.ts';

/** The analysis field each analyzable part fills. */
const PART_FIELD: Partial<Record<Part, keyof Analysis>> = {
  summary: 'summary',
  chapters: 'chapters',
  phrases: 'keyPhrases',
  highlights: 'highlights',
};

export async function runRecap(invocation: RecapInvocation, deps: CommandDeps): Promise<RecapReply> {
  const want = invocation.want;
  const resolved = await deps.resolve(invocation.ref, {
    want,
    ...(invocation.provider ? { provider: invocation.provider } : {}),
    ...(invocation.lang ? { lang: invocation.lang } : {}),
    ...(invocation.glossary ? { glossary: invocation.glossary } : {}),
    ...(invocation.highlightsSeconds !== undefined ? { highlightsSeconds: invocation.highlightsSeconds } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.onStage ? { onStage: deps.onStage } : {}),
  });
  const { transcript } = resolved;
  const native = resolved.native ?? {};
  const missing = want.filter((part) => {
    const field = PART_FIELD[part];
    return field !== undefined && native[field] === undefined;
  });
  const notes: string[] = [];
  let language = resolved.language;
  const recap: Recap = {};
  let local: Analysis = {};
  if (transcript && missing.length > 0) {
    const lang = invocation.lang ?? language;
    const analysis = analyzeTranscript(transcript, {
      want: missing,
      ...(invocation.highlightsSeconds !== undefined ? { highlightsSeconds: invocation.highlightsSeconds } : {}),
      ...(lang ? { lang } : {}),
    });
    language ??= analysis.language;
    const { language: _detected, ...parts } = analysis;
    local = parts;
  } else if (!transcript && missing.length > 0) {
    notes.push(`There is no transcript to build the ${missing.join(', ')} from (the media may have no speech).`);
  }
  for (const part of want) {
    const field = PART_FIELD[part];
    if (field) Object.assign(recap, { [field]: native[field] ?? local[field] });
  }
  for (const key of Object.keys(recap) as (keyof Recap)[]) if (recap[key] === undefined) delete recap[key];

  if (transcript && !transcript.timed) {
    notes.push('This transcript has no timestamps, so there are no times, highlights or VTT/SRT captions.');
  }
  if (want.includes('captions') && transcript) {
    if (deps.captions) recap.captions = await deps.captions.publish(transcript, resolved.handle);
    else notes.push('Caption links need the Recap server (npm start); `recap captions <file> --format vtt` writes them here.');
  }
  // A provider whose media URLs expire (SpotMe's, after 6 hours) gets Recap's own link instead, which redirects to a
  // fresh URL on each click: replies are read long after they are posted.
  const mediaUrl = resolved.mediaUrl ?? (resolved.handle && deps.media ? await deps.media.publish(resolved.handle) : undefined);
  const speakers = new Set(transcript?.utterances.map((u) => u.speaker).filter(Boolean)).size;
  const durationMs = transcript?.timed ? transcript.durationMs : undefined;
  return {
    kind: 'recap',
    source: resolved.source,
    ...(mediaUrl ? { mediaUrl } : {}),
    ...(language ? { language } : {}),
    ...(durationMs !== undefined ? { durationMs } : {}),
    ...(speakers > 0 ? { speakers } : {}),
    recap,
    ...(want.includes('transcript') && transcript ? { transcript } : {}),
    ...(notes.length ? { notes } : {}),
  };
}
