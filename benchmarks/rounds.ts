/**
 * Composition over rounds: social golfer instances with known answers, and a leadership-sized
 * programme composed jointly and sequentially.
 *
 *   npm run bench:rounds                          # everything, 3 seeded runs per cell
 *   npm run bench:rounds -- --only golfer         # golfer | leaders (repeatable)
 *   npm run bench:rounds -- --runs 5 --time 20000 # runs per cell; ms per golfer run
 *   npm run bench:rounds -- --quick               # smoke: 1 run, short budgets
 *
 * Social golfer: n people in groups of k for w rounds with no pair meeting twice
 * (`meetings.forbidRepeats`). For each w the table gives how many seeded runs reached zero
 * repeats within the budget, the median time to do so, and the median repeats left. Known:
 * Kirkman's 15 in groups of 3 reach 7 rounds (a resolvable design); 32 in groups of 4 reach 10
 * (known to exist), and published local search (Dotú & Van Hentenryck 2005) reaches 9.
 *
 * Leaders: data/oslo-ledere.problem.json (its attributes and rules: one per agency per
 * group, keep-apart pairs), groups of 6, 6 gatherings, the same total budget for the
 * sequential search (each round in turn, earlier rounds as history), the joint search from
 * the constructions, and the joint search warm-started by a sequential pass on half the
 * budget. After each round: pairs met more than once, mean agencies met per person, share of
 * agency pairs with a tie. Medians over seeds 1..runs; budgets 6 s and 30 s (--leadersTime).
 * Then one cohort of 60 of them over 8 gatherings, where each leader meets most of the
 * cohort and repeats press. The golfer table also runs the sequential search.
 */
import { readFileSync } from "node:fs";
import type { Person } from "../engine/problem/schema.js";
import {
  networkByRound,
  type RoundsMode,
  type RoundsProblemInput,
  solveRounds,
} from "../engine/rounds/index.js";
import { scriptArgs } from "./lib/args.js";

const values = scriptArgs(import.meta.url, {
  only: { type: "string", multiple: true },
  runs: { type: "string", default: "3" },
  time: { type: "string", description: "ms per golfer run" },
  leadersTime: {
    type: "string",
    multiple: true,
    description: "ms per leaders run (all rounds); repeatable",
  },
  meetingsWeight: { type: "string", default: "8", description: "leaders: weight of the meetings term" },
  quick: { type: "boolean", default: false },
});
const runs = values.quick ? 1 : Number(values.runs);
const golferMs = Number(values.time ?? (values.quick ? 2000 : 10_000));
const leadersMs = (values.leadersTime ?? (values.quick ? ["3000"] : ["6000", "30000"])).map(Number);
const meetingsWeight = Number(values.meetingsWeight);
const only = values.only ?? ["golfer", "leaders"];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0
    ? Number.NaN
    : s.length % 2
      ? s[(s.length - 1) / 2]
      : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const seeds = Array.from({ length: runs }, (_, i) => i + 1);

console.log(`# Rounds benchmark (${runs} run(s) per cell; node ${process.version}; one core)\n`);

if (only.includes("golfer")) {
  const instances = [
    { name: "Kirkman 15-3", n: 15, k: 3, weeks: [5, 6, 7], known: "7 (exists)" },
    { name: "32-4", n: 32, k: 4, weeks: [6, 7, 8, 9, 10], known: "10 exists; LS 9" },
  ];
  console.log(`## Social golfer (budget ${golferMs / 1000} s per run)\n`);
  console.log(
    "| instance | rounds | zero repeats: joint | median time to zero (s) | median repeats left | zero repeats: sequential | median repeats left | known |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---|");
  const summary: string[] = [];
  for (const inst of instances) {
    let most = 0;
    for (const w of inst.weeks) {
      const cells = (["joint", "sequential"] as const).map(() => ({
        times: [] as number[],
        left: [] as number[],
      }));
      for (const [c, mode] of (["joint", "sequential"] as const).entries()) {
        for (const seed of seeds) {
          const result = await solveRounds(
            {
              people: Array.from({ length: inst.n }, (_, i) => ({ id: `g${i}` })),
              groups: { size: inst.k },
              rounds: Array.from({ length: w }, (_, i) => ({ id: `week ${i + 1}` })),
              meetings: { forbidRepeats: true },
              options: { seed, timeLimitMs: golferMs },
            },
            { mode },
          );
          cells[c].left.push(result.meetings.repeats);
          if (result.feasible) cells[c].times.push(result.stats.totalMs / 1000);
        }
      }
      const [joint, sequential] = cells;
      if (joint.times.length === runs) most = w;
      console.log(
        `| ${inst.name} | ${w} | ${joint.times.length}/${runs} | ${joint.times.length > 0 ? median(joint.times).toFixed(2) : "–"} | ${median(joint.left)} | ${sequential.times.length}/${runs} | ${median(sequential.left)} | ${inst.known} |`,
      );
    }
    summary.push(`${inst.name}: ${most} rounds with zero repeats in every joint run (known: ${inst.known})`);
  }
  console.log(`\n${summary.map((line) => `- ${line}`).join("\n")}\n`);
}

