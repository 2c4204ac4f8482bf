"""AuditContext: everything the rules may look at, built once by the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from audit.extract.bibliography import Bibliography
from audit.extract.notes import NoteExtraction
from audit.findings import Finding, Location
from audit.models import BibEntry, Citation, Document, ParsedReference, SourceLine, Work

if TYPE_CHECKING:
    from audit.cluster import Clustering
    from audit.resolve import Resolution


@dataclass(frozen=True, slots=True)
class AuditContext:
    document: Document
    notes: NoteExtraction
    bibliography: Bibliography
    sources: tuple[SourceLine, ...] = ()
    citations: tuple[Citation, ...] = ()  # note citations then body citations, linked to works
    entry_fields: dict[int, ParsedReference] = field(default_factory=dict)  # by entry index
    resolutions: dict[str, Resolution] = field(default_factory=dict)  # by short-form citation id
    clustering: Clustering | None = None
    url_findings: tuple[Finding, ...] = ()  # findings produced by the URL stage
    registry_findings: tuple[Finding, ...] = ()  # findings produced by the registry stage
    _index: dict[str, Citation] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {c.id: c for c in self.citations})

    @property
    def entries(self) -> tuple[BibEntry, ...]:
        return self.bibliography.entries

    @property
    def works(self) -> tuple[Work, ...]:
        return self.clustering.works if self.clustering else ()

    def entry(self, index: int) -> BibEntry:
        return self.bibliography.entries[index - 1]

    def citation(self, citation_id: str) -> Citation:
        return self._index[citation_id]

    def locate(self, ref: str) -> Location:
        """Location of a record reference: a citation id, or "e<index>" for a bibliography entry."""
        if ref.startswith("e"):
            entry = self.entry(int(ref[1:]))
            return Location.entry(entry.index, entry.span.line, entry.span.start)
        citation = self.citation(ref)
        if citation.note is None:
            return Location.body(citation.span.line, citation.span.start)
        return Location.note(citation.note, citation.span.line, citation.span.start)

    def describe(self, ref: str) -> str:
        if ref.startswith("e"):
            return f"bibliography entry {ref[1:]}"
        citation = self.citation(ref)
        return f"note {citation.note}" if citation.note is not None else f"the text (line {citation.span.line})"
