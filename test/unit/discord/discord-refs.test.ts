/**
 * What Discord payloads carry, as Recap's words: `/recap` options (ref, parts, highlights, lang, provider, file with
 * `resolved.attachments`) become the grammar's words and attachment, the same grammar as the terminal and Slack;
 * attachments and mentions are read defensively (a field of the wrong shape is "absent").
 * https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-interaction-data-option-structure
 */
import { describe, expect, it } from 'vitest';
import { commandRequest, discordAttachment, firstAttachment, mentionsUser, stripDiscordMentions } from '../../../adapters/discord/discord-refs.ts';
import { parseCommand } from '../../../commands/grammar.ts';

const BOT = '1100000000000000001';
const option = (name: string, value: unknown, type = 3) => ({ name, type, value });
const vtt = { id: '1600000000000000001', filename: 'design review.vtt', size: 1200, url: 'https://cdn.discordapp.com/attachments/1/1600000000000000001/design_review.vtt?ex=1', content_type: 'text/vtt' };

/** The invocation the grammar makes of a command's options (what Recap would run). */
const invocationOf = (data: unknown) => {
  const request = commandRequest(data);
  const parsed = parseCommand(request.text, { allowFiles: false, ...(request.attachment ? { attachment: request.attachment } : {}) });
  if (!parsed.ok) throw new Error(`${parsed.error} ${parsed.hint ?? ''}`);
  return parsed.invocation;
};

describe('commandRequest', () => {
  it('maps ref, parts, highlights, lang and provider to the words of the grammar', () => {
    const data = {
      name: 'recap',
      options: [
        option('ref', ' https://example.com/standup.vtt '),
        option('parts', 'summary chapters'),
        option('highlights', 90, 4),
        option('lang', 'de'),
        option('provider', 'assemblyai'),
      ],
    };
    expect(commandRequest(data)).toEqual({ text: 'https://example.com/standup.vtt summary chapters highlights=90 --lang de --provider assemblyai' });
    expect(invocationOf(data)).toEqual({
      name: 'recap',
      ref: { kind: 'url', url: 'https://example.com/standup.vtt' },
      want: ['summary', 'chapters', 'highlights'],
      highlightsSeconds: 90,
      lang: 'de',
      provider: 'assemblyai',
    });
  });

  it('puts the ref first whatever order Discord sends the options in', () => {
    const data = { options: [option('lang', 'pt-BR'), option('parts', 'captions'), option('ref', 'https://example.com/a.vtt')] };
    expect(commandRequest(data).text).toBe('https://example.com/a.vtt captions --lang pt-BR');
    expect(invocationOf(data)).toMatchObject({ want: ['captions'], lang: 'pt-br' });
  });

  it('the `file` option is the attachment from resolved.attachments; parts still apply', () => {
    const data = { options: [option('file', vtt.id, 11), option('parts', 'summary')], resolved: { attachments: { [vtt.id]: vtt } } };
    expect(commandRequest(data)).toEqual({
      text: 'summary',
      attachment: { kind: 'upload', platform: 'discord', fileId: vtt.id, url: vtt.url, name: 'design review.vtt' },
    });
    expect(invocationOf(data)).toMatchObject({ name: 'recap', ref: { kind: 'upload', name: 'design review.vtt' }, want: ['summary'] });
    // Only a file, nothing else: recap it with the default parts.
    expect(invocationOf({ options: [option('file', vtt.id, 11)], resolved: { attachments: { [vtt.id]: vtt } } })).toMatchObject({ ref: { kind: 'upload' } });
  });

  it('a `file` id missing from resolved.attachments, or without a url, is no attachment', () => {
    expect(commandRequest({ options: [option('file', vtt.id, 11)] })).toEqual({ text: '' });
    expect(commandRequest({ options: [option('file', vtt.id, 11)], resolved: { attachments: { [vtt.id]: { ...vtt, url: undefined } } } })).toEqual({ text: '' });
  });

  it('`ref: help` is the help; no options at all is the help too', () => {
    expect(invocationOf({ options: [option('ref', 'help')] })).toEqual({ name: 'help' });
    expect(invocationOf({ name: 'recap' })).toEqual({ name: 'help' });
  });

  it('a highlights length given as text (a string option) keeps its unit', () => {
    expect(invocationOf({ options: [option('ref', 'https://example.com/a.vtt'), option('highlights', '2m')] })).toMatchObject({ highlightsSeconds: 120, want: ['highlights'] });
  });

  it('a value with spaces stays one word, so a bad lang is reported as itself', () => {
    const request = commandRequest({ options: [option('ref', 'https://example.com/a.vtt'), option('lang', 'pt BR')] });
    expect(request.text).toBe('https://example.com/a.vtt --lang "pt BR"');
    const parsed = parseCommand(request.text, { allowFiles: false });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toBe('"pt BR" is not a language code.');
  });

  it('ignores blank values, unknown options and payloads of the wrong shape', () => {
    expect(commandRequest({ options: [option('ref', '   '), option('parts', ''), option('colour', 'blue'), option('highlights', null)] })).toEqual({ text: '' });
    for (const junk of [undefined, null, 'recap', 42, { options: 'ref' }, { options: [null, 7, { name: 'ref' }] }]) {
      expect(commandRequest(junk)).toEqual({ text: '' });
    }
  });
});

describe('attachments', () => {
  it('an attachment with a url is an upload reference named by its filename', () => {
    expect(discordAttachment(vtt)).toEqual({ kind: 'upload', platform: 'discord', fileId: vtt.id, url: vtt.url, name: 'design review.vtt' });
    expect(discordAttachment({ url: vtt.url })).toEqual({ kind: 'upload', platform: 'discord', fileId: 'attachment', url: vtt.url });
  });

  it('without a url (or not an object) there is none; the first usable one of a message is taken', () => {
    for (const junk of [undefined, null, 'x', { id: '1', filename: 'a.vtt' }, { url: 5 }]) expect(discordAttachment(junk)).toBeUndefined();
    expect(firstAttachment([{ filename: 'no-url.vtt' }, vtt, { ...vtt, id: '2' }])?.fileId).toBe(vtt.id);
    expect(firstAttachment('nope')).toBeUndefined();
    expect(firstAttachment([])).toBeUndefined();
  });
});

describe('mentions', () => {
  it('strips user, nickname, role and channel mentions and tidies the spaces', () => {
    expect(stripDiscordMentions(`<@${BOT}> summary  <@!42> <@&7> for <#99> chapters`)).toBe('summary for chapters');
    expect(stripDiscordMentions(undefined)).toBe('');
    expect(stripDiscordMentions('@everyone is plain text')).toBe('@everyone is plain text');
  });

  it("knows the bot is mentioned from the mentions array or its tag in the content, not from another user's", () => {
    expect(mentionsUser({ mentions: [{ id: BOT }], content: 'hi' }, BOT)).toBe(true);
    expect(mentionsUser({ content: `<@!${BOT}> summary` }, BOT)).toBe(true);
    expect(mentionsUser({ content: `<@${BOT}>` }, BOT)).toBe(true);
    expect(mentionsUser({ mentions: [{ id: '42' }], content: `<@${BOT}0> <@&${BOT}>` }, BOT)).toBe(false);
    expect(mentionsUser({ mentions: 'nope', content: 5 }, BOT)).toBe(false);
  });
});
