// The stance constructions: each kind of sentence that states who supports or opposes whom, and what cancels it.
import { describe, expect, it } from "vitest";

import { findsEach, findsNothingIn, stances, triples } from "./stance-rows.js";

describe("stances that must be found", () => {
  findsEach([
    // active voice, possessive target: the owner of the comments is the target
    [
      "Italian Defense Minister Guido Crosetto criticized Macron's comments for potentially escalating tensions.",
      ["Guido Crosetto -oppose-> Macron"],
    ],
    // infinitive / clause object
    [
      "Ukrainian President Volodymyr Zelenskyy ruled out the United Nations deploying peacekeeping forces after the war.",
      ["Volodymyr Zelenskyy -oppose-> United Nations"],
    ],
    ["Prime Minister Tony Blair ruled out the World Bank taking part in the talks.", ["Tony Blair -oppose-> World Bank"]],
    // passive
    ["Chancellor Olaf Scholz presented a plan. Scholz's plan was rejected by Poland.", ["Poland -oppose-> Olaf Scholz"]],
    // nominal, with a list of holders against the proposal's owner
    [
      "In late February 2024, President Emmanuel Macron floated the possibility, which was quickly met with skepticism and outright rejection by several countries, including Slovakia, Poland and Spain.",
      ["Poland -oppose-> Emmanuel Macron", "Slovakia -oppose-> Emmanuel Macron", "Spain -oppose-> Emmanuel Macron"],
    ],
    ["Prime Minister Donald Tusk's proposal drew criticism from Berlin.", ["Germany -oppose-> Donald Tusk"]],
    // support cues
    ["Green MEP Caroline Lucas welcomed Tony Blair's decision on holding a referendum.", ["Caroline Lucas -support-> Tony Blair"]],
    ["The United Kingdom has backed Chancellor Gordon Brown's report.", ["United Kingdom -support-> Gordon Brown"]],
    // refusal flips support to opposition
    ["Senator John Kerry refused to back President George Bush on the war.", ["John Kerry -oppose-> George Bush"]],
    // pronoun subject resolved to the last person subject
    [
      "President Volodymyr Zelenskyy spoke in Munich. He warned that Russia is exploiting these resources.",
      ["Volodymyr Zelenskyy -oppose-> Russia"],
    ],
    // role subject resolved to the person last described that way
    [
      "French President Emmanuel Macron arrived on Monday. The French leader criticised Russia for the attacks.",
      ["Emmanuel Macron -oppose-> Russia"],
    ],
  ]);
});

describe("negation cancels", () => {
  findsNothingIn([
    ["Prime Minister Donald Tusk did not support Emmanuel Macron on the plan."],
    ["Chancellor Olaf Scholz no longer opposes Poland on the issue."],
    ["Prime Minister Donald Tusk refused to criticise President Emmanuel Macron."],
  ]);
});

describe("hoped-for and reported stances are less sure than stated ones", () => {
  it("'expressed his hope that Trump would side with Kiev' is a low-confidence support", () => {
    const hoped = stances(
      "President Volodymyr Zelensky expressed his hope that US President Donald Trump would side with Kiev and help Ukraine.",
    );
    const stated = stances("US President Donald Trump sided with Kiev on Monday.");
    expect(hoped.map((s) => s.triple)).toEqual(["Donald Trump -support-> Ukraine"]);
    expect(stated.map((s) => s.triple)).toEqual(["Donald Trump -support-> Ukraine"]);
    expect(hoped[0]!.confidence).toBeLessThan(stated[0]!.confidence);
  });
});

describe("more cue shapes, each from a kind of sentence the BBC labels showed", () => {
  findsEach([
    // any possessed thing after a verb of judgement stands for its owner
    ["Aid charity Actionaid criticised Chancellor Gordon Brown's preoccupation with a vaccine.", ["Actionaid -oppose-> Gordon Brown"]],
    // a lower-case title in front of the target
    [
      "Chancellor Alistair Darling accused shadow chancellor George Osborne of planning secret cuts.",
      ["Alistair Darling -oppose-> George Osborne"],
    ],
    // "agreed with" is support
    ["Tory peer Lord Norman Tebbit said he agreed with Liam Fox's view.", ["Norman Tebbit -support-> Liam Fox"]],
  ]);

  findsNothingIn([
    // a party name in front of a title is not a person
    ["The Tory co-chairman attacked the plan."],
  ]);
});

