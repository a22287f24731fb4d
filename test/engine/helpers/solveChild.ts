/**
 * A separate process for the determinism test: reads a problem as JSON on standard input,
 * solves it, and writes the grouping and the search's figures as JSON on standard output.
 */
import { solve } from "../../../engine/index.js";

let text = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  text += chunk;
});
process.stdin.on("end", async () => {
  const result = await solve(JSON.parse(text));
  process.stdout.write(
    JSON.stringify({
      assignment: result.assignment,
      iterations: result.stats.iterations,
      acceptedMoves: result.stats.acceptedMoves,
      softScore: result.softScore,
    }),
  );
});
