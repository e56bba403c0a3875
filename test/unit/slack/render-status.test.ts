import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { renderStatus, type JobStage } from '../../../adapters/slack/render-blocks.ts';

describe('renderStatus: the one status message a job edits', () => {
  const cases: [JobStage, string][] = [
    ['queued', '⏳ Recapping standup.mp4 — queued…'],
    ['transcribing', '⏳ Recapping standup.mp4 — transcribing…'],
    ['analyzing', '⏳ Recapping standup.mp4 — analyzing…'],
    ['done', '✅ Recap of standup.mp4 is in the thread'],
  ];
  it.each(cases)('%s', (stage, text) => {
    const message = renderStatus(stage, 'standup.mp4');
    const blocks: KnownBlock[] = message.blocks;
    expect(message.text).toBe(text);
    expect(blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text } }]);
  });

  it('failed: what went wrong and what to do', () => {
    const message = renderStatus('failed', 'standup.mp4', { message: 'The link answered 404.', hint: 'Check that the link is public.' });
    expect(message.text).toBe('⚠️ Could not recap standup.mp4: The link answered 404. Check that the link is public.');
    expect(message.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '⚠️ Could not recap standup.mp4: The link answered 404.\nCheck that the link is public.' } },
    ]);
    expect(renderStatus('failed', 'standup.mp4').text).toBe('⚠️ Could not recap standup.mp4');
  });

  it('keeps a hostile or huge source name inert and short', () => {
    const message = renderStatus('failed', `<!channel> ${'a'.repeat(5000)}.mp4`, { message: '<@U123> & co', hint: 'x'.repeat(5000) });
    expect(JSON.stringify(message)).not.toMatch(/<!channel>|<@U123>/);
    expect(message.text).toContain('&lt;!channel&gt;');
    expect(message.text.length).toBeLessThanOrEqual(3000);
    for (const block of message.blocks) if (block.type === 'section') expect(block.text?.text.length).toBeLessThanOrEqual(3000);
  });
});
