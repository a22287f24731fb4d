/**
 * A diagnosis: one reason the hard rules cannot all hold, as data. `code` and `facts` are
 * stable and machine-readable (a Norwegian report words them itself); `message` and
 * `fixes` are the English wording made from them.
 */
export type DiagnosisCode =
  | "no_groups"
  | "size_vs_headcount"
  | "cap_vs_count"
  | "min_vs_supply"
  | "min_vs_size"
  | "together_too_large"
  | "together_apart_conflict"
  | "together_pin_conflict"
  | "pin_vs_allowed"
  | "pins_vs_capacity"
  | "pin_vs_cap"
  | "pin_vs_apart"
  | "apart_vs_groups";

export interface Diagnosis {
  code: DiagnosisCode;
  /** JSON path of the rule in the problem, e.g. `attributes.Virksomhet.maxPerGroup`. */
  rule: string;
  /** Ids of the people involved (may be long; reports shorten). */
  people: string[];
  /** Ids of the groups involved. */
  groups: string[];
  /** The numbers and names the wording uses, e.g. `{ category: "Bydel Alna", count: 9, groups: 8, cap: 1 }`. */
  facts: Record<string, string | number>;
  /** One sentence a coordinator understands. */
  message: string;
  /** What would make it feasible, each a short imperative sentence. */
  fixes: string[];
}
