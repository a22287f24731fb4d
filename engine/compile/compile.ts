/**
 * Compile a validated problem into the dense model the search runs on (see model.ts): the
 * people, groups and keep-together units, pins and allowed groups, the categorical key table
 * and the standardised numeric columns; then every registered term compiles its own part
 * (terms/registry.ts). Runs once per solve, O(n + pairs + keys).
 */
import { resolveGroups } from "../problem/groups.js";
import { entries, own } from "../problem/records.js";
import type { CategoricalAttribute, Problem } from "../problem/schema.js";
import { togetherUnits } from "../problem/units.js";
import { TERMS } from "../terms/registry.js";
import type { CategoricalInfo, Model } from "./model.js";
import { NO_CAP } from "./model.js";
import { appendNumericColumn } from "./numeric.js";

export function compile(problem: Problem): Model {
  const people = problem.people;
  const n = people.length;
  const personIndex = new Map(people.map((p, i) => [p.id, i]));
  const groups = resolveGroups(problem);
  const m = groups.length;
  const groupIndex = new Map(groups.map((g, i) => [g.id, i]));

  // Units: keep-together sets, with pins and allowed groups lifted from members to the unit.
  const units = togetherUnits(problem);
  const unitCount = units.members.length;
  const unitStart = new Int32Array(unitCount + 1);
  const unitMembers = new Int32Array(n);
  const unitSize = new Int32Array(unitCount);
  for (let u = 0, k = 0; u < unitCount; u++) {
    unitStart[u] = k;
    for (const p of units.members[u]) unitMembers[k++] = p;
    unitSize[u] = units.members[u].length;
  }
  unitStart[unitCount] = n;

  const unitPin = new Int32Array(unitCount).fill(-1);
  const personPin = new Int32Array(n).fill(-1);
  for (const [pid, gid] of entries(problem.rules.pins)) {
    const p = personIndex.get(pid);
    const g = groupIndex.get(gid);
    if (p === undefined || g === undefined) continue;
    personPin[p] = g;
    // Conflicting pins inside a unit are reported by the diagnosis; the first pin wins here.
    if (unitPin[units.unitOf[p]] < 0) unitPin[units.unitOf[p]] = g;
  }
  const allowed = allowedRows(problem, personIndex, groupIndex, units.unitOf, unitCount, m);

  // Categorical attributes: one key per (attribute, category); categories a rule names come
  // first, then the rest in first-seen order.
  const catSpecs: { name: string; spec: CategoricalAttribute }[] = [];
  const numNames: string[] = [];
  for (const [name, spec] of entries(problem.attributes)) {
    if (spec.kind === "categorical") catSpecs.push({ name, spec });
    else numNames.push(name);
  }
  const catCount = catSpecs.length;
  const personKey = new Int32Array(n * catCount).fill(-1);
  const categorical: CategoricalInfo[] = [];
  const keyAttrList: number[] = [];
  let keyStart = 0;
  catSpecs.forEach(({ name, spec }, a) => {
    const catIndex = new Map<string, number>();
    const categories: string[] = [];
    const add = (value: string) => {
      let c = catIndex.get(value);
      if (c === undefined) {
        c = categories.length;
        catIndex.set(value, c);
        categories.push(value);
      }
      return c;
    };
    for (const term of TERMS) {
      const named = (term as { categoriesNamed?: (s: Readonly<Record<string, unknown>>) => string[] })
        .categoriesNamed;
      if (named) for (const category of named(spec)) add(category);
    }
    let valued = 0;
    for (let p = 0; p < n; p++) {
      const raw = own(people[p].attributes, name);
      if (raw === undefined || raw === null || raw === "") continue;
      personKey[p * catCount + a] = keyStart + add(String(raw));
      valued++;
    }
    for (let c = 0; c < categories.length; c++) keyAttrList.push(a);
    categorical.push({ name, weight: spec.weight, goal: spec.goal, categories, keyStart, valued });
    keyStart += categories.length;
  });
  const keyCount = keyStart;

  // Unit key multisets (CSR). Singletons have one entry per valued attribute.
  const unitKeyStart = new Int32Array(unitCount + 1);
  const unitKeyList: number[] = [];
  const unitKeyCountList: number[] = [];
  for (let u = 0; u < unitCount; u++) {
    unitKeyStart[u] = unitKeyList.length;
    const tally = new Map<number, number>();
    for (let i = unitStart[u]; i < unitStart[u + 1]; i++) {
      const p = unitMembers[i];
      for (let a = 0; a < catCount; a++) {
        const key = personKey[p * catCount + a];
        if (key >= 0) tally.set(key, (tally.get(key) ?? 0) + 1);
      }
    }
    for (const [key, c] of [...tally].sort((x, y) => x[0] - y[0])) {
      unitKeyList.push(key);
      unitKeyCountList.push(c);
    }
  }
  unitKeyStart[unitCount] = unitKeyList.length;

  const incumbent = new Int32Array(n).fill(-1);
  let hasIncumbent = false;
  for (const [pid, gid] of entries(problem.incumbent?.assignment)) {
    const p = personIndex.get(pid);
    const g = groupIndex.get(gid);
    if (p !== undefined && g !== undefined) {
      incumbent[p] = g;
      hasIncumbent = true;
    }
  }

  const model: Model = {
    problem,
    n,
    m,
    personIds: people.map((p) => p.id),
    groupIds: groups.map((g) => g.id),
    groupNames: groups.map((g) => g.name),
    minSize: Int32Array.from(groups.map((g) => g.minSize)),
    maxSize: Int32Array.from(groups.map((g) => g.maxSize)),
    unitCount,
    unitOf: units.unitOf,
    unitStart,
    unitMembers,
    unitSize,
    unitPin,
    personPin,
    ...allowed,
    allSingletons: unitCount === n,
    categorical,
    keyCount,
    personKey,
    keyAttr: Int32Array.from(keyAttrList),
    keyCap: new Int32Array(keyCount).fill(NO_CAP),
    keyMin: new Int32Array(keyCount),
    hasKeyRules: false,
    unitKeyStart,
    unitKey: Int32Array.from(unitKeyList),
    unitKeyCount: Int32Array.from(unitKeyCountList),
    numeric: [],
    personNum: new Float64Array(0),
    unitNum: new Float64Array(0),
    incumbent,
    hasIncumbent,
    instances: [],
  };
  for (const name of numNames) {
    appendNumericColumn(
      model,
      name,
      "value",
      people.map((p) => {
        const v = own(p.attributes, name);
        return typeof v === "number" ? v : null;
      }),
    );
  }
  for (const term of TERMS) model.instances.push(...term.compile(model));
  return model;
}

