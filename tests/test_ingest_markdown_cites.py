"""audit/ingest/pandoc_cites.py: Pandoc `[@key]` citations in Markdown and the .bib they point to."""

from __future__ import annotations

from pathlib import Path

from audit.config import AuditConfig
from audit.extract.bibliography import extract_bibliography
from audit.extract.notes import extract_notes
from audit.ingest import ingest
from audit.pipeline import audit_document
from audit.render.json_report import report_to_dict
from audit.rules.context import AuditContext
from audit.rules.ingest_rules import check_keys_not_in_bibliography
from tests.factories import markdown_document, title_only_parse

REFS = """@book{smith2004, author = {Smith, John}, title = {A History of Opium}, year = {2004},
  publisher = {Oxford University Press}, address = {Oxford}}
@article{doe2010, author = {Doe, Jane}, title = {Seizures}, journal = {Drug Policy}, year = {2010}}
@misc{unused, author = {Nobody, A.}, title = {Never Cited}, year = {2001}}
"""

PAPER = """---
title: Trends
author: someone@example.org
bibliography: refs.bib
---

# Trends

Production rose [see @smith2004, p. 12; @doe2010].
As @doe2010 [p. 33] shows, prices climbed [-@smith2004].
Mail editor@example.org for @ghost2020's data.[^1]

[^1]: On seizures see [@doe2010, chap. 2].
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bracketed_and_textual_citations(tmp_path):
    write(tmp_path, "refs.bib", REFS)
    doc = ingest(write(tmp_path, "paper.md", PAPER))
    cites = [(c.command, c.keys, c.prefix, c.suffix, c.pinpoint, c.note, c.span.line) for c in doc.key_citations]
    assert cites == [
        ("pandoc", ("smith2004", "doe2010"), "see", "p. 12", "12", None, 9),
        ("pandoc-textual", ("doe2010",), None, "p. 33", "33", None, 10),
        ("pandoc", ("smith2004",), None, None, None, None, 10),
        ("pandoc-textual", ("ghost2020",), None, None, None, None, 11),
        ("pandoc", ("doe2010",), None, "chap. 2", None, 1, 13)]
    assert doc.text[doc.key_citations[0].span.start:doc.key_citations[0].span.end] == \
        "[see @smith2004, p. 12; @doe2010]"


def test_bib_from_front_matter_is_laid_out_after_the_source(tmp_path, validate_report):
    write(tmp_path, "refs.bib", REFS)
    doc = ingest(write(tmp_path, "paper.md", PAPER))
    assert doc.text.startswith(PAPER.rstrip("\n"))  # the source keeps its lines
    assert [e.key for e in doc.bib_entries] == ["smith2004", "doe2010", "unused"]
    bib = extract_bibliography(doc)
    assert [e.span.line for e in bib.entries] == [e.line for e in doc.bib_entries]
    ctx = AuditContext(document=doc, notes=extract_notes(doc), bibliography=bib)
    assert [f.values for f in check_keys_not_in_bibliography(ctx)] == [("ghost2020",)]
    report = validate_report(report_to_dict(audit_document(doc, AuditConfig(offline=True, no_urls=True),
                                                           parse=title_only_parse)))
    assert len(report["bibliography"]) == 3 and [n["number"] for n in report["notes"]] == [1]


def test_same_stem_bib_is_found(tmp_path):
    write(tmp_path, "essay.bib", REFS)
    doc = ingest(write(tmp_path, "essay.md", "Text [@smith2004].\n"))
    assert doc.bib_sources == (str(tmp_path / "essay.bib"),)
    assert [c.keys for c in doc.key_citations] == [("smith2004",)]


def test_yaml_list_of_bibliographies(tmp_path):
    write(tmp_path, "a.bib", "@misc{a1, title={A}, year={2001}}\n")
    write(tmp_path, "b.bib", "@misc{b1, title={B}, year={2002}}\n")
    doc = ingest(write(tmp_path, "x.md", "---\nbibliography:\n  - a.bib\n  - b.bib\n---\nSee [@a1; @b1].\n"))
    assert [e.key for e in doc.bib_entries] == ["a1", "b1"]


def test_handles_and_emails_without_a_bibliography_are_not_citations():
    doc = markdown_document("Follow @UNODC or mail info@unodc.org for [the report](http://x.org).\n")
    assert doc.key_citations == () and doc.bib_entries == ()


def test_missing_bib_named_in_front_matter_is_an_unreadable_part(tmp_path):
    doc = ingest(write(tmp_path, "p.md", "---\nbibliography: gone.bib\n---\nText [@k1].\n"))
    assert [(p.what, p.line) for p in doc.parts_unreadable] == [("bibliography file 'gone.bib'", 2)]
    assert [c.keys for c in doc.key_citations] == [("k1",)]


def test_code_and_urls_are_not_citations(tmp_path):
    write(tmp_path, "refs.bib", REFS)
    text = ("---\nbibliography: refs.bib\n---\nUse `[@smith2004]` to cite.\n\n```\n@doe2010 in a block\n```\n"
            "See https://twitter.com/@doe2010 and [@doe2010].\n")
    doc = ingest(write(tmp_path, "howto.md", text))
    assert [(c.keys, c.span.line) for c in doc.key_citations] == [(("doe2010",), 9)]
