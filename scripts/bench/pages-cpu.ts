import { readdirSync, readFileSync } from "node:fs";

// CPU time spent by a process tree (Linux /proc), so a page's cost can be read as CPU
// milliseconds per request: on a machine shared with other work, latency moves with the
// neighbours' load, CPU time per request much less.

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** A process's own CPU, and that of its children it has already reaped (they are gone from /proc). */
function stat(pid: number): { ppid: number; cpuMs: number; reapedMs: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may contain spaces.
    const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return {
      ppid: Number(f[1]),
      cpuMs: (Number(f[11]) + Number(f[12])) * TICK_MS,
      reapedMs: (Number(f[13]) + Number(f[14])) * TICK_MS,
    };
  } catch {
    return null;
  }
}

/**
 * User + system CPU of the descendants of `root` (not `root` itself), in milliseconds: those
 * alive, and those that exited and were reaped (PostgreSQL's backends come and go with the pool's
 * connections; counting only the living ones made the database's share go negative).
 */
export function treeCpuMs(root: number): number {
  const children = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  const reaped = new Map<number, number>();
  let pids: number[] = [];
  try {
    pids = readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return NaN;
  }
  for (const pid of pids) {
    const s = stat(pid);
    if (!s) continue;
    cpu.set(pid, s.cpuMs);
    reaped.set(pid, s.reapedMs);
    children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  }
  let total = reaped.get(root) ?? 0;
  const stack = [...(children.get(root) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    total += (cpu.get(pid) ?? 0) + (reaped.get(pid) ?? 0);
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** User + system CPU of one process itself, in milliseconds. */
export function ownCpuMs(pid: number): number {
  return stat(pid)?.cpuMs ?? NaN;
}

/** The postmaster of an embedded cluster, from its data directory. */
export function postmasterPid(dataDir: string): number | null {
  try {
    return Number(readFileSync(`${dataDir}/postmaster.pid`, "utf8").split("\n")[0]) || null;
  } catch {
    return null;
  }
}
