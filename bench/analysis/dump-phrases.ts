/** Tuning aid: dumps every key phrase candidate of the news dev set with its features and gold label (JSON lines). */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocument } from '../../src/analysis/document.ts';
import { readTranscript } from '../../src/analysis/formats/index.ts';
import { collectCandidates, phraseText } from '../../src/analysis/phrase-candidates.ts';
import { rarity } from '../../src/analysis/text/rarity.ts';
import { KEYPHRASES_DIR } from './paths.ts';

const norm = (p: string): string => p.toLowerCase().replace(/[^\p{L}\p{N}_\s]+/gu, ' ').split(/\s+/).filter(Boolean)
  .map((w) => w.replace(/(?<=\w\w\w)(es|s)$/u, '')).join(' ');
const out: string[] = [];
for (const f of readdirSync(KEYPHRASES_DIR).filter((x) => x.endsWith('.txt')).sort()) {
  const gold = new Set(readFileSync(join(KEYPHRASES_DIR, f.replace(/\.txt$/, '.key')), 'utf8').split('\n').filter((l) => l.trim()).map(norm));
  const doc = buildDocument(readTranscript(readFileSync(join(KEYPHRASES_DIR, f)), { filename: f }), 'en');
  const titleEnd = doc.sentences[0]?.tokenEnd ?? 0;
  const rows = [];
  for (const c of collectCandidates(doc).values()) {
    const terms = c.terms.map((t) => doc.terms[t]!);
    const text = phraseText(doc, c.terms);
    rows.push({
      text, gold: gold.has(norm(text)) ? 1 : 0, n: c.terms.length, count: c.starts.length,
      first: c.starts[0]! / Math.max(1, doc.tokens.length), title: c.starts[0]! < titleEnd ? 1 : 0,
      inTitleCount: c.starts.filter((s) => s < titleEnd).length,
      rare: terms.map((t) => rarity([t.key, t.display.toLowerCase()], 'en') ?? 1),
      cap: terms.map((t) => t.capitalRatio), common: terms.map((t) => (t.weight < 1 ? 1 : 0)),
      len: terms.map((t) => t.key.length), termCount: terms.map((t) => t.count),
    });
  }
  out.push(JSON.stringify({ id: f, tokens: doc.tokens.length, gold: gold.size, rows }));
}
writeFileSync(process.argv[2] ?? '/tmp/seg/phrases.jsonl', out.join('\n') + '\n');
