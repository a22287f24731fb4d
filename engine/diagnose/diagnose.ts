/**
 * Pre-solve diagnosis: rules that cannot all hold, found before any search.
 *
 * Every check is a necessary condition for feasibility: when one fails, no grouping can
 * satisfy the hard rules, so a diagnosis is never a false alarm. The checks are not
 * complete (a problem may pass them all and still be infeasible); the search reports the
 * rest as violations. Work is linear in the people and rule sizes, plus a small max-flow
 * over distinct allowed-group sets for the capacity check.
 *
 * Conventions the checks share with the compiled model: a categorical value is its
 * `String(value)`; `null`, `undefined` and `""` are no value and count towards no cap or
 * minimum; pins and allowed groups naming unknown people or groups are left to validation.
 */
import { formatPath } from "../errors.js";
import { resolveGroups } from "../problem/groups.js";
import { entries, nullRecord, own } from "../problem/records.js";
import type { CategoricalAttribute, GroupSpec, Problem } from "../problem/schema.js";
import { togetherUnits } from "../problem/units.js";
import { fixesFor } from "./fixes.js";
import { FlowNetwork } from "./flow.js";
import type { Diagnosis, DiagnosisCode, DiagnosisData, FactsByCode } from "./types.js";

/** The reasons the hard rules cannot all hold, with what would fix each. */
export function diagnose(problem: Problem): Diagnosis[] {
  const found = findInfeasibilities(problem);
  for (const d of found) d.fixes = fixesFor(d, problem);
  for (const d of found) if (d.code === "cap_vs_count") offerCategoryCap(problem, d, found.length);
  return found;
}

/**
 * For a cap that one category alone breaks ("at most 1 per agency" and one large agency),
 * the least disruptive fix is a cap for that category only: offered first when the changed
 * problem has one reason fewer and no new one.
 */
function offerCategoryCap(problem: Problem, d: DiagnosisData<"cap_vs_count">, reasons: number): void {
  if (d.facts.categories !== 1) return;
  const { attribute, category, capNeeded } = d.facts;
  const spec = own(problem.attributes, attribute);
  if (spec?.kind !== "categorical") return;
  const changed: Problem = {
    ...problem,
    attributes: nullRecord([
      ...entries(problem.attributes).filter(([name]) => name !== attribute),
      [
        attribute,
        {
          ...spec,
          maxPerGroupByCategory: nullRecord([...entries(spec.maxPerGroupByCategory), [category, capNeeded]]),
        },
      ],
    ]),
  };
  const after = findInfeasibilities(changed);
  if (
    after.length < reasons &&
    !after.some((x) => x.code === "cap_vs_count" && x.facts.attribute === attribute)
  ) {
    d.fixes.unshift({ kind: "set_cap", attribute, category, cap: capNeeded });
  }
}

/** The same reasons as data, without fixes. */
export function findInfeasibilities(problem: Problem): DiagnosisData[] {
  const groups = resolveGroups(problem);
  const found = new Found();
  if (groups.length === 0) {
    found.add("no_groups", "groups", [], [], { people: problem.people.length });
    return found.list;
  }
  const ctx = new Context(problem, groups);
  checkSizes(ctx, found);
  const apart = checkApart(ctx, found);
  const placement = checkPlacement(ctx, found);
  checkCapacity(ctx, placement, found);
  checkPinsApart(ctx, apart, placement, found);
  for (const [name, spec] of entries(problem.attributes)) {
    if (spec.kind === "categorical") checkCategorical(ctx, name, spec, placement, found);
  }
  return found.list;
}

class Found {
  readonly list: DiagnosisData[] = [];
  add<C extends DiagnosisCode>(
    code: C,
    rule: string,
    people: string[],
    groups: string[],
    facts: FactsByCode[C],
  ): void {
    this.list.push({ code, rule, people, groups, facts, fixes: [] } as unknown as DiagnosisData);
  }
}

class Context {
  readonly n: number;
  readonly m: number;
  readonly personIds: string[];
  readonly personIndex: Map<string, number>;
  readonly groupIds: string[];
  readonly groupIndex: Map<string, number>;
  readonly minSize: Int32Array;
  readonly maxSize: Int32Array;
  readonly unitOf: Int32Array;
  readonly members: number[][];
  /** Index of a keep-together set that formed each unit (-1 for people alone). */
  readonly togetherSet: Int32Array;

