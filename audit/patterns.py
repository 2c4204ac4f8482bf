"""Every regular expression citeaudit uses: compiled once, named, each with an example.

Modules import the names they need; no other module calls `re.compile`.
"""

from __future__ import annotations

import re

# --- reference parser (audit/parse) -------------------------------------------------------------

# "https://x.org/a?b=1", "<http://x.org>", "www.unodc.org/documents" (angle brackets not included)
URL = re.compile(r"<?((?:https?://|ftp://|www\.)[^\s<>]+[^\s<>.,;:)\]])>?")
# A URL broken at a line end after "/", ".", "-" or "_" (PDF text): "http://www. gesis.org/en/", "x.dk/ regnskab/a.htm"
URL_BROKEN = re.compile(r"(?:https?://|ftp://|www\.)\S*(?:[/._-]\s+(?!https?:|www\.)[A-Za-z][\w~%-]*[/.][\w~%?=&#-]\S*)+")
# "doi:10.1000/xyz123", "https://doi.org/10.1000/xyz", "10.1016/j.cell.2009.01.002"
DOI = re.compile(r"(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/[^\s\"<>]+[^\s\"<>.,;:)\]])", re.I)
# "ISBN 978-0-19-953556-9", "ISBN: 0-19-953556-X"
ISBN = re.compile(r"ISBN(?:-1[03])?:?\s*((?:97[89][- ]?)?\d{1,5}[- ]?\d{1,7}[- ]?\d{1,7}[- ]?[\dXx])")
# "retrieved on 7 September 2011", "accessed 3 May 2020", "consulté le 12 mars 2019", "abgerufen am 1.2.2020"
ACCESSED = re.compile(
    r"[\[(]?\b(?:(?:last\s+)?accessed(?:\s+on)?|retrieved(?:\s+on)?|consulted(?:\s+on)?|consult[ée]e?\s+le"
    r"|abgerufen\s+am|zugegriffen\s+am|consultado(?:\s+(?:el|en))?|consultato\s+il|visited(?:\s+on)?"
    r"|recuperado(?:\s+el)?)\s*:?\s+"
    r"((?:\d{1,2}(?:st|nd|rd|th)?\.?\s+)?[A-Za-zÀ-ÿ]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\.?\s+"
    r"(?:de\s+)?[A-Za-zÀ-ÿ]+\.?\s+(?:de\s+)?\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
    r"|[A-Za-zÀ-ÿ]+\s+\d{4})[\])]?",
    re.I,
)
# "Retrieved from", "Available at:", "Disponible sur", "Online:" just before a URL
URL_LEAD = re.compile(r"(?:,\s*|\.\s*|\s)(?:retrieved\s+from|available\s+(?:at|from|online)|online|"
                      r"disponible\s+(?:sur|en)|(?:verfügbar|abrufbar|online)\s+unter|URL)\s*:?\s*$", re.I)
