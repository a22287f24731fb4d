/**
 * Who is in which group, per round, as the cross-round terms need it: each group's member
 * list (local person indices), each person's group and position in that list, so a unit
 * moves in O(unit size) (swap-remove). Rounds join once, with their grouping by units.
 */
import { canonicalSizes } from "../problem/groups.js";
import type { Rng } from "../search/rng.js";
import type { RoundsModel } from "./compile.js";

export class RoundMembership {
  /** members[r][g]: round r's group g, local person indices. */
  readonly members: number[][][];
  readonly groupOf: Int32Array[];
  private readonly pos: Int32Array[];
  private readonly joined: boolean[];

  constructor(private readonly rm: RoundsModel) {
    this.joined = rm.rounds.map(() => false);
    this.members = rm.rounds.map(() => []);
    this.groupOf = rm.rounds.map((round) => new Int32Array(round.model.n));
    this.pos = rm.rounds.map((round) => new Int32Array(round.model.n));
  }

  /** Join round r with its grouping by units (as IncrementalScore holds it); its member lists. */
  join(r: number, unitGroup: Int32Array): number[][] {
    if (this.joined[r]) throw new Error(`round ${r} has already joined`);
    const model = this.rm.rounds[r].model;
    const lists: number[][] = Array.from({ length: model.m }, () => []);
    for (let p = 0; p < model.n; p++) {
      const g = unitGroup[model.unitOf[p]];
      this.groupOf[r][p] = g;
      this.pos[r][p] = lists[g].length;
      lists[g].push(p);
    }
    this.members[r] = lists;
    this.joined[r] = true;
    return lists;
  }

  isJoined(r: number): boolean {
    return this.joined[r];
  }

  /** The group of unit u in round r. */
  groupOfUnit(r: number, u: number): number {
    const model = this.rm.rounds[r].model;
    return this.groupOf[r][model.unitMembers[model.unitStart[u]]];
  }

  /** Take unit u's people out of their group's list (their group stays recorded until `put`). */
  take(r: number, u: number): void {
    const model = this.rm.rounds[r].model;
    const pos = this.pos[r];
    const from = this.members[r][this.groupOfUnit(r, u)];
    for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
      const p = model.unitMembers[i];
      const last = from.pop() as number;
      if (last !== p) {
        from[pos[p]] = last;
        pos[last] = pos[p];
      }
    }
  }

  /** Put unit u's people (taken out before) into group h. */
  put(r: number, u: number, h: number): void {
    const model = this.rm.rounds[r].model;
    const to = this.members[r][h];
    for (let i = model.unitStart[u]; i < model.unitStart[u + 1]; i++) {
      const p = model.unitMembers[i];
      this.groupOf[r][p] = h;
      this.pos[r][p] = to.length;
      to.push(p);
    }
  }
}

/** One uniformly random grouping per round with the round's canonical sizes (person → group). */
export function randomGroupings(rm: RoundsModel, rng: Rng): Int32Array[] {
  return rm.rounds.map((round) => {
    const sizes = canonicalSizes(round.model);
    const order = rng.shuffle(Array.from({ length: round.model.n }, (_, p) => p));
    const g = new Int32Array(round.model.n);
    let i = 0;
    sizes.forEach((size, group) => {
      for (let k = 0; k < size && i < order.length; k++) g[order[i++]] = group;
    });
    return g;
  });
}
