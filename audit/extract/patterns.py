"""Every regular expression the extraction stages use, compiled and named, with an example each."""

from __future__ import annotations

import re

# --- note starts (at the beginning of a line) -------------------------------------------------
# "¹⁰ A. Warkotsch, ..."
NOTE_START_SUPERSCRIPT = re.compile(r"^[ \t]{0,3}(?P<num>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)[ \t]*(?=\S)")
# "[12] Smith, ..."
NOTE_START_BRACKET = re.compile(r"^[ \t]{0,3}\[(?P<num>\d{1,4})\][ \t]+(?=\S)")
# "^12 Smith, ..."
NOTE_START_CARET = re.compile(r"^[ \t]{0,3}\^(?P<num>\d{1,4})[.:]?[ \t]+(?=\S)")
# "<sup>12</sup> Smith, ..."
NOTE_START_SUPTAG = re.compile(r"^[ \t]{0,3}<sup>(?P<num>\d{1,4})</sup>[ \t]*(?=\S)")
# "12 Smith, ..." (PDF page-foot notes); no digit or slash next, so "09 / 2011" is not a note
NOTE_START_PLAIN = re.compile(r"^[ \t]{0,3}(?P<num>\d{1,3})[ \t]+(?=[^\W\d_]|[\"“‘'*(«\[])")
# "12. Smith, ..." or "12) Smith" (endnote sections)
NOTE_START_NUMBERED = re.compile(r"^[ \t]{0,3}(?P<num>\d{1,4})[.)]?[ \t]+(?=\S)")

