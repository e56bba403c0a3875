/**
 * Slack Events API deliveries for the load bench, signed with the production signer before the clock starts:
 * each an `app_mention` asking `@Recap <media link>` (a recap through AssemblyAI), with its own `event_id` and its
 * own message `ts` (the thread Recap answers in), so every delivery is a distinct request Recap must take once.
 */
import { signSlackRequest } from '../../adapters/slack/signature.ts';

export interface SignedEvent {
  /** `channel ts`: where Recap answers (the job's target, and the thread in the fake Slack). */
  key: string;
  eventId: string;
  body: string;
  headers: Record<string, string>;
}

export interface EventPlan {
  /** Scenario tag, part of every id (`LD1`, …). */
  tag: string;
  count: number;
  /** Index of the first event (a later slice of the same run continues the numbering). */
  first?: number;
  /** The channel of event `i`. */
  channel: (i: number) => string;
  signingSecret: string;
  /** Sign with this secret instead (LD-2: every signature wrong). */
  signWith?: string;
  /** Signature timestamp (seconds); default now. Slack's window is five minutes either way. */
  timestamp?: number;
}

/** A Slack message ts (`1700000000.000100`) unique per scenario and index. */
function messageTs(scenario: number, i: number): string {
  const micros = i * 100;
  return `${1_760_000_000 + scenario * 100_000 + Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
}

export function signedEvents(plan: EventPlan): SignedEvent[] {
  const timestamp = plan.timestamp ?? Math.floor(Date.now() / 1000);
  const scenario = Number(/\d+/.exec(plan.tag)?.[0] ?? 0);
  const out: SignedEvent[] = [];
  for (let i = plan.first ?? 0; i < (plan.first ?? 0) + plan.count; i++) {
    const channel = plan.channel(i);
    const ts = messageTs(scenario, i);
    const eventId = `Ev${plan.tag}${i.toString(36).toUpperCase().padStart(6, '0')}`;
    const body = JSON.stringify({
      token: 'verification-token-unused',
      team_id: 'T1',
      api_app_id: 'A1',
      event: {
        type: 'app_mention',
        user: 'U1',
        text: `<@UBOT> https://media.example.com/${plan.tag.toLowerCase()}/meeting-${i}.mp4`,
        ts,
        channel,
        event_ts: ts,
      },
      type: 'event_callback',
      event_id: eventId,
      event_time: timestamp,
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    });
    out.push({
      key: `${channel} ${ts}`,
      eventId,
      body,
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signSlackRequest(plan.signWith ?? plan.signingSecret, timestamp, body),
      },
    });
  }
  return out;
}
