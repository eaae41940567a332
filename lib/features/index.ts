import type { MailHost } from '../hosts/types';
import type { Background } from './background';
import type { Commands } from './commands';
import { type PageData, pageData } from './page-data';

/** What a feature gets: the host's events, the background, and a way to say it failed. */
export interface FeatureContext {
  host: MailHost;
  background: Background;
  /** Shortcut targets: features register what they can do, the keyboard feature runs it. */
  commands: Commands;
  /** Reads shared by every feature of the page (made on first use). */
  page: PageData;
  /** Aborts when the page goes away or the feature failed. */
  signal: AbortSignal;
  /** Reports a problem (a half-read thread…) to the background, once per feature. */
  report(error: unknown): void;
}

export interface Feature {
  name: string;
  init(context: FeatureContext): void | Promise<void>;
}

export type Reporter = (source: string, error: unknown) => void;

/**
 * Starts every feature on its own AbortController: one that throws while starting is
 * stopped and reported, and the others keep running.
 */
export function startFeatures(
  features: readonly Feature[],
  base: Omit<FeatureContext, 'signal' | 'report' | 'page'>,
  reporter: Reporter,
  signal: AbortSignal,
) {
  let page: PageData | null = null;
  for (const feature of features) {
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    let reported = false;
    const report = (error: unknown) => {
      if (reported) return;
      reported = true;
      reporter(feature.name, error);
    };
    const fail = (error: unknown) => {
      controller.abort();
      report(error);
    };
    try {
      const context: FeatureContext = {
        ...base,
        signal: controller.signal,
        report,
        get page() {
          page ??= pageData(base.background, signal);
          return page;
        },
      };
      Promise.resolve(feature.init(context)).catch(fail);
    } catch (error) {
      fail(error);
    }
  }
}

/** Turns whatever was thrown into the line the popup shows. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
