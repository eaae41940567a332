import {
  type CreateSurvey,
  SCALE_SCORES,
  SURVEY_QUESTIONS,
  type SurveyLink,
  scoreLabel,
} from '../schema/survey';
import { escapeHtml } from './variables';

/**
 * `{{rating_link}}` asks "How did we do? 👍 / 👎"; `.five` asks for 1–5, `.nps` and `.ces`
 * ask the NPS and effort questions. Each needs a fresh link from the API per reply.
 */
export const RATING_VARIANTS = {
  thumbs: { kind: 'csat', scale: 'thumbs' },
  five: { kind: 'csat', scale: 'five' },
  nps: { kind: 'nps' },
  ces: { kind: 'ces' },
} as const satisfies Record<string, Omit<CreateSurvey, 'conversationId'>>;
export type RatingVariant = keyof typeof RATING_VARIANTS;
export type RatingLinks = Partial<Record<RatingVariant, SurveyLink>>;

const RATING_VARIABLE = /\{\{\s*rating_link(?:\.(five|nps|ces))?\s*\}\}/g;

const variantOf = (suffix: string | undefined): RatingVariant =>
  (suffix as RatingVariant | undefined) ?? 'thumbs';

/** The rating variables a template uses, each once. */
export function ratingVariantsIn(html: string): RatingVariant[] {
  return [...new Set(Array.from(html.matchAll(RATING_VARIABLE), (m) => variantOf(m[1])))];
}

/** The question and a link per answer: one click on an answer records it. */
export function ratingLinkHtml(link: SurveyLink): string {
  const { question, low, high } = SURVEY_QUESTIONS[link.kind];
  const scores = SCALE_SCORES[link.scale];
  const choices = scores.map(
    (score) =>
      `<a href="${escapeHtml(`${link.url}?score=${score}`)}">${scoreLabel(link.scale, score)}</a>`,
  );
  const ends =
    link.scale === 'thumbs'
      ? ''
      : ` (${scores[0]}: ${escapeHtml(low)}, ${scores.at(-1)}: ${escapeHtml(high)})`;
  return `<span>${escapeHtml(question)} ${choices.join(link.scale === 'thumbs' ? ' / ' : ' · ')}${ends}</span>`;
}

/** Puts each rating variable's link in; a variable without a link stays as written. */
export function fillRatingLinks(html: string, links: RatingLinks): string {
  return html.replace(RATING_VARIABLE, (written, suffix: string | undefined) => {
    const link = links[variantOf(suffix)];
    return link ? ratingLinkHtml(link) : written;
  });
}
