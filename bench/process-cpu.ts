import { readdirSync, readFileSync } from 'node:fs';

/** The fields of /proc/<pid>/stat after the command name (Linux). */
function statFields(pid: string | number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return null; // gone since
  }
}

// utime + stime, in clock ticks of 10 ms.
const cpuOf = (fields: string[]) => (Number(fields[11]) + Number(fields[12])) * 10;

/** CPU time (ms) a live process has used. */
export function processCpuMs(pid: number): number {
  const fields = statFields(pid);
  if (!fields) throw new Error(`process ${pid} is gone`);
  return cpuOf(fields);
}

/** CPU time (ms) the live processes of a process group have used (wrangler and its workerd). */
export function groupCpuMs(pgid: number): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (fields && Number(fields[2]) === pgid) total += cpuOf(fields);
  }
  return total;
}