  constructor(
    readonly problem: Problem,
    readonly groups: GroupSpec[],
  ) {
    this.n = problem.people.length;
    this.m = groups.length;
    this.personIds = problem.people.map((p) => p.id);
    this.personIndex = new Map(this.personIds.map((id, i) => [id, i]));
    this.groupIds = groups.map((g) => g.id);
    this.groupIndex = new Map(this.groupIds.map((id, i) => [id, i]));
    this.minSize = Int32Array.from(groups, (g) => g.minSize);
    this.maxSize = Int32Array.from(groups, (g) => g.maxSize);
    const units = togetherUnits(problem);
    this.unitOf = units.unitOf;
    this.members = units.members;
    this.togetherSet = new Int32Array(units.members.length).fill(-1);
    problem.rules.together.forEach((set, i) => {
      for (const pid of set) {
        const p = this.personIndex.get(pid);
        if (p !== undefined && this.togetherSet[this.unitOf[p]] < 0) this.togetherSet[this.unitOf[p]] = i;
      }
    });
  }

  ids(people: readonly number[]): string[] {
    return people.map((p) => this.personIds[p]);
  }

  groupNames(groups: readonly number[]): string[] {
    return groups.map((g) => this.groupIds[g]);
  }

  togetherRule(unit: number): string {
    const i = this.togetherSet[unit];
    return formatPath(i >= 0 ? ["rules", "together", i] : ["rules", "together"]);
  }
}

function checkSizes(ctx: Context, found: Found): void {
  const { n, m, groups } = ctx;
  let sumMin = 0;
  let sumMax = 0;
  for (const g of groups) {
    sumMin += g.minSize;
    sumMax += g.maxSize;
  }
  // Generated groups share one size range, so a group count that fits it can be proposed.
  const uniform = ctx.problem.groups.list === undefined ? groups[0] : undefined;
  const all = ctx.groupIds;
  if (sumMin > n) {
    let suggestedGroups = 0;
    if (uniform && uniform.minSize > 0) {
      const k = Math.floor(n / uniform.minSize);
      if (k >= 1 && k * uniform.maxSize >= n) suggestedGroups = k;
    }
    found.add("size_vs_headcount", uniform ? "groups.minSize" : "groups.list", [], all, {
      bound: "min",
      people: n,
      groups: m,
      total: sumMin,
      difference: sumMin - n,
      suggestedGroups,
    });
  }
  if (sumMax < n) {
    let suggestedGroups = 0;
    if (uniform) {
      const k = Math.ceil(n / uniform.maxSize);
      if (k * uniform.minSize <= n) suggestedGroups = k;
    }
    found.add("size_vs_headcount", uniform ? "groups.maxSize" : "groups.list", [], all, {
      bound: "max",
      people: n,
      groups: m,
      total: sumMax,
      difference: n - sumMax,
      suggestedGroups,
    });
  }
}

interface ApartSets {
  /** Members (person indices, known and distinct) of each keep-apart set. */
  members: number[][];
  /** Sets with two members in one keep-together unit (already diagnosed). */
  conflicted: Set<number>;
}

function checkApart(ctx: Context, found: Found): ApartSets {
  const members: number[][] = [];
  const conflicted = new Set<number>();
  ctx.problem.rules.apart.forEach((set, i) => {
    const seen = new Set<number>();
    for (const pid of set) {
      const p = ctx.personIndex.get(pid);
      if (p !== undefined) seen.add(p);
    }
    const list = [...seen];
    members.push(list);
    const rule = formatPath(["rules", "apart", i]);
    if (list.length > ctx.m) {
      found.add("apart_vs_groups", rule, ctx.ids(list), [], {
        apartSet: i,
        size: list.length,
        groups: ctx.m,
      });
    }
    const byUnit = new Map<number, number[]>();
    for (const p of list) {
      const u = ctx.unitOf[p];
      const inUnit = byUnit.get(u);
      if (inUnit) inUnit.push(p);
      else byUnit.set(u, [p]);
    }
    for (const inUnit of byUnit.values()) {
      if (inUnit.length < 2) continue;
      conflicted.add(i);
      found.add("together_apart_conflict", rule, ctx.ids(inUnit), [], { apartSet: i });
    }
  });
  return { members, conflicted };
}

