import { browser } from 'wxt/browser';
import type { SidedeskDb } from '../db';
import { notificationTarget } from '../sla-ticker/notifications';
import { mentionTarget } from './mention-notifications';
import { openTarget } from './open-target';

/** A click on one of our notifications (SLA or mention) opens what it names; others are not ours. */
export async function openNotification(id: string, db: SidedeskDb) {
  const target = notificationTarget(id) ?? mentionTarget(id);
  if (!target) return;
  await browser.notifications.clear(id);
  await openTarget(target, db);
}
