// The patterns the readings match over a masked sentence (mask.ts): slots ⟦n⟧ for entities, ⟦pn⟧ for resolved
// pronouns and roles, ⟦tn⟧ for the makers of things named earlier. Each comment gives the sentence it is for.
import { DEMAND_VERBS, DEMANDED_ACTS, DENIAL_CUES, FORECAST_VERBS, PHRASAL_BEFORE_BACK, VEHICLE_NOUNS } from "../lexicon/stance-cues.js";
import { OWNED_PEOPLE, SPEAKERS_FOR, SPOKESPEOPLE as SPOKESPEOPLE_WORDS } from "../lexicon/speakers.js";
import { CLAIM_VERBS, CLAUSE_BREAK_VERBS, SPEECH_THEN_VERBS, SPEECH_VERBS } from "../lexicon/speech.js";
import {
  agentForms,
  alternation,
  formsOf,
  ingForms,
  nounForms,
  OWNED,
  OWNED_MODIFIERS,
  ownedOnlyForms,
  participles,
  pastForms,
  physicalForms,
  speechForms,
  verbForms,
} from "../cue-forms.js";

const SLOT = "⟦([pt]?\\d+)⟧";
const POSSESSIVE = "(?:['’]s?)?";
const DETERMINER = "(?:(?:the|a|an)\\s+)?";
// Up to four words between holder and cue, no clause break, no other entity: "has also previously".
const BETWEEN = '((?:[^⟦⟧.;:!?"“”,\\s]+\\s+){0,4}?)';
// "Enrico Bondi, sued ...", "Jack Straw, who accused ...", "X, the Tory leader, attacked ...".
// Also a bracketed acronym first: "The Open Society Institute (OSI), financed by ..., has accused".
const APPOSITION = "((?:\\s*\\([^()]{1,16}\\))?(?:\\s*,[^,.;]{1,60},|\\s*,\\s+who\\b|,)?)";
// "suing three firms - Shell, its unit Shell Oil and BP", "rejected by several countries, including":
// a counted group announced in front of the list that names it.
const COUNTED =
  "(?:(?:two|three|four|five|six|seven|eight|nine|ten|several|\\d+)\\s+(?:[\\w-]+\\s+)?[\\w-]+\\s*(?:[-–—:]|,?\\s+including)\\s+)?";
// "the X", and "its unit X", "her director husband X": a possessive with up to two lower-case nouns before the name.
const LIST_DETERMINER =
  "(?:(?:the|a|an)\\s+|(?:its|their|his|her)\\s+(?:(?!(?:by|of|to|from|with|for|on|in|at|against|over|and|or)\\b)[a-z-]+\\s+){0,2})?";
// The bodies that act for an organization: "rejected by Vivendi's board" is Vivendi's stance. Not single people:
// "criticised Mr Blair's spokesman" is not against Mr Blair.
const SPOKESPEOPLE = `(?:${SPOKESPEOPLE_WORDS.join("|")})`;
/**
 * Targets after a cue: one or a list of entities, each maybe owning something. After a verb of speech or
 * judgement ("criticised Mr Brown's preoccupation") anything owned stands for its owner; after a verb that
 * can be physical ("attack Putin's residence", "ban X's products") only what people say or decide does.
 */
function targetList(owned: string): string {
  const one = `(?:['’]s?\\s+${OWNED_MODIFIERS}${owned}\\b|['’]s?\\s+(?:[\\w-]+\\s+)?${SPOKESPEOPLE}\\b|(?!['’]))`;
  // A resolved name ("the prime minister and his chancellor") joins a list only after "and" or "or": after a bare comma
  // it is an apposition ("StreamCast Networks, the company behind Morpheus").
  const next = `\\s*(?:,|,?\\s+and|,?\\s+or)\\s+${LIST_DETERMINER}⟦\\d+⟧${one}|,?\\s+(?:and|or)\\s+${LIST_DETERMINER}⟦[pt]\\d+⟧${one}`;
  return `${COUNTED}${LIST_DETERMINER}${SLOT}${one}((?:${next})*)`;
}
const TARGET_LIST = targetList(OWNED);
const TARGET_LIST_ANY_OWNED = targetList("[\\w-]+");

