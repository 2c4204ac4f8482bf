"""Plain text <-> BibTeX/LaTeX field values, for `bibtex_export` (which alone imports pybtex).

Every escape written here has exactly one reading in `decode_latex`, so an exported file parses back to the
text it came from. Literal braces are written as `\\textbraceleft{}`/`\\textbraceright{}`, never `\\{`: BibTeX
counts braces without looking at backslashes, so one `\\{` would unbalance the whole value.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from audit.bibtex_patterns import LATEX_TOKEN, NEEDS_ESCAPE, VERBATIM_ESCAPE, WHITESPACE_RUN, WORD_CORE

# Characters LaTeX treats specially, as written in text fields.
_SPECIALS: dict[str, str] = {
    "\\": "\\textbackslash{}", "{": "\\textbraceleft{}", "}": "\\textbraceright{}",
    "~": "\\textasciitilde{}", "^": "\\textasciicircum{}",
    "%": "\\%", "&": "\\&", "#": "\\#", "_": "\\_", "$": "\\$",
}
# ASCII mode only: letters with no decomposition, and typographic punctuation.
_ASCII_LETTERS: dict[str, str] = {
    "ß": "{\\ss}", "æ": "{\\ae}", "Æ": "{\\AE}", "œ": "{\\oe}", "Œ": "{\\OE}", "ø": "{\\o}", "Ø": "{\\O}",
    "ł": "{\\l}", "Ł": "{\\L}", "ı": "{\\i}", "å": "{\\aa}", "Å": "{\\AA}",
    "–": "--", "—": "---", "\u00a0": "~", "…": "{\\ldots}",
    "“": "{\\textquotedblleft}", "”": "{\\textquotedblright}",
    "‘": "{\\textquoteleft}", "’": "{\\textquoteright}",
    "«": "{\\guillemotleft}", "»": "{\\guillemotright}",
}
# Combining mark -> accent command; symbol commands are written {\'e}, letter commands {\c{c}}.
_ACCENTS: dict[str, str] = {
    "\u0301": "'", "\u0300": "`", "\u0302": "^", "\u0308": '"', "\u0303": "~", "\u0304": "=", "\u0307": ".",
    "\u0327": "c", "\u030c": "v", "\u0306": "u", "\u030b": "H", "\u030a": "r", "\u0328": "k", "\u0323": "d",
}
_ACCENT_MARKS: dict[str, str] = {cmd: mark for mark, cmd in _ACCENTS.items()}

_TEXT_NAMES: dict[str, str] = {
    "backslash": "\\", "braceleft": "{", "braceright": "}", "asciitilde": "~", "asciicircum": "^",
    "quotedblleft": "“", "quotedblright": "”", "quoteleft": "‘", "quoteright": "’",
}
_LETTER_NAMES: dict[str, str] = {
    "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å", "o": "ø", "O": "Ø",
    "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "ldots": "…", "guillemotleft": "«", "guillemotright": "»",
}


def escape_text(text: str, *, ascii: bool) -> tuple[str, tuple[str, ...]]:
    """LaTeX for `text`, and (ASCII mode) the characters that have no LaTeX form and were kept as UTF-8."""
    if (not ascii or text.isascii()) and not NEEDS_ESCAPE.search(text):
        return text, ()  # most values: nothing to escape, and the loop below is the export's hot spot
    kept: list[str] = []
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text) if ascii else text:
        if ch in _SPECIALS:
            latex = _SPECIALS[ch]
        elif not ascii or ch.isascii():
            latex = ch
        elif ch in _ASCII_LETTERS:
            latex = _ASCII_LETTERS[ch]
        else:
            latex = _accented(ch)
            if latex is None:
                kept.append(ch)
                latex = ch
        if latex.startswith("-") and out and out[-1].endswith("-"):
            out.append("{}")  # hyphens from two characters must not merge into a dash ("--" reads as "–")
        out.append(latex)
    return "".join(out), tuple(dict.fromkeys(kept))


def _accented(ch: str) -> str | None:
    """`{\\'e}` for é; None when the character is not one ASCII letter plus one known accent."""
    parts = unicodedata.normalize("NFD", ch)
    if len(parts) != 2 or not parts[0].isascii() or parts[1] not in _ACCENTS:
        return None
    base = "\\i" if parts[0] == "i" and parts[1] in "\u0301\u0300\u0302\u0308" else parts[0]
    cmd = _ACCENTS[parts[1]]
    return f"{{\\{cmd}{base}}}" if not cmd.isalpha() else f"{{\\{cmd}{{{base}}}}}"


def protect_title(title: str, *, ascii: bool) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Escape a title and brace the words a style must not lowercase.

    Returns (latex, protected words as written, characters kept as UTF-8). A word is protected when it has a
    capital after its first letter (EU, OSCE, iPhone) or starts with a capital and is not the title's first
    word (proper nouns: {Central} {Asia}); sentence-case styles keep the first word's capital themselves.
    """
    out: list[str] = []
    protected: list[str] = []
    kept: list[str] = []
    first = True
    plain = (not ascii or title.isascii()) and not NEEDS_ESCAPE.search(title)  # no piece needs escaping
    for token in WHITESPACE_RUN.split(title):
        if not token or token.isspace():
            out.append(token)
            continue
        if token.isalpha():  # most words: no quotes or punctuation around them, every character a letter
            lead, core, trail, letters = "", token, "", token
        else:
            parts = WORD_CORE.match(token)
            assert parts is not None  # the pattern matches any string
            lead, core, trail = parts["lead"], parts["core"], parts["trail"]
            letters = "".join(c for c in core if c.isalpha())
        needs = bool(letters) and (
            any(c.isupper() for c in letters[1:]) or (not first and letters[0].isupper())
        )
        first = False
        pieces = [lead, core, trail]
        if not plain:
            escaped = [escape_text(piece, ascii=ascii) for piece in pieces]
            pieces = [latex for latex, _ in escaped]
            kept.extend(ch for _, kept_here in escaped for ch in kept_here)
        if needs:
            protected.append(core)
            pieces[1] = "{" + pieces[1] + "}"
        out.append("".join(pieces))
    return "".join(out), tuple(protected), tuple(dict.fromkeys(kept))


