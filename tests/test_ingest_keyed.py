"""audit/ingest/keyed.py: key citations, keyed bibliographies and BibTeX fields, as the pipeline will use them."""

from __future__ import annotations

from pathlib import Path

from audit.extract.notes import extract_notes
from audit.ingest import ingest
from audit.ingest.keyed import add_key_citations, bibtex_reference, entry_keys, keyed_bibliography
from audit.models import SourceEntry
from audit.pipeline import segment_notes
from audit.render.json_report import report_to_dict
from audit.report import EntryRecord, NoteRecord, build_report
from tests.test_ingest_latex import PAPER, REFS


def latex_paper(tmp_path: Path):
    (tmp_path / "refs.bib").write_text(REFS, encoding="utf-8")
    path = tmp_path / "paper.tex"
    path.write_text(PAPER, encoding="utf-8")
    return ingest(path)


def test_key_citations_replace_their_printed_forms(tmp_path):
    doc = latex_paper(tmp_path)
    notes = extract_notes(doc)
    citations = add_key_citations(doc, segment_notes(notes))
    summary = [(c.id, c.kind, c.key, c.pinpoint) for c in citations]
    assert summary == [
        ("n1.1", "full", None, "12"),  # "See UNODC, *World Drug Report* 2008, p. 12"
        ("n2.1", "key", "smith2004", "45"),  # the \footcite, printed "[smith2004, 45]"
        ("n3.1", "key", "doe2010", "3"),  # "A note ..., citing [doe2010, p. 3]": the key citation stands for it
        ("b.1", "key", "smith2004", None),
        ("b.2", "key", "doe2010", None),
        ("b.3", "key", "ghost1999", None)]
    smith = citations[1]
    assert smith.type == "book" and smith.fields["author"] == ("Smith, John",)
    assert smith.fields["title"] == "A History of Opium" and smith.fields["date"] == "2004"
    assert citations[-1].fields == {}  # no entry for the key: nothing invented


def test_keyed_bibliography_and_entry_keys(tmp_path, validate_report):
    doc = latex_paper(tmp_path)
    bib = keyed_bibliography(doc)
    assert bib is not None and bib.heading == "References"
    assert [(e.index, e.span.line) for e in bib.entries] == [(1, doc.bib_entries[0].line), (2, doc.bib_entries[1].line),
                                                            (3, doc.bib_entries[2].line)]
    keys = entry_keys(doc, bib.entries)
    assert keys == {1: ("smith2004", (2,)), 2: ("doe2010", (3,)), 3: ("unused2001", ())}
    # what the pipeline would build from these, against the schema
    notes = extract_notes(doc)
    citations = add_key_citations(doc, segment_notes(notes))
    by_note = {n.number: tuple(c for c in citations if c.note == n.number) for n in notes.notes}
    records = tuple(EntryRecord(e, bibtex_reference(doc.bib_entries[e.index - 1]), None, keys[e.index][0],
                                keys[e.index][1]) for e in bib.entries)
    report = build_report(path=doc.path, fmt=doc.format, sha256=doc.sha256,
                          notes=tuple(NoteRecord(n, by_note[n.number]) for n in notes.notes),
                          marker_count=len(notes.markers), body_citations=tuple(c for c in citations if c.note is None),
                          bibliography=records, sections=(), works=(), urls=(), findings=[])
    data = validate_report(report_to_dict(report))
    assert [e["key"] for e in data["bibliography"]] == ["smith2004", "doe2010", "unused2001"]
    assert data["bibliography"][1]["fields"]["container-title"] == "Journal of Drug Policy"
    assert [c["kind"] for c in data["body_citations"]] == ["key", "key", "key"]


def test_thebibliography_entries_span_their_wrapped_lines(tmp_path):
    tex = ("\\documentclass{article}\n\\begin{document}\nSee \\cite{a1}.\n\n\\begin{thebibliography}{9}\n"
           "\\bibitem{a1} A. Adams, First Book,\n  London: Verso, 2001.\n\\bibitem{b2} B. Baker, Second, 2002.\n"
           "\\end{thebibliography}\n\\end{document}\n")
    path = tmp_path / "items.tex"
    path.write_text(tex, encoding="utf-8")
    doc = ingest(path)
    bib = keyed_bibliography(doc)
    assert [e.text for e in bib.entries] == ["[1] A. Adams, First Book, London: Verso, 2001.",
                                             "[2] B. Baker, Second, 2002."]


def test_no_keyed_entries_means_no_keyed_bibliography(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Just text.\n", encoding="utf-8")
    doc = ingest(path)
    assert keyed_bibliography(doc) is None
    assert add_key_citations(doc, []) == []


def test_bibtex_reference_types_and_fields():
    entry = SourceEntry("k", "incollection", {"author": "Doe, J. and {World Bank}", "title": "Ch {DNA}",
                                              "booktitle": "Big Book", "url": "https://x.org/a_b", "year": "2001",
                                              "address": "Paris", "urldate": "2020-01-02"}, "", 0)
    ref = bibtex_reference(entry)
    assert ref.type == "chapter"
    assert ref.fields == {"author": ("Doe, J.", "World Bank"), "title": "Ch DNA", "container-title": "Big Book",
                          "date": "2001", "location": "Paris", "url": "https://x.org/a_b", "accessed": "2020-01-02"}


def test_link_key_citations_joins_the_works_of_keyed_entries(tmp_path):
    from audit.ingest.keyed import link_key_citations
    from audit.models import Work

    doc = latex_paper(tmp_path)
    citations = add_key_citations(doc, segment_notes(extract_notes(doc)))
    bib = keyed_bibliography(doc)
    works = (Work("w1", "unodc", "other", {}, ("n1.1",), ()), Work("w2", "smith2004a", "book", {}, (), (1,)),
             Work("w3", "doe", "article", {}, (), (2,)), Work("w4", "nobody2001", "other", {}, (), (3,)))
    linked, linked_works = link_key_citations(citations, works, {1: "w2", 2: "w3", 3: "w4"},
                                              entry_keys(doc, bib.entries))
    assert [(c.id, c.work) for c in linked if c.kind == "key"] == [
        ("n2.1", "w2"), ("n3.1", "w3"), ("b.1", "w2"), ("b.2", "w3"), ("b.3", None)]  # ghost1999 has no entry
    assert [w.citations for w in linked_works] == [("n1.1",), ("n2.1", "b.1"), ("n3.1", "b.2"), ()]
    assert [w.key for w in linked_works] == ["unodc", "smith2004", "doe2010", "unused2001"]
