import type { z } from 'zod';
import { send } from '../messaging';
import { ApiError } from '../schema';
import type { RelayRequest } from '../schema/messages';

/** The API said no: its status, stable code, message, field issues and whole body. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { path: string; message: string }[],
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'ApiProblem';
  }
}

type Method = RelayRequest['method'];

/**
 * One management request through the background (which holds the tokens); a success is
 * parsed with the contract's schema, a refusal becomes an ApiProblem.
 */
export async function relay<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.infer<S>> {
  const response = await send({ type: 'relay', method, path, body });
  if (response.status >= 400) {
    const error = ApiError.safeParse(response.body);
    if (!error.success) {
      throw new ApiProblem(
        response.status,
        'http',
        `${path} answered ${response.status}`,
        [],
        response.body,
      );
    }
    const { code, message, issues = [] } = error.data.error;
    throw new ApiProblem(response.status, code, message, issues, response.body);
  }
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) {
    throw new ApiProblem(
      response.status,
      'bad_response',
      `${path}: unexpected answer`,
      [],
      response.body,
    );
  }
  return parsed.data;
}
