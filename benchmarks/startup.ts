/**
 * Startup benchmark (a script, not a test): `npm run bench:startup` (builds first).
 *
 * Times whole processes, as a user meets them, against bare `node -e ''` in the same run,
 * interleaved round by round so load on the shared machine hits every command alike:
 * - `tverr --help` (target: ≤ 2× bare node);
 * - a 4-person compose, roster on standard input (target: ≤ 2.5×);
 * - `npx tverr --help`, for information (npx's own start dominates);
 * - the server from `node dist/server.js` until `/readyz` answers 200, which needs its solver
 *   threads up and warm (target: ≤ 1 s).
 * Prints medians of BENCH_RUNS rounds (default 15) and the ratios of the medians.
 */
import { spawn, spawnSync } from "node:child_process";
import { availableParallelism, cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { firstOk, freePort, median } from "./processes.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const SERVER_RUNS = Math.max(3, Math.ceil(RUNS / 2));
const root = fileURLToPath(new URL("../", import.meta.url));
const FOUR = "Navn;Virksomhet;Kjønn\nA;x;K\nB;y;M\nC;x;M\nD;y;K\n";

interface Case {
  name: string;
  command: string[];
  input?: string;
  target?: number;
  runs: number;
}

const cases: Case[] = [
  { name: "bare `node -e ''`", command: [process.execPath, "-e", ""], runs: RUNS },
  { name: "`tverr --help`", command: [process.execPath, "bin/tverr.js", "--help"], target: 2, runs: RUNS },
  {
    name: "4-person `tverr compose` (stdin)",
    command: [process.execPath, "bin/tverr.js", "compose", "-", "--groups", "2"],
    input: FOUR,
    target: 2.5,
    runs: RUNS,
  },
  {
    name: "`npx tverr --help`",
    command: ["npx", "--no-install", "tverr", "--help"],
    runs: Math.min(RUNS, 5),
  },
];

function timeOnce({ command, input }: Case): number {
  const t = performance.now();
  const run = spawnSync(command[0], command.slice(1), {
    cwd: root,
    input,
    stdio: ["pipe", "ignore", "pipe"],
  });
  const ms = performance.now() - t;
  if (run.status !== 0) throw new Error(`${command.join(" ")} exited ${run.status}: ${run.stderr}`);
  return ms;
}

async function serverReadyMs(): Promise<number> {
  const port = await freePort();
  const t = performance.now();
  const child = spawn(process.execPath, ["dist/server.js"], {
    cwd: root,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  try {
    return (await firstOk(`http://127.0.0.1:${port}/readyz`, 20_000)) - t;
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

const times = cases.map(() => [] as number[]);
for (let round = 0; round < RUNS; round++) {
  cases.forEach((c, i) => {
    if (round < c.runs) times[i].push(timeOnce(c));
  });
}
const server: number[] = [];
for (let i = 0; i < SERVER_RUNS; i++) server.push(await serverReadyMs());

const bare = median(times[0]);
console.log(
  `Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}); medians of ${RUNS} rounds (npx: ${cases[3].runs}), server: ${SERVER_RUNS} starts, ${availableParallelism()} solver threads\n`,
);
console.log("| process | median ms | × bare node | target | met |");
console.log("| --- | ---: | ---: | ---: | :---: |");
cases.forEach((c, i) => {
  const m = median(times[i]);
  const ratio = m / bare;
  const target = c.target === undefined ? "" : `≤ ${c.target}×`;
  const met = c.target === undefined ? "" : ratio <= c.target ? "yes" : "no";
  console.log(`| ${c.name} | ${m.toFixed(0)} | ${ratio.toFixed(2)} | ${target} | ${met} |`);
});
const ready = median(server);
console.log(
  `| server start → \`/readyz\` 200 (threads warm) | ${ready.toFixed(0)} | ${(ready / bare).toFixed(2)} | ≤ 1000 ms | ${ready <= 1000 ? "yes" : "no"} |`,
);
