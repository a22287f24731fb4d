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
 *   objective min Σ_{u<v} c_uv z_uv + Σ_u s_u (1 − x_u,inc(u)),  z_uv = Σ_g y_uvg, where c_uv
 *             sums the per-pair coefficients of the pair terms over the units' people:
 *             categorical coef per same-category pair, pairwise coef·w, −distance coef·d;
 *             s_u = stability coef × members with an incumbent group.
 *   linearised y_uvg ≤ x_ug, y_uvg ≤ x_vg when c_uv < 0 (together pays);
 *             y_uvg ≥ x_ug + x_vg − 1 when c_uv > 0 (together costs); y ∈ [0,1].
 * The numeric balance term (Σ S²/s) is not linear in x and is not supported: a problem with
 * a weighted numeric attribute is refused. Integrality of the returned x is checked.
 */
import type highsLoader from "highs";
import { compile } from "../compile/compile.js";
import type { Model } from "../compile/model.js";
import { parseProblem } from "../problem/validate.js";
import { buildReport, type Report } from "../report/report.js";
import { buildObjective } from "../score/objective.js";

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

export class ExactUnsupportedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExactUnsupportedError";
  }
}

type Loaded = Awaited<ReturnType<typeof highsLoader>>;
let loaded: Promise<Loaded> | null = null;

export async function solveExact(
  input: unknown,
  options: { timeLimitMs?: number } = {},
): Promise<ExactResult> {
  const problem = parseProblem(input);
  const model = compile(problem);
  if (model.numeric.some((x) => x.weight > 0)) {
    throw new ExactUnsupportedError("exact mode does not support weighted numeric attributes (not linear)");
  }
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
  // normalising offset), so the soft score's bound is the found score minus the MIP's gap.
  const gap = run.code === statusCode.optimal ? 0 : Math.max(0, run.objectiveValue - run.dualBound);
  const softLowerBound = Number.isFinite(gap) ? report.softScore - gap : undefined;
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
export function buildLp(model: Model, objective: ReturnType<typeof buildObjective>): { text: string } {
  const { n, m, unitCount } = model;
  const unitOf = model.unitOf;
  // Per-pair coefficients between units (u < v), summed over their people.
  const c = new Float64Array(unitCount * unitCount);
  const addPair = (p: number, q: number, w: number) => {
    const u = unitOf[p];
    const v = unitOf[q];
    if (u === v || w === 0) return; // inside a unit the pair is always together: a constant
    c[Math.min(u, v) * unitCount + Math.max(u, v)] += w;
  };
  const catCount = model.categorical.length;
  for (let p = 0; p < n; p++) {
    for (let q = p + 1; q < n; q++) {
      for (let a = 0; a < catCount; a++) {
        const kp = model.personKey[p * catCount + a];
        if (kp >= 0 && kp === model.personKey[q * catCount + a]) addPair(p, q, objective.keyCoef[kp]);
      }
      if (model.hasDistance) addPair(p, q, -objective.distCoef * model.dist[p * n + q]);
    }
    for (let i = model.pairStart[p]; i < model.pairStart[p + 1]; i++) {
      const q = model.pairNbr[i];
      if (q > p && model.hasPairs) addPair(p, q, objective.pairCoef * model.pairW[i]);
    }
  }
  let scale = Math.abs(objective.stabilityCoef) * (model.hasIncumbent ? 1 : 0);
  for (const x of c) scale = Math.max(scale, Math.abs(x));
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
    // Stability: − coef · (members whose incumbent group is g) · x_ug (constants left out).
    if (model.hasIncumbent) {
      const staying = new Float64Array(m);
      for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
        const inc = model.incumbent[model.unitMembers[i]];
        if (inc >= 0) staying[inc] += objective.stabilityCoef;
      }
      staying.forEach((w, g) => {
        if (w !== 0) obj.push(`- ${num(w)} ${xName(u, g)}`);
      });
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
  // Keep-apart: between units; a pair inside one unit can never hold.
  const apartSeen = new Set<number>();
  for (let p = 0; p < n; p++) {
    for (let i = model.apartStart[p]; i < model.apartStart[p + 1]; i++) {
      const u = unitOf[p];
      const v = unitOf[model.apartNbr[i]];
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
  return { text };
}
