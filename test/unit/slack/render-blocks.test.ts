import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { renderReplyFiles, renderSlackReply, renderTextOnly } from '../../../adapters/slack/render-blocks.ts';
import type { RecapReply, Reply } from '../../../src/domain/reply.ts';
import { hugeRecap as hugeRecapOf, smallRecap as smallRecapOf } from '../../support/recap-replies.ts';

/** Every `text` string in a block tree: what Slack counts as the blocks' text. */
function texts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === 'text' && typeof inner === 'string' ? [inner] : texts(inner)));
}

function totalText(blocks: KnownBlock[]): number {
  return texts(blocks).reduce((sum, text) => sum + text.length, 0);
}

function sectionTexts(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === 'section' && block.text ? [block.text.text] : []));
}

/** The Slack limits every rendering must keep, whatever went in. */
function expectWithinSlackLimits(blocks: KnownBlock[], limits = { maxBlocks: 50, maxSectionChars: 3000, maxTotalChars: 11_000 }) {
  expect(blocks.length).toBeLessThanOrEqual(limits.maxBlocks);
  expect(totalText(blocks)).toBeLessThanOrEqual(limits.maxTotalChars);
  for (const block of blocks) {
    expect(['header', 'section', 'context', 'actions']).toContain(block.type);
    if (block.type === 'section') {
      expect(block.text?.type).toBe('mrkdwn');
      expect(block.text?.text.length ?? 0).toBeGreaterThan(0);
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(limits.maxSectionChars);
    }
    if (block.type === 'header') {
      expect(block.text.type).toBe('plain_text');
      expect(block.text.text.length).toBeLessThanOrEqual(150);
    }
    if (block.type === 'context') {
      expect(block.elements.length).toBeGreaterThan(0);
      expect(block.elements.length).toBeLessThanOrEqual(10);
      for (const text of texts(block.elements)) expect(text.length).toBeLessThanOrEqual(3000);
    }
    if (block.type === 'actions') {
      expect(block.elements.length).toBeLessThanOrEqual(25);
      for (const element of block.elements) {
        expect(element.type).toBe('button');
        if (element.type === 'button') {
          expect(element.text.text.length).toBeLessThanOrEqual(75);
          expect(element.url).toMatch(/^https:\/\//);
        }
      }
    }
  }
  // The serialised blocks stay well inside what chat.postMessage accepts.
  expect(JSON.stringify(blocks).length).toBeLessThan(limits.maxTotalChars * 1.5);
}

/** SO-4's input: a 50k-character transcript, 60 chapters, a 4k-character summary, with everything else too. */
function hugeRecap(): RecapReply {
  return hugeRecapOf({
    sentence: 'The team reviewed the launch plan, the hiring pipeline & the budget for next quarter in detail. ',
    summaryChars: 4000,
    chapters: 60,
    chapterSummary: (i) => `What was decided about topic ${i}, who owns it, and when it is due: a one-line chapter summary.`,
    phrases: 20,
    highlightText: (i) => `A memorable thing said in highlight ${i}, quoted as it was said.`,
  });
}

const smallRecap = smallRecapOf;

const SLACK_MENTION = /<!(channel|here|everyone)[^>]*>|<@[UW][A-Z0-9]*>|<#C[A-Z0-9]*>|(?<!@\u2060)@(channel|here|everyone)\b/i;

describe('renderSlackReply: recap within Slack limits', () => {
  it('SO-4: a 50k-character transcript, 60 chapters and a 4k summary fit in ≤ 50 blocks, the overflow in files', () => {
    const reply = hugeRecap();
    const { message, files } = renderSlackReply(reply);
    const blocks: KnownBlock[] = message.blocks;
    expectWithinSlackLimits(blocks);
    expect(message.text.length).toBeLessThanOrEqual(3000);

    expect(files.map((f) => f.filename)).toEqual(['recap.md', 'transcript.txt']);
    const recapMd = files[0]?.content ?? '';
    const transcriptTxt = files[1]?.content ?? '';
    const shown = sectionTexts(blocks).join('\n');
    // Nothing lost: every chapter title is in the blocks or in recap.md (in fact recap.md has them all).
    for (const chapter of reply.recap.chapters ?? []) {
      expect(shown.includes(chapter.title) || recapMd.includes(chapter.title)).toBe(true);
      expect(recapMd).toContain(chapter.title);
    }
    for (const phrase of reply.recap.keyPhrases ?? []) expect(recapMd).toContain(phrase.text);
    for (const highlight of reply.recap.highlights ?? []) expect(recapMd).toContain(highlight.text);
    // The summary is kept in the message, whole.
    const summaryText = reply.recap.summary?.text ?? '';
    expect(shown.replace(/\s+/g, ' ')).toContain(summaryText.replace(/&/g, '&amp;').replace(/\s+/g, ' '));
    // The first chapters are shown, in order; the notice points to the files.
    expect(shown).toContain('*Topic number 0 of the all-hands*');
    expect(texts(blocks)).toContain('Full chapters and transcript attached as files');
    // The transcript is a file, never inline.
    for (const u of reply.transcript?.utterances ?? []) expect(shown).not.toContain(u.text);
    expect(transcriptTxt.split('\n')[0]).toBe(`[00:00] Ann: ${reply.transcript?.utterances[0]?.text}`);
    expect(transcriptTxt.trimEnd().split('\n')).toHaveLength(reply.transcript?.utterances.length ?? -1);
    // Captions and notes survive the squeeze.
    expect(blocks.some((b) => b.type === 'actions')).toBe(true);
    expect(shown + texts(blocks).join('\n')).toContain('Note: Chapters were found by the local analyzer.');
  });

  it('SO-4: never splits a chapter line across sections, under tighter limits too', () => {
    const reply = hugeRecap();
    for (const options of [{}, { maxSectionChars: 500 }, { maxBlocks: 12, maxSectionChars: 800, maxTotalChars: 4000 }, { maxTotalChars: 2500 }]) {
      const { message, files } = renderSlackReply(reply, options);
      expectWithinSlackLimits(message.blocks, { maxBlocks: 50, maxSectionChars: 3000, maxTotalChars: 11_000, ...options });
      const lines = sectionTexts(message.blocks).flatMap((text) => text.split('\n'));
      for (const line of lines.filter((l) => l.includes('Topic number'))) {
        expect(line).toMatch(/^<https:\/\/media\.example\/all-hands\.mp4#t=\d+\|[\d:]+> {2}\*Topic number \d+ of the all-hands\* — .*a one-line chapter summary\.$/);
      }
      expect(files.map((f) => f.filename)).toContain('recap.md');
    }
  });

  it('a small recap renders whole, without files', () => {
    const { message, files } = renderSlackReply(smallRecap());
    expect(files).toEqual([]);
    expectWithinSlackLimits(message.blocks);
    const [head, facts] = message.blocks;
    expect(head).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Recap of standup.mp4', emoji: true } });
    expect(texts(facts)).toEqual(['15:00 · 3 speakers · en']);
    const shown = sectionTexts(message.blocks);
    expect(shown).toContain('*Summary*\nThe team agreed to ship on Friday.');
    expect(shown).toContain('*Key phrases*\nrelease ×4 · status update ×2');
    expect(texts(message.blocks).join('\n')).not.toContain('attached');
    const actions = message.blocks.find((b) => b.type === 'actions');
    expect(actions).toMatchObject({
      type: 'actions',
      elements: [
        { type: 'button', text: { type: 'plain_text', text: 'VTT' }, url: 'https://recap.example/c/1.vtt' },
        { type: 'button', text: { type: 'plain_text', text: 'SRT' }, url: 'https://recap.example/c/1.srt' },
        { type: 'button', text: { type: 'plain_text', text: 'TXT' }, url: 'https://recap.example/c/1.txt' },
      ],
    });
    expect(message.text).toBe('Recap of standup.mp4: The team agreed to ship on Friday.');
    expect(JSON.stringify(message).length).toBeLessThan(2000);
  });

  it('a recap with a transcript always sends it as a file, even when it is short', () => {
    const transcript = { timed: false, utterances: [{ startMs: 0, endMs: 0, speaker: 'Ann', text: 'Short.' }] };
    const { message, files } = renderSlackReply(smallRecap({ transcript }));
    expect(files).toEqual([{ filename: 'transcript.txt', title: 'Transcript of standup.mp4', content: 'Ann: Short.\n' }]);
    expect(texts(message.blocks)).toContain('Full transcript attached as a file');
    expect(sectionTexts(message.blocks).join('\n')).not.toContain('Short.');
  });

  it('shows empty parts the way the terminal does, and untimed chapters with a bullet', () => {
    const reply = smallRecap({
      recap: { summary: { text: '' }, chapters: [{ title: 'Intro', summary: 'Hello.' }], keyPhrases: [], highlights: [] },
    });
    const shown = sectionTexts(renderSlackReply(reply).message.blocks);
    expect(shown).toEqual([
      '*Summary*\n(nothing to summarise)',
      '*Chapters*\n•  *Intro* — Hello.',
      '*Key phrases*\n(none found)',
      '*Highlights (0 s)*\n(none: highlights need a timed transcript)',
    ]);
  });
});

describe('renderSlackReply: chapter links', () => {
  const chaptersOf = (mediaUrl?: string) =>
    sectionTexts(renderSlackReply(smallRecap(mediaUrl ? { mediaUrl } : {})).message.blocks).find((t) => t.startsWith('*Chapters*'));

  it('links each time to the media at that moment', () => {
    expect(chaptersOf('https://media.example/standup.mp4')).toBe(
      '*Chapters*\n<https://media.example/standup.mp4#t=0|00:00>  *Status* — Everyone gave an update.\n' +
        '<https://media.example/standup.mp4#t=754|12:34>  *Release* — Ship on Friday.',
    );
  });

  it('uses ?t= / &t= for YouTube, replacing a time already there', () => {
    expect(chaptersOf('https://youtu.be/abc123')).toContain('<https://youtu.be/abc123?t=754|12:34>');
    expect(chaptersOf('https://www.youtube.com/watch?v=abc123&t=99s')).toContain('<https://www.youtube.com/watch?v=abc123&amp;t=754|12:34>');
  });

  it('shows plain times without a media link, or with one that is not http(s)', () => {
    expect(chaptersOf()).toBe('*Chapters*\n00:00  *Status* — Everyone gave an update.\n12:34  *Release* — Ship on Friday.');
    expect(chaptersOf('javascript:alert(1)')).not.toContain('<');
  });

  it('links highlight ranges too', () => {
    const reply = smallRecap({ mediaUrl: 'https://media.example/a.mp4' });
    reply.recap.highlights = [{ startMs: 61_000, endMs: 70_000, text: 'We ship Friday.' }];
    expect(sectionTexts(renderSlackReply(reply).message.blocks)).toContain(
      '*Highlights (9 s)*\n<https://media.example/a.mp4#t=61|01:01–01:10>  “We ship Friday.”',
    );
  });
});

describe('renderSlackReply: escaping and mentions', () => {
  it('a <!channel> in a transcript line, a title or a highlight never pings', () => {
    const reply = smallRecap({
      source: '<!here> plan & <b>.mp4',
      recap: {
        summary: { text: 'Ping <!everyone> and <@U024BE7LH> & <#C123|general>.' },
        chapters: [{ startMs: 0, title: 'Hey <!channel>', summary: '@channel @here look' }],
        highlights: [{ startMs: 0, endMs: 1000, text: '<!channel> urgent' }],
        keyPhrases: [{ text: '<@W123>', count: 2, rank: 1, timestamps: [] }],
      },
      transcript: { timed: true, utterances: [{ startMs: 0, endMs: 1000, speaker: 'Ann', text: 'Attention <!channel> please' }] },
      notes: ['<!here> note'],
    });
    const { message, files } = renderSlackReply(reply);
    expect(JSON.stringify(message)).not.toMatch(SLACK_MENTION);
    expect(JSON.stringify(renderTextOnly(reply))).not.toMatch(SLACK_MENTION);
    const shown = sectionTexts(message.blocks).join('\n');
    expect(shown).toContain('Ping &lt;!everyone&gt; and &lt;@U024BE7LH&gt; &amp; &lt;#C123|general&gt;.');
    expect(shown).toContain('*Hey &lt;!channel&gt;*');
    // The transcript file keeps the words as said: file contents are never parsed for mentions.
    expect(files.find((f) => f.filename === 'transcript.txt')?.content).toBe('[00:00] Ann: Attention <!channel> please\n');
  });

  it('search moments and help text are escaped too', () => {
    const search = renderSlackReply({
      kind: 'search',
      source: 'a.vtt',
      query: '<!here>',
      matches: [{ startMs: 5000, speaker: '<@U1>', text: 'said <!channel> & left' }],
    });
    expect(JSON.stringify(search.message)).not.toMatch(SLACK_MENTION);
    const help = renderSlackReply({ kind: 'text', text: 'Use /recap <ref> [summary]' });
    expect(sectionTexts(help.message.blocks)).toEqual(['Use /recap &lt;ref&gt; [summary]']);
  });
});

describe('renderSlackReply: search, text and error replies', () => {
  it('search: the moments with times and speakers', () => {
    const { message, files } = renderSlackReply({
      kind: 'search',
      source: 'standup.mp4',
      query: 'budget',
      matches: [
        { startMs: 65_000, speaker: 'Ann', text: 'The budget is fine.' },
        { text: 'Budget again.' },
      ],
    });
    expect(files).toEqual([]);
    expect(sectionTexts(message.blocks)).toEqual(['*“budget”* in standup.mp4: 2 moments\n01:05  *Ann*: The budget is fine.\n•  Budget again.']);
    const none = renderSlackReply({ kind: 'search', source: 'standup.mp4', query: 'cake', matches: [] });
    expect(none.message.text).toBe('No moments in standup.mp4 mention “cake”.');
  });

  it('search: many moments fit the limits and all go in a file', () => {
    const matches = Array.from({ length: 2000 }, (_, i) => ({ startMs: i * 1000, speaker: 'Ann', text: `moment ${i} about the budget` }));
    const { message, files } = renderSlackReply({ kind: 'search', source: 'a.vtt', query: 'budget', matches });
    expectWithinSlackLimits(message.blocks);
    expect(files[0]?.content).toContain('moment 1999 about the budget');
    expect(texts(message.blocks)).toContain('All 2000 moments attached as a file');
  });

  it('text: long help splits into sections on line boundaries', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `/recap example ${i} — does thing number ${i}`);
    const { message, files } = renderSlackReply({ kind: 'text', text: lines.join('\n') });
    expectWithinSlackLimits(message.blocks);
    expect(message.blocks.length).toBeGreaterThan(2);
    for (const text of sectionTexts(message.blocks)) for (const line of text.split('\n')) expect(lines).toContain(line);
    expect(sectionTexts(message.blocks).join('\n')).toBe(lines.join('\n'));
    expect(files).toEqual([]);
    // Twice as much does not fit: the first lines are shown and the whole text goes in a file.
    const long = [...lines, ...lines].join('\n');
    const overflow = renderSlackReply({ kind: 'text', text: long });
    expectWithinSlackLimits(overflow.message.blocks);
    expect(overflow.files).toEqual([{ filename: 'reply.txt', title: 'Recap', content: `${long}\n` }]);
    expect(texts(overflow.message.blocks)).toContain('Full text attached as a file');
  });

  it('error: the message, the hint and the usage in a code span', () => {
    const { message, files } = renderSlackReply({
      kind: 'error',
      message: 'Unknown part "sumary".',
      hint: 'Parts are summary, chapters, phrases, highlights, captions and transcript.',
      usage: '/recap <ref> [summary] [chapters]',
      ephemeral: true,
      code: 'grammar',
    });
    expect(files).toEqual([]);
    expect(sectionTexts(message.blocks)).toEqual([
      '⚠️ Unknown part "sumary".\nParts are summary, chapters, phrases, highlights, captions and transcript.\nUsage: `/recap &lt;ref&gt; [summary] [chapters]`',
    ]);
    expect(message.text).toBe('⚠️ Unknown part "sumary". Parts are summary, chapters, phrases, highlights, captions and transcript.');
  });
});

