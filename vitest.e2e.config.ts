import { defineConfig } from "vitest/config";

// The end-to-end tests (`npm run test:e2e`): the page in Debian's Chromium against the real
// service. One file at a time, one browser: a shared 2-core machine runs them in a few minutes.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    pool: "forks",
    fileParallelism: false,
  },
});
