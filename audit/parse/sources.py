"""Readers for the labelled reference corpora, each mapping its source's labels to the CRF's labels.

The CRF tags AnyStyle's label set (`labels.LABEL_TO_FIELD` maps it to citeaudit's fields), so
GROBID TEI `<bibl>` elements and EXCITE's inline-tagged lines are read into the same labels;
the mapping is written down in `audit/parse/README.md`. Text outside any field element (the
punctuation between fields, and words such as "In:", "pp." or "(Editors)") is labelled by one
rule, `fill_untagged`: a lead word or an opening bracket joins the field after it, anything
else the field before it. A token that a tag boundary cuts ("Q<source>uarterly") takes the label
of most of its letters and digits.
"""

from __future__ import annotations

import html
import random
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from audit import patterns
from audit.errors import UnreadableInput
from audit.parse.dataset import LabelledSequence, read_dataset

Run = tuple[str | None, str]  # (CRF label or None for untagged text, text)

# Untagged words that introduce the field after them ("In: Container", "pp. 12", "Vol. 3").
LEAD_WORDS = frozenset(("in", "vol", "vols", "volume", "pp", "p", "pages", "page", "no", "nos", "nr", "n", "issue",
                        "s", "bd", "band", "heft", "jg", "h", "hrsg", "hg", "ed", "eds", "edited", "by", "v", "von",
                        "t", "tome", "num", "doi", "isbn", "url", "available", "at", "from", "retrieved", "arxiv"))
_OPENERS = "([{“\"«„‘<'"

_GROBID_SCOPES = {"vol": "volume", "volume": "volume", "issue": "volume", "number": "volume", "no": "volume",
                  "pp": "pages", "page": "pages", "pages": "pages"}
_GROBID_IDNO = {"doi": "doi", "isbn": "isbn"}
_GROBID_PLAIN = {"author": "author", "orgName": "author", "editor": "editor", "date": "date",
                 "publisher": "publisher", "pubPlace": "location", "pubplace": "location", "ptr": "url",
                 "note": "note"}

_EXCITE_PLAIN = {"author": "author", "editor": "editor", "title": "title", "year": "date", "volume": "volume",
                 "issue": "volume", "fpage": "pages", "lpage": "pages", "publisher": "publisher", "url": "url"}
_EXCITE_TAG = re.compile(r"<(/?)([a-z-]+)>")


