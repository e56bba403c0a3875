/**
 * The words of the one status message a recap edits as it moves, the same on every chat platform. Each platform
 * passes its own `inline` to escape and shorten what users typed (file names, error details).
 */
export type JobStage = 'queued' | 'transcribing' | 'analyzing' | 'done' | 'failed';

/** A file name or link tail can be anything a user typed: keep it short. */
const SOURCE_CHARS = 150;

/** The status as lines: the headline, then (on failure) what to do. */
export function statusLines(
  stage: JobStage,
  source: string,
  detail: {
    message?: string;
    hint?: string;
    /** Where the recap went when not into a thread (a DM). */
    below?: boolean;
    /** The stored job's id, so the user can ask `/recap status` while it waits. */
    job?: string;
  },
  inline: (text: string, maxChars: number) => string,
  detailChars: number,
): string[] {
  const name = inline(source, SOURCE_CHARS);
  if (stage === 'done') return [`✅ Recap of ${name} is ${detail.below ? 'below' : 'in the thread'}`];
  if (stage !== 'failed') return [`⏳ Recapping ${name} — ${stage}…`, ...(detail.job ? [`\`/recap status ${detail.job}\` shows where it is`] : [])];
  const why = detail.message ? inline(detail.message, detailChars) : '';
  const hint = detail.hint ? inline(detail.hint, detailChars) : '';
  return [`⚠️ Could not recap ${name}${why ? `: ${why}` : ''}`, hint].filter(Boolean);
}