// "Labour and the Greens have criticised ...": earlier holders of a list, read from the text before the match.
export const HOLDER_LIST_BEFORE = /((?:⟦\d+⟧\s*(?:,|,?\s+and)\s+(?:the\s+)?)+)$/;
export const ACTIVE = new RegExp(
  `${SLOT}${POSSESSIVE}${APPOSITION}\\s+${BETWEEN}(${alternation(speechForms)})\\s+${TARGET_LIST_ANY_OWNED}`,
  "giu",
);
// "denied Putin's allegation", and with the owner in front of what it said: "dismissed the US complaint",
// "brushed off Labour suggestions". Not a clause: "denied Labour's plans were dead".
export const ACTIVE_OWNED_ONLY = new RegExp(
  `${SLOT}${POSSESSIVE}${APPOSITION}\\s+${BETWEEN}(${alternation(ownedOnlyForms)})\\s+${DETERMINER}${SLOT}(?:['’]s?\\s+${OWNED_MODIFIERS}[\\w-]+\\b|\\s+(?:[\\w-]+\\s+)?${OWNED}\\b|(?<=⟦t\\d+⟧))()`,
  "giu",
);
export const ACTIVE_PHYSICAL = new RegExp(
  `${SLOT}${POSSESSIVE}${APPOSITION}\\s+${BETWEEN}(${alternation(physicalForms)})\\s+${TARGET_LIST}`,
  "giu",
);
// The owner after the thing owned: "welcomed the decision by India and Pakistan", "rejected a £1.3bn ($2.5bn) takeover
// offer from Foster's Group", "has rejected proposals from Rangers". Not across a clause or another "of": "dismissed
// claims that his policy was on the turf of the BNP", "rejected calls for an inquiry into the conduct of the war".
export const ACTIVE_OWNED_BY = new RegExp(
  `${SLOT}${APPOSITION}\\s+${BETWEEN}(${alternation(verbForms.keys())})\\s+(?:(?:the|a|an|its|their)\\s+)?(?:[\\w£$€.,()-]+\\s+){0,3}?${OWNED}\\b(?:(?:(?!\\s(?:that|of)\\s)[^⟦⟧.;!?()]|\\.(?=\\d)|\\([^()⟦⟧]{0,40}\\)){0,60}?\\s+(?:by|from)\\s+(?:[\\w-]+\\s+){0,3}?|\\s+of\\s+(?:(?![\\w-]+ing\\b)[\\w-]+\\s+){0,3}?)${TARGET_LIST}`,
  "giu",
);
export const WARNED_THAT = new RegExp(
  `${SLOT}${APPOSITION}\\s+${BETWEEN}(warned|warns)\\s+that\\s+${DETERMINER}${SLOT}\\s+(?:was|were|is|are|had|has|would|will)\\b`,
  "giu",
);
// "was welcomed at the time by Beijing", "was criticised on Monday by": a short time adverbial before "by".
const PASSIVE_ADVERBIAL = "(?:\\s+(?:at\\s+the\\s+time|(?:last|this|on|earlier\\s+this)\\s+\\p{L}+|yesterday|today|earlier|later|\\w+ly))?";
export const PASSIVE = new RegExp(
  `${SLOT}((?:['’]s?|\\s+)\\s*${OWNED_MODIFIERS}${OWNED}\\s+(?:for|of|on|to|from)\\s+[^.;!?]{0,50}?|${POSSESSIVE}(?:[^⟦⟧.;!?]|\\.(?=\\d)){0,60}?)\\s+((?:was|were|is|are|(?:has|have|had)\\s+(?:\\w+\\s+)?been|being)\\s+(?:\\w+ly\\s+)?)(${alternation(participles.keys())})${PASSIVE_ADVERBIAL}\\s+by\\s+${TARGET_LIST}`,
  "giu",
);
export const NOMINAL = new RegExp(
  `\\b(${alternation(nounForms.keys())})(?:\\s+and\\s+(?:\\w+\\s+)?(?:${alternation(nounForms.keys())}))?\\s+(?:from|by)\\s+(?:[\\w\\s]{0,30}?,?\\s*including\\s+)?${TARGET_LIST}`,
  "giu",
);
export const DEMAND = new RegExp(
  `${SLOT}${APPOSITION}\\s+${BETWEEN}(${alternation(DEMAND_VERBS)})\\s+${DETERMINER}${SLOT}\\s+to\\s+(?:${alternation(DEMANDED_ACTS)})\\b`,
  "giu",
);
// "the SEC's criticism of Fannie Mae", and without the possessive "US support for Boeing".
// "his attack on Labour": "on" only after attack, which is otherwise physical ("attacks on Iraq" are by armies, not words).
export const OWNED_NOUN = new RegExp(
  `${SLOT}(?:['’]s?)?\\s+(?:\\w+\\s+)?(${alternation(nounForms.keys())}|attacks?(?=\\s+on\\s))\\s+(?:for|of|on)\\s+${DETERMINER}${SLOT}`,
  "giu",
);
// "His film was highly critical of President Bush", "the group is supportive of Labour", "the think tank, which
// usually tends to be critical of the President,".
const APPOSITION_WHICH = APPOSITION.replace("who\\b", "(?:who|which)\\b");
export const ADJECTIVE = new RegExp(
  `${SLOT}${APPOSITION_WHICH}\\s+((?:is|was|are|were|has been|have been|had been|remains?|remained|(?:tends?|tended|seems?|seemed|appears?|appeared)\\s+to\\s+be)\\s+(?:\\w+ly\\s+)?)(critical|supportive)\\s+of\\s+${TARGET_LIST}`,
  "giu",
);

