import os from 'node:os';
import { benchDatabases } from './databases';
import { benchSlaDue, printSlaDue } from './sla-due';
import { benchSlaSweep, printSlaSweep } from './sla-sweep';
import { benchSlaTicker, printSlaTicker } from './sla-ticker';

/** `npm run bench -- sla`: issue #7, due times per conversation and a policy change at 10,000. */
export async function benchSla() {
  const load = () =>
    os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');
  console.log(
    `\nSLA benchmarks, ${new Date().toISOString()}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${load()}`,
  );
  printSlaDue(benchSlaDue());
  printSlaTicker(await benchSlaTicker());
  const sweeps = [];
  for (const database of benchDatabases()) sweeps.push(await benchSlaSweep(database));
  printSlaSweep(sweeps);
  console.log(`\nload average at the end: ${load()}`);
}
