/**
 * Everything Recap says in Slack goes out through here (checklist 7.2, SO-1…SO-8):
 *
 * - Pacing (SO-2): posts, updates and uploads wait in a queue per channel and go out about one per second per
 *   channel (`minIntervalMs`, measured from the end of the previous call); other channels are never held up by it.
 *   Ephemeral messages are not paced (chat.postEphemeral is not limited per channel).
 * - 429 (SO-1) and 5xx / network errors (SO-6) are retried by the WebClient itself, as configured by
 *   `slackClientOptions` (poster-client-options.ts): it waits Retry-After (pausing all of that client's calls), and
 *   backs off with jitter on 5xx. If the client was built with `rejectRateLimitedCalls: true`, the poster waits the
 *   Retry-After itself in the channel's queue (up to 3 times), so other channels keep going.
 * - Errors that will not go away (`channel_not_found`, `not_in_channel`, `is_archived`, `invalid_auth`,
 *   `token_revoked`, `account_inactive`, `missing_scope`, …) throw a {@link SlackPostError} at once, with
 *   `retryable: false` and a hint for the user; `installationInactive` says the token is dead (SO-5).
 * - Blocks refused (`msg_blocks_too_long`, `invalid_blocks`; SO-3): the message goes again once as its `text` alone,
 *   with the blocks as `recap.md` in the same thread. Never more than one fallback.
 * - Answer lost after Slack took the post (SO-7): with `slackClientOptions`, the WebClient reports the outcome as
 *   unknown instead of retrying; the poster posts once more and stops there, so the message appears at most twice.
 *   (A WebClient without that fetch wrapper retries the post itself: one duplicate per lost answer.) Callers should
 *   record the returned ts with their job so a restart never posts again.
 * - Files (SO-8) go by files.uploadV2 (getUploadURLExternal → bytes → completeUploadExternal); the WebClient
 *   retries each step on its own, so a failure at step 2 or 3 repeats only that step.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../src/log.ts';
import { createChannelPacer, type Paced } from './channel-pacer.ts';
import { OUTCOME_UNKNOWN } from './poster-client-options.ts';
import { BLOCKS_REFUSED, platformError, rateLimitedFor, SlackPostError, toSlackPostError } from './poster-errors.ts';
import { blocksToMarkdown } from './poster-markdown.ts';
import type { ReplyFile, SlackMessage } from './render-blocks.ts';

export { SlackPostError } from './poster-errors.ts';

export interface SlackPoster {
  /** Posts in the channel (or in `threadTs`), then uploads `files` into that thread (or the new message's thread). */
  post(channel: string, message: SlackMessage, options?: { threadTs?: string; files?: ReplyFile[] }): Promise<{ ts: string }>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
  ephemeral(channel: string, user: string, message: SlackMessage, threadTs?: string): Promise<void>;
  /** files.uploadV2 into the channel, or into `threadTs`. */
  upload(channel: string, files: ReplyFile[], threadTs?: string): Promise<void>;
}

export interface SlackPosterOptions {
  /** Gap between calls in one channel. Default 1000 (Slack allows about one message per second per channel). */
  minIntervalMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  log?: Logger;
}

export const DEFAULT_MIN_INTERVAL_MS = 1000;
/** Waits for a rejected 429 before giving up (only with `rejectRateLimitedCalls: true`). */
const RATE_LIMIT_RETRIES = 3;
const FALLBACK_FILE = { filename: 'recap.md', title: 'Recap' };

const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

const blocksRefused = (error: unknown): error is SlackPostError => error instanceof SlackPostError && BLOCKS_REFUSED.has(error.slackError);

