// Peak memory of a server: VmHWM ("high water mark", the peak resident set) of every
// process in its process group. startServer spawns `next start` detached, so the group is
// the server and whatever it forks (next start runs next-server in a child process).
import { readdirSync, readFileSync } from "node:fs";

export interface ProcessPeak {
  pid: number;
  name: string;
  vmHwmBytes: number;
  vmRssBytes: number;
}

export interface TreePeak {
  /** Sum of VmHWM over the group: an upper bound of the group's peak (peaks need not coincide). */
  sumBytes: number;
  /** The largest single process's VmHWM (the next-server worker, normally). */
  maxBytes: number;
  processes: ProcessPeak[];
}

function status(pid: number): Record<string, string> | null {
  try {
    const out: Record<string, string> = {};
    for (const line of readFileSync(`/proc/${pid}/status`, "utf8").split("\n")) {
      const i = line.indexOf(":");
      if (i > 0) out[line.slice(0, i)] = line.slice(i + 1).trim();
    }
    return out;
  } catch {
    return null; // gone meanwhile
  }
}

function processGroup(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid pgrp …": comm may hold spaces, so split after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[2]);
  } catch {
    return null;
  }
}

/** The command line (next start renames itself "next-server (vX.Y.Z)"), else the short name. */
function commandName(pid: number, fallback: string): string {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
    return cmd ? cmd.slice(0, 60) : fallback;
  } catch {
    return fallback;
  }
}

const kb = (v: string | undefined) => (v ? Number(v.replace(/\s*kB$/, "")) * 1024 : 0);

/** VmHWM of every process whose process group is `pgid` (the server's pid when spawned detached). */
export function groupPeak(pgid: number): TreePeak {
  const processes: ProcessPeak[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (processGroup(pid) !== pgid) continue;
    const s = status(pid);
    if (!s) continue;
    processes.push({ pid, name: commandName(pid, s.Name ?? "?"), vmHwmBytes: kb(s.VmHWM), vmRssBytes: kb(s.VmRSS) });
  }
  return {
    sumBytes: processes.reduce((n, p) => n + p.vmHwmBytes, 0),
    maxBytes: Math.max(0, ...processes.map((p) => p.vmHwmBytes)),
    processes,
  };
}
