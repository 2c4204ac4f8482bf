"""audit/ingest/latex_doc.py and latex_text.py: footnotes, cite families, .bib, thebibliography, bad braces."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import AuditConfig
from audit.extract.bibliography import extract_bibliography
from audit.extract.notes import extract_notes
from audit.ingest import ingest
from audit.ingest.latex_text import latex_to_text
from audit.pipeline import audit_document
from audit.render.json_report import report_to_dict
from audit.rules.context import AuditContext
from audit.rules.ingest_rules import check_keys_not_in_bibliography, check_unreadable_parts
from tests.factories import title_only_parse

PAPER = r"""\documentclass{article}
\usepackage[style=authoryear]{biblatex}
\addbibresource{refs.bib}
\begin{document}
\section{Introduction}
Opium production rose by 20\,\% % a comment with a } brace
in 2007\footnote{See \emph{UNODC}, \textit{World Drug Report} {\bfseries 2008}, p.~12.}
and seizures fell \parencite[see][chap.~2]{smith2004,doe2010}.
Prices rose\footcite[45]{smith2004}.
\textcite{ghost1999} disagrees.\footnote{A note over
two lines, citing \cite[p.~3]{doe2010}.}
\printbibliography
\end{document}
"""

REFS = r"""@book{smith2004,
  author = {Smith, John},
  title = {A History of Opium},
  publisher = {Oxford University Press},
  address = {Oxford},
  year = {2004}
}

