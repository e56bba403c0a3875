/**
 * Describes why a provider's JSON did not match the expected schema, for operators, without quoting the body.
 * Zod's messages are mostly safe, but custom refinements may interpolate received values, and a transcript body
 * is the user's meeting: the summary keeps to paths, issue kinds and expected types.
 */
import type { z } from 'zod';

/** Issues listed before the rest are counted; one or two usually explain an API change. */
const MAX_ISSUES = 5;

/** `words.0.start`, or `(root)` for the body itself. */
function renderPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((key) => (typeof key === 'symbol' ? key.description ?? 'symbol' : String(key))).join('.');
}

function renderIssue(issue: z.core.$ZodIssue): string {
  const where = renderPath(issue.path);
  if (issue.code === 'invalid_type') return `${where}: expected ${issue.expected}`;
  if (issue.code === 'unrecognized_keys') return `${where}: ${issue.keys.length} unexpected key(s)`;
  return `${where}: ${issue.code}`;
}

/**
 * One line such as `status: expected string; words.0.start: expected number; +3 more`, naming where the body
 * differs and how, never what it contained.
 */
export function summarizeSchemaIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, MAX_ISSUES).map(renderIssue);
  if (issues.length > MAX_ISSUES) shown.push(`+${issues.length - MAX_ISSUES} more`);
  return shown.length > 0 ? shown.join('; ') : 'the response did not match the expected shape';
}
