/**
 * `/recap subscribe webhook [--lang CODE]` and `/recap unsubscribe webhook`: a channel's secret callback URL for
 * recordings a team's own pipeline makes at AssemblyAI, Memories.ai or Pictory; each one it finishes is recapped in
 * the channel once (src/server/channel-hook-routes.ts). The answer holds the secret, so it is only ever given where
 * the platform shows it to the sender alone, and only to a channel manager or admin.
 * https://www.assemblyai.com/docs/deployment/webhooks
 */
import type { TextReply } from '../src/domain/reply.ts';
import { RecapError } from '../src/errors.ts';
import { CALLBACK_AUTH_HEADER } from '../src/jobs/callbacks.ts';
import { providerLabel } from '../src/sources/provider-required.ts';
import { channelHookUrl, type ChannelHook, type ChannelHookProvider } from '../src/subscriptions/channel-hook-store.ts';
import type { ChannelContext, CommandDeps } from './deps.ts';
import type { SubscribeInvocation, UnsubscribeInvocation } from './invocation.ts';

/** Where each provider takes the URL, in its own words. */
const FIELD: Record<ChannelHookProvider, string> = {
  assemblyai: 'webhook_url',
  // Recap reads videos in the `default` namespace (src/providers/memories/provider.ts DEFAULT_UNIQUE_ID).
  memories: 'callback (upload or upload_url, with unique_id default)',
  pictory: 'webhook (transcription)',
};

/** The channel's webhook in `/recap subscriptions`: what it takes, never its secret. */
export function describeChannelHook(hook: ChannelHook, providers: readonly ChannelHookProvider[]): string {
  const from = providers.length ? providers.map(providerLabel).join(', ') : 'no provider configured now';
  return `• webhook: recordings your own pipeline sends (${from})${hook.lang ? ` (--lang ${hook.lang})` : ''}`;
}

function secretAnswer(publicUrl: string, providers: readonly ChannelHookProvider[], token: string, authValue: string, replaced: boolean, lang?: string): string {
  const lines = [
    '🔐 Only you can see this: it holds this channel\'s webhook secret. Give it to your pipeline, not to a channel.',
    `Each recording your own pipeline finishes with one of these URLs as its callback is recapped in this channel once${lang ? ` (--lang ${lang})` : ''}. Recap reads it back with its own API key, so create it with the same ${providers.map(providerLabel).join(' / ')} account this Recap uses.`,
    '',
  ];
  for (const provider of providers) {
    const url = channelHookUrl(publicUrl, provider, token);
    lines.push(`${providerLabel(provider)}: set ${FIELD[provider]} to`, `  ${url}`);
    if (provider === 'assemblyai') lines.push(`  webhook_auth_header_name: ${CALLBACK_AUTH_HEADER}`, `  webhook_auth_header_value: ${authValue}`);
  }
  lines.push(
    '',
    replaced ? 'This replaced the channel\'s previous secrets: the old URLs and header value no longer work.' : 'Subscribing again makes new secrets: the old URLs and header value stop working.',
    '/recap unsubscribe webhook turns it off.',
  );
  return lines.join('\n');
}

/** Runs subscribe/unsubscribe for `webhook` in `channel`: for its managers, and (subscribe) only where answers are private. */
export async function runWebhookSubscription(invocation: SubscribeInvocation | UnsubscribeInvocation, channel: ChannelContext, deps: CommandDeps): Promise<TextReply> {
  const hooks = deps.channelHooks;
  if (!hooks) throw new RecapError('unsupported', 'Webhooks are served by the Recap server.', { hint: 'Ask in the Slack or Discord channel that should get the recaps.' });
  // First where the answer would be public (a Discord mention, which carries no permissions either): the way that
  // works is the slash command, whoever asks. Checked before anything changes, so the current URL keeps working.
  if (invocation.name === 'subscribe' && !channel.privateReplies) {
    throw new RecapError('unsupported', 'The webhook URL is a secret, and a reply here would be seen by everyone in the channel.', {
      hint: 'Send it as the /recap slash command (/recap subscribe webhook): its answer is shown to you only.',
    });
  }
  if (!channel.canManage) {
    throw new RecapError('forbidden', 'Only channel managers and admins can change automatic recaps.', { hint: 'Ask one of them to run /recap subscribe webhook.' });
  }
  if (invocation.name === 'unsubscribe') {
    const removed = await hooks.store.unsubscribe(channel.key);
    return { kind: 'text', text: removed ? 'This channel\'s webhook URL no longer works: recordings sent to it are not recapped here any more.' : 'This channel has no webhook. /recap subscriptions lists what it is subscribed to.' };
  }
  if (!hooks.publicUrl) {
    throw new RecapError('not_configured', 'A webhook needs the public address of this Recap, which is not set.', { hint: 'Ask whoever runs Recap to set PUBLIC_URL (e.g. https://recap.example.com), then subscribe again.' });
  }
  if (hooks.providers.length === 0) {
    throw new RecapError('not_configured', 'A webhook takes AssemblyAI, Memories.ai or Pictory callbacks, and none of them is set up on this Recap.', {
      hint: 'Ask whoever runs Recap to set ASSEMBLYAI_API_KEY, MEMORIES_API_KEY or PICTORY_API_KEY (the account your pipeline uses: Recap re-reads each recording with it).',
    });
  }
  const { secrets, replaced } = await hooks.store.subscribe({
    channelKey: channel.key,
    target: channel.target,
    ...(invocation.lang ? { lang: invocation.lang } : {}),
    createdAt: Date.now(),
    ...(channel.user ? { createdBy: channel.user } : {}),
  });
  return { kind: 'text', private: true, text: secretAnswer(hooks.publicUrl, hooks.providers, secrets.token, secrets.authValue, replaced, invocation.lang) };
}
