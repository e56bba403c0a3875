/**
 * The `--json` contract of the CLI: exactly one object with the parts that were asked for, times in ms.
 * `{"summary":{"text"},"chapters":[{"startMs","endMs","title","summary"}],"keyPhrases":[{"text","count","rank",
 * "timestamps":[{"startMs","endMs"}]}],"highlights":[{"startMs","endMs","text"}],"captions":[{"format","url"}]}`
 */
import type { Recap } from '../../src/domain/recap.ts';

export function recapJson(recap: Recap): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (recap.summary) out.summary = { text: recap.summary.text };
  if (recap.chapters) {
    out.chapters = recap.chapters.map((c) => ({
      ...(c.startMs !== undefined ? { startMs: c.startMs } : {}),
      ...(c.endMs !== undefined ? { endMs: c.endMs } : {}),
      title: c.title,
      ...(c.summary !== undefined ? { summary: c.summary } : {}),
    }));
  }
  if (recap.keyPhrases) {
    out.keyPhrases = recap.keyPhrases.map((p) => ({
      text: p.text,
      count: p.count,
      rank: p.rank,
      timestamps: p.timestamps.map((t) => ({ startMs: t.startMs, endMs: t.endMs })),
    }));
  }
  if (recap.highlights) out.highlights = recap.highlights.map((h) => ({ startMs: h.startMs, endMs: h.endMs, text: h.text }));
  if (recap.captions) out.captions = recap.captions.map((c) => ({ format: c.format, url: c.url }));
  return out;
}
