/**
 * Compile a validated problem into the dense model the search runs on (see model.ts).
 * Runs once per solve, O(n + pairs + keys).
 */
import type { Problem } from "../problem/schema.js";
import { togetherUnits } from "../problem/units.js";
import { resolveGroups } from "../problem/validate.js";
import type { CategoricalInfo, Model, NumericInfo } from "./model.js";

const NO_CAP = 0x3fffffff;

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
  for (const [pid, gid] of Object.entries(problem.rules.pins)) {
    const p = personIndex.get(pid);
    const g = groupIndex.get(gid);
    if (p !== undefined && g !== undefined) personPin[p] = g;
    // Conflicting pins inside a unit are reported by the diagnosis; the first pin wins here.
    if (p !== undefined && g !== undefined && unitPin[units.unitOf[p]] < 0) unitPin[units.unitOf[p]] = g;
  }
  const allowedRows: Uint8Array[] = [];
  const unitAllowedRow = new Int32Array(unitCount).fill(-1);
  for (const [pid, gids] of Object.entries(problem.rules.allowedGroups)) {
    const p = personIndex.get(pid);
    if (p === undefined) continue;
    const u = units.unitOf[p];
    const row = new Uint8Array(m);
    for (const gid of gids) {
      const g = groupIndex.get(gid);
      if (g !== undefined) row[g] = 1;
    }
    if (unitAllowedRow[u] < 0) {
      unitAllowedRow[u] = allowedRows.length;
      allowedRows.push(row);
    } else {
      // A unit may only go where every member may go.
      const existing = allowedRows[unitAllowedRow[u]];
      for (let g = 0; g < m; g++) existing[g] &= row[g];
    }
  }
  const allowedMask = new Uint8Array(allowedRows.length * m);
  allowedRows.forEach((row, r) => {
    allowedMask.set(row, r * m);
  });

  // Categorical attributes: one key per (attribute, category), categories in first-seen order.
  const categorical: CategoricalInfo[] = [];
  const numeric: NumericInfo[] = [];
  const catSpecs: { name: string; spec: Extract<Problem["attributes"][string], { kind: "categorical" }> }[] =
    [];
  const numNames: string[] = [];
  for (const [name, spec] of Object.entries(problem.attributes)) {
    if (spec.kind === "categorical") catSpecs.push({ name, spec });
    else numNames.push(name);
  }
  const catCount = catSpecs.length;
  const personKey = new Int32Array(n * catCount).fill(-1);
  const keyCapList: number[] = [];
  const keyMinList: number[] = [];
  const keyAttrList: number[] = [];
  let keyStart = 0;
  catSpecs.forEach(({ name, spec }, a) => {
    const catIndex = new Map<string, number>();
    const categories: string[] = [];
    let valued = 0;
    // Categories named by a rule exist even when nobody has them (a minimum must then fail).
    for (const value of [
      ...Object.keys(spec.minPerGroup ?? {}),
      ...Object.keys(spec.maxPerGroupByCategory ?? {}),
    ]) {
      if (!catIndex.has(value)) {
        catIndex.set(value, categories.length);
        categories.push(value);
      }
    }
    for (let p = 0; p < n; p++) {
      const raw = people[p].attributes[name];
      if (raw === undefined || raw === null || raw === "") continue;
      const value = String(raw);
      let c = catIndex.get(value);
      if (c === undefined) {
        c = categories.length;
        catIndex.set(value, c);
        categories.push(value);
      }
      personKey[p * catCount + a] = keyStart + c;
      valued++;
    }
    for (const category of categories) {
      keyAttrList.push(a);
      keyCapList.push(spec.maxPerGroupByCategory?.[category] ?? spec.maxPerGroup ?? NO_CAP);
      keyMinList.push(spec.minPerGroup?.[category] ?? 0);
    }
    categorical.push({ name, weight: spec.weight, categories, keyStart, valued });
    keyStart += categories.length;
  });
  const keyCount = keyStart;
  const keyCap = Int32Array.from(keyCapList);
  const keyMin = Int32Array.from(keyMinList);
  const hasKeyRules = keyCapList.some((c) => c !== NO_CAP) || keyMinList.some((c) => c > 0);

  // Unit key multisets (CSR). Singletons have one entry per valued attribute.
  const unitKeyStartArr = new Int32Array(unitCount + 1);
  const unitKeyList: number[] = [];
  const unitKeyCountList: number[] = [];
  for (let u = 0; u < unitCount; u++) {
    unitKeyStartArr[u] = unitKeyList.length;
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
  unitKeyStartArr[unitCount] = unitKeyList.length;

  // Numeric attributes, standardised with the population standard deviation.
  const numCount = numNames.length;
  const personNum = new Float64Array(n * numCount);
  numNames.forEach((name, a) => {
    let sum = 0;
    let cnt = 0;
    for (const person of people) {
      const v = person.attributes[name];
      if (typeof v === "number") {
        sum += v;
        cnt++;
      }
    }
    const mean = cnt > 0 ? sum / cnt : 0;
    let ss = 0;
    for (const person of people) {
      const v = person.attributes[name];
      if (typeof v === "number") ss += (v - mean) * (v - mean);
    }
    // Missing values are imputed at the mean; dividing by n keeps the standardised values'
    // population variance at (valued/n), which the expectation formula accounts for.
    const sd = cnt > 0 && ss > 0 ? Math.sqrt(ss / n) : 1;
    for (let p = 0; p < n; p++) {
      const v = people[p].attributes[name];
      personNum[p * numCount + a] = typeof v === "number" ? (v - mean) / sd : 0;
    }
    const spec = problem.attributes[name];
    numeric.push({ name, weight: spec.weight, mean, sd });
  });
  const unitNum = new Float64Array(unitCount * numCount);
  for (let u = 0; u < unitCount; u++) {
    for (let i = unitStart[u]; i < unitStart[u + 1]; i++) {
      const p = unitMembers[i];
      for (let a = 0; a < numCount; a++) unitNum[u * numCount + a] += personNum[p * numCount + a];
    }
  }

  // Soft pairwise weights: duplicates add up.
  const pairEdges: [number, number, number][] = [];
  for (const pair of problem.pairwise?.pairs ?? []) {
    const a = personIndex.get(pair.a);
    const b = personIndex.get(pair.b);
    if (a !== undefined && b !== undefined && a !== b && pair.weight !== 0)
      pairEdges.push([a, b, pair.weight]);
  }
  const pairs = symmetricCsr(n, pairEdges);

  // Dense distances, row-major. The zero-weight term is dropped so the hot path skips it.
  const distTermWeight = problem.distance?.weight ?? 0;
  const hasDistance = problem.distance !== undefined && distTermWeight > 0;
  const dist = new Float64Array(hasDistance ? n * n : 0);
  const unitDist2 = new Float64Array(hasDistance ? unitCount : 0);
  if (hasDistance) {
    const matrix = problem.distance?.matrix ?? [];
    for (let p = 0; p < n; p++) dist.set(matrix[p], p * n);
    for (let u = 0; u < unitCount; u++) {
      for (let i = unitStart[u]; i < unitStart[u + 1]; i++) {
        for (let j = unitStart[u]; j < unitStart[u + 1]; j++) {
          unitDist2[u] += dist[unitMembers[i] * n + unitMembers[j]];
        }
      }
    }
  }

  // Keep-apart sets become hard pairs.
  const apartEdges: [number, number, number][] = [];
  const seenApart = new Set<number>();
  for (const set of problem.rules.apart) {
    const idx = set.map((pid) => personIndex.get(pid)).filter((x): x is number => x !== undefined);
    for (let i = 0; i < idx.length; i++) {
      for (let j = i + 1; j < idx.length; j++) {
        const a = Math.min(idx[i], idx[j]);
        const b = Math.max(idx[i], idx[j]);
        const code = a * n + b;
        if (a === b || seenApart.has(code)) continue;
        seenApart.add(code);
        apartEdges.push([a, b, 1]);
      }
    }
  }
  const apart = symmetricCsr(n, apartEdges);

  const incumbent = new Int32Array(n).fill(-1);
  let hasIncumbent = false;
  for (const [pid, gid] of Object.entries(problem.incumbent?.assignment ?? {})) {
    const p = personIndex.get(pid);
    const g = groupIndex.get(gid);
    if (p !== undefined && g !== undefined) {
      incumbent[p] = g;
      hasIncumbent = true;
    }
  }

  return {
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
    unitAllowedRow,
    allowedMask,
    allSingletons: unitCount === n,
    categorical,
    keyCount,
    personKey,
    keyAttr: Int32Array.from(keyAttrList),
    keyCap,
    keyMin,
    hasKeyRules,
    unitKeyStart: unitKeyStartArr,
    unitKey: Int32Array.from(unitKeyList),
    unitKeyCount: Int32Array.from(unitKeyCountList),
    numeric,
    personNum,
    unitNum,
    pairStart: pairs.start,
    pairNbr: pairs.nbr,
    pairW: pairs.w,
    pairTermWeight: problem.pairwise?.weight ?? 0,
    hasPairs: pairEdges.length > 0 && (problem.pairwise?.weight ?? 0) > 0,
    dist,
    distTermWeight,
    hasDistance,
    unitDist2,
    apartStart: apart.start,
    apartNbr: apart.nbr,
    hasApart: apartEdges.length > 0,
    incumbent,
    stabilityWeight: problem.incumbent?.weight ?? 0,
    hasIncumbent,
  };
}

/** Undirected weighted edges -> symmetric CSR (each edge stored at both ends; duplicates summed). */
function symmetricCsr(n: number, edges: [number, number, number][]) {
  const merged = new Map<number, number>();
  for (const [a, b, w] of edges) {
    const code = Math.min(a, b) * n + Math.max(a, b);
    merged.set(code, (merged.get(code) ?? 0) + w);
  }
  const degree = new Int32Array(n + 1);
  for (const code of merged.keys()) {
    degree[Math.floor(code / n)]++;
    degree[code % n]++;
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + degree[i];
  const fill = start.slice(0, n);
  const nbr = new Int32Array(start[n]);
  const w = new Float64Array(start[n]);
  for (const [code, weight] of merged) {
    const a = Math.floor(code / n);
    const b = code % n;
    nbr[fill[a]] = b;
    w[fill[a]++] = weight;
    nbr[fill[b]] = a;
    w[fill[b]++] = weight;
  }
  return { start, nbr, w };
}
