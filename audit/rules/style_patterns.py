"""Every regex of the style rules (audit/rules/style.py, audit/rules/claims.py), compiled and named.

Each pattern has an example in tests/test_rules_style.py or tests/test_rules_claims.py.
"""

from __future__ import annotations

import re

from audit.dates import ENGLISH_ABBREVIATIONS, MONTH_NAMES

# --- bibliography order and names ----------------------------------------------------------------

# Characters and markup that never count for sorting: quotes, emphasis, brackets ("*Le Temps*", "“The …”")
SORT_LEAD = re.compile(r"^[\s\"“”«»„‘’'*_(\[]+")
# Elided articles glued to the next word: "L'Asie", "l’ordre", "d'Europe" (sort_key only drops spaced ones)
ELIDED_ARTICLE = re.compile(r"^(?:l|d)['’](?=\w)", re.IGNORECASE)
# The end of the name part of an entry: a quoted or emphasised title, a role in brackets, an URL
NAMES_END = re.compile(r"[\"“«„‘*<]|\((?:eds?|dir|hg|hrsg|comp|coord|rapporteurs?|trans)\b|\bet al\b", re.IGNORECASE)
# One initial ("E.", "Yu.", "F.P.", "J.-P.")
INITIAL_TOKEN = re.compile(r"^(?!(?:Jr|Sr|St|Dr|Mr|Ms|Mme|Mlle)\.)(?:[A-ZÀ-ÞĀ-Ž](?:[a-z]|h)?\.-?)+$")
# A capitalised name word: "Délétroz", "McDermott", "Pérez-Higueras", "O'Brien"
NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÞĀ-Ž]['’])?[A-ZÀ-ÞĀ-Ž][a-zà-ÿā-ž]+(?:[A-ZÀ-ÞĀ-Ž][a-zà-ÿā-ž]+)*"
                       r"(?:[-'’][A-ZÀ-ÞĀ-Ža-zà-ÿā-ž][a-zà-ÿā-ž]*)*$")
# Lower-case particles that belong to a surname: "de la Fontaine", "van der Berg", "al-Rashid"
PARTICLE = re.compile(r"^(?:de|del|della|der|den|di|da|du|des|la|le|van|von|vom|zu|y|al|el|bin|ibn|ter|ten)$")
# Punctuation slips inside the names: two spaces, a space before a comma, a comma glued to the next word
DOUBLE_SPACE = re.compile(r"\S( {2,}|\t+)\S")
SPACE_BEFORE_COMMA = re.compile(r"\w\s+,")
COMMA_WITHOUT_SPACE = re.compile(r"[a-zà-ÿ.],(?=[A-ZÀ-Þ])")
# Name connectors between co-authors
NAME_CONNECTOR = re.compile(r"\s*,?\s+(?:and|&|et|und|y)\s+|\s*&\s*")
SPACES = re.compile(r"\s+")

# --- style conventions ---------------------------------------------------------------------------

