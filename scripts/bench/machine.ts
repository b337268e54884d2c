// What the figures were measured on, printed at the top and kept in the JSON.
import { execFileSync } from "node:child_process";
import os from "node:os";

export interface Machine {
  cpuModel: string;
  cores: number;
  ramBytes: number;
  node: string;
  platform: string;
  loadAverageStart: number[];
  loadAverageEnd?: number[];
  gitCommit: string;
  gitDirty: boolean;
  gitBranch: string;
  nextBuildId: string | null;
  nextBuiltAt: string | null;
}

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

export function loadAverage(): number[] {
  return os.loadavg().map((l) => Number(l.toFixed(2)));
}

export function machineFacts(build: { id: string | null; at: Date | null }): Machine {
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.cpus().length,
    ramBytes: os.totalmem(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverageStart: loadAverage(),
    gitCommit: git(["rev-parse", "HEAD"]) || "unknown",
    gitDirty: git(["status", "--porcelain", "--untracked-files=no"]) !== "",
    gitBranch: git(["rev-parse", "--abbrev-ref", "HEAD"]),
    nextBuildId: build.id,
    nextBuiltAt: build.at?.toISOString() ?? null,
  };
}
