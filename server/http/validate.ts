import { zValidator } from '@hono/zod-validator';
import type { z } from 'zod';
import { ApiFailure } from './errors';

const issuesOf = (error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}) =>
  error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));

const summary = (issues: { path: string; message: string }[]) =>
  issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');

/** The 400 of a body that fails its schema, or a record built from it that fails its own. */
export function invalidBody(error: Parameters<typeof issuesOf>[0]) {
  const issues = issuesOf(error);
  return new ApiFailure(400, 'invalid_body', `Invalid request body: ${summary(issues)}`, issues);
}

/** zod validation whose failures are our documented 400 (body, query) or 404 (path). */
export const body = <T extends z.ZodType>(schema: T) =>
  zValidator('json', schema, (result) => {
    if (!result.success) throw invalidBody(result.error);
  });

export const query = <T extends z.ZodType>(schema: T) =>
  zValidator('query', schema, (result) => {
    if (!result.success) {
      const issues = issuesOf(result.error);
      throw new ApiFailure(400, 'invalid_query', `Invalid query: ${summary(issues)}`, issues);
    }
  });

export const params = <T extends z.ZodType>(schema: T, what: string) =>
  zValidator('param', schema, (result) => {
    if (!result.success) throw new ApiFailure(404, 'not_found', `${what} not found`);
  });
