/**
 * The shared harness for cross-round terms (repeated meetings, reach): on random multi-round
 * problems with history, absent people, repeats and units of two, rounds join at random (the
 * first always), and then every evaluated relocate and swap in a joined round must leave the
 * running value alone (evaluating only reads) and report as its change the difference of two
 * recomputes from scratch; applying a move keeps the running value and hard count exact.
 */
import fc from "fast-check";
import { expect } from "vitest";
import type { Problem } from "../../../engine/problem/schema.js";
import { compileRounds, type RoundsModel } from "../../../engine/rounds/compile.js";
import type { RoundsProblem, RoundsProblemInput } from "../../../engine/rounds/schema.js";
import { parseRoundsProblem } from "../../../engine/rounds/validate.js";
import type { RoundsTerm } from "../../../engine/terms/contract.js";

/** Each joined round's person → group array (null for rounds that have not joined). */
export type RoundGroupings = (Int32Array | null)[];

export interface RoundsCase {
  term: RoundsTerm;
  /** The term's raw value and hard count from scratch (hard: beyond what the history alone has). */
  full(groupings: RoundGroupings): { cost: number; hard: number };
  /** Checks on the starting groupings, once the rounds have joined (bounds, say). */
  atStart?(groupings: RoundGroupings, rm: RoundsModel, joined: boolean[]): void;
}

export interface RoundsTermOptions {
  arb: fc.Arbitrary<RoundsProblemInput>;
  /** The term under test for a parsed problem and its compiled rounds. */
  create(problem: RoundsProblem, roundProblems: Problem[], rm: RoundsModel): RoundsCase;
  numRuns: number;
  seed: number;
}

const moveArb = fc.array(
  fc.record({ r: fc.nat(), swap: fc.boolean(), u: fc.nat(), v: fc.nat(), h: fc.nat(), apply: fc.boolean() }),
  { minLength: 1, maxLength: 40 },
);

function groupings(rm: RoundsModel, unitGroups: Int32Array[], joined: boolean[]): RoundGroupings {
  return rm.rounds.map((round, r) => {
    if (!joined[r]) return null;
    const g = new Int32Array(round.model.n);
    for (let p = 0; p < round.model.n; p++) g[p] = unitGroups[r][round.model.unitOf[p]];
    return g;
  });
}

export function checkRoundsTerm(options: RoundsTermOptions): void {
  fc.assert(
    fc.property(
      options.arb,
      fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
      fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      moveArb,
      (input, start, joinMask, moves) => {
        const { problem, roundProblems } = parseRoundsProblem(input);
        const rm = compileRounds(problem, roundProblems);
        const { term, full, atStart } = options.create(problem, roundProblems, rm);
        const joined = rm.rounds.map((_, r) => r === 0 || joinMask[r]);
        const unitGroups = rm.rounds.map((round) =>
          Int32Array.from(
            { length: round.model.unitCount },
            (_, u) => start[u % start.length] % round.model.m,
          ),
        );
        rm.rounds.forEach((_, r) => {
          if (joined[r]) term.addRound(r, unitGroups[r]);
        });
        const now = () => full(groupings(rm, unitGroups, joined));
        expect([term.cost, term.hard]).toEqual([now().cost, now().hard]);
        atStart?.(groupings(rm, unitGroups, joined), rm, joined);
        for (const move of moves) {
          const r = move.r % rm.rounds.length;
          if (!joined[r]) continue;
          const model = rm.rounds[r].model;
          const u = move.u % model.unitCount;
          const g = unitGroups[r][u];
          const before = now();
          const after = Int32Array.from(unitGroups[r]);
          let v = -1;
          let h = -1;
          if (move.swap) {
            v = move.v % model.unitCount;
            if (unitGroups[r][v] === g) continue;
            after[u] = unitGroups[r][v];
            after[v] = g;
            term.evalSwap(r, u, v);
          } else {
            if (model.m < 2) continue;
            h = move.h % model.m;
            if (h === g) continue;
            after[u] = h;
            term.evalRelocate(r, u, h);
          }
          expect([term.cost, term.hard]).toEqual([before.cost, before.hard]);
          const saved = unitGroups[r];
          unitGroups[r] = after;
          const expected = now();
          unitGroups[r] = saved;
          expect([term.dCost, term.dHard]).toEqual([
            expected.cost - before.cost,
            expected.hard - before.hard,
          ]);
          if (move.apply) {
            if (v >= 0) term.applySwap(r, u, v);
            else term.applyRelocate(r, u, h);
            unitGroups[r] = after;
            expect([term.cost, term.hard]).toEqual([expected.cost, expected.hard]);
          }
        }
      },
    ),
    { numRuns: options.numRuns, seed: options.seed },
  );
}
