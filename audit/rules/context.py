"""AuditContext: everything the rules may look at, built once by the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from audit.extract.bibliography import Bibliography
from audit.extract.notes import NoteExtraction
from audit.models import BibEntry, Citation, Document, ParsedReference, SourceLine, Work


@dataclass(frozen=True, slots=True)
class AuditContext:
    document: Document
    notes: NoteExtraction
    bibliography: Bibliography
    sources: tuple[SourceLine, ...] = ()
    citations: tuple[Citation, ...] = ()  # note citations then body citations, in document order
    entry_fields: dict[int, ParsedReference] = field(default_factory=dict)  # by entry index
    works: tuple[Work, ...] = ()
    resolution_notes: dict[str, str] = field(default_factory=dict)  # citation id -> why unresolved/ambiguous
    url_findings: tuple[Any, ...] = ()  # findings produced by the URL stage

    @property
    def entries(self) -> tuple[BibEntry, ...]:
        return self.bibliography.entries
