import os from 'node:os';
import MiniSearch from 'minisearch';
import { triage } from '../lib/copilot/offline/triage';
import { threadQuery } from '../lib/copilot/retrieval';
import { Intent, Priority, type TriageSuggestion } from '../lib/schema';
import { bodyText } from '../lib/templates/filter';
import { contextFor, corpusTemplates } from '../lib/testing/copilot-corpus';
import { type LabelledEmail, triageEmails } from '../lib/testing/triage-emails';
import { percentile } from './stats';

export const INTENT_TARGET = 0.8;
const RUNS = 20;

type Confusion = Record<string, Record<string, number>>;

function confusion(labels: readonly string[], pairs: readonly [string, string][]): Confusion {
  const matrix: Confusion = Object.fromEntries(
    labels.map((a) => [a, Object.fromEntries(labels.map((p) => [p, 0]))]),
  );
  for (const [actual, predicted] of pairs) matrix[actual]![predicted]! += 1;
  return matrix;
}

const share = (pairs: readonly [string, string][]) =>
  pairs.length === 0 ? Number.NaN : pairs.filter(([a, p]) => a === p).length / pairs.length;

export interface TriageScore {
  count: number;
  intent: number;
  priority: number;
  sentiment: number;
  /** Intent accuracy on the emails the rules were written against, and on those written after. */
  intentBySplit: Record<LabelledEmail['split'], { count: number; accuracy: number }>;
  close: {
    precision: number;
    recall: number;
    truePositives: number;
    predicted: number;
    actual: number;
  };
  intentMatrix: Confusion;
  priorityMatrix: Confusion;
  misses: { id: string; actual: string; predicted: string }[];
}

export function scoreTriage(emails: readonly LabelledEmail[]): TriageScore {
  const results = emails.map((email) => ({ email, s: triage(contextFor(email)) }));
  const pairs = (pick: (s: TriageSuggestion) => string, label: (e: LabelledEmail) => string) =>
    results.map(({ email, s }) => [label(email), pick(s)] as [string, string]);
  const intents = pairs(
    (s) => s.intent.value,
    (e) => e.label.intent,
  );
  const intentsOf = (split: LabelledEmail['split']) =>
    results
      .filter(({ email }) => email.split === split)
      .map(({ email, s }) => [email.label.intent, s.intent.value] as [string, string]);
  const dev = intentsOf('dev');
  const holdout = intentsOf('holdout');
  const priorities = pairs(
    (s) => s.priority.value,
    (e) => e.label.priority,
  );
  const predicted = results.filter(({ s }) => s.close !== null);
  const actual = results.filter(({ email }) => email.label.closeAsThanks);
  const truePositives = predicted.filter(({ email }) => email.label.closeAsThanks).length;
  return {
    count: emails.length,
    intent: share(intents),
    priority: share(priorities),
    sentiment: share(
      pairs(
        (s) => s.sentiment.value,
        (e) => e.label.sentiment,
      ),
    ),
    intentBySplit: {
      dev: { count: dev.length, accuracy: share(dev) },
      holdout: { count: holdout.length, accuracy: share(holdout) },
    },
    close: {
      precision: predicted.length === 0 ? Number.NaN : truePositives / predicted.length,
      recall: actual.length === 0 ? Number.NaN : truePositives / actual.length,
      truePositives,
      predicted: predicted.length,
      actual: actual.length,
    },
    intentMatrix: confusion(Intent.options, intents),
    priorityMatrix: confusion(Priority.options, priorities),
    misses: results
      .filter(({ email, s }) => email.label.intent !== s.intent.value)
      .map(({ email, s }) => ({
        id: email.id,
        actual: email.label.intent,
        predicted: s.intent.value,
      })),
  };
}

