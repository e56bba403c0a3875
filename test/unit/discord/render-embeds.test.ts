import { describe, expect, it } from 'vitest';
import {
  renderDiscordReply,
  splitMessages,
  type DiscordEmbed,
  type DiscordMessage,
} from '../../../adapters/discord/render-embeds.ts';
import type { RecapReply, Reply } from '../../../src/domain/reply.ts';
import { hugeRecap as hugeRecapOf, smallRecap as smallRecapOf } from '../../support/recap-replies.ts';

function embedChars(embed: DiscordEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/** Discord's limits, for every message a rendering produces (D-9), and the no-ping guard on each (D-17). */
function expectWithinDiscordLimits(messages: DiscordMessage[]) {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(m.allowed_mentions).toEqual({ parse: [] });
    expect(m.content.length).toBeLessThanOrEqual(2000);
    expect(m.content.length > 0 || m.embeds.length > 0).toBe(true);
    expect(m.embeds.length).toBeLessThanOrEqual(10);
    expect(m.embeds.reduce((sum, e) => sum + embedChars(e), 0)).toBeLessThanOrEqual(6000);
    for (const e of m.embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
      expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
      for (const f of e.fields ?? []) {
        expect(f.name.length).toBeGreaterThan(0);
        expect(f.name.length).toBeLessThanOrEqual(256);
        expect(f.value.length).toBeGreaterThan(0);
        expect(f.value.length).toBeLessThanOrEqual(1024);
      }
      expect(embedChars(e)).toBeGreaterThan(0);
    }
  }
}

/** Everything a message shows, as one string. */
function shownText(messages: DiscordMessage[]): string {
  return messages
    .flatMap((m) => [
      m.content,
      ...m.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]),
    ])
    .join('\n');
}

/** Markdown escapes removed: what the reader sees. */
function unescape(text: string): string {
  return text.replace(/\u200b/g, '').replace(/\\([^0-9A-Za-z\s])/g, '$1');
}

/**
 * D-9's input as a recap: a 2,500-character summary, 30 chapters with long summaries, key phrases, highlights,
 * captions and notes — a dozen sections' worth of embeds and well over 7,000 characters — plus a transcript.
 */
function hugeRecap(): RecapReply {
  return hugeRecapOf({
    sentence: 'The team reviewed the launch plan, the hiring pipeline and the budget for next quarter in detail. ',
    summaryChars: 2500,
    cutSummary: true,
    chapters: 30,
    chapterSummary: (i) => `What was decided about topic ${i}, who owns it, when it is due, and what the risks are: a long chapter summary that goes on for a while.`,
    phrases: 40,
    highlightText: (i) => `A memorable thing said in highlight ${i}, quoted as it was said, at some length so that it takes room.`,
  });
}

function smallRecap(overrides: Partial<RecapReply> = {}): RecapReply {
  return smallRecapOf({ mediaUrl: 'https://media.example/standup.mp4', ...overrides });
}

