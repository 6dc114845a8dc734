// Words for people by faith: "Muslims", "Catholic". Like nationality words ("the French", "Europeans") they name
// many people, not one of the four entity types, so a name made only of one of them is no entity. Singular and
// plural are listed; a name that merely contains one ("Muslim Council of Britain") is unaffected.

export const FAITH_GROUPS: ReadonlySet<string> = new Set([
  "Muslim",
  "Muslims",
  "Christian",
  "Christians",
  "Jew",
  "Jews",
  "Jewish",
  "Hindu",
  "Hindus",
  "Sikh",
  "Sikhs",
  "Buddhist",
  "Buddhists",
  "Catholic",
  "Catholics",
  "Protestant",
  "Protestants",
  "Anglican",
  "Anglicans",
]);
