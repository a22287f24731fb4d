/**
 * Roster benchmark: compose synthetic cohorts shaped like Oslo's and print a table.
 *
 *   npm run bench                 # every case, 3 seeded runs each, medians
 *   npm run bench -- --quick      # one run each, small budget
 *   npm run bench -- --case 10k   # one case
 *
 * Each run is a child process so peak memory (max RSS) is the run's own. Figures are medians
 * over the runs; the machine is shared and noisy, so compare variants inside one invocation.
 */
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";

interface CaseResult {
  n: number;
  groups: number;
  seconds: number;
  movesPerSecond: number;
  hard: number;
  timeToFeasibleMs: number;
  terms: { name: string; quality: number; gap: number; atBound: boolean }[];
  peakMB: number;
}

const CASES = ["oslo", "10k", "100k"] as const;

const { values } = parseArgs({
  options: {
    case: { type: "string", multiple: true },
    runs: { type: "string", default: "3" },
    quick: { type: "boolean", default: false },
    acceptor: { type: "string" },
    length: { type: "string" },
    child: { type: "string" },
    seed: { type: "string", default: "1" },
  },
});

if (values.child) {
  const { runCase } = await import("./rosterCases.js");
  const result = await runCase(values.child, Number(values.seed), values.quick ?? false, {
    ...(values.acceptor ? { acceptor: values.acceptor as "lateAcceptance" | "annealing" } : {}),
    ...(values.length ? { lateAcceptanceLength: Number(values.length) } : {}),
  });
  process.stdout.write(JSON.stringify(result));
} else {
  const cases = (values.case ?? [...CASES]) as string[];
  const runs = values.quick ? 1 : Number(values.runs);
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  console.log(`# Roster benchmark (${runs} run(s) per case, medians; node ${process.version})\n`);
  console.log(
    "| case | n | groups | seconds | moves/s | hard violations | time to feasible (s) | peak MB | terms: quality % (gap) |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const name of cases) {
    const results: CaseResult[] = [];
    for (let r = 0; r < runs; r++) {
      const args = ["--import", "tsx", "benchmarks/roster.ts", "--child", name, "--seed", String(r + 1)];
      if (values.quick) args.push("--quick");
      if (values.acceptor) args.push("--acceptor", values.acceptor);
      if (values.length) args.push("--length", values.length);
      const out = execFileSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 26 });
      results.push(JSON.parse(out) as CaseResult);
    }
    const first = results[0];
    const terms = first.terms
      .map((t, i) => {
        const q = median(results.map((x) => x.terms[i].quality));
        const gap = median(results.map((x) => x.terms[i].gap));
        const bound = results.every((x) => x.terms[i].atBound) ? " ✓bound" : "";
        return `${t.name} ${q.toFixed(2)} (${gap.toFixed(4)})${bound}`;
      })
      .join("; ");
    console.log(
      `| ${name} | ${first.n} | ${first.groups} | ${median(results.map((x) => x.seconds)).toFixed(2)} | ${(
        median(results.map((x) => x.movesPerSecond)) / 1e6
      ).toFixed(
        2,
      )} M | ${median(results.map((x) => x.hard))} | ${(median(results.map((x) => x.timeToFeasibleMs)) / 1000).toFixed(2)} | ${median(
        results.map((x) => x.peakMB),
      ).toFixed(0)} | ${terms} |`,
    );
  }
}