// "the US is a firm supporter of aid for Turkey", "X, a long-time critic of Y,":
// the holder is (or is described as) someone for or against the target.
const BE = "(?:is|was|are|were|has been|have been|had been|remains?|remained|becomes?|became)";
export const AGENT_OF = new RegExp(
  `${SLOT}(?:\\s*\\([^()]{1,16}\\))?(?:,[^,.;]{1,60},)?(?:\\s+(${BE}\\s+(?:\\w+ly\\s+)?(?:a|an|one of the|among the))|\\s*,\\s*(?:a|an|the))\\s+((?:[\\w-]+\\s+){0,3}?)(${alternation(agentForms.keys())})\\s+of\\s+(?:(?:[\\w-]+\\s+){0,3}?(${alternation(nounForms.keys())})\\s+(?:for|of)\\s+)?${TARGET_LIST}`,
  "giu",
);
// "Tony Blair said Labour would set out plans ... and attacked the Tory plans": the sentence's first name speaks,
// then goes on to a stance. The clause in between may not hold a cue or speech verb of its own, which the
// "and" could belong to instead.
export const SPEECH_THEN = new RegExp(
  `^[^⟦⟧]{0,40}?${SLOT}${APPOSITION}\\s+(?:has\\s+|had\\s+)?(?:${SPEECH_THEN_VERBS.join("|")})\\b([^.;:!?"“”]*?),?\\s+and\\s+(?:also\\s+|then\\s+)?(${alternation(pastForms)})\\s+${TARGET_LIST_ANY_OWNED}`,
  "iu",
);
export const SPEECH_VERB = new RegExp(`\\b(?:${SPEECH_VERBS.join("|")})\\b`, "i");

// "Moore was an outspoken Bush critic": the target named in front of the agent noun.
export const AGENT_COMPOUND = new RegExp(
  `${SLOT}\\s+(${BE}\\s+(?:\\w+ly\\s+)?(?:a|an)\\s+)((?:[\\w-]+\\s+){0,2}?)${SLOT}\\s+(${alternation(agentForms.keys())})\\b`,
  "giu",
);
// "Blair ally Alan Milburn", "Bush critic Michael Moore": the agent noun as a title in front of the holder, who is
// named: "told Labour supporters he's back" is no title.
export const AGENT_TITLE = new RegExp(`${SLOT}\\s+(${alternation(agentForms.keys())})\\s+⟦(\\d+)⟧`, "giu");

// "Putin told him Ukraine had tried to attack his residence, an allegation Kyiv has denied": the denier against
// whoever made the claim, the last name before it that said, claimed or accused.
export const DENIED_CLAIM = new RegExp(
  `,\\s+(?:an?|the)\\s+(?:allegations?|claims?|accusations?|charges?)\\s+(?:that\\s+|which\\s+)?${SLOT}\\s+((?:has|have|had|always|\\w+ly)\\s+)*(${alternation(formsOf((l) => DENIAL_CUES.has(l)))})\\b`,
  "giu",
);
export const CLAIMANT = new RegExp(
  `⟦(\\d+)⟧(?:\\s*,[^,.;]{1,60},)?\\s+(?:has\\s+|had\\s+|have\\s+|also\\s+|\\w+ly\\s+)*(?:${CLAIM_VERBS.join("|")})\\b`,
  "gu",
);

