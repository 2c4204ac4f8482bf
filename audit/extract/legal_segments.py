"""split_note_citations(): a note's citations, with Bluebook citations read as a law-review cite-checker reads them.

The notes segmenter (`segments.split_citations`) cuts a note at sentences and semicolons. Where eyecite finds
legal citations in the note, each is matched to the segment it sits in: a case citation takes its name from
the segment (eyecite guesses names from the words before the volume and gets "Nat'l Cable & Telecomms.
Ass'n v. …" wrong), a short case citation keeps the name it gives, and "Id." is an `id` even when the segmenter
missed it (after "See generally", or `*Id*.` with the period outside the italics). Internal cross-references
("supra Part III.B", "infra para. 314") point at the document's own text: they are not citations.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from audit.emphasis import PlainText, strip_emphasis
from audit.extract.legal_reader import LegalCite, read_legal_citations
from audit.extract.segments import Segment, find_pinpoint, split_citations

# Signals the notes segmenter leaves on a legal citation: "See generally", "Accord", "But cf.", "Compare … with".
_LEGAL_SIGNAL = re.compile(r"^(?:[*_]*(?:see\s+generally|generally|accord|but\s+cf\.|but\s+see|see\s+also|see|cf\.|"
                           r"compare|with|and|e\.g\.,?|contra)[*_]*,?\s+)+", re.IGNORECASE)
# "supra Part III.B", "infra para. 314", "supra notes 12-14 and accompanying text", "supra § 2"
INTERNAL_REFERENCE = re.compile(
    r"\b(?:supra|infra)[*_]*,?\s+(?:Parts?\b|Sections?\b|§|paras?\.|paragraphs?\b|¶|Chapters?\b|App(?:endix|\.)|"
    r"Tables?\b|Fig(?:ure|\.)|text\s+accompanying|notes?\s+\d{1,4}(?:\s*[-–]\s*\d{1,4})?\s+and\s+accompanying\s+text)",
    re.IGNORECASE)
# A journal name cut by the sentence splitter: the first part ends in an abbreviation ("High Tech."), the
# second is the rest of the name and the first page ("L. 141, 145 (2003).", "Rev. 1, 15 (2015)")
_ABBREVIATION_END = re.compile(r"\d{1,4}\s(?:[^,;]*\s)?[A-Z][a-z]{0,7}\.$")
_JOURNAL_TAIL = re.compile(r"^(?:(?:[A-Z][a-z]{0,7}\.|&|on|of)\s+)*[A-Z][a-z]{0,7}\.\s+\d{1,5}\b")
# A Bluebook article: "Author, Title, 67 Stan. L. Rev. 1, 15 (2015)" (and what follows: [hereinafter …], a
# parenthetical). The journal's name is abbreviated words between the volume and the first page.
BLUEBOOK_ARTICLE = re.compile(r"^(?P<author>[^,]{2,80}?), (?P<title>.{3,}), (?P<volume>\d{1,4}) "
                              r"(?P<journal>[A-Z][A-Za-z.&'’ ]{1,60}?) (?P<page>\d{1,5})"
                              r"(?:, (?P<pin>\d{1,5}(?:\s?[-–]\s?\d{1,5})?))? \((?:[^()]*\s)?(?P<year>\d{4})\)")
# "Id." at a sentence start, after an optional signal: eyecite reads "Id. Id." as one
_ID_START = re.compile(r"(?:^|(?<=[.;]\s))(?:(?:see(?:\s+also|\s+generally)?|cf\.|but\s+see|but\s+cf\.|accord)\s+)?"
                       r"(?P<id>[Ii]d\.)(?:,?\s+at\s+(?P<pin>\d{1,5}(?:\s?[-–]\s?\d{1,5})?))?", re.IGNORECASE)
# The end of a sentence inside a segment the splitter kept whole ("Id. See id. at 4": "id." is an abbreviation)
_SENTENCE_END = re.compile(r"\.[*_]*\s+")
# Where a clause ends in plain text: a semicolon, or a full stop before a new sentence or the note's end
_CLAUSE_END = re.compile(r";|\.(?=\s+[A-Z*]|\s*$)")
# "[hereinafter RIF Order]" / "(hereinafter 'the Order')" after a full citation
HEREINAFTER = re.compile(r"[\[(][*_]*hereinafter[*_]*[,:]?\s+(?P<name>[^\])]+)[\])]", re.IGNORECASE)
# An agency order's way of naming a work: a closing parenthetical of capitalised words after the citation,
# "Comments of AT&T, GN Docket No. 17-108, at 12 (filed July 17, 2017) (AT&T Comments)." (not "(D.C. Cir. 2014)":
# every word starts with a capital, so a year cannot end it, nor an abbreviation: not "(D.C. Cir.)", "(Mem.)";
# not "(per curiam)", "(emphasis added)")
DEFINED_NAME = re.compile(r"\((?P<name>(?:(?:19|20)\d\d\s+)?[A-Z][\w&'’.-]*"
                          r"(?:\s+(?:[A-Z&][\w&'’.-]*|of|and|on|for|the))*)(?<!\.)\)(?=[.;]?\s*(?:$|;|\.\s))")
# What may follow a [hereinafter] name used on its own as a citation: a pinpoint ("RIF Order ¶ 25", "at 12")
_NAMED_PINPOINT = re.compile(r"[*_]*,?\s*(?:at\s+\d|¶|paras?\.\s*\d|§|\d)")
# An emphasis mark, not a Westlaw star page ("at *3")
_EMPHASIS_MARK = re.compile(r"\*(?!\d)")
_NOT_A_STOP = "\u2024"  # ONE DOT LEADER: looks like a full stop, ends no sentence
_KINDS_IN_LEGAL_NOTES = frozenset({"case", "short-case", "law", "id", "journal"})
# "Id. at 5 (quoting …)": the page of an Id. followed by a parenthetical
_ID_PIN = re.compile(r"^[*_]*[Ii]d[*_]*\.[*_]*,?\s+at\s+\*?(?P<pin>\d{1,5}(?:\s?[-–]\s?\d{1,5})?)")
# A filing in an agency proceeding: "Comments of AT&T, GN Docket No. 17-108, at 12 (filed July 17, 2017)"
AGENCY_FILING = re.compile(
    r"^(?P<genre>(?:(?:Reply|Joint|Supplemental|Initial)\s+)*(?:Comments|Reply|Petition(?:\s+for\s+[A-Z][\w ]{2,40}?)?|"
    r"Opposition))\s+of\s+(?P<author>[^,]{2,80}?(?:,\s+(?:Inc|LLC|L\.P|Co|Corp|Ltd)\.?)?),\s+"
    r"(?P<docket>(?:[A-Z]{2,4}\s+)?Docket\s+Nos?\.\s+[\w-]+(?:,\s+(?:[A-Z]{2,4}\s+)?Docket\s+No\.\s+[\w-]+)*)"
    r"(?:,\s+at\s+(?P<pin>\d{1,4}(?:\s?[-–]\s?\d{1,4})?))?\s+\((?:filed|rec\.|received)\s+(?P<date>[^()]*?\d{4})\)")
# The end of a capitalised name the sentence splitter cut off before its last abbreviation:
# "Nat'l Cable & Telecomms." before "Ass'n v. Brand X Internet Servs., 545 U.S. 967"
_NAME_HEAD = re.compile(r"(?:^|(?<=[;:]\s)|(?<=\.\s)|(?<=[*_]\s))(?:(?:[A-Z][\w'’.-]*|&|of|the|and|for|in|on)\s+)*"
                        r"[A-Z][\w'’-]*\.\s+$")
_NAME_TRIM = " ,;:*_"


def is_internal_reference(segment: Segment) -> bool:
    return segment.kind in ("supra", "infra", "cross-ref", "short") and bool(INTERNAL_REFERENCE.search(segment.text))


def _strip_signal(note_text: str, start: int, end: int) -> int:
    match = _LEGAL_SIGNAL.match(note_text[start:end])
    return start + match.end() if match and match.end() < end - start else start


def _name(note_text: str, start: int, volume_at: int) -> str | None:
    name = strip_emphasis(note_text[start:volume_at]).text.strip(_NAME_TRIM)
    return name or None


def _legal_fields(cite: LegalCite, name: str | None, plain: PlainText) -> tuple[str, dict]:
    """The citation kind and the fields a legal citation gives without parsing."""
    if cite.kind == "case":
        fields = {"title": name or "", "container-title": cite.reporter or "", "volume": cite.volume or "",
                  "pages": cite.page or "", "date": cite.year or ""}
        return "full", {k: v for k, v in fields.items() if v}
    if cite.kind == "short-case":
        fields = {"title": name or cite.name or "", "container-title": cite.reporter or "", "volume": cite.volume or ""}
        return "short", {k: v for k, v in fields.items() if v}
    if cite.kind == "law":
        return "full", {k: v for k, v in {"title": plain.text[cite.start:cite.end], "date": cite.year or ""}.items()
                        if v}
    return "id", {}


def _name_start(note_text: str, start: int) -> int:
    """Where a case name begins when the sentence splitter cut it at an abbreviation's full stop."""
    match = _NAME_HEAD.search(note_text[max(0, start - 160):start])
    if match is None or not match.group(0).strip():
        return start
    return start - len(match.group(0))