describe('renderTextOnly (SO-3 fallback)', () => {
  it('is short, has no blocks, and points to the files that carry everything', () => {
    const reply = hugeRecap();
    const message = renderTextOnly(reply);
    expect(message.blocks).toEqual([]);
    expect(message.text.length).toBeLessThan(3000);
    expect(message.text).toContain('*Recap of all-hands.mp4*');
    expect(message.text).toContain('_Full recap attached: recap.md, transcript.txt_');
    expect(renderReplyFiles(reply).map((f) => f.filename)).toEqual(['recap.md', 'transcript.txt']);
    // recap.md is complete even when the blocks would have fitted.
    expect(renderReplyFiles(smallRecap())[0]?.content).toContain('## Chapters\n\n- 00:00 **Status** — Everyone gave an update.');
  });

  it('stays under 3,000 characters for every kind of reply', () => {
    const huge = 'x'.repeat(20_000);
    const replies: Reply[] = [
      { ...hugeRecap(), source: huge },
      { kind: 'search', source: huge, query: huge, matches: Array.from({ length: 500 }, () => ({ startMs: 0, text: huge })) },
      { kind: 'text', text: Array.from({ length: 500 }, (_, i) => `line ${i}`).join('\n') },
      { kind: 'error', message: huge, hint: huge, usage: huge, ephemeral: true, code: 'x' },
    ];
    for (const reply of replies) {
      const message = renderTextOnly(reply);
      expect(message.text.length).toBeLessThan(3000);
      const rendered = renderSlackReply(reply);
      expectWithinSlackLimits(rendered.message.blocks);
      expect(rendered.message.text.length).toBeLessThanOrEqual(3000);
    }
    expect(renderTextOnly(replies[2] as Reply).text).toMatch(/_Full text attached: reply\.txt_$/);
  });
});
