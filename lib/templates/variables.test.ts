import { describe, expect, it } from 'vitest';
import { escapeHtml, fillVariables, type VariableSource } from './variables';

const full: VariableSource = {
  customer: { email: 'maria@customer.test', name: 'Maria  Lopez' },
  agent: { name: 'Ana Agent' },
  conversation: { subject: 'Order #1042 arrived damaged', status: 'open', priority: 'high' },
};

describe('fillVariables', () => {
  it('fills every documented variable', () => {
    const html =
      '{{customer.firstName}}|{{customer.name}}|{{customer.email}}|{{agent.name}}|{{agent.firstName}}|{{conversation.subject}}|{{conversation.status}}|{{conversation.priority}}';
    expect(fillVariables(html, full)).toBe(
      'Maria|Maria  Lopez|maria@customer.test|Ana Agent|Ana|Order #1042 arrived damaged|open|high',
    );
  });

  it('allows spaces inside the braces and repeats', () => {
    expect(fillVariables('<p>Hi {{ customer.firstName }}, {{customer.firstName}}</p>', full)).toBe(
      '<p>Hi Maria, Maria</p>',
    );
  });

  it('escapes values, never the template around them', () => {
    const source = {
      ...full,
      customer: { email: 'x@y.test', name: '<img src=x onerror=alert(1)> & "Co"' },
    };
    expect(fillVariables('<b>{{customer.name}}</b>', source)).toBe(
      '<b>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;</b>',
    );
  });

  it('leaves unknown variables visible', () => {
    expect(fillVariables('Hi {{customer.nickname}} {{ order.id }}', full)).toBe(
      'Hi {{customer.nickname}} {{ order.id }}',
    );
  });

  it('blanks what a new message does not know', () => {
    const none: VariableSource = { customer: null, agent: null, conversation: null };
    expect(fillVariables('Hi {{customer.firstName}}, re: {{conversation.subject}}.', none)).toBe(
      'Hi , re: .',
    );
    const unnamed = { ...none, customer: { email: 'bob@x.test', name: null } };
    expect(fillVariables('{{customer.firstName}}<{{customer.email}}>', unnamed)).toBe(
      '<bob@x.test>',
    );
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