/** Triage per email beside a bare minisearch query over the same templates (the floor). */
function timeTriage(emails: readonly LabelledEmail[]) {
  const contexts = emails.map((e) => contextFor(e));
  const queries = contexts.map(threadQuery);
  const index = new MiniSearch({
    fields: ['title', 'body', 'tags'],
    extractField: (t: (typeof corpusTemplates)[number], field) =>
      field === 'body'
        ? bodyText(t.body)
        : field === 'tags'
          ? t.tags.join(' ')
          : String(t[field as 'id' | 'title']),
  });
  index.addAll(corpusTemplates);
  for (const c of contexts) triage(c);
  for (const q of queries) index.search(q, { combineWith: 'OR' });
  const timed = (fn: (i: number) => unknown) => {
    const ms: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      for (let i = 0; i < contexts.length; i++) {
        const start = performance.now();
        fn(i);
        ms.push(performance.now() - start);
      }
    }
    return ms;
  };
  const triageMs = timed((i) => triage(contexts[i]!));
  const searchMs = timed((i) => index.search(queries[i]!, { combineWith: 'OR' }));
  return {
    triage: { p50: percentile(triageMs, 50), p95: percentile(triageMs, 95) },
    search: { p50: percentile(searchMs, 50), p95: percentile(searchMs, 95) },
  };
}

export function benchCopilotTriage() {
  const emails = triageEmails();
  return { score: scoreTriage(emails), timing: timeTriage(emails) };
}

const pct = (n: number) => `${(100 * n).toFixed(1)} %`;

function printMatrix(title: string, matrix: Confusion) {
  const labels = Object.keys(matrix);
  console.log(`\n${title} (rows actual, columns predicted)`);
  console.log(['actual \\ predicted', ...labels].join(' | '));
  for (const actual of labels) {
    console.log([actual, ...labels.map((p) => String(matrix[actual]![p]))].join(' | '));
  }
}

export function printCopilotTriage({ score, timing }: ReturnType<typeof benchCopilotTriage>) {
  const f = (n: number) => n.toFixed(3);
  console.log(
    `\nCopilot offline triage on ${score.count} labelled emails (tests/fixtures/copilot); load average ${os.loadavg()[0]?.toFixed(2)}`,
  );
  console.log('measure | value');
  console.log(
    `intent accuracy | ${pct(score.intent)} (target ≥${pct(INTENT_TARGET)}: ${score.intent >= INTENT_TARGET ? 'met' : 'not met'})`,
  );
  const { dev, holdout } = score.intentBySplit;
  console.log(
    `intent accuracy, dev (rules written against them) | ${pct(dev.accuracy)} of ${dev.count}`,
  );
  console.log(
    `intent accuracy, holdout (written after, never tuned on) | ${pct(holdout.accuracy)} of ${holdout.count}`,
  );
  console.log(`priority accuracy | ${pct(score.priority)}`);
  console.log(`sentiment accuracy | ${pct(score.sentiment)}`);
  const c = score.close;
  console.log(
    `close-as-thanks precision | ${pct(c.precision)} (${c.truePositives} of ${c.predicted} suggested)`,
  );
  console.log(`close-as-thanks recall | ${pct(c.recall)} (${c.truePositives} of ${c.actual})`);
  printMatrix('Intent confusion', score.intentMatrix);
  printMatrix('Priority confusion', score.priorityMatrix);
  if (score.misses.length > 0) {
    console.log(
      `\nIntent misses: ${score.misses.map((m) => `${m.id} (${m.actual} → ${m.predicted})`).join(', ')}`,
    );
  }
  console.log(`\nTime per email, ${RUNS} runs | p50 ms | p95 ms | ratio p50 to baseline`);
  console.log(
    `triage (rules + template retrieval) | ${f(timing.triage.p50)} | ${f(timing.triage.p95)} | ${(timing.triage.p50 / timing.search.p50).toFixed(1)}×`,
  );
  console.log(
    `bare minisearch query, same templates (baseline) | ${f(timing.search.p50)} | ${f(timing.search.p95)} | 1×`,
  );
}
