import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html, raw } from 'hono/html';
import { secureHeaders } from 'hono/secure-headers';
import { z } from 'zod';
import {
  SCALE_SCORES,
  SURVEY_QUESTIONS,
  type SurveyRatedEvent,
  scoreLabel,
} from '../../lib/schema';
import { conversations, surveys } from '../db/schema';
import { surveyKeyOf } from '../domain/survey-keys';
import { readSurveyToken, verifySurveyToken } from '../domain/survey-token';
import { write } from '../domain/write';
import type { Deps } from '../http/context';

export const MAX_COMMENT = 1000;

type Survey = typeof surveys.$inferSelect;
type Content = ReturnType<typeof html>;

/** A link or answer the page refuses, told to the customer in a sentence (and what next). */
class Refusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413,
    readonly title: string,
    message: string,
    readonly next: Content | '' = '',
  ) {
    super(message);
  }
}

const STYLE = raw(
  'body{font:16px/1.5 system-ui,sans-serif;color:#222;margin:0;padding:2rem 1rem}main{max-width:36rem;margin:auto}a.choice{display:inline-block;min-width:2.5rem;margin:.2rem;padding:.5rem;border:1px solid #999;border-radius:.4rem;text-align:center;text-decoration:none;color:inherit}.ends{display:flex;justify-content:space-between;color:#666;font-size:.9rem}textarea{width:100%;box-sizing:border-box}',
);

