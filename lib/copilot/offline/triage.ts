import type { TriageSuggestion } from '../../schema';
import type { CopilotContext } from '../provider';
import { groundingFor } from '../retrieval';
import { latestCustomerMessage, ownText } from '../thread-text';
import { bareSubject, intentOf, intentReason, raisesTopic, scoreIntents } from './intent';
import { normalise } from './phrases';
import { priorityOf } from './priority';
import { tagFor, teamFor } from './routing';
import { isThanksOnly, toneOf } from './tone';

const clip = (line: string) => (line.length > 300 ? `${line.slice(0, 299)}…` : line);

/** Triage from the subject and the customer's latest words, by rules: no model involved. */
export function triage(context: CopilotContext): TriageSuggestion {
  const raw = ownText(latestCustomerMessage(context).text);
  const subject = bareSubject(context.thread.subject);
  const body = normalise(raw);
  const thanksOnly = isThanksOnly(body, raisesTopic(body));
  const best = scoreIntents(subject, body)[0]!;
  const intent = thanksOnly ? 'thanks' : intentOf(best);
  const tone = toneOf(body, raw, thanksOnly);
  const priority = priorityOf(intent, tone.sentiment, subject, body);
  const tag = tagFor(intent, context.tags);
  const team = thanksOnly ? null : teamFor(intent, context.teams);
  const [template] = thanksOnly ? [] : groundingFor(context, { templates: 1 }).templates;
  return {
    intent: {
      value: intent,
      reason: clip(thanksOnly ? 'Only thanks: no question or new problem' : intentReason(best)),
    },
    priority: { value: priority.value, reason: clip(priority.reason) },
    sentiment: { value: tone.sentiment, reason: clip(tone.reason) },
    tag: tag ? { name: tag.name, reason: `The workspace's tag for ${intent}` } : null,
    template: template
      ? { id: template.template.id, title: template.template.title, reason: template.source.reason }
      : null,
    team: team
      ? {
          id: team.team.id,
          name: team.team.name,
          reason: clip(`Its name says '${team.word}', which handles ${intent}`),
        }
      : null,
    close: thanksOnly ? { reason: 'A thank-you with nothing more to answer' } : null,
  };
}
