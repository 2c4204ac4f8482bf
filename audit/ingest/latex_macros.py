"""What the LaTeX scanner (`latex_text`) does with each macro it knows (any other macro is kept as written),
and the records it gives back."""

from __future__ import annotations

from dataclasses import dataclass

ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "r": "\u030a",
            "k": "\u0328", "d": "\u0323", "b": "\u0331"}
SYMBOLS = {"ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł",
            "aa": "å", "AA": "Å", "i": "ı", "j": "ȷ", "ldots": "…", "dots": "…", "textendash": "–",
            "textemdash": "—", "S": "§", "P": "¶", "LaTeX": "LaTeX", "TeX": "TeX", "copyright": "©",
            "textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
            "guillemotleft": "«", "guillemotright": "»", "textbackslash": "\\", "&": "&", "%": "%",
            "#": "#", "_": "_", "$": "$", "{": "{", "}": "}", "textasciitilde": "~", "textbar": "|",
            "quad": " ", "qquad": " ", "enspace": " ", "item": "", "noindent": "", "centering": "",
            "maketitle": "", "tableofcontents": "", "printbibliography": "", "newpage": "", "clearpage": "",
            "par": "", "medskip": "", "bigskip": "", "smallskip": "", "hline": "", "relax": "",
            "today": "", "footnotemark": "", "and": " and "}
# Font and size switches print nothing.
SWITCHES = frozenset({"bfseries", "itshape", "em", "it", "bf", "sc", "scshape", "rm", "sf", "tt", "mdseries",
                       "upshape", "normalfont", "slshape", "rmfamily", "sffamily", "ttfamily", "tiny", "scriptsize",
                       "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge", "raggedright",
                       "raggedleft", "sloppy", "frenchspacing", "protect"})
SPACES = {"\\": " ", ",": " ", ";": " ", ":": " ", "!": "", " ": " ", "/": "", "-": ""}
# Macros whose only argument is printed as is; italic ones are marked *x* as the Markdown reader sees titles.
KEEP_ARGUMENT = frozenset({"emph", "textbf", "textrm", "textsf", "texttt", "textsc", "textup", "textnormal",
                            "mbox", "hbox", "textmd", "underline", "uline", "enquote", "section", "subsection",
                            "subsubsection", "chapter", "paragraph", "subparagraph", "part", "title", "caption",
                            "author", "date", "textsuperscript", "MakeUppercase", "uppercase", "foreignlanguage",
                            "textlatin", "mkbibquote", "hyphenation"})
# Macros whose argument is an address, printed character for character (with a prefix).
# Preamble macros whose text \\maketitle prints.
FRONT_MATTER = frozenset({"title", "subtitle", "author", "date"})
VERBATIM_ARGUMENT = {"url": "", "nolinkurl": "", "path": "", "doi": "doi:"}
ITALIC = frozenset({"textit", "textsl", "mkbibemph"})
DROP_WITH_ARGUMENTS = {"label": 1, "ref": 1, "pageref": 1, "eqref": 1, "vspace": 1, "hspace": 1,
                        "includegraphics": 1, "bibliographystyle": 1, "usepackage": 1, "documentclass": 1,
                        "setlength": 2, "addtolength": 2, "thispagestyle": 1, "pagestyle": 1, "newcommand": 2,
                        "renewcommand": 2, "providecommand": 2, "input": 1, "include": 1, "subfile": 1, "index": 1,
                        "setcounter": 2, "addcontentsline": 3, "graphicspath": 1, "hypersetup": 1,
                        "definecolor": 3, "color": 1, "pagenumbering": 1, "linespread": 1, "geometry": 1,
                        "DeclareFieldFormat": 2, "ExecuteBibliographyOptions": 1, "newenvironment": 3,
                        "fontsize": 2, "selectfont": 0, "thanks": 1, "bibliography": 1, "addbibresource": 1,
                        "nocite": 1}
FOOTNOTES = frozenset({"footnote", "endnote", "sidenote", "footnotetext"})
SKIPPED_ENVIRONMENTS = frozenset({"comment", "figure*", "tikzpicture", "verbatim*"})
RAW_ENVIRONMENTS = frozenset({"verbatim", "lstlisting", "minted"})
INCLUDES = frozenset({"input", "include", "subfile"})


@dataclass(frozen=True, slots=True)
class Footnote:
    number: int
    text: str  # converted, on one line
    marker_start: int
    marker_end: int
    cites: tuple[Cite, ...]


@dataclass(frozen=True, slots=True)
class Cite:
    command: str
    keys: tuple[str, ...]
    prefix: str | None
    suffix: str | None
    start: int  # in the converted text (for a cite in a footnote: the footnote's marker)
    end: int
    in_note: bool


@dataclass(frozen=True, slots=True)
class BibItem:
    key: str
    start: int  # offset of its "[n]" label in the converted text
    number: int


@dataclass(frozen=True, slots=True)
class Problem:
    reason: str
    offset: int  # in the source


@dataclass(frozen=True, slots=True)
class Converted:
    text: str
    footnotes: tuple[Footnote, ...]
    cites: tuple[Cite, ...]  # body and note citations, in source order
    bibitems: tuple[BibItem, ...]
    bib_files: tuple[tuple[str, int], ...]  # (name as written, source offset)
    problems: tuple[Problem, ...]