def _legal_segment(note_text: str, plain: PlainText, cite: LegalCite, start: int, end: int,
                   signal: str | None) -> Segment:
    start = _strip_signal(note_text, start, end)
    if cite.kind in ("case", "short-case") and not note_text[start:start + 1] == "*":
        start = _strip_signal(note_text, _name_start(note_text, start), end)
    sliced = note_text[start:end].rstrip()
    # A signal cut out of the italic run it shares with "id." ("*See generally id.* at 12"): the citation's text
    # opens that run again, so that it reads "*id.* at 12" and not "id.* at 12"; its offsets stay the slice's.
    text = "*" + sliced if len(_EMPHASIS_MARK.findall(note_text, 0, start)) % 2 else sliced
    volume_at = plain.origin[cite.start]
    kind, fields = _legal_fields(cite, _name(note_text, start, volume_at), plain)
    pinpoint = {"short-case": cite.page, "law": None}.get(cite.kind, cite.pin)  # a statute's "(a)" is no page
    if cite.kind == "id" and pinpoint is None:
        match = _ID_PIN.match(text)
        pinpoint = match.group("pin").replace(" ", "") if match else None
    pinpoint = pinpoint or (find_pinpoint(text) if cite.kind in ("case", "id") else None)
    return Segment(text=text, start=start, end=start + len(sliced), kind=kind, signal=signal, pinpoint=pinpoint,
                   fields=fields, type="legal")


