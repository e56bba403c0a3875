/** Turns what a Slack message carries (text with links, shared files) into the command's words and attachment. */
import type { MediaRef } from '../../src/domain/media-ref.ts';

export interface SlackFileLike {
  id?: string;
  name?: string;
  url_private?: string;
  url_private_download?: string;
}

/** The first shared file as an upload reference, when it has a download link. */
export function slackAttachment(files: readonly SlackFileLike[] | undefined): Extract<MediaRef, { kind: 'upload' }> | undefined {
  // Payloads are signed but their shape is not guaranteed: anything but an array of objects means no file.
  if (!Array.isArray(files)) return undefined;
  const file = files.find((f) => f && typeof f === 'object' && (typeof f.url_private_download === 'string' || typeof f.url_private === 'string'));
  if (!file) return undefined;
  // Each field is taken only when it is text: `url_private_download: 0` next to a string `url_private` made the
  // link the number 0, and an object `id` or `name` went through as it was (found by the fuzzer, test/fuzz).
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    kind: 'upload',
    platform: 'slack',
    fileId: text(file.id) ?? 'file',
    url: (text(file.url_private_download) ?? text(file.url_private))!,
    ...(text(file.name) ? { name: file.name! } : {}),
  };
}

/** A mention's text without the bot's `<@U…>` tag(s). */
export function stripMentions(text: unknown): string {
  return (typeof text === 'string' ? text : '').replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The first http(s) link in Slack message text (`<https://…|label>` or bare). */
export function firstLink(text: unknown): string | undefined {
  const match = /<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>|(https?:\/\/\S+)/.exec(typeof text === 'string' ? text : '');
  return match?.[1] ?? match?.[2];
}
