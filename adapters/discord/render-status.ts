/**
 * The one status message a job edits as it moves (PATCH on the same message): where it is, then a pointer to the
 * thread, or what went wrong and what to do. Same wording as Slack's status message.
 */
import { statusLines, type JobStage } from '../../src/domain/job-status.ts';
import { escapeMarkdown, oneLine, truncateEscaped } from './markdown.ts';
import { LIMITS, message, type DiscordMessage } from './render-limits.ts';

export type { JobStage } from '../../src/domain/job-status.ts';

const DETAIL_CHARS = 800;

const inline = (text: string, max: number) => truncateEscaped(escapeMarkdown(oneLine(text)), max);

export function renderDiscordStatus(stage: JobStage, source: string, detail: { message?: string; hint?: string; below?: boolean } = {}): DiscordMessage {
  return message(truncateEscaped(statusLines(stage, source, detail, inline, DETAIL_CHARS).join('\n'), LIMITS.content));
}