describe('D-9: split to ≤ 2,000 chars a message, ≤ 10 embeds, ≤ 6,000 embed chars, ≤ 25 fields', () => {
  it('D-9: 2,500 content chars, 12 embeds, 7,000 embed chars and 30 fields are split, nothing lost', () => {
    const content = Array.from({ length: 50 }, (_, i) => `Content line ${String(i).padStart(2, '0')} ${'x'.repeat(34)}`).join('\n');
    expect(content.length).toBeGreaterThanOrEqual(2500);
    const embeds: DiscordEmbed[] = Array.from({ length: 12 }, (_, i) => ({
      title: `Section ${i}`,
      description: `Description of section ${i}. ${'d'.repeat(560)}`,
      color: 1,
    }));
    // 30 fields on one of them, one with a value past 1,024.
    embeds[11] = {
      title: 'Many fields',
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `Field ${i}`, value: `field-${i} ${'v'.repeat(i === 3 ? 1500 : 20)}` })),
      footer: { text: 'the footer' },
    };
    const total = embeds.reduce((sum, e) => sum + embedChars(e), 0);
    expect(total).toBeGreaterThanOrEqual(7000);

    const messages = splitMessages(content, embeds);
    expectWithinDiscordLimits(messages);
    expect(messages.length).toBeGreaterThan(1);
    // Content is split on line boundaries, in order, before the embeds.
    expect(messages.map((m) => m.content).filter(Boolean).join('\n')).toBe(content);
    expect(messages[0]?.embeds).toEqual([]);
    // Every embed's text survives, in order.
    const shown = shownText(messages);
    for (let i = 0; i < 11; i++) expect(shown).toContain(`Description of section ${i}.`);
    for (let i = 0; i < 30; i++) expect(shown).toContain(`field-${i} v`);
    expect(shown.indexOf('field-29')).toBeGreaterThan(shown.indexOf('field-0 '));
    const allFields = messages.flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []));
    expect(allFields.map((f) => f.value).join('')).toContain('v'.repeat(1000));
    expect(shown).toContain('the footer');
  });

  it('D-9: a huge recap (2,500-char summary, 30 chapters, 12 sections, > 7,000 chars) stays in one message, the rest in recap.md', () => {
    const reply = hugeRecap();
    const { messages, files } = renderDiscordReply(reply);
    expectWithinDiscordLimits(messages);
    expect(messages).toHaveLength(1);
    expect(files.map((f) => f.filename)).toEqual(['recap.md', 'transcript.txt']);
    const recapMd = files[0]?.content ?? '';
    const shown = unescape(shownText(messages));
    // Nothing lost: every chapter title is in the embeds or in recap.md (which has them all).
    for (const chapter of reply.recap.chapters ?? []) {
      expect(shown.includes(chapter.title) || recapMd.includes(chapter.title)).toBe(true);
      expect(recapMd).toContain(chapter.title);
    }
    for (const phrase of reply.recap.keyPhrases ?? []) expect(recapMd).toContain(phrase.text);
    for (const highlight of reply.recap.highlights ?? []) expect(recapMd).toContain(highlight.text);
    // The summary is shown whole, the first chapters with time links, and the notice names what was cut.
    const [embed] = messages[0]?.embeds ?? [];
    expect(embed?.title).toBe('Recap of all-hands.mp4');
    expect(embed?.description).toBe(reply.recap.summary?.text);
    expect(embed?.fields?.[0]?.name).toBe('Chapters');
    expect(embed?.fields?.[0]?.value.split('\n')[0]).toBe(
      '[00:00](<https://media.example/all-hands.mp4#t=0>)  **Topic number 0 of the all-hands** — What was decided about topic 0, who owns it, when it is due, and what the risks are: a long chapter summary that goes on for a while.',
    );
    expect(messages[0]?.content).toMatch(/^-# Full chapters.* and transcript attached as files$/);
    // Captions and notes survive the squeeze; the transcript is a file, never inline.
    expect(embed?.fields?.find((f) => f.name === 'Captions')?.value).toBe(
      '[VTT](<https://recap.example/captions/abc.vtt>) · [SRT](<https://recap.example/captions/abc.srt>) · [TXT](<https://recap.example/captions/abc.txt>)',
    );
    expect(embed?.fields?.find((f) => f.name === 'Note')?.value).toBe('Chapters were found by the local analyzer.');
    for (const u of reply.transcript?.utterances.slice(0, 50) ?? []) expect(shown).not.toContain(u.text);
    expect(files[1]?.content.split('\n')[0]).toBe(`[00:00] Ann: ${reply.transcript?.utterances[0]?.text}`);
    expect(embed?.footer).toEqual({ text: '3:00:00 · 7 speakers · en' });
  });

  it('D-9: a 2,500-character text reply is split into two messages on line boundaries', () => {
    const text = Array.from({ length: 60 }, (_, i) => `Help line ${i}: what Recap does and how to ask it.`).join('\n');
    expect(text.length).toBeGreaterThanOrEqual(2500);
    const { messages, files } = renderDiscordReply({ kind: 'text', text });
    expectWithinDiscordLimits(messages);
    expect(messages).toHaveLength(2);
    expect(files).toEqual([]);
    expect(messages.map((m) => unescape(m.content)).join('\n')).toBe(text);
  });

  it('D-9: a very long text reply keeps to five messages, the whole text in reply.txt', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Line ${i} of a very long reply, with words enough to take room.`).join('\n');
    const { messages, files } = renderDiscordReply({ kind: 'text', text });
    expectWithinDiscordLimits(messages);
    expect(messages).toHaveLength(5);
    expect(messages.at(-1)?.content.endsWith('\n-# Full text attached as a file')).toBe(true);
    expect(files).toEqual([{ filename: 'reply.txt', content: `${text}\n` }]);
  });

  it('D-9: limits hold for recaps of every size and shape', () => {
    const big = hugeRecap();
    const variants: RecapReply[] = [
      big,
      { ...big, recap: { ...big.recap, summary: { text: 'word '.repeat(3000) } } },
      { ...big, recap: { ...big.recap, summary: { text: 'x'.repeat(9000) } } },
      { ...big, recap: { chapters: Array.from({ length: 300 }, (_, i) => ({ startMs: i * 1000, title: `C${i} ${'t'.repeat(400)}`, summary: 's'.repeat(2000) })) } },
      { ...big, recap: { keyPhrases: Array.from({ length: 500 }, (_, i) => ({ text: `p${i} ${'*'.repeat(300)}`, count: 1, rank: 0, timestamps: [] })) } },
      { ...big, mediaUrl: `https://media.example/${'a'.repeat(1900)}.mp4`, recap: { ...big.recap } },
      { ...big, source: `<@123> ${'s'.repeat(500)}`, notes: Array.from({ length: 40 }, (_, i) => `note ${i} ${'n'.repeat(100)}`) },
      { ...big, recap: { captions: [{ format: 'vtt', url: `https://recap.example/${'c'.repeat(1100)}` }, { format: 'srt', url: 'javascript:alert(1)' }] } },
    ];
    for (const reply of variants) {
      const { messages, files } = renderDiscordReply(reply);
      expectWithinDiscordLimits(messages);
      expect(messages).toHaveLength(1);
      expect(files.map((f) => f.filename)).toContain('recap.md');
      const recapMd = files.find((f) => f.filename === 'recap.md')?.content ?? '';
      for (const chapter of reply.recap.chapters ?? []) expect(recapMd).toContain(chapter.title);
    }
  });
});

