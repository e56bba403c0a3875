/**
 * One recap job in Discord, as users see it: a single status message edited as the job moves (queued →
 * transcribing → analyzing → done or failed, with what to do on failure), and the recap in a thread (or below,
 * where Discord has no threads: DMs, threads themselves, or HTTP-only mode). What does not fit in messages goes in
 * files. Every post is a step in the job's outbox, so a resumed job posts only what is missing.
 */
import { refLabel } from '../../commands/ref-label.ts';
import type { Delivery, DeliverySurface, Outbox } from '../../src/jobs/delivery.ts';
import type { JobRecord } from '../../src/jobs/job-record.ts';
import type { Logger } from '../../src/log.ts';
import { channelSurface, type ChannelOrigin } from './channel-surface.ts';
import { interactionSurface, type InteractionOrigin } from './interaction-surface.ts';
import { mentionSurface, type MentionOrigin } from './mention-surface.ts';
import { renderDiscordReply, renderDiscordStatus } from './render-embeds.ts';
import type { DiscordFile, DiscordMessage } from './render-limits.ts';
import { discordErrorCode, type DiscordPoster } from './rest-poster.ts';

/** Where the answer's messages go. */
export interface DiscordPlace {
  /** Posts one message (deduplicated by `nonce` where the place allows it); returns its id. */
  post(message: DiscordMessage, files?: DiscordFile[], nonce?: string): Promise<string>;
  /** True when this is a thread opened for the recap. */
  inThread: boolean;
}

/** The surface a request came from: how its status shows and where its answer goes. */
export interface DiscordSurface {
  /** Posts the status message the first time, edits it after. */
  showStatus(message: DiscordMessage): Promise<void>;
  /** Opens the thread (or picks the place) for the answer, once the status message exists. */
  openPlace(source: string): Promise<DiscordPlace>;
}

/** A stored Discord job's reply target. */
export type DiscordTarget =
  | ({ platform: 'discord'; kind: 'mention' } & MentionOrigin)
  | ({ platform: 'discord'; kind: 'interaction' } & InteractionOrigin)
  | ({ platform: 'discord'; kind: 'channel' } & ChannelOrigin);

/** Thread names are at most 100 characters. */
export function threadName(source: string): string {
  const name = `Recap: ${source.replace(/\s+/g, ' ').trim()}`;
  return name.length <= 100 ? name : `${name.slice(0, 99)}…`;
}

function deliverySurface(surface: DiscordSurface, outbox: Outbox): DeliverySurface {
  return {
    status: (stage, source, detail) => surface.showStatus(renderDiscordStatus(stage, source, detail)),
    async deliver(reply, source) {
      const rendered = renderDiscordReply(reply);
      const place = await surface.openPlace(source);
      // Files ride on the last message, right under what they complete.
      for (const [i, message] of rendered.messages.entries()) {
        const step = `reply:${i}`;
        if (outbox.get(step)) continue;
        await outbox.record(step, await place.post(message, i === rendered.messages.length - 1 ? rendered.files : undefined, outbox.key(step)));
      }
      return { inThread: place.inThread };
    },
  };
}

/** HTTP statuses after which the same call will fail again (a missing permission, a deleted channel). */
const PERMANENT_STATUSES = new Set([400, 401, 403, 404]);

/** Discord's delivery for the job runner. */
export function discordDelivery(poster: DiscordPoster, now?: () => number): Delivery {
  return {
    surface(job: JobRecord, outbox: Outbox, log: Logger) {
      const target = job.target as unknown as DiscordTarget;
      const surface =
        target.kind === 'mention'
          ? mentionSurface(poster, target, refLabel(job.invocation.ref), log, outbox)
          : target.kind === 'channel'
            ? channelSurface(poster, target, log, outbox)
            : interactionSurface(poster, target, log, outbox, now);
      return deliverySurface(surface, outbox);
    },
    failed(job, error, log) {
      const target = job.target as unknown as DiscordTarget;
      const status = (error as { status?: unknown }).status;
      const permanent = discordErrorCode(error) !== undefined && typeof status === 'number' && PERMANENT_STATUSES.has(status);
      if (!permanent && !(error instanceof Error && /no DISCORD_TOKEN/.test(error.message))) return 'retry';
      // When Discord refuses (the bot may not post there: 50001/50013), say where, so an admin can fix it.
      const where = target.kind === 'mention' ? { message: target.messageId, ...(target.dm ? { dm: true } : { guild: target.guildId }) } : {};
      log.error(`discord ${target.kind} not answered`, { error, channel: target.channelId, job: job.id, ...where });
      return 'give-up';
    },
  };
}
