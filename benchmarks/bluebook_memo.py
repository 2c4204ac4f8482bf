"""A synthetic Bluebook-style agency order with Word footnotes, and the truth about every short form in it.

Made from scratch with zipfile and XML strings (no python-docx). Case names, titles and pages are invented;
reporters are real (eyecite must know them). Case names, titles, Id. and signals are italic runs, as in a
Word file; a share of the Id. keep their period outside the italics (`*Id*. at 659.`). Each short form's
truth is the note of the full citation it repeats and a word of the authority's name; an Id. after a
note that cites two authorities is expected to be ambiguous.
"""

from __future__ import annotations

import random
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_SEPARATORS = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
               '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
               '</w:p></w:footnote>')
_PARTIES = ("Verizon", "Mozilla", "Comcast", "Alvarado", "Brightline", "Cascade", "Dunmore", "Everhart", "Fairbanks",
            "Glenrock", "Harrowgate", "Ironwood", "Juniper", "Kessler", "Lakeview", "Marlowe", "Northgate", "Oakhurst",
            "Pinecrest", "Quarry", "Redfield", "Stonebridge", "Thornton", "Underhill", "Valemont", "Westbrook")
_SECOND_WORDS = ("Holdings", "Networks", "Media", "Systems", "Partners", "Mobile", "Fiber", "Digital", "Cellular",
                 "Satellite", "Towers", "Signal", "Carriers", "Online", "Radio", "Transit", "Data", "Voice", "Link",
                 "Cloud")
_SUFFIXES = ("Corp.", "Inc.", "Telecomms., Inc.", "Cable Co.", "Wireless LLC", "Broad. Co.")
_REPORTERS = (("F.3d", "D.C. Cir."), ("F.4th", "9th Cir."), ("F.2d", "2d Cir."), ("U.S.", None),
              ("F. Supp. 3d", "D.D.C."))
_JOURNALS = ("Harv. L. Rev.", "Yale L.J.", "Stan. L. Rev.", "Colum. L. Rev.", "Fed. Comm. L.J.")
_AUTHORS = ("Tim Wu", "Barbara van Schewick", "Susan Crawford", "Christopher Yoo", "Kevin Werbach",
            "Jonathan Nuechterlein", "Rob Frieden", "Ellen Goodman")
_TOPICS = ("Network Neutrality", "Broadband Discrimination", "Quality of Service", "Interconnection Markets",
           "Spectrum Policy", "Common Carriage", "Zero Rating", "Edge Providers", "Last-Mile Competition")
_ORDERS = ("Open Internet", "Restoring Internet Freedom", "Broadband Privacy", "Spectrum Frontiers",
           "Rural Digital Opportunity", "Lifeline Modernization", "Business Data Services", "Connect America")
_BODY = "The Commission considered the record and the arguments of the parties on this question."


@dataclass(frozen=True, slots=True)
class Authority:
    kind: str  # "case", "article", "order", "statute", "comments"
    full: str  # the full citation (with `*…*` italics) without its pinpoint's page
    short: str  # its short form before the page ("*Verizon*, 740 F.3d at"), or "" (articles use supra)
    word: str  # a word of its name the full citation shows (for checking what a short form was resolved to)
    author: str = ""  # an article's author surname
    first_page: int = 1


@dataclass(frozen=True, slots=True)
class Expected:
    """One short form: in `note`, the `order`-th of its `kind` there; repeats the full citation in `full_note`."""

    note: int
    kind: str  # "id", "short", "supra"
    order: int
    full_note: int | None  # None: expected ambiguous
    word: str


@dataclass
class _State:
    rng: random.Random
    cited: dict[int, tuple[Authority, int]]  # authority index -> (authority, note of its full citation)
    authorities: list[Authority]
    last_note_authorities: list[int]  # authorities cited in the last note that cites something
    notes: list[str]
    truth: list[Expected]


