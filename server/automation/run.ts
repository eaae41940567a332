import { and, eq, lte, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/open';
import { automationJobs } from '../db/schema';
import { publish } from '../domain/write';
import { type JobRun, runNextJob } from './engine';

/** A job that keeps failing is dropped after this many tries, with a log line. */
const MAX_ATTEMPTS = 5;
/** Jobs per workspace and call; the rest wait for the next call (the sweeper's, say). */
const MAX_JOBS = 2000;

export type AutomationRun = { ran: number; failed: number };

/**
 * Runs every job due by `now` (of one workspace, or all), each in its own transaction, and
 * pokes the workspace after each that wrote. Called after a push that fired triggers and by
 * every sweep, which also picks up what a crash between commit and run left behind.
 */
export async function runAutomations(
  database: Database,
  options: { now: Date; workspaceId?: string },
): Promise<AutomationRun> {
  const { now, workspaceId } = options;
  const ids = workspaceId ? [workspaceId] : await dueWorkspaces(database.db, now);
  const total: AutomationRun = { ran: 0, failed: 0 };
  for (const id of ids) {
    for (let i = 0; i < MAX_JOBS; i++) {
      let taken: JobRun['job'] = null;
      try {
        const run = await database.db.transaction(async (tx) => {
          const result = await runNextJob(tx, id, now, (job) => {
            taken = job;
          });
          return result;
        });
        if (!run.job) break;
        total.ran++;
        if (run.version !== null)
          await publish(database, { workspaceId: id, version: run.version });
      } catch (error) {
        if (!taken) throw error;
        total.failed++;
        await retryLater(database.db, taken, now, error);
      }
    }
  }
  return total;
}

async function dueWorkspaces(db: Db, now: Date) {
  const rows = await db
    .selectDistinct({ id: automationJobs.workspaceId })
    .from(automationJobs)
    .where(lte(automationJobs.runAt, now));
  return rows.map((r) => r.id);
}

/** Later, a minute doubling per try, so the jobs behind it go on; dropped in the end. */
async function retryLater(db: Db, job: NonNullable<JobRun['job']>, now: Date, error: unknown) {
  const where = and(eq(automationJobs.id, job.id), eq(automationJobs.attempts, job.attempts));
  if (job.attempts + 1 >= MAX_ATTEMPTS) {
    console.error(`automation job ${job.kind} on ${job.conversationId} dropped`, error);
    await db.delete(automationJobs).where(where);
    return;
  }
  console.error(`automation job ${job.kind} on ${job.conversationId} failed; retrying`, error);
  await db
    .update(automationJobs)
    .set({
      attempts: sql`${automationJobs.attempts} + 1`,
      runAt: new Date(now.getTime() + 60_000 * 2 ** job.attempts),
    })
    .where(where);
}
