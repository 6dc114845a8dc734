// The vocabulary lives in common/types.ts, shared with the client; server modules keep importing it from here.
export * from "../common/types.js";
