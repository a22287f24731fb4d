/**
 * An independent checker: reads a problem as the caller wrote it (plain JSON, defaults left
 * out) and a grouping (person id → group id), and recomputes every soft term's raw value and
 * every broken hard rule from the definitions in the problem's documentation. It imports
 * nothing from engine/, so a misreading in the engine's compile step (a lookup through a
 * prototype, a default taken wrongly, a group count derived wrongly) shows as a disagreement
 * instead of being shared by oracle and engine.
 *
 * Conventions it takes from the documentation, not the code: a categorical value is its
 * string; null, a missing key and "" are no value. Numeric values are standardised with the
 * mean of the people who have one and the population standard deviation over everyone, and
 * the missing count as the mean. Records are read by own keys only.
 */

type Json = Record<string, unknown>;

export interface CheckedTerm {
  /** `${term}|${attribute}|${category}`, as the engine's report names the term. */
  key: string;
  raw: number;
}

/** A broken hard rule, as comparable data. */
export type CheckedViolation =
  | { rule: "size"; group: string; size: number }
  | { rule: "cap"; attribute: string; category: string; group: string; count: number; cap: number }
  | { rule: "min"; attribute: string; category: string; group: string; count: number; min: number }
  | { rule: "notAlone"; attribute: string; category: string; group: string; count: number; min: number }
  | { rule: "apart"; group: string; people: string[] }
  | { rule: "together"; people: string[] }
  | { rule: "togetherAllowed"; people: string[] }
  | { rule: "pin"; person: string; group: string; pinnedTo: string }
  | { rule: "allowed"; person: string; group: string };

export interface IndependentResult {
  groups: { id: string; minSize: number; maxSize: number }[];
  terms: CheckedTerm[];
  violations: CheckedViolation[];
}

const isObject = (x: unknown): x is Json => typeof x === "object" && x !== null && !Array.isArray(x);
const ownKeys = (x: unknown): string[] => (isObject(x) ? Object.keys(x) : []);
const at = (x: unknown, key: string): unknown => (isObject(x) && Object.hasOwn(x, key) ? x[key] : undefined);
const num = (x: unknown, fallback: number): number => (typeof x === "number" ? x : fallback);
const pairs = (k: number) => (k * (k - 1)) / 2;

/** The groups the problem asks for, from its `groups` part (see the schema's description). */
export function checkerGroups(problem: Json): { id: string; minSize: number; maxSize: number }[] {
  const g = at(problem, "groups");
  const list = at(g, "list");
  if (Array.isArray(list))
    return list.map((x) => ({
      id: String(at(x, "id")),
      minSize: num(at(x, "minSize"), 0),
      maxSize: num(at(x, "maxSize"), 0),
    }));
  const n = (at(problem, "people") as unknown[]).length;
  const count = at(g, "count");
  const size = at(g, "size");
  const maxGiven = at(g, "maxSize");
  const minGiven = at(g, "minSize");
  let m = 0;
  if (typeof count === "number") m = count;
  else if (typeof size === "number") m = Math.max(1, Math.round(n / size));
  else if (typeof maxGiven === "number") m = Math.max(1, Math.ceil(n / maxGiven));
  if (m === 0) return [];
  let minSize = typeof minGiven === "number" ? minGiven : Math.floor(n / m);
  let maxSize = typeof maxGiven === "number" ? maxGiven : Math.max(1, Math.ceil(n / m));
  if (typeof minGiven !== "number" && minSize > maxSize) minSize = maxSize;
  if (typeof maxGiven !== "number" && maxSize < minSize) maxSize = Math.max(1, minSize);
  return Array.from({ length: m }, (_, i) => ({ id: String(i + 1), minSize, maxSize }));
}

/** Standardise a column: (v − mean of the valued) / population sd over everyone; missing → 0. */
function standardise(values: (number | null)[]): number[] {
  const valued = values.filter((v): v is number => v !== null);
  if (valued.length === 0) return values.map(() => 0);
  const mean = valued.reduce((s, v) => s + v, 0) / valued.length;
  const ss = valued.reduce((s, v) => s + (v - mean) ** 2, 0);
  const sd = Math.sqrt(ss / values.length);
  if (!(sd > 1e-12 * Math.max(1, Math.abs(mean)))) return values.map(() => 0);
  return values.map((v) => (v === null ? 0 : (v - mean) / sd));
}

/** Σ_g S_g² / s_g of a column over the groups. */
function betweenGroups(z: number[], groupOf: number[], m: number): number {
  const sums = new Array<number>(m).fill(0);
  const sizes = new Array<number>(m).fill(0);
  groupOf.forEach((g, p) => {
    sums[g] += z[p];
    sizes[g]++;
  });
  let total = 0;
  for (let g = 0; g < m; g++) if (sizes[g] > 0) total += (sums[g] * sums[g]) / sizes[g];
  return total;
}

