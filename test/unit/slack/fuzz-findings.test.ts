/**
 * Regressions for what the Slack fuzzer (test/fuzz/slack.fuzz.ts) found, each with its shrunk counterexample,
 * replayed through the fuzz property's own check (the real adapter on a fake Web API) as well as asserted plainly.
 */
import { describe, expect, it } from 'vitest';
import { slackAttachment } from '../../../adapters/slack/slack-refs.ts';
import { checkSlackPieces, checkSlackRequest, type SlackRequest } from '../../fuzz/slack.fuzz.ts';

const signed = { signing: 'valid', junkTimestamp: '', failSubmit: false, retryHeaders: false, declareLength: false, intent: { kind: 'other' } } as const;

describe('Slack fuzz findings', () => {
  it('a file field that is not text is no file link (was: url 0, object ids and names went through)', () => {
    // Shrunk counterexample: {"signature":"","body":"","value":[{"url_private_download":0,"url_private":""}],"text":null}
    checkSlackPieces({ signature: '', timestamp: undefined, body: '', value: [{ url_private_download: 0, url_private: '' }], text: null });
    expect(slackAttachment([{ url_private_download: 0, url_private: 'https://files.slack.com/a.vtt' }] as never)).toEqual({
      kind: 'upload',
      platform: 'slack',
      fileId: 'file',
      url: 'https://files.slack.com/a.vtt',
    });
    expect(slackAttachment([{ id: { x: 1 }, name: ['a'], url_private: 'https://files.slack.com/a.vtt' }] as never)).toEqual({
      kind: 'upload',
      platform: 'slack',
      fileId: 'file',
      url: 'https://files.slack.com/a.vtt',
    });
  });

  it('a url_verification whose challenge is not text is a 400 (was: a 500 for [{"toString":1}], "[object Object]" for {})', async () => {
    for (const challenge of ['[{"toString":1}]', '{"toString":1,"valueOf":1}', '{}', '[1,2]', '5', 'true', 'null']) {
      const request: SlackRequest = { ...signed, path: '/slack/events', contentType: 'application/json', body: `{"token":"x","type":"url_verification","challenge":${challenge}}` };
      await checkSlackRequest(request);
    }
    await checkSlackRequest({ ...signed, path: '/slack/events', contentType: 'application/json', body: '{"token":"x","type":"url_verification","challenge":"ch-1"}' });
  });

  it('payload= that is JSON but not an object is a 400 (was: an array handed to Bolt)', async () => {
    for (const payload of ['[1]', '[]', '[{"type":"block_actions"}]']) {
      await checkSlackRequest({ ...signed, path: '/slack/interactions', contentType: 'application/x-www-form-urlencoded', body: `payload=${encodeURIComponent(payload)}` });
    }
  });

  it('a mention whose ts or team is not text is dropped quietly (was: a TypeError building the claim key)', async () => {
    // Shrunk counterexample (team_id {}, ts an array holding {"toString":null}).
    const event = (ts: string, team = '{}') =>
      `{"token":"x","team_id":${team},"api_app_id":"A1","type":"event_callback","event_id":"Ev-ts-${Math.random().toString(36).slice(2)}","event_time":1700000000,"event":{"type":"app_mention","user":"U1","channel":"C1","ts":${ts},"text":"<@UBOT> "}}`;
    for (const ts of ['[{"R%^cth.":"[object Object]","constructor":0},{"toString":null}]', '{"toString":null}', '5', 'null']) {
      await checkSlackRequest({ ...signed, path: '/slack/events', contentType: 'application/json', body: event(ts) });
    }
    // A team id that is not text counts as absent; the mention is still answered once.
    await checkSlackRequest({ ...signed, path: '/slack/events', contentType: 'application/json', body: event('"1700000999.000100"', '{}'), intent: { kind: 'mention', text: '', files: false } });
  });

  it('a slash command without response_url whose job cannot be stored is told by an ephemeral message (was: "respond is not a function")', async () => {
    // Shrunk counterexample (failSubmit: the store is down).
    await checkSlackRequest({
      ...signed,
      failSubmit: true,
      path: '/slack/commands',
      contentType: 'application/x-www-form-urlencoded',
      body: 'token=x&team_id=T1&team_domain=fuzz&channel_id=C1&channel_name=general&user_id=U1&user_name=ana&command=%2Frecap&text=https%3A%2F%2Fexample.com%2Fstandup.vtt&api_app_id=A1&trigger_id=t1',
      // With a usable body the property also counts the answers: exactly one (the ephemeral notice).
      intent: { kind: 'command', text: 'https://example.com/standup.vtt' },
    });
  });
});
