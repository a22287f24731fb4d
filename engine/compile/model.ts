/**
 * The compiled model: a problem turned into dense integers and typed arrays, built once.
 *
 * People are indices 0..n-1, groups 0..m-1, keep-together sets units 0..U-1. Every
 * (categorical attribute, category) pair is a "key" 0..K-1, so a group's category counts
 * are one row of an m×K matrix. The search and the score terms read only this and the
 * `State`; strings appear again only in the report.
 */
export interface CategoricalInfo {
  name: string;
  weight: number;
  categories: string[];
  /** First key of this attribute; its categories are keys keyStart..keyStart+categories.length-1. */
  keyStart: number;
  /** People with a value. */
  valued: number;
}

export interface NumericInfo {
  name: string;
  weight: number;
  mean: number;
  /** Population standard deviation used to standardise (1 when all values are equal). */
  sd: number;
}

export interface Model {
  n: number;
  m: number;
  personIds: string[];
  groupIds: string[];
  groupNames: (string | undefined)[];
  minSize: Int32Array;
  maxSize: Int32Array;

  // Units (keep-together sets; everyone else alone).
  unitCount: number;
  unitOf: Int32Array;
  /** CSR: members of unit u are unitMembers[unitStart[u] .. unitStart[u+1]). */
  unitStart: Int32Array;
  unitMembers: Int32Array;
  unitSize: Int32Array;
  /** Group each person is pinned to, or -1 (members of a unit may clash: a violation). */
  personPin: Int32Array;
  /** Group a unit is pinned to (its first member's pin), or -1. */
  unitPin: Int32Array;
  /** Row into `allowedMask` for units with allowed-group restrictions, or -1. */
  unitAllowedRow: Int32Array;
  /** allowedMask[row*m + g] = 1 when the restricted unit may be in group g. */
  allowedMask: Uint8Array;
  /** True when every unit is a single person (the fast paths apply). */
  allSingletons: boolean;

  // Categorical attributes.
  categorical: CategoricalInfo[];
  /** Total keys K. */
  keyCount: number;
  /** personKey[p*catCount + a] = key of person p's value of attribute a, or -1 when missing. */
  personKey: Int32Array;
  /** Attribute index of each key. */
  keyAttr: Int32Array;
  /** Hard cap per key (at most this many per group), or a large number. */
  keyCap: Int32Array;
  /** Hard minimum per key (at least this many per group), 0 when none. */
  keyMin: Int32Array;
  /** True when any key has a cap or a minimum (hard categorical rules present). */
  hasKeyRules: boolean;
  /** CSR: categorical keys of unit u with multiplicity: unitKey/unitKeyCount[unitKeyStart[u] ..). */
  unitKeyStart: Int32Array;
  unitKey: Int32Array;
  unitKeyCount: Int32Array;

  // Numeric attributes (standardised; missing values become the mean, 0).
  numeric: NumericInfo[];
  /** personNum[p*numCount + a], standardised. */
  personNum: Float64Array;
  /** unitNum[u*numCount + a]: sum over the unit's members. */
  unitNum: Float64Array;

  // Soft pairwise weights (sparse, symmetric CSR), raw weights.
  pairStart: Int32Array;
  pairNbr: Int32Array;
  pairW: Float64Array;
  pairTermWeight: number;
  hasPairs: boolean;

  // Dense distances (diversity term): dist[p*n + q], symmetric, zero diagonal; empty when none.
  dist: Float64Array;
  distTermWeight: number;
  /** A distance matrix is given with a positive weight (the term and its gain table exist). */
  hasDistance: boolean;
  /** Σ_{p,q in unit u} dist[p,q] over ordered pairs (twice the unit's internal distance). */
  unitDist2: Float64Array;

  // Hard keep-apart pairs (symmetric CSR).
  apartStart: Int32Array;
  apartNbr: Int32Array;
  hasApart: boolean;

  // Stability: incumbent group per person (-1 when none) and the term's weight.
  incumbent: Int32Array;
  stabilityWeight: number;
  hasIncumbent: boolean;
}
