import { defineConfig } from "vitest/config";

// `npm run test:pg`: the tests of jobs in PostgreSQL, against TVERR_TEST_DATABASE_URL (each
// file in a database of its own). One file at a time: they start worker processes and kill
// them, and the machine has two cores.
export default defineConfig({
  test: {
    include: ["test/postgres/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
    fileParallelism: false,
  },
});
