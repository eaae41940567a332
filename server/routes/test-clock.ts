import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/context';
import { body } from '../http/validate';

const SetClock = z.object({
  /** How far the API's clock runs ahead of the real one; a week at most. */
  offsetMs: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3_600_000),
});

/**
 * End-to-end tests only (TEST_CLOCK=true, which needs NODE_ENV=test): moves the API's
 * `now` ahead of the real clock, so a test can pass SLA warning and breach times, and
 * sweep, without waiting for them. Tokens, events and the sweep all read the moved clock.
 */
export function testClockRoutes(clock: { offsetMs: number }) {
  return new Hono<AppEnv>()
    .get('/', (c) =>
      c.json({
        offsetMs: clock.offsetMs,
        now: new Date(Date.now() + clock.offsetMs).toISOString(),
      }),
    )
    .put('/', body(SetClock), (c) => {
      clock.offsetMs = c.req.valid('json').offsetMs;
      return c.json({
        offsetMs: clock.offsetMs,
        now: new Date(Date.now() + clock.offsetMs).toISOString(),
      });
    });
}