# A year 1500-2099 as a date cue: "2010", "(2004a)", "2008/2009"
YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
# Vancouver's publication block: "2010;375(9):123-30", "2003 Mar 5;289(9):1107-16", "2011;12:45"
VANCOUVER_BLOCK = re.compile(
    r"(?<!\S)(?P<date>(?:1[5-9]\d\d|20\d\d)(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?)\s*;\s*(?P<volume>\d+[A-Z]?)"
    r"(?:\s*\((?P<issue>[\w-]+(?:\s+(?:Pt|Suppl)\s*\w+)?)\))?"
    r"(?:\s*:\s*(?P<pages>[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?))?"
    r"(?=[.,:\s]|$)[.:]?"
)
# A page range "249-281", "77–101", "pp. 12-15"
PAGE_RANGE = re.compile(r"^(?:pp?\.\s*|S\.\s*|pages?\s+)?([ivxlc\d]+\s*[-–—]\s*[ivxlc\d]+)$", re.I)
# A trailing pinpoint in a note: "p. 84", "pp. 12-15", "at 12", "S. 12", "article 4", "para. 3", "ch. 2"
PINPOINT = re.compile(
    r"(?:^|,\s*|\s)((?:pp?\.|S\.|at|article|art\.|para\.|paras\.|§|ch\.|chap\.|fol\.|col\.)\s*"
    r"([\divxlc]+(?:\s*[-–—]\s*[\divxlc]+)?(?:,\s*\d+(?:\s*[-–—]\s*\d+)?)*)(?:\s*(?:f{1,2}\.|et seq\.))?)"
    r"\s*\.?$",
    re.I,
)
# Chicago note: a bare page after the publication parenthesis, "(Moscow: Nauka, 2005), 12."
BARE_PINPOINT = re.compile(r"\)\s*[,:]\s*(\d+(?:\s*[-–]\s*\d+)?)\s*\.?$")
# A trailing bare page in a note: "Paramonov, Central Asia, 14." (not a year: "…, 2006.")
TRAILING_NUMBER = re.compile(r",\s*(\d{1,4}(?:\s*[-–]\s*\d{1,4})?)\s*\.?$")
# A case citation: "Miranda v. Arizona, 384 U.S. 436, 437 (1966)"
CASE_CITATION = re.compile(
    r"^(?P<title>[^,]+?\sv\.?\s[^,]+?),\s*(?P<volume>\d+)\s+(?P<reporter>[A-Z][A-Za-z0-9.' ]*?)\s+"
    r"(?P<page>\d+)(?:,\s*(?:at\s+)?(?P<pin>\d+(?:[-–]\d+)?))?\s*\((?P<court>[^)]*?)\s*(?P<year>\d{4})\)\.?$"
)
# Short forms that repeat an earlier citation: "Ibid.", "Id.", "Idem", "Ebd."
REPEAT_FORM = re.compile(r"^\*?(?:ibid\.?|ibidem|ib\.|id\.|idem|ebd\.|ebenda)\*?(?:,|\.|$)", re.I)
# "op. cit.", "*op.cit.*", "loc. cit."
OP_CIT = re.compile(r"^\*?(?:op|loc)\.\s?cit\.?\*?$", re.I)
# A stray role word left in a name list: "Sally N. Cummings, ed."
ROLE_WORD = re.compile(r"^(?:eds?\.?|editors?\.?|hrsg\.?|hg\.?|dir\.?|trans\.?|comp\.?)$", re.I)
# Markdown emphasis "*Title*" (also "_Title_")
EMPHASIS = re.compile(r"\*([^*]+)\*|(?<!\w)_([^_]+)_(?!\w)")
# "vol. 10", "Vol. 3", "Bd. 4", "t. 2", "volume 5"
# (the number starts with a digit or a Roman numeral: "Volkswagen" and "Bandura" are no volumes)
VOLUME = re.compile(r"^(?:vol(?:ume)?s?\.?|bd\.|tome|t\.|band|vols?\.)(?:\s+|(?<=\.)|(?=\d))"
                    r"(?=\d|[ivxlc]+\b)([\w./-]+)$", re.I)
# "no. 1", "No. 25", "n° 72", "nr. 3", "issue 4", "Heft 2", "núm. 5"
ISSUE = re.compile(r"^(?:no\.?|nos\.|n°|nº|nr\.?|num\.|núm\.|issue|heft|h\.)(?:\s+|(?<=[.°º])|(?=\d))"
                   r"(?=\d|[ivxlc]+\b)([\w./-]+)$", re.I)
# "10(3)", "12 (2)": volume with issue in parentheses
VOLUME_ISSUE = re.compile(r"^(\d+[A-Za-z]?)\s*\(([^)]+)\)$")
# "(ed.)", "(eds.)", "(Hrsg.)", "(dir.)", "(a cura di)", "(coord.)", "(rapporteurs)"
EDITOR_MARK = re.compile(
    r"\s*[(\[]\s*(?:eds?\.?|editors?\.?|hrsg\.?|hg\.?|dir\.?|dirs\.?|coord\.?|a\s+cura\s+di|comp\.?)"
    r"\s*[)\]]\.?\s*$",
    re.I,
)
# "in X (ed.)", "In:", "dans", "en", "in:"
IN_LEAD = re.compile(r"^(?:in|dans|en|im)\s*:?\s+", re.I)
# Typographic and straight quotes around a title: “…”, "…", «…», „…“
QUOTED = re.compile(r"[“\"«„]\s*([^“”\"«»„]+?)\s*[”\"»“]")
# Months (en, fr, de, it, es) and seasons, used as date cues
# (not audit.dates: a CRF feature; changing what it matches would change the features model.crfsuite learnt)
MONTH = re.compile(
    r"^(?:jan(?:uary|vier|uar|naio)?|feb(?:ruary|ruar|braio)?|f[ée]v(?:rier)?|mar(?:ch|s|z|zo)?|märz|apr(?:il|ile)?"
    r"|avr(?:il)?|abr(?:il)?|may|mai|mayo|maggio|jun(?:e|i|io)?|juin|giugno|jul(?:y|i|io)?|juil(?:let)?|luglio"
    r"|aug(?:ust)?|ao[uû]t|ago(?:sto)?|sep(?:t(?:ember)?)?|sept(?:embre)?|settembre|septiembre|oct(?:ober|obre)?"
    r"|okt(?:ober)?|ottobre|octubre|nov(?:ember|embre)?|dec(?:ember)?|d[ée]c(?:embre)?|dez(?:ember)?|dicembre"
    r"|diciembre|enero|febrero|marzo|junio|julio|gennaio|spring|summer|autumn|fall|winter|hiver|printemps|[ée]t[ée]"
    r"|automne|frühjahr|sommer|herbst)\.?,?$",
    re.I,
)
# Signals at the start of a note citation: "See", "See also", "Cf.", "Vgl.", "Voir"
SIGNAL = re.compile(r"^(?:see\s+also|see,?\s+e\.g\.,?|see|cf\.|compare|vgl\.(?:\s+(?:auch|dazu|etwa|ferner))?|"
                    r"voir(?:\s+aussi)?|siehe(?:\s+auch)?|cfr\.(?:\s+anche)?|si\s+veda|"
                    r"véase|vedi|for\s+more\s+details,?\s+see)\s*:?\s+", re.I)