# English names and dotted abbreviations only, capitalised as English writes them ("Sept." but not "May.")
_SHORT_MONTHS = [rf"{short}\." for shorts in ENGLISH_ABBREVIATIONS for short in shorts if short not in MONTH_NAMES]
_MONTHS = "(?:" + "|".join([*MONTH_NAMES, *_SHORT_MONTHS]) + ")"
# "29 June 2010", "1er juin" is not English: only English month names are compared
DATE_DMY = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\s+(?:1[5-9]|20)\d\d\b")
# "June 29, 2010"
DATE_MDY = re.compile(rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,\s+(?:1[5-9]|20)\d\d\b")
# "2010-06-29"
DATE_ISO = re.compile(r"\b(?:1[5-9]|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b")
# "29/06/2010", "29.06.2010"
DATE_NUMERIC = re.compile(r"(?<![\d/.])(?:0?[1-9]|[12]\d|3[01])([/.])(?:0?[1-9]|1[0-2])\1(?:1[5-9]|20)\d\d\b")
# "p. 23-24" / "pp. 23–24" / "pp. 5": the label, the pages, and whether they are a range
PAGE_REFERENCE = re.compile(r"(?<![\w.])(?P<label>pp?\.)\s?(?P<first>\d+)(?:\s?(?P<dash>[-–—])\s?(?P<last>\d+))?"
                            r"(?![\d/\-–—])(?!\s?ff?\b|\s?f\.|,\s?\d|\s(?:and|&)\s\d)")
# Double-quoted titles: “curly” or "straight" (single quotes are for quotes inside titles)
CURLY_QUOTED = re.compile(r"“[^”\"]{3,}”")
STRAIGHT_QUOTED = re.compile(r"(?<![\w\"])\"[^\"“”\n]{3,}\"")
# "op. cit." and "op.cit." (spacing only; case and emphasis are not compared)
OP_CIT_FORM = re.compile(r"\bop\.(?P<space>\s?)cit\b\.?", re.IGNORECASE)
# "Ibid." at the start of a citation, emphasised or not: "*Ibid.*", "_Ibid._", "Ibid."
IBID_FORM = re.compile(r"(?:^|(?<=[;.]\s))(?P<open>[*_]?)(?P<word>ibid\.?)(?P<close>[*_]?)", re.IGNORECASE)
# "(ed.)" / "(eds.)" / ", eds.," after a list of names; the names before it are read in code
# (a bare "ed." must be followed by punctuation or a title mark: "Title, ed. John Smith" is "edited by")
EDITOR_MARK = re.compile(r"\((?P<paren>eds?)\.?\)|,\s(?P<bare>eds?)\.(?=\s*(?:[,;*\"“(]|$))")
# Where the names before an editor mark start: after a closing quote or bracket, or "in"
EDITOR_NAMES_START = re.compile(r".*(?:[\"“”»]|\),|\bin\b)", re.DOTALL)
# Several people in one name list: "A and B", "A, B and C", "A & B", "A et al."
SEVERAL_NAMES = re.compile(r"\s(?:and|&|et|und)\s|\bet al\b", re.IGNORECASE)

# --- unsupported claims --------------------------------------------------------------------------

_NUMBER = r"\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_WORD_NUMBER = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
                r"fifty|sixty|seventy|eighty|ninety|a hundred|hundreds of|several|a few|tens of)")
# "93 per cent", "46%", "2,461 percent", "ten per cent"
PERCENT = re.compile(rf"(?:{_NUMBER})\s?(?:%|per\s?cent\b|percent\b|pour\s?cent\b|prozent\b)"
                     rf"|\b{_WORD_NUMBER}\s(?:per\s?cent|percent)\b", re.IGNORECASE)
# "$5 million", "€20", "60 billion US dollars", "USD 3.2 billion"
CURRENCY = re.compile(rf"(?:[$€£¥]\s?(?:{_NUMBER})|\b(?:US\$|USD|EUR|GBP)\s?(?:{_NUMBER})"
                      rf"|(?:{_NUMBER}|{_WORD_NUMBER})\s+"
                      r"(?:(?:million|billion|trillion|thousand)\s+)?(?:US\s+|U\.S\.\s+)?"
                      r"(?:dollars|euros?|pounds sterling|USD|EUR|yuan|roubles|rubles)\b)", re.IGNORECASE)
# Words one of which every CURRENCY, PERCENT or SCALE match holds: a cheap search that spares the full pattern,
# which tries a number at every position, on the many sentences without any (a thesis: a third of the audit)
CURRENCY_HINT = re.compile(r"[$€£¥]|usd|eur|gbp|dollars|pounds sterling|yuan|roubles|rubles", re.IGNORECASE)
PERCENT_HINT = re.compile(r"%|cent|prozent", re.IGNORECASE)
SCALE_HINT = re.compile(r"illion|bn\b", re.IGNORECASE)
# "3 million", "one billion", "tens of millions"
SCALE = re.compile(rf"\b(?:{_NUMBER}|{_WORD_NUMBER})\s+(?:million|billion|trillion|bn)\b"
                   r"|\b(?:millions|billions)\s+of\b", re.IGNORECASE)
# "7000 km", "3,688 kilos", "110 tons", "12 hectares"
MEASURE = re.compile(rf"(?:{_NUMBER})\s?(?:km|kilomet(?:re|er)s?|miles|kg|kilos?|kilograms?|tons?|tonnes?|hectares|ha|"
                     r"litres|liters|barrels|sq\.?\s?km|km2|km²|metric tons)\b", re.IGNORECASE)
# "an estimated 3,600", "approximately 200", "more than 1,000", "some 40,000" (small numbers and years are
# left out in code: "some 20 years" and "around 2003" are not statistics)
ESTIMATE = re.compile(rf"\b(?:an estimated|estimated at|approximately|roughly|nearly|almost|more than|"
                      rf"fewer than|less than|at least|up to|some|about|around)\s+(?P<num>{_NUMBER})\b(?!\s?%)",
                      re.IGNORECASE)
