/**
 * The one status message a job edits as it moves (chat.update on the same ts): where it is, then a pointer to the
 * thread, or what went wrong and what to do.
 */
import { statusLines, type JobStage } from '../../src/domain/job-status.ts';
import { escapeMrkdwn, oneLine, truncateMrkdwn } from './mrkdwn.ts';
import { FALLBACK_TEXT_CHARS, section, type SlackMessage } from './render-limits.ts';

export type { JobStage } from '../../src/domain/job-status.ts';

const DETAIL_CHARS = 1000;

const inline = (text: string, max: number) => truncateMrkdwn(escapeMrkdwn(oneLine(text)), max);

export function renderStatus(stage: JobStage, source: string, detail: { message?: string; hint?: string } = {}): SlackMessage {
  const lines = statusLines(stage, source, detail, inline, DETAIL_CHARS);
  return {
    text: truncateMrkdwn(lines.join(' '), FALLBACK_TEXT_CHARS),
    blocks: [section(lines.join('\n'))],
  };
}
