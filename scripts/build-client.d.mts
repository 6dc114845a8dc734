import type { BuildOptions } from "esbuild";

export function clientBuildOptions(options?: { development?: boolean; sourcemap?: boolean | "external" }): BuildOptions;