# "3,600", "100,000": thousands separators are never years, section or note numbers
THOUSANDS = re.compile(r"(?<![\d.,/])\d{1,3}(?:,\d{3})+(?![\d/])")
# "doubled", "tripled", "halved", "tenfold", "a 3-fold increase", "three times higher"
CHANGE = re.compile(r"\b(?:doubled|tripled|trebled|quadrupled|halved|(?:two|three|four|five|ten|hundred|\d+)-?fold|"
                    r"(?:two|three|four|ten) times (?:more|higher|larger|as many|as much))\b", re.IGNORECASE)
_NOT_YEAR = r"(?!(?:1[5-9]|20)\d\d\b)"
# "one in five", "21 member states out of the 27", "a third of", "two-thirds of", "three quarters of"
_SMALL = r"(?:one|two|three|four|five|six|seven|eight|nine|ten)"
RATIO = re.compile(rf"\b(?:{_NUMBER}|{_SMALL})\s+in\s+(?:every\s+)?{_NOT_YEAR}(?:{_NUMBER}|{_SMALL}|a hundred)\b"
                   rf"|\b(?:{_NUMBER}|{_SMALL})(?:\s+[a-z]+){{0,2}}?\s+out of\s+(?:the\s+)?{_NOT_YEAR}"
                   rf"(?:{_NUMBER}|{_SMALL}|a hundred)\b"
                   r"|\b(?:a|one|two|three)[-\s](?:thirds?|quarters?|fifths?|tenths?)\s+of\b", re.IGNORECASE)
# A year or year range standing alone: "2003", "1992-97", "2005-2012" (never a statistic)
YEARISH = re.compile(r"^(?:1[5-9]|20)\d\d$")
# Author-date citations in running text: "(Smith 2004)", "(Smith and Jones 2004, 12)", "(UNODC 2010: 5)"
AUTHOR_DATE = re.compile(r"\((?:see\s+|cf\.\s+)?[A-ZÀ-Þ][\w'’.\-]*(?:[\s,&]+(?:and\s+|et al\.\s*)?[A-ZÀ-Þ][\w'’.\-]*)*"
                         r",?\s+(?:1[5-9]|20)\d\d[a-z]?(?:[,:;][^)]{0,40})?\)")
# Numbered section titles: "3.1 *Drug-trafficking ...*", "4.2.1 The EU Drugs Strategy", "IV. Conclusions"
SECTION_TITLE = re.compile(r"^\s*(?:#{1,6}\s*)?(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,5}\.)\s+\S")
# Sentence ends: after . ! ? (and a closing quote or bracket), before a capital, quote or bracket
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]⁰¹²³⁴⁵⁶⁷⁸⁹\d]*\s+(?=[\"“‘(\[]?[A-ZÀ-Þ])")
# Abbreviations that end with a period inside a sentence ("e.g. 5", "St. Petersburg", "A. Smith")
ABBREVIATION_END = re.compile(r"(?:\b(?:e\.g|i\.e|etc|cf|vs|St|Mr|Mrs|Dr|Prof|no|nos|vol|pp?|ca|approx|Jan|Feb|Mar|"
                              r"Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|U\.S|U\.K|Inc|Ltd|Co)|\b[A-Z])\.[\"”’)]*$")
# A sentence-ending character at the end of a paragraph (page breaks cut paragraphs elsewhere)
PARAGRAPH_END = re.compile(r"[.!?:;\"”’)\]*⁰¹²³⁴⁵⁶⁷⁸⁹]\s*$")
# "Source: ..." inside a paragraph (a figure or table credit run into the text)
SOURCE_WORD = re.compile(r"(?:^|[\s(])(?:Sources?|Quelles?|Fuentes?|Data)\s?:", re.IGNORECASE)
# Sections that summarise or introduce and never carry notes: their figures are sourced in the body
SUMMARY_HEADING = re.compile(r"^(?:abstract|summary|executive summary|key (?:findings|points|messages)|"
                             r"about the authors?|about this (?:paper|report)|r[ée]sum[ée]|zusammenfassung|"
                             r"foreword|preface|acknowledge?ments)$", re.IGNORECASE)
# The number inside a figure, to recognise a figure restated from a sourced paragraph ("3,600")
FIGURE_NUMBER = re.compile(r"\d[\d,.\u00a0\u202f]*\d|\d")
# A list item's first line: "- text", "* text", "• text", "2. text", "b) text"
BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)]|[a-z][.)])\s+(?=\S)")