export function createSlackPoster(client: WebClient, options: SlackPosterOptions = {}): SlackPoster {
  const log = options.log ?? quiet;
  const sleep = options.sleep ?? ((ms: number) => delay(ms).then(() => undefined));
  const pacer = createChannelPacer({ minIntervalMs: options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS, sleep, ...(options.now ? { now: options.now } : {}) });
  const direct: Paced = (send) => send();

  /** One Web API call: waits out a rejected 429, posts once more after an unknown outcome, maps errors. */
  async function call<R>(method: string, channel: string, paced: Paced, send: () => Promise<R>): Promise<R> {
    let waits = 0;
    let unknown = 0;
    for (;;) {
      try {
        return await paced(send);
      } catch (error) {
        const retryAfter = rateLimitedFor(error);
        if (retryAfter !== undefined && waits < RATE_LIMIT_RETRIES) {
          waits += 1;
          log.warn('slack rate limited; waiting', { method, channel, retryAfter });
          await sleep(retryAfter * 1000);
          continue;
        }
        if (platformError(error) === OUTCOME_UNKNOWN && unknown === 0) {
          unknown += 1;
          log.warn('slack answer lost after sending; sending once more (the message may appear twice)', { method, channel });
          continue;
        }
        throw toSlackPostError(error, method);
      }
    }
  }

  async function postMessage(paced: Paced, args: { channel: string; text: string; blocks?: SlackMessage['blocks']; thread_ts?: string }): Promise<string> {
    const result = await call('chat.postMessage', args.channel, paced, () =>
      client.chat.postMessage({ ...args, unfurl_links: false, unfurl_media: false }),
    );
    if (!result.ts) throw new SlackPostError('missing_ts', 'chat.postMessage', { retryable: false });
    return result.ts;
  }

  async function uploadFiles(paced: Paced, channel: string, files: ReplyFile[], threadTs: string | undefined): Promise<void> {
    const nonEmpty = files.filter((file) => file.content.length > 0);
    if (nonEmpty.length === 0) return;
    await call('files.uploadV2', channel, paced, () =>
      client.filesUploadV2({
        channel_id: channel,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        file_uploads: nonEmpty.map((file) => ({ content: file.content, filename: file.filename, title: file.title })),
      }),
    );
  }

  return {
    post(channel, message, postOptions = {}) {
      const { threadTs } = postOptions;
      return pacer.run(channel, async (paced) => {
        const files = [...(postOptions.files ?? [])];
        const base = { channel, ...(threadTs ? { thread_ts: threadTs } : {}) };
        let ts: string;
        try {
          ts = await postMessage(paced, { ...base, text: message.text, ...(message.blocks.length ? { blocks: message.blocks } : {}) });
        } catch (error) {
          if (!blocksRefused(error) || message.blocks.length === 0) throw error;
          log.warn('slack refused the blocks; posting the text with recap.md instead', { channel, slackError: error.slackError, blocks: message.blocks.length });
          ts = await postMessage(paced, { ...base, text: message.text || 'Recap' });
          files.unshift({ ...FALLBACK_FILE, content: blocksToMarkdown(message.blocks) });
        }
        if (files.length) {
          try {
            await uploadFiles(paced, channel, files, threadTs ?? ts);
          } catch (error) {
            if (error instanceof SlackPostError) error.postedTs = ts;
            throw error;
          }
        }
        return { ts };
      });
    },

    update(channel, ts, message) {
      return pacer.run(channel, async (paced) => {
        // Blocks always go along: an empty array clears the old ones, which would otherwise hide the new text.
        const send = (blocks: SlackMessage['blocks']) => call('chat.update', channel, paced, () => client.chat.update({ channel, ts, text: message.text || 'Recap', blocks }));
        try {
          await send(message.blocks);
        } catch (error) {
          if (!blocksRefused(error) || message.blocks.length === 0) throw error;
          log.warn('slack refused the blocks of an update; updating with the text alone', { channel, slackError: error.slackError });
          await send([]);
        }
      });
    },

    async ephemeral(channel, user, message, threadTs) {
      const base = { channel, user, text: message.text || 'Recap', ...(threadTs ? { thread_ts: threadTs } : {}) };
      const send = (withBlocks: boolean) =>
        call('chat.postEphemeral', channel, direct, () => client.chat.postEphemeral({ ...base, ...(withBlocks && message.blocks.length ? { blocks: message.blocks } : {}) }));
      try {
        await send(true);
      } catch (error) {
        if (!blocksRefused(error) || message.blocks.length === 0) throw error;
        log.warn('slack refused the blocks of an ephemeral message; sending the text alone', { channel, slackError: error.slackError });
        await send(false);
      }
    },

    async upload(channel, files, threadTs) {
      if (files.length === 0) return;
      await pacer.run(channel, (paced) => uploadFiles(paced, channel, files, threadTs));
    },
  };
}
