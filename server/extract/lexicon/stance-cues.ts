// Words that carry a stance, as data. Each cue lists the forms it is written in; `polarity` is what the
// holder feels about the target. Reviewed against hand-labelled BBC sentences (tests/labels): cues that a
// careful reader does not take as a stance towards the object ("urged X to", "called on X") are left out.
import type { Stance } from "../../types.js";

export interface Cue {
  lemma: string;
  polarity: Stance;
  /** Active forms: "criticised", "criticizes", "criticising". */
  forms: string[];
  /** Past participles for the passive: "was criticised by". */
  participles: string[];
}

const cue = (lemma: string, polarity: Stance, forms: string[], participles = forms.filter((f) => /(ed|en)$/.test(f))): Cue => ({
  lemma,
  polarity,
  forms,
  participles,
});

export const VERB_CUES: readonly Cue[] = [
  cue("criticise", "oppose", [
    "criticised",
    "criticized",
    "criticises",
    "criticizes",
    "criticise",
    "criticize",
    "criticising",
    "criticizing",
  ]),
  cue("condemn", "oppose", ["condemned", "condemns", "condemn", "condemning"]),
  cue("reject", "oppose", ["rejected", "rejects", "reject", "rejecting"]),
  cue("oppose", "oppose", ["opposed", "opposes", "oppose", "opposing"]),
  cue("denounce", "oppose", ["denounced", "denounces", "denounce", "denouncing"]),
  cue("attack", "oppose", ["attacked", "attacks", "attack", "attacking"]),
  cue("slam", "oppose", ["slammed", "slams", "slam", "slamming"]),
  cue("blast", "oppose", ["blasted", "blasts", "blasting"]),
  cue("accuse", "oppose", ["accused", "accuses", "accuse", "accusing"]),
  cue("blame", "oppose", ["blamed", "blames", "blame", "blaming"]),
  cue("rule out", "oppose", ["ruled out", "rules out", "rule out", "ruling out"], []),
  // Only towards what someone said: "dismissed claims"; "the referee dismissed Drogba" sent him off.
  cue("dismiss", "oppose", ["dismissed", "dismisses", "dismiss", "dismissing"]),
  cue("rebuke", "oppose", ["rebuked", "rebukes", "rebuke", "rebuking"]),
  cue("ban", "oppose", ["banned", "bans", "banning"]),
  cue("sue", "oppose", ["sued", "sues", "sue", "suing"]),
  // "warn" is read only as "warned that <entity> was ..." (06-stances/patterns.ts, WARNED_THAT): "warned Mr Ebbers that ..." is advice, not a stance.
  cue("lambast", "oppose", ["lambasted", "lambasts", "lambasting"]),
  cue("hit out at", "oppose", ["hit out at", "hits out at", "hitting out at"], []),
  cue("round on", "oppose", ["rounded on", "rounds on"], []),
  // Replies and scorn: "Labour hit back at the Tory proposals", "Mr Vale derided Velmont claims".
  cue("hit back at", "oppose", ["hit back at", "hits back at", "hitting back at"], []),
  cue("lash out at", "oppose", ["lashed out at", "lashes out at", "lashing out at"], []),
  cue("take a swipe at", "oppose", ["took a swipe at", "takes a swipe at", "taking a swipe at"], []),
  cue("pour scorn on", "oppose", ["poured scorn on", "pours scorn on", "pouring scorn on"], []),
  cue("ridicule", "oppose", ["ridiculed", "ridicules", "ridiculing"]),
  cue("deride", "oppose", ["derided", "derides", "deriding"]),
  // Not bare "mock": "a mock exam".
  cue("mock", "oppose", ["mocked", "mocks", "mocking"]),
  cue("snub", "oppose", ["snubbed", "snubs", "snubbing"]),
  // Only against what someone said: "Kyiv has denied Putin's allegation", "His claims were denied by Jack Straw".
  cue("deny", "oppose", ["denied", "denies", "deny", "denying"]),
  cue("back", "support", ["backed", "backs", "back", "backing"]),
  cue("support", "support", ["supported", "supports", "support", "supporting"]),
  // Bare "welcome" is also an adjective and a noun ("a welcome boost"): 06-stances/readings.ts drops a cue right after an article.
  cue("welcome", "support", ["welcomed", "welcomes", "welcome", "welcoming"]),
  cue("admire", "support", ["admired", "admires", "admire", "admiring"]),
  cue("praise", "support", ["praised", "praises", "praise", "praising"]),
  cue("endorse", "support", ["endorsed", "endorses", "endorse", "endorsing"]),
  cue("hail", "support", ["hailed", "hails", "hailing"]),
  cue("applaud", "support", ["applauded", "applauds", "applauding"]),
  cue("defend", "support", ["defended", "defends", "defend", "defending"]),
  cue("agree with", "support", ["agreed with", "agrees with", "agree with", "agreeing with"], []),
  cue("disagree with", "oppose", ["disagreed with", "disagrees with", "disagree with", "disagreeing with"], []),
  cue("side with", "support", ["sided with", "sides with", "side with", "siding with"], []),
  cue("ally with", "support", ["allied with", "allies with", "ally with", "allying with"], []),
  // "Bates has touted Bogdanovic as a replacement"; "touted by Gatland as a possible Lions openside".
  cue("tout", "support", ["touted", "touts", "touting"]),
  cue("pay tribute to", "support", ["paid tribute to", "pays tribute to", "paying tribute to", "pay tribute to"], []),
  cue(
    "heap praise on",
    "support",
    ["heaped praise on", "heaps praise on", "heaping praise on", "lavished praise on", "lavishes praise on"],
    [],
  ),
  // Only towards what someone said, like "dismiss": "he brushed off Labour suggestions".
  cue("brush off", "oppose", ["brushed off", "brushes off", "brushing off", "brush off"], []),
  // Not "campaign against" or "campaigns against": nouns too ("Roddick will open his campaign against Labadze").
  cue("campaign against", "oppose", ["campaigned against", "campaigning against"], []),
  cue(
    "manoeuvre against",
    "oppose",
    ["manoeuvred against", "manoeuvres against", "manoeuvring against", "maneuvered against", "maneuvers against", "maneuvering against"],
    [],
  ),
  // The idiom for being glad someone has gone: "the party leader said he was pleased to see the back of his rival".
  cue("see the back of", "oppose", ["see the back of", "seeing the back of", "saw the back of", "seen the back of"], []),
];