# --- note markers in body text ----------------------------------------------------------------
# "region,¹⁰ and" ; not an exponent after a digit ("10⁶") or a unit ("km²")
MARKER_SUPERSCRIPT = re.compile(r"(?<![0-9⁰¹²³⁴⁵⁶⁷⁸⁹])(?<!\bkm)(?<!\bcm)(?<!\bmm)(?<!\bm)(?<!\bft)"
                                r"(?P<num>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
# "region.[12]"
MARKER_BRACKET = re.compile(r"\[(?P<num>\d{1,4})\]")
# "region.^12"
MARKER_CARET = re.compile(r"(?<!\[)\^(?P<num>\d{1,4})\b")
# "region.<sup>12</sup>"
MARKER_SUPTAG = re.compile(r"<sup>(?P<num>\d{1,4})</sup>")
# "influence.3 Then" (superscripts flattened by a PDF converter): digits glued to a word's end
# never a section number ("2.1", "A.1"), a decimal ("7.8", "0:5"), a dot leader ("....12"), a variable or
# an exponent of a one-letter symbol ("r2 =", "t1"), a second number ("F1,18") or a fraction ("p = .06")
MARKER_PLAIN = re.compile(r"(?<=[a-z.,;:”\"’)\]])(?<![0-9A-Z][.,:;])(?<!\.\.)(?<!\b[A-Za-z])(?<!\b[ckm]m)"
                          r"(?<![\s=<>(\[+−–-]\.)(?!0)(?P<num>\d{1,3})(?=[\s,;:)]|\.(?!\d)|$)")
# "Introduction ........ 12", "2.1  Background      17": a table-of-contents line (never a note or marker)
TOC_LINE = re.compile(r"(?:[ \t]{3,}|(?:[ \t]?[.…·_]){3,}[ \t]*)(?:[0-9]{1,4}|[ivxlcdm]{1,6})[ \t]*$", re.IGNORECASE)
# the gap between two cells of a table row as a PDF-to-text tool lays it out
TABLE_GAP = re.compile(r"\S[ \t]{3,}(?=\S)")
# "  12" alone on a line, the note's text on the lines below (a PDF-to-text layout of foot notes)
NOTE_NUMBER_ALONE = re.compile(r"^[ \t]*(?P<num>\d{1,3})[ \t]*$")

# --- Markdown footnotes ---------------------------------------------------------------------
# "[^12]: Smith, ..." / "[^note-a]: ..."
MD_FOOTNOTE_DEF = re.compile(r"^[ ]{0,3}\[\^(?P<label>[^\]\s]+)\]:[ \t]?(?P<text>.*)$")
# "text[^12] more"
MD_FOOTNOTE_REF = re.compile(r"\[\^(?P<label>[^\]\s]+)\](?!:)")
# "text^[an inline note] more"
MD_INLINE_NOTE_START = re.compile(r"\^\[")

# --- headings ---------------------------------------------------------------------------------
# "## 7. References", "**Bibliography**", "BIBLIOGRAPHIE", "Works cited:". Callers strip the trailing "**", ":"
# and spaces: a lazy title before an optional tail backtracked for a tenth of a second on a contents line
# padded with spaces ("Abstract      …      iv")
HEADING_DECORATION = re.compile(r"^\s*(?:#{1,6}\s*)?(?:\*\*|__|\*|_)?\s*"
                                r"(?:(?:[0-9]{1,2}|[IVXLC]{1,5}|[A-Z])(?:\.[0-9]{1,2})*[.)]?\s+)?"
                                r"(?P<title>.*)$")
BIBLIOGRAPHY_HEADING = re.compile(
    r"^(?:bibliography|select(?:ed)? bibliography|references?|reference list|list of references|"
    r"references and notes|works cited|works consulted|sources|sources and literature|literature|"
    r"literature cited|cited literature|further reading|"
    r"bibliographie|références|références bibliographiques|sources et bibliographie|ouvrages cités|"
    r"literatur|literaturverzeichnis|quellen|quellen und literatur|quellenverzeichnis|"
    r"bibliografía|referencias|referencias bibliográficas|obras citadas|fuentes|"
    r"bibliografia|riferimenti bibliografici|fonti|opere citate|referências)"
    # one of them joined to another word: "Literatur / Verweise", "References and further reading"
    r"(?:\s*(?:/|&|,|\bund\b|\band\b|\bet\b)\s*(?:further reading|(?:weitere |further )?"
    r"(?:verweise|quellen|literatur|sources|references|bibliography|notes|links|web ?sites|internet|"
    r"filmography|discography|datasets|data sources|documents|archives|archivalien)))?$",
    re.IGNORECASE)
ENDNOTES_HEADING = re.compile(r"^(?:notes|endnotes|end notes|notes and references|anmerkungen|"
                              r"endnoten|fußnoten|notas|note)$", re.IGNORECASE)
# Back matter after a bibliography: publisher lists, author notes, appendices.
BACK_MATTER_HEADING = re.compile(
    r"^(?:list of\b|about the authors?\b|about this\b|notes on contributors|(?:the )?authors?$|"
    r"biograph|appendi|annex|index$|acknowledg|other (?:papers|titles|publications)|"
    r"(?:recent|previous|forthcoming|also) (?:papers|titles|publications|in this series)|"
    r".*\bin this series$|series editors?|order online|imprint|colophon|"
    r"à propos de l'auteur|über den autor|über die autorin|sobre el autor|anhang|anexo|allegat)",
    re.IGNORECASE)

# --- references and their parts -------------------------------------------------------------
YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)")
NO_DATE = re.compile(r"\b(?:n\.\s?d\.|s\.\s?d\.|o\.\s?J\.|sans date|no date)", re.IGNORECASE)
URL_LIKE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
DOI_LIKE = re.compile(r"\b10\.\d{4,9}/\S+")
# "Smith, J." / "Délétroz Alain," / "Melvin, Neil J. and" at the start of a bibliography line
AUTHOR_START = re.compile(r"^(?:[A-ZÀ-ÞĀ-Ž][\w'’\-]+(?:\s(?:[A-ZÀ-Þ][\w'’\-]+|de|van|von|der|da|di|del|al-\w+))*,\s"
                          r"|[A-Z]\.\s?(?:[A-Z]\.\s?)*[A-ZÀ-Þ][\w'’\-]+,)")
