import { and, eq } from 'drizzle-orm';
import { type Actor, applyTemplateUse } from '../../lib/mutations/apply';
import type { MutationOf } from '../../lib/schema';
import type { Tx } from '../db/open';
import { conversations, templates } from '../db/schema';
import { toTemplate } from '../domain/records';
import { canSeeTemplate, templateViewer } from '../domain/template-access';
import { bumpVersion, eventWriter } from '../domain/write';
import { type Outcome, rejected } from './apply-mutation';

/**
 * `template.use` inside the push transaction, which holds the workspace lock: count the
 * use on the template and write a `template.used` event, at one new version. The poke
 * carries no changes: a personal template reads differently per member, so clients pull.
 */
export async function applyTemplateUseInTx(
  tx: Tx,
  workspaceId: string,
  head: number,
  actor: Actor,
  mutation: MutationOf<'template.use'>,
  now: Date,
): Promise<{ outcome: Outcome; writes: Promise<unknown>[] }> {
  const { templateId, conversationId } = mutation.args;
  const [viewer, templateRows, conversationRows] = await Promise.all([
    templateViewer(tx, { id: actor.memberId, role: actor.role }),
    tx
      .select()
      .from(templates)
      .where(and(eq(templates.workspaceId, workspaceId), eq(templates.id, templateId))),
    conversationId === null
      ? []
      : tx
          .select({ deletedAt: conversations.deletedAt })
          .from(conversations)
          .where(
            and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, conversationId)),
          ),
  ]);
  const row = templateRows[0];
  // A template this member cannot see (another team's) is as unknown as a missing one.
  const template = row && !row.deletedAt && canSeeTemplate(viewer, row) ? toTemplate(row) : null;
  const conversationExists = conversationRows.some((c) => !c.deletedAt);
  const version = head + 1;
  const result = applyTemplateUse(template, conversationExists, mutation, actor, version);
  if (!result.ok)
    return {
      outcome: { ...rejected(mutation.id, result.status, result.message), head },
      writes: [],
    };

  const { usageCount } = result.applied.template;
  const writes = [
    bumpVersion(tx, workspaceId).then((bumped) => {
      if (bumped !== version)
        throw new Error(`version ${bumped} written under the lock of ${head}`);
    }),
    tx
      .update(templates)
      .set({ usageCount, version })
      .where(and(eq(templates.workspaceId, workspaceId), eq(templates.id, templateId)))
      .execute(),
    eventWriter(tx, workspaceId, version, actor.memberId, now)(result.applied.event),
  ];
  return { outcome: { result: { id: mutation.id, status: 'ok' }, version, head: version }, writes };
}
