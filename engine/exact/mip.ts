/**
 * Exact mode for small problems: the grouping as a mixed-integer program, solved by HiGHS
 * (WebAssembly, the `highs` package). Proves the optimum of the weighted objective, or says
 * that no grouping keeps every hard rule, or stops at the time limit with the best grouping
 * found and a proven lower bound on the optimum (HiGHS's dual bound).
 *
 * Model, over keep-together units u (sizes k_u) and groups g:
 *   x_ug ∈ {0,1}, Σ_g x_ug = 1; x_ug = 0 where u may not go (pins, allowed groups)
 *   size      min_g ≤ Σ_u k_u x_ug ≤ max_g
 *   caps      Σ_u t_uk x_ug ≤ cap_k,  minimums  Σ_u t_uk x_ug ≥ min_k   (t_uk: u's people of key k)
 *   apart     x_ug + x_vg ≤ 1 for units holding a keep-apart pair
 *   not alone for each group g, with a binary b: k·b ≤ Σ_u t_u x_ug ≤ max_g·b
 *   objective min Σ_{u<v} c_uv z_uv + Σ_{u,g} a_ug x_ug,  z_uv = Σ_g y_uvg, where each soft
 *             term's linearisation (terms/contract.ts, `linear`) gives per-pair and
 *             per-placement coefficients, times the term's objective coefficient, summed over
 *             the units' people (constants left out).
 *   linearised y_uvg ≤ x_ug, y_uvg ≤ x_vg when c_uv < 0 (together pays);
 *             y_uvg ≥ x_ug + x_vg − 1 when c_uv > 0 (together costs); y ∈ [0,1].
 * A term without a linearisation (the numeric balance Σ S²/s, a soft "not alone") is not
 * linear in x: a problem with one is refused. Integrality of the returned x is checked.
 *
 * The LP's coefficients are scaled so the largest is 1000 (HiGHS is happier); its gap is
 * unscaled before it becomes the bound on the soft score.
 */
import type highsLoader from "highs";
import { compile } from "../compile/compile.js";
import type { Model } from "../compile/model.js";
import type { Problem } from "../problem/schema.js";
import { parseProblem } from "../problem/validate.js";
import { buildReport, type Report } from "../report/report.js";
import { buildObjective, type Objective } from "../score/objective.js";
import type { ApartInstance } from "../terms/apart.js";
import type { NotAloneInstance } from "../terms/notAlone.js";

export type ExactStatus = "optimal" | "infeasible" | "timeLimit";

export interface ExactResult {
  status: ExactStatus;
  /** The grouping's report (absent when infeasible, or no grouping was found in time). */
  report?: Report;
  /** groupOf[p] for the compiled model's people. */
  groupOf?: Int32Array;
  /**
   * A proven lower bound on the soft score of every grouping that keeps the hard rules:
   * the found grouping's score when optimal; below it by HiGHS's remaining gap on a time-out.
   */
  softLowerBound?: number;
  /** HiGHS's model status code, for diagnostics. */
  solverStatus: string;
}

/**
 * The largest people × groups exact mode takes (one binary variable each, and the rows of
 * every term over them). 200 people in 40 groups solve in about 3 s; 400 in 80 build a
 * model of 280 MB that overruns a 3 s limit threefold, and 1,000 in 200 exhaust the heap
 * before the solver starts, so the request is refused at the door instead.
 */
export const MAX_EXACT_CELLS = 20_000;

/** The problem has a term exact mode cannot linearise; `terms` says which (term kinds). */
export class ExactUnsupportedError extends Error {
  readonly code = "exact_unsupported";
  constructor(readonly terms: string[]) {
    super(`exact mode cannot linearise: ${terms.join(", ")}`);
    this.name = "ExactUnsupportedError";
  }
}

type Loaded = Awaited<ReturnType<typeof highsLoader>>;
let loaded: Promise<Loaded> | null = null;

export async function solveExact(
  input: unknown,
  options: { timeLimitMs?: number } = {},
): Promise<ExactResult> {
  return solveExactParsed(parseProblem(input), options);
}

/** The terms of a model exact mode cannot linearise (empty: exact mode applies). */
export function unsupportedTerms(model: Model): string[] {
  const out: string[] = [];
  for (const i of model.instances) {
    if (i.level === "soft" && i.weight > 0 && !i.linear) out.push(i.term);
  }
  return [...new Set(out)];
}

