import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { EnvError, loadEnv } from './env';
import { runApi } from './run';
import { DEMO_MEMBERS, DEMO_WORKSPACE, seedIfEmpty } from './seed';

/** `npm start`: the embedded API with dev sign-in and demo data, and the extension built for it. */
function buildExtension(apiUrl: string): Promise<boolean> {
  console.log(`Building the extension for ${apiUrl} …`);
  return new Promise((done) => {
    const child = spawn('npx', ['wxt', 'build'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, WXT_API_URL: apiUrl },
    });
    child.on('error', (e) => {
      console.error(`Could not run wxt build: ${e.message}`);
      done(false);
    });
    child.on('exit', (code) => done(code === 0));
  });
}

try {
  const env = loadEnv({ ...process.env, DEV_SIGN_IN: 'true' });
  let seeded = false;
  const { server, database } = await runApi(env, async (deps) => {
    seeded = await seedIfEmpty(deps);
  });
  const apiUrl = `http://localhost:${env.PORT}`;
  const built = await buildExtension(apiUrl);
  const ext = resolve('.output/chrome-mv3');
  const width = Math.max(...DEMO_MEMBERS.map((m) => m.email.length));
  console.log(
    [
      '',
      `Sidedesk API     ${apiUrl}  (${database.kind}${database.kind === 'pglite' ? `, data in ${resolve(env.DATA_DIR)}` : ''})`,
      `API docs         ${apiUrl}/docs`,
      '',
      `Demo workspace "${DEMO_WORKSPACE}"${seeded ? ' (just created)' : ''}: sign in from the popup with dev sign-in as`,
      ...DEMO_MEMBERS.map((m) => `  ${m.email.padEnd(width)}  ${m.role}`),
      '',
      built
        ? `Extension built in ${ext}\n  Chrome: chrome://extensions → Developer mode → Load unpacked → choose that folder.`
        : 'The extension build FAILED (see the output above); the API is still running.',
      '',
      `Listening on ${server.url}. Stop with Ctrl+C.`,
    ].join('\n'),
  );
} catch (e) {
  console.error(e instanceof EnvError ? e.message : e);
  process.exit(1);
}