describe('renderDiscordReply: recap', () => {
  it('a small recap fits one message with no files', () => {
    const { messages, files } = renderDiscordReply(smallRecap());
    expect(files).toEqual([]);
    expectWithinDiscordLimits(messages);
    expect(messages).toEqual([
      {
        content: '',
        allowed_mentions: { parse: [] },
        embeds: [
          {
            title: 'Recap of standup.mp4',
            url: 'https://media.example/standup.mp4',
            color: 0x5865f2,
            description: 'The team agreed to ship on Friday.',
            fields: [
              {
                name: 'Chapters',
                value:
                  '[00:00](<https://media.example/standup.mp4#t=0>)  **Status** — Everyone gave an update.\n' +
                  '[12:34](<https://media.example/standup.mp4#t=754>)  **Release** — Ship on Friday.',
              },
              { name: 'Key phrases', value: 'release ×4 · status update ×2' },
              {
                name: 'Captions',
                value: '[VTT](<https://recap.example/c/1.vtt>) · [SRT](<https://recap.example/c/1.srt>) · [TXT](<https://recap.example/c/1.txt>)',
              },
            ],
            footer: { text: '15:00 · 3 speakers · en' },
          },
        ],
      },
    ]);
  });

  it('links chapter times to YouTube with t=, shows plain times without a media link, and bullets untimed chapters', () => {
    const chapters = [{ startMs: 65_000, title: 'Intro' }, { title: 'Untimed' }];
    const youtube = renderDiscordReply(smallRecap({ mediaUrl: 'https://www.youtube.com/watch?v=abc&t=5', recap: { chapters } }));
    expect(youtube.messages[0]?.embeds[0]?.fields?.[0]?.value).toBe(
      '[01:05](<https://www.youtube.com/watch?v=abc&t=65>)  **Intro**\n•  **Untimed**',
    );
    const plain = renderDiscordReply(smallRecap({ mediaUrl: undefined, recap: { chapters } }));
    expect(plain.messages[0]?.embeds[0]?.fields?.[0]?.value).toBe('01:05  **Intro**\n•  **Untimed**');
    expect(plain.messages[0]?.embeds[0]?.url).toBeUndefined();
    const notHttp = renderDiscordReply(smallRecap({ mediaUrl: 'javascript:alert(1)', recap: { chapters } }));
    expect(notHttp.messages[0]?.embeds[0]?.fields?.[0]?.value).toBe('01:05  **Intro**\n•  **Untimed**');
  });

  it('shows highlights and empty sections with the terminal’s wording', () => {
    const { messages } = renderDiscordReply(
      smallRecap({
        recap: {
          summary: { text: '' },
          chapters: [],
          keyPhrases: [],
          highlights: [{ startMs: 10_000, endMs: 40_000, text: 'We ship Friday.' }],
        },
      }),
    );
    const embed = messages[0]?.embeds[0];
    expect(embed?.description).toBe('(nothing to summarise)');
    expect(embed?.fields).toEqual([
      { name: 'Chapters', value: '(none found)' },
      { name: 'Key phrases', value: '(none found)' },
      { name: 'Highlights (30 s)', value: '[00:10–00:40](<https://media.example/standup.mp4#t=10>)  “We ship Friday.”' },
    ]);
    const none = renderDiscordReply(smallRecap({ recap: { highlights: [] } }));
    expect(none.messages[0]?.embeds[0]?.fields).toEqual([{ name: 'Highlights (0 s)', value: '(none: highlights need a timed transcript)' }]);
  });

  it('puts an asked-for transcript in transcript.txt, always, and says so', () => {
    const reply = smallRecap({ transcript: { timed: false, utterances: [{ startMs: 0, endMs: 0, speaker: 'Ann', text: 'Hello @everyone' }] } });
    const { messages, files } = renderDiscordReply(reply);
    expectWithinDiscordLimits(messages);
    expect(files).toEqual([{ filename: 'transcript.txt', content: 'Ann: Hello @everyone\n' }]);
    expect(messages[0]?.content).toBe('-# Full transcript attached as a file');
  });
});

