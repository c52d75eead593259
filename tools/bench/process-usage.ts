import { readdirSync, readFileSync } from "node:fs";

// What a server costs the machine, read from /proc: the server and every process it started
// (worker threads are part of their process and counted with it).

/** The process and its descendants (a server may serve from child processes). */
export function processTree(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds used so far and resident memory now, summed over the process tree. */
export function processUsage(pid: number): { cpuSeconds: number; rssMb: number } {
  let ticks = 0;
  let rssKb = 0;
  for (const p of processTree(pid)) {
    try {
      const raw = readFileSync(`/proc/${p}/stat`, "utf8");
      const stat = raw.slice(raw.lastIndexOf(")") + 2).split(" ");
      ticks += Number(stat[11]) + Number(stat[12]); // utime, stime
      rssKb += Number(readFileSync(`/proc/${p}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/)?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return { cpuSeconds: ticks / TICKS_PER_SECOND, rssMb: rssKb / 1024 };
}
