/**
 * What Recap does with an interaction, the same over the gateway and over HTTP: the initial response (within
 * Discord's 3 seconds: a deferral, or at once a private message for usage mistakes and help) and the work after it.
 * https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-interaction-callback-type
 */
import { auditSecrets } from '../../src/log-audit.ts';
import { parseCommand } from '../../commands/grammar.ts';
import { isInstant, type InstantInvocation } from '../../commands/invocation.ts';
import type { Claims } from '../../src/jobs/claims.ts';
import type { Logger } from '../../src/log.ts';
import type { ChannelContext } from '../../commands/deps.ts';
import type { JobRunner } from '../../src/jobs/job-runner.ts';
import type { DiscordTarget } from './conversation.ts';
import { commandRequest } from './discord-refs.ts';
import { renderDiscordReply } from './render-embeds.ts';
import type { DiscordPoster } from './rest-poster.ts';
import { usageReply } from '../../commands/usage-reply.ts';

/** https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-type */

export const INTERACTION_TYPE = { ping: 1, command: 2, component: 3, autocomplete: 4, modal: 5 } as const;
/** https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-interaction-callback-type */
export const CALLBACK_TYPE = { pong: 1, message: 4, deferredMessage: 5, deferredUpdate: 6, autocomplete: 8 } as const;
const EPHEMERAL = 64;
/** Channel types that cannot hold a new thread: DMs, group DMs and threads. */
const NO_THREADS = new Set([1, 3, 10, 11, 12]);
/** Interaction ids are unique; a redelivery within a day is the same interaction (D-6). */
const INTERACTION_CLAIM_TTL_MS = 24 * 60 * 60 * 1000;

export interface InteractionContext {
  poster: DiscordPoster;
  runner: JobRunner;
  claims: Claims;
  log: Logger;
  now?: () => number;
}

export interface InteractionOutcome {
  /** The initial response's body. */
  response: { type: number; data?: Record<string, unknown> };
  /** What to run once the response is on its way. */
  work?: () => Promise<void>;
}

interface InteractionLike {
  id?: unknown;
  type?: unknown;
  token?: unknown;
  application_id?: unknown;
  channel_id?: unknown;
  channel?: { type?: unknown };
  guild_id?: unknown;
  member?: { permissions?: unknown; user?: { id?: unknown } };
  user?: { id?: unknown };
  data?: { name?: unknown; options?: unknown; resolved?: unknown };
}

/** Administrator, Manage Server, Manage Channels: https://discord.com/developers/docs/topics/permissions */
const MANAGERS = (1n << 3n) | (1n << 5n) | (1n << 4n);

/** The channel an interaction came from, and whether its sender manages it (a DM is the sender's own). */
function channelOf(interaction: InteractionLike): ChannelContext | undefined {
  if (typeof interaction.channel_id !== 'string') return undefined;
  const member = interaction.member;
  let canManage = typeof interaction.guild_id !== 'string';
  try {
    if (typeof member?.permissions === 'string') canManage ||= (BigInt(member.permissions) & MANAGERS) !== 0n;
  } catch {
    // A malformed bitfield grants nothing.
  }
  const user = member?.user?.id ?? interaction.user?.id;
  const target: DiscordTarget = { platform: 'discord', kind: 'channel', channelId: interaction.channel_id };
  return {
    key: `discord:${interaction.channel_id}`,
    target,
    canManage,
    // Instant answers to an interaction carry flags 64 (`privately` below): only the sender sees them.
    privateReplies: true,
    ...(typeof user === 'string' ? { user } : {}),
  };
}

const privately = (data: object) => ({ type: CALLBACK_TYPE.message, data: { ...data, flags: EPHEMERAL } });
/** What a command gets when Recap cannot store it (the store is down). */
const busy = privately({ content: '⚠️ Recap could not take this request just now. Try again in a minute.', allowed_mentions: { parse: [] } });

export async function handleInteraction(payload: unknown, ctx: InteractionContext): Promise<InteractionOutcome> {
  const interaction = (payload && typeof payload === 'object' ? payload : {}) as InteractionLike;
  if (interaction.type === INTERACTION_TYPE.ping) return { response: { type: CALLBACK_TYPE.pong } };
  if (interaction.type === INTERACTION_TYPE.autocomplete) return { response: { type: CALLBACK_TYPE.autocomplete, data: { choices: [] } } };
  // Caption links are link buttons (no interaction); any other component is acknowledged without a change.
  if (interaction.type === INTERACTION_TYPE.component) return { response: { type: CALLBACK_TYPE.deferredUpdate } };
  const { id, token, application_id: applicationId, channel_id: channelId } = interaction;
  if (typeof token === 'string') auditSecrets(token);
  if (interaction.type !== INTERACTION_TYPE.command || typeof id !== 'string' || typeof token !== 'string' || typeof applicationId !== 'string' || typeof channelId !== 'string') {
    return { response: privately({ content: '⚠️ Recap does not handle that kind of interaction.', allowed_mentions: { parse: [] } }) };
  }
  if (interaction.data?.name !== 'recap') {
    return { response: privately({ content: '⚠️ Recap only knows `/recap`. Re-register its commands with `npm run discord:register`.', allowed_mentions: { parse: [] } }) };
  }
  // D-6: the same interaction delivered twice (gateway replay, two replicas) is answered once.
  let claimed: boolean;
  try {
    claimed = await ctx.claims.claim(`discord-interaction:${id}`, INTERACTION_CLAIM_TTL_MS);
  } catch (error) {
    // P-17: the store is down; the user is told now rather than left with "The application did not respond".
    ctx.log.error('discord interaction could not be claimed', { error });
    return { response: busy };
  }
  if (!claimed) return { response: { type: CALLBACK_TYPE.deferredMessage } };
  const received = (ctx.now ?? Date.now)();
  const request = commandRequest(interaction.data);
  const parsed = parseCommand(request.text, { allowFiles: false, ...(request.attachment ? { attachment: request.attachment } : {}) });
  if (!parsed.ok || isInstant(parsed.invocation)) {
    const rendered = renderDiscordReply(parsed.ok ? await ctx.runner.instant(parsed.invocation as InstantInvocation, channelOf(interaction)) : usageReply(parsed));
    const [first, ...more] = rendered.messages;
    return {
      response: privately(first!),
      ...(more.length || rendered.files.length
        ? { work: async () => { for (const [i, m] of more.entries()) await ctx.poster.followUp(applicationId, token, { ...m, flags: EPHEMERAL } as typeof m, i === more.length - 1 ? rendered.files : undefined); } }
        : {}),
    };
  }
  const invocation = parsed.invocation;
  const channelType = interaction.channel?.type;
  const threadable = typeof interaction.guild_id === 'string' && !(typeof channelType === 'number' && NO_THREADS.has(channelType));
  const target: DiscordTarget = { platform: 'discord', kind: 'interaction', applicationId, token, channelId, receivedAt: received, threadable };
  try {
    // Stored before the deferral: a request Discord sees acknowledged is never lost (P-17).
    const job = await ctx.runner.submit(invocation, target);
    return { response: { type: CALLBACK_TYPE.deferredMessage }, work: () => ctx.runner.run(job.id) };
  } catch (error) {
    ctx.log.error('discord interaction could not be stored', { error });
    return { response: busy };
  }
}
