import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // A DATABASE_URL in the developer's shell must not point tests (or the servers and CLIs they start) at a real
    // PostgreSQL store; the PostgreSQL suites use PG_TEST_URL.
    env: { DATABASE_URL: "" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests start Chromium; two at once on a 2-core machine only slow each other down.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
