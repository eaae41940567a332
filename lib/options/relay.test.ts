import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

const answer = vi.hoisted(() => ({ status: 200, body: null as unknown }));
vi.mock('../messaging', () => ({ send: vi.fn(async () => answer) }));

import { send } from '../messaging';
import { ApiProblem, relay } from './relay';

const Tag = z.object({ id: z.string(), name: z.string() });

beforeEach(() => vi.mocked(send).mockClear());

describe('relayed management requests', () => {
  it('go through the background and come back parsed', async () => {
    Object.assign(answer, { status: 201, body: { id: 't1', name: 'vip', extra: 1 } });
    await expect(relay('POST', '/v1/tags', Tag, { name: 'vip' })).resolves.toEqual({
      id: 't1',
      name: 'vip',
    });
    expect(send).toHaveBeenCalledWith({
      type: 'relay',
      method: 'POST',
      path: '/v1/tags',
      body: { name: 'vip' },
    });
  });

  it('turn a refusal into a problem with its code, issues and body', async () => {
    const body = {
      error: {
        code: 'invalid',
        message: 'templates.2.title: required',
        issues: [{ path: 'templates.2.title', message: 'required' }],
      },
    };
    Object.assign(answer, { status: 400, body });
    const problem = await relay('POST', '/v1/templates/import', Tag, {}).catch((e) => e);
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem).toMatchObject({
      status: 400,
      code: 'invalid',
      message: 'templates.2.title: required',
      issues: [{ path: 'templates.2.title', message: 'required' }],
      body,
    });
  });

  it('refuse an answer that does not fit the contract', async () => {
    Object.assign(answer, { status: 200, body: { id: 1 } });
    await expect(relay('GET', '/v1/tags/t1', Tag)).rejects.toMatchObject({ code: 'bad_response' });
    Object.assign(answer, { status: 502, body: '<html>' });
    await expect(relay('GET', '/v1/tags', Tag)).rejects.toMatchObject({
      status: 502,
      code: 'http',
    });
  });
});
