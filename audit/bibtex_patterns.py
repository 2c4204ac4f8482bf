"""Named regular expressions of the BibTeX export (kept apart from the shared audit/patterns.py).

Each has an example; tests/test_bibtex_export.py::test_patterns checks them.
"""

from __future__ import annotations

import re

# --- LaTeX (bibtex_latex) ----------------------------------------------------------------------------

# Everything `decode_latex` undoes, one alternative per kind, tried left to right at each position:
# "\textbackslash{}", "\%", "{\'e}" / "\'{e}" / "\'\i", "\c{c}" / "\c c", "{\ss}", "{", "--" / "---", "~"
LATEX_TOKEN = re.compile(
    r"\\text(?P<text>backslash|braceleft|braceright|asciitilde|asciicircum|quotedblleft|quotedblright"
    r"|quoteleft|quoteright)(?:\{\}|\s+|(?![A-Za-z]))"
    r"|\\(?P<sym>[%&#_$])"
    r"|\\(?P<acc>['`^\"~=.])\s*(?:\{(?P<acc_arg>\\?[A-Za-z])\}|(?P<acc_bare>\\?[A-Za-z]))"
    r"|\\(?P<lacc>[cvuHrkd])(?:\{(?P<lacc_arg>\\?[A-Za-z])\}|\s+(?P<lacc_bare>[A-Za-z]))"
    r"|\\(?P<letter>ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j|ldots|guillemotleft|guillemotright)(?![A-Za-z])(?:\{\}|\s*)"
    r"|(?P<brace>[{}])|(?P<dash>---?)|(?P<tie>~)"
)
# "50% & more", "pp. 3--4": text `escape_text` must change (LaTeX specials, or two hyphens that would merge)
NEEDS_ESCAPE = re.compile(r"[\\{}~^%&#_$]|--")
# "\%", "\#" in url and doi, the only escapes verbatim fields carry
VERBATIM_ESCAPE = re.compile(r"\\([%#&_$])")
# a title split into words and the whitespace between them: "EU  policy" -> "EU", "  ", "policy"
WHITESPACE_RUN = re.compile(r"(\s+)")
# a title word's quotes and punctuation, left outside its protecting braces: "(Russia's)," -> "(", "Russia's", "),"
WORD_CORE = re.compile(r"^(?P<lead>[\"'“‘«(\[]*)(?P<core>.*?)(?P<trail>[\"'”’»)\].,:;!?]*)$")

# --- names and keys (bibtex_names) -------------------------------------------------------------------

# "United Nations Office on Drugs and Crime (UNODC)" -> "UNODC"
ACRONYM_SUFFIX = re.compile(r"\(([A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*)\)\s*$")
# "UNODC", "OSCE", "AT&T": an acronym standing alone as an author
ALL_CAPS_NAME = re.compile(r"^[A-Z][A-Z0-9&.\-]+$")
# "Smith and Jones", "Smith AND Jones" (pybtex splits on either case), "Smith & Jones"
NAME_SEPARATOR = re.compile(r"\s+and\s+|\s+&\s+", re.IGNORECASE)
# "Delcour, Laure et al.", "Ann Lee and others"
ET_AL = re.compile(r",?\s+(?:et\s+al\.?|and\s+others)$", re.IGNORECASE)
# "L'Union", "d'Asie", "qu'il": elided article or pronoun before a key word
ELISION = re.compile(r"^(?:l|d|qu)['’]", re.IGNORECASE)
# "Russia's", "post-Soviet", "Парамонов": a word, with inner apostrophes and hyphens
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

# --- fields (bibtex_export) --------------------------------------------------------------------------

# "2011" in "hiver 2008/2009" or "2005 [1999]": the first plausible year
YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
# "retrieved on 7 September 2011", "consulté le 7 septembre 2011": words before an access date
ACCESS_WORDS = re.compile(r"^(?:accessed|retrieved|consulted|viewed|consulté le)(?:\s+on)?\s+", re.IGNORECASE)
# "MA thesis", "mémoire de master", "MPhil dissertation": a master's thesis, not a PhD
MASTERS_GENRE = re.compile(r"master|m[ée]moire|\bM\.?A\b|\bM\.?Sc\b|\bM\.?Phil\b", re.IGNORECASE)
# "doi:10.1000/x", "https://doi.org/10.1000/x": the prefix a doi field must not carry
DOI_PREFIX = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)
# "12-30", "12 – 30", "12—30": a page range separator, written "--"
PAGE_DASH = re.compile(r"\s*[-‐‑–—]+\s*")
# a page separator other than the en dash, which "--" merely encodes: worth a change note
NON_EN_DASH = re.compile(r"[-‐‑—]")