// "Fox closed the debate with a speech criticising Brown's budget": the stance is the speaker's.
// "Praising Brown for his budget, Blair said": the participle's subject is the main clause's.
export const VEHICLE = new RegExp(
  `${SLOT}${APPOSITION}\\s+((?:[^⟦⟧.;:!?"“”,\\s]+\\s+){0,6}?)(?:a|an|his|her|its|their)\\s+(?:[\\w-]+\\s+)?(?:${VEHICLE_NOUNS.join("|")})\\s+(${alternation(ingForms)})\\s+${TARGET_LIST_ANY_OWNED}`,
  "giu",
);
export const PARTICIPLE_OPENER = new RegExp(
  `^(?:(?:But|And|However|Meanwhile|Also),?\\s+)?(${alternation(ingForms)})\\s+${TARGET_LIST_ANY_OWNED}[^⟦⟧.;:!?"“”]{0,80}?,\\s+${SLOT}(?=\\s+\\p{Ll})`,
  "iu",
);

// "Fox then responded by accusing the premier of ...", "The Tories hit back, accusing Labour of ...", "The SNP's
// Sturgeon wrote to McConnell on Tuesday accusing him of ...": a
// participle after the main clause has the main clause's subject. The clause in between is checked in
// `readTrailing` (readings.ts, TRAILING_CLAUSE_BREAK): no second subject, speech or condition the participle could belong to.
export const TRAILING = new RegExp(
  `^(?:(?:But|And|However|Meanwhile|Later|Instead|Also),?\\s+)?(?:[Tt]he\\s+)?(?:⟦\\d+⟧['’]s?\\s+)?${SLOT}${APPOSITION}\\s+((?:MPs\\s+|MEPs\\s+)?\\p{Ll}[^⟦⟧.;:!?"“”]{0,80}?(?:⟦\\d+⟧[^⟦⟧.;:!?"“”]{0,40}?)?)(?:,\\s+|\\s+by\\s+|(?<=\\b(?:on\\s+\\p{Lu}\\p{Ll}+day|yesterday|today|last\\s+(?:week|month|night|year)))\\s+)(${alternation(ingForms)})\\s+${TARGET_LIST_ANY_OWNED}`,
  "u",
);
export const TRAILING_CLAUSE_BREAK = new RegExp(
  `\\b(?:that|who|which|whose|when|while|whether|if|unless|because|as|where|after|before|but|and|or|without|${CLAUSE_BREAK_VERBS.join("|")})\\b`,
  "i",
);
// In the clause, another name may stand only after a preposition: "wrote to ⟦McConnell⟧ on Tuesday".
export const SLOT_AFTER_PREPOSITION = /(?:^|\s)(?:to|with|at|on|for|from|against|of|in|into)\s+(?:the\s+)?⟦\d+⟧/g;
// The word after a country or organization holder must be a verb for it to be the subject: "⟦Labour⟧ hit back".
export const VERB_LIKE =
  /^(?:has|have|had|is|was|were|are|will|would|also|then|later|again|\w+ed|\w+ly|hit|struck|spoke|wrote|took|went|came|made|gave|told|said|met)\b/i;

