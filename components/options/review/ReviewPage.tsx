import { useId, useState } from 'react';
import { may } from '../../../lib/options/capabilities';
import { formatInstant } from '../../../lib/options/reports/format';
import '../common/pages.css';
import { LoadFailed, Loading } from '../common/States';
import type { SectionProps } from '../section-props';
import { ReviewMovers } from './ReviewMovers';
import { ReviewTables } from './ReviewTables';
import { ReviewWebhookPart } from './ReviewWebhookPart';
import './review.css';
import { useWeeklyReview } from './use-review';

/** The weekly review (leads and admins): pick a week, read its tables and movers. */
export function ReviewPage({ session }: SectionProps) {
  const id = useId();
  // Blank: the last full week, as the API counts it in the report time zone.
  const [week, setWeek] = useState('');
  const review = useWeeklyReview(week);
  return (
    <section className="page review-page" aria-labelledby="review-title" data-testid="review-page">
      <h2 id="review-title">Weekly review</h2>
      <p className="muted">
        A week (Monday to Monday) in figures: first response by mailbox, first-contact resolution by
        tag, escalations, copilot, SLA, and what moved most since the week before.
      </p>
      <div className="row">
        <label htmlFor={`${id}-week`}>Week of</label>
        <input
          id={`${id}-week`}
          type="date"
          value={week || review.data?.week || ''}
          onChange={(e) => setWeek(e.target.value)}
          data-testid="review-week"
        />
        {week && (
          <button type="button" className="secondary" onClick={() => setWeek('')}>
            Last full week
          </button>
        )}
      </div>
      {review.isPending && <Loading what="the review" />}
      {review.isError && (
        <LoadFailed what="the review" error={review.error} retry={() => review.refetch()} />
      )}
      {review.data && (
        <>
          <p className="muted" data-testid="review-period">
            {formatInstant(review.data.from)} to {formatInstant(review.data.to)} · days in{' '}
            {review.data.timeZone} · {review.data.conversations.current} conversations (
            {review.data.conversations.previous} the week before)
            {review.isFetching && ' · updating…'}
          </p>
          <ReviewMovers movers={review.data.movers} />
          <ReviewTables review={review.data} />
        </>
      )}
      {may(session.role, 'manageReviewWebhook') && (
        <ReviewWebhookPart week={review.data?.week ?? week} />
      )}
    </section>
  );
}
