// Name search is shared with the client: common/search.ts.
export * from "../../common/search.js";