# "———." / "---," / "___." repeated-author marks
REPEATED_AUTHOR = re.compile(r"^\s*(?:[—–\-_]{2,}|\u2e3a|\u2e3b)\s*[.,]?\s*")
# "- " / "* " / "• " list bullets in front of entries (Markdown and word-processor lists)
LIST_BULLET = re.compile(r"^\s*(?:[-*•▪◦‣]|–)\s+(?=\S)")
# "[12] " / "12. " list labels of numbered bibliographies
ENTRY_LABEL = re.compile(r"^\s*(?P<label>\[\d{1,4}\]|\d{1,4}\.)\s+")

# --- figure and table sources -----------------------------------------------------------------
# "Source: UNODC, 2008, p.12." / "Sources : INSEE" / "Quelle: Destatis"
SOURCE_LINE = re.compile(r"^\s*(?:[*_]{1,2})?(?P<label>Sources?|Quellen?|Fuentes?|Fonti|Fonte|Data source)"
                         r"\s*(?:[*_]{1,2})?\s*:\s*(?:[*_]{1,2})?\s*(?P<text>\S.*?)\s*$", re.IGNORECASE)

# --- citations inside notes -----------------------------------------------------------------
# "Ibid." / "*Ibid.*, p. 66" / "ibidem" / "Ib." / German "Ebd." / Spanish "Ibíd." / Italian "Ivi"
IBID = re.compile(r"^[\s*_]*(?:(?:see|vgl\.|voir|véase|cfr\.)\s+(?:also\s+)?)?(?:ibid(?:em)?|ib|ibíd|ebd|ebenda|ivi)"
                  r"\b\.?[*_]*", re.IGNORECASE)
# "Id." / "Id. at 15" / "*Id*. at 15" (legal; Word often leaves the period outside the italics);
# case-sensitive so the pronoun "id" in prose does not match
ID_FORM = re.compile(r"^[\s*_]*(?:See\s+)?[Ii]d[*_]*\.[*_]*(?=[\s,;]|$)")
# "op. cit." / "op.cit." / German "a. a. O." / French "art. cit." (for an article)
OP_CIT = re.compile(r"\bop\.?\s*cit\b\.?|\ba\.\s?a\.\s?O\.|\bart\.\s*cit\b\.?", re.IGNORECASE)
LOC_CIT = re.compile(r"\bloc\.?\s*cit\b\.?", re.IGNORECASE)
# "supra note 12" / "supra n. 12" / "supra, note 12"
SUPRA = re.compile(r"\bsupra\b[*_]*(?:,?\s*(?:note|n\.)\s*(?P<num>\d{1,4}))?", re.IGNORECASE)
INFRA = re.compile(r"\binfra\b[*_]*(?:,?\s*(?:note|n\.)\s*(?P<num>\d{1,4}))?", re.IGNORECASE)
# "see note 12" / "cf. n. 12 above" / "voir note 3" / "siehe Anm. 4"
CROSS_REF = re.compile(r"^(?:see|cf\.|compare|voir|vgl\.|siehe|véase|vedi)?\s*(?:above,?\s*|below,?\s*)?"
                       r"(?:note|notes|n\.|nn\.|Anm\.|nota)\s*(?P<num>\d{1,4})\b", re.IGNORECASE)
# Introductory signals stripped from a citation's start: "See also", "Cf.", "For more details, see", and the
# Bluebook's, italic or not: "*See generally*", "*But cf.*", "*Accord*"
SIGNAL = re.compile(r"^(?:[*_]*(?:for (?:more|further) (?:details|information)|on this(?: point)?|"
                    r"as (?:quoted|cited) in|quoted in|cited in|available at|see, e\.g\.|see, for example|"
                    r"see also|see generally|see|cf\.|compare|e\.g\.|but see|but cf\.|accord|contra|voir aussi|"
                    r"voir|vgl\.|siehe|véase|vedi)"
                    r"[,:]?[*_]*[,:]?\s+)+", re.IGNORECASE)
