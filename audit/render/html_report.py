"""render_html(): one self-contained HTML page per Report (the only jinja2 import in citeaudit).

The page is laid out from the Report alone. This module turns the Report into small view records
(anchors, links that only point at ids present on the page, diff segments), and the templates in
`templates/` lay those out with autoescaping on, so no document text can become markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from audit.findings import Location
from audit.manifest import DocumentSummary, summarise
from audit.models import Citation
from audit.render.diff_marks import Segment, diff_values

if TYPE_CHECKING:  # the collection index is written without importing the audit's rules
    from audit.report import Report

_TEMPLATES = Path(__file__).with_name("templates")
_ENV = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(default=True,
                   default_for_string=True, enabled_extensions=("j2", "html")),
                   undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                   auto_reload=False)  # templates ship with the package: no stat() of every include per work

# Dead links first: they need the author's attention; inconclusive and unchecked ones last.
URL_STATUS_ORDER = ("DEAD", "SOFT_404", "MOVED_TO_ROOT", "MALFORMED", "BLOCKED", "REDIRECTED", "ALIVE",
                    "NOT_CHECKED")
_URL_STATUS_CLASS = {"DEAD": "bad", "SOFT_404": "bad", "MOVED_TO_ROOT": "bad", "MALFORMED": "warn",
                     "BLOCKED": "unknown", "REDIRECTED": "good", "ALIVE": "good", "NOT_CHECKED": "unknown"}
SEVERITIES = ("error", "warning", "info")
_SEVERITY_TITLES = {"error": "Errors", "warning": "Warnings", "info": "Information"}
# Short forms point back to a full citation; for these an empty antecedent is worth saying out loud.
_SHORT_KINDS = frozenset({"short", "ibid", "op-cit", "loc-cit", "id", "supra"})


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    href: str | None  # "#note-17"; None when the target is not on the page (then it is plain text)

    def __html__(self) -> str:
        """The link as the templates print it: a Jinja macro per link was a tenth of a large report's time."""
        if self.href:
            return f'<a href="{escape(self.href)}">{escape(self.text)}</a>'
        return f'<span class="nolink">{escape(self.text)}</span>'


def join_links(items: Iterable[Link]) -> Markup:
    """Links separated by commas (the `links` filter of the templates)."""
    return Markup(", ").join(items)


_ENV.filters["links"] = join_links


@dataclass(frozen=True, slots=True)
class FindingView:
    id: str
    rule: str
    severity: str
    message: str
    values: tuple[tuple[Segment, ...], ...]
    suggestion: str | None
    where: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class RuleGroup:
    anchor: str
    rule: str
    severity: str
    findings: tuple[FindingView, ...]


@dataclass(frozen=True, slots=True)
class SeverityGroup:
    severity: str
    title: str
    rules: tuple[RuleGroup, ...]


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: int
    width: float  # percentage of the longest bar
    css: str


@dataclass(frozen=True, slots=True)
class CitationView:
    anchor: str
    id: str
    kind: str
    text: str | None  # None when it is the whole note, so the text is not printed twice
    pinpoint: str | None
    work: Link | None
    antecedent: Link | None
    expects_antecedent: bool
    urls: tuple[Link, ...]  # the citation's own URLs; href is the web address, or None for non-web text


@dataclass(frozen=True, slots=True)
class NoteView:
    anchor: str
    number: int
    line: int
    text: str
    citations: tuple[CitationView, ...]
    findings: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class EntryView:
    anchor: str
    index: int
    line: int
    text: str
    key: str | None
    work: Link | None
    cited_by: tuple[Link, ...]
    findings: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class SectionView:
    title: str | None
    entries: tuple[EntryView, ...]


@dataclass(frozen=True, slots=True)
class BodyLineView:
    anchor: str
    line: int
    citations: tuple[CitationView, ...]
    findings: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class WorkView:
    anchor: str
    id: str
    key: str
    type: str
    title: str
    citations: tuple[Link, ...]
    entries: tuple[Link, ...]
    registry: RegistryView | None = None


@dataclass(frozen=True, slots=True)
class RegistryView:
    """A work's registry verdict: status, the record's link, and the differences side by side."""

    status: str
    css: str
    source: str
    href: str | None
    reason: str
    differences: tuple[tuple[str, str, str], ...]  # (field, as cited, as registered)
    retraction: str


_REGISTRY_STATUS_CLASS = {"VERIFIED": "good", "MISMATCH": "warn", "NOT_FOUND": "warn", "RETRACTED": "bad",
                          "NOT_CHECKED": "unknown", "UNREACHABLE": "unknown"}


