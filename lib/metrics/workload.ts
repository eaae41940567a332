import type { ConversationFacts, ReportFigures } from '../schema/reports';
import { dayNumber, localDay } from './days';
import type { Range } from './samples';

type Load = ReportFigures['workload'][number];

/**
 * Per agent: the conversations assigned to them and not closed now, assignments to them in
 * the period and today (the local day of now), and closes in the period while they held
 * the conversation.
 */
export function workloadAccumulator(range: Range, now: number, zone: string) {
  const today = localDay(zone, dayNumber(zone, now));
  const loads = new Map<string, Load>();
  const load = (agentId: string) => {
    let l = loads.get(agentId);
    if (!l) {
      l = { agentId, open: 0, assigned: 0, assignedToday: 0, closed: 0 };
      loads.set(agentId, l);
    }
    return l;
  };
  const inRange = (at: string) => {
    const t = Date.parse(at);
    return t >= range.from && t < range.to;
  };
  return {
    add(facts: ConversationFacts) {
      if (facts.assigneeId && facts.status !== 'closed') load(facts.assigneeId).open += 1;
      for (const a of facts.assignments) {
        if (!a.assigneeId) continue;
        const t = Date.parse(a.at);
        if (inRange(a.at)) load(a.assigneeId).assigned += 1;
        if (t >= today.start && t < today.end) load(a.assigneeId).assignedToday += 1;
      }
      for (const c of facts.closes)
        if (c.assigneeId && inRange(c.at)) load(c.assigneeId).closed += 1;
    },
    result(): ReportFigures['workload'] {
      return [...loads.values()].sort((a, b) => a.agentId.localeCompare(b.agentId));
    },
  };
}
