import type { z } from 'zod';
import { ApiProblem } from '../relay';

/** Messages by dotted field path ("weekly.mon.0.end"; "" for the whole record). */
export type Issues = ReadonlyMap<string, string>;

export const NO_ISSUES: Issues = new Map();

/**
 * Plain words for zod's generic issues; the schema's own messages ("expected HH:MM",
 * "windows of one day must not overlap") win over these, as zod gives them precedence.
 */
export const plainWords: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return Number(issue.minimum) <= 1 ? 'Required' : `At least ${issue.minimum} characters`;
  }
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return `At most ${issue.maximum} characters`;
  }
  if (issue.code === 'too_small' && issue.origin === 'number') {
    return issue.inclusive ? `At least ${issue.minimum}` : `More than ${issue.minimum}`;
  }
  if (issue.code === 'too_big' && issue.origin === 'number') {
    return `At most ${issue.maximum}`;
  }
  if (issue.code === 'too_big' && issue.origin === 'array') {
    return `At most ${issue.maximum} entries`;
  }
  if (issue.code === 'invalid_format' && issue.format === 'email') {
    return 'Enter addresses like support@example.com';
  }
  if (issue.code === 'invalid_format' && issue.format === 'date') return 'Enter a date';
  return undefined;
};

/** A failed parse's messages by path, the first message of each path. */
export function issuesOf(error: z.ZodError): Issues {
  const issues = new Map<string, string>();
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (!issues.has(path)) issues.set(path, issue.message);
  }
  return issues;
}

/** Our issues, and the API's from its last refusal for paths we have nothing to say about. */
export function withRefusal(issues: Issues, refusal: unknown): Issues {
  if (!(refusal instanceof ApiProblem) || refusal.issues.length === 0) return issues;
  const merged = new Map(issues);
  for (const { path, message } of refusal.issues) if (!merged.has(path)) merged.set(path, message);
  return merged;
}

/** The message about `path` itself or, for a list, about any of its entries. */
export function issueUnder(issues: Issues, path: string): string | undefined {
  const exact = issues.get(path);
  if (exact !== undefined) return exact;
  for (const [at, message] of issues) if (at.startsWith(`${path}.`)) return message;
  return undefined;
}

/** Issues shown so far: those of fields touched, or all once a save was tried. */
export function shownIssues(
  issues: Issues,
  touched: ReadonlySet<string>,
  attempted: boolean,
): Issues {
  if (attempted) return issues;
  return new Map([...issues].filter(([path]) => touched.has(path.split('.')[0]!)));
}

/** A form's value once it passes its schema (null while it does not), and what to say where. */
export type Checked<T> = { value: T | null; issues: Issues };