def _from_eyecite(note_text: str, plain: PlainText, cite: LegalCite) -> Segment:
    """A citation the segmenter did not see: eyecite's own span, from its name guess to its pinpoint."""
    start, end = plain.marked_span(cite.full_start if cite.kind != "id" else cite.start, cite.full_end)
    core = plain.origin[cite.start]
    stops = [m.end() for m in re.finditer(r"[.;][*_]*\s+", note_text[:core])]
    start = max([start, *(stop for stop in stops if stop <= core)])  # eyecite's name guess stops at a sentence
    end = len(note_text[:end].rstrip(" ,;."))
    if note_text[end:end + 1] == ".":
        end += 1  # keep the full stop of "Id."
    return _legal_segment(note_text, plain, cite, start, max(end, start + 1), None)


def article_fields(text: str) -> tuple[dict, str | None] | None:
    """Fields and pinpoint of a Bluebook article citation, or None when `text` does not have that shape."""
    match = BLUEBOOK_ARTICLE.match(strip_emphasis(text).text)
    if match is None:
        return None
    fields = {"author": tuple(a.strip() for a in re.split(r"\s+&\s+|,\s+", match["author"]) if a.strip()),
              "title": match["title"].strip(), "container-title": match["journal"].strip(),
              "volume": match["volume"], "pages": match["page"], "date": match["year"]}
    return fields, (match["pin"] or "").replace(" ", "") or None


def filing_fields(text: str) -> tuple[dict, str | None] | None:
    """Fields and pinpoint of a filing in an agency proceeding ("Comments of AT&T, GN Docket No. 17-108, at 12
    (filed July 17, 2017)"), or None when `text` does not have that shape."""
    match = AGENCY_FILING.match(strip_emphasis(text).text)
    if match is None:
        return None
    fields = {"author": (match["author"].strip(),), "title": f"{match['genre']} of {match['author'].strip()}",
              "genre": match["genre"], "note": match["docket"], "date": match["date"].strip()}
    return fields, (match["pin"] or "").replace(" ", "") or None


