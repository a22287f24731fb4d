/**
 * The compiled model: a problem turned into dense integers and typed arrays, built once.
 *
 * People are indices 0..n-1, groups 0..m-1, keep-together sets units 0..U-1. Every
 * (categorical attribute, category) pair is a "key" 0..K-1, so a group's category counts
 * are one row of an m×K matrix; numeric attributes are standardised columns. These two
 * tables feed the fused kernel of the incremental score; every other term compiles its own
 * arrays into its instance (see terms/contract.ts). Strings appear again only in reports.
 */
import type { Problem } from "../problem/schema.js";
import type { Instance } from "../terms/contract.js";

export interface CategoricalInfo {
  name: string;
  /** Weight of the attribute's soft term (its mix, or keeping it similar). */
  weight: number;
  goal: "mix" | "similar";
  categories: string[];
  /** First key of this attribute; its categories are keys keyStart..keyStart+categories.length-1. */
  keyStart: number;
  /** People with a value. */
  valued: number;
}

export interface NumericInfo {
  /** The column's name: the attribute's, or `<attribute> (spread)` for a derived column. */
  name: string;
  /** The attribute it comes from. */
  attribute: string;
  /** What the column holds: the standardised value, or its squared deviation (variance term). */
  derived: "value" | "squaredDeviation";
  /** Mean and population standard deviation used to standardise (sd 1 when all are equal). */
  mean: number;
  sd: number;
  /** People with a value (the others count as the mean). */
  valued: number;
}

export interface Model {
  /** The validated problem the model was compiled from (terms read their parts of it). */
  problem: Problem;
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
  /** Per person with an allowed-groups list of their own: row into `personAllowedMask`, or -1. */
  personAllowedRow: Int32Array;
  personAllowedMask: Uint8Array;
  /** True when every unit is a single person. */
  allSingletons: boolean;

  // Categorical attributes (the fused kernel's key table).
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

  // Numeric columns (standardised; a missing value counts as the mean, 0).
  numeric: NumericInfo[];
  /** personNum[p*numCount + c], standardised. */
  personNum: Float64Array;
  /** unitNum[u*numCount + c]: sum over the unit's members. */
  unitNum: Float64Array;

  /** Incumbent group per person when repairing a published grouping (-1 when none). */
  incumbent: Int32Array;
  hasIncumbent: boolean;

  /** Every term and rule of the problem (registry order), soft and hard. */
  instances: Instance[];
}

/** A cap that never binds. */
export const NO_CAP = 0x3fffffff;

/** Whether unit u may be placed in group h (its allowed groups, when it has any). */
export function mayEnterGroup(model: Model, u: number, h: number): boolean {
  const row = model.unitAllowedRow[u];
  return row < 0 || model.allowedMask[row * model.m + h] === 1;
}
