/**
 * The surface of an `@Recap …` message: a thread started from the user's message holds the status and the recap;
 * where Discord cannot start one (a DM, a message already in a thread, missing permission) both go in the channel,
 * the status quoting the user's message. The thread and the status message are recorded in the job's outbox, so a
 * resumed job carries on in the same ones.
 */
import type { Outbox } from '../../src/jobs/delivery.ts';
import type { Logger } from '../../src/log.ts';
import { threadName, type DiscordSurface } from './conversation.ts';
import type { DiscordPoster } from './rest-poster.ts';

export interface MentionOrigin {
  channelId: string;
  messageId: string;
  /** DMs have no threads; do not try. */
  dm: boolean;
  /** The server, for logs an admin reads. */
  guildId?: string;
}

export function mentionSurface(poster: DiscordPoster, origin: MentionOrigin, source: string, log: Logger, outbox: Outbox): DiscordSurface {
  let where: Promise<{ channelId: string; inThread: boolean }> | undefined;
  const open = async () => {
    if (origin.dm) return { channelId: origin.channelId, inThread: false };
    try {
      return { channelId: await poster.startThread(origin.channelId, origin.messageId, threadName(source)), inThread: true };
    } catch (error) {
      log.info('discord thread not started; answering in the channel', { error, channel: origin.channelId });
      return { channelId: origin.channelId, inThread: false };
    }
  };
  // Outbox step `place`: `thread:<id>` or `channel:<id>`.
  const place = () =>
    (where ??= (async () => {
      const saved = /^(thread|channel):(\d+)$/.exec(outbox.get('place') ?? '');
      if (saved) return { channelId: saved[2]!, inThread: saved[1] === 'thread' };
      const opened = await open();
      await outbox.record('place', `${opened.inThread ? 'thread' : 'channel'}:${opened.channelId}`);
      return opened;
    })());
  return {
    async showStatus(message) {
      const { channelId, inThread } = await place();
      const statusId = outbox.get('status');
      if (statusId) return poster.edit(channelId, statusId, message);
      const options = { nonce: outbox.key('status'), ...(inThread ? {} : { replyTo: origin.messageId }) };
      await outbox.record('status', (await poster.send(channelId, message, options)).id);
    },
    async openPlace() {
      const { channelId, inThread } = await place();
      return { inThread, post: async (message, files, nonce) => (await poster.send(channelId, message, { ...(files ? { files } : {}), ...(nonce ? { nonce } : {}) })).id };
    },
  };
}