def _read_by_shape(segment: Segment) -> Segment:
    """Bluebook articles and agency filings, whose parts are conventional, are read by their shape."""
    if segment.kind not in ("full", "short"):
        return segment
    for reader, kind_of_work in ((article_fields, "article"), (filing_fields, "legal")):
        read = reader(segment.text)
        if read is not None:
            fields, pinpoint = read
            return replace(segment, kind="full", fields=fields, type=kind_of_work,
                           pinpoint=pinpoint or segment.pinpoint)
    return segment


def _sentences_of(note_text: str, plain: PlainText, segment: Segment, cites: list[LegalCite]) -> list[Segment]:
    """A segment cut before each legal citation that starts a sentence of its own ("Id. See id. at 4"), but not
    before one in a parenthetical ("Id. at 5 (quoting Verizon, 740 F.3d at 650)")."""
    cuts = []
    previous_end = plain.origin[cites[0].start] + 1
    for cite in cites[1:]:
        core = plain.origin[cite.start]
        stops = [m.end() for m in _SENTENCE_END.finditer(note_text, previous_end, core)]
        opened = note_text.count("(", segment.start, core) - note_text.count(")", segment.start, core)
        if stops and not opened:  # not in a parenthetical
            cuts.append(stops[-1])
        previous_end = core + 1
    if not cuts:
        return [segment]
    out = []
    for start, end in zip([segment.start, *cuts], [*cuts, segment.end], strict=True):
        text = note_text[start:end].rstrip()
        out.append(replace(segment, text=text, start=start, end=start + len(text),
                           signal=segment.signal if start == segment.start else None))
    return out


def _with_missed_ids(text: str, cites: list[LegalCite]) -> list[LegalCite]:
    """eyecite's citations, and any sentence-initial "Id." it did not report."""
    starts = {c.start for c in cites if c.kind == "id"}
    missed = [LegalCite(kind="id", start=m.start("id"), end=m.end(), full_start=m.start("id"), full_end=m.end(),
                        pin=(m["pin"] or "").replace(" ", "") or None)
              for m in _ID_START.finditer(text) if m.start("id") not in starts
              and not any(c.start <= m.start("id") < c.full_end for c in cites)]
    return sorted([*cites, *missed], key=lambda c: c.start) if missed else cites


def given_names(note_text: str) -> tuple[str, ...]:
    """The names a note gives works, `[hereinafter RIF Order]` or a closing "(AT&T Comments)", as plain text."""
    found = [*HEREINAFTER.finditer(note_text), *DEFINED_NAME.finditer(strip_emphasis(note_text).text)]
    return tuple(strip_emphasis(m.group("name")).text.strip(" '\"‘’“”") for m in found)


@lru_cache(maxsize=64)  # the names known grow note by note, but seldom: one pattern per set of names
def _names_pattern(names: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w*])(?:{alternatives})(?=[\s,])")


def _named_forms(note_text: str, plain: PlainText, names: frozenset[str], placed: list[Segment]) -> list[Segment]:
    """A name given with [hereinafter] or "(AT&T Comments)" used on its own with a pinpoint ("*See* RIF Order
    ¶ 25."), which the segmenter drops as too short to be a citation: a short form, to the end of its clause."""
    found = []
    for match in _names_pattern(names).finditer(plain.text):
        start = plain.origin[match.start()]
        clause = _CLAUSE_END.search(plain.text, match.end())
        end_plain = clause.end() if clause else len(plain.text)
        if not _NAMED_PINPOINT.match(plain.text, match.end()) or _inside(placed, start) or _in_parenthetical(
                note_text, start):
            continue
        end = plain.origin[end_plain - 1] + 1
        if start > 0 and note_text[start - 1] in "*_":
            start -= 1  # the name's own emphasis mark
        text = note_text[start:end].rstrip(" ;")
        name = plain.text[match.start():match.end()]  # a legal short form: parties and filers are no authors
        found.append(Segment(text=text, start=start, end=start + len(text), kind="short",
                             pinpoint=find_pinpoint(text), fields={"title": name}, type="legal"))
    return found


