/** Small benchmark helpers: medians, Markdown tables, the run pool, the CPU clock. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { threadCpuClock } from "../../benchmarks/lib/cpuClock.js";
import { count, rate, times } from "../../benchmarks/lib/format.js";
import { markdownTable } from "../../benchmarks/lib/markdown.js";
import { runPool } from "../../benchmarks/lib/runPool.js";
import { median } from "../../benchmarks/lib/stats.js";
import { deviation } from "../../benchmarks/mdgp/mdgpTables.js";

describe("median", () => {
  it("is the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("lies between the minimum and the maximum and ignores order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1 }), (xs) => {
        const m = median(xs);
        expect(m).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(m).toBeLessThanOrEqual(Math.max(...xs));
        expect(median([...xs].reverse())).toBe(m);
      }),
    );
  });
});

describe("markdownTable", () => {
  it("pads every column to one width and aligns numbers right", () => {
    const table = markdownTable(
      ["shape", "n"],
      [
        ["issue12", "10,000"],
        ["uniform-few", "1,000"],
      ],
    );
    const lines = table.split("\n");
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[1]).toBe("| ----------- | -----: |");
    expect(lines[3]).toBe("| uniform-few |  1,000 |");
  });
});

describe("formats", () => {
  it("writes counts, rates and growth factors", () => {
    expect(count(1295)).toBe("1,295");
    expect(count(408.5)).toBe("408.5");
    expect(rate(9_210_000)).toBe("9.21 M");
    expect(times(13.33)).toBe("×13.3");
    expect(times(1.4)).toBe("×1.40");
  });

  it("counts deviation from a reference, negative when beating it", () => {
    expect(deviation(200, 199)).toBeCloseTo(0.5, 12);
    expect(deviation(200, 201)).toBeCloseTo(-0.5, 12);
    expect(deviation(undefined, 1)).toBeNaN();
  });
});

describe("runPool", () => {
  it("keeps the tasks' order and never runs more than `jobs` at once", async () => {
    let running = 0;
    let most = 0;
    const tasks = Array.from({ length: 9 }, (_, i) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5 + ((i * 7) % 11)));
      running--;
      return i;
    });
    expect(await runPool(tasks, 3)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(most).toBe(3);
    most = 0;
    await runPool(tasks, 1);
    expect(most).toBe(1);
  });
});

describe("threadCpuClock", () => {
  it("counts the thread's CPU time: it advances while working, hardly while sleeping", async () => {
    const clock = threadCpuClock();
    try {
      const start = clock.now();
      await new Promise((resolve) => setTimeout(resolve, 150));
      const slept = clock.now() - start;
      expect(slept).toBeLessThan(50);
      const before = clock.now();
      let x = 0;
      while (clock.now() - before < 30) x += Math.sqrt(x + 1);
      expect(x).toBeGreaterThan(0);
      expect(clock.now() - before).toBeGreaterThanOrEqual(30);
    } finally {
      clock.close();
    }
  });
});