/** Cues that can be physical acts: a possessive after them names a target only if it is something said or decided. */
export const PHYSICAL_CUES: ReadonlySet<string> = new Set(["attack", "ban", "sue", "blast"]);

/**
 * Cues that are a stance only towards something said or decided: "denied Putin's allegation" is, but "denied
 * Iran access" and "denied Mr Brown was involved" are not.
 */
export const OWNED_ONLY_CUES: ReadonlySet<string> = new Set(["deny", "dismiss", "brush off"]);

/** Cues that answer a claim: ", an allegation Kyiv has denied" opposes whoever made it. */
export const DENIAL_CUES: ReadonlySet<string> = new Set(["deny", "reject", "dismiss", "brush off"]);

/** "tried to bring back Solano", "buy back Leeds' stadium": "back" after these verbs is not a cue. */
export const PHRASAL_BEFORE_BACK = [
  "buy",
  "bought",
  "bring",
  "brought",
  "come",
  "came",
  "fight",
  "fought",
  "hit",
  "pay",
  "paid",
  "give",
  "gave",
  "get",
  "got",
  "go",
  "went",
  "win",
  "won",
  "take",
  "took",
  "put",
  "send",
  "sent",
  "call",
  "called",
  "cut",
  "hold",
  "held",
  "look",
  "looked",
  "step",
  "stepped",
  "play",
  "played",
  "move",
  "moved",
  "sell",
  "sold",
  "turn",
  "turned",
  "answer",
  "answered",
] as const;

/** "backed New Zealand to win the series": a forecast, not a stance. */
export const FORECAST_VERBS = [
  "win",
  "beat",
  "lift",
  "claim",
  "retain",
  "reach",
  "finish",
  "succeed",
  "triumph",
  "qualify",
  "bounce",
] as const;

