import { spawnSync } from 'node:child_process';

interface ProcessRow {
  pid: number;
  ppid: number;
  pgid: number;
}

function listProcesses(): ProcessRow[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,ppid=,pgid='], { encoding: 'utf8' });
  if (ps.status !== 0) throw new Error(`ps failed: ${ps.stderr}`);
  return ps.stdout.trim().split('\n').map((line) => {
    const [pid, ppid, pgid] = line.trim().split(/\s+/).map(Number);
    return { pid, ppid, pgid };
  });
}

/** The process and all its descendants, with their process groups. */
export function processTree(rootPid: number): { pids: Set<number>; groups: Set<number> } {
  const rows = listProcesses();
  const pids = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of rows) {
      if (pids.has(row.ppid) && !pids.has(row.pid)) {
        pids.add(row.pid);
        grew = true;
      }
    }
  }
  const groups = new Set(rows.filter((row) => pids.has(row.pid)).map((row) => row.pgid));
  return { pids, groups };
}

/** The processes still running that are among pids or belong to one of groups. */
export function survivors(pids: Set<number>, groups: Set<number>): number[] {
  return listProcesses().filter((row) => pids.has(row.pid) || groups.has(row.pgid)).map((row) => row.pid);
}
