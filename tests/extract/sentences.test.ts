import { describe, expect, it } from "vitest";

import { makeDocument } from "../../server/extract/01-documents.js";
import { splitSentences } from "../../server/extract/02-sentences.js";

const split = (text: string) => splitSentences(makeDocument({ text })).map((s) => s.text);

describe("splitSentences", () => {
  it.each([
    [
      "Kyiv prepares strategy\nUkraine has a plan. Zelenskyy revealed it.",
      ["Kyiv prepares strategy", "Ukraine has a plan.", "Zelenskyy revealed it."],
    ],
    // a quotation with two sentences inside stays whole up to its attribution
    ['"I learned about it today. I was angry," Trump said.', ['"I learned about it today. I was angry," Trump said.']],
    ["U.S. President Donald Trump said Dec. 29 that it was true.", ["U.S. President Donald Trump said Dec. 29 that it was true."]],
    ["Read more\nNews Feed\nTrending Now\n2 min read", []],
    // never a break without a full stop before it
    [
      "It was a central campaign theme. Senator Edwards attacked President Bush's tax record throughout his campaign.",
      ["It was a central campaign theme.", "Senator Edwards attacked President Bush's tax record throughout his campaign."],
    ],
    // a closed quotation ends a sentence when a capitalised word follows, but a quoted Title Case headline stays whole
    ['Show More"Absolutely Possible." Kyiv Discusses It', ['"Absolutely Possible." Kyiv Discusses It']],
    [
      'He wrote: "Gordon Brown should lead the country after the election." While saying he admired Mr Brown, he criticised the Conservatives.',
      [
        'He wrote: "Gordon Brown should lead the country after the election."',
        "While saying he admired Mr Brown, he criticised the Conservatives.",
      ],
    ],
    // ... and when the next sentence opens with a name like O'Connor
    [
      'He is in fine form, "and eager to play." O\'Hara, who turned 30 this week, was picked by the coach.',
      ['He is in fine form, "and eager to play."', "O'Hara, who turned 30 this week, was picked by the coach."],
    ],
    // a plural acronym is not an abbreviation
    [
      "He would be welcomed by Labour MPs. Mr Jackson served as minister.",
      ["He would be welcomed by Labour MPs.", "Mr Jackson served as minister."],
    ],
    ['"We are angry," Mr Brown said.', ['"We are angry," Mr Brown said.']],
  ])("%j", (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it("keeps offsets that point back into the document, curly quotes and dashes included", () => {
    const text = "“We support a contingent. But I emphasize—without America, this is impossible,” he said.\nNext line — here.";
    const doc = makeDocument({ text });
    const sentences = splitSentences(doc);
    expect(sentences.length).toBeGreaterThan(1);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
