/**
 * Hard-rule violations of a grouping, one by one, as data: the rule, the groups and people
 * it concerns, and the numbers. Computed from the definitions (each hard rule's own
 * `violations`, plus the structural rules here), not from the search's tallies, so it also
 * checks groupings made by hand and is an independent check of the search. A locale words
 * each kind (`Locale["violation"]`).
 */
import type { Model } from "../compile/model.js";

export type Violation =
  | { rule: "size"; group: string; size: number; minSize: number; maxSize: number }
  | {
      rule: "cap";
      attribute: string;
      category: string;
      group: string;
      count: number;
      cap: number;
      people: string[];
    }
  | { rule: "min"; attribute: string; category: string; group: string; count: number; min: number }
  | {
      rule: "notAlone";
      attribute: string;
      category: string;
      group: string;
      count: number;
      min: number;
      people: string[];
    }
  | { rule: "apart"; group: string; people: [string, string] }
  | { rule: "together"; people: string[]; groups: string[] }
  /** A keep-together unit whose members' allowed-group lists have no group in common. */
  | { rule: "togetherAllowed"; people: string[]; restricted: string[] }
  | { rule: "pin"; person: string; group: string; pinnedTo: string }
  | { rule: "allowed"; person: string; group: string }
  /** Rounds with repeats forbidden: a pair that meets again. */
  | { rule: "repeat"; people: [string, string]; round: string; group: string; before: string };

export type ViolationRule = Violation["rule"];

export function listViolations(model: Model, groupOf: Int32Array): Violation[] {
  const out: Violation[] = [];
  for (const instance of model.instances)
    if (instance.level === "hard") out.push(...instance.violations(groupOf));
  out.push(...structuralViolations(model, groupOf));
  return out;
}

/** Keep-together, pins and allowed groups: rules the search keeps by restricting its moves. */
function structuralViolations(model: Model, groupOf: Int32Array): Violation[] {
  const { m, personIds, groupIds } = model;
  const out: Violation[] = [];
  for (let u = 0; u < model.unitCount; u++) {
    const start = model.unitStart[u];
    const end = model.unitStart[u + 1];
    const members = Array.from(model.unitMembers.subarray(start, end));
    const groups = [...new Set(members.map((p) => groupOf[p]))];
    if (groups.length > 1) {
      out.push({
        rule: "together",
        people: members.map((p) => personIds[p]),
        groups: groups.map((g) => groupIds[g]),
      });
    }
    const restricted = members.filter((p) => model.personAllowedRow[p] >= 0);
    if (members.length > 1 && restricted.length > 0 && model.unitAllowedRow[u] >= 0) {
      const row = model.unitAllowedRow[u];
      let common = 0;
      for (let g = 0; g < m; g++) common += model.allowedMask[row * m + g];
      // The unit's lists clash: say so once, as the unit's, instead of blaming each member.
      if (common === 0) {
        out.push({
          rule: "togetherAllowed",
          people: members.map((p) => personIds[p]),
          restricted: restricted.map((p) => personIds[p]),
        });
        continue;
      }
    }
    for (const p of members) {
      const g = groupOf[p];
      const pin = model.personPin[p];
      if (pin >= 0 && g !== pin) {
        out.push({ rule: "pin", person: personIds[p], group: groupIds[g], pinnedTo: groupIds[pin] });
      }
      const row = model.personAllowedRow[p];
      if (row >= 0 && model.personAllowedMask[row * m + g] === 0) {
        out.push({ rule: "allowed", person: personIds[p], group: groupIds[g] });
      }
    }
  }
  return out;
}
