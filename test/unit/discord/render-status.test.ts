import { describe, expect, it } from 'vitest';
import { renderDiscordStatus, type JobStage } from '../../../adapters/discord/render-embeds.ts';

describe('renderDiscordStatus', () => {
  it('says where the job is, in Slack’s wording', () => {
    const stages: [JobStage, string][] = [
      ['queued', '⏳ Recapping standup.mp4 — queued…'],
      ['transcribing', '⏳ Recapping standup.mp4 — transcribing…'],
      ['analyzing', '⏳ Recapping standup.mp4 — analyzing…'],
      ['done', '✅ Recap of standup.mp4 is in the thread'],
      ['failed', '⚠️ Could not recap standup.mp4'],
    ];
    for (const [stage, content] of stages) {
      expect(renderDiscordStatus(stage, 'standup.mp4')).toEqual({ content, embeds: [], allowed_mentions: { parse: [] } });
    }
  });

  it('a failure says what went wrong and what to do', () => {
    const status = renderDiscordStatus('failed', 'standup.mp4', { message: 'The link answered 404.', hint: 'Check the link and try again.' });
    expect(status.content).toBe('⚠️ Could not recap standup.mp4: The link answered 404.\nCheck the link and try again.');
  });

  it('D-17: a source or detail with mentions and markdown stays inert, and long ones are cut', () => {
    const status = renderDiscordStatus('failed', `@everyone <@123> **x** ${'s'.repeat(500)}`, { message: '<@&9> @here '.repeat(300), hint: '<#1>' });
    expect(status.allowed_mentions).toEqual({ parse: [] });
    expect(status.content.length).toBeLessThanOrEqual(2000);
    expect(status.content).not.toMatch(/@(everyone|here)\b|<@[!&]?\d+>|<#\d+>|(?<!\\)\*\*x/);
    const queued = renderDiscordStatus('queued', `${'s'.repeat(500)}`);
    expect(queued.content.length).toBeLessThan(200);
    expect(queued.content).toMatch(/s…\s—\squeued…$/);
  });
});
