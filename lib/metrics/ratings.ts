import type { ConversationFacts, ReportFigures } from '../schema/reports';

type Rating = ConversationFacts['ratings'][number];

/** A satisfied CSAT answer: 👍, or 4 or 5 of 5. */
export const satisfied = (r: Pick<Rating, 'scale' | 'score'>) =>
  r.scale === 'thumbs' ? r.score === 1 : r.score >= 4;

/** Promoters 9–10, passives 7–8, detractors 0–6; the score is % promoters − % detractors. */
export function npsFigure(scores: readonly number[]): ReportFigures['nps'] {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const count = scores.length;
  return {
    count,
    promoters,
    passives: count - promoters - detractors,
    detractors,
    score: count === 0 ? null : ((promoters - detractors) / count) * 100,
  };
}

/** The mean effort answer, 1 (very difficult) to 7 (very easy). */
export function cesFigure(scores: readonly number[]): ReportFigures['ces'] {
  const count = scores.length;
  return { count, average: count === 0 ? null : scores.reduce((a, b) => a + b, 0) / count };
}
