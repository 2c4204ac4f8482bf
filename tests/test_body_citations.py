"""Citations in the running text: author-date and numbered styles, linked to the reference list."""

from __future__ import annotations

import pytest

from audit.config import AuditConfig
from audit.extract.body_citations import extract_body_citations
from audit.models import BibEntry, Line, Span
from audit.pipeline import audit_document
from tests.factories import markdown_document, text_document


@pytest.mark.parametrize("text, expected", [
    pytest.param("Rivers matter (Smith 2004, 12; Jones and Brown, 2010: 3-4).",
                 [(("Smith",), "2004", "12"), (("Jones", "Brown"), "2010", "3-4")], id="parenthetical-two"),
    pytest.param("Kay et al. (2001) and van Dijk (2005, p. 7) agree.",
                 [(("Kay",), "2001", None), (("van Dijk",), "2005", "7")], id="narrative"),
    pytest.param("As argued (see García, 2019a).", [(("García",), "2019a", None)], id="signal-and-letter"),
    pytest.param("The flood came in June (2004) and (Figure 2010) shows it; (in 1998) too.", [],
                 id="months-and-words-are-not-names"),
    pytest.param("Growth was 3% (2004) overall.", [], id="year-alone"),
    pytest.param("Arbeitspapier Nr. 7 (Februar 2000); Rapport (juillet 2004); Informe (Julio 2005).", [],
                 id="months-in-other-languages-are-dates"),
    pytest.param("Wie von Jones/Brown (2010) gezeigt.", [(("Jones", "Brown"), "2010", None)],
                 id="slash-between-authors"),
    pytest.param("As Herbst (2000) and Mayo (1933) showed.", [(("Herbst",), "2000", None), (("Mayo",), "1933", None)],
                 id="surnames-that-are-also-months-or-seasons"),
])
def test_author_date(text, expected):
    listed = [BibEntry(i, None, f"{name}, A. (2000). A title. Press.", Span(0, 1, 9))
              for i, name in enumerate(["Smith", "Jones", "Kay", "van Dijk", "García", "June", "Figure", "Herbst",
                                                   "Mayo"], 1)]
    found = extract_body_citations([Line(1, 0, text)], listed, numeric_markers_are_notes=False)
    assert [(c.names, c.year, c.pinpoint) for c in found] == expected


def test_name_year_look_alikes_in_a_note_style_paper_are_not_citations():
    text = "She studied at the Université Libre de Bruxelles (2010) and in Bruges, Belgium (2011)."
    listed = [BibEntry(1, None, "Smith, John, *Water*, London, 2001.", Span(0, 1, 9))]
    assert extract_body_citations([Line(1, 0, text)], listed, numeric_markers_are_notes=False) == []


def test_numeric_only_with_a_numbered_reference_list():
    line = Line(1, 0, "Shown before [2, 4-6].")
    numbered = [BibEntry(i, None, f"[{i}] X", Span(0, 1, 9), label=f"[{i}]") for i in range(1, 7)]
    unnumbered = [BibEntry(i, None, "X", Span(0, 1, 9)) for i in range(1, 7)]
    assert [c.numbers for c in extract_body_citations([line], numbered, numeric_markers_are_notes=False)] == [
        (2, 4, 5, 6)]
    assert extract_body_citations([line], unnumbered, numeric_markers_are_notes=False) == []
    assert extract_body_citations([line], numbered, numeric_markers_are_notes=True) == []


AUTHOR_DATE = """# Water and cities

Cities depend on rivers (Smith 2004, 12; Brown and Jones, 2010: 3-4). García (2019a) and (García 2019b) and
(García 2019) and (Lee 2015) disagree.

## References

Brown, A. and Jones, K. (2010). Rivers and towns. Journal of Water, 12(3), 1-20.

García, M. (2019a). Flood plains. Madrid: Alianza.

García, M. (2019b). Dry rivers. Madrid: Alianza.

Smith, J. (2004). Cities and rivers. London: Routledge.

Zed, Z. (1999). Never cited. Oxford: OUP.
"""


def test_author_date_paper_is_audited_against_its_reference_list():
    report = audit_document(markdown_document(AUTHOR_DATE), AuditConfig(offline=True))
    works = {c.text: c.work for c in report.body_citations}
    assert None not in [works["Smith 2004, 12"], works["García (2019a)"], works["García 2019b"]]
    assert works["García (2019a)"] != works["García 2019b"]
    rules = sorted((f.finding.rule, f.finding.values) for f in report.findings)
    assert rules == [("not-in-bibliography", ("Lee 2015",)), ("short-form-ambiguous", ("García 2019",)),
                     ("uncited-entry", (report.bibliography[4].entry.text,))]


def test_numbered_paper():
    doc = text_document("Sensors [1] and models [2, 3] and [5].\n\nReferences\n\n"
                        "[1] A. Smith, \"River sensors,\" J. Water, vol. 3, pp. 1-9, 2010.\n"
                        "[2] B. Jones, \"Flow models,\" J. Water, vol. 4, pp. 10-20, 2012.\n"
                        "[3] C. Lee, \"Rivers,\" J. Water, vol. 5, pp. 1-3, 2015.\n"
                        "[4] D. Kim, \"Unused,\" J. Water, vol. 6, pp. 4-8, 2016.\n")
    report = audit_document(doc, AuditConfig(offline=True))
    assert [c.key for c in report.body_citations] == ["1", "2", "3", "5"]
    rules = sorted((f.finding.rule, f.finding.locations[0].kind) for f in report.findings)
    assert rules == [("not-in-bibliography", "body"), ("uncited-entry", "bibliography")]


def test_note_style_paper_with_a_stray_parenthesis_reports_nothing_for_it():
    doc = text_document("A claim (Paris 2004).¹\n\n¹ J. Smith, *Water*, London, Routledge, 2001.\n\n"
                        "Bibliography\n\nSmith, John, *Water*, London, Routledge, 2001.\n")
    report = audit_document(doc, AuditConfig(offline=True))
    assert [f.finding.rule for f in report.findings if f.finding.severity.value != "info"] == []
