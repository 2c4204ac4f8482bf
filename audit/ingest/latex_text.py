"""LaTeX source to plain text, keeping every line break where it was so line numbers stay those of the .tex.

`convert_latex()` is a small scanner, not a TeX engine: comments go, simple formatting macros keep
their argument (`\\emph{x}` -> x, `\\textit{x}` -> *x*), accents and special characters become Unicode,
unknown macros stay as written. Footnotes and citations are pulled out with their positions: a
footnote leaves its printed marker (superscript `ⁿ`) in the text, a `\\cite` leaves `[key]`. A brace that never
closes is reported as a problem and read as plain text, so the rest of the document is still read.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from audit.ingest.assemble import printed_marker
from audit.ingest.latex_macros import (
    ACCENTS,
    DROP_WITH_ARGUMENTS,
    FOOTNOTES,
    FRONT_MATTER,
    INCLUDES,
    ITALIC,
    KEEP_ARGUMENT,
    RAW_ENVIRONMENTS,
    SKIPPED_ENVIRONMENTS,
    SPACES,
    SWITCHES,
    SYMBOLS,
    VERBATIM_ARGUMENT,
    BibItem,
    Cite,
    Converted,
    Footnote,
    Problem,
)
from audit.ingest.patterns import LATEX_CITE_COMMAND, LATEX_NAME


@dataclass
class _Out:
    """The text written so far (internal, mutable while one conversion runs)."""

    parts: list[str] = field(default_factory=list)
    length: int = 0

    def write(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class _State:
    source: str
    footnotes: list[Footnote] = field(default_factory=list)
    cites: list[Cite] = field(default_factory=list)
    bibitems: list[BibItem] = field(default_factory=list)
    bib_files: list[tuple[str, int]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    body_only: bool = True  # outside a footnote: footnotes and \bibitem are recorded


def _group_end(src: str, pos: int, stop: int, *, verbatim: bool = False) -> int | None:
    """Offset of the `}` closing the group opened at `pos`, skipping escapes and comments (in a verbatim
    argument such as a \\url, `%` and `\\` are characters like any other)."""
    depth, i = 0, pos
    while i < stop:
        ch = src[i]
        if ch == "\\" and not verbatim:
            i += 2
            continue
        if ch == "%" and not verbatim:
            newline = src.find("\n", i, stop)
            i = stop if newline < 0 else newline
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def _optional(src: str, pos: int, stop: int) -> tuple[str | None, int]:
    """An optional `[...]` argument at `pos` (after spaces), with nested brackets in braces."""
    i = pos
    while i < stop and src[i] in " \t":
        i += 1
    if i >= stop or src[i] != "[":
        return None, pos
    depth = 0
    for j in range(i, stop):
        if src[j] == "{":
            depth += 1
        elif src[j] == "}":
            depth -= 1
        elif src[j] == "]" and depth == 0:
            return src[i + 1:j], j + 1
    return None, pos


def _required(state: _State, pos: int, stop: int, *, verbatim: bool = False) -> tuple[int, int] | None:
    """(start, end) of the content of a `{...}` argument at `pos` (after spaces), or None."""
    src = state.source
    i = pos
    while i < stop and src[i] in " \t\n":
        i += 1
    if i >= stop or src[i] != "{":
        return None
    end = _group_end(src, i, stop, verbatim=verbatim)
    if end is None:
        return None
    return i + 1, end


def _newlines(text: str) -> str:
    return "\n" * text.count("\n")


def latex_to_text(value: str) -> str:
    """A LaTeX fragment (a BibTeX field value, a note) as plain text on one line."""
    if "\\" not in value and "{" not in value and "~" not in value and "-" not in value:
        return " ".join(value.split())
    state = _State(source=value, body_only=False)
    out = _Out()
    _convert(state, 0, len(value), out)
    return " ".join(out.text().split())


def convert_latex(source: str) -> Converted:
    state = _State(source=source)
    out = _Out()
    begin = source.find("\\begin{document}")
    end = source.find("\\end{document}")
    start = begin + len("\\begin{document}") if begin >= 0 else 0
    stop = end if end > start else len(source)
    if begin >= 0:
        _collect_preamble(state, source[:begin])
        out.write(_front_matter(state, start))
    _convert(state, start, stop, out)
    out.write(_newlines(source[stop:]))
    return Converted(out.text(), tuple(state.footnotes), tuple(state.cites), tuple(state.bibitems),
                     tuple(state.bib_files), tuple(state.problems))


def _collect_preamble(state: _State, preamble: str) -> None:
    """\\addbibresource{refs.bib} lives in the preamble."""
    pos = 0
    while (pos := preamble.find("\\addbibresource", pos)) >= 0:
        _, after = _optional(preamble, pos + len("\\addbibresource"), len(preamble))
        arg = _required(state, after, len(preamble))
        if arg:
            state.bib_files.append((preamble[arg[0]:arg[1]].strip(), pos))
        pos += 1


def _front_matter(state: _State, start: int) -> str:
    """The preamble as blank lines, except that \\title, \\author and \\date print their text on their own
    line (what \\maketitle shows; later stages read the document's date from its first lines)."""
    src = state.source
    parts: list[str] = []
    written = 0
    pos = 0
    while (pos := src.find("\\", pos, start)) >= 0:
        match = LATEX_NAME.match(src, pos + 1)
        pos += 1
        if match is None or match.group("name") not in FRONT_MATTER:
            continue
        _, after = _optional(src, match.end(), start)
        arg = _required(state, after, start)
        if arg is None or arg[0] < written:
            continue
        parts.append(_newlines(src[written:pos]) + latex_to_text(src[arg[0]:arg[1]]))
        parts.append(_newlines(src[pos:arg[1] + 1]))
        written = pos = arg[1] + 1
    parts.append(_newlines(src[written:start]))
    return "".join(parts)


def _convert(state: _State, pos: int, stop: int, out: _Out) -> None:
    src = state.source
    depth = 0  # of plain groups opened in this call, to notice a '}' that closes nothing
    while pos < stop:
        ch = src[pos]
        if ch == "%":
            newline = src.find("\n", pos, stop)
            pos = stop if newline < 0 else newline
        elif ch == "\\":
            pos = _macro(state, pos, stop, out)
        elif ch == "{":
            if _group_end(src, pos, stop) is None:
                state.problems.append(Problem("a '{' is never closed", pos))
            else:
                depth += 1
            pos += 1
        elif ch == "}":
            if depth == 0:
                state.problems.append(Problem("a '}' closes nothing", pos))
            depth = max(depth - 1, 0)
            pos += 1
        elif ch == "~":
            out.write(" ")
            pos += 1
        elif ch == "-" and src.startswith("---", pos):
            out.write("—")
            pos += 3
        elif ch == "-" and src.startswith("--", pos):
            out.write("–")
            pos += 2
        elif ch == "`" and src.startswith("``", pos):
            out.write("“")
            pos += 2
        elif ch == "'" and src.startswith("''", pos):
            out.write("”")
            pos += 2
        elif ch == "`":
            out.write("‘")
            pos += 1
        else:
            nxt = pos + 1
            while nxt < stop and src[nxt] not in "%\\{}~-`'":
                nxt += 1
            out.write(src[pos:nxt])
            pos = nxt


def _macro(state: _State, pos: int, stop: int, out: _Out) -> int:
    src = state.source
    match = LATEX_NAME.match(src, pos + 1)
    if match is None:
        symbol = src[pos + 1:pos + 2]
        if symbol in ACCENTS:
            return _accent(state, symbol, pos + 2, stop, out)
        if symbol in SPACES:
            out.write(SPACES[symbol] if symbol != "\\" else " ")
            return pos + 2
        out.write(SYMBOLS.get(symbol, symbol))
        return pos + 2
    name, after = match.group("name"), match.end()
    base = name.rstrip("*")
    if base in ACCENTS and len(base) == 1:
        return _accent(state, base, after, stop, out)
    if base in SYMBOLS or base in SWITCHES:
        out.write(SYMBOLS.get(base, ""))
        if src.startswith("{}", after):
            return after + 2
        while after < stop and src[after] in " \t":  # TeX swallows the spaces after a control word
            after += 1
        return after
    if base in FOOTNOTES:
        return _footnote(state, pos, after, stop, out)
    if LATEX_CITE_COMMAND.match(base):
        return _cite(state, base, pos, after, stop, out)
    if base == "bibitem":
        return _bibitem(state, after, stop, out)
    if base in ("begin", "end"):
        return _environment(state, base, after, stop, out)
    if base in ("href",):
        return _href(state, pos, after, stop, out)
    if base in DROP_WITH_ARGUMENTS:
        return _drop(state, base, after, stop, out)
    if base in VERBATIM_ARGUMENT:
        arg = _required(state, after, stop, verbatim=True)
        if arg is None:
            return after
        out.write(VERBATIM_ARGUMENT[base] + src[arg[0]:arg[1]].strip())  # an address is written as is
        return arg[1] + 1
    if base in KEEP_ARGUMENT or base in ITALIC:
        _, after = _optional(src, after, stop)  # \section[short]{long}
        arg = _required(state, after, stop)
        if arg is None:
            return after
        mark = "*" if base in ITALIC else ""
        out.write(mark)
        _convert(state, arg[0], arg[1], out)
        out.write(mark)
        return arg[1] + 1
    # An unknown macro is kept as written and its arguments read as text.
    out.write(src[pos:after] + (" " if src.startswith("{", after) else ""))
    return after


def _accent(state: _State, accent: str, pos: int, stop: int, out: _Out) -> int:
    src = state.source
    arg = _required(state, pos, stop) if pos < stop and src[pos] in "{ " else None
    if arg:
        inner = src[arg[0]:arg[1]].strip()
        end = arg[1] + 1
    else:
        inner = src[pos:pos + 1]
        end = pos + 1
    base = {"\\i": "i", "\\j": "j"}.get(inner, inner)
    out.write(unicodedata.normalize("NFC", base + ACCENTS[accent]) if base else "")
    return end


def _drop(state: _State, name: str, pos: int, stop: int, out: _Out) -> int:
    src = state.source
    _, pos = _optional(src, pos, stop)
    for _ in range(DROP_WITH_ARGUMENTS[name]):
        if name in ("newcommand", "renewcommand", "providecommand") and src[pos:pos + 1] == "\\":
            name_match = LATEX_NAME.match(src, pos + 1)
            pos = name_match.end() if name_match else pos + 1
            _, pos = _optional(src, pos, stop)
            continue
        arg = _required(state, pos, stop)
        if arg is None:
            break
        if name in ("bibliography", "addbibresource"):
            state.bib_files.extend((part.strip(), pos) for part in src[arg[0]:arg[1]].split(",") if part.strip())
        if name in INCLUDES:
            # Another file's text is not read here; say so rather than audit a document with a hole in it.
            state.problems.append(Problem(f"\\{name}{{{src[arg[0]:arg[1]].strip()}}} was not followed: included "
                                          "files are not read (audit them separately)", pos))
        if name == "nocite":
            keys = tuple(k.strip() for k in src[arg[0]:arg[1]].split(",") if k.strip())
            state.cites.append(Cite("nocite", keys, None, None, out.length, out.length, not state.body_only))
        out.write(_newlines(src[pos:arg[1] + 1]))
        pos = arg[1] + 1
        _, pos = _optional(src, pos, stop)
    return pos


def _footnote(state: _State, macro_at: int, pos: int, stop: int, out: _Out) -> int:
    src = state.source
    _, pos = _optional(src, pos, stop)
    arg = _required(state, pos, stop)
    if arg is None:
        state.problems.append(Problem("the footnote's closing brace is missing; it was read as body text", macro_at))
        brace = len(src[pos:stop]) - len(src[pos:stop].lstrip())
        return pos + brace + 1 if src.startswith("{", pos + brace) else pos
    if not state.body_only:  # a footnote inside a footnote: keep its text inline
        _convert(state, arg[0], arg[1], out)
        return arg[1] + 1
    number = len(state.footnotes) + 1
    marker = printed_marker(str(number))
    start = out.length
    out.write(marker)
    note_out = _Out()
    outer_cites = len(state.cites)
    state.body_only = False
    _convert(state, arg[0], arg[1], note_out)
    state.body_only = True
    note_cites = [Cite(c.command, c.keys, c.prefix, c.suffix, start, start + len(marker), True)
                  for c in state.cites[outer_cites:]]
    del state.cites[outer_cites:]
    state.cites.extend(note_cites)
    state.footnotes.append(Footnote(number, " ".join(note_out.text().split()), start, start + len(marker),
                                    tuple(note_cites)))
    out.write(_newlines(src[pos:arg[1] + 1]))
    return arg[1] + 1


def _cite(state: _State, name: str, macro_at: int, pos: int, stop: int, out: _Out) -> int:
    src = state.source
    first, pos = _optional(src, pos, stop)
    second, pos = _optional(src, pos, stop) if first is not None else (None, pos)
    prefix, suffix = (first, second) if second is not None else (None, first)
    arg = _required(state, pos, stop)
    if arg is None:
        state.problems.append(Problem(f"\\{name} has no {{key}} argument", macro_at))
        out.write(src[macro_at:pos])
        return pos
    keys = tuple(k.strip() for k in src[arg[0]:arg[1]].split(",") if k.strip())
    prefix = latex_to_text(prefix) if prefix else None
    suffix = latex_to_text(suffix) if suffix else None
    if name.startswith(("footcite", "footfullcite", "smartcite")) and state.body_only:
        number = len(state.footnotes) + 1
        marker = printed_marker(str(number))
        start = out.length
        out.write(marker)
        cite = Cite(name, keys, prefix, suffix, start, start + len(marker), True)
        text = "; ".join(keys) + (f", {suffix}" if suffix else "")
        state.cites.append(cite)
        state.footnotes.append(Footnote(number, f"{prefix + ' ' if prefix else ''}[{text}]", start,
                                        start + len(marker), (cite,)))
    else:
        shown = "; ".join(keys)
        shown = f"[{prefix + ' ' if prefix else ''}{shown}{', ' + suffix if suffix else ''}]"
        start = out.length
        out.write(shown)
        state.cites.append(Cite(name, keys, prefix, suffix, start, out.length, not state.body_only))
    out.write(_newlines(src[pos:arg[1] + 1]))
    return arg[1] + 1


def _bibitem(state: _State, pos: int, stop: int, out: _Out) -> int:
    src = state.source
    _, pos = _optional(src, pos, stop)
    arg = _required(state, pos, stop)
    if arg is None:
        return pos
    number = len(state.bibitems) + 1
    state.bibitems.append(BibItem(src[arg[0]:arg[1]].strip(), out.length, number))
    out.write(f"[{number}] ")
    after = arg[1] + 1
    while after < stop and src[after] in " \t":
        after += 1
    return after


def _environment(state: _State, which: str, pos: int, stop: int, out: _Out) -> int:
    src = state.source
    arg = _required(state, pos, stop)
    if arg is None:
        return pos
    name = src[arg[0]:arg[1]].strip()
    after = arg[1] + 1
    if which == "end":
        return after
    if name == "thebibliography":
        arg2 = _required(state, after, stop)  # {widest label}
        _write_heading(out, "References")
        return arg2[1] + 1 if arg2 else after
    if name in SKIPPED_ENVIRONMENTS or name in RAW_ENVIRONMENTS:
        closing = src.find(f"\\end{{{name}}}", after, stop)
        end = stop if closing < 0 else closing + len(f"\\end{{{name}}}")
        out.write(src[after:closing] if name in RAW_ENVIRONMENTS and closing >= 0 else _newlines(src[after:end]))
        return end
    return after


def _write_heading(out: _Out, title: str) -> None:
    """A heading must stand alone between blank lines for the bibliography stage, so it costs one or two
    extra line breaks: the lines of the bibliography sit that much below their source lines (the body
    before it keeps its numbering)."""
    text = out.text()
    if text and not text.endswith("\n"):
        out.write("\n")
    if not text.endswith("\n\n"):
        out.write("\n")
    out.write(title + "\n")


def _href(state: _State, macro_at: int, pos: int, stop: int, out: _Out) -> int:
    src = state.source
    url = _required(state, pos, stop, verbatim=True)
    if url is None:
        out.write(src[macro_at:pos])
        return pos
    label = _required(state, url[1] + 1, stop)
    if label is None:
        out.write(src[url[0]:url[1]])
        return url[1] + 1
    _convert(state, label[0], label[1], out)
    out.write(f" <{src[url[0]:url[1]].strip()}>")
    return label[1] + 1
