// Short forms of institutions that news writes without ever spelling them out in the same article: "the EU",
// "the Commons". Each joins the full name when the corpus has it. Kept small on purpose: forms that any
// English-language reader knows. Acronyms defined in the corpus ("Telephone Preference Service (TPS)") and
// acronyms matching the initials of one dominant organization are found without this list (08-entities).

export const SHORT_FORMS: Readonly<Record<string, string>> = {
  EU: "European Union",
  UN: "United Nations",
  Commons: "House of Commons",
  Lords: "House of Lords",
  NHS: "National Health Service",
  IMF: "International Monetary Fund",
  WTO: "World Trade Organization",
  Fed: "Federal Reserve",
};
