import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EXTENSION_ORIGIN } from '../../../lib/extension-identity';
import { API_TEMPLATE_ENV, ROOT } from './paths';
import { freePort, waitForHttp } from './ports';

export type OidcProviderConfig = { id: string; name: string; issuer: string; clientId: string };

export type ApiOptions = {
  /** OIDC issuers the API trusts (OIDC_PROVIDERS). */
  oidcProviders?: OidcProviderConfig[];
  /** Extra environment for the API process. */
  env?: Record<string, string>;
  /**
   * A data folder to start from (a copy is made); default: the run's migrated template
   * (see api-template.ts) when there is one; `null`: an empty folder.
   */
  template?: string | null;
};

/** API processes still running, killed if the test process exits without stopping them. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * The real API (`server/node.ts`) as a child process on a free loopback port, with its
 * own throwaway PGlite data folder. `stop()` then `start()` brings it back on the same
 * port and data, for "the API went away and came back" scenarios.
 */
export class ApiProcess {
  readonly url: string;
  private child: ChildProcess | undefined;
  private exited = true;
  private output: string[] = [];

  private constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly options: ApiOptions,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(options: ApiOptions = {}): Promise<ApiProcess> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sidedesk-api-'));
    const api = new ApiProcess(await freePort(), dataDir, options);
    try {
      const template =
        options.template === undefined ? process.env[API_TEMPLATE_ENV] : options.template;
      if (template && existsSync(template)) await cp(template, dataDir, { recursive: true });
      await api.start();
    } catch (error) {
      await api.dispose();
      throw error;
    }
    return api;
  }

  /** The process's stdout and stderr so far (attached to failing tests). */
  logs(): string {
    return this.output.join('');
  }

  get running(): boolean {
    return !this.exited;
  }

  async start(): Promise<void> {
    if (this.running) return;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(this.port),
      HOST: '127.0.0.1',
      DATA_DIR: this.dataDir,
      DEV_SIGN_IN: 'true',
      CORS_ORIGINS: EXTENSION_ORIGIN,
      OIDC_PROVIDERS: JSON.stringify(this.options.oidcProviders ?? []),
      ...this.options.env,
    };
    // The end-to-end run uses the embedded database; the API suites cover Postgres.
    delete env.DATABASE_URL;
    // process.execPath is the project's Node 24 (the tests run through npx / npm scripts).
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/node.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = false;
    live.add(child);
    child.stdout?.on('data', (chunk) => this.output.push(String(chunk)));
    child.stderr?.on('data', (chunk) => this.output.push(String(chunk)));
    child.on('exit', (code, signal) => {
      live.delete(child);
      this.exited = true;
      this.output.push(`[api exited: ${signal ?? code}]\n`);
    });
    try {
      await waitForHttp(`${this.url}/healthz`, 90_000, () => !this.exited);
    } catch (error) {
      await this.stop();
      throw new Error(
        `The API did not start: ${String(error)}\n--- API output ---\n${this.logs()}`,
      );
    }
  }

  /**
   * Stop the process (SIGTERM, then SIGKILL after 15 s: a busy machine can take seconds to
   * close the embedded database, and a killed one must recover on the next start); the
   * data folder stays.
   */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || this.exited) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(timer);
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Stop the process and delete its data folder. */
  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
