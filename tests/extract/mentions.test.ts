import { describe, expect, it } from "vitest";

import { findMentions } from "../../server/extract/04-mentions.js";
import { type Span, recognizeDocument } from "../../server/extract/03-recognition/index.js";
import { titleWordOf } from "../../server/extract/lexicon/titles.js";
import type { Sentence } from "../../server/types.js";

const sentence = (text: string): Sentence => ({ id: "d:0", docId: "d", index: 0, start: 0, end: text.length, text });
// The stage is tested on what the real recogniser finds in the sentence.
const mentionsOf = (text: string) => findMentions(sentence(text), recognizeDocument([text])[0]!);
const found = (text: string) => mentionsOf(text).map((m) => `${m.type}:${m.name}`);

describe("findMentions: what is found", () => {
  it.each([
    ["Polish Prime Minister Donald Tusk opposed the idea.", ["person:Donald Tusk"]],
    [
      "U.K. Prime Minister Keir Starmer indicated Britain's willingness.",
      ["country:United Kingdom", "person:Keir Starmer", "country:United Kingdom"],
    ],
    ["While the U.S. has ruled out sending troops, Washington has urged allies.", ["country:United States", "country:United States"]],
    ["It is very important not to lose the United States of America.", ["country:United States"]],
    ["He will present it at the Munich Security Conference.", ["event:Munich Security Conference"]],
    ["Zelenskyy ruled out the United Nations deploying forces.", ["organization:United Nations"]],
    // a capital "The" inside a sentence belongs to the name; "of the ..." continues an organization
    ["He had mentioned it in a recent interview with The Economist.", ["organization:The Economist"]],
    ["Advisers from the Coalition of the Willing countries agreed to meet.", ["organization:Coalition of the Willing"]],
    // a title names a person the recogniser missed; a group name after "the" is an organization
    ["Senator Kerry attacked President Bush's economic record.", ["person:Kerry", "person:Bush"]],
    ["Mr Brown said that the Tories would cut spending.", ["person:Brown", "organization:Conservative Party"]],
    // parties by nickname and adjective; a party word is never a person
    [
      "Tory peer Lord Tebbit agreed with the Lib Dems.",
      ["organization:Conservative Party", "person:Tebbit", "organization:Liberal Democrats"],
    ],
    // a nationality with the state's bodies is the country; with an institution's head word, an organization
    ["The French government and Russian authorities disagreed.", ["country:France", "country:Russia"]],
    [
      "The Conservatives blame the Scottish Executive for the delay.",
      ["organization:Conservative Party", "organization:Scottish Executive"],
    ],
    // a company named after its founder keeps its possessive
    ["The offer came from brewing giant Foster's Group.", ["organization:Foster's Group"]],
    // words a sentence or a date put in front of an event are no part of its name
    ["In June's Velmont Parliament elections the turnout fell.", ["event:Velmont Parliament elections"]],
    ["At the Munich Security Conference he spoke first.", ["event:Munich Security Conference"]],
  ])("%j", (text, expected) => {
    expect(found(text)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    // after a sentence break the source lost, the recogniser takes a capitalised article for a name
    ['Exports will suffer", An EU official in London said.', ["organization:EU", "country:United Kingdom"]],
  ])("%j finds exactly these", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe("findMentions: what is not an entity", () => {
  it.each([
    ["The minister said the plan was sound."],
    ["Discussions about sending Western military forces have been ongoing."],
    ["We need 500,000 more troops."],
    ["It is absolutely possible."],
    ["Then the weapons from you, the contingent from the Europeans and Americans."],
    ["The awards ceremony was held in a big hall."],
    ["Sales of TV sets and DVD players rose."],
    // an event noun inside a quoted phrase after "a" is a kind of thing, not a named event
    ['He asked the waiter if he was a "German war criminal".'],
    ["She called it a 'French election stunt' on air."],
    // an adjective opening a sentence is not a party
    ["Conservative estimates put the cost higher."],
    // an event noun whose only capital is the one that starts the sentence
    ["This election will be close."],
    ["No election has been called."],
    ["Tuesday's summit was short."],
  ])("%j finds nothing", (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("findMentions: a plural acronym, or a common noun's, is never a name, whatever type the recogniser gives it", () => {
  // The recogniser's span is given here, as it tagged these in BBC articles ("MPs" as a person, 42 times).
  const withSpan = (text: string, name: string, label: Span["label"]) => {
    const start = text.indexOf(name);
    return findMentions(sentence(text), [{ start, end: start + name.length, text: name, label }]).map((m) => `${m.type}:${m.name}`);
  };
  it.each([
    ["The rally went ahead after MPs criticised the plan.", "MPs", "PER", []],
    ["Sales of PCs rose in March.", "PCs", "PER", []],
    ["Scottish MSPs backed the bill.", "MSPs", "ORG", []],
    ["The MP3s were shared online.", "MP3s", "ORG", []],
    // a common noun's abbreviation alone (lexicon/generic-acronyms.ts) is no name either
    ["Cases of TB in the town rose by a fifth.", "TB", "ORG", []],
    ["She worked as a GP in a mining village.", "GP", "ORG", []],
    ["The clinic now offers IVF to older women.", "IVF", "PER", []],
    // a singular acronym, and a name that only ends in "s", stay
    ["The BBC said so.", "BBC", "ORG", ["organization:BBC"]],
    ["Shares in the RBS fell.", "RBS", "ORG", ["organization:RBS"]],
    ["Shares in Reuters rose.", "Reuters", "ORG", ["organization:Reuters"]],
  ] as [string, string, Span["label"], string[]][])("%j (%s tagged %s)", (text, name, label, expected) => {
    expect(withSpan(text, name, label)).toEqual(expected);
  });
});

describe("findMentions: titles, demonyms and possessives", () => {
  it.each([
    ["Polish Prime Minister Donald Tusk opposed the idea.", "Donald Tusk", "Prime Minister", "Poland"],
    ["U.S. President Donald Trump said it.", "Donald Trump", "President", "United States"],
    ["Italian Defense Minister Guido Crosetto criticized the comments.", "Guido Crosetto", "Defense Minister", "Italy"],
    ["Kremlin spokesperson Dmitry Peskov declared it.", "Dmitry Peskov", "Kremlin spokesperson", undefined],
    // a title written in the plural, in front of several names or one
    ["He played polo with Princes Quorn and Vell.", "Quorn", "Prince", undefined],
    ["He met Presidents Ada Roe and Ben Vell.", "Ada Roe", "President", undefined],
  ])("%j -> %s, role %s, affiliation %s", (text, name, role, affiliation) => {
    const person = mentionsOf(text).find((m) => m.type === "person")!;
    expect(person.name).toBe(name);
    expect(person.role).toBe(role);
    expect(person.affiliation).toBe(affiliation);
  });

  it("strips the possessive but keeps the offsets on the name", () => {
    const text = "Ukraine had tried to attack Vladimir Putin's residence.";
    const m = mentionsOf(text).find((x) => x.type === "person")!;
    expect(m.name).toBe("Vladimir Putin");
    expect(text.slice(m.start, m.end)).toBe("Vladimir Putin");
  });
});

describe("titleWordOf: a title in the singular or the plural", () => {
  it.each([
    ["Prince", "Prince"],
    ["Princes", "Prince"],
    ["Princesses", "Princess"],
    ["ministers", "minister"],
    // false positives: words that end like a plural but are no title's
    ["Prices", undefined],
    ["Ms", "Ms"],
    ["Kings", "King"],
    ["Bus", undefined],
    ["Charles", undefined],
  ])("%s -> %s", (word, title) => {
    expect(titleWordOf(word)).toBe(title);
  });
});
