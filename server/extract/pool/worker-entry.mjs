// Entry of an extraction worker: registers tsx so the worker can load the TypeScript sources, whatever
// started the main process (tsx, vitest or plain node).
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