def registry_view(verdict: Any) -> RegistryView | None:
    if verdict is None:
        return None
    from audit.rules.registry import SOURCE_NAMES, describe_notice

    retraction = describe_notice(verdict.retraction) if verdict.retraction is not None else ""
    return RegistryView(verdict.status.value, _REGISTRY_STATUS_CLASS.get(verdict.status.value, "unknown"),
                        SOURCE_NAMES.get(verdict.source or "", ""), web_href(verdict.link), verdict.reason,
                        tuple((d.field, d.cited, d.registered) for d in verdict.differences), retraction)


@dataclass(frozen=True, slots=True)
class UrlView:
    written: str
    href: str | None
    status: str
    css: str
    http_status: int | None
    accessed: str | None
    archive_status: str
    snapshot: str | None
    where: tuple[Link, ...]
    reason: str  # the URL stage's plain-English why ("answers 404 after 2 retries"), when it gives one
    repairs: tuple[str, ...] = ()  # damage the URL stage repaired in the URL as written ("missing scheme")


_PLACE_ATTRIBUTE = {"note": "number", "bibliography": "index", "body": "line"}


class _Anchors:
    """Hands out unique element ids: duplicated note numbers must not produce duplicate ids."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def claim(self, wanted: str) -> str:
        anchor, n = wanted, 1
        while anchor in self.used:
            n += 1
            anchor = f"{wanted}-{n}"
        self.used.add(anchor)
        return anchor


def web_href(url: str | None) -> str | None:
    """Only http(s) addresses become links: a `javascript:` or `data:` URL in a document stays text."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _as_text(value: Any) -> str:
    return "; ".join(value) if isinstance(value, tuple | list) else str(value)


def _link(text: str, anchor: str | None) -> Link:
    return Link(text, f"#{anchor}" if anchor else None)


def _first(target: dict[Any, str], pairs: Iterable[tuple[Any, str]]) -> None:
    for key, anchor in pairs:
        target.setdefault(key, anchor)


