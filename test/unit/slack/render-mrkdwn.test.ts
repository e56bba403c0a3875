import { describe, expect, it } from 'vitest';
import { mediaTimeUrl } from '../../../adapters/shared/media-time-url.ts';
import { escapeMrkdwn, link, plainSafe, truncateMrkdwn } from '../../../adapters/slack/mrkdwn.ts';
import { packItems, splitProse } from '../../../adapters/slack/render-limits.ts';

describe('mrkdwn escaping', () => {
  it('escapes &, < and > and neutralises broadcast mentions', () => {
    expect(escapeMrkdwn('a & b <!channel> <@U1> <#C1> <https://x|y>')).toBe(
      'a &amp; b &lt;!channel&gt; &lt;@U1&gt; &lt;#C1&gt; &lt;https://x|y&gt;',
    );
    expect(escapeMrkdwn('hi @here and @channel, @everyone')).toBe('hi @\u2060here and @\u2060channel, @\u2060everyone');
    expect(plainSafe('<!here> x')).not.toContain('<!here>');
  });

  it('links only http(s) URLs, with | and & made safe', () => {
    expect(link('https://a.example/x?a=1&b=2|3', '00:10')).toBe('<https://a.example/x?a=1&amp;b=2%7C3|00:10>');
    expect(link('javascript:alert(1)', '00:10')).toBe('00:10');
    expect(link('not a url', '00:10')).toBe('00:10');
  });

  it('builds media links at a moment', () => {
    expect(mediaTimeUrl('https://m.example/a.mp4#old', 61_500)).toBe('https://m.example/a.mp4#t=61');
    expect(mediaTimeUrl('https://www.youtube.com/watch?t=3&v=abc', 10_000)).toBe('https://www.youtube.com/watch?v=abc&t=10');
    expect(mediaTimeUrl('https://youtu.be/abc?t=3', 10_000)).toBe('https://youtu.be/abc?t=10');
    expect(mediaTimeUrl('file:///etc/passwd', 0)).toBeUndefined();
  });

  it('truncates without breaking an entity or a link', () => {
    expect(truncateMrkdwn('aaaa &amp; bbbb', 8)).toBe('aaaa…');
    expect(truncateMrkdwn('see <https://a.example/long|00:10> now', 20)).toBe('see…');
    expect(truncateMrkdwn('short', 10)).toBe('short');
  });
});

describe('section packing', () => {
  it('never splits an item, and honours the room', () => {
    const items = Array.from({ length: 50 }, (_, i) => `line ${i} ${'x'.repeat(40)}`);
    const packed = packItems('*Chapters*', items, '\n', { blocks: 3, chars: 5000 }, 300);
    expect(packed.blocks.length).toBeLessThanOrEqual(3);
    expect(packed.truncated).toBe(true);
    const lines = packed.blocks.flatMap((b) => b.text?.text.split('\n') ?? []);
    expect(lines[0]).toBe('*Chapters*');
    expect(lines.slice(1)).toEqual(items.slice(0, packed.shown));
    for (const block of packed.blocks) expect(block.text?.text.length).toBeLessThanOrEqual(300);
  });

  it('splits prose on line, sentence or word boundaries and loses nothing', () => {
    const text = 'One sentence here. Another one follows!\nA new line starts here and goes on for a while without end';
    const pieces = splitProse(text, 25);
    for (const piece of pieces) expect(piece.trim().length).toBeLessThanOrEqual(25);
    expect(pieces.join('')).toBe(text);
    expect(splitProse('x'.repeat(10) + '&amp;', 12).join('')).toBe('x'.repeat(10) + '&amp;');
    expect(splitProse('x'.repeat(10) + '&amp;', 12)[0]).toBe('x'.repeat(10));
  });
});
