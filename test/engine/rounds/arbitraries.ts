/**
 * fast-check generators of small multi-round problems: absent people, repeats, history,
 * keep-together sets (units of two), a categorical attribute with an optional cap, and an
 * optional reach term over it and a second attribute some people lack.
 */
import fc from "fast-check";
import type { RoundsProblemInput } from "../../../engine/rounds/schema.js";

export interface RoundsShape {
  maxPeople: number;
  maxRounds: number;
  forbidRepeats?: boolean;
  /** Add keep-together and keep-apart sets and a per-group cap. */
  rules?: boolean;
  /** Add a reach term over `team` and `unit`. */
  reach?: boolean;
}

export function roundsProblemArb(shape: RoundsShape): fc.Arbitrary<RoundsProblemInput> {
  return fc
    .record({
      n: fc.integer({ min: 3, max: shape.maxPeople }),
      rounds: fc.integer({ min: 1, max: shape.maxRounds }),
      historyRounds: fc.integer({ min: 0, max: 2 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
    })
    .chain(({ n, rounds, historyRounds, seed }) => {
      const ids = Array.from({ length: n }, (_, i) => `p${i}`);
      const personArb = fc.constantFrom(...ids);
      const round = fc.record({
        absent: fc.subarray(ids, { maxLength: Math.max(0, n - 3) }),
        groups: fc.integer({ min: 1, max: 3 }),
        slack: fc.integer({ min: 0, max: 1 }),
        repeat: fc.integer({ min: 1, max: 3 }),
      });
      const historyRound = fc.record({
        present: fc.subarray(ids, { minLength: 2 }),
        groups: fc.integer({ min: 1, max: 3 }),
        salt: fc.array(fc.nat(), { minLength: n, maxLength: n }),
      });
      return fc
        .record({
          people: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
          units: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
          rounds: fc.array(round, { minLength: rounds, maxLength: rounds }),
          history: fc.array(historyRound, { minLength: historyRounds, maxLength: historyRounds }),
          penalty: fc.constantFrom("square" as const, "linear" as const),
          weight: fc.integer({ min: 0, max: 3 }),
          together: shape.rules
            ? fc.array(fc.uniqueArray(personArb, { minLength: 2, maxLength: 2 }), { maxLength: 1 })
            : fc.constant([] as string[][]),
          apart: shape.rules
            ? fc.array(fc.uniqueArray(personArb, { minLength: 2, maxLength: 3 }), { maxLength: 2 })
            : fc.constant([] as string[][]),
          cap: shape.rules ? fc.option(fc.constant(2), { nil: undefined }) : fc.constant(undefined),
        })
        .map((x): RoundsProblemInput => {
          const together = x.together.filter((set) => !x.apart.some((a) => set.every((p) => a.includes(p))));
          return {
            // `unit` (3: left out) is not a mixing attribute; the reach term counts it.
            people: ids.map((id, i) => ({
              id,
              attributes: { team: `t${x.people[i]}`, ...(x.units[i] < 3 ? { unit: `u${x.units[i]}` } : {}) },
            })),
            groups: { count: 1, minSize: 0, maxSize: n },
            attributes: {
              team: {
                kind: "categorical",
                weight: 1,
                ...(x.cap !== undefined ? { maxPerGroup: x.cap } : {}),
              },
            },
            rules: { together, apart: x.apart, pins: {}, allowedGroups: {} },
            rounds: x.rounds.map((r, i) => {
              const present = ids.filter((id) => !r.absent.includes(id));
              const count = Math.min(r.groups, present.length);
              const base = Math.floor(present.length / count);
              return {
                id: `r${i}`,
                ...(r.absent.length > 0 ? { people: present } : {}),
                groups: {
                  count,
                  minSize: Math.max(0, base - r.slack),
                  maxSize: base + r.slack + (present.length % count > 0 ? 1 : 0),
                },
                repeat: r.repeat,
              };
            }),
            history: {
              rounds: x.history.map((h, i) => {
                const groups: Record<string, string[]> = {};
                h.present.forEach((id, j) => {
                  const g = `h${h.salt[j] % h.groups}`;
                  if (groups[g]) groups[g].push(id);
                  else groups[g] = [id];
                });
                return { round: `h${i}`, groups };
              }),
            },
            meetings: { weight: x.weight, penalty: x.penalty, forbidRepeats: shape.forbidRepeats ?? false },
            ...(shape.reach ? { reach: { weight: 1, attributes: ["team", "unit"] } } : {}),
            options: { seed, timeLimitMs: 10_000, iterationLimit: 3000 },
          };
        });
    });
}

/** Pairs (as "a|b", a < b) and how many groupings put them together. */
export function pairGroupings(rounds: { groups: Record<string, string[]> }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const round of rounds) {
    for (const members of Object.values(round.groups)) {
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const key = [members[i], members[j]].sort().join("|");
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
    }
  }
  return counts;
}
