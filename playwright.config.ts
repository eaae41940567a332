import { defineConfig } from '@playwright/test';

const CI = Boolean(process.env.CI) && process.env.CI !== 'false';

/**
 * End-to-end tests: the built extension in the system Chromium (never a downloaded one,
 * see tests/e2e/harness/chromium.ts) against the real API on a loopback port.
 * Every test launches its own browser profile and seeds its own workspace; each worker runs
 * one API (tests needing their own use `startApi`), so two workers run side by side.
 * Details: tests/e2e/README.md.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/harness/global-setup.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 45_000,
  // A guard against a hung run, not a budget: the end-to-end part took 4.2–4.3 minutes on
  // 2026-11-29 (41 tests, 2 workers, the machine quiet).
  globalTimeout: 780_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
  },
});
