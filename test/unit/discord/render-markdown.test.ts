import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, maskedLink, plainSafe, truncateEscaped } from '../../../adapters/discord/markdown.ts';
import { splitText } from '../../../adapters/discord/render-limits.ts';

/** An odd run of backslashes at the end: an escape cut from what it escapes. */
const DANGLING = /(?<!\\)(\\\\)*\\$/;

describe('Discord markdown helpers', () => {
  it('escapes markdown and breaks mention syntax', () => {
    expect(escapeMarkdown('a *b* _c_ ~~d~~ `e` ||f|| [g](h) \\')).toBe('a \\*b\\* \\_c\\_ \\~\\~d\\~\\~ \\`e\\` \\|\\|f\\|\\| \\[g\\](h) \\\\');
    expect(escapeMarkdown('<@123> <#4> @everyone @here')).toBe('\\<\u200b@123\\> \\<\u200b#4\\> @\u200beveryone @\u200bhere');
    expect(escapeMarkdown('see https://x.example/a')).toBe('see https\\://x.example/a');
    expect(escapeMarkdown('no - list here; 3.5 is fine')).toBe('no - list here; 3.5 is fine');
  });

  it('plainSafe breaks mentions without backslashes (footers have no markdown)', () => {
    expect(plainSafe('*x* <@1> @everyone')).toBe('*x* <\u200b@1> @\u200beveryone');
  });

  it('masked links: http(s) only, with characters that could end the link encoded', () => {
    expect(maskedLink('https://a.example/x (1)>.mp4', '01:00')).toBe('[01:00](<https://a.example/x%20%281%29%3E.mp4>)');
    expect(maskedLink('javascript:alert(1)', '01:00')).toBe('01:00');
    expect(maskedLink(undefined, '01:00')).toBe('01:00');
  });

  it('truncateEscaped never leaves a dangling escape and keeps to the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (raw, max) => {
        const out = truncateEscaped(escapeMarkdown(raw), max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out.replace(/…$/, '')).not.toMatch(DANGLING);
      }),
    );
  });

  it('splitText: a piece that would start a heading or a numbered list gets the escape Discord honours', () => {
    // Found by the property below: an escaped backslash, then "# " at the cut.
    const pieces = splitText(escapeMarkdown(`${'x'.repeat(40)}\\# `), 8);
    expect(pieces.join('').replace(/\\([^0-9A-Za-z\s])/g, '$1').trimEnd()).toBe(`${'x'.repeat(40)}\\#`);
    const numbered = splitText(`${'y'.repeat(20)} 1. step`, 21);
    expect(numbered[1]).toBe('1\\. step');
  });

  it('splitText keeps every piece within the limit, never cuts an escape, and loses no words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('word', '*', '-', '# ', '\\', '\n', ' ', '<@1>', '[a](<https://x.example>)', 'x'.repeat(40)), { maxLength: 200 }), fc.integer({ min: 8, max: 120 }), (parts, max) => {
        const text = escapeMarkdown(parts.join(''));
        const pieces = splitText(text, max);
        for (const piece of pieces) {
          expect(piece.length).toBeLessThanOrEqual(max);
          expect(piece).not.toMatch(DANGLING);
        }
        // What a reader sees: markdown escapes undone (a backslash before punctuation), spaces and line breaks aside.
        const squash = (s: string) => s.replace(/\\([^0-9A-Za-z\s])/g, '$1').replace(/\s+/g, '');
        expect(squash(pieces.join(''))).toBe(squash(text));
      }),
    );
  });
});
