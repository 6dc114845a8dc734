import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests start Chromium; two at once on a 2-core machine only slow each other down.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