const page = (c: Context, status: 200 | Refusal['status'] | 500, title: string, content: Content) =>
  c.html(
    html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title><style>${STYLE}</style></head>
<body><main><h1>${title}</h1>${content}</main></body>
</html>`,
    status,
  );

/** A link per answer; the page's title asks the question. */
const choices = (survey: Survey) => {
  const q = SURVEY_QUESTIONS[survey.kind];
  return html`<p>${SCALE_SCORES[survey.scale].map(
    (score) =>
      html`<a class="choice" href="?score=${score}">${scoreLabel(survey.scale, score)}</a>`,
  )}</p>
${survey.scale === 'thumbs' ? '' : html`<p class="ends"><span>${q.low}</span><span>${q.high}</span></p>`}`;
};

const commentForm = (token: string) =>
  html`<form method="post" action="${token}/comment">
<p><label for="comment">Anything you would like to add? (optional)</label></p>
<p><textarea id="comment" name="comment" rows="4" maxlength="${MAX_COMMENT}"></textarea></p>
<p><button type="submit">Send</button></p>
</form>`;

const answered = (survey: Survey, token: string) =>
  html`<p>Your answer: ${scoreLabel(survey.scale, survey.score!)}.</p>${
    survey.commentedAt ? '' : commentForm(token)
  }`;

const Comment = z.object({
  comment: z
    .string('Write your comment in the box.')
    .trim()
    .min(1, 'The comment is empty.')
    .max(MAX_COMMENT, `A comment is at most ${MAX_COMMENT} characters.`),
});

const readScore = (survey: Survey, text: string) => {
  const score = /^\d{1,2}$/.test(text) ? Number(text) : Number.NaN;
  const scores = SCALE_SCORES[survey.scale];
  if (!scores.includes(score))
    throw new Refusal(
      400,
      'That answer is not one of the choices',
      survey.scale === 'thumbs'
        ? 'Pick 👍 or 👎 below.'
        : `Pick a number from ${scores[0]} to ${scores.at(-1)} below.`,
      choices(survey),
    );
  return score;
};

/**
 * The customer's rating page (docs/analytics.md): unauthenticated, the signed token is the
 * only credential. Mounted before the API's JSON-only middleware: the comment is a form.
 */
export function surveyPageRoutes(deps: Deps) {
  const { database } = deps;
  const { db } = database;

  /** The survey a token names, once its signature is checked against its workspace's key. */
  async function surveyOf(token: string): Promise<Survey> {
    const read = readSurveyToken(token);
    if (!read)
      throw new Refusal(
        400,
        'This rating link is incomplete',
        'Open the whole link from the email; it may have been cut when it was copied.',
      );
    const secret = await surveyKeyOf(db, read.workspaceId);
    if (!secret) throw unknownLink();
    if (!(await verifySurveyToken(secret, read)))
      throw new Refusal(403, 'This rating link is not valid', 'It was changed or not made by us.');
    const [survey] = await db
      .select()
      .from(surveys)
      .where(and(eq(surveys.workspaceId, read.workspaceId), eq(surveys.id, read.surveyId)));
    if (!survey) throw unknownLink();
    return survey;
  }

  /** Records the first answer only; a second one is refused and leaves the first as it was. */
  const rate = (survey: Survey, token: string, score: number) =>
    write(database, survey.workspaceId, null, deps.now(), async (w) => {
      const [rated] = await w.tx
        .update(surveys)
        .set({ score, ratedAt: w.now })
        .where(and(eq(surveys.id, survey.id), isNull(surveys.ratedAt)))
        .returning();
      if (!rated) {
        const [first] = await w.tx.select().from(surveys).where(eq(surveys.id, survey.id));
        throw alreadyRated(first!, token);
      }
      // The conversation's new version tells sidebars to read its activity log again.
      await w.tx
        .update(conversations)
        .set({ version: w.version })
        .where(
          and(
            eq(conversations.workspaceId, w.workspaceId),
            eq(conversations.id, survey.conversationId),
          ),
        );
      const after: SurveyRatedEvent = {
        surveyId: survey.id,
        kind: survey.kind,
        scale: survey.scale,
        score,
      };
      await w.event({ type: 'survey.rated', conversationId: survey.conversationId, after });
      return rated;
    });

  return new Hono()
    .use(
      secureHeaders({
        contentSecurityPolicy: {
          defaultSrc: ["'none'"],
          styleSrc: ["'unsafe-inline'"],
          formAction: ["'self'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
        },
        referrerPolicy: 'no-referrer',
        xFrameOptions: 'DENY',
      }),
    )
    .use(async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
      c.header('X-Robots-Tag', 'noindex');
    })
    .onError((error, c) => {
      if (error instanceof Refusal)
        return page(c, error.status, error.title, html`<p>${error.message}</p>${error.next}`);
      console.error(`${c.req.method} ${c.req.path} failed`, error);
      return page(c, 500, 'Something went wrong', html`<p>Please try the link again later.</p>`);
    })
    .get('/:token', async (c) => {
      const token = c.req.param('token');
      const survey = await surveyOf(token);
      const score = c.req.query('score');
      // A HEAD (a mail scanner checking the link) never answers for the customer.
      if (score === undefined || c.req.method === 'HEAD') {
        return survey.ratedAt
          ? page(c, 200, 'You already answered: thank you', answered(survey, token))
          : page(c, 200, SURVEY_QUESTIONS[survey.kind].question, choices(survey));
      }
      const rated = await rate(survey, token, readScore(survey, score));
      return page(c, 200, 'Thank you for your answer', answered(rated, token));
    })
    .post(
      '/:token/comment',
      bodyLimit({
        maxSize: 16 * 1024,
        onError: () => {
          throw new Refusal(413, 'This comment is too long', tooLong);
        },
      }),
      async (c) => {
        const survey = await surveyOf(c.req.param('token'));
        const body = await c.req.parseBody().catch(() => null);
        const form = Comment.safeParse(body ?? {});
        if (!form.success)
          throw new Refusal(400, 'The comment was not sent', form.error.issues[0]!.message);
        if (!survey.ratedAt)
          throw new Refusal(409, 'Choose an answer first', 'Then you can add a comment.');
        const [saved] = await db
          .update(surveys)
          .set({ comment: form.data.comment, commentedAt: deps.now() })
          .where(
            and(eq(surveys.id, survey.id), isNotNull(surveys.ratedAt), isNull(surveys.commentedAt)),
          )
          .returning({ id: surveys.id });
        if (!saved)
          throw new Refusal(
            409,
            'You already sent a comment',
            'Your first comment is kept: thank you.',
          );
        return page(
          c,
          200,
          'Thank you for your comment',
          html`<p>We read every one. You wrote:</p><blockquote>${form.data.comment}</blockquote>`,
        );
      },
    );
}

const tooLong = `A comment is at most ${MAX_COMMENT} characters.`;

const unknownLink = () =>
  new Refusal(404, 'This rating link is not known', 'We have no survey for this link.');

/** A second answer; the comment form stays offered until a comment is sent. */
const alreadyRated = (first: Survey, token: string) =>
  new Refusal(
    409,
    'You already answered: thank you',
    `Your first answer (${scoreLabel(first.scale, first.score!)}) is the one we keep.`,
    first.commentedAt ? '' : commentForm(token),
  );
