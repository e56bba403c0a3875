/**
 * The one status message a job edits as it moves (chat.update on the same ts): where it is, then a pointer to the
 * thread, or what went wrong and what to do.
 */
import { escapeMrkdwn, oneLine, truncateMrkdwn } from './mrkdwn.ts';
import { FALLBACK_TEXT_CHARS, section, type SlackMessage } from './render-limits.ts';

export type JobStage = 'queued' | 'transcribing' | 'analyzing' | 'done' | 'failed';

const WORKING: Record<Exclude<JobStage, 'done' | 'failed'>, string> = {
  queued: 'queued',
  transcribing: 'transcribing',
  analyzing: 'analyzing',
};

/** A file name or link tail can be anything a user typed: keep it short and inert. */
const SOURCE_CHARS = 150;
const DETAIL_CHARS = 1000;

export function renderStatus(stage: JobStage, source: string, detail: { message?: string; hint?: string } = {}): SlackMessage {
  const name = truncateMrkdwn(escapeMrkdwn(oneLine(source)), SOURCE_CHARS);
  if (stage === 'done') return single(`✅ Recap of ${name} is in the thread`);
  if (stage !== 'failed') return single(`⏳ Recapping ${name} — ${WORKING[stage]}…`);
  const message = detail.message ? truncateMrkdwn(escapeMrkdwn(oneLine(detail.message)), DETAIL_CHARS) : '';
  const hint = detail.hint ? truncateMrkdwn(escapeMrkdwn(oneLine(detail.hint)), DETAIL_CHARS) : '';
  const first = `⚠️ Could not recap ${name}${message ? `: ${message}` : ''}`;
  return {
    text: truncateMrkdwn([first, hint].filter(Boolean).join(' '), FALLBACK_TEXT_CHARS),
    blocks: [section([first, hint].filter(Boolean).join('\n'))],
  };
}

function single(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}