# Citation number at the start of a bibliography entry: "[3]", "12.", "(4)"
CITATION_NUMBER = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}\.(?=\s+\D))\s*")
# Author-date year right after the names: "Smith, J. (2004)." / "Smith J 2004."
AUTHOR_DATE = re.compile(r"^[^\"“(]{2,200}?\(\s*(?:1[5-9]\d\d|20\d\d|n\.\s?d\.)[a-z]?\s*\)")
# Separators at quote/bracket depth 0 (the split itself is done by a scanner in parse/segments.py)
TRAILING_PUNCT = re.compile(r"[\s,.;:]+$")
LEADING_PUNCT = re.compile(r"^[\s,.;:]+")
# A token made of digits only, or roman numerals
DIGITS = re.compile(r"^\d+$")
ROMAN = re.compile(r"^(?=[ivxlcdm]+$)m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$", re.I)
# Name-list separators: " and ", " & ", " et ", " und ", " y ", " e "
NAME_AND = re.compile(r"\s*,?\s+(?:and|&|et|und|y|e)\s+|\s*&\s*")
# Initials "D.", "E.B.", "N.J.", "Yu."
INITIALS = re.compile(r"^(?:[A-ZÀ-Ý][a-z]?\.-?)+$")
# Corporate-author cues: these words never occur inside a person's name
CORPORATE = re.compile(
    r"\b(?:Office|Ministry|Committee|Commission|Council|Nations|Union|Organi[sz]ation|Institute|Centre|Center|"
    r"Group|Programme|Program|Agency|Bank|Fund|House|Federation|Conference|Consortium|Department|Association|"
    r"Society|University|Université|Foundation|Parliament|Government|Presidency|Forum|Secretariat|Board|Bureau|"
    r"Service|Court|Republic|Assembly|Network|Project|Monitoring|International|European|National|Ministère|"
    r"Bundes\w*|Ministerio|Ministero|Comité|Commissione|Gesellschaft|Stiftung|Institut|Verband|Ministerium|Kommission|"
    r"Zentrum|Internationale)\b"
)
# A container that is a conference's proceedings: "Proc. CVPR", "Proceedings of …", "Actes du colloque …"
PROCEEDINGS_CUE = re.compile(r"^(?:proc\.|(?:proceedings|conference|symposium|workshop|actes|tagungsband|atti)\b)",
                             re.I)
# Words that make a reference a report, thesis, news item, interview or speech
REPORT_CUE = re.compile(r"\b(?:report|working\s+paper|policy\s+brief|briefing|paper|occasional|series|"
                        r"discussion\s+paper|technical|bericht|rapport|informe|documento|studie|note|"
                        r"analysis)\b", re.I)
THESIS_CUE = re.compile(r"\b(?:th[èe]se|thesis|dissertation|diss\.|m[ée]moire|doctora[lt]|tesi|tesis|"
                        r"doktorarbeit|habilitation)\b", re.I)
INTERVIEW_CUE = re.compile(r"\b(?:interview|entretien|entrevista|intervista)\b", re.I)
SPEECH_CUE = re.compile(r"\b(?:speech|address|discours|rede|discorso|discurso|lecture)\b", re.I)
NEWS_CUE = re.compile(r"\b(?:times|guardian|post|news|daily|herald|tribune|journal\s+de|le\s+monde|le\s+temps|"
                      r"zeitung|la\s+repubblica|el\s+pa[ií]s|corriere|rianovosti|ria\s+novosti|voice\s+of|"
                      r"reuters|bbc|gazette|independent|telegraph|economist|spiegel|figaro|lib[ée]ration)\b", re.I)
