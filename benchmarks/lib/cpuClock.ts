/**
 * CPU-time clocks for time limits, in milliseconds.
 *
 * A search's time limit is given in CPU seconds so a busy, shared machine does not shorten it
 * (the literature's MDGPLIB limits are CPU seconds too). The calling thread's own CPU time is
 * read from Linux's /proc/thread-self/schedstat (nanoseconds on the CPU, read through a
 * file descriptor kept open: about 4 µs a call), so several search threads in one process
 * each get their own budget. Elsewhere it falls back to the process's CPU time
 * (process.cpuUsage), which is right for one search thread per process.
 */
import { closeSync, openSync, readSync } from "node:fs";

export interface CpuClock {
  /** CPU milliseconds of the thread (or process) so far. */
  now: () => number;
  /** Which CPU time it reads. */
  kind: "thread" | "process";
  close: () => void;
}

function processClock(): CpuClock {
  return {
    now: () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    },
    kind: "process",
    close: () => {},
  };
}

/** A clock of the calling thread's CPU time; open it in the thread it measures. */
export function threadCpuClock(): CpuClock {
  let fd: number;
  try {
    fd = openSync("/proc/thread-self/schedstat", "r");
  } catch {
    return processClock();
  }
  const buffer = Buffer.alloc(96);
  const read = (): number => {
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    // First field: time spent on the CPU, in nanoseconds.
    let ns = 0;
    for (let i = 0; i < length; i++) {
      const c = buffer[i] - 48;
      if (c < 0 || c > 9) break;
      ns = ns * 10 + c;
    }
    return ns / 1e6;
  };
  if (!(read() > 0)) {
    closeSync(fd);
    return processClock();
  }
  return { now: read, kind: "thread", close: () => closeSync(fd) };
}
