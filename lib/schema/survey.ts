import { z } from 'zod';
import { Id } from './common';

/** CSAT (satisfaction), NPS (would recommend) or CES (effort) — docs/analytics.md. */
export const SurveyKind = z.enum(['csat', 'nps', 'ces']);
export type SurveyKind = z.infer<typeof SurveyKind>;

/** The answers a link offers: CSAT 👍/👎 or 1–5, NPS 0–10, CES 1–7. */
export const SurveyScale = z.enum(['thumbs', 'five', 'ten', 'seven']);
export type SurveyScale = z.infer<typeof SurveyScale>;

/** The scores of a scale in the order they are offered: 👍 (1) then 👎 (0), else lowest first. */
export const SCALE_SCORES: Record<SurveyScale, readonly number[]> = {
  thumbs: [1, 0],
  five: [1, 2, 3, 4, 5],
  ten: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  seven: [1, 2, 3, 4, 5, 6, 7],
};

/** How a score reads on a link or in the timeline. */
export const scoreLabel = (scale: SurveyScale, score: number) =>
  scale === 'thumbs' ? (score === 1 ? '👍' : '👎') : String(score);

/** The question the rating page asks, and the words at both ends of the scale. */
export const SURVEY_QUESTIONS: Record<SurveyKind, { question: string; low: string; high: string }> =
  {
    csat: { question: 'How did we do?', low: 'Not good', high: 'Great' },
    nps: {
      question: 'How likely are you to recommend us to a friend or colleague?',
      low: 'Not at all likely',
      high: 'Extremely likely',
    },
    ces: {
      question: 'How easy was it to get your issue resolved?',
      low: 'Very difficult',
      high: 'Very easy',
    },
  };

const conversationId = z.string().min(1).max(64);

/** `POST /v1/surveys`: a fresh link for one reply. NPS is 0–10 and CES 1–7 by definition. */
export const CreateSurvey = z
  .discriminatedUnion('kind', [
    z.strictObject({
      conversationId,
      kind: z.literal('csat'),
      scale: z.enum(['thumbs', 'five'], 'a CSAT scale is "thumbs" or "five"').default('five'),
    }),
    z.strictObject({ conversationId, kind: z.literal('nps'), scale: z.literal('ten').optional() }),
    z.strictObject({
      conversationId,
      kind: z.literal('ces'),
      scale: z.literal('seven').optional(),
    }),
  ])
  .transform((s) => ({
    ...s,
    scale: s.scale ?? (s.kind === 'nps' ? ('ten' as const) : ('seven' as const)),
  }));
export type CreateSurvey = z.input<typeof CreateSurvey>;

/** A signed rating link: `url` shows the question, `url?score=N` records N at once. */
export const SurveyLink = z.object({
  id: Id,
  kind: SurveyKind,
  scale: SurveyScale,
  url: z.url(),
});
export type SurveyLink = z.infer<typeof SurveyLink>;

/** What a `survey.rated` event carries (the customer's comment is never in the log). */
export const SurveyRatedEvent = z
  .object({ surveyId: Id, kind: SurveyKind, scale: SurveyScale, score: z.number().int() })
  .refine((e) => SCALE_SCORES[e.scale].includes(e.score), 'the score is not on its scale');
export type SurveyRatedEvent = z.infer<typeof SurveyRatedEvent>;