export function independentCheck(
  problem: Json,
  assignment: Readonly<Record<string, string>>,
): IndependentResult {
  const people = at(problem, "people") as Json[];
  const ids = people.map((p) => String(at(p, "id")));
  const n = ids.length;
  const index = new Map(ids.map((id, p) => [id, p]));
  const groups = checkerGroups(problem);
  const m = groups.length;
  const groupIndex = new Map(groups.map((g, i) => [g.id, i]));
  const groupOf = ids.map((id) => {
    const g = groupIndex.get(String(at(assignment, id)));
    if (g === undefined) throw new Error(`independent check: ${id} is in no group of the problem`);
    return g;
  });
  const value = (p: number, attribute: string) => at(at(people[p], "attributes"), attribute);
  const category = (p: number, attribute: string): string | undefined => {
    const v = value(p, attribute);
    return v === undefined || v === null || v === "" ? undefined : String(v);
  };
  const terms: CheckedTerm[] = [];
  const violations: CheckedViolation[] = [];

  // Sizes.
  const size = new Array<number>(m).fill(0);
  for (const g of groupOf) size[g]++;
  groups.forEach((g, i) => {
    if (size[i] < g.minSize || size[i] > g.maxSize)
      violations.push({ rule: "size", group: g.id, size: size[i] });
  });

  // Attributes.
  const attributes = at(problem, "attributes");
  for (const name of ownKeys(attributes)) {
    const spec = at(attributes, name);
    const weight = num(at(spec, "weight"), 1);
    if (at(spec, "kind") === "numeric") {
      const raw = people.map((_, p) => {
        const v = value(p, name);
        return typeof v === "number" ? v : null;
      });
      const z = standardise(raw);
      if (weight > 0) terms.push({ key: `balance|${name}|`, raw: betweenGroups(z, groupOf, m) });
      const varianceWeight = num(at(spec, "varianceWeight"), 0);
      if (varianceWeight > 0) {
        const y = standardise(raw.map((v, p) => (v === null ? null : z[p] * z[p])));
        terms.push({ key: `variance|${name}|`, raw: betweenGroups(y, groupOf, m) });
      }
      continue;
    }
    // Categorical: counts per group and category.
    const counts = groups.map(() => new Map<string, number>());
    for (let p = 0; p < n; p++) {
      const c = category(p, name);
      if (c === undefined) continue;
      counts[groupOf[p]].set(c, (counts[groupOf[p]].get(c) ?? 0) + 1);
    }
    const countOf = (g: number, c: string) => counts[g].get(c) ?? 0;
    let same = 0;
    for (const byCategory of counts) for (const k of byCategory.values()) same += pairs(k);
    const similar = at(spec, "goal") === "similar";
    if (weight > 0)
      terms.push({ key: `${similar ? "similar" : "spread"}|${name}|`, raw: similar ? -same : same });
    const maxPerGroup = at(spec, "maxPerGroup");
    const byCategory = at(spec, "maxPerGroupByCategory");
    groups.forEach((g, i) => {
      for (const [c, k] of counts[i]) {
        const own = at(byCategory, c);
        const cap = typeof own === "number" ? own : typeof maxPerGroup === "number" ? maxPerGroup : undefined;
        if (cap !== undefined && k > cap)
          violations.push({ rule: "cap", attribute: name, category: c, group: g.id, count: k, cap });
      }
    });
    const mins = at(spec, "minPerGroup");
    for (const c of ownKeys(mins)) {
      const min = num(at(mins, c), 0);
      groups.forEach((g, i) => {
        if (countOf(i, c) < min)
          violations.push({
            rule: "min",
            attribute: name,
            category: c,
            group: g.id,
            count: countOf(i, c),
            min,
          });
      });
    }
    const notAlone = at(spec, "notAlone");
    const alone = at(notAlone, "categories");
    for (const c of ownKeys(alone)) {
      const k = num(at(alone, c), 2);
      const cost = (x: number) => (x > 0 && x < k ? Math.min(x, k - x) : 0);
      if (at(notAlone, "level") === "soft") {
        if (num(at(notAlone, "weight"), 1) > 0) {
          let raw = 0;
          for (let g = 0; g < m; g++) raw += cost(countOf(g, c));
          terms.push({ key: `notAlone|${name}|${c}`, raw });
        }
      } else {
        groups.forEach((g, i) => {
          const x = countOf(i, c);
          if (cost(x) > 0)
            violations.push({
              rule: "notAlone",
              attribute: name,
              category: c,
              group: g.id,
              count: x,
              min: k,
            });
        });
      }
    }
  }

  // Pair preferences: Σ weights of the pairs in one group (a pair named twice counts twice).
  const pairwise = at(problem, "pairwise");
  if (pairwise !== undefined && num(at(pairwise, "weight"), 1) > 0) {
    const list = ((at(pairwise, "pairs") as Json[] | undefined) ?? []).filter(
      (x) => num(at(x, "weight"), 0) !== 0,
    );
    if (list.length > 0) {
      let raw = 0;
      for (const pair of list) {
        const a = index.get(String(at(pair, "a"))) as number;
        const b = index.get(String(at(pair, "b"))) as number;
        if (groupOf[a] === groupOf[b]) raw += num(at(pair, "weight"), 0);
      }
      terms.push({ key: "pairwise||", raw });
    }
  }

  // Diversity: minus the distances inside groups.
  const distance = at(problem, "distance");
  if (distance !== undefined && num(at(distance, "weight"), 1) > 0) {
    const matrix = at(distance, "matrix") as number[][];
    let inside = 0;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) if (groupOf[p] === groupOf[q]) inside += matrix[p][q];
    terms.push({ key: "distance||", raw: -inside });
  }

  // Stability: people of the earlier grouping who are elsewhere now.
  const incumbent = at(problem, "incumbent");
  if (incumbent !== undefined && num(at(incumbent, "weight"), 1) > 0) {
    const earlier = at(incumbent, "assignment");
    const known = ownKeys(earlier).filter((id) => index.has(id) && groupIndex.has(String(at(earlier, id))));
    if (known.length > 0) {
      const moved = known.filter((id) => assignment[id] !== at(earlier, id)).length;
      terms.push({ key: "stability||", raw: moved });
    }
  }

  // Keep apart: every pair of a set in one group, once.
  const rules = at(problem, "rules");
  const seenApart = new Set<string>();
  for (const set of (at(rules, "apart") as string[][] | undefined) ?? []) {
    for (let i = 0; i < set.length; i++) {
      for (let j = i + 1; j < set.length; j++) {
        const pair = [set[i], set[j]].sort();
        const code = pair.join("\u0000");
        if (seenApart.has(code)) continue;
        seenApart.add(code);
        if (assignment[pair[0]] === assignment[pair[1]])
          violations.push({ rule: "apart", group: assignment[pair[0]], people: pair });
      }
    }
  }

  // Keep together: overlapping sets are one unit.
  const unitOf = ids.map((_, p) => p);
  const root = (p: number): number => (unitOf[p] === p ? p : root(unitOf[p]));
  for (const set of (at(rules, "together") as string[][] | undefined) ?? []) {
    for (const id of set.slice(1)) {
      const a = root(index.get(set[0]) as number);
      const b = root(index.get(id) as number);
      if (a !== b) unitOf[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const units = new Map<number, number[]>();
  for (let p = 0; p < n; p++) units.set(root(p), [...(units.get(root(p)) ?? []), p]);
  const pins = at(rules, "pins");
  const allowed = at(rules, "allowedGroups");
  const allowedOf = (p: number) => at(allowed, ids[p]) as string[] | undefined;
  for (const members of units.values()) {
    const memberIds = members.map((p) => ids[p]);
    if (new Set(members.map((p) => groupOf[p])).size > 1)
      violations.push({ rule: "together", people: memberIds });
    const lists = members.map(allowedOf).filter((x): x is string[] => x !== undefined);
    if (members.length > 1 && lists.length > 0 && !groups.some((g) => lists.every((l) => l.includes(g.id)))) {
      violations.push({ rule: "togetherAllowed", people: memberIds });
      continue;
    }
    for (const p of members) {
      const pin = at(pins, ids[p]);
      const here = groups[groupOf[p]].id;
      if (typeof pin === "string" && pin !== here)
        violations.push({ rule: "pin", person: ids[p], group: here, pinnedTo: pin });
      const list = allowedOf(p);
      if (list !== undefined && !list.includes(here))
        violations.push({ rule: "allowed", person: ids[p], group: here });
    }
  }
  return { groups, terms, violations };
}

const FIELDS: Record<CheckedViolation["rule"], string[]> = {
  size: ["group", "size"],
  cap: ["attribute", "category", "group", "count", "cap"],
  min: ["attribute", "category", "group", "count", "min"],
  notAlone: ["attribute", "category", "group", "count", "min"],
  apart: ["group", "people"],
  together: ["people"],
  togetherAllowed: ["people"],
  pin: ["person", "group", "pinnedTo"],
  allowed: ["person", "group"],
};

/**
 * A violation list (the checker's, or a report's, which carries more fields) as sorted
 * strings of the fields the checker knows, people sorted: two lists name the same broken
 * rules exactly when these are equal.
 */
export function comparableViolations(list: readonly { rule: string }[]): string[] {
  return list
    .map((v) => {
      const fields = FIELDS[v.rule as CheckedViolation["rule"]];
      if (!fields) return JSON.stringify(v);
      const picked: unknown[] = [v.rule];
      for (const f of fields) {
        const x = (v as Record<string, unknown>)[f];
        picked.push(Array.isArray(x) ? [...x].sort() : x);
      }
      return JSON.stringify(picked);
    })
    .sort();
}
