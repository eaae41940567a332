// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { plainTextOf, trimQuotedText } from './plain-text';

const element = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
};

describe('a message body as plain text', () => {
  it('breaks lines at blocks and <br>, collapses spaces and blank runs', () => {
    const body = element(
      '<p>Hello   Maria,</p><p>Line one<br>line two</p><div><br></div><div><br></div><ul><li>a</li><li>b</li></ul>',
    );
    expect(plainTextOf(body)).toBe('Hello Maria,\n\nLine one\nline two\n\na\n\nb');
  });

  it('leaves out scripts, styles, hidden parts and what `drop` names', () => {
    const body = element(
      '<p>Keep</p><style>p{}</style><script>x()</script><span aria-hidden="true">hidden</span><div class="gmail_quote">On Mon… wrote:<blockquote>old</blockquote></div>',
    );
    expect(plainTextOf(body, { drop: '.gmail_quote' })).toBe('Keep');
  });

  it('stops at the quoted message Outlook puts after a marker', () => {
    const body = element(
      '<div>New answer</div><hr><div id="divRplyFwdMsg">From: Maria</div><div>Old text</div>',
    );
    expect(plainTextOf(body, { cutAfter: '#divRplyFwdMsg' })).toBe('New answer');
  });
});

describe('quoted history written as text', () => {
  it('drops a trailing "On … wrote:" with its > lines', () => {
    expect(
      trimQuotedText('Thanks!\n\nOn Mon, Nov 16, 2026 Ana wrote:\n> Could you tell me\n> more?\n'),
    ).toBe('Thanks!');
  });

  it('keeps quotes answered inline', () => {
    const text = '> Is the box damaged?\nYes, one corner.';
    expect(trimQuotedText(text)).toBe(text);
  });
});