export async function solveExactParsed(
  problem: Problem,
  options: { timeLimitMs?: number } = {},
): Promise<ExactResult> {
  const model = compile(problem);
  const unsupported = unsupportedTerms(model);
  if (unsupported.length > 0) throw new ExactUnsupportedError(unsupported);
  const objective = buildObjective(model);
  const lp = buildLp(model, objective);
  // Loaded on first use, so importing the engine does not load the solver.
  loaded ??= import("highs").then((module) => module.default());
  const highs = await loaded;
  const statusCode = highs.constants.modelStatus;
  // The model API (not the legacy one-call `solve`) also gives the dual bound on a time-out.
  const run = highs.withModel({ format: "lp", data: lp.text }, (hm) => {
    hm.options.set({
      output_flag: false,
      time_limit: (options.timeLimitMs ?? 60_000) / 1000,
      mip_rel_gap: 0,
    });
    hm.run();
    const code = hm.getModelStatus();
    const hasPrimal = Number(hm.info.get("primal_solution_status")) === 2;
    const values = hasPrimal ? hm.getSolution().colValue : null;
    const column = (name: string): number | undefined => {
      if (!values) return undefined;
      try {
        return values[hm.getColByName(name)];
      } catch {
        return undefined; // a column the LP text never mentions (a fixed zero)
      }
    };
    const unitGroup = new Int32Array(model.unitCount).fill(-1);
    for (let u = 0; u < model.unitCount && values; u++) {
      for (let g = 0; g < model.m; g++) {
        const v = column(xName(u, g));
        if (v === undefined) continue;
        if (Math.abs(v - Math.round(v)) > 1e-6) throw new Error(`HiGHS returned a fractional x (${v})`);
        if (Math.round(v) === 1) unitGroup[u] = g;
      }
    }
    return {
      code,
      unitGroup,
      objectiveValue: Number(hm.info.get("objective_function_value")),
      dualBound: Number(hm.info.get("mip_dual_bound")),
    };
  });
  const solverStatus = String(run.code);
  if (run.code === statusCode.infeasible) return { status: "infeasible", solverStatus };
  const found = !run.unitGroup.includes(-1);
  if (!found) {
    return { status: run.code === statusCode.optimal ? "infeasible" : "timeLimit", solverStatus };
  }
  const groupOf = new Int32Array(model.n);
  for (let p = 0; p < model.n; p++) groupOf[p] = run.unitGroup[model.unitOf[p]];
  const report = buildReport(model, objective, groupOf);
  // The MIP objective and the soft score differ by a constant (pairs inside a unit, the
  // normalising offset) and the LP's scale, so the soft score's bound is the found score minus
  // the MIP's gap in objective units. Every soft term is at least its bound (0 normalised)
  // within the sizes the MIP enforces, so 0 is a bound too.
  const gap =
    run.code === statusCode.optimal ? 0 : Math.max(0, run.objectiveValue - run.dualBound) / lp.scale;
  const softLowerBound = Number.isFinite(gap) ? Math.max(0, report.softScore - gap) : undefined;
  return {
    status: run.code === statusCode.optimal ? "optimal" : "timeLimit",
    report,
    groupOf,
    ...(softLowerBound !== undefined ? { softLowerBound } : {}),
    solverStatus,
  };
}

const xName = (u: number, g: number) => `x${u}_${g}`;