class _PageBuilder:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.anchors = _Anchors()
        self.note_anchor: dict[int, str] = {}
        self.entry_anchor: dict[int, str] = {}
        self.citation_anchor: dict[str, str] = {}
        self.work_anchor: dict[str, str] = {}
        self.line_anchor: dict[int, str] = {}
        self.work_keys = {w.id: w.key for w in report.works}
        self._findings_by_place = self._index_findings()
        self._claim_targets()

    def _claim_targets(self) -> None:
        """Every link target first, so links can be checked against what the page will contain.

        Anchors are kept per occurrence (a duplicated note number yields `note-4` and `note-4-2`, its
        citations `cit-n4.1` and `cit-n4.1-2`); links by number or id go to the first occurrence.
        """
        r = self.report
        for finding in r.findings:
            self.anchors.claim(finding.id)
        self.note_anchors = [self.anchors.claim(f"note-{rec.note.number}") for rec in r.notes]
        self.citation_anchors = [self.anchors.claim(f"cit-{c.id}") for c in self._all_citations()]
        self.entry_anchors = [self.anchors.claim(f"entry-{rec.entry.index}") for rec in r.bibliography]
        self.work_anchors = [self.anchors.claim(f"work-{w.id}") for w in r.works]
        for line in sorted(self._body_lines()):
            self.line_anchor[line] = self.anchors.claim(f"line-{line}")
        _first(self.note_anchor, zip((rec.note.number for rec in r.notes), self.note_anchors, strict=True))
        _first(self.citation_anchor, zip((c.id for c in self._all_citations()), self.citation_anchors, strict=True))
        _first(self.entry_anchor, zip((rec.entry.index for rec in r.bibliography), self.entry_anchors, strict=True))
        _first(self.work_anchor, zip((w.id for w in r.works), self.work_anchors, strict=True))
        it = iter(self.citation_anchors)  # the same order as _all_citations: each note's, then the body's
        self.note_citation_anchors = [tuple(next(it) for _ in rec.citations) for rec in r.notes]
        self.body_citation_anchors = tuple(it)

    def _all_citations(self) -> Iterable[Citation]:
        for record in self.report.notes:
            yield from record.citations
        yield from self.report.body_citations

    def _body_lines(self) -> set[int]:
        lines = {c.span.line for c in self.report.body_citations}
        for item in self.report.findings:
            lines.update(loc.line for loc in item.finding.locations if loc.kind == "body" and loc.line is not None)
        return lines

    def where(self, location: Location) -> Link:
        page = f", page {location.page}" if location.page is not None else ""
        number = location.page_line if location.page_line is not None else location.line  # a PDF's line on its page
        line = f"{page}, line {number}" if number is not None else page
        if location.kind == "note" and location.number is not None:
            return _link(f"note {location.number}{line}", self.note_anchor.get(location.number))
        if location.kind == "bibliography" and location.index is not None:
            return _link(f"entry {location.index}{line}", self.entry_anchor.get(location.index))
        if location.kind == "body" and location.line is not None:
            return _link(f"text{line}", self.line_anchor.get(location.line))
        return Link(f"URL{line}" if location.kind == "url" else f"{location.kind}{line}", None)

    def work_link(self, work_id: str | None) -> Link | None:
        """`w5 unodc2008illicit`: the id readers see in the JSON, and the key they will find in the .bib."""
        if not work_id:
            return None
        key = self.work_keys.get(work_id)
        return _link(f"{work_id} {key}" if key else work_id, self.work_anchor.get(work_id))

    def findings_at(self, kind: str, key: int) -> tuple[Link, ...]:
        return tuple(self._findings_by_place.get((kind, key), ()))

    def _index_findings(self) -> dict[tuple[str, int], list[Link]]:
        """(location kind, note number / entry index / line) -> links to its findings, in report order;
        built once, so a page of 100,000 entries does not scan every finding per entry."""
        index: dict[tuple[str, int], list[Link]] = {}
        for item in self.report.findings:
            places = dict.fromkeys((loc.kind, getattr(loc, _PLACE_ATTRIBUTE[loc.kind]))
                                   for loc in item.finding.locations if loc.kind in _PLACE_ATTRIBUTE)
            for place in places:
                index.setdefault(place, []).append(Link(f"{item.id} {item.finding.rule}", f"#{item.id}"))
        return index

    def finding_groups(self) -> tuple[SeverityGroup, ...]:
        out = []
        for severity, items in groupby(self.report.findings, key=lambda f: f.finding.severity.value):
            rules: dict[str, list[FindingView]] = {}
            for item in items:
                f = item.finding
                rules.setdefault(f.rule, []).append(FindingView(
                    item.id, f.rule, severity, f.message, diff_values(f.values), f.suggestion,
                    tuple(self.where(loc) for loc in f.locations)))
            groups = tuple(RuleGroup(self.anchors.claim(f"rule-{severity}-{rule}"), rule, severity, tuple(views))
                           for rule, views in rules.items())
            out.append(SeverityGroup(severity, _SEVERITY_TITLES.get(severity, severity), groups))
        return tuple(out)

    def citation(self, citation: Citation, anchor: str, note_text: str | None) -> CitationView:
        work = self.work_link(citation.work)
        antecedent = None
        if citation.antecedent:
            antecedent = _link(citation.antecedent, self.citation_anchor.get(citation.antecedent))
        url = citation.fields.get("url")
        urls = tuple(Link(u, web_href(u)) for u in ((url,) if isinstance(url, str) else (url or ())) if u)
        return CitationView(anchor, citation.id, citation.kind,
                            None if citation.text == note_text else citation.text, citation.pinpoint, work,
                            antecedent, citation.kind in _SHORT_KINDS, urls)

    def notes(self) -> tuple[NoteView, ...]:
        return tuple(NoteView(anchor, rec.note.number, rec.note.span.line, rec.note.text,
                              tuple(self.citation(c, a, rec.note.text)
                                    for c, a in zip(rec.citations, cit_anchors, strict=True)),
                              self.findings_at("note", rec.note.number))
                     for rec, anchor, cit_anchors in zip(self.report.notes, self.note_anchors,
                                                         self.note_citation_anchors, strict=True))

    def sections(self) -> tuple[SectionView, ...]:
        out = []
        anchors = iter(self.entry_anchors)
        for section, records in groupby(self.report.bibliography, key=lambda e: e.entry.section):
            entries = tuple(EntryView(
                next(anchors), r.entry.index, r.entry.span.line, r.entry.text, r.key,
                self.work_link(r.work),
                tuple(_link(f"note {n}", self.note_anchor.get(n)) for n in r.cited_by),
                self.findings_at("bibliography", r.entry.index)) for r in records)
            out.append(SectionView(section, entries))
        return tuple(out)

    def body_lines(self) -> tuple[BodyLineView, ...]:
        anchored = tuple(zip(self.report.body_citations, self.body_citation_anchors, strict=True))
        return tuple(BodyLineView(anchor, line, tuple(self.citation(c, a, None) for c, a in anchored
                                                      if c.span.line == line), self.findings_at("body", line))
                     for line, anchor in self.line_anchor.items())

    def works(self) -> tuple[WorkView, ...]:
        return tuple(WorkView(
            anchor, w.id, w.key, w.type, _as_text(w.fields.get("title", "")),
            tuple(_link(c, self.citation_anchor.get(c)) for c in w.citations),
            tuple(_link(f"entry {i}", self.entry_anchor.get(i)) for i in w.bibliography),
            registry_view(self.report.registry.get(w.id)))
            for w, anchor in zip(self.report.works, self.work_anchors, strict=True))

    def urls(self) -> tuple[UrlView, ...]:
        rank = {status: i for i, status in enumerate(URL_STATUS_ORDER)}
        ordered = sorted(self.report.urls, key=lambda u: rank.get(u.status.value, len(rank)))  # stable sort
        return tuple(UrlView(
            u.url, web_href(u.normalised or u.url), u.status.value, _URL_STATUS_CLASS.get(u.status.value, "unknown"),
            u.http_status, u.accessed, u.archive.status.value, web_href(u.archive.snapshot),
            tuple(self.where(loc) for loc in u.locations), u.reason or "", tuple(u.repairs)) for u in ordered)