def _token_label(chars: list[tuple[str, str | None]]) -> str | None:
    """The label of most of a token's letters and digits (or of its characters when it has none)."""
    counts: dict[str, int] = {}
    significant = [(c, lab) for c, lab in chars if c.isalnum()] or chars
    for _, label in significant:
        if label is not None:
            counts[label] = counts.get(label, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _is_lead(token: str) -> bool:
    if token.rstrip(".,;:").endswith(")"):  # "(Eds.)" closes the names before it
        return False
    core = token.strip(".,;:()[]").lower()
    return core in LEAD_WORDS or token[:1] in _OPENERS and not token.strip(_OPENERS + ".,;:")


_CITATION_NUMBER = re.compile(r"^(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}\.?)$")
_ORDINAL = re.compile(r"^\(?\d{1,2}(?:st|nd|rd|th|\.)?$", re.I)
_EDITION_WORDS = frozenset(("ed", "edn", "edition", "aufl", "auflage", "éd", "édition"))


def fill_untagged(tokens: list[str], labels: list[str | None]) -> list[str]:
    """Untagged tokens join the next field when they lead into it, else the previous field.

    Two label-noise rules: an untagged number before the first field is the citation number
    ("[1] Tumpf, S.E."), and a volume/issue tag on "2nd ed." (EXCITE tags editions as issues)
    is an edition.
    """
    out = list(labels)
    for i, label in enumerate(labels):
        if label == "volume" and _ORDINAL.match(tokens[i]) and i + 1 < len(tokens) \
                and tokens[i + 1].strip("().,;:").lower() in _EDITION_WORDS:
            out[i] = "edition"
            if labels[i + 1] in (None, "volume", "publisher"):
                out[i + 1] = "edition"
        if out[i] is not None:
            continue
        if i == 0 and _CITATION_NUMBER.match(tokens[0]):
            out[0] = "citation-number"
            continue
        after = next((lab for lab in labels[i + 1:] if lab is not None), None)
        before = next((lab for lab in reversed(out[:i]) if lab is not None), None)
        if before is None or (after is not None and _is_lead(tokens[i])):
            out[i] = after if after is not None else before
        else:
            out[i] = before
    return [label or "note" for label in out]


def sequence_from_runs(runs: Iterable[Run], source: str = "") -> LabelledSequence | None:
    """Whitespace tokens of the runs' text, each labelled by `_token_label` and `fill_untagged`."""
    tokens, labels = label_runs(runs)
    if not tokens or all(label is None for label in labels):
        return None
    return LabelledSequence(tuple(tokens), tuple(fill_untagged(tokens, labels)), source)


def label_runs(runs: Iterable[Run]) -> tuple[list[str], list[str | None]]:
    """Whitespace tokens of the runs' text, each with the label of most of its characters (None: untagged)."""
    tokens: list[str] = []
    labels: list[str | None] = []
    chars: list[tuple[str, str | None]] = []

    def flush() -> None:
        if chars:
            tokens.append("".join(c for c, _ in chars))
            labels.append(_token_label(chars))
            chars.clear()

    for label, text in runs:
        for char in text:
            if char.isspace():
                flush()
            else:
                chars.append((char, label))
    flush()
    return tokens, labels


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _grobid_label(element: ET.Element, has_analytic: bool) -> str | None:
    tag = _local(element.tag)
    if tag == "title":
        level = element.get("level", "a")
        return {"a": "title", "j": "journal", "s": "collection-title"}.get(
            level, "container-title" if has_analytic else "title")
    if tag == "biblScope":
        return _GROBID_SCOPES.get((element.get("unit") or element.get("type") or "").lower(), "note")
    if tag == "idno":
        return _GROBID_IDNO.get((element.get("type") or "").lower(), "note")
    if tag == "note" and element.get("type") == "report":
        return "genre"
    return _GROBID_PLAIN.get(tag)


def _grobid_runs(bibl: ET.Element) -> list[Run]:
    has_analytic = any(_local(e.tag) == "title" and e.get("level", "a") == "a" for e in bibl)
    runs: list[Run] = [(None, bibl.text or "")]
    after_title = False
    for child in bibl:
        label = _grobid_label(child, has_analytic)
        if _local(child.tag) == "orgName" and after_title:
            label = "publisher"  # an institution after the title ("M.S. thesis, Univ. Bonn"), as AnyStyle labels it
        after_title = after_title or _local(child.tag) == "title"
        runs.append((label, "".join(child.itertext())))
        runs.append((None, child.tail or ""))
    return runs


def read_grobid(path: str | Path, source: str = "grobid") -> list[LabelledSequence]:
    """Every `<bibl>` of a GROBID citation training file."""
    try:
        root = ET.parse(str(path)).getroot()
    except (ET.ParseError, OSError) as exc:
        raise UnreadableInput(f"{path}: not a GROBID TEI file ({exc})") from exc
    out = []
    for bibl in root.iter():
        if _local(bibl.tag) == "bibl":
            seq = sequence_from_runs(_grobid_runs(bibl), source)
            if seq is not None:
                out.append(seq)
    return out


def _excite_runs(line: str) -> list[Run]:
    """Inline tags by a scanner (the files are not well-formed XML); the outermost known tag labels text."""
    runs: list[Run] = []
    stack: list[str] = []
    pos = 0
    for match in _EXCITE_TAG.finditer(line):
        label = next((tag for tag in stack if tag in _EXCITE_PLAIN or tag in ("source", "other", "identifier")), None)
        runs.append((label, html.unescape(line[pos:match.start()])))
        closing, tag = match.groups()
        if closing:
            if tag in stack:
                del stack[len(stack) - 1 - stack[::-1].index(tag):]
        else:
            stack.append(tag)
        pos = match.end()
    runs.append((None, html.unescape(line[pos:])))
    return runs


# EXCITE's `other` also holds words that are no place: the end of a name list, a lead word, an access date
# or a publication state ("im Druck", "Unveröff. Manuskript"), which AnyStyle labels `note`.
_OTHER_JOINS = re.compile(r"^(?:et\.? ?al\.?|u\. ?a\.?|and others|jg\.|h\.|heft|vol\.|nr\.)$", re.I)
_SAME_AUTHOR = re.compile(r"^(?:ders|dies|ead|eid|idem|eadem)\.?$", re.I)  # "ders.": the author(s) named before
_EDITOR_AFTER = re.compile(r"^\W*\(?(?:hg|hrsg|eds?|dir)\b", re.I)
_OTHER_NOTE = re.compile(r"zugriff|abgerufen|aufruf|accessed|retrieved|citado|consult|online|internet|verfügbar|"
                         r"available|im druck|erscheinen|forthcoming|in press|vorbereitung|unver[öo]ff|unpubl|"
                         r"manus|mimeo|thesis|diss\b|dissertation|übersetzt|translated", re.I)
_NO_YEAR = re.compile(r"^(?:o\. ?j\.?|n\. ?d\.?|s\. ?d\.?)$", re.I)  # "o. J.", "n.d.": no year, a date


def _excite_label(tag: str | None, text: str, has_volume: bool) -> str | None:
    """EXCITE tag → CRF label; `source` is a journal when a volume or issue follows, else a container."""
    if tag is None:
        return None
    if tag == "source":
        return "journal" if has_volume else "container-title"
    if tag == "other":  # mostly the place of publication; dates and other notes otherwise
        if _OTHER_JOINS.match(text.strip()):
            return None  # "et al." joins the names before it, "Jg." the volume after it (`fill_untagged`)
        if _OTHER_NOTE.search(text):
            return "note"  # access dates and publication states, as AnyStyle labels them
        if _NO_YEAR.match(text.strip()):
            return "date"
        if patterns.MONTH.match(text.strip()) or any(c.isdigit() for c in text):
            return "date" if patterns.YEAR.search(text) or patterns.MONTH.match(text.strip()) else "note"
        return "location"
    if tag == "identifier":
        return "doi" if patterns.DOI.search(text) else "isbn" if "isbn" in text.lower() else "note"
    return _EXCITE_PLAIN.get(tag)


_EDITOR_WORDS = frozenset(("ed", "eds", "editor", "editors", "edited", "hrsg", "hg", "herausgeber", "dir", "coord"))


def _leading_editor_as_author(seq: LabelledSequence) -> LabelledSequence:
    """EXCITE tags a corporate author that opens a reference as `editor` ("Birmingham City Council
    (1995): …"); with no editor word in or right after that run it is the author, as AnyStyle labels it.
    """
    labels = seq.labels
    start = 1 if labels[0] == "citation-number" else 0
    if start >= len(labels) or labels[start] != "editor":
        return seq
    end = start
    while end < len(labels) and labels[end] == "editor":
        end += 1
    words = {t.strip(".,;:()[]").lower() for t in seq.tokens[start:end + 2]}
    if words & _EDITOR_WORDS:
        return seq
    return LabelledSequence(seq.tokens, (*labels[:start], *["author"] * (end - start), *labels[end:]), seq.source,
                            seq.context)


_NOT_PUBLISHER = _EDITOR_WORDS | {"in", "im", "dans", "en", "von", "by", "mitarbeit", "with"}


def _institution_editor_as_publisher(seq: LabelledSequence) -> LabelledSequence:
    """EXCITE also tags the institution behind a report as `editor` ("… Research Report. Centre for Housing
    Research, Glasgow", "Ph.D. Thesis, Carnegie-Mellon University"); an editor run after the title with no
    editor word in or next to it and no "in" before it is the publisher, as AnyStyle labels institutions.
    """
    labels = list(seq.labels)
    if "title" not in labels:
        return seq
    i = labels.index("title")
    changed = False
    while i < len(labels):
        if labels[i] != "editor":
            i += 1
            continue
        end = i
        while end < len(labels) and labels[end] == "editor":
            end += 1
        words = {t.strip(".,;:()[]").lower() for t in seq.tokens[max(0, i - 2):end + 2]}
        if not words & _NOT_PUBLISHER:
            labels[i:end] = ["publisher"] * (end - i)
            changed = True
        i = end
    if not changed:
        return seq
    return LabelledSequence(seq.tokens, tuple(labels), seq.source, seq.context)


def read_excite(path: str | Path, source: str = "excite") -> list[LabelledSequence]:
    """One reference per line of an EXCITE `<id>.xml` file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UnreadableInput(f"{path}: not a readable EXCITE file ({exc})") from exc
    out = []
    for line in text.splitlines():
        raw = _excite_runs(line)
        tags = {tag for tag, _ in raw}
        has_volume = bool(tags & {"volume", "issue"})
        runs = [(_excite_label(tag, part, has_volume), part) for tag, part in raw]
        for j, (tag, part) in enumerate(raw):
            if tag == "other" and _SAME_AUTHOR.match(part.strip()):  # editors when "(Hg.)" follows
                after = raw[j + 1][1] if j + 1 < len(raw) else ""
                runs[j] = ("editor" if _EDITOR_AFTER.match(after) else "author", part)
        seq = sequence_from_runs(runs, source)
        if seq is not None:
            out.append(_institution_editor_as_publisher(_leading_editor_as_author(seq)))
    return out


def detect_format(path: Path) -> str:
    """"anystyle", "grobid" or "excite", from the file's first kilobytes."""
    head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    if "<dataset" in head and "<sequence" in head:
        return "anystyle"
    if "<bibl" in head or "tei-c.org" in head or "<listBibl" in head:
        return "grobid"
    if _EXCITE_TAG.search(head):
        return "excite"
    raise UnreadableInput(f"{path}: not a labelled reference file (AnyStyle XML, GROBID TEI or EXCITE)")


def source_name(path: Path, fmt: str) -> str:
    """The source a file belongs to, for per-source scores: anystyle/FILE, grobid, excite-de or excite-en.

    AnyStyle's files differ in kind (`core` and `good` are clean, `ugly` and `bad` are messy
    inputs with noisy labels), so each is its own source within the `anystyle` family
    (`family_of`); the family is scored together as well.
    """
    if fmt == "excite":
        parent = path.parent.name.lower()
        return "excite-de" if parent.startswith("de") else "excite-en" if parent.startswith("en") else "excite"
    if fmt == "anystyle":
        return "anystyle/" + path.name.split(".")[0].removeprefix("anystyle-")
    return fmt


def family_of(source: str) -> str:
    """The corpus a source belongs to: "anystyle/ugly" → "anystyle"; other sources are their own family."""
    return source.split("/", 1)[0]


def _files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.xml") if p.is_file())
        elif path.is_file():
            yield path
        else:
            raise UnreadableInput(f"{path}: no such file or directory")


def sample_per_source(sequences: Sequence[LabelledSequence], limit: int | None,
                      seed: int = 0) -> list[LabelledSequence]:
    """At most `limit` sequences of each source, drawn by a seeded shuffle (all when limit is None)."""
    if limit is None:
        return list(sequences)
    by_source: dict[str, list[LabelledSequence]] = {}
    for seq in sequences:
        by_source.setdefault(seq.source, []).append(seq)
    out: list[LabelledSequence] = []
    for source in sorted(by_source):
        group = by_source[source]
        random.Random(seed).shuffle(group)
        out += group[:limit]
    return out


def read_sources(paths: Iterable[str | Path]) -> list[LabelledSequence]:
    """Every labelled reference in the given files and directories, each tagged with its source."""
    out: list[LabelledSequence] = []
    for path in _files(paths):
        fmt = detect_format(path)
        source = source_name(path, fmt)
        if fmt == "anystyle":
            out.extend(LabelledSequence(s.tokens, s.labels, source) for s in read_dataset(path))
        elif fmt == "grobid":
            out.extend(read_grobid(path, source))
        else:
            out.extend(read_excite(path, source))
    return out
