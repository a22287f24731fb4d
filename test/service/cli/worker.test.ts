/**
 * `tverr worker`: help, and a clear refusal without a database.
 */
import { describe, expect, it } from "vitest";
import { tverr } from "./helpers.js";

describe("tverr worker", () => {
  it("explains itself", async () => {
    const run = await tverr(["worker", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("DATABASE_URL");
  });

  it("refuses to start without DATABASE_URL (exit 2)", async () => {
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      const run = await tverr(["worker"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/needs DATABASE_URL/);
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
  });

  it("is listed in the main help", async () => {
    expect((await tverr(["--help"])).stdout).toContain("tverr worker");
  });
});
