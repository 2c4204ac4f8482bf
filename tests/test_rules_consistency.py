"""Each consistency rule on a small synthetic paper, with the hard negatives beside it."""

from __future__ import annotations

import pytest

from audit.config import AuditConfig
from audit.dates import date_at, month_number, read_date
from audit.pipeline import audit_document
from tests.factories import text_document

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def paper(notes: list[str], entries: list[str]) -> str:
    body = " ".join(f"Claim number {i}.{str(i).translate(SUPERSCRIPT)}" for i in range(1, len(notes) + 1))
    note_text = "\n\n".join(f"{str(i).translate(SUPERSCRIPT)} {n}" for i, n in enumerate(notes, start=1))
    return f"Title\n\n{body}\n\n{note_text}\n\nBibliography\n\n" + "\n\n".join(entries) + "\n"


def findings(notes, entries, rule=None):
    report = audit_document(text_document(paper(notes, entries)), AuditConfig(offline=True))
    return [f.finding for f in report.findings if rule is None or f.finding.rule == rule]


def test_name_variant_spelling():
    found = findings(['V. Paramonov, “Security in Asia”, *Asian Studies*, vol. 2, no. 1, 2008, p. 4.'],
                     ['Paramanov, Vladimir, “Security in Asia”, *Asian Studies*, vol. 2, no. 1, 2008, pp. 1-20.'],
                     "name-variant")
    assert len(found) == 1
    assert set(found[0].values) == {"Paramonov", "Paramanov"}
    assert found[0].suggestion == "Paramanov" and "bibliography" in found[0].message


def test_same_surname_different_people_is_not_a_variant():
    notes = ['J. Smith, *Water and Power*, London, Routledge, 2001, p. 3.',
             'K. Smith, *Fire and Ice*, Paris, Seuil, 2003, p. 5.']
    entries = ['Smith, John, *Water and Power*, London, Routledge, 2001.',
               'Smith, Karen, *Fire and Ice*, Paris, Seuil, 2003.']
    assert findings(notes, entries, "name-variant") == []


def test_title_variants_wording_and_case():
    notes = ['A. Author, “The Long Road Home”, *Journal of Roads*, vol. 1, no. 1, 2004, p. 2.',
             'B. Writer, *A history of bridges*, London, Routledge, 2006, p. 9.']
    entries = ['Author, Anna, “The Long Way Home”, *Journal of Roads*, vol. 1, no. 1, 2004, pp. 1-9.',
               'Writer, Bob, *A History of Bridges*, London, Routledge, 2006.']
    found = findings(notes, entries, "title-variant")
    by_severity = {f.severity.value: f for f in found}
    assert set(by_severity) == {"warning", "info"}
    assert by_severity["warning"].values == ("The Long Road Home", "The Long Way Home")
    assert by_severity["info"].suggestion == "A History of Bridges"


def test_date_variant_and_precision_is_not_a_conflict():
    notes = ['Ministry of Roads, “Paris Statement”, Paris, 21-22 May 2003, p. 3.',
             'C. Brown, *Maps*, London, Routledge, 2002, p. 1.']
    entries = ['Brown, Carl, *Maps*, London, Routledge, October 2002.',
               'Ministry of Roads, “Paris Statement”, Paris, 22 May 2003.']
    found = findings(notes, entries, "date-variant")
    assert [f.values for f in found] == [("21-22 May 2003", "22 May 2003")]


# Every spelling the month tables knew before they were merged into audit.dates (dates, BibTeX export, URL
# access dates, style rules, BibTeX macros), by month.
_OLD_MONTH_NAMES = (
    "January jan Jan janvier janv januar Januar jän enero ene gennaio gen января январь",
    "February feb febr février fevrier févr februar Februar febrero febbraio февраля февраль",
    "March mar mars märz März marz maerz marzo марта март",
    "April apr avril abril aprile апреля апрель",
    "May mai Mai mayo maggio mag мая май",
    "June jun juin juni Juni junio giugno giu июня июнь",
    "July jul juillet juil juli Juli julio luglio lug июля июль",
    "August aug août aout agosto ago августа август",
    "September sep Sept. sept septembre septiembre setiembre settembre set сентября сентябрь",
    "October oct octobre oktober Oktober okt octubre ottobre ott октября октябрь",
    "November nov novembre noviembre ноября ноябрь",
    "December dec décembre decembre dezember Dezember dez diciembre dic dicembre декабря декабрь",
)


@pytest.mark.parametrize(("number", "names"), list(enumerate(_OLD_MONTH_NAMES, start=1)))
def test_one_month_table_reads_every_name_each_old_table_knew(number, names):
    for name in names.split():
        assert month_number(name) == number, name
        assert read_date(f"3 {name} 2011") == read_date(f"2011-{number:02d}-03"), name
        assert date_at(f"3 {name} 2011", whole=True).iso == f"2011-{number:02d}-03", name


def test_date_variant_reads_names_once_known_only_to_the_url_table():
    assert read_date("12 févr. 2011").month == 2 and read_date("12 ago 2011").month == 8
    assert not read_date("12 févr. 2011").conflicts_with(read_date("12 February 2011"))
    assert read_date("12 ago 2011").conflicts_with(read_date("12 July 2011"))


