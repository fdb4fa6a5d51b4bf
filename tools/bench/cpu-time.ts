import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of processes read from /proc (Linux), to tell where a load run's time goes: the
 * server under test (with its worker processes), PostgreSQL, and the load generator itself.
 * Elsewhere the figures are NaN and the benchmark prints dashes.
 */
export interface CpuSplit {
  server: number;
  postgres: number;
  generator: number;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on every Linux build that matters). */
const TICKS = 100;

interface Stat {
  pid: number;
  ppid: number;
  comm: string;
  seconds: number;
  reaped: number;
}

function readStats(): Stat[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const stats: Stat[] = [];
  for (const pid of pids) {
    try {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
      const close = text.lastIndexOf(')');
      const fields = text.slice(close + 2).split(' ');
      stats.push({
        pid: Number(pid),
        comm: text.slice(text.indexOf('(') + 1, close),
        ppid: Number(fields[1]),
        seconds: (Number(fields[11]) + Number(fields[12])) / TICKS,
        // Children that ended and were waited for (PostgreSQL backends closed by an idle pool).
        reaped: (Number(fields[13]) + Number(fields[14])) / TICKS,
      });
    } catch {
      // the process ended while being read
    }
  }
  return stats;
}

/** CPU seconds used so far by the server (the process and its descendants), PostgreSQL and this process. */
export function cpuNow(serverPid: number | undefined): CpuSplit {
  const stats = readStats();
  if (stats.length === 0 || serverPid === undefined) return { server: NaN, postgres: NaN, generator: NaN };
  const family = new Set([serverPid]);
  // Descendants (cluster workers): parents are listed before their children often enough; loop until stable.
  for (let grew = true; grew; ) {
    grew = false;
    for (const stat of stats) {
      if (!family.has(stat.pid) && family.has(stat.ppid)) {
        family.add(stat.pid);
        grew = true;
      }
    }
  }
  const sum = (filter: (stat: Stat) => boolean) => stats.filter(filter).reduce((total, stat) => total + stat.seconds, 0);
  return {
    server: sum((stat) => family.has(stat.pid)),
    postgres: stats.filter((stat) => stat.comm === 'postgres').reduce((total, stat) => total + stat.seconds + stat.reaped, 0),
    generator: sum((stat) => stat.pid === process.pid),
  };
}

export const cpuSince = (before: CpuSplit, after: CpuSplit): CpuSplit => ({
  server: after.server - before.server,
  postgres: after.postgres - before.postgres,
  generator: after.generator - before.generator,
});