if (only.includes("leaders")) {
  const base = JSON.parse(
    readFileSync(new URL("../data/oslo-ledere.problem.json", import.meta.url), "utf8"),
  ) as RoundsProblemInput;
  const everyone = (base.people ?? []) as Person[];
  // The whole programme, and one cohort of 60 (every 7th leader, so agencies stay mixed)
  // meeting more often: there a leader meets most of the cohort and repeats press.
  const cohort = everyone.filter((_, i) => i % 7 === 0).slice(0, 60);
  const cases = [
    { people: everyone, R: 6, budgets: leadersMs },
    { people: cohort, R: 8, budgets: [leadersMs[0]] },
  ];
  for (const { people, R, budgets } of cases) {
    const kept = new Set(people.map((p) => p.id));
    const input = (seed: number, ms: number): RoundsProblemInput => ({
      ...base,
      people,
      rules: {
        ...base.rules,
        apart: (base.rules?.apart ?? [])
          .map((set) => set.filter((id) => kept.has(id)))
          .filter((set) => set.length >= 2),
      },
      groups: { size: 6 },
      rounds: Array.from({ length: R }, (_, i) => ({ id: `samling ${i + 1}` })),
      meetings: { weight: meetingsWeight, penalty: "square" },
      options: { seed, timeLimitMs: ms },
    });
    const variants: { name: string; mode: RoundsMode; warmStartShare?: number }[] = [
      { name: "sequential", mode: "sequential" },
      { name: "joint", mode: "joint", warmStartShare: 0 },
      { name: "joint, warm start", mode: "joint", warmStartShare: 0.5 },
    ];
    for (const ms of budgets) {
      type Cell = { repeated: number[]; agencies: number[]; coverage: number[] };
      const cells = variants.map(() =>
        Array.from({ length: R }, (): Cell => ({ repeated: [], agencies: [], coverage: [] })),
      );
      const finals = variants.map(() => ({
        repeats: [] as number[],
        mix: [] as number[],
        feasible: 0,
        ms: [] as number[],
      }));
      for (const [v, variant] of variants.entries()) {
        for (const seed of seeds) {
          const result = await solveRounds(input(seed, ms), {
            mode: variant.mode,
            search:
              variant.warmStartShare !== undefined
                ? { rounds: { warmStartShare: variant.warmStartShare } }
                : {},
          });
          const steps = networkByRound(
            people,
            { rounds: [] },
            result.composed.map((round, r) => ({ round, repeat: result.rounds[r].repeat })),
            { agency: "Virksomhet", sector: "Sektor" },
          );
          steps.forEach((step, r) => {
            cells[v][r].repeated.push(step.repeatedPairs);
            cells[v][r].agencies.push(step.averageAgenciesMet ?? Number.NaN);
            cells[v][r].coverage.push(step.agencyPairCoverage ?? Number.NaN);
          });
          finals[v].repeats.push(result.meetings.repeatPairs);
          finals[v].mix.push(result.rounds.reduce((sum, r) => sum + r.softScore, 0) / R);
          if (result.rounds.every((r) => r.feasible)) finals[v].feasible++;
          finals[v].ms.push(result.stats.totalMs);
        }
      }
      console.log(
        `## Leaders: ${people.length} people, groups of 6, ${R} gatherings, ${ms / 1000} s per run, meetings weight ${meetingsWeight} (medians of ${runs})\n`,
      );
      const names = variants.map((v) => v.name);
      console.log(
        `| after round | ${names.map((n) => `repeated pairs: ${n}`).join(" | ")} | ${names
          .map((n) => `agencies met: ${n}`)
          .join(" | ")} | ${names.map((n) => `agency-pair coverage: ${n}`).join(" | ")} |`,
      );
      console.log(`|---:|${"---:|".repeat(3 * variants.length)}`);
      for (let r = 0; r < R; r++) {
        const rep = cells.map((c) => median(c[r].repeated));
        const ag = cells.map((c) => median(c[r].agencies).toFixed(2));
        const cov = cells.map((c) => `${(100 * median(c[r].coverage)).toFixed(1)}%`);
        console.log(`| ${r + 1} | ${rep.join(" | ")} | ${ag.join(" | ")} | ${cov.join(" | ")} |`);
      }
      console.log(
        "\n| search | every round's hard rules hold | repeated pairs | mean mixing score per round (0 = every term at its bound) | time (s) |",
      );
      console.log("|---|---:|---:|---:|---:|");
      finals.forEach((f, v) => {
        console.log(
          `| ${variants[v].name} | ${f.feasible}/${runs} | ${median(f.repeats)} | ${median(f.mix).toFixed(5)} | ${(median(f.ms) / 1000).toFixed(1)} |`,
        );
      });
      console.log("");
    }
  }
}
