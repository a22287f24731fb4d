/**
 * Hard-rule violations of a grouping, listed one by one with the people and groups they
 * concern. Computed from the definitions (not from the search's tallies), so it also checks
 * groupings made by hand and is an independent check of the search.
 */
import type { Model } from "../compile/model.js";

export type Violation =
  | { rule: "size"; group: string; size: number; minSize: number; maxSize: number; message: string }
  | {
      rule: "cap";
      attribute: string;
      category: string;
      group: string;
      count: number;
      cap: number;
      people: string[];
      message: string;
    }
  | {
      rule: "min";
      attribute: string;
      category: string;
      group: string;
      count: number;
      min: number;
      message: string;
    }
  | { rule: "apart"; group: string; people: [string, string]; message: string }
  | { rule: "together"; people: string[]; groups: string[]; message: string }
  | { rule: "pin"; person: string; group: string; pinnedTo: string; message: string }
  | { rule: "allowed"; person: string; group: string; message: string };

export function listViolations(model: Model, groupOf: Int32Array): Violation[] {
  const { n, m, personIds, groupIds, keyCount } = model;
  const out: Violation[] = [];
  const members: number[][] = Array.from({ length: m }, () => []);
  for (let p = 0; p < n; p++) members[groupOf[p]].push(p);

  for (let g = 0; g < m; g++) {
    const size = members[g].length;
    const minSize = model.minSize[g];
    const maxSize = model.maxSize[g];
    if (size < minSize || size > maxSize) {
      out.push({
        rule: "size",
        group: groupIds[g],
        size,
        minSize,
        maxSize,
        message: `group ${groupIds[g]} has ${size} people; allowed ${minSize}–${maxSize}`,
      });
    }
  }

  const catCount = model.categorical.length;
  const minKeys: number[] = [];
  for (let k = 0; k < keyCount; k++) if (model.keyMin[k] > 0) minKeys.push(k);
  for (let g = 0; g < m; g++) {
    const byKey = new Map<number, number[]>();
    for (const p of members[g]) {
      for (let a = 0; a < catCount; a++) {
        const key = model.personKey[p * catCount + a];
        if (key < 0) continue;
        const list = byKey.get(key);
        if (list) list.push(p);
        else byKey.set(key, [p]);
      }
    }
    // Only keys present in the group can exceed a cap; only keys with a minimum can miss one.
    const keys = new Set<number>(byKey.keys());
    for (const k of minKeys) keys.add(k);
    for (const key of keys) {
      const people = byKey.get(key) ?? [];
      const info = model.categorical[model.keyAttr[key]];
      const category = info.categories[key - info.keyStart];
      const cap = model.keyCap[key];
      if (people.length > cap) {
        out.push({
          rule: "cap",
          attribute: info.name,
          category,
          group: groupIds[g],
          count: people.length,
          cap,
          people: people.map((p) => personIds[p]),
          message: `group ${groupIds[g]} has ${people.length} with ${info.name} = ${category}; at most ${cap} allowed`,
        });
      }
      const min = model.keyMin[key];
      if (people.length < min) {
        out.push({
          rule: "min",
          attribute: info.name,
          category,
          group: groupIds[g],
          count: people.length,
          min,
          message: `group ${groupIds[g]} has ${people.length} with ${info.name} = ${category}; at least ${min} required`,
        });
      }
    }
  }

  for (let p = 0; p < n; p++) {
    for (let i = model.apartStart[p]; i < model.apartStart[p + 1]; i++) {
      const q = model.apartNbr[i];
      if (q > p && groupOf[p] === groupOf[q]) {
        out.push({
          rule: "apart",
          group: groupIds[groupOf[p]],
          people: [personIds[p], personIds[q]],
          message: `${personIds[p]} and ${personIds[q]} are to be kept apart but are both in group ${groupIds[groupOf[p]]}`,
        });
      }
    }
  }

  for (let u = 0; u < model.unitCount; u++) {
    const start = model.unitStart[u];
    const end = model.unitStart[u + 1];
    const groups = new Set<number>();
    for (let i = start; i < end; i++) groups.add(groupOf[model.unitMembers[i]]);
    const people = Array.from(model.unitMembers.subarray(start, end), (p) => personIds[p]);
    if (groups.size > 1) {
      out.push({
        rule: "together",
        people,
        groups: [...groups].map((g) => groupIds[g]),
        message: `${people.join(", ")} are to be kept together but are split over groups ${[...groups].map((g) => groupIds[g]).join(", ")}`,
      });
    }
    const row = model.unitAllowedRow[u];
    for (let i = start; i < end; i++) {
      const p = model.unitMembers[i];
      const g = groupOf[p];
      // Per person: pins clashing inside a keep-together unit cannot all hold.
      const pin = model.personPin[p];
      if (pin >= 0 && g !== pin) {
        out.push({
          rule: "pin",
          person: personIds[p],
          group: groupIds[g],
          pinnedTo: groupIds[pin],
          message: `${personIds[p]} is pinned to group ${groupIds[pin]} but is in group ${groupIds[g]}`,
        });
      }
      if (row >= 0 && model.allowedMask[row * m + g] === 0) {
        out.push({
          rule: "allowed",
          person: personIds[p],
          group: groupIds[g],
          message: `${personIds[p]} is not allowed in group ${groupIds[g]}`,
        });
      }
    }
  }
  return out;
}
