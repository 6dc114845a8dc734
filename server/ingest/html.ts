// Readable text from an HTML article: paragraphs become lines (the extractor reads lines as paragraphs),
// scripts, styles and page furniture are dropped, and the headline, date and author are taken from the markup.
import { Parser } from "htmlparser2";

import { normalizeDate } from "../../common/dates.js";

export interface HtmlArticle {
  text: string;
  title?: string;
  date?: string;
  author?: string;
}

/** Never body text: the page title (read apart), code, styling, embedded media, forms. */
const DROPPED = new Set([
  "title",
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "iframe",
  "object",
  "canvas",
  "form",
  "select",
  "button",
  "head",
]);
/** Site furniture: navigation and side columns ("Most read", "Related stories"). */
const FURNITURE = new Set(["nav", "aside", "menu", "dialog"]);
/** Page banners and footers; inside an <article> they hold the headline and byline, so they are kept there. */
const PAGE_CHROME = new Set(["header", "footer"]);
const BLOCKS = new Set([
  "address",
  "article",
  "blockquote",
  "br",
  "dd",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "td",
  "th",
  "tr",
  "ul",
]);

const DATE_META = new Set(["article:published_time", "datepublished", "date", "dc.date", "pubdate"]);

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();

export function htmlToText(html: string): HtmlArticle {
  const lines: string[] = [];
  let line = "";
  let skipDepth = 0;
  let articleDepth = 0;
  let titleTag = "";
  let h1 = "";
  let inTitle = false;
  let inH1 = false;
  const meta: { date?: string; author?: string } = {};
  const opened: boolean[] = []; // per open element: did it start a skipped region?

  const endLine = () => {
    const text = collapse(line);
    if (text) lines.push(text);
    line = "";
  };
  const skips = (name: string) => DROPPED.has(name) || FURNITURE.has(name) || (PAGE_CHROME.has(name) && articleDepth === 0);

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === "title") inTitle = true;
        if (name === "meta") readMeta(attrs, meta);
        const skip = skips(name);
        opened.push(skip);
        if (skip) skipDepth++;
        if (name === "article") articleDepth++;
        if (name === "h1" && !h1) inH1 = true;
        if (BLOCKS.has(name)) endLine();
      },
      ontext(data) {
        if (inTitle) titleTag += data;
        if (inH1) h1 += data;
        if (skipDepth === 0) line += data;
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
        if (name === "h1") inH1 = false;
        if (name === "article") articleDepth = Math.max(0, articleDepth - 1);
        if (opened.pop()) skipDepth--;
        if (BLOCKS.has(name)) endLine();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  endLine();

  const article: HtmlArticle = { text: lines.join("\n") };
  const title = collapse(h1) || collapse(titleTag);
  if (title) article.title = title;
  if (meta.date) article.date = meta.date;
  if (meta.author) article.author = meta.author;
  return article;
}

function readMeta(attrs: Record<string, string>, meta: { date?: string; author?: string }): void {
  const key = (attrs.name ?? attrs.property ?? attrs.itemprop ?? "").toLowerCase();
  const content = collapse(attrs.content ?? "");
  if (!content) return;
  if (key === "author" && !meta.author) meta.author = content;
  if (DATE_META.has(key) && !meta.date) {
    const date = normalizeDate(content);
    if (date) meta.date = date;
  }
}
