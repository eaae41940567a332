import { z } from 'zod';
import { ApiError } from '../../lib/schema';
import { ROUTE_DOCS, type RouteDoc } from './routes';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: jsonSchema(ApiError, 'output') } },
});

function operation(method: string, path: string, doc: RouteDoc) {
  const pathParams = [...path.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const queryParams = doc.query
    ? Object.entries(
        (jsonSchema(doc.query, 'input') as { properties?: Record<string, unknown> }).properties ??
          {},
      ).map(([name, schema]) => ({ name, in: 'query', schema }))
    : [];
  const status = String(doc.status ?? 200);
  const success =
    doc.response === null || status === '101'
      ? { description: status === '101' ? 'Switching protocols' : 'Done' }
      : doc.response
        ? {
            description: 'OK',
            content: { 'application/json': { schema: jsonSchema(doc.response, 'output') } },
          }
        : { description: 'OK', content: { [doc.content ?? 'application/json']: {} } };
  return {
    summary: doc.summary,
    tags: [doc.tag],
    operationId: `${method.toLowerCase()}${path.replace(/[/:]+(\w)/g, (_, c: string) => c.toUpperCase())}`,
    ...(doc.auth !== 'none' && { security: [{ [doc.auth]: [] }] }),
    parameters: [...pathParams, ...queryParams],
    ...(doc.body && {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: jsonSchema(doc.body, 'input') } },
      },
    }),
    responses: {
      [status]: success,
      '4XX': errorResponse('A documented error: see error.code'),
    },
  };
}

/** The OpenAPI 3.1 document, built from the same zod schemas that validate requests. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [key, doc] of Object.entries(ROUTE_DOCS)) {
    const [method, path] = key.split(' ') as [string, string];
    const openApiPath = path.replace(/:(\w+)/g, '{$1}');
    paths[openApiPath] ??= {};
    paths[openApiPath][method.toLowerCase()] = operation(method, path, doc);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sidedesk API',
      version: '1',
      description:
        'Team help desk API. Errors are {error:{code,message,issues?}}. See docs/architecture.md.',
    },
    components: {
      securitySchemes: {
        identity: {
          type: 'http',
          scheme: 'bearer',
          description: 'Identity token (before a workspace)',
        },
        member: { type: 'http', scheme: 'bearer', description: 'Member token (one workspace)' },
      },
    },
    paths,
  };
}
