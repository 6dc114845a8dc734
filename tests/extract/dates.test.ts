import { describe, expect, it } from "vitest";

import { makeDocument } from "../../server/extract/01-documents.js";
import { findDatelineDate, readDatelineDate } from "../../server/extract/dates.js";

describe("dateline dates", () => {
  it.each([
    ["May.05 - 2024 10:44 AM CET", "2024-05-05"],
    ["5 May 2024", "2024-05-05"],
    ["5th of May, 2024, 09:00", "2024-05-05"],
    ["Published: 17 Sept 2024", "2024-09-17"],
    ["Updated Thursday, Oct. 17, 2024", "2024-10-17"],
    ["March 3rd 2023", "2023-03-03"],
    ["05/05/2024", "2024-05-05"],
    ["04/05/2024", "2024-05-04"], // day first: 4 May
    ["05/25/2024", "2024-05-25"], // 25 cannot be a month: month first
    ["1.2.2025 by the wire desk", "2025-02-01"],
    // false positives: no date at the start of the line, an impossible one, or no year
    ["The vote on 5 May 2024 was close.", undefined],
    ["30 February 2024", undefined],
    ["31/11/2024", undefined],
    ["13/13/2024", undefined],
    ["May 2024", undefined],
    ["May the best candidate win in 2024", undefined],
    ["Mayor Dana Quill said 5 things", undefined],
    ["12/05/1850", undefined],
  ])("%j reads as %j", (line, date) => {
    expect(readDatelineDate(line)).toBe(date);
  });

  it("looks only at the top lines: a date further down is one the article talks about", () => {
    const body = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} of the invented report.`).join("\n");
    expect(findDatelineDate(`Headline of the day\n\n5 May 2024\n${body}`)).toBe("2024-05-05");
    expect(findDatelineDate(`Headline of the day\n${body}\n5 May 2024`)).toBeUndefined();
  });

  it("gives a document its date, a given date and an ISO date in the text first", () => {
    expect(makeDocument({ text: "Talks resume\nMay.05 - 2024 10:44 AM CET\nOrla Penn met Tomas Vey." }).date).toBe("2024-05-05");
    expect(makeDocument({ text: "Talks resume\n5 May 2024\nOrla Penn met Tomas Vey.", date: "2024-06-01" }).date).toBe("2024-06-01");
    expect(makeDocument({ text: "Talks resume\n5 May 2024\ndate 2024-07-01 Orla Penn met Tomas Vey." }).date).toBe("2024-07-01");
  });
});