# Mid-sentence lead-ins to a citation: "... For more details, see Russian Federation, ..."
EMBEDDED_SIGNAL = re.compile(r"(?:^|[.;:]\s+|\s)(?P<signal>(?:for (?:more|further) (?:details|information),?\s+)?"
                             r"(?:see also|see|cf\.|available at|is available at)[:,]?)\s+(?=\S)",
                             re.IGNORECASE)
# Pinpoints at the end of a citation: "p. 84", "pp. 12-15", "at 12", "S. 12", "article 4"
PINPOINT = re.compile(r"(?:,|\s)\s*(?:(?:pp?|S|s|Bl)\.\s?|at\s|(?P<label>article|art\.|para\.|§|¶)\s?)"
                      r"(?P<pin>[0-9ivxlcIVXLC]+(?:\s?[-–—]\s?[0-9ivxlcIVXLC]+)?(?:\s?ff?\.)?)[*_]?\.?\s*$")
QUOTED_TITLE = re.compile(r"[\"“«„‘][^\"”»“‘’]{3,}[\"”»“’]")
ITALIC_TITLE = re.compile(r"(?<![*\w])[*_][^*_]{3,}[*_](?![*\w])")
# Sentence ends inside notes: ". " followed by a capital, unless the word before is an abbreviation
ABBREVIATION = re.compile(r"(?:\b(?:p|pp|vol|vols|no|nos|ed|eds|trans|chap|ch|art|para|n|nn|cf|e\.g|i\.e|"
                          r"al|op|cit|loc|ibid|id|ib|st|dr|mr|mrs|ms|prof|jr|sr|fig|repr|rev|ser|"
                          r"dept|univ|inc|ltd|co|corp|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
                          r"no|vs|viz|etc|approx|ca|c|S|Bd|Hrsg|Aufl|hg|éd|dir|coll|trad)"
                          r"|\b[A-Z]|\b[A-Z]\.[A-Z])\.$", re.IGNORECASE)
# Characters that open or close quotes, brackets or *italics*, or that separate citations and sentences
STRUCTURAL = re.compile(r'[“”«»„()\[\]"*.;,]')

# --- citations in the body text ---------------------------------------------------------------
_SURNAME = r"(?:(?:van|von|de|da|di|del|der|le|la|al-)\s?)?[A-ZÀ-ÞĀ-Ž][\w'’\-]+"
_NAMES = (rf"{_SURNAME}(?:(?:,\s*|\s*/\s*|\s+(?:and|&|und|et|y|e)\s+){_SURNAME})*(?:,?\s+et\s+al\.?)?")
_YEAR_SUFFIX = r"(?:1[5-9]\d\d|20\d\d)[a-z]?|n\.\s?d\."
_LOCATOR = r"(?:[,:]\s*(?:pp?\.\s*|S\.\s*)?(?P<pin>\d+(?:\s*[-–]\s*\d+)?))?"
# "(Smith 2004, 12)", "(see Smith and Jones, 2004: 3-4)" — one piece of a parenthesis split on ";"
AUTHOR_DATE_PIECE = re.compile(rf"^\s*(?:(?:see|see also|e\.g\.,?|cf\.|i\.e\.,?|vgl\.|voir)\s+)?"
                               rf"(?P<names>{_NAMES}),?\s+(?P<year>{_YEAR_SUFFIX}){_LOCATOR}\s*$", re.IGNORECASE)
