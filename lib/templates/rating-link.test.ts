import { describe, expect, it } from 'vitest';
import type { SurveyLink } from '../schema/survey';
import { fillRatingLinks, ratingLinkHtml, ratingVariantsIn } from './rating-link';

const URL = 'https://desk.acme.test/s/abc.def';
const link = (patch: Partial<SurveyLink> = {}): SurveyLink => ({
  id: '00000000-0000-4000-8000-0000000000c1',
  kind: 'csat',
  scale: 'thumbs',
  url: URL,
  ...patch,
});

describe('rating links in templates', () => {
  it('finds each rating variable once, spaces allowed', () => {
    expect(
      ratingVariantsIn('{{rating_link}} {{ rating_link }} {{rating_link.nps}} {{rating_link.x}}'),
    ).toEqual(['thumbs', 'nps']);
    expect(ratingVariantsIn('<p>Hi {{customer.firstName}}</p>')).toEqual([]);
  });

  it('asks the question with one link per answer', () => {
    expect(ratingLinkHtml(link())).toBe(
      `<span>How did we do? <a href="${URL}?score=1">👍</a> / <a href="${URL}?score=0">👎</a></span>`,
    );
    const five = ratingLinkHtml(link({ scale: 'five' }));
    expect(five).toContain(`<a href="${URL}?score=5">5</a> (1: Not good, 5: Great)</span>`);
    expect(ratingLinkHtml(link({ kind: 'nps', scale: 'ten' })).match(/<a /g)).toHaveLength(11);
    expect(ratingLinkHtml(link({ url: 'https://x.test/s/"><b>' }))).toContain(
      'href="https://x.test/s/&quot;&gt;&lt;b&gt;?score=1"',
    );
  });

  it('fills the variables it has a link for and leaves the others as written', () => {
    const html = '<p>{{rating_link}}</p><p>{{rating_link.ces}}</p>';
    expect(fillRatingLinks(html, { thumbs: link() })).toBe(
      `<p>${ratingLinkHtml(link())}</p><p>{{rating_link.ces}}</p>`,
    );
  });
});
