import { TriageSuggestion } from '../schema';
import { type CopilotContext, CopilotError } from './provider';

/** The JSON object in a model's answer: code fences, thinking and chatter around it dropped. */
function jsonIn(raw: string): unknown {
  const text = raw.replace(/<think>[\s\S]*?<\/think>/gi, '');
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1 || end < start) throw new SyntaxError('no JSON object');
  return JSON.parse(text.slice(start, end + 1));
}

const preview = (raw: string) => {
  const flat = raw.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
};

/**
 * A model's triage answer, checked against TriageSuggestion. What it names must exist:
 * a tag, template or team the workspace does not have is dropped (never invented), and
 * titles and names are taken from the records, not from the model.
 */
export function parseTriage(raw: string, context: CopilotContext): TriageSuggestion {
  let json: unknown;
  try {
    json = jsonIn(raw);
  } catch {
    throw new CopilotError(
      'bad-response',
      `The model's triage was not JSON (it began "${preview(raw)}"). Try again, or use a model that follows instructions better.`,
    );
  }
  const parsed = TriageSuggestion.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new CopilotError(
      'bad-response',
      `The model's triage did not have the expected shape (${where}${issue?.message ?? 'invalid'}). Try again.`,
    );
  }
  const suggestion = parsed.data;
  const tag = suggestion.tag
    ? context.tags.find((t) => t.name.toLowerCase() === suggestion.tag?.name.toLowerCase())
    : undefined;
  const template = context.templates.find((t) => t.id === suggestion.template?.id);
  const team = context.teams.find((t) => t.id === suggestion.team?.id);
  return {
    ...suggestion,
    tag: tag && suggestion.tag ? { name: tag.name, reason: suggestion.tag.reason } : null,
    template:
      template && suggestion.template
        ? { id: template.id, title: template.title, reason: suggestion.template.reason }
        : null,
    team:
      team && suggestion.team
        ? { id: team.id, name: team.name, reason: suggestion.team.reason }
        : null,
  };
}