def escape_verbatim(value: str, *, ascii: bool) -> str:
    """A URL or DOI: biblatex reads these verbatim, but `%` and `#` must still be escaped for LaTeX.

    Braces, backslashes and spaces (and, in ASCII mode, non-ASCII characters) are percent-encoded, which
    changes the string; callers report that.
    """
    unsafe = "{}\\ \"" + ("" if not ascii else "".join(sorted({c for c in value if not c.isascii()})))
    encoded = "".join(quote(c, safe="") if c in unsafe else c for c in value)
    return encoded.replace("%", "\\%").replace("#", "\\#")


def decode_verbatim(value: str) -> str:
    return VERBATIM_ESCAPE.sub(r"\1", value)


def decode_latex(value: str) -> str:
    """Plain text from a BibTeX value: escapes undone, protective braces dropped, `--` read as an en dash.

    Commands it does not know stay as written, so nothing is lost on foreign input.
    """
    def replace(m: re.Match[str]) -> str:
        if m["text"]:
            return _TEXT_NAMES[m["text"]]
        if m["sym"]:
            return m["sym"]
        if m["acc"] or m["lacc"]:
            base = m["acc_arg"] or m["acc_bare"] or m["lacc_arg"] or m["lacc_bare"]
            base = {"\\i": "i", "\\j": "j"}.get(base, base)
            return unicodedata.normalize("NFC", base + _ACCENT_MARKS[m["acc"] or m["lacc"]])
        if m["letter"]:
            return _LETTER_NAMES[m["letter"]]
        if m["brace"]:
            return ""
        if m["dash"]:
            return "—" if m["dash"] == "---" else "–"
        return "\u00a0"

    return LATEX_TOKEN.sub(replace, value)
