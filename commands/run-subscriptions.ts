/**
 * `/recap subscribe …`, `/recap unsubscribe …`, `/recap subscriptions`: the channel's automatic posts. Changing them
 * needs a channel manager or an admin (the chat adapter says who is one); listing them does not.
 */
import type { TextReply } from '../src/domain/reply.ts';
import { RecapError } from '../src/errors.ts';
import type { CommandDeps } from './deps.ts';
import type { SubscribeInvocation, SubscriptionsInvocation, UnsubscribeInvocation, Watch } from './invocation.ts';
import { describeChannelHook, runWebhookSubscription } from './run-webhook-subscription.ts';

const named = (watch: Watch) => `${watch.kind}:${watch.id}`;

export async function runSubscriptions(invocation: SubscribeInvocation | UnsubscribeInvocation | SubscriptionsInvocation, deps: CommandDeps): Promise<TextReply> {
  const { channel, subscriptions } = deps;
  if (!channel || !subscriptions) {
    throw new RecapError('unsupported', 'Automatic posts go to a chat channel.', { hint: 'Ask /recap subscribe in the Slack or Discord channel that should get the recaps.' });
  }
  if (invocation.name === 'subscriptions') {
    const list = await subscriptions.list(channel.key);
    const hook = await deps.channelHooks?.store.forChannel(channel.key);
    if (list.length === 0 && !hook) {
      return { kind: 'text', text: 'This channel has no automatic recaps. /recap subscribe workspace:<id> posts one for every SpotMe session as its recording is ready; /recap subscribe webhook gives a URL for recordings made elsewhere.' };
    }
    const lines = list.map((s) => `• ${named(s.watch)}${s.lang ? ` (--lang ${s.lang})` : ''}${s.glossary ? ` (--glossary ${s.glossary})` : ''}`);
    if (hook) lines.push(describeChannelHook(hook, deps.channelHooks?.providers ?? []));
    return { kind: 'text', text: [`This channel gets a recap of:`, ...lines].join('\n') };
  }
  // Before the manager check: a webhook's answer holds a secret, and where it cannot be private it says so first.
  if (invocation.watch.kind === 'webhook') return runWebhookSubscription(invocation, channel, deps);
  if (!channel.canManage) {
    throw new RecapError('forbidden', 'Only channel managers and admins can change automatic recaps.', { hint: 'Ask one of them to run the command, or use /recap <session:ID> for a one-off recap.' });
  }
  if (!deps.spotmeWorkspace) {
    throw new RecapError('not_configured', 'Automatic recaps watch SpotMe, which is not set up here.', { hint: 'Set SPOTME_API_TOKEN and SPOTME_WORKSPACE_ID, then subscribe again.' });
  }
  if (invocation.name === 'subscribe' && invocation.watch.kind === 'workspace' && invocation.watch.id !== deps.spotmeWorkspace) {
    throw new RecapError('unsupported', `Recap watches SpotMe workspace ${deps.spotmeWorkspace}, not ${invocation.watch.id}.`, {
      hint: `Subscribe to workspace:${deps.spotmeWorkspace}, or to its sessions one by one.`,
    });
  }
  if (invocation.name === 'unsubscribe') {
    const removed = await subscriptions.remove(channel.key, invocation.watch);
    return { kind: 'text', text: removed ? `This channel no longer gets recaps of ${named(invocation.watch)}.` : `This channel was not subscribed to ${named(invocation.watch)}. /recap subscriptions lists what it is.` };
  }
  const added = await subscriptions.add({
    channelKey: channel.key,
    target: channel.target,
    watch: invocation.watch,
    ...(invocation.lang ? { lang: invocation.lang } : {}),
    ...(invocation.glossary ? { glossary: invocation.glossary } : {}),
    createdAt: Date.now(),
    ...(channel.user ? { createdBy: channel.user } : {}),
  });
  const what = invocation.watch.kind === 'workspace' ? `every session and breakout of ${named(invocation.watch)} that ends from now on` : named(invocation.watch);
  return { kind: 'text', text: added ? `✅ This channel will get a recap of ${what} as soon as its recording is ready.` : `This channel is already subscribed to ${named(invocation.watch)}.` };
}
