import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { surveyKeys } from '../db/schema';
import { newSurveySecret } from './survey-token';

/** The workspace's key for rating links, or null before its first link. */
export async function surveyKeyOf(db: Db, workspaceId: string): Promise<string | null> {
  const [row] = await db
    .select({ secret: surveyKeys.secret })
    .from(surveyKeys)
    .where(eq(surveyKeys.workspaceId, workspaceId));
  return row?.secret ?? null;
}

/** The workspace's key, made on first use; two instances racing keep the first one written. */
export async function ensureSurveyKey(db: Db, workspaceId: string, now: Date): Promise<string> {
  const known = await surveyKeyOf(db, workspaceId);
  if (known) return known;
  await db
    .insert(surveyKeys)
    .values({ workspaceId, secret: newSurveySecret(), createdAt: now })
    .onConflictDoNothing();
  const secret = await surveyKeyOf(db, workspaceId);
  if (!secret) throw new Error(`no survey key for workspace ${workspaceId}`);
  return secret;
}