def test_missing_field_and_not_in_bibliography_and_uncited():
    notes = ['D. Green, “Rivers of Europe”, *Water Review*, vol. 3, no. 2, p. 15.',
             'E. Black, *Mountains*, London, Routledge, 2010, p. 4.']
    entries = ['Green, Dan, “Rivers of Europe”, *Water Review*, vol. 3, no. 2, 2011, pp. 10-30.',
               'White, Fay, *Valleys*, Paris, Seuil, 1999.']
    missing = findings(notes, entries, "missing-field")
    assert len(missing) == 1 and missing[0].locations[0].number == 1 and "2011" in (missing[0].suggestion or "")
    absent = findings(notes, entries, "not-in-bibliography")
    assert [f.locations[0].number for f in absent] == [2]
    uncited = findings(notes, entries, "uncited-entry")
    assert [f.locations[0].index for f in uncited] == [2]


def test_duplicate_entry_and_page_out_of_range():
    notes = ['G. Gray, “Lakes”, *Water Review*, vol. 4, no. 1, 2012, p. 55.']
    entries = ['Gray, Gil, “Lakes”, *Water Review*, vol. 4, no. 1, 2012, pp. 10-20.',
               'Gray, Gil, “Lakes”, *Water Review*, vol. 4, no. 1, 2012, pp. 10-20.']
    assert [f.locations for f in findings(notes, entries, "duplicate-entry")][0][1].index == 2
    pages = findings(notes, entries, "page-out-of-range")
    assert [f.values for f in pages] == [("55", "10-20")]


def test_page_inside_range_is_fine():
    notes = ['G. Gray, “Lakes”, *Water Review*, vol. 4, no. 1, 2012, p. 15.']
    entries = ['Gray, Gil, “Lakes”, *Water Review*, vol. 4, no. 1, 2012, pp. 10-20.']
    assert findings(notes, entries, "page-out-of-range") == []


def test_unresolved_and_ambiguous_short_forms():
    notes = ['H. Hill, *Roads*, London, Routledge, 2001, p. 1.', 'H. Hill, *Bridges*, London, Routledge, 2003, p. 2.',
             'Hill, op. cit., p. 4.', 'Stone, op. cit., p. 9.']
    entries = ['Hill, Hal, *Roads*, London, Routledge, 2001.', 'Hill, Hal, *Bridges*, London, Routledge, 2003.']
    assert [f.locations[0].number for f in findings(notes, entries, "short-form-ambiguous")] == [3]
    assert [f.locations[0].number for f in findings(notes, entries, "short-form-unresolved")] == [4]


def test_field_variant_urls():
    notes = ['Agency, “Annual Report”, 2010, http://example.org/report.pdf.']
    entries = ['Agency, “Annual Report”, 2010, http://mirror.example.net/annual.pdf']
    found = findings(notes, entries, "field-variant")
    assert [f.values for f in found] == [("http://example.org/report.pdf", "http://mirror.example.net/annual.pdf")]


def test_chapter_volume_title_differs_from_the_listed_volume():
    notes = ['A. Kay, “Rivers”, in B. Lee (ed.), *Water and New Power*, London, Routledge, 2004, p. 3.']
    entries = ['Kay, Ann, “Rivers”, in Bob Lee (ed.), *Water and New Power*, London, Routledge, 2004, pp. 1-9.',
               'Lee, Bob (ed.), *Water and Power*, London, Routledge, 2004.']
    found = findings(notes, entries, "title-variant")
    assert [f.values for f in found] == [("Water and New Power", "Water and Power")]


CHICAGO = """Borders and Markets

Trade grew.¹ Smugglers adapted.² Officials disagree.³ It continued.⁴ Studies confirm it.⁵

¹ Vladimir Paramonov, *Central Asia and Russia* (Moscow: Nauka, 2005), 12.

² Anna Ivanova, "Border Markets," *Post-Soviet Affairs* 21, no. 3 (2008): 215.

³ Paramonov, *Central Asia*, 14.

⁴ Ivanova, "Border Markets," 220.

⁵ Ibid., 240.

Bibliography

Ivanova, Anna. "Border Markets." *Post-Soviet Affairs* 21, no. 3 (2008): 201–30.

Paramonov, Vladimir. *Central Asia and Russia*. Moscow: Nauka, 2005.
"""


def test_chicago_notes_and_bibliography_style():
    report = audit_document(text_document(CHICAGO), AuditConfig(offline=True))
    cites = {c.id: c for r in report.notes for c in r.citations}
    assert [(cid, c.kind, c.pinpoint, c.antecedent) for cid, c in cites.items()] == [
        ("n1.1", "full", "12", None), ("n2.1", "full", "215", None), ("n3.1", "short", "14", "n1.1"),
        ("n4.1", "short", "220", "n2.1"), ("n5.1", "ibid", "240", "n2.1")]
    assert [(f.finding.rule, f.finding.values) for f in report.findings] == [
        ("page-out-of-range", ("240", "201–30"))]  # the range as written, with its en dash


GERMAN = """Grenzen und Märkte

Der Handel wuchs.¹ Schmuggler passten sich an.² Die Behörden widersprechen.³

¹ Vgl. Hans Müller: Grenzen in Zentralasien. Berlin: Suhrkamp 2005, S. 12.

² Ebd., S. 14.

³ Müller, a. a. O., S. 20.

Literaturverzeichnis

Müller, Hans: Grenzen in Zentralasien. Berlin: Suhrkamp 2005.

Schmidt, Eva: Flüsse und Staaten. München: Beck 2010.
"""


def test_german_footnote_style():
    report = audit_document(text_document(GERMAN), AuditConfig(offline=True))
    cites = [(c.id, c.kind, c.pinpoint, c.antecedent) for r in report.notes for c in r.citations]
    assert cites == [("n1.1", "full", "12", None), ("n2.1", "ibid", "14", "n1.1"), ("n3.1", "op-cit", "20", "n1.1")]
    assert [(f.finding.rule, f.finding.locations[0].index) for f in report.findings] == [("uncited-entry", 2)]