# --- author-year citations inside notes ---------------------------------------------------------
# Names as notes write them: "Kirton / Koch", "Slaby/Urban", "Chaiken, Lieberman und Eagly", "Flynn et al."
_NOTE_NAMES = (rf"{_SURNAME}(?:(?:\s*/\s*|,\s*|\s+(?:and|&|und|et|y|e)\s+){_SURNAME})*(?:,?\s+et\s+al\.?)?")
# What may stand before a citation in a note: "Vgl.", "See also", "cf.", "so auch", "dazu"
NOTE_CITATION_CUE = re.compile(r"^(?:(?:vgl\.|vergleiche|siehe|s\.|see(?:\s+also)?|cf\.|compare|e\.\s?g\.,?|z\.\s?b\.|"
                               r"i\.\s?e\.,?|also|auch|dazu|hierzu|so|ebenso|etwa|u\.\s?a\.|for example|voir|"
                               r"insbesondere|besonders|ausführlich|grundlegend|exemplarisch|näher|bei|in)\s+)+",
                               re.IGNORECASE)
# A whole piece of a note that is one author-year citation: "Kirton / Koch (2008)", "Cooper / Fues (2005), S. 12",
# "Petty/Cacioppo 1986", "Eagly/Chaiken 1993: 305-325", "Smith 2004, p. 12"
NOTE_AUTHOR_YEAR = re.compile(rf"^(?P<names>{_NOTE_NAMES}),?\s+(?P<open>\()?(?P<year>{_YEAR_SUFFIX})"
                              rf"(?:[,:]\s*(?:pp?\.|S\.|p)?\s*(?P<pin>\d+(?:\s*[-–]\s*\d+)?)\s*(?:f{{1,2}}\.?)?)?"
                              rf"(?(open)\))(?:[,:]\s*(?:pp?\.|S\.)?\s*(?P<pin2>\d+(?:\s*[-–]\s*\d+)?)\s*"
                              rf"(?:f{{1,2}}\.?)?)?[\s.]*$")
# "… bei Petty/Cacioppo (1986, Kapitel 8) …" inside a sentence of a note
NOTE_AUTHOR_YEAR_NARRATIVE = re.compile(rf"(?P<names>{_NOTE_NAMES})\s+\((?P<year>{_YEAR_SUFFIX})"
                                        rf"(?:[,:]\s*(?:pp?\.|S\.)?\s*(?P<pin>\d+(?:\s*[-–]\s*\d+)?)?[^()]*)?\)")
# "Smith and Jones (2004, p. 3)" in running text
AUTHOR_DATE_NARRATIVE = re.compile(rf"(?P<names>{_NAMES})\s+\((?P<year>{_YEAR_SUFFIX}){_LOCATOR}\)")
PARENTHESIS = re.compile(r"\((?P<inner>[^()]{4,300})\)")
# "[3]", "[3, 5]", "[3-5, 8]" numeric references
NUMERIC_CITATION = re.compile(r"\[(?P<numbers>\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)\]")
# Capitalised words that precede a year without being names: "(June 2004)", "(In 2004)"
# (the months listed here, not audit.dates, which imports YEAR from here: "Mai", "Marzo" are also surnames)
NOT_A_NAME = re.compile(r"^(?:january|february|march|april|may|june|july|august|september|october|november|"
                        r"december|spring|summer|autumn|fall|winter|in|since|from|until|by|before|after|"
                        # months and seasons in German, French, Spanish, Italian: "(Februar 2000)" is a date.
                        # Not those that are common surnames too (Sommer, Herbst, Mai, Mayo, Mars, Abril).
                        r"januar|jänner|februar|märz|juni|juli|oktober|dezember|frühjahr|frühling|"
                        r"janvier|février|avril|juin|juillet|août|septembre|octobre|novembre|"
                        r"décembre|printemps|automne|hiver|enero|febrero|junio|julio|"
                        r"septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|"
                        r"luglio|settembre|ottobre|dicembre|"
                        r"between|during|the|around|circa|ca|c|early|late|mid|figure|fig|table|section|"
                        r"chapter|appendix|note|vol|no|art|article|act|law|decree)$", re.IGNORECASE)