def split_note_citations(note_text: str, known_names: frozenset[str] = frozenset()) -> list[Segment]:
    """The citations in one note, in order: the segmenter's, with the legal ones read by eyecite, and the
    names of `known_names` (`given_names`) used on their own."""
    segments = _split(note_text)
    if known_names:
        named = _named_forms(note_text, strip_emphasis(note_text), known_names, segments)
        segments = sorted([*segments, *named], key=lambda s: s.start) if named else segments
    return segments


def _protected(note_text: str, cores: list[tuple[int, int]]) -> str:
    """The note with the full stops inside citations ("12 Harv. L. Rev. 345") made into a look-alike that ends no
    sentence, so that the segmenter does not cut there; offsets are unchanged."""
    chars = list(note_text)
    for start, end in cores:
        for i in range(start, end):
            if chars[i] == ".":
                chars[i] = _NOT_A_STOP
    return "".join(chars)


def _split(note_text: str) -> list[Segment]:
    plain = strip_emphasis(note_text)
    found = [c for c in read_legal_citations(plain.text) if c.kind in _KINDS_IN_LEGAL_NOTES]
    cites = _with_missed_ids(plain.text, found)
    cores = [plain.marked_span(c.start, c.end) for c in cites]
    protected = _protected(note_text, [span for span, c in zip(cores, cites, strict=True) if c.kind != "id"])
    base = [replace(s, text=note_text[s.start:s.end]) if protected != note_text else s
            for s in split_citations(protected) if not is_internal_reference(s)]
    base = [_read_by_shape(s) for s in _heal(note_text, base, cores)]
    if not cites:
        return base
    pieces: list[Segment] = []
    for segment in base:
        inside = [c for c in cites if segment.start <= plain.origin[c.start] < segment.end]
        pieces.extend(_sentences_of(note_text, plain, segment, inside) if len(inside) > 1 else [segment])
    out: list[Segment] = []
    placed: set[int] = set()
    for segment in pieces:
        inside = [i for i, c in enumerate(cites) if segment.start <= plain.origin[c.start] < segment.end]
        placed.update(inside)
        first = cites[inside[0]] if inside else None
        if first is None or first.kind == "journal" or segment.kind in ("supra", "infra", "cross-ref"):
            # an article is read above or by the reference parser; a supra names its note itself
            out.append(replace(segment, kind="full") if first is not None and first.kind == "journal"
                       and segment.kind == "short" else segment)
            continue
        if first.kind == "id" and plain.origin[first.start] > _strip_signal(note_text, segment.start, segment.end) + 2:
            out.append(segment)  # "… (quoting id. at 4)": an Id. inside another citation's parenthetical
            continue
        out.append(_legal_segment(note_text, plain, first, segment.start, segment.end, segment.signal))
    for i, cite in enumerate(cites):
        core = plain.origin[cite.start]
        if i not in placed and cite.kind != "journal" and not _inside(out, core) and not _in_parenthetical(
                note_text, core):
            out.append(_from_eyecite(note_text, plain, cite))
    return sorted(out, key=lambda s: s.start)


def _in_parenthetical(note_text: str, offset: int) -> bool:
    """"(quoting Verizon, 740 F.3d at 650)": a citation inside another's parenthetical is not cited itself."""
    return note_text.count("(", 0, offset) > note_text.count(")", 0, offset)


def _inside(segments: list[Segment], offset: int) -> bool:
    return any(s.start <= offset < s.end for s in segments)


def _journal_cut(before: str, after: str) -> bool:
    """"… 2 J. on Telecomm. & High Tech." + "L. 141, 145 (2003)": a journal abbreviation cut at its full stop."""
    return bool(_ABBREVIATION_END.search(before) and _JOURNAL_TAIL.match(after))


def _heal(note_text: str, segments: list[Segment], cores: list[tuple[int, int]]) -> list[Segment]:
    """Join segments the sentence splitter cut inside a citation ("67 Stan. | L. Rev. 1")."""
    out: list[Segment] = []
    for segment in segments:
        previous = out[-1] if out else None
        if previous is not None and (any(previous.start <= a < previous.end < b and b > segment.start
                                         for a, b in cores) or _journal_cut(previous.text, segment.text)):
            text = note_text[previous.start:segment.end].rstrip()
            kind = "full" if previous.kind in ("full", "short") else previous.kind
            out[-1] = replace(previous, text=text, end=previous.start + len(text), kind=kind,
                              pinpoint=find_pinpoint(text))
        else:
            out.append(segment)
    return out