def _authorities(rng: random.Random, count: int) -> list[Authority]:
    out: list[Authority] = []
    for i in range(count):
        kind = ("case", "case", "article", "order", "statute", "comments")[i % 6]
        second = "" if i < len(_PARTIES) else " " + _SECOND_WORDS[(i // len(_PARTIES) - 1) % len(_SECOND_WORDS)]
        tag = _PARTIES[i % len(_PARTIES)] + second
        if kind == "case":
            reporter, court = _REPORTERS[i % len(_REPORTERS)]
            volume, page = rng.randint(100, 999), rng.randint(1, 1400)
            name = (f"{tag} {_SUFFIXES[i % len(_SUFFIXES)]} v. FCC" if i % 3
                    else f"Nat'l {tag} & Telecomms. Ass'n v. Brand X Internet Servs.")  # abbreviations with stops
            year = rng.randint(1990, 2023)
            court_year = f"{court} {year}" if court else str(year)
            italic = "*" if i % 4 else ""  # a quarter of the case names are not italic (plain-text habits)
            out.append(Authority("case", f"{italic}{name}{italic}, {volume} {reporter} {page}, {{pin}} ({court_year})",
                                 f"{italic}{tag}{italic}, {volume} {reporter} at", tag, first_page=page))
        elif kind == "article":
            author = _AUTHORS[i % len(_AUTHORS)]
            title = f"{tag}: {_TOPICS[i % len(_TOPICS)]}"
            volume, page = rng.randint(10, 130), rng.randint(1, 1500)
            out.append(Authority("article", f"{author}, *{title}*, {volume} {_JOURNALS[i % len(_JOURNALS)]} {page}, "
                                 f"{{pin}} ({rng.randint(1995, 2023)}) [hereinafter {author.split()[-1]}, *{tag}*]",
                                 "", tag, author=author.split()[-1], first_page=page))
        elif kind == "order":
            name = f"{_ORDERS[i % len(_ORDERS)]} {tag} Order"
            volume, page = rng.randint(20, 36), rng.randint(100, 9000)
            out.append(Authority("order", f"*{_ORDERS[i % len(_ORDERS)]} {tag}*, Report and Order, {volume} FCC Rcd "
                                 f"{page}, {{pin}} ({rng.randint(2005, 2023)}) [hereinafter *{name}*]",
                                 f"*{name}*, {volume} FCC Rcd at", tag, first_page=page))
        elif kind == "comments":  # an agency order's citation of a filing, named in a closing parenthetical
            out.append(Authority("comments", f"Comments of {tag} Inc., GN Docket No. 17-108, at {{pin}} "
                                 f"(filed July 17, 2017) ({tag} Comments)", f"{tag} Comments at", tag, first_page=1))
        else:
            section = 150 + i
            out.append(Authority("statute", f"47 U.S.C. § {section}({{pin}}) (2018)", "", f"§ {section}",
                                 first_page=0))
    return out


def _pin(authority: Authority, rng: random.Random) -> int:
    return authority.first_page + rng.randint(1, 40)


def _full(state: _State, index: int, note: int) -> str:
    authority = state.authorities[index]
    state.cited[index] = (authority, note)
    pin = "a" if authority.kind == "statute" else str(_pin(authority, state.rng))
    return authority.full.replace("{pin}", pin)


def _short(state: _State, index: int, note: int, counts: dict[str, int]) -> tuple[str, str]:
    """A short form of an authority already cited, and its kind in the truth."""
    authority, full_note = state.cited[index]
    if authority.kind == "article":
        text = f"{authority.author}, *{authority.word}*, *supra* note {full_note}, at {_pin(authority, state.rng)}"
        kind = "supra"
    elif authority.kind == "statute":
        return _full(state, index, note), ""
    elif authority.kind == "order" and state.rng.random() < 0.3:
        text = f"{authority.short.split(',')[0]} ¶ {state.rng.randint(1, 400)}"  # the [hereinafter] name alone
        kind = "short"
    else:
        text = f"{authority.short} {_pin(authority, state.rng)}"
        kind = "short"
    counts[kind] = counts.get(kind, 0) + 1
    state.truth.append(Expected(note, kind, counts[kind], full_note, authority.word))
    return text, kind


_ID_FORMS = ("*Id.* at {p}.", "*Id*. at {p}.", "*See id.* at {p}.", "*Id.*", "*Cf. id.* at {p}.",
             "*See generally id.* at {p}.")
_SIGNALS = ("*See* ", "*See also* ", "*Cf.* ", "", "", "*See generally* ")


def _id(state: _State, note: int, counts: dict[str, int], *, after_index: int | None) -> str:
    counts["id"] = counts.get("id", 0) + 1
    if after_index is None:
        expected = None
        word = ""
    else:
        authority, full_note = state.cited[after_index]
        expected, word = full_note, authority.word
    state.truth.append(Expected(note, "id", counts["id"], expected, word))
    page = state.cited[after_index][0].first_page + state.rng.randint(0, 40) if after_index is not None else 1
    return state.rng.choice(_ID_FORMS).format(p=page)


def _note(state: _State, note: int) -> str:
    rng = state.rng
    counts: dict[str, int] = {}
    roll = rng.random()
    uncited = [i for i in range(len(state.authorities)) if i not in state.cited]
    if roll < 0.05:
        return rng.choice(("*See* *supra* Part III.B.", "*See* *infra* para. 314.",
                           "The Commission addresses this argument below."))
    if roll < 0.40 and len(state.last_note_authorities) >= 1 and note > 1:
        unique = len(set(state.last_note_authorities)) == 1
        text = _id(state, note, counts, after_index=state.last_note_authorities[0] if unique else None)
        if unique and rng.random() < 0.3:
            text += " " + _id(state, note, counts, after_index=state.last_note_authorities[0])
        return text
    parts: list[str] = []
    used: list[int] = []
    articles = [i for i in uncited if state.authorities[i].kind == "article"]
    if len(articles) >= 2 and rng.random() < 0.1:  # two articles in one note: "supra note N" must pick by author
        for index in articles[:2]:
            uncited.remove(index)
        first, second = (_full(state, i, note) for i in articles[:2])
        state.last_note_authorities = articles[:2]
        return f"*See* {first}; *see also* {second}."
    for _ in range(rng.choice((1, 1, 1, 2))):
        if uncited and (rng.random() < 0.45 or not state.cited):
            index = uncited.pop(0)
            parts.append(rng.choice(_SIGNALS) + _full(state, index, note))
        else:
            index = rng.choice(sorted(state.cited))
            text, _ = _short(state, index, note, counts)
            parts.append(rng.choice(_SIGNALS) + text)
        used.append(index)
    text = "; ".join(parts) + "."
    if len(used) == 1 and state.authorities[used[0]].kind == "case" and len(state.cited) > 3 and rng.random() < 0.3:
        # a parenthetical that quotes another case: the Id. after it still repeats the case cited
        quoted = state.authorities[rng.choice([i for i in sorted(state.cited) if i != used[0]])]
        if quoted.short:
            text = text[:-1] + f" (quoting {quoted.short} {quoted.first_page + 2})."
    if len(used) == 1 and rng.random() < 0.25:
        text += " " + _id(state, note, counts, after_index=used[0])
    if rng.random() < 0.1:
        text = "The parties dispute this reading. " + text
    state.last_note_authorities = used
    return text


def make_notes(count: int, seed: int = 17) -> tuple[list[str], list[Expected]]:
    """Note texts (with `*…*` italics) and the truth about their short forms."""
    rng = random.Random(seed)
    state = _State(rng, {}, _authorities(rng, max(40, count // 6)), [], [], [])
    for note in range(1, count + 1):
        state.notes.append(_note(state, note))
    return state.notes, state.truth


def _runs(text: str) -> str:
    out = []
    for i, piece in enumerate(text.split("*")):
        if piece:
            props = "<w:rPr><w:i/></w:rPr>" if i % 2 else ""
            out.append(f'<w:r>{props}<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
    return "".join(out)


def write_docx(path: Path, notes: list[str]) -> Path:
    """A Word file: one body sentence per footnote, ten to a paragraph, the notes as real Word footnotes."""
    body: list[str] = []
    footnotes: list[str] = []
    for start in range(0, len(notes), 10):
        runs = []
        for n in range(start, min(start + 10, len(notes))):
            note_id = n + 2  # ids -1 and 0 are Word's separators
            runs.append(_runs(_BODY))
            runs.append(f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                        f'<w:footnoteReference w:id="{note_id}"/></w:r>')
            footnotes.append(f'<w:footnote w:id="{note_id}"><w:p><w:r><w:footnoteRef/></w:r>'
                             f'{_runs(" " + notes[n])}</w:p></w:footnote>')
        body.append(f"<w:p>{''.join(runs)}</w:p>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types '
                   'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {_NS}><w:body>'
                   f'{"".join(body)}<w:sectPr/></w:body></w:document>')
        z.writestr("word/footnotes.xml", f'<?xml version="1.0"?><w:footnotes {_NS}>{_SEPARATORS}'
                   f'{"".join(footnotes)}</w:footnotes>')
    return path


@dataclass(frozen=True, slots=True)
class Score:
    expected: int
    found: int
    resolved: int  # resolved to the right note's citation (or, when expected ambiguous, reported ambiguous)


def score(report: dict, truth: list[Expected], kind: str) -> Score:
    """How many of the expected short forms of `kind` the JSON report found and resolved right."""
    by_id = {c["id"]: c for n in report["notes"] for c in n["citations"]}
    per_note: dict[int, list[dict]] = {}
    for note in report["notes"]:
        per_note[note["number"]] = [c for c in note["citations"] if c["kind"] == kind]
    expected = [t for t in truth if t.kind == kind]
    found = resolved = 0
    for item in expected:
        got = per_note.get(item.note, [])
        if len(got) < item.order:
            continue
        found += 1
        citation = got[item.order - 1]
        antecedent = by_id.get(citation["antecedent"] or "")
        if item.full_note is None:
            resolved += citation["antecedent"] is None
        elif antecedent is not None and antecedent["id"].startswith(f"n{item.full_note}.") \
                and item.word in antecedent["text"]:
            resolved += 1
    return Score(len(expected), found, resolved)