describe("lists of holders, possessive pronouns, and owners that are not targets", () => {
  it("gives every holder of a list and reads 'his policies' as the last subject's", () => {
    expect(
      triples(
        "Liberal Democrat leader Charles Kennedy spoke on Monday. The Labour Party and the Conservative Party have attacked his policies as unworkable.",
      ),
    ).toEqual(["Conservative Party -oppose-> Charles Kennedy", "Labour Party -oppose-> Charles Kennedy"]);
  });

  findsNothingIn([
    ["GLG and Elliott have opposed the Deutsche Borse bid for months."],
    ["The head of Lloyd's of London has criticised Britain's financial watchdog."],
  ]);
});

describe("demands and names the recogniser found only once", () => {
  findsEach([
    [
      "Prime Minister Gordon Brown has urged London mayor Boris Johnson to apologise for his remarks.",
      ["Gordon Brown -oppose-> Boris Johnson"],
    ],
    // "praised Lord Carlile's \"careful judgement\"": a quote may open what is owned
    ['Helena Kennedy, chair of the British Council, praised Lord Carlile\'s "careful judgement".', ["Helena Kennedy -support-> Carlile"]],
  ]);

  it("an urge that is not a demand to go or apologise is no stance", () => {
    expect(triples("Washington has urged European allies such as France to take the lead.")).toEqual([]);
  });
});

describe("adjectives and attributive nouns", () => {
  findsEach([
    ["Film maker Michael Moore was highly critical of President George Bush.", ["Michael Moore -oppose-> George Bush"]],
    ["Washington promised more US support for NATO in the dispute.", ["United States -support-> NATO"]],
  ]);

  it("'was not critical of' gives nothing", () => {
    expect(triples("Film maker Michael Moore was not critical of President George Bush.")).toEqual([]);
  });
});

describe("supporters, critics and allies", () => {
  findsEach([
    [
      "The US, the biggest of the IMF's shareholders, is a strong supporter of further financial support for Egypt.",
      ["United States -support-> Egypt"],
    ],
    ["President George Bush spoke. Sean Penn was an outspoken Bush critic during the war.", ["Sean Penn -oppose-> George Bush"]],
    ["Senator John McCain, a longtime critic of Donald Rumsfeld, spoke on Sunday.", ["John McCain -oppose-> Donald Rumsfeld"]],
    ["Blair ally Alan Milburn said the party was united.", ["Alan Milburn -support-> Blair"]],
    // a critic of US support for Israel is against that support, not against the US
    ["Senator John McCain is a critic of US support for Israel.", ["United States -support-> Israel"]],
  ]);

  findsNothingIn([
    ["Peter Hain was not a critic of Tony Blair."],
    // "a welcome boost": welcome after an article is not a verb
    ["Gordon Brown called it a welcome boost for Labour."],
  ]);
});

describe("parties, and a speaker who goes on to take a stance", () => {
  findsEach([
    [
      "Gordon Brown said Labour would publish costed proposals in May and attacked the Tory plans.",
      ["Gordon Brown -oppose-> Conservative Party"],
    ],
    [
      "Labour MPs have openly criticised Gordon Brown and Alistair Darling.",
      ["Labour Party -oppose-> Alistair Darling", "Labour Party -oppose-> Gordon Brown"],
    ],
    [
      "The Tories and the Lib Dems attacked Labour's record.",
      ["Conservative Party -oppose-> Labour Party", "Liberal Democrats -oppose-> Labour Party"],
    ],
  ]);

  findsNothingIn([
    // the "and" belongs to the reported clause, whose own verb is a cue
    ["Tony Blair said Gordon Brown had criticised the plan and attacked the Tory plans."],
    // an unknown "prime minister" becomes the subject: the next "he" is not the home secretary
    [
      "Home Secretary John Reid spoke first. The prime minister on Tuesday said the system would be reviewed. But he rejected the Tories' demand for a cap.",
    ],
    // "Conservative" opening a sentence is an adjective
    ["Conservative estimates put the cost at £2bn, Gordon Brown said."],
  ]);
});

