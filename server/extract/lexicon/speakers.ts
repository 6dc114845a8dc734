// Who speaks for whom, as data: the bodies and people whose words are, or are not, their organization's or
// country's stance.

/** The bodies that act for an organization: "rejected by Vivendi's board" is Vivendi's stance. */
export const SPOKESPEOPLE = ["board", "management", "directors", "shareholders"] as const;
/** Who speaks in an organization's name: "A Quorlex spokesman said", "an official at Quorlex told". */
export const VOICES = ["spokesman", "spokeswoman", "spokesperson", "official", "source"] as const;
/** People a name owns who speak for themselves: "criticised Mr Blair's spokesman" is not against Mr Blair. */
export const OWNED_PEOPLE = [
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "aide",
  "aides",
  "adviser",
  "advisers",
  "deputy",
  "lawyer",
  "lawyers",
  "wife",
  "husband",
  "son",
  "daughter",
  "brother",
  "sister",
  "chairman",
  "boss",
  "staff",
  "official",
  "officials",
] as const;
/** "The US government accused", "Labour MPs criticised": people who speak for the country or organization before them. */
export const SPEAKERS_FOR = [
  "government",
  "officials",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "authorities",
  "administration",
  "ministers",
  "minister",
  "leaders",
  "leader",
  "president",
  "diplomats",
  "negotiators",
  "regulators",
  "forces",
  "troops",
  "army",
  "military",
  "MPs",
  "MEPs",
  "peers",
  "members",
  "activists",
  "backbenchers",
] as const;
