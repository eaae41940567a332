import type { Intent, Tag, Team } from '../../schema';
import { normalise } from './phrases';

/** Names a workspace gives the tag for each intent, most specific first. */
const TAG_NAMES: Record<Intent, string[]> = {
  outage: ['outage', 'incident', 'downtime', 'down'],
  billing: ['billing', 'invoice', 'invoices', 'payment', 'payments', 'refund', 'refunds'],
  login: ['login', 'log in', 'sign in', 'sso', 'access', 'password', 'auth'],
  bug: ['bug', 'bugs', 'defect', 'issue'],
  'feature-request': ['feature request', 'feature', 'feature requests', 'idea', 'feedback'],
  'how-to': ['how to', 'howto', 'question', 'questions', 'help'],
  cancellation: ['cancellation', 'cancel', 'churn', 'termination'],
  shipping: ['shipping', 'delivery', 'shipment', 'orders', 'logistics'],
  account: ['account', 'accounts', 'profile', 'user management'],
  thanks: ['thanks', 'thank you', 'kudos', 'praise'],
};

/** Words in the names of the teams that usually answer each intent, most specific first. */
const TEAM_WORDS: Record<Intent, string[]> = {
  outage: [
    'ops',
    'operations',
    'sre',
    'infrastructure',
    'reliability',
    'engineering',
    'technical',
    'tech',
  ],
  billing: ['billing', 'finance', 'payments', 'accounting', 'accounts receivable'],
  login: ['security', 'identity', 'account', 'accounts', 'technical', 'tech'],
  bug: ['engineering', 'technical', 'tech', 'product', 'qa', 'development'],
  'feature-request': ['product', 'feedback'],
  'how-to': ['onboarding', 'success', 'customer success', 'support'],
  cancellation: ['retention', 'success', 'customer success', 'billing', 'account management'],
  shipping: [
    'shipping',
    'logistics',
    'fulfilment',
    'fulfillment',
    'warehouse',
    'delivery',
    'orders',
  ],
  account: ['account', 'accounts', 'account management', 'success', 'admin'],
  thanks: [],
};

const wordsOf = (name: string) => ` ${normalise(name).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
const names = (name: string, word: string) => wordsOf(name).includes(` ${word} `);

export function tagFor(intent: Intent, tags: readonly Tag[]): Tag | null {
  const live = tags.filter((t) => !t.archived);
  for (const word of TAG_NAMES[intent]) {
    const tag = live.find((t) => names(t.name, word));
    if (tag) return tag;
  }
  return null;
}

export function teamFor(
  intent: Intent,
  teams: readonly Team[],
): { team: Team; word: string } | null {
  for (const word of TEAM_WORDS[intent]) {
    const team = teams.find((t) => names(t.name, word));
    if (team) return { team, word };
  }
  return null;
}