/**
 * Allowed groups: per person their own list (for the report: who is where they may not be),
 * per unit the intersection of its members' lists (where the search may put it).
 */
function allowedRows(
  problem: Problem,
  personIndex: Map<string, number>,
  groupIndex: Map<string, number>,
  unitOf: Int32Array,
  unitCount: number,
  m: number,
) {
  const n = problem.people.length;
  const personRows: Uint8Array[] = [];
  const personAllowedRow = new Int32Array(n).fill(-1);
  const unitRows: Uint8Array[] = [];
  const unitAllowedRow = new Int32Array(unitCount).fill(-1);
  for (const [pid, gids] of entries(problem.rules.allowedGroups)) {
    const p = personIndex.get(pid);
    if (p === undefined) continue;
    const row = new Uint8Array(m);
    for (const gid of gids) {
      const g = groupIndex.get(gid);
      if (g !== undefined) row[g] = 1;
    }
    personAllowedRow[p] = personRows.length;
    personRows.push(row);
    const u = unitOf[p];
    if (unitAllowedRow[u] < 0) {
      unitAllowedRow[u] = unitRows.length;
      unitRows.push(Uint8Array.from(row));
    } else {
      // A unit may only go where every member may go.
      const existing = unitRows[unitAllowedRow[u]];
      for (let g = 0; g < m; g++) existing[g] &= row[g];
    }
  }
  const flat = (rows: Uint8Array[]) => {
    const mask = new Uint8Array(rows.length * m);
    rows.forEach((row, r) => {
      mask.set(row, r * m);
    });
    return mask;
  };
  return {
    unitAllowedRow,
    allowedMask: flat(unitRows),
    personAllowedRow,
    personAllowedMask: flat(personRows),
  };
}
