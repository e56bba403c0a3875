/**
 * Everything Recap sends to Discord, over discord.js's REST client (@discordjs/rest): it queues per route, waits
 * out 429s (`retry_after`, per route and global; D-7, D-8) and retries 5xx. Messages and threads go with the bot
 * token; interaction responses and their webhooks with the interaction's token, so they work without a bot token.
 * https://discord.com/developers/docs/resources/message#create-message
 * https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction
 */
import { DiscordAPIError, REST, Routes, type RawFile } from 'discord.js';
import type { DiscordFile, DiscordMessage } from './render-limits.ts';

/** Discord's JSON error codes Recap acts on. https://discord.com/developers/docs/topics/opcodes-and-status-codes#json */
export const DISCORD_ERROR = {
  unknownWebhook: 10015,
  unknownInteraction: 10062,
  interactionAcknowledged: 40060,
  invalidWebhookToken: 50027,
  threadAlreadyCreated: 160004,
} as const;

export interface PostedMessage {
  id: string;
  channelId: string;
}

export interface DiscordPoster {
  /**
   * Posts with the bot token; `replyTo` quotes that message (without pinging its author). With a `nonce`, Discord
   * returns the message already posted with it in the last few minutes instead of posting again (`enforce_nonce`).
   */
  send(channelId: string, message: DiscordMessage, options?: { files?: DiscordFile[]; replyTo?: string; nonce?: string }): Promise<PostedMessage>;
  edit(channelId: string, messageId: string, message: DiscordMessage): Promise<void>;
  /** Starts a thread from a message; when Discord says it already has one (D-10), that thread (its id is the message's). */
  startThread(channelId: string, messageId: string, name: string): Promise<string>;
  /** The interaction's initial response (type 4 message, 5 deferred). Already acknowledged (D-6) counts as done. */
  respond(interactionId: string, token: string, body: { type: number; data?: unknown }): Promise<void>;
  editOriginal(applicationId: string, token: string, message: DiscordMessage): Promise<PostedMessage>;
  followUp(applicationId: string, token: string, message: DiscordMessage, files?: DiscordFile[]): Promise<PostedMessage>;
  /** Whether bot-token calls are possible (HTTP interactions can run with only the public key). */
  readonly hasBotToken: boolean;
}

export interface DiscordPosterOptions {
  token?: string;
  /** REST base, e.g. https://discord.com/api (DISCORD_API_URL); the version is appended. */
  apiUrl?: string;
  /** Per-request timeout; default 15 s. */
  timeoutMs?: number;
  /** An existing REST client (the gateway client's), so both share one rate-limit state. */
  rest?: REST;
}

/** A discord.js REST client for Recap's settings. */
export function createDiscordRest(options: Pick<DiscordPosterOptions, 'token' | 'apiUrl' | 'timeoutMs'>): REST {
  const rest = new REST({ version: '10', timeout: options.timeoutMs ?? 15_000, ...(options.apiUrl ? { api: options.apiUrl } : {}) });
  if (options.token) rest.setToken(options.token);
  return rest;
}

const rawFiles = (files: DiscordFile[] | undefined): RawFile[] | undefined =>
  files?.length ? files.map((file) => ({ name: file.filename, data: Buffer.from(file.content, 'utf8') })) : undefined;

const posted = (value: unknown): PostedMessage => {
  const message = value as { id: string; channel_id: string };
  return { id: message.id, channelId: message.channel_id };
};

/** The Discord error code of a failed call, if it has one. */
export function discordErrorCode(error: unknown): number | undefined {
  return error instanceof DiscordAPIError && typeof error.code === 'number' ? error.code : undefined;
}

export function createDiscordPoster(options: DiscordPosterOptions): DiscordPoster {
  const rest = options.rest ?? createDiscordRest(options);
  const withFiles = (body: object, files?: DiscordFile[]) => {
    const raw = rawFiles(files);
    return raw ? { body, files: raw } : { body };
  };
  return {
    hasBotToken: Boolean(options.token),
    async send(channelId, message, { files, replyTo, nonce } = {}) {
      const body = {
        ...message,
        ...(replyTo ? { message_reference: { message_id: replyTo, fail_if_not_exists: false } } : {}),
        ...(nonce ? { nonce, enforce_nonce: true } : {}),
      };
      return posted(await rest.post(Routes.channelMessages(channelId), withFiles(body, files)));
    },
    async edit(channelId, messageId, message) {
      await rest.patch(Routes.channelMessage(channelId, messageId), { body: message });
    },
    async startThread(channelId, messageId, name) {
      try {
        const thread = (await rest.post(Routes.threads(channelId, messageId), { body: { name, auto_archive_duration: 1440 } })) as { id: string };
        return thread.id;
      } catch (error) {
        // A thread started from a message has the message's id.
        if (discordErrorCode(error) === DISCORD_ERROR.threadAlreadyCreated) return messageId;
        throw error;
      }
    },
    async respond(interactionId, token, body) {
      try {
        await rest.post(Routes.interactionCallback(interactionId, token), { body, auth: false });
      } catch (error) {
        if (discordErrorCode(error) === DISCORD_ERROR.interactionAcknowledged) return;
        throw error;
      }
    },
    async editOriginal(applicationId, token, message) {
      return posted(await rest.patch(Routes.webhookMessage(applicationId, token, '@original'), { body: message, auth: false }));
    },
    async followUp(applicationId, token, message, files) {
      return posted(await rest.post(Routes.webhook(applicationId, token), { ...withFiles(message, files), auth: false }));
    },
  };
}