// "opposed the LSE bid": a name in front of a deal word is what the deal is for, not who made it.
// Likewise "a critic of US support for Israel": the name in front of a stance noun holds that stance, it is not the target.
export const DEAL_OBJECT = new RegExp(`^\\s+(?:bid|bids|takeover|offer|deal|merger|${alternation(nounForms.keys())})\\b`, "i");
export const POSSESSED = /^['’]s?\s+((?:[\w£$€.,-]+\s+){0,3}?)([\w-]+)/;
export const OWNED_WORD = new RegExp(`^${OWNED}$`, "i");
// "⟦Wasps⟧ director of rugby ⟦Warren Gatland⟧": lower-case title words ("of" only inside them) between a name and a
// person; or none, when the person's slot took in a capitalised title: "⟦Glenmoor Police⟧ ⟦Commissioner Alan Pike⟧".
const TITLE_WORD = "(?!(?:for|from|of|to|by|with|at|as|in|on|over|after|against|than|that|who|which|said|says)\\b)\\p{Ll}[\\w-]*\\s+";
export const TITLED_PERSON = new RegExp(`^\\s*(?:${TITLE_WORD}(?:(?:of\\s+)?${TITLE_WORD}){0,3})?⟦(\\d+)⟧`, "u");
export const OWNED_THEN_VERB = new RegExp(
  `^(?:['’]s?)?\\s+(?:[\\w£$€.,-]+\\s+){0,3}?${OWNED}\\s+(?:was|were|is|are|had|has|have|would|will|could|did|do|does)\\b`,
  "i",
);
export const OWNED_PERSON = new RegExp(`^(?:${OWNED_PEOPLE.join("|")})$`, "i");
export const APPOSED = /^['’]s?\s+(?:[\w-]+\s+){0,3}?[\w-]+,\s+(?:the\s+)?⟦([pt]?\d+)⟧/;
/** "⟦n⟧'s claims were denied by": the passive's subject is something the name owns. */
export const OWNED_GAP = new RegExp(`^(?:['’]s?)?\\s+${OWNED_MODIFIERS}${OWNED}\\s*$`, "i");
/**
 * Words after a name that show it does not qualify a noun: "⟦US⟧ assets were" (qualifies), "⟦Yukos⟧ has been"
 * and "criticism from ⟦Robinson⟧ afterwards" (does not). Used for passive subjects and for holders after by/from.
 */
export const FUNCTION_WORD =
  /^(?:of|in|on|and|or|over|for|after|before|who|which|that|at|to|as|with|since|about|against|last|this|earlier|recently|among|amid|because|but|when|while|said|says|has|have|had|is|was|were|are|will|would|during|until|under|into|its|their|his|her|the|a|an|if|than|so|also|too|it|itself|himself|herself|themselves|however|\w+ly|\w+wards|yesterday|today|tonight|later|again|now|then|instead|alone)$/i;

// A name after a preposition is not the subject of the verb that follows: "an action, filed in ⟦a court⟧, accuses",
// "what to do with ⟦UWB⟧ allied with". Except "with" before a participle: "with ⟦the EPP⟧ attacking the EC".
export const AFTER_PREPOSITION = /\b(in|at|on|into|from|with|for|to|against|under|over|about|like|than)\s+(?:the\s+)?$/i;
export const NOT_THE_HOLDER =
  /(?:\b(?:include|includes|including|such as)\s+(?:⟦[pt]?\d+⟧\s*,\s*)*$|(?:^|\s)(?:[Mm]any|[Ss]ome|[Ss]everal|[Ff]ew|[Mm]ost|[Oo]ther)\s+|\b(?:owners?|shareholders?|investors?|rivals?|customers?|creditors?|clients?|critics?|supporters?)\s+of\s+(?:[\w-]+\s+){0,4}|(?:⟦[pt]?\d+⟧|\p{Lu}[\p{L}-]*)\s+of\s+(?:the\s+)?)$/u;

export const PHRASAL_BACK_ANYWHERE = new RegExp(`\\b(?:${PHRASAL_BEFORE_BACK.join("|")})\\s+back\\b`, "gi");
export const PHRASAL_BACK = new RegExp(`\\b(?:${PHRASAL_BEFORE_BACK.join("|")})\\s*$`, "i");
export const FORECAST = new RegExp(`^\\s+to\\s+(?:${FORECAST_VERBS.join("|")})\\b`, "i");
// "reports that he has been critical of", "denied claims that": a stance someone else says there is.
export const REPORTED = /\b(?:reports?|claims?|rumou?rs?|allegations?|suggestions?|speculation)\s+that\s+(?:[^⟦.;]|⟦[pt]?\d+⟧){0,40}$/i;

// What may stand between a holder and its verb: "has", "will also", "strongly". A country or organization
// followed by any other lower-case word is a modifier, not the holder: "A US woman is suing HP".
export const VERB_LEAD_IN =
  /^(?:(?:has|have|had|is|was|were|are|will|would|could|can|may|might|should|must|did|does|do|also|then|now|not|never|already|previously|again|still|last|this|on|in|\w+ly)\b\s*)*$/i;
// "The US government accused", "Labour MPs criticised": people who speak for the country or organization.
export const SPEAKS_FOR = new RegExp(`^(?:${SPEAKERS_FOR.join("|")})\\b`, "i");