def _bars(pairs: Sequence[tuple[str, int, str]]) -> tuple[Bar, ...]:
    longest = max((value for _, value, _ in pairs), default=0) or 1
    return tuple(Bar(label, value, round(100 * value / longest, 1), css) for label, value, css in pairs)


def rule_bars(groups: Sequence[SeverityGroup]) -> tuple[Bar, ...]:
    """One bar per rule and severity; the lengths are the sizes of the Report's own finding groups."""
    pairs = [(g.rule, g.severity, len(g.findings)) for s in groups for g in s.rules]
    names = [rule for rule, _, _ in pairs]
    # A rule reported at two severities (title-variant: warning, case-only info) gets two labelled bars.
    return _bars([(f"{rule} ({severity})" if names.count(rule) > 1 else rule, n, severity)
                  for rule, severity, n in pairs])


def url_bars(urls: Sequence[UrlView]) -> tuple[Bar, ...]:
    return _bars([(status, len(members), _URL_STATUS_CLASS.get(status, "unknown"))
                  for status, members in ((s, [u for u in urls if u.status == s]) for s in URL_STATUS_ORDER)
                  if members])


def render_html(report: Report) -> str:
    return "".join(stream_html(report))


def stream_html(report: Report) -> Iterator[str]:
    """The page in pieces as the template produces them, for writing without holding the whole page."""
    return _ENV.get_template("report.html.j2").generate(**_page_context(report))


def _page_context(report: Report) -> dict[str, Any]:
    page = _PageBuilder(report)
    groups = page.finding_groups()
    urls = page.urls()
    return {
        "report": report,
        "stem": Path(report.path).stem,
        "bib_href": quote(f"{Path(report.path).stem}.bib"),
        "counts": report.severity_counts,
        "severities": SEVERITIES,
        "severity_groups": groups,
        "rules": tuple(dict.fromkeys(g.rule for s in groups for g in s.rules)),
        "rule_bars": rule_bars(groups),
        "url_bars": url_bars(urls),
        "notes": page.notes(),
        "sections": page.sections(),
        "body_lines": page.body_lines(),
        "works": page.works(),
        "urls": urls,
        "bibtex_changes": report.bibtex_changes,
    }


@dataclass(frozen=True, slots=True)
class IndexRow:
    href: str
    path: str
    doc: DocumentSummary


def render_index(documents: Sequence[tuple[str, Report | DocumentSummary]],
                 collection: dict[str, Any] | None = None) -> str:
    """The page listing every audited document; `documents` pairs a relative href with its Report (or the
    summary the manifest keeps of a document not audited again); `collection` (collection.json's content)
    adds the totals, findings by rule, link rot by access year and the works several documents cite."""
    summaries = [(href, r if isinstance(r, DocumentSummary) else summarise(r)) for href, r in documents]
    rows = tuple(IndexRow(quote(href), summary.path, summary) for href, summary in summaries)
    return _ENV.get_template("index.html.j2").render(rows=rows, severities=SEVERITIES, collection=collection)
