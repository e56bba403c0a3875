/**
 * The one status message a job edits as it moves (PATCH on the same message): where it is, then a pointer to the
 * thread, or what went wrong and what to do. Same wording as Slack's status message.
 */
import { escapeMarkdown, oneLine, truncateEscaped } from './markdown.ts';
import { LIMITS, message, type DiscordMessage } from './render-limits.ts';

export type JobStage = 'queued' | 'transcribing' | 'analyzing' | 'done' | 'failed';

const WORKING: Record<Exclude<JobStage, 'done' | 'failed'>, string> = {
  queued: 'queued',
  transcribing: 'transcribing',
  analyzing: 'analyzing',
};

/** A file name or link tail can be anything a user typed: keep it short and inert. */
const SOURCE_CHARS = 150;
const DETAIL_CHARS = 800;

function inline(text: string, max: number): string {
  return truncateEscaped(escapeMarkdown(oneLine(text)), max);
}

export function renderDiscordStatus(stage: JobStage, source: string, detail: { message?: string; hint?: string } = {}): DiscordMessage {
  const name = inline(source, SOURCE_CHARS);
  if (stage === 'done') return message(`✅ Recap of ${name} is in the thread`);
  if (stage !== 'failed') return message(`⏳ Recapping ${name} — ${WORKING[stage]}…`);
  const why = detail.message ? inline(detail.message, DETAIL_CHARS) : '';
  const hint = detail.hint ? inline(detail.hint, DETAIL_CHARS) : '';
  const first = `⚠️ Could not recap ${name}${why ? `: ${why}` : ''}`;
  return message(truncateEscaped([first, hint].filter(Boolean).join('\n'), LIMITS.content));
}
