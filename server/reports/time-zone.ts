import type { Db } from '../db/open';
import { reportContext } from './context';

/** The zone reports cut days in when a request names none (docs/analytics.md). */
export const reportTimeZone = async (db: Db, workspaceId: string) =>
  (await reportContext(db, workspaceId, { clock: 'calendar' })).timeZone;
