/**
 * Turns what a Discord message or command carries (content with the bot's mention, attachments, command options)
 * into the command's words and attachment. Payloads are parsed defensively: a field of the wrong shape means "absent".
 * https://discord.com/developers/docs/resources/message#attachment-object
 * https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-interaction-data-option-structure
 */
import type { MediaRef } from '../../src/domain/media-ref.ts';
import { OPTION } from './command-definition.ts';

export type DiscordUpload = Extract<MediaRef, { kind: 'upload' }>;

interface AttachmentLike {
  id?: unknown;
  url?: unknown;
  filename?: unknown;
}

/** An attachment object as an upload reference, when it has a link. */
export function discordAttachment(attachment: unknown): DiscordUpload | undefined {
  if (!attachment || typeof attachment !== 'object') return undefined;
  const a = attachment as AttachmentLike;
  if (typeof a.url !== 'string') return undefined;
  return {
    kind: 'upload',
    platform: 'discord',
    fileId: typeof a.id === 'string' ? a.id : 'attachment',
    url: a.url,
    ...(typeof a.filename === 'string' ? { name: a.filename } : {}),
  };
}

/** The first attachment of a message. */
export function firstAttachment(attachments: unknown): DiscordUpload | undefined {
  if (!Array.isArray(attachments)) return undefined;
  for (const a of attachments) {
    const upload = discordAttachment(a);
    if (upload) return upload;
  }
  return undefined;
}

/** Message content without user, role and channel mentions (`<@id>`, `<@!id>`, `<@&id>`, `<#id>`). */
export function stripDiscordMentions(content: unknown): string {
  return (typeof content === 'string' ? content : '').replace(/<(@[!&]?|#)\d+>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Whether a MESSAGE_CREATE mentions the bot (the `mentions` array, or its tag in the content). */
export function mentionsUser(message: { mentions?: unknown; content?: unknown }, userId: string): boolean {
  if (Array.isArray(message.mentions) && message.mentions.some((u) => u && typeof u === 'object' && (u as { id?: unknown }).id === userId)) return true;
  return typeof message.content === 'string' && new RegExp(`<@!?${userId}>`).test(message.content);
}

interface CommandOption {
  name?: unknown;
  type?: unknown;
  value?: unknown;
}

/** What a `/recap` command's options say: the words for the grammar and the attached file. */
export interface CommandRequest {
  text: string;
  attachment?: DiscordUpload;
}

/** A value as one token for the grammar: quoted when it has spaces (a file name), so it stays one word. */
const token = (value: string) => (/\s/.test(value) && !/"/.test(value) ? `"${value}"` : value);

/**
 * `/recap ref:<link> parts:"summary chapters" highlights:90 lang:de provider:assemblyai file:<attachment>` as the
 * words `<link> summary chapters highlights=90 --lang de --provider assemblyai`, the same grammar as everywhere.
 */
export function commandRequest(data: unknown): CommandRequest {
  const d = (data && typeof data === 'object' ? data : {}) as { options?: unknown; resolved?: { attachments?: Record<string, unknown> } };
  const options = Array.isArray(d.options) ? (d.options as CommandOption[]) : [];
  const value = (name: string) => options.find((o) => o && o.name === name)?.value;
  const words: string[] = [];
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const ref = text(value(OPTION.ref));
  if (ref) words.push(ref);
  const parts = text(value(OPTION.parts));
  if (parts) words.push(parts);
  const highlights = value(OPTION.highlights);
  if (typeof highlights === 'number' || typeof highlights === 'string') words.push(`highlights=${String(highlights)}`);
  const lang = text(value(OPTION.lang));
  if (lang) words.push('--lang', token(lang));
  const provider = text(value(OPTION.provider));
  if (provider) words.push('--provider', token(provider));
  const fileId = value(OPTION.file);
  const attachment = typeof fileId === 'string' ? discordAttachment(d.resolved?.attachments?.[fileId]) : undefined;
  return { text: words.join(' '), ...(attachment ? { attachment } : {}) };
}