describe("passives: who owns what was rejected, and who acts for whom", () => {
  findsEach([
    // the offer's owner is the target across "for the US assets"; "Bertelsmann's board" speaks for Bertelsmann
    ["Bertelsmann said Mr Rees' offer for the US assets was rejected by Bertelsmann's board last week.", ["Bertelsmann -oppose-> Rees"]],
    ["HSBC is involved since it is itself being sued by Gazprom.", ["Gazprom -oppose-> HSBC"]],
  ]);

  findsNothingIn([
    // a commercial endorsement of products is not a stance towards the company
    ['Adidas, whose boots are endorsed by David Beckham among other players, said "sales remain strong".'],
    // "the US assets" were rejected, not the US
    ["The offer for the US assets was firmly rejected by Bertelsmann."],
  ]);
});

describe("denials are stances only towards what someone said", () => {
  findsEach([
    ["Kyiv has denied Putin's allegation.", ["Ukraine -oppose-> Putin"]],
    // the denier against whoever made the claim (seed 002)
    [
      "U.S. President Donald Trump said Dec. 29 that Russian President Vladimir Putin told him Ukraine had tried to attack Putin's residence, an allegation Kyiv has denied.",
      ["Ukraine -oppose-> Vladimir Putin"],
    ],
    [
      "Mr Howard accused the Labour Party of lying over the war, a charge Labour denies.",
      ["Howard -oppose-> Labour Party", "Labour Party -oppose-> Howard"],
    ],
    [
      "Shadow foreign secretary William Hague told MPs the dossier was misleading. His claims were denied by Foreign Secretary David Miliband.",
      ["David Miliband -oppose-> William Hague"],
    ],
  ]);

  findsNothingIn([
    ["Chancellor Gordon Brown denied Tony Blair had been told."],
    // nobody named made the claim
    ["Prices rose in Germany last year, a claim Gazprom has denied."],
    ["The US denied Iran access to the talks."],
    ["Iran was denied by the United States."],
  ]);
});

describe("targets named in apposition or after a counted group", () => {
  findsEach([
    [
      "The head of the Baltic Exchange, the shipping market, has criticised Britain's financial regulator, the Financial Services Authority.",
      ["Baltic Exchange -oppose-> Financial Services Authority"],
    ],
    [
      "Norwegian oil firm Statoil is suing four companies - Lukoil, its unit Litasco, Sibneft and a trading firm - for their role in the auction.",
      ["Statoil -oppose-> Litasco", "Statoil -oppose-> Lukoil", "Statoil -oppose-> Sibneft"],
    ],
    ["Supermodel Claudia Schiffer was supporting her director husband Matthew Vaughn.", ["Claudia Schiffer -support-> Matthew Vaughn"]],
  ]);

  findsNothingIn([
    // a country's institution without its name is not the country
    ["Lloyd's of London has criticised Britain's financial watchdog for its rules."],
    // "criticised Mr Blair's spokesman, who ..." names nobody new in apposition
    ["Michael Howard criticised Mr Blair's spokesman, who had said nothing."],
  ]);
});

describe("governments, company names and holders that are someone else", () => {
  findsEach([
    ["The biggest shareholders are the German government (12%) , who also support Mr Enders.", ["Germany -support-> Enders"]],
    [
      "Danish brewer Carlsberg has rejected a takeover offer worth 5.2bn Danish kroner ($0.9bn; £0.5bn) from drinks giant Seagram's Group.",
      ["Carlsberg -oppose-> Seagram's Group"],
    ],
  ]);

  findsNothingIn([
    // the owner of Norilsk sued, not Norilsk
    ["The majority owner of struggling Russian metals group Norilsk has sued the Russian government for $12bn."],
    // Ericsson backs it, not Sweden
    ["The Japanese and Ericsson of Sweden are backing Nokia."],
  ]);
});

describe("owners after 'of', and holders followed by an adverb", () => {
  it("'accusing the government of lying about the Iraq war' does not make the war an owner", () => {
    expect(
      triples("The Respect Party put up a poster near the Houses of Parliament accusing the government of lying about the Iraq war."),
    ).toEqual([]);
  });
  it("'received praise from Andy Robinson afterwards' is Robinson's praise", () => {
    expect(triples("Coach Andy Robinson watched. Mark Tait received praise from Andy Robinson afterwards.")).toEqual([
      "Andy Robinson -support-> Mark Tait",
    ]);
  });
});

