import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { blocksToMarkdown, mrkdwnToMarkdown } from '../../../adapters/slack/poster-markdown.ts';

describe('blocks as recap.md (SO-3)', () => {
  it('turns mrkdwn into Markdown', () => {
    expect(mrkdwnToMarkdown('*Summary* of <https://x.example/a?b=1&amp;c=2|the call> ~old~ &lt;not a mention&gt;')).toBe(
      '**Summary** of [the call](https://x.example/a?b=1&c=2) ~~old~~ <not a mention>',
    );
    expect(mrkdwnToMarkdown('<https://x.example/plain> 2*3*4')).toBe('https://x.example/plain 2*3*4');
  });

  it('keeps every block’s content, in order', () => {
    const blocks: KnownBlock[] = [
      { type: 'header', text: { type: 'plain_text', text: 'Recap of standup.mp4' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '12:34' }, { type: 'mrkdwn', text: '3 speakers' }] },
      { type: 'section', text: { type: 'mrkdwn', text: '*Summary*\nShipped.' }, accessory: { type: 'button', text: { type: 'plain_text', text: 'Open' }, url: 'https://x.example/v' } },
      { type: 'divider' },
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*Owner*' }, { type: 'plain_text', text: 'Ana' }] },
      { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Captions' }, url: 'https://x.example/c.vtt' }] },
      { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'rich ' }, { type: 'link', url: 'https://x.example/r' }] }] },
    ];
    expect(blocksToMarkdown(blocks)).toBe(
      [
        '# Recap of standup.mp4',
        '_12:34 · 3 speakers_',
        '**Summary**\nShipped.\n[Open](https://x.example/v)',
        '---',
        '**Owner**\nAna',
        '[Captions](https://x.example/c.vtt)',
        'rich https://x.example/r',
      ].join('\n\n') + '\n',
    );
  });
});
