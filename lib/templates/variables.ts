import type { Conversation, Participant } from '../schema';

/** What a template's variables are filled from; null parts leave their variables blank. */
export interface VariableSource {
  customer: Participant | null;
  agent: { name: string } | null;
  conversation: Pick<Conversation, 'subject' | 'status' | 'priority'> | null;
}

/** The variables a template may use, written `{{customer.firstName}}`. */
export const VARIABLES = [
  'customer.name',
  'customer.firstName',
  'customer.email',
  'agent.name',
  'agent.firstName',
  'conversation.subject',
  'conversation.status',
  'conversation.priority',
] as const;
export type Variable = (typeof VARIABLES)[number];

const firstWord = (name: string | null | undefined) => name?.trim().split(/\s+/)[0] ?? '';

export function variableValues({ customer, agent, conversation }: VariableSource) {
  return {
    'customer.name': customer?.name ?? '',
    'customer.firstName': firstWord(customer?.name),
    'customer.email': customer?.email ?? '',
    'agent.name': agent?.name ?? '',
    'agent.firstName': firstWord(agent?.name),
    'conversation.subject': conversation?.subject ?? '',
    'conversation.status': conversation?.status ?? '',
    'conversation.priority': conversation?.priority ?? '',
  } satisfies Record<Variable, string>;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const isVariable = (name: string): name is Variable =>
  (VARIABLES as readonly string[]).includes(name);

/**
 * Replaces each known `{{ variable }}` in template HTML with its value, HTML-escaped (a
 * customer named `<b>` stays text). Unknown variables stay as written, so the agent sees
 * them in the draft and fixes them before sending.
 */
export function fillVariables(html: string, source: VariableSource): string {
  const values = variableValues(source);
  return html.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (written, name: string) =>
    isVariable(name) ? escapeHtml(values[name]) : written,
  );
}
