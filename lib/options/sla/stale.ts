import type { z } from 'zod';
import { ApiProblem } from '../relay';
import { sameValue } from './same';

/**
 * The record as someone else saved it, from a 409 (`{error, current}`), or null when the
 * refusal is something else: an edit made from an older version is never applied.
 */
export function currentOf<S extends z.ZodType>(e: unknown, schema: S): z.infer<S> | null {
  if (!(e instanceof ApiProblem) || e.status !== 409) return null;
  const body = e.body;
  if (typeof body !== 'object' || body === null || !('current' in body)) return null;
  const parsed = schema.safeParse(body.current);
  return parsed.success ? parsed.data : null;
}

/**
 * The admin's edit put back on someone else's save: the fields they changed (from the
 * version they edited) take their value, every other field keeps theirs.
 */
export function reapplied<D extends object>(edited: D, mine: D, theirs: D): D {
  const changed = (Object.keys(mine) as (keyof D)[]).filter((k) => !sameValue(mine[k], edited[k]));
  return { ...theirs, ...Object.fromEntries(changed.map((k) => [k, mine[k]])) };
}