interface Placement {
  /** Groups (ascending indices) each restricted unit may go in; only units without conflicts. */
  allowed: Map<number, number[]>;
  /** Units larger than any group they may go in (diagnosed; left out of later checks). */
  tooLarge: Uint8Array;
  /** Units whose members have an allowed-groups list (for naming the rule). */
  hasAllowedList: Uint8Array;
  /** The one group each person must be in, or -1. */
  forcedGroup: Int32Array;
}

/** Pins and allowed groups person by person, then unit by unit, then unit sizes. */
function checkPlacement(ctx: Context, found: Found): Placement {
  const { n, m, unitOf, members } = ctx;
  const rules = ctx.problem.rules;
  const unitCount = members.length;
  const pinOf = new Int32Array(n).fill(-1);
  const pinEntry = new Int32Array(n).fill(-1);
  entries(rules.pins).forEach(([pid, gid], entry) => {
    const p = ctx.personIndex.get(pid);
    const g = ctx.groupIndex.get(gid);
    if (p !== undefined && g !== undefined) {
      pinOf[p] = g;
      pinEntry[p] = entry;
    }
  });
  const allowedOf = new Map<number, number[]>();
  for (const [pid, gids] of entries(rules.allowedGroups)) {
    const p = ctx.personIndex.get(pid);
    if (p === undefined) continue;
    const list = new Set<number>();
    for (const gid of gids) {
      const g = ctx.groupIndex.get(gid);
      if (g !== undefined) list.add(g);
    }
    if (list.size > 0) allowedOf.set(p, [...list]);
  }

  const bad = new Uint8Array(unitCount);
  const hasAllowedList = new Uint8Array(unitCount);
  const restricted: number[] = [];
  const isRestricted = new Uint8Array(unitCount);
  for (let p = 0; p < n; p++) {
    const pin = pinOf[p];
    const list = allowedOf.get(p);
    if (pin < 0 && list === undefined) continue;
    const u = unitOf[p];
    if (!isRestricted[u]) {
      isRestricted[u] = 1;
      restricted.push(u);
    }
    if (list !== undefined) hasAllowedList[u] = 1;
    if (pin >= 0 && list !== undefined && !list.includes(pin)) {
      bad[u] = 1;
      found.add(
        "pin_vs_allowed",
        formatPath(["rules", "pins", { entry: pinEntry[p] }]),
        [ctx.personIds[p]],
        ctx.groupNames([pin, ...list]),
        {
          person: ctx.personIds[p],
          group: ctx.groupIds[pin],
        },
      );
    }
  }

  const allowed = new Map<number, number[]>();
  for (const u of restricted) {
    if (bad[u]) continue;
    const unit = members[u];
    const pins: number[] = [];
    for (const p of unit) if (pinOf[p] >= 0 && !pins.includes(pinOf[p])) pins.push(pinOf[p]);
    if (pins.length > 1) {
      found.add("together_pin_conflict", ctx.togetherRule(u), ctx.ids(unit), ctx.groupNames(pins), {
        size: unit.length,
      });
      continue;
    }
    // Intersect the members' lists (and the pin): keep groups every list names.
    const hits = new Map<number, number>();
    let lists = 0;
    const tally = (g: number) => hits.set(g, (hits.get(g) ?? 0) + 1);
    if (pins.length === 1) {
      lists++;
      tally(pins[0]);
    }
    for (const p of unit) {
      const list = allowedOf.get(p);
      if (list === undefined) continue;
      lists++;
      for (const g of list) tally(g);
    }
    const common: number[] = [];
    for (const [g, c] of hits) if (c === lists) common.push(g);
    if (common.length === 0) {
      found.add("together_allowed_conflict", ctx.togetherRule(u), ctx.ids(unit), [], { size: unit.length });
      continue;
    }
    allowed.set(
      u,
      common.sort((a, b) => a - b),
    );
  }

  let largest = 0;
  for (let g = 0; g < m; g++) largest = Math.max(largest, ctx.maxSize[g]);
  const tooLarge = new Uint8Array(unitCount);
  for (let u = 0; u < unitCount; u++) {
    const size = members[u].length;
    if (size < 2 || bad[u]) continue;
    const where = allowed.get(u);
    if (size > largest) {
      tooLarge[u] = 1;
      found.add("together_too_large", ctx.togetherRule(u), ctx.ids(members[u]), [], {
        size,
        maxSize: largest,
        restricted: 0,
      });
    } else if (where !== undefined) {
      let local = 0;
      for (const g of where) local = Math.max(local, ctx.maxSize[g]);
      if (size > local) {
        tooLarge[u] = 1;
        found.add("together_too_large", ctx.togetherRule(u), ctx.ids(members[u]), ctx.groupNames(where), {
          size,
          maxSize: local,
          restricted: 1,
        });
      }
    }
  }

  const forcedGroup = new Int32Array(n).fill(-1);
  for (const [u, where] of allowed) {
    if (where.length !== 1 || tooLarge[u]) continue;
    for (const p of members[u]) forcedGroup[p] = where[0];
  }
  return { allowed, tooLarge, hasAllowedList, forcedGroup };
}

