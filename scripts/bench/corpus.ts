import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { readArticle } from "../../server/io/read-documents.js";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const NEWS_DIR = join(repoRoot, "..", "shared", "data", "news", "bbc");

export interface Article {
  path: string;
  text: string;
  words: number;
}

/** The BBC news corpus (research-use text read in place), in a stable order; exits with a clear message if absent. */
export function loadNews(limit = Infinity): Article[] {
  if (!existsSync(NEWS_DIR)) {
    console.error(`benchmark: the news corpus is not at ${NEWS_DIR} (../shared/data/news beside the repository)`);
    process.exit(2);
  }
  const articles: Article[] = [];
  for (const category of readdirSync(NEWS_DIR).sort()) {
    const dir = join(NEWS_DIR, category);
    if (!existsSync(dir) || category.includes(".")) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith(".txt")) continue;
      const { text } = readArticle(join(dir, file), NEWS_DIR);
      articles.push({ path: `${category}/${file}`, text, words: text.split(/\s+/).filter(Boolean).length });
    }
  }
  // Spread categories over any prefix taken with --limit: every k-th article.
  const step = Math.max(1, Math.floor(articles.length / Math.min(limit, articles.length)));
  return articles.filter((_, i) => i % step === 0).slice(0, limit);
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
