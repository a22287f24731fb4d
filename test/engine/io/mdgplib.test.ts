/**
 * The MDGPLIB reader and objective against the library's own figures: every reference
 * solution in data/mdgp/solutions whose instance is in the subset scores its
 * published value (TPSDP keeps 32-bit floats: within 1e-3), through the reader's evaluator
 * and through Tverr's report of the same grouping.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  MdgpFormatError,
  mdgpFeasible,
  mdgpObjective,
  mdgpProblem,
  parseMdgpInstance,
  parseMdgpSolution,
} from "../../../engine/io/mdgplib.js";
import { score } from "../../../engine/usecases/score.js";

const DATA = new URL("../../../data/mdgp/", import.meta.url);

describe("MDGPLIB reader", () => {
  const solutions = readdirSync(new URL("solutions/", DATA)).filter((f) => f.endsWith(".sol.txt"));
  const checked = solutions.filter((f) => existsSync(new URL(`instances/${f.replace(".sol", "")}`, DATA)));

  it("has instances for the reference solutions of n = 120 and 240", () => {
    expect(checked.length).toBe(40);
  });

  it.each(checked)("%s scores its published value", (file) => {
    const instance = parseMdgpInstance(
      readFileSync(new URL(`instances/${file.replace(".sol", "")}`, DATA), "utf8"),
    );
    const solution = parseMdgpSolution(readFileSync(new URL(`solutions/${file}`, DATA), "utf8"));
    expect(solution.groupOf.length).toBe(instance.n);
    expect(mdgpFeasible(instance, solution.groupOf)).toBe(true);
    expect(Math.abs(mdgpObjective(instance, solution.groupOf) - solution.value)).toBeLessThan(1e-3);
    // The engine's distance term on the same grouping is minus the objective.
    const report = score({
      ...mdgpProblem(instance),
      assignment: Object.fromEntries(Array.from(solution.groupOf, (g, i) => [String(i), String(g)])),
    });
    expect(report.feasible).toBe(true);
    const term = report.terms.find((t) => t.term === "distance");
    expect(Math.abs(-(term?.raw ?? 0) - solution.value)).toBeLessThan(1e-3);
  });

  it("reads the size ranges of a ds instance", () => {
    const instance = parseMdgpInstance(
      readFileSync(new URL("instances/RanInt_n010_ds_01.txt", DATA), "utf8"),
    );
    expect(instance).toMatchObject({ n: 10, m: 2, type: "ds", minSize: [5, 4], maxSize: [6, 5] });
    expect(instance.dist[0 * 10 + 1]).toBe(69);
    expect(instance.dist[1 * 10 + 0]).toBe(69);
  });
});

describe("MDGPLIB format errors", () => {
  it("names the line", () => {
    expect(() => parseMdgpInstance("3 1 xx 1 3\n")).toThrow(/line 1: type must be ss or ds/);
    expect(() => parseMdgpInstance("3 1 ss 3 3\n0 1 2\n0 5 1\n1 2 3\n")).toThrow(MdgpFormatError);
    expect(() => parseMdgpInstance("3 1 ss 3 3\n0 1 2\n")).toThrow(/expected 3 pairs, got 1/);
  });
});
