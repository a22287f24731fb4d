/**
 * Group sizes (hard): every group holds between its minimum and maximum size.
 *
 *   violations  Σ_g max(0, s_g − max_g) + max(0, min_g − s_g)      (people over or under)
 *   deltas      the two groups' size changes; fused kernel `sizes`
 */
import type { Model } from "../compile/model.js";
import type { Violation } from "../report/violations.js";
import type { HardInstance, TermDefinition } from "./contract.js";
import { groupSizes } from "./shared.js";

export const sizes = {
  name: "sizes",
  compile(model: Model): HardInstance[] {
    const over = (s: number, g: number) =>
      Math.max(0, s - model.maxSize[g]) + Math.max(0, model.minSize[g] - s);
    return [
      {
        level: "hard",
        rule: "size",
        label: "sizes",
        incremental: { kernel: "sizes" },
        full: (groupOf) => {
          const size = groupSizes(groupOf, model.m);
          let total = 0;
          for (let g = 0; g < model.m; g++) total += over(size[g], g);
          return total;
        },
        violations: (groupOf) => {
          const size = groupSizes(groupOf, model.m);
          const out: Violation[] = [];
          for (let g = 0; g < model.m; g++) {
            if (over(size[g], g) === 0) continue;
            out.push({
              rule: "size",
              group: model.groupIds[g],
              size: size[g],
              minSize: model.minSize[g],
              maxSize: model.maxSize[g],
            });
          }
          return out;
        },
      },
    ];
  },
} satisfies TermDefinition;
