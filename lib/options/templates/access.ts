import type { Role, Template, TemplateScope } from '../../schema';

/** Who may write each scope; the API (server/domain/template-access.ts) decides, this mirrors it. */
const WRITERS: Record<TemplateScope, readonly Role[]> = {
  personal: ['agent', 'lead', 'admin'],
  team: ['lead', 'admin'],
  workspace: ['admin'],
};

export interface Viewer {
  memberId: string;
  role: Role;
}

/** The scopes a role may create: agents personal, leads personal and team, admins all. */
export const creatableScopes = (role: Role): TemplateScope[] =>
  (['personal', 'team', 'workspace'] as const).filter((s) => WRITERS[s].includes(role));

/** Why the viewer may not change this template, or null when they may. */
export function editRefusal(template: Pick<Template, 'scope' | 'ownerId'>, me: Viewer) {
  if (template.scope === 'personal') {
    return template.ownerId === me.memberId ? null : 'Personal templates are their owner’s alone.';
  }
  if (WRITERS[template.scope].includes(me.role)) return null;
  return `Only ${WRITERS[template.scope].join(' or ')} members may edit ${template.scope} templates.`;
}

/** What a role manages here: agents their personal templates, leads and admins all they see. */
export const listedFor = (templates: readonly Template[], me: Viewer) =>
  me.role === 'agent'
    ? templates.filter((t) => t.scope === 'personal' && t.ownerId === me.memberId)
    : [...templates];
