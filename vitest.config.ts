import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Property tests run real searches; the default 5 s is tight on a shared 2-core machine.
    testTimeout: 60_000,
    pool: "forks",
  },
});