LEGAL_CUE = re.compile(r"\b(?:v\.|regulation|directive|act|treaty|law|loi|gesetz|decreto|ley)\b", re.I)
PUBLISHER_CUE = re.compile(
    r"\b(?:press|verlag|éditions?|editions?|edizioni|editorial|publish\w*|books|routledge|palgrave|macmillan|"
    r"sharpe|springer|elsevier|wiley|blackwell|sage|brill|dalloz|karthala|armand\s+colin|autrement|seuil|"
    r"gallimard|puf|harmattan|oxford|cambridge|suhrkamp|beck|mohr|laterza|einaudi|il\s+mulino|ashgate|"
    r"taylor|francis|norton|penguin|random|harper|mit|yale|princeton|chicago|columbia|harvard|stanford|"
    r"university|université|universität|institut\w*|institute|centre|center|endowment|academy|foundation|"
    r"group|programme|crisis|house|commission|council|office|ministry|nations|egmont|iris)\b",
    re.I,
)
# Edition: "2nd ed.", "3e éd.", "2. Aufl.", "second edition"
EDITION = re.compile(r"^(?:\d+(?:st|nd|rd|th|e|ème|a|\.)?|first|second|third|fourth|fifth|revised|new)\s*"
                     r"(?:ed\.?|edn\.?|edition|éd\.?|édition|aufl\.?|auflage|edición|edizione)$", re.I)
# Translator lead: "trans. X", "translated by X", "übers. von", "trad."
TRANSLATOR_LEAD = re.compile(r"^(?:trans\.|translated\s+by|transl\.|übers\.(?:\s+von)?|übersetzt\s+von|trad\.|"
                             r"traduit\s+par|traducción\s+de|tradotto\s+da)\s*", re.I)
EDITOR_LEAD = re.compile(r"^(?:ed\.|eds\.|edited\s+by|hrsg\.\s+von|herausgegeben\s+von|sous\s+la\s+dir(?:\.|ection)"
                         r"\s+de|a\s+cura\s+di|dir\.|coord\.)\s*", re.I)
# "et al.", "*et al.*"
ET_AL = re.compile(r"\s*\*?et\s+al\.?\*?", re.I)
# Roles after names that are not editors: "(rapporteurs)", "(comp.)"
ROLE_MARK = re.compile(r"\s*\((?:rapporteurs?|coordinators?|interviewer|interviewee)\)", re.I)
# A segment naming the kind of document: "A Report of the …", "Working Paper", "Policy Brief"
GENRE_SEGMENT = re.compile(r"^(?:an?\s+)?(?:report|working\s+paper|policy\s+brief|discussion\s+paper|"
                           r"background\s+paper|press\s+release|briefing\s+note)\b", re.I)
# An event or a numbered meeting: "3018th Justice and Home Affairs Council meeting"
EVENT_SEGMENT = re.compile(r"^\d+(?:st|nd|rd|th|e|ème)\s", re.I)
# "pp. ", "p.", "S. ", "pages " before a page range
PAGE_PREFIX = re.compile(r"^(?:pp?\.|pages?|pgs?\.?|S\.|Seiten?|págs?\.|pag\.)\s*", re.I)
# Titles that name a report: "World Drug Report 2010", "Inception Report", "Annual report 2010"
TITLE_REPORT = re.compile(r"\b(?:report|strategy|action\s+plan|white\s+paper|"
                          r"green\s+paper|communication|rapport|bericht|informe)\b", re.I)
# Titles of legal texts: "Miranda v. Arizona", "Regulation (EU) 2016/679", "Loi n° 78-17"
LEGAL_TITLE = re.compile(r"\b(?:v\.|regulation\s+\(|directive\s+\d|act\s+(?:of\s+)?\d{4}|loi\s+n|"
                         r"gesetz\s+(?:vom|über))", re.I)
# A title set off by commas: `, “Title”,` / `"Title",` / `, *Book Title*,` (or ending the text)
COMMA_TITLE = re.compile(r"(?:^|,\s*|\s)(?:[“\"«][^“”\"«»]{2,}[”\"»]|\*[^*]{2,}\*)\s*(?:,|$|\.$)")
# A comma segment that opens with a speech word: ", speech at the closing conference"
SPEECH_SEGMENT = re.compile(r",\s*(?:speech|address|keynote|lecture|remarks|discours|rede|discorso|discurso)\b", re.I)
# Whitespace runs
SPACES = re.compile(r"\s+")
