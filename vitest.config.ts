import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The PostgreSQL tests run with `npm run test:pg` (vitest.postgres.config.ts), which
    // needs a server: .ci/run and scripts/with-postgres.sh start a throwaway one.
    // The page's end-to-end tests run with `npm run test:e2e` (vitest.e2e.config.ts), which
    // needs Chromium: .ci/run and scripts/with-chromium.sh install Debian's package.
    exclude: ["test/postgres/**", "test/e2e/**", "**/node_modules/**"],
    // Property tests run real searches; the default 5 s is tight on a shared 2-core machine.
    testTimeout: 60_000,
    pool: "forks",
  },
});