/** Demanding that someone apologise or go is opposing them: "Blair has urged Ken Livingstone to apologise". */
export const DEMAND_VERBS = ["urged", "urges", "called on", "calls on", "told", "tells", "demanded that", "asked"] as const;
export const DEMANDED_ACTS = ["apologise", "apologize", "resign", "quit", "step down", "stand down", "withdraw", "retract", "go"] as const;

/** What a stance is voiced in: "closed the debate with a speech criticising Brown's budget". */
export const VEHICLE_NOUNS = [
  "speech",
  "statement",
  "article",
  "letter",
  "interview",
  "column",
  "report",
  "motion",
  "advert",
  "campaign",
  "book",
] as const;

/** Nouns that carry a stance from a holder introduced by "from" or "by": "criticism from Berlin". */
export const NOUN_CUES: readonly { forms: string[]; polarity: Stance }[] = [
  {
    forms: ["criticism", "condemnation", "rejection", "opposition", "skepticism", "scepticism", "attack", "attacks", "resistance"],
    polarity: "oppose",
  },
  { forms: ["support", "backing", "praise", "endorsement"], polarity: "support" },
];

/** Nouns for someone who holds a stance: "the US is a strong supporter of Turkey", "Moore was an outspoken Bush critic", "Blair ally Alan Milburn". */
export const AGENT_NOUNS: readonly { forms: string[]; polarity: Stance }[] = [
  { forms: ["critic", "critics", "opponent", "opponents", "foe", "foes"], polarity: "oppose" },
  { forms: ["supporter", "supporters", "backer", "backers", "ally", "allies", "admirer", "admirers"], polarity: "support" },
];

/** Words in front of a cue that cancel it ("did not support", "no longer opposes"). */
export const NEGATIONS = ["not", "n't", "never", "no longer", "denied", "denies", "deny", "denying"] as const;
/** Refusing to support is opposing: "refused to back". Refusing to oppose cancels. */
export const REFUSALS = ["refused to", "refuses to", "declined to", "declines to"] as const;
/** Words that make a stance reported or hoped-for, not stated: "she hoped that Berlin would side with Paris". */
// "will" and "plans to": a stance announced for later ("Yukos has said it will sue Baikal") is not yet taken.
export const HEDGES = [
  "hope",
  "hoped",
  "hopes",
  "would",
  "could",
  "might",
  "may",
  "will",
  "expected to",
  "reportedly",
  "likely to",
  "wants",
  "wanted",
  "plans to",
  "planned to",
  "intends to",
  "threatened to",
  "threatens to",
] as const;

/** Words that make the whole clause uncertain: "it is not yet known whether X would support Y". */
export const CONDITIONALS = ["whether", "if", "unless"] as const;

/**
 * What people say, decide or do (regex pieces): after a possessive, "criticized Macron's comments", its owner
 * is the target; "attack Putin's residence" names no target.
 */
export const OWNED_NOUNS: readonly string[] = [
  "comments?",
  "remarks?",
  "words",
  "ideas?",
  "plans?",
  "proposals?",
  "polic(?:y|ies)",
  "stance",
  "decisions?",
  "calls?",
  "approach",
  "handling",
  "leadership",
  "government",
  "administration",
  "record",
  "views?",
  "position",
  "statement",
  "claims?",
  "bids?",
  "offers?",
  "move",
  "strategy",
  "suggestions?",
  "demands?",
  "budget",
  "reforms?",
  "actions?",
  "conduct",
  "campaign",
  "report",
  "announcement",
  "pledges?",
  "attempt",
  "argument",
  "allegations?",
  "courage",
  "takeover",
  "deal",
  "merger",
  "candidacy",
  "nomination",
  "appointment",
  "rule",
  "ruling",
  "judgment",
  "verdict",
  "response",
  "priorities",
  "agenda",
  "manifesto",
  "pleas?",
  "requests?",
  "complaints?",
  "accusations?",
  "warnings?",
];
