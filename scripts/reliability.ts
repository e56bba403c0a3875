/**
 * Writes RELIABILITY.md: every ID of ../shared/reliability-checklist.md with the tests that name it and their result
 * in the latest `npm test` run (reports/vitest.json, written by vitest.config.ts), and the benches that measure the
 * load items. The hand-written figures section of RELIABILITY.md (between the `figures` markers) is kept.
 * Usage: `npm test` then `npm run reliability` (`--checklist PATH` when the checklist is elsewhere).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const argIndex = process.argv.indexOf('--checklist');
const CHECKLIST = argIndex > 0 ? process.argv[argIndex + 1]! : resolve(ROOT, '../shared/reliability-checklist.md');
const REPORT = resolve(ROOT, 'reports/vitest.json');
const OUT = resolve(ROOT, 'RELIABILITY.md');
const FIGURES_START = '<!-- figures: kept by npm run reliability -->';
const FIGURES_END = '<!-- /figures -->';
/** Checklist IDs measured by a bench rather than a test (their figures are in the figures section). */
const BENCHES: Record<string, string> = {
  'LD-1': 'npm run bench:load',
  'LD-2': 'npm run bench:load',
  'LD-3': 'npm run bench:load (LOAD_SOAK_S=600 for the full soak)',
  'LD-4': 'npm run bench:load',
};

interface Item {
  id: string;
  section: string;
  test: string;
  expected: string;
}
interface Result {
  title: string;
  file: string;
  status: string;
}

/** The checklist writes IDs with non-breaking hyphens (U+2011); tests use ASCII ones. */
const ascii = (text: string) => text.replace(/\u2011/g, '-');

function readChecklist(): Item[] {
  const items: Item[] = [];
  let section = '';
  for (const raw of readFileSync(CHECKLIST, 'utf8').split('\n')) {
    const line = ascii(raw);
    if (line.startsWith('### ')) section = line.slice(4).trim();
    const row = /^\|\s*([A-Z]{1,2}-\d+)\s*\|(.*)\|(.*)\|\s*$/.exec(line);
    if (row) items.push({ id: row[1]!, section, test: row[2]!.trim(), expected: row[3]!.trim() });
  }
  return items;
}

function readResults(): Map<string, Result[]> {
  const byId = new Map<string, Result[]>();
  if (!existsSync(REPORT)) return byId;
  const report = JSON.parse(readFileSync(REPORT, 'utf8')) as { testResults: { name: string; assertionResults: { fullName: string; ancestorTitles: string[]; title: string; status: string }[] }[] };
  for (const file of report.testResults) {
    for (const assertion of file.assertionResults) {
      // An ID in a describe block covers each test inside it.
      const named = [...assertion.ancestorTitles, assertion.title].join(' › ');
      for (const id of new Set(named.match(/\b(?:SO|LD|[SDUPL])-\d+\b/g) ?? [])) {
        const list = byId.get(id) ?? [];
        list.push({ title: named, file: relative(ROOT, file.name), status: assertion.status });
        byId.set(id, list);
      }
    }
  }
  return byId;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

function render(items: Item[], results: Map<string, Result[]>, figures: string): string {
  const when = existsSync(REPORT) ? new Date(JSON.parse(readFileSync(REPORT, 'utf8')).startTime as number).toISOString().slice(0, 16).replace('T', ' ') : 'never';
  const lines = [
    '# Reliability',
    '',
    'Each item of the reliability checklist (`../shared/reliability-checklist.md`), the tests that cover it (every test',
    'names the IDs it proves) and their result in the latest full `npm test` run, and the figures measured by the',
    `benches. Regenerate with \`npm test && npm run reliability\`. Latest run: ${when} UTC.`,
    '',
  ];
  let section = '';
  let covered = 0;
  for (const item of items) {
    if (item.section !== section) {
      section = item.section;
      lines.push(`## ${section}`, '', '| ID | Expected | Covered by | Result |', '|---|---|---|---|');
    }
    const found = results.get(item.id) ?? [];
    const bench = BENCHES[item.id];
    if (found.length || bench) covered++;
    const by = [...found.map((r) => `${cell(r.title)} (\`${r.file}\`)`), ...(bench ? [`\`${bench}\``] : [])].join('<br>') || '—';
    const statuses = [...new Set(found.map((r) => r.status))];
    const result = found.length ? (statuses.length === 1 && statuses[0] === 'passed' ? `✅ ${found.length} passed` : statuses.join(', ')) : bench ? 'see figures' : 'not covered';
    lines.push(`| ${item.id} | ${cell(item.expected)} | ${by} | ${result} |`);
  }
  lines.push('', `${covered} of ${items.length} items are covered.`, '', '## Figures', '', FIGURES_START, figures.trim(), FIGURES_END, '');
  return lines.join('\n');
}

const previous = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
const start = previous.indexOf(FIGURES_START);
const end = previous.indexOf(FIGURES_END);
const figures = start >= 0 && end > start ? previous.slice(start + FIGURES_START.length, end) : '(none yet)';
writeFileSync(OUT, render(readChecklist(), readResults(), figures));
console.log(`wrote ${relative(ROOT, OUT)}`);
