/** Group sizes (between each group's minimum and maximum), through the shared term harness. */
import fc from "fast-check";
import { termHarness } from "./harness.js";

termHarness({
  name: "sizes",
  seed: 2300,
  recipe: () => fc.constant({}),
  select: (i) => i.level === "hard" && i.rule === "size",
});
