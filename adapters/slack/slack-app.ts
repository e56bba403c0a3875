/**
 * The Slack adapter (https://tools.slack.dev/bolt-js/): `/recap …`, `@Recap …` (with a shared file or a link) and
 * the "Recap this" message shortcut, over HTTP through Recap's Hono server or over Socket Mode when
 * SLACK_APP_TOKEN is set. Listeners acknowledge at once; the work runs after, tracked so SIGTERM can drain it.
 * Usage mistakes go privately to the sender.
 */
import { App } from '@slack/bolt';
import type { Hono } from 'hono';
import type { CommandDeps } from '../../commands/deps.ts';
import { parseCommand } from '../../commands/grammar.ts';
import { helpReply } from '../../commands/help.ts';
import type { Invocation, ParseOutcome } from '../../commands/invocation.ts';
import type { ErrorReply } from '../../src/domain/reply.ts';
import { toRecapError } from '../../src/errors.ts';
import type { Claims } from '../../src/jobs/claims.ts';
import type { Logger } from '../../src/log.ts';
import { boltLogger } from './bolt-logger.ts';
import { answerInSlack } from './conversation.ts';
import { createSlackPoster, type SlackPoster } from './poster.ts';
import { slackClientOptions } from './poster-client-options.ts';
import { HonoSlackReceiver } from './receiver.ts';
import { renderSlackReply } from './render-blocks.ts';
import { firstLink, slackAttachment, stripMentions, type SlackFileLike } from './slack-refs.ts';

/** A message seen as app_mention and as message.im (S-22) is handled once per (team, channel, ts). */
const MESSAGE_CLAIM_TTL_MS = 2 * 60 * 60 * 1000;

export interface SlackAdapterOptions {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  deps: CommandDeps;
  claims: Claims;
  log: Logger;
  /** Poster pacing overrides (tests). */
  posterOptions?: Parameters<typeof createSlackPoster>[1];
}

export interface SlackAdapter {
  app: App;
  /** The HTTP routes to mount on the server (absent in Socket Mode). */
  routes?: Hono;
  start(): Promise<void>;
  /** Waits for in-flight recaps, then stops. */
  stop(): Promise<void>;
}

function usageReply(outcome: Extract<ParseOutcome, { ok: false }>): ErrorReply {
  return { kind: 'error', code: 'bad_command', message: outcome.error, ...(outcome.hint ? { hint: outcome.hint } : {}), usage: outcome.usage, ephemeral: true };
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { log, claims, deps } = options;
  const socketMode = Boolean(options.appToken);
  const receiver = socketMode ? undefined : new HonoSlackReceiver({ signingSecret: options.signingSecret ?? '', claims, log });
  const app = new App({
    token: options.botToken,
    ...(receiver ? { receiver } : { appToken: options.appToken!, socketMode: true }),
    clientOptions: slackClientOptions(options.apiUrl),
    logger: boltLogger(log),
    ignoreSelf: true,
  });
  const poster: SlackPoster = createSlackPoster(app.client, { log, ...options.posterOptions });
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const tracked = work.catch((error: unknown) => log.error('slack conversation failed', { error })).finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  const answer = (channel: string, user: string, invocation: Invocation, threadTs?: string, onFailure?: (text: string) => Promise<unknown>) =>
    track(
      answerInSlack({ poster, deps, log, channel, ...(threadTs ? { threadTs } : {}) }, invocation).catch(async (error: unknown) => {
        // Typically not_in_channel: the status message could not be posted, so tell the sender privately.
        const e = toRecapError(error);
        const text = `⚠️ ${e.message}${e.hint ? ` ${e.hint}` : ''}`;
        if (onFailure) await onFailure(text);
        else await poster.ephemeral(channel, user, { text, blocks: [] }, threadTs);
      }),
    );

  app.command('/recap', async ({ command, ack, respond }) => {
    const parsed = parseCommand(command.text ?? '', { allowFiles: false });
    if (!parsed.ok) return ack({ response_type: 'ephemeral', ...renderSlackReply(usageReply(parsed)).message });
    if (parsed.invocation.name === 'help') return ack({ response_type: 'ephemeral', ...renderSlackReply(helpReply()).message });
    await ack();
    answer(command.channel_id, command.user_id, parsed.invocation, undefined, (text) => respond({ response_type: 'ephemeral', text }));
  });

  const onMessage = async (event: { channel: string; user?: string; ts: string; thread_ts?: string; text?: string; files?: SlackFileLike[] }, teamId: string | undefined) => {
    if (!(await claims.claim(`slack-message:${teamId}:${event.channel}:${event.ts}`, MESSAGE_CLAIM_TTL_MS))) return;
    const user = event.user ?? '';
    const threadTs = event.thread_ts ?? event.ts;
    const attachment = slackAttachment(event.files);
    const parsed = parseCommand(stripMentions(event.text), { allowFiles: false, ...(attachment ? { attachment } : {}) });
    if (!parsed.ok || parsed.invocation.name === 'help') {
      const reply = parsed.ok ? helpReply() : usageReply(parsed);
      track(poster.ephemeral(event.channel, user, renderSlackReply(reply).message, threadTs));
      return;
    }
    answer(event.channel, user, parsed.invocation, threadTs);
  };

  app.event('app_mention', async ({ event, body }) => {
    await onMessage(event as Parameters<typeof onMessage>[0], (body as { team_id?: string }).team_id);
  });

  app.event('message', async ({ event, body }) => {
    const message = event as { channel_type?: string; subtype?: string; bot_id?: string } & Parameters<typeof onMessage>[0];
    // Direct messages only: in channels Recap answers when mentioned. Edits, joins and bots are not requests.
    if (message.channel_type !== 'im' || message.bot_id || (message.subtype && message.subtype !== 'file_share')) return;
    await onMessage(message, (body as { team_id?: string }).team_id);
  });

  app.shortcut('recap_this', async ({ shortcut, ack }) => {
    await ack();
    const payload = shortcut as unknown as {
      user: { id: string };
      channel?: { id: string };
      message?: { ts: string; thread_ts?: string; text?: string; files?: SlackFileLike[] };
    };
    const channel = payload.channel?.id;
    const message = payload.message;
    if (!channel || !message) return;
    const threadTs = message.thread_ts ?? message.ts;
    const link = firstLink(message.text);
    const attachment = slackAttachment(message.files);
    const parsed = link ? parseCommand(link, { allowFiles: false }) : attachment ? parseCommand('', { allowFiles: false, attachment }) : undefined;
    if (!parsed || !parsed.ok) {
      const text = parsed && !parsed.ok ? `⚠️ ${parsed.error}` : '⚠️ That message has no link or file to recap. Use "Recap this" on a message that shares a recording, a transcript or a link to one.';
      track(poster.ephemeral(channel, payload.user.id, { text, blocks: [] }, threadTs));
      return;
    }
    answer(channel, payload.user.id, parsed.invocation, threadTs);
  });

  // Caption buttons are links; Slack still reports the click, which only needs acknowledging.
  app.action(/^recap_caption/, async ({ ack }) => {
    await ack();
  });

  return {
    app,
    ...(receiver ? { routes: receiver.routes } : {}),
    start: async () => {
      if (socketMode) await app.start();
    },
    stop: async () => {
      await Promise.allSettled([...inFlight]);
      if (socketMode) await app.stop();
    },
  };
}