/** Mention syntax that would render as a mention (or ping, without allowed_mentions). */
const LIVE_MENTION = /@(everyone|here)\b|<@[!&]?\d+>|<#\d+>|<\/[\w-]+:\d+>|<a?:\w+:\d+>|<t:\d+/i;
const HOSTILE = '@everyone @here <@123> <@!456> <@&789> <#101112> </cmd:1> <t:1700000000> [click](https://evil.example) **bold** `code` ||spoiler|| https://evil.example';

describe('D-17: mentions in echoed user text never ping or render', () => {
  it('D-17: recap text from the transcript is escaped and every message has allowed_mentions parse []', () => {
    const reply = smallRecap({
      source: `<@123> standup @everyone.mp4`,
      recap: {
        summary: { text: `Summary: ${HOSTILE}` },
        chapters: [{ startMs: 0, title: `Title ${HOSTILE}`, summary: `About ${HOSTILE}` }],
        keyPhrases: [{ text: `<@&789>`, count: 2, rank: 1, timestamps: [] }],
        highlights: [{ startMs: 0, endMs: 1000, text: HOSTILE }],
      },
      language: '<@123>',
      notes: [`Note ${HOSTILE}`],
    });
    const { messages } = renderDiscordReply(reply);
    expectWithinDiscordLimits(messages);
    const shown = shownText(messages);
    expect(shown).not.toMatch(LIVE_MENTION);
    // Markdown from the transcript stays literal: no masked link, no bold, no code, no spoiler, no autolink.
    expect(shown).not.toMatch(/(?<!\\)\[click(?<!\\)\]/);
    expect(shown).not.toMatch(/(?<!\\)\*\*bold/);
    expect(shown).not.toMatch(/(?<!\\)`code/);
    expect(shown).not.toMatch(/(?<!\\)\|\|spoiler/);
    expect(shown).not.toMatch(/https:\/\/evil/);
    // What the reader sees is the text as said.
    expect(unescape(messages[0]?.embeds[0]?.description ?? '')).toBe(`Summary: ${HOSTILE}`);
    expect(unescape(messages[0]?.embeds[0]?.title ?? '')).toBe('Recap of <@123> standup @everyone.mp4');
  });

  it('D-17: search moments, text, errors and statuses are neutralised too', () => {
    const replies: Reply[] = [
      { kind: 'search', source: '<#101112>', query: '@here', matches: [{ startMs: 0, speaker: '<@123>', text: HOSTILE }] },
      { kind: 'search', source: '@everyone', query: '<@&789>', matches: [] },
      { kind: 'text', text: HOSTILE },
      { kind: 'error', message: HOSTILE, hint: HOSTILE, usage: '/recap <@123> @everyone', ephemeral: true, code: 'bad' },
    ];
    for (const reply of replies) {
      const { messages } = renderDiscordReply(reply);
      expectWithinDiscordLimits(messages);
      expect(shownText(messages)).not.toMatch(LIVE_MENTION);
    }
  });

  it('D-17: line-start markdown from the transcript (headings, lists, quotes, subtext) stays literal', () => {
    const { messages } = renderDiscordReply({ kind: 'text', text: '# Heading\n- item\n> quote\n-# small\n1. first\n+ plus' });
    expect(messages[0]?.content).toBe('\\# Heading\n\\- item\n\\> quote\n\\-# small\n1\\. first\n\\+ plus');
  });
});

describe('renderDiscordReply: search, text and errors', () => {
  it('search: a title with the count, one line per moment', () => {
    const { messages, files } = renderDiscordReply({
      kind: 'search',
      source: 'standup.mp4',
      query: 'budget',
      matches: [
        { startMs: 61_000, speaker: 'Ann', text: 'The budget is fine.' },
        { text: 'Budget again, untimed.' },
      ],
    });
    expect(files).toEqual([]);
    expect(messages).toEqual([
      {
        content: '',
        allowed_mentions: { parse: [] },
        embeds: [{ title: '“budget” in standup.mp4: 2 moments', color: 0x5865f2, description: '01:01  **Ann**: The budget is fine.\n•  Budget again, untimed.' }],
      },
    ]);
  });

  it('search: no moments is a plain line', () => {
    const { messages } = renderDiscordReply({ kind: 'search', source: 'standup.mp4', query: 'budget', matches: [] });
    expect(messages.map((m) => m.content)).toEqual(['No moments in standup.mp4 mention “budget”.']);
  });

  it('search: too many moments for one message go to moments.txt', () => {
    const matches = Array.from({ length: 400 }, (_, i) => ({ startMs: i * 1000, speaker: 'Ben', text: `Moment ${i} about the budget and the plan.` }));
    const { messages, files } = renderDiscordReply({ kind: 'search', source: 'standup.mp4', query: 'budget', matches });
    expectWithinDiscordLimits(messages);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.embeds.length).toBeGreaterThan(1);
    expect(messages[0]?.content).toBe('-# All 400 moments attached as a file');
    expect(files.map((f) => f.filename)).toEqual(['moments.txt']);
    expect(files[0]?.content).toContain('[06:39] Ben: Moment 399 about the budget and the plan.');
  });

  it('errors: ⚠️ message, hint, and usage in a code span', () => {
    const { messages, files } = renderDiscordReply({
      kind: 'error',
      message: 'Unknown part “sumary”.',
      hint: 'Parts are summary, chapters, phrases, highlights, captions, transcript.',
      usage: '/recap <link or id> [parts…] `x`',
      ephemeral: true,
      code: 'grammar',
    });
    expect(files).toEqual([]);
    expect(messages).toEqual([
      {
        content:
          '⚠️ Unknown part “sumary”.\nParts are summary, chapters, phrases, highlights, captions, transcript.\nUsage: `/recap <link or id> [parts…] ˋxˋ`',
        embeds: [],
        allowed_mentions: { parse: [] },
      },
    ]);
  });

  it('errors: very long parts are cut to fit one message', () => {
    const { messages } = renderDiscordReply({ kind: 'error', message: 'm'.repeat(5000), hint: 'h '.repeat(3000), usage: 'u'.repeat(3000), ephemeral: false, code: 'x' });
    expectWithinDiscordLimits(messages);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.content).toMatch(/^⚠️ m+…\n[h ]+…\nUsage: `u+…`$/);
  });
});