# "14." / "118-19" as the last part of a Chicago short note ("Paramonov, Central Asia, 14.")
BARE_PAGE = re.compile(r"^(?P<pin>\d{1,4}(?:\s?[-–]\s?\d{1,4})?)\.?$")
# A name-like first part of a short note: "Paramonov", "Laruelle and Peyrouse", "Smith et al."
NAME_LIKE = re.compile(r"^(?:[A-ZÀ-ÞĀ-Ž][\w'’\-]+\.?\s?){1,4}(?:(?:and|&|et|und|y)\s+[A-ZÀ-Þ][\w'’\-]+)?"
                       r"(?:\s+et\s+al\.)?$")
# '"Border Markets," 215.': American style puts the comma inside the quotes, so the page follows the title
QUOTED_TITLE_THEN_PAGE = re.compile(r"^[\"“«].*[,.][\"”»]\s+(?P<pin>\d{1,4}(?:\s?[-–]\s?\d{1,4})?)\.?$")
# A sentence that continues a citation rather than starting one: "Berlin: Suhrkamp 2005, S. 12.",
# "In: H. Kraus (Hg.), …", "2005.", "Hg. von …" (German and APA styles end titles with a full stop)
CITATION_CONTINUES = re.compile(r"^(?:[A-ZÀ-ÞĀ-Ž][\w\-]+(?:[ /-][A-ZÀ-Þ][\w\-]+)?(?::\s*\S|\s+(?:1[5-9]|20)\d\d\b)|"
                                r"In:\s|(?:1[5-9]|20)\d\d\b|"
                                r"(?:Hg|Hrsg|Ed|Eds|éd|dir)\.)")
# "In: Werner Weidenfeld (Hrsg.): Jahrbuch …": a container never opens a citation of its own
CONTAINER_CONTINUES = re.compile(r"^(?:In|in|Dans|dans):\s")
# ... and one inside a note's text makes it a full reference: "Paul Luif, 2006: Österreich. In: Weidenfeld …"
CONTAINER_INSIDE = re.compile(r"[.,]\s+(?:In|in|Dans|dans):\s+\S")
# A sentence that only says where a cited work is online continues that citation: "Abrufbar unter: http://…",
# "Available at: …", "Retrieved from …", "Online: …", a bare address, "Accessed 3 May 2020."
ACCESS_CONTINUES = re.compile(r"^(?:(?:online\s+)?(?:abrufbar|verfügbar|erhältlich|zugänglich)"
                              r"\s+(?:unter|im\s+Internet)"
                              r"|available\s+(?:at|from|online|on)|retrieved\s+(?:from|on)|online\s*:|URL\s*:"
                              r"|disponible\s+(?:sur|en)|consultable\s+sur|zugriff|accessed|abgerufen|consulté"
                              r"|<?https?://|www\.)", re.I)
# "Hans Müller: Grenzen in Zentralasien" — a German-style author-colon-title opening
AUTHOR_COLON_TITLE = re.compile(r"^(?:(?:Vgl|See|Siehe)\.?\s+)?(?:[A-ZÀ-ÞĀ-Ž][\w'’\-]+,?\s){1,3}"
                                r"(?:[A-ZÀ-Þ][\w'’\-]+)?\s?(?:\((?:Hg|Hrsg|ed|eds)\.\))?:\s+\S")
# "Berlin: Suhrkamp 2005" / "London: Routledge, 2001" — place, colon, publisher and year of a book
PLACE_PUBLISHER_YEAR = re.compile(r"\b[A-ZÀ-ÞĀ-Ž][\w\-]+(?:[ /][A-ZÀ-Þ][\w\-]+)?:\s*[A-ZÀ-Þ][\w&.\- ]{1,60}?,?\s"
                                  r"(?:1[5-9]|20)\d\d\b")
