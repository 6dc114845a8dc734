// Sentences that must give no stance, or not the one a pattern would read: rows from audits of corpus stances.
import { describe } from "vitest";

import { findsEach, findsNothingIn } from "./stance-rows.js";

describe("what must give nothing", () => {
  findsNothingIn([
    // co-occurrence without a cue
    ["President Emmanuel Macron met Donald Trump and Volodymyr Zelenskyy in Paris."],
    // stance towards a non-entity only
    ["Senator John Kerry opposed the idea."],
    ["Polish Prime Minister Donald Tusk opposed the idea, leading to stalled negotiations."],
    // quoted or section headlines
    ["Kremlin Warns of NATO Conflict"],
    ["Macron's Proposal Meets Resistance From Poland And Germany"],
    // uncertainty
    ["But it remains unclear whether Mr Dempsey and Mr Collins would support a Carlyle bid."],
    // a country as a modifier, not as the holder
    ["A US woman is suing Hewlett Packard over printer cartridges."],
    // a physical attack on someone's property is not a stance towards them
    ["Ukraine had tried to attack Vladimir Putin's residence."],
  ]);
});

describe("false positives found by auditing stances on unlabelled articles", () => {
  findsNothingIn([
    // "the government" and "the club" are not whatever organization was named last
    ["Arsenal beat Chelsea on Sunday. Ashley Cole has hit out at the club's new pay offer."],
    ["The Department for Constitutional Affairs published figures. Shadow Secretary Oliver Heald accused the government of delay."],
    // "his" when other people are named before it may be anyone's
    ["Avi Cohen stepped down. Mr Levin will balance Mr Olmert and minister Shimon Peres, who also backed his appointment."],
    // cue words in other senses
    ["The referee Anders Frisk later dismissed Didier Drogba."],
    ["Thomas drops to the bench, while Cardiff back Rhys Williams steps up."],
    ["Graeme Souness tried to bring back Nolberto Solano in January."],
    ["Tama Umaga also backed New Zealand to win the series against the Lions."],
    ["A late goal from Gary Taylor condemned Rochdale to a fifth match without a win."],
    // holders that are someone else
    ["Several EU ministers are believed to support the plan tabled by Italy and Spain."],
    ["Harry Redknapp was subjected to criticism from Portsmouth fans last month."],
    ["Though I really like Jethro Tull, I have to disagree with Mr Anderson."],
    ["The movie was judged too American by a Paris court because it was partly backed by Universal Pictures."],
    // denied and reported stances
    ["But challenged on the remark, MEP Mike Nattrass denied accusing Germany of anything."],
    ["Arsene Wenger was furious at reports that he had been critical of Jose Mourinho."],
    // an article's title line
    ["Cardinal Cormac Murphy-O'Connor criticises Iraq war cost\n\nThe cardinal spoke on Sunday."],
  ]);

  findsEach([
    // the possessive that was wrongly read before still works where nobody else is named
    [
      "Chancellor Gordon Brown spoke. Labour and the Tories have attacked his tax plans.",
      ["Conservative Party -oppose-> Gordon Brown", "Labour Party -oppose-> Gordon Brown"],
    ],
    // an agency named after its country is the holder, not the country
    [
      "Balco was accused by the United States Olympic Committee of supplying the drugs.",
      ["United States Olympic Committee -oppose-> Balco"],
    ],
    // "Mr Mann" is a person
    ["Mr Evans sued Mr Mann in 2001.", ["Evans -oppose-> Mann"]],
    // a name in a person's title is not the holder: the person is
    ["The plan by Tony Blair has been backed by former Glenmoor Police Commissioner Sir Alan Pike.", ["Alan Pike -support-> Tony Blair"]],
  ]);
});