describe("passives with a time adverbial or a titled holder, and owners after a bare plural (rows modelled on the train and unlabelled sets)", () => {
  findsEach([
    // a short time adverbial between the participle and "by"
    ["The EU's plan was welcomed at the time by Madrid, which called it a fair compromise.", ["Spain -support-> EU"]],
    ["Mr Hanley was criticised on Sunday by Labour for the remark.", ["Labour Party -oppose-> Hanley"]],
    // after "by", a name qualifying a person's title stands for the person
    [
      "Smith, who turned 30 last week, was praised by Microsoft director of research Dean Richards as the best in Europe.",
      ["Dean Richards -support-> Smith"],
    ],
    // lower-case title words on both sides of a qualifier belong to the title
    ["Jones was criticised by former Olympic champion Carl Lewis for pulling out.", ["Carl Lewis -oppose-> Jones"]],
    // the owner after a bare plural, and after a sum of money with a bracket
    ["Chairman Tom Harris has rejected proposals from Microsoft over a swap deal.", ["Tom Harris -oppose-> Microsoft"]],
    [
      "Aberdeen chairman Tom Harris rejected a £2.1bn ($3.9bn) takeover offer from Microsoft last week.",
      ["Tom Harris -oppose-> Microsoft"],
    ],
  ]);
  findsNothingIn([
    // "defending champion" is a title, not a cue before the name
    ["Maria Kirilenko beat defending champion Serena Williams in straight sets in Tokyo."],
    // not across a "that" clause or a second "of" to an owner
    ["Michael Howard dismissed claims that his tax plan borrowed heavily from ideas of the Green Party."],
    ["Tony Blair rejected calls for a public inquiry into the conduct of the Kosovo war."],
    // the passive's holder after "by" goes on to name something else
    ["The plan was rejected at the time by Leicester fans who wanted more."],
  ]);
});

describe("campaigning and manoeuvring against someone, and an apposition after a list", () => {
  findsEach([
    ["Labour activists campaigned against Tony Blair in the leadership race.", ["Labour Party -oppose-> Tony Blair"]],
    ["Gordon Brown was said to be manoeuvring against Tony Blair.", ["Gordon Brown -oppose-> Tony Blair"]],
    // "the company" after a bare comma is an apposition, not a second target (it would read as Microsoft)
    [
      "Microsoft makes software. The Electronic Frontier Foundation is defending Google, the company behind the search engine.",
      ["Electronic Frontier Foundation -support-> Google"],
    ],
  ]);
  findsNothingIn([
    // a greeting, not support
    ["Michael Howard spoke after mockingly welcoming Gordon Brown back to the campaign trail."],
    // "campaign" as a noun
    ["Second seed Tim Henman will open his campaign against Roger Federer on Monday."],
  ]);
});

describe("agreeing with someone's view is support; agreeing with someone to do something is an arrangement", () => {
  findsEach([["Mr Hale said he agreed with Dr Rossi's view on the case.", ["Hale -support-> Rossi"]]]);
  findsNothingIn([
    ["Mr Hale said he had agreed with Italian finance minister Marco Rossi to push ahead with joint research."],
    ["First Minister Anne Ross said she had agreed with Ms Kerr in 2003 that she would step aside."],
  ]);
});

describe("replies and scorn: hitting back at, lashing out at, deriding, ridiculing, mocking", () => {
  findsEach([
    ["Peter Hale hit back at Anna Berg's claims on the budget.", ["Peter Hale -oppose-> Anna Berg"]],
    ["Mr Hale lashed out at Microsoft's pricing policy on Tuesday.", ["Hale -oppose-> Microsoft"]],
    ["Anna Berg took a swipe at Tony Blair's plans for the railways.", ["Anna Berg -oppose-> Tony Blair"]],
    ["The chief executive, Mark Dole, poured scorn on Google's offer.", ["Mark Dole -oppose-> Google"]],
    ["Anna Berg derided Peter Hale's proposals as a fantasy.", ["Anna Berg -oppose-> Peter Hale"]],
    ["Tony Blair ridiculed the claims made by Michael Howard on Monday.", ["Tony Blair -oppose-> Michael Howard"]],
    ["Introducing the band, Anna Berg mocked Peter Hale as the king of the slow song.", ["Anna Berg -oppose-> Peter Hale"]],
  ]);
  findsNothingIn([
    // a physical return of a blow, and an exam that only imitates one
    ["Peter Hale hit back against the wind before Anna Berg finished the race."],
    ["Anna Berg sat a mock exam set by Peter Hale in June."],
    // scorn poured on a thing no one named owns
    ["Critics poured scorn on the weather in Glenmoor, Peter Hale said."],
  ]);
});