/** The CPLEX LP text of the model above; coefficients scaled so the largest is 1000. */
export function buildLp(model: Model, objective: Objective): { text: string; scale: number } {
  const { n, m, unitCount } = model;
  const unitOf = model.unitOf;
  // Per-pair coefficients between units (u < v) and per-placement ones, summed over people.
  const c = new Float64Array(unitCount * unitCount);
  const place = new Float64Array(unitCount * m);
  for (const t of objective.terms) {
    const coef = t.coef;
    t.instance.linear?.pairs?.((p, q, w) => {
      const u = unitOf[p];
      const v = unitOf[q];
      if (u === v || w === 0) return; // inside a unit the pair is always together: a constant
      c[Math.min(u, v) * unitCount + Math.max(u, v)] += coef * w;
    });
    t.instance.linear?.placements?.((p, g, w) => {
      place[unitOf[p] * m + g] += coef * w;
    });
  }
  let scale = 0;
  for (const x of c) scale = Math.max(scale, Math.abs(x));
  for (const x of place) scale = Math.max(scale, Math.abs(x));
  scale = scale > 0 ? 1000 / scale : 1;
  const num = (x: number) => (x * scale).toPrecision(15);

  const obj: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const binaries: string[] = [];
  let r = 0;
  const row = (expr: string) => rows.push(` r${r++}: ${expr}`);
  for (let u = 0; u < unitCount; u++) {
    for (let g = 0; g < m; g++) binaries.push(xName(u, g));
    row(`${Array.from({ length: m }, (_, g) => xName(u, g)).join(" + ")} = 1`);
    for (let g = 0; g < m; g++) {
      const w = place[u * m + g];
      if (w !== 0) obj.push(`${w < 0 ? "-" : "+"} ${num(Math.abs(w))} ${xName(u, g)}`);
    }
    // Where the unit may go: every member's pin, and the allowed groups.
    const allowedRow = model.unitAllowedRow[u];
    for (let g = 0; g < m; g++) {
      let ok = allowedRow < 0 || model.allowedMask[allowedRow * m + g] === 1;
      for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
        const pin = model.personPin[model.unitMembers[i]];
        if (pin >= 0 && pin !== g) ok = false;
      }
      // As a row: a bound would be reset by the Binaries section.
      if (!ok) row(`${xName(u, g)} = 0`);
    }
  }
  for (let g = 0; g < m; g++) {
    const terms = Array.from({ length: unitCount }, (_, u) => `${model.unitSize[u]} ${xName(u, g)}`).join(
      " + ",
    );
    row(`${terms} >= ${model.minSize[g]}`);
    row(`${terms} <= ${model.maxSize[g]}`);
  }
  // Caps and minimums per key.
  const keyUnits: { u: number; t: number }[][] = Array.from({ length: model.keyCount }, () => []);
  for (let u = 0; u < unitCount; u++) {
    for (let i = model.unitKeyStart[u]; i < model.unitKeyStart[u + 1]; i++) {
      keyUnits[model.unitKey[i]].push({ u, t: model.unitKeyCount[i] });
    }
  }
  for (let k = 0; k < model.keyCount; k++) {
    const cap = model.keyCap[k];
    const min = model.keyMin[k];
    const holders = keyUnits[k];
    for (let g = 0; g < m; g++) {
      const expr = holders.map(({ u, t }) => `${t} ${xName(u, g)}`).join(" + ");
      if (cap < n && holders.reduce((s, h) => s + h.t, 0) > cap) row(`${expr} <= ${cap}`);
      if (min > 0)
        row(holders.length > 0 ? `${expr} >= ${min}` : `${xName(0, g)} - ${xName(0, g)} >= ${min}`);
    }
  }
  // Not alone: per group, none of the key or at least k (b: the group has some).
  for (const instance of model.instances) {
    if (instance.level !== "hard" || instance.rule !== "notAlone") continue;
    const { key, min } = instance as NotAloneInstance;
    const holders = keyUnits[key];
    if (holders.length === 0) continue;
    for (let g = 0; g < m; g++) {
      const b = `b${key}_${g}`;
      binaries.push(b);
      const expr = holders.map(({ u, t }) => `${t} ${xName(u, g)}`).join(" + ");
      row(`${expr} - ${min} ${b} >= 0`);
      row(`${expr} - ${model.maxSize[g]} ${b} <= 0`);
    }
  }
  // Keep-apart: between units; a pair inside one unit can never hold.
  const apartSeen = new Set<number>();
  const apart = model.instances.find((i): i is ApartInstance => i.level === "hard" && i.rule === "apart");
  for (let p = 0; p < n && apart; p++) {
    for (let i = apart.csr.start[p]; i < apart.csr.start[p + 1]; i++) {
      const u = unitOf[p];
      const v = unitOf[apart.csr.nbr[i]];
      if (u === v) {
        row(`${xName(u, 0)} - ${xName(u, 0)} >= 1`);
        continue;
      }
      const code = Math.min(u, v) * unitCount + Math.max(u, v);
      if (apartSeen.has(code)) continue;
      apartSeen.add(code);
      for (let g = 0; g < m; g++) row(`${xName(u, g)} + ${xName(v, g)} <= 1`);
    }
  }
  // Pair variables, linearised on the side the objective pushes.
  for (let u = 0; u < unitCount; u++) {
    for (let v = u + 1; v < unitCount; v++) {
      const w = c[u * unitCount + v];
      if (w === 0) continue;
      for (let g = 0; g < m; g++) {
        const y = `y${u}_${v}_${g}`;
        obj.push(`${w < 0 ? "-" : "+"} ${num(Math.abs(w))} ${y}`);
        bounds.push(` 0 <= ${y} <= 1`);
        if (w < 0) {
          row(`${y} - ${xName(u, g)} <= 0`);
          row(`${y} - ${xName(v, g)} <= 0`);
        } else row(`${y} - ${xName(u, g)} - ${xName(v, g)} >= -1`);
      }
    }
  }
  const objective0 = obj.length > 0 ? obj.join(" ") : `0 ${xName(0, 0)}`;
  const text = [
    "Minimize",
    ` obj: ${objective0.replace(/^\+ /, "")}`,
    "Subject To",
    ...rows,
    "Bounds",
    ...bounds,
    "Binaries",
    ` ${binaries.join(" ")}`,
    "End",
  ].join("\n");
  return { text, scale };
}
