"""Author-year citations inside notes (audit/extract/note_citations.py) and when a note's work needs an entry."""

from __future__ import annotations

import pytest

from audit.config import AuditConfig
from audit.extract.note_citations import read_author_year
from audit.pipeline import audit_document
from tests.factories import text_document

SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _report(text: str):
    # the real parser: matching "Kirton (2008)" to an entry needs the entry's author and year
    return audit_document(text_document(text), AuditConfig(offline=True, no_urls=True))


def _paper(notes: list[str], entries: list[str]) -> str:
    body = " ".join(f"Claim number {n}.{str(n).translate(SUP)}" for n in range(1, len(notes) + 1))
    foot = "\n\n".join(f"{str(n).translate(SUP)} {text}" for n, text in enumerate(notes, start=1))
    return f"{body}\n\n{foot}\n\nReferences\n\n" + "\n\n".join(entries) + "\n"


@pytest.mark.parametrize("note, expected, only", [
    ("Kirton (2008); Kirton / Koch (2008).", [(("Kirton",), "2008", None), (("Kirton", "Koch"), "2008", None)], True),
    ("Vgl. Cooper / Fues (2005), S. 12", [(("Cooper", "Fues"), "2005", "12")], True),
    ("Vgl. Petty/Cacioppo 1986; Eagly/Chaiken 1993: 305-325.",
     [(("Petty", "Cacioppo"), "1986", None), (("Eagly", "Chaiken"), "1993", "305-325")], True),
    ("See also Smith et al. 2004, p. 7.", [(("Smith",), "2004", "7")], True),
    ("Für Einzelheiten vgl. Flynn et al. (1992: 419ff).", [(("Flynn",), "1992", "419")], False),
    ("Dazu mehr im Folgenden.", [], False),
    ("The survey ran from 2004 to 2006 in twelve countries.", [], False),
])
def test_reading_author_year_citations_in_a_note(note, expected, only):
    found, alone = read_author_year(note)
    assert [(a.names, a.year, a.pinpoint) for a in found] == expected
    assert alone is only


ENTRIES = ["Cooper, Andrew and Thomas Fues (2005). Do the Asian Drivers Pull Their Diplomatic Weight? Bonn: DIE.",
           "Kirton, John (2007). Prospects for the G8. Toronto: G8 Research Group.",
           "Kirton, John and Madeline Koch (2008). Growth, Innovation, Inclusion. London: Newsdesk."]


def test_author_year_notes_link_to_their_entries_and_ibid_follows():
    report = _report(_paper(["Kirton (2007); Kirton / Koch (2008).", "Vgl. Cooper / Fues (2005), S. 12",
                             "Ibid.: 45."], ENTRIES))
    cited = {record.entry.index: record.cited_by for record in report.bibliography}
    assert cited == {1: (2, 3), 2: (1,), 3: (1,)}
    note_two = report.notes[1].citations[0]
    assert (note_two.form, note_two.pinpoint) == ("author-date", "12")
    rules = {f.finding.rule for f in report.findings}
    assert not rules & {"not-in-bibliography", "uncited-entry", "short-form-unresolved"}


def test_an_author_year_note_whose_work_is_not_listed_is_reported():
    report = _report(_paper(["Kirton (2007).", "Vgl. Cooper / Fues (2005), S. 12", "Vgl. Meyer (2011), S. 3."],
                            ENTRIES))
    missing = [f.finding for f in report.findings if f.finding.rule == "not-in-bibliography"]
    assert [f.values for f in missing] == [("Meyer (2011), S. 3",)]


def test_a_study_named_before_a_year_in_a_commenting_note_is_not_a_citation():
    studies = "Das sind die Studien Politische Einstellungen (1992) und Wahlverhalten (2003)."
    report = _report(_paper(["Kirton (2007).", "Vgl. Cooper / Fues (2005).", studies], ENTRIES))
    assert report.notes[2].citations == () or all(c.form is None for c in report.notes[2].citations)
    assert not [f for f in report.findings if f.finding.rule == "not-in-bibliography"]


FULL_NOTES = [f"A. Writer{n}, “Essay number {n} on trade”, Journal of Tests {n}, 200{n % 10}, p. {n}."
              for n in range(1, 7)]


def test_full_notes_that_stand_alone_need_no_entry_but_short_notes_do():
    notes = [*FULL_NOTES, "Kirton 2007, p. 4.", "Meyer 2011, p. 9."]
    report = _report(_paper(notes, ENTRIES))
    missing = [f.finding for f in report.findings if f.finding.rule == "not-in-bibliography"]
    assert [f.values for f in missing] == [("Meyer 2011, p. 9",)]


def test_in_a_notes_and_bibliography_paper_a_missing_full_note_is_reported():
    notes = ["John Kirton, Prospects for the G8 (Toronto: G8 Research Group, 2007), 4.",
             "Andrew Cooper and Thomas Fues, Do the Asian Drivers Pull Their Diplomatic Weight? (Bonn: DIE, 2005), 7.",
             "John Kirton and Madeline Koch, Growth, Innovation, Inclusion (London: Newsdesk, 2008), 12.",
             "Anna Meyer, “A Study Nobody Listed”, Journal of Tests 3, 2011, p. 9."]
    report = _report(_paper(notes, ENTRIES))
    missing = [f.finding for f in report.findings if f.finding.rule == "not-in-bibliography"]
    assert len(missing) == 1 and "Meyer" in missing[0].values[0]