@article{doe2010,
  author = {Doe, Jane and M{\"u}ller, Hans},
  title = {Seizures and {Prices}},
  journal = {Journal of Drug Policy},
  volume = 12, number = {3}, pages = {45--67},
  year = 2010
}

@misc{unused2001,
  author = {Nobody, Ann},
  title = {Never Cited},
  year = {2001},
  url = {https://example.org/never}
}
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def context(doc) -> AuditContext:
    return AuditContext(document=doc, notes=extract_notes(doc), bibliography=extract_bibliography(doc))


@pytest.fixture
def paper(tmp_path) -> Path:
    write(tmp_path, "refs.bib", REFS)
    return write(tmp_path, "paper.tex", PAPER)


def test_lines_stay_those_of_the_source(paper):
    doc = ingest(paper)
    assert doc.format == "latex"
    lines = doc.text.split("\n")
    assert lines[4] == "Introduction"
    assert lines[5].rstrip() == "Opium production rose by 20 %"
    assert lines[6] == "in 2007¹"
    assert lines[7] == "and seizures fell [see smith2004; doe2010, chap. 2]."
    assert lines[8] == "Prices rose²."
    assert lines[9] == "[ghost1999] disagrees.³"
    assert PAPER.count("\n") <= doc.text.count("\n")


def test_footnotes_and_footcites_become_notes(paper):
    doc = ingest(paper)
    assert [(h.number, h.text, h.span.line) for h in doc.note_hints] == [
        (1, "See UNODC, *World Drug Report* 2008, p. 12.", 7),
        (2, "[smith2004, 45]", 9),
        (3, "A note over two lines, citing [doe2010, p. 3].", 10)]
    assert [(m.number, doc.text[m.span.start:m.span.end]) for m in doc.marker_hints] == [
        (1, "¹"), (2, "²"), (3, "³")]


def test_cite_families_with_optional_arguments(paper):
    doc = ingest(paper)
    cites = [(c.command, c.keys, c.prefix, c.suffix, c.pinpoint, c.note) for c in doc.key_citations]
    assert cites == [
        ("parencite", ("smith2004", "doe2010"), "see", "chap. 2", None, None),
        ("footcite", ("smith2004",), None, "45", "45", 2),
        ("textcite", ("ghost1999",), None, None, None, None),
        ("cite", ("doe2010",), None, "p. 3", "3", 3)]
    assert [c.span.line for c in doc.key_citations] == [8, 9, 10, 10]


def test_bib_entries_are_appended_as_a_bibliography(paper, validate_report):
    doc = ingest(paper)
    assert [e.key for e in doc.bib_entries] == ["smith2004", "doe2010", "unused2001"]
    assert [e.source_line for e in doc.bib_entries] == [1, 9, 17]
    report = validate_report(report_to_dict(audit_document(doc, AuditConfig(offline=True, no_urls=True),
                                                           parse=title_only_parse)))
    assert report["document"]["format"] == "latex"
    texts = [e["text"] for e in report["bibliography"]]
    assert texts[0] == "Smith, John (2004). A History of Opium. Oxford: Oxford University Press."
    assert texts[1] == "Doe, Jane; Müller, Hans (2010). Seizures and Prices. Journal of Drug Policy 12(3): 45–67."
    assert [e["line"] for e in report["bibliography"]] == [e.line for e in doc.bib_entries]
    assert [n["number"] for n in report["notes"]] == [1, 2, 3]


def test_missing_and_unused_keys_are_findings(paper):
    ctx = context(ingest(paper))
    missing = list(check_keys_not_in_bibliography(ctx))
    assert [(f.values, f.locations[0].kind, f.locations[0].line) for f in missing] == [(("ghost1999",), "body", 10)]


def test_nocite_is_recorded_but_cites_nothing(tmp_path):
    write(tmp_path, "refs.bib", REFS)
    doc = ingest(write(tmp_path, "all.tex", PAPER.replace(r"\printbibliography", r"\nocite{*}\printbibliography")))
    assert [(c.command, c.keys) for c in doc.key_citations if c.command == "nocite"] == [("nocite", ("*",))]
    # "*" is not a missing key
    assert [f.values for f in check_keys_not_in_bibliography(context(doc))] == [("ghost1999",)]


def test_thebibliography_items_are_numbered_entries(tmp_path, validate_report):
    tex = r"""\documentclass{article}
\begin{document}
Text cites \cite{adams2001} and \cite{baker2002}.

\begin{thebibliography}{9}
\bibitem{adams2001} A. Adams, \emph{First Book}, London: Verso, 2001.
\bibitem[Baker(2002)]{baker2002} B. Baker, ``Second article'', Journal 3 (2002) 1--9.
\end{thebibliography}
\end{document}
"""
    doc = ingest(write(tmp_path, "items.tex", tex))
    # the heading costs one line: the entries sit one line below their source lines
    assert [(e.key, e.type, e.line) for e in doc.bib_entries] == [("adams2001", "bibitem", 7),
                                                                   ("baker2002", "bibitem", 8)]
    bib = extract_bibliography(doc)
    assert [(e.label, e.span.line) for e in bib.entries] == [("[1]", 7), ("[2]", 8)]
    assert bib.entries[1].text == "[2] B. Baker, “Second article”, Journal 3 (2002) 1–9."
    ctx = context(doc)
    assert list(check_keys_not_in_bibliography(ctx)) == []
    validate_report(report_to_dict(audit_document(doc, AuditConfig(offline=True, no_urls=True),
                                                  parse=title_only_parse)))


def test_unbalanced_brace_is_a_finding_and_the_rest_is_read(tmp_path, validate_report):
    tex = r"""\documentclass{article}
\begin{document}
First claim.\footnote{Fine note.}
Broken claim.\footnote{This note never closes.
Third claim.\footnote{Another fine note.}
\end{document}
"""
    doc = ingest(write(tmp_path, "broken.tex", tex))
    assert [h.text for h in doc.note_hints] == ["Fine note.", "Another fine note."]
    assert [(p.reason[:30], p.line) for p in doc.parts_unreadable] == [
        ("the footnote's closing brace i", 4)]
    findings = list(check_unreadable_parts(context(doc)))
    assert [(f.rule, f.locations[0].line) for f in findings] == [("unreadable-part", 4)]
    report = validate_report(report_to_dict(audit_document(doc, AuditConfig(offline=True, no_urls=True),
                                                           parse=title_only_parse)))
    assert len(report["notes"]) == 2


def test_stray_closing_brace_is_reported(tmp_path):
    doc = ingest(write(tmp_path, "stray.tex", "\\documentclass{article}\n\\begin{document}\nText} here.\n"
                                              "\\end{document}\n"))
    assert [(p.reason, p.line) for p in doc.parts_unreadable] == [("a '}' closes nothing", 3)]


def test_missing_bib_file_and_broken_entry(tmp_path):
    write(tmp_path, "refs.bib", REFS.replace("  year = {2004}\n}", "  year = {2004}\n", 1))
    doc = ingest(write(tmp_path, "paper.tex", PAPER.replace(r"\addbibresource{refs.bib}",
                                                            r"\addbibresource{refs.bib}\addbibresource{gone.bib}")))
    reasons = [(p.what, p.source_line) for p in doc.parts_unreadable]
    assert reasons[0] == ("BibTeX entry 'smith2004'", 1)
    assert reasons[1][0] == "bibliography file 'gone.bib'"
    assert [e.key for e in doc.bib_entries] == ["doe2010", "unused2001"]


@pytest.mark.parametrize("source, expected", [
    pytest.param(r"Caf\'e na\"{\i}ve \c{c}a", "Café naïve ça", id="accents"),
    pytest.param(r"50\% of \$5 \& more", "50% of $5 & more", id="escapes"),
    pytest.param(r"\emph{Title} and \textit{Other}", "Title and *Other*", id="formatting"),
    pytest.param(r"pp.~12--15 --- ``quoted''", "pp. 12–15 — “quoted”", id="dashes-quotes"),
    pytest.param(r"\unknownmacro{kept} text", r"\unknownmacro kept text", id="unknown-macro"),
    pytest.param(r"\href{https://x.org}{the site}", "the site <https://x.org>", id="href"),
    pytest.param(r"\url{http://x.org/~me/a%20b--c_d} \doi{10.1/ab_c}", "http://x.org/~me/a%20b--c_d doi:10.1/ab_c",
                 id="url-verbatim"),
    pytest.param("{World Bank}", "World Bank", id="protective-braces"),
])
def test_latex_to_text(source, expected):
    assert latex_to_text(source) == expected


def test_included_files_are_reported_not_silently_dropped(tmp_path):
    doc = ingest(write(tmp_path, "book.tex", "\\documentclass{book}\n\\begin{document}\n\\include{chapter1}\n"
                                            "Text.\n\\end{document}\n"))
    assert [(p.reason, p.line) for p in doc.parts_unreadable] == [
        ("\\include{chapter1} was not followed: included files are not read (audit them separately)", 3)]


def test_title_author_and_date_print_on_their_preamble_lines(tmp_path):
    tex = ("\\documentclass{article}\n\\title{Drug Trends in \\emph{Central Asia}}\n"
           "\\author{A. Author\\thanks{University of X.} \\and B. Author}\n\\date{May 2010}\n"
           "\\begin{document}\n\\maketitle\nText.\n\\end{document}\n")
    doc = ingest(write(tmp_path, "front.tex", tex))
    assert doc.text.split("\n")[:7] == ["", "Drug Trends in Central Asia", "A. Author and B. Author", "May 2010",
                                         "", "", "Text."]