/**
 * Units limited by pins or allowed groups must fit in those groups' maximum sizes. A flow
 * that may split units is a relaxation, so a shortfall is a true infeasibility; the
 * source side of the minimum cut names groups whose capacity is over-subscribed.
 * Unrestricted people need no flow: they fit wherever room is left, which the head-count
 * check covers.
 */
function checkCapacity(ctx: Context, placement: Placement, found: Found): void {
  const { m } = ctx;
  // Units with the same allowed groups share one source node.
  const sigIndex = new Map<string, number>();
  const sigGroups: number[][] = [];
  const sigSize: number[] = [];
  const sigUnits: number[][] = [];
  for (const [u, where] of placement.allowed) {
    if (placement.tooLarge[u]) continue;
    const key = where.join(",");
    let s = sigIndex.get(key);
    if (s === undefined) {
      s = sigGroups.length;
      sigIndex.set(key, s);
      sigGroups.push(where);
      sigSize.push(0);
      sigUnits.push([]);
    }
    sigSize[s] += ctx.members[u].length;
    sigUnits[s].push(u);
  }
  const sigs = sigGroups.length;
  if (sigs === 0) return;
  const source = 0;
  const groupNode = (g: number) => 1 + sigs + g;
  const sink = 1 + sigs + m;
  const net = new FlowNetwork(sink + 1);
  const used = new Uint8Array(m);
  let total = 0;
  for (let s = 0; s < sigs; s++) {
    total += sigSize[s];
    net.addEdge(source, 1 + s, sigSize[s]);
    for (const g of sigGroups[s]) {
      net.addEdge(1 + s, groupNode(g), Number.POSITIVE_INFINITY);
      used[g] = 1;
    }
  }
  for (let g = 0; g < m; g++) if (used[g]) net.addEdge(groupNode(g), sink, ctx.maxSize[g]);
  if (net.maxFlow(source, sink) >= total) return;

  // Reachable restricted units can only go to reachable groups, and together they exceed
  // those groups' capacity. Split them into independent parts, each its own diagnosis.
  const reach = net.reachable(source);
  const parent = Int32Array.from({ length: m }, (_, g) => g);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let s = 0; s < sigs; s++) {
    if (!reach[1 + s]) continue;
    const [first, ...rest] = sigGroups[s];
    for (const g of rest) {
      const a = find(first);
      const b = find(g);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const parts = new Map<number, { groups: number[]; sigs: number[]; people: number; capacity: number }>();
  const part = (root: number) => {
    let p = parts.get(root);
    if (!p) {
      p = { groups: [], sigs: [], people: 0, capacity: 0 };
      parts.set(root, p);
    }
    return p;
  };
  for (let g = 0; g < m; g++) {
    if (!used[g] || !reach[groupNode(g)]) continue;
    const p = part(find(g));
    p.groups.push(g);
    p.capacity += ctx.maxSize[g];
  }
  for (let s = 0; s < sigs; s++) {
    if (!reach[1 + s]) continue;
    const p = part(find(sigGroups[s][0]));
    p.sigs.push(s);
    p.people += sigSize[s];
  }
  for (const p of [...parts.values()].sort((a, b) => a.groups[0] - b.groups[0])) {
    if (p.people <= p.capacity) continue;
    const people: number[] = [];
    let viaAllowed = false;
    for (const s of p.sigs) {
      for (const u of sigUnits[s]) {
        people.push(...ctx.members[u]);
        if (placement.hasAllowedList[u]) viaAllowed = true;
      }
    }
    people.sort((a, b) => a - b);
    found.add(
      "pins_vs_capacity",
      viaAllowed ? "rules.allowedGroups" : "rules.pins",
      ctx.ids(people),
      ctx.groupNames(p.groups),
      { people: p.people, capacity: p.capacity, excess: p.people - p.capacity },
    );
  }
}

/** Two people of a keep-apart set who can only be placed in the same group. */
function checkPinsApart(ctx: Context, apart: ApartSets, placement: Placement, found: Found): void {
  apart.members.forEach((list, i) => {
    if (apart.conflicted.has(i)) return;
    const byGroup = new Map<number, number[]>();
    for (const p of list) {
      const g = placement.forcedGroup[p];
      if (g < 0) continue;
      const inGroup = byGroup.get(g);
      if (inGroup) inGroup.push(p);
      else byGroup.set(g, [p]);
    }
    for (const [g, inGroup] of byGroup) {
      if (inGroup.length < 2) continue;
      found.add("pin_vs_apart", formatPath(["rules", "apart", i]), ctx.ids(inGroup), [ctx.groupIds[g]], {
        apartSet: i,
        group: ctx.groupIds[g],
        count: inGroup.length,
      });
    }
  });
}

function checkCategorical(
  ctx: Context,
  name: string,
  spec: CategoricalAttribute,
  placement: Placement,
  found: Found,
): void {
  const { n, m, problem } = ctx;
  const categoryOf = new Array<string | undefined>(n);
  const byCategory = new Map<string, number[]>();
  let valueless = 0;
  for (let p = 0; p < n; p++) {
    const raw = own(problem.people[p].attributes, name);
    if (raw === undefined || raw === null || raw === "") {
      valueless++;
      continue;
    }
    const value = String(raw);
    categoryOf[p] = value;
    const list = byCategory.get(value);
    if (list) list.push(p);
    else byCategory.set(value, [p]);
  }
  const capOf = (c: string) => own(spec.maxPerGroupByCategory, c) ?? spec.maxPerGroup;
  const capRule = (c: string) =>
    formatPath(
      own(spec.maxPerGroupByCategory, c) !== undefined
        ? ["attributes", name, "maxPerGroupByCategory", c]
        : ["attributes", name, "maxPerGroup"],
    );
  const minRule = (c: string) => formatPath(["attributes", name, "minPerGroup", c]);
  const hasCaps = spec.maxPerGroup !== undefined || entries(spec.maxPerGroupByCategory).length > 0;
  const mins = entries(spec.minPerGroup);

  // Caps against how many people a category has: one reason per rule (a cap), listing the
  // categories it cannot fit, since one fix ("make 10 groups") resolves them all.
  const overByRule = new Map<string, { cap: number; lists: [string, number[]][] }>();
  for (const [category, list] of byCategory) {
    const cap = capOf(category);
    if (cap === undefined || list.length <= m * cap) continue;
    const rule = capRule(category);
    const entry = overByRule.get(rule) ?? { cap, lists: [] };
    entry.lists.push([category, list]);
    overByRule.set(rule, entry);
  }
  for (const [rule, { cap, lists }] of overByRule) {
    lists.sort((a, b) => b[1].length - a[1].length);
    const [category, largest] = lists[0];
    found.add("cap_vs_count", rule, ctx.ids(lists.flatMap(([, list]) => list)), [], {
      attribute: name,
      category,
      count: largest.length,
      categories: lists.length,
      groups: m,
      cap,
      capNeeded: Math.ceil(largest.length / m),
      groupsNeeded: Math.ceil(largest.length / cap),
    });
  }

  // No one alone: a category with fewer people than its minimum (but some) leaves someone alone.
  if (spec.notAlone?.level === "hard") {
    for (const [category, k] of entries(spec.notAlone.categories)) {
      const list = byCategory.get(category) ?? [];
      if (list.length > 0 && list.length < k) {
        found.add(
          "not_alone_vs_count",
          formatPath(["attributes", name, "notAlone", "categories", category]),
          ctx.ids(list),
          [],
          {
            attribute: name,
            category,
            count: list.length,
            min: k,
          },
        );
      }
    }
  }

  // Minimums against caps and against supply.
  let needed = 0;
  for (const [category, min] of mins) {
    needed += min;
    const cap = capOf(category);
    if (cap !== undefined && min > cap) {
      found.add("min_vs_cap", minRule(category), [], [], { attribute: name, category, min, cap });
    }
    const list = byCategory.get(category) ?? [];
    if (list.length < m * min) {
      found.add("min_vs_supply", minRule(category), ctx.ids(list), [], {
        attribute: name,
        category,
        count: list.length,
        groups: m,
        min,
        minPossible: Math.floor(list.length / m),
        groupsPossible: Math.floor(list.length / min),
      });
    }
  }

  // The minimums add up to a head count every group needs (one value per person).
  const minTooLarge = new Uint8Array(m);
  if (needed > 0) {
    const small: number[] = [];
    let largest = 0;
    for (let g = 0; g < m; g++) {
      if (ctx.maxSize[g] >= needed) continue;
      minTooLarge[g] = 1;
      small.push(g);
      largest = Math.max(largest, ctx.maxSize[g]);
    }
    if (small.length > 0) {
      found.add("min_vs_size", formatPath(["attributes", name, "minPerGroup"]), [], ctx.groupNames(small), {
        attribute: name,
        needed,
        maxSize: largest,
      });
    }
  }

  // Caps bound how many people one group can hold at all.
  if (hasCaps) {
    let capacity = valueless;
    for (const [category, list] of byCategory)
      capacity += Math.min(capOf(category) ?? list.length, list.length);
    const short: number[] = [];
    let smallestMin = Number.POSITIVE_INFINITY;
    for (let g = 0; g < m; g++) {
      if (ctx.minSize[g] <= capacity) continue;
      short.push(g);
      smallestMin = Math.min(smallestMin, ctx.minSize[g]);
    }
    if (short.length > 0) {
      const rule = formatPath(
        spec.maxPerGroup !== undefined
          ? ["attributes", name, "maxPerGroup"]
          : ["attributes", name, "maxPerGroupByCategory"],
      );
      found.add("cap_vs_size", rule, [], ctx.groupNames(short), {
        attribute: name,
        minSize: smallestMin,
        capacity,
      });
    }
  }

  // Keep-together units with more of a category than its cap.
  if (hasCaps) {
    for (let u = 0; u < ctx.members.length; u++) {
      const unit = ctx.members[u];
      if (unit.length < 2) continue;
      const tally = new Map<string, number>();
      for (const p of unit) {
        const v = categoryOf[p];
        if (v !== undefined) tally.set(v, (tally.get(v) ?? 0) + 1);
      }
      for (const [category, count] of tally) {
        const cap = capOf(category);
        if (cap === undefined || count <= cap) continue;
        found.add("together_vs_cap", capRule(category), ctx.ids(unit), [], {
          attribute: name,
          category,
          count,
          cap,
          size: unit.length,
        });
      }
    }
  }

  // People who can only be in one group, against caps and minimums there.
  const forcedIn = new Map<number, number[]>();
  for (let p = 0; p < n; p++) {
    const g = placement.forcedGroup[p];
    if (g < 0) continue;
    const list = forcedIn.get(g);
    if (list) list.push(p);
    else forcedIn.set(g, [p]);
  }
  const groupOrder = [...forcedIn.keys()].sort((a, b) => a - b);
  if (hasCaps) {
    for (const g of groupOrder) {
      const byValue = new Map<string, number[]>();
      for (const p of forcedIn.get(g)!) {
        const v = categoryOf[p];
        if (v === undefined) continue;
        const list = byValue.get(v);
        if (list) list.push(p);
        else byValue.set(v, [p]);
      }
      for (const [category, list] of byValue) {
        const cap = capOf(category);
        if (cap === undefined || list.length <= cap) continue;
        found.add("pin_vs_cap", capRule(category), ctx.ids(list), [ctx.groupIds[g]], {
          attribute: name,
          category,
          count: list.length,
          group: ctx.groupIds[g],
          cap,
        });
      }
    }
  }
  if (needed > 0) {
    const minOf = new Map<string, number>(mins);
    for (const g of groupOrder) {
      const list = forcedIn.get(g)!;
      const maxSize = ctx.maxSize[g];
      // Over the maximum by pins alone, or by the minimums alone: reported above.
      if (minTooLarge[g] || list.length > maxSize) continue;
      const have = new Map<string, number>();
      for (const p of list) {
        const v = categoryOf[p];
        if (v !== undefined && minOf.has(v)) have.set(v, (have.get(v) ?? 0) + 1);
      }
      let more = 0;
      for (const [category, min] of mins) more += Math.max(0, min - (have.get(category) ?? 0));
      if (list.length + more <= maxSize) continue;
      found.add(
        "pin_vs_min",
        formatPath(["attributes", name, "minPerGroup"]),
        ctx.ids(list),
        [ctx.groupIds[g]],
        {
          attribute: name,
          group: ctx.groupIds[g],
          maxSize,
          forced: list.length,
          needed: more,
          excess: list.length + more - maxSize,
        },
      );
    }
  }
}
