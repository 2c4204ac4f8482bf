"""Named regular expressions of the URL stage (kept apart from the shared audit/patterns.py)."""

from __future__ import annotations

import re
import unicodedata
from html.entities import html5

# Where a URL starts: a scheme (also the typos PDF converters and typists make: "http//", "http:/",
# "http:///", "htp://") or a bare "www." host, which GFM autolinks treat as http.
URL_START = re.compile(
    r"(?<![\w@.])(?:(?P<scheme>https?|ftp|htps?|hhtps?|htttps?)(?P<sep>:/{1,3}|//|:(?=www\.))"
    r"|(?P<www>www\d{0,3}\.))",
    re.IGNORECASE,
)

# Characters a URL is made of as written in prose; quotes and angle brackets end it.
URL_CHARS = re.compile(r"[^\s<>\"“”‘’«»]+")

# An explicit wrapper: <http://…> (RFC 3986 appendix C); the contents may span lines.
ANGLE_WRAPPED = re.compile(r"<(?:URL:)?\s*((?:https?|ftp)\s*:[^<>]*|www\.[^<>]*)>", re.IGNORECASE)

# A token that continues a URL broken across a line: it has URL syntax (a slash, a file extension,
# a query) and no capital letter at its start, which would mark a new sentence.
CONTINUATION = re.compile(r"[a-z0-9_%~\-][^\s<>\"“”‘’«»]*(?:/|\.[a-z0-9]{2,5}\b|[?=&#])[^\s<>\"“”‘’«»]*")

# Trailing characters that are sentence punctuation, not URL (GFM autolink rule), plus superscript
# note markers glued to a URL ("…/report.pdf²³").
TRAILING_PUNCTUATION = "?!.,:;*_~'\"’”»⁰¹²³⁴⁵⁶⁷⁸⁹"
# Whitespace a URL may be cut by: spaces, at most one line break.
JOIN_GAP = re.compile(r"[ \t]*\n?[ \t]*")
# A token with URL syntax: a slash, a query or fragment, an escape, an underscore, or a file extension.
URLISH = re.compile(r"[/?=&#%_]|\.[A-Za-z0-9]{2,5}$")
# A path that ends in a file name ("report.pdf", "index.html").
FILE_END = re.compile(r"/[^/?#]*\.[A-Za-z][A-Za-z0-9]{1,4}$")
# Prose words with a slash that follow URLs in sentences.
PROSE_SLASH_WORDS = frozenset({"and/or", "or/and", "he/she", "s/he", "his/her", "w/o", "i/o"})

# Characters a PDF converter leaves inside words: soft hyphen, zero-width space/joiners, BOM.
INVISIBLES = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")

SCHEME_TYPO = re.compile(r"^(?:htps?|hhtps?|htttps?|https?)(?::/{1,3}|//|:)(?=[^/])", re.IGNORECASE)
DOUBLED_SLASH = re.compile(r"(?<!:)//+")
PERCENT_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")


def _legacy_entity_table() -> dict[str, str]:
    """Symbols that legacy HTML entities without ';' decode to, e.g. '§' <- '&sect', '©' <- '&copy'."""
    table: dict[str, str] = {}
    for name, char in html5.items():
        if (not name.endswith(";") and len(char) == 1 and ord(char) > 127
                and not unicodedata.category(char).startswith("L")):
            table.setdefault(char, name.lower())
    return table


ENTITY_MOJIBAKE_TABLE: dict[str, str] = _legacy_entity_table()
# A decoded entity symbol directly before a query parameter name ("§ion=2" was "&section=2").
ENTITY_MOJIBAKE = re.compile("([" + re.escape("".join(ENTITY_MOJIBAKE_TABLE)) + "])(?=[A-Za-z0-9_.\\-]*=)")

# ---- access dates -------------------------------------------------------------------------------

# The date after the phrase is read by audit.dates.date_at, with the month names of every language read.
ACCESS_PHRASE = re.compile(
    r"(?:last\s+)?(?:accessed|retrieved|consulted|visited|viewed|downloaded|checked)(?:\s+(?:on|at))?"
    r"|access(?:ed)?\s+(?:date|on)|date\s+of\s+access"
    r"|(?:zuletzt\s+)?(?:abgerufen|aufgerufen|zugegriffen)(?:\s+(?:am|im))?|zugriff(?:\s+am)?|stand:?"
    r"|consulté(?:e)?(?:\s+(?:le|en))?|dernière\s+consultation(?:\s+le)?"
    r"|consultad[oa](?:\s+(?:el|en))?|recuperad[oa](?:\s+(?:el|en))?|fecha\s+de\s+consulta"
    r"|consultat[oa](?:\s+(?:il|l'|in))?|ultimo\s+accesso(?:\s+il)?",
    re.IGNORECASE,
)
# Between an access phrase and its date: ":", "[", "(", spaces.
ACCESS_GAP = re.compile(r"[\s:\[(,]*")

# ---- collecting (collect.py) --------------------------------------------------------------------

# A paragraph: text up to a blank line.
PARAGRAPH = re.compile(r"\S(?:.|\n(?!\s*\n))*")
LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
HYPHEN_LINE_BREAK = re.compile(r"-[ \t]*\n[ \t]*")
WHITESPACE = re.compile(r"\s+")
BARE_WWW = re.compile(r"www\d{0,3}\.", re.IGNORECASE)
PARAMETER_NAME = re.compile(r"[A-Za-z0-9_.\-]*=")
# A host after IDNA encoding: DNS labels, localhost, an IPv6 literal or a dotted IPv4 address.
HOST_NAME = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,63}\.?$|^localhost$|^\[[0-9a-f:.]+\]$"
                      r"|^\d{1,3}(?:\.\d{1,3}){3}$")

# ---- archive (archive.py) -----------------------------------------------------------------------

# Where a TimeGate redirect points: …/web/20110905093000/http://x.org/ (optionally with a flag like id_).
TIMEGATE_LOCATION = re.compile(r"/web/(\d{14})(?:[a-z]{2}_)?/(.+)$")

# ---- page text (page_text.py) -------------------------------------------------------------------

# "not found" in the languages of the papers audited; matched in <title>/<h1> or in a short page.
NOT_FOUND = re.compile(
    r"\b404\b|not\s+found|page\s+(?:does\s+not|doesn['’]t)\s+exist|no\s+longer\s+(?:exists|available)"
    r"|page\s+introuvable|n['’]existe\s+pas|nicht\s+gefunden|existiert\s+nicht|no\s+encontrad[ao]"
    r"|no\s+existe|non\s+trovat[ao]|non\s+esiste|не\s+найден", re.IGNORECASE)
CHARSET = re.compile(r"charset=([\w.-]+)", re.IGNORECASE)
