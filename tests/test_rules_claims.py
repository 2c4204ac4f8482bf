"""unsupported-claim: figures in paragraphs without a note or citation; years, dates and numbers
that are not statistics; front matter; page-break continuations; the two seeds."""

from __future__ import annotations

import pytest

from audit.extract.bibliography import extract_bibliography
from audit.extract.notes import extract_notes
from audit.extract.sources import extract_source_lines
from audit.findings import Location, Severity
from audit.rules import style_patterns as sp
from audit.rules.claims import check_unsupported_claim, figure_in
from audit.rules.context import AuditContext
from tests.conftest import SEED_PAPER, SEED_WEBPAGE, seed_path
from tests.factories import markdown_document, text_document

# The first paragraph of substance: what comes before it is front matter.
LEAD = ("This paper looks at how the European Union and its partners cooperate against organised crime, "
        "what they have achieved so far, and what remains to be done in the years to come by all of them.")


def _context(text: str) -> AuditContext:
    doc = text_document(text)
    bib = extract_bibliography(doc)
    excluded = [(bib.heading_line, len(doc.lines))] if bib.heading_line is not None else []
    notes = extract_notes(doc, excluded=excluded)
    return AuditContext(document=doc, notes=notes, bibliography=bib,
                        sources=extract_source_lines(notes.body_lines))


def _claims(*paragraphs: str) -> list:
    return list(check_unsupported_claim(_context("\n\n".join([LEAD, *paragraphs]) + "\n")))


@pytest.mark.parametrize("sentence, figure", [
    pytest.param("There are an estimated 3,600 organised crime groups active in the EU.", "an estimated 3,600",
                 id="estimated"),
    pytest.param("Afghanistan accounts for 93 per cent of all poppy cultivation.", "93 per cent", id="per-cent"),
    pytest.param("Seizures rose by 46% in a year.", "46%", id="percent-sign"),
    pytest.param("Prices fell by ten per cent.", "ten per cent", id="word-per-cent"),
    pytest.param("The market is worth 65 billion US dollars.", "65 billion US dollars", id="billion"),
    pytest.param("Farmers earn about one billion a year.", "one billion", id="word-number-billion"),
    pytest.param("The programme cost €20 to run per head.", "€20", id="currency-symbol"),
    pytest.param("The border is 7000 km long.", "7000 km", id="unit"),
    pytest.param("Seizures went from 144 kilos to a lot.", "144 kilos", id="kilos"),
    pytest.param("Out of about 100,000 addicts many die.", "about 100,000", id="thousands-separator"),
    pytest.param("Cocaine users have doubled over the last decade.", "doubled", id="doubled"),
    pytest.param("One in five young people has tried it.", "One in five", id="one-in-five"),
    pytest.param("A third of these are involved in drug-trafficking.", "A third of", id="a-third-of"),
    pytest.param("21 member states out of the 27 in the EU are NATO members.", "21 member states out of the 27",
                 id="out-of"),
])
def test_figures_found(sentence, figure):
    assert figure_in(sentence) == figure


@pytest.mark.parametrize("sentence", [
    pytest.param("In 2003, for instance, they noted that the problem had spread.", id="year"),
    pytest.param("Since the 1990s the region has changed.", id="decade"),
    pytest.param("The Lisbon Treaty entered into force on 1 December 2009.", id="date"),
    pytest.param("The EU Drugs Strategy (2005-2012) was adopted in December 2004.", id="year-range"),
    pytest.param("Officers meet the US Secret Services (2005 agreement).", id="year-in-brackets"),
    pytest.param("The five Central Asian states face four major security issues.", id="small-word-numbers"),
    pytest.param("Section 3.1 discusses the local responses.", id="section-number"),
    pytest.param("This took some 20 years and happened around 2003.", id="small-estimate-and-year"),
    pytest.param("The problem is manifold and one in the region is acute.", id="manifold-and-one-in-the"),
    pytest.param("Document 15074/04 was adopted by the Council.", id="document-number"),
])
def test_not_figures(sentence):
    assert figure_in(sentence) is None


@pytest.mark.parametrize("pattern, text, matches", [
    pytest.param(sp.AUTHOR_DATE, "as shown (Smith and Jones 2004, 12).", True, id="author-date"),
    pytest.param(sp.AUTHOR_DATE, "US Secret Services (2005 agreement)", False, id="year-in-brackets-not-a-citation"),
    pytest.param(sp.SECTION_TITLE, "4.2.1 The EU Drugs Strategy", True, id="numbered-section-title"),
    pytest.param(sp.SUMMARY_HEADING, "Executive summary", True, id="summary-heading"),
    pytest.param(sp.BULLET, "- prices have doubled", True, id="bullet"),
    pytest.param(sp.BULLET, "e.g. prices have doubled", False, id="abbreviation-not-a-bullet"),
    pytest.param(sp.SOURCE_WORD, "Figure 2. Source: UNODC.", True, id="source-in-text"),
    pytest.param(sp.PARAGRAPH_END, "representing a change of", False, id="paragraph-cut-mid-sentence"),
    pytest.param(sp.YEARISH, "2003", True, id="year"),
    pytest.param(sp.FIGURE_NUMBER, "an estimated 3,600", True, id="figure-number"),
    pytest.param(sp.ABBREVIATION_END, "Officials met in St.", True, id="abbreviation-end"),
    pytest.param(sp.SENTENCE_END, "the EU.² Then", True, id="sentence-end-after-marker"),
])
def test_claim_patterns_match(pattern, text, matches):
    assert bool(pattern.search(text)) is matches


def test_sentence_without_support_is_reported_with_its_line():
    findings = _claims("Europe is a hub for organised crime. Demand is strong and\n"
                       "there are an estimated 3,600 organised crime groups active in the EU.")
    assert len(findings) == 1
    finding = findings[0]
    assert (finding.rule, finding.severity) == ("unsupported-claim", Severity.INFO)
    assert finding.values == ("Demand is strong and there are an estimated 3,600 organised crime groups active "
                              "in the EU.",)
    assert finding.locations == (Location.body(3),)
    assert "an estimated 3,600" in finding.message


def test_abbreviations_and_initials_do_not_end_a_sentence():
    findings = _claims("Officials met in St. Petersburg. According to A. B. Smith, e.g. in the U.S. "
                       "seizures rose by 46% in 2010. Nobody disputes it.")
    assert [f.values for f in findings] == [("According to A. B. Smith, e.g. in the U.S. seizures rose by 46% in "
                                             "2010.",)]


def test_long_sentence_is_trimmed():
    findings = _claims("Seizures rose by 46% " + "and then they went on rising " * 20 + "for years.")
    assert len(findings[0].values[0]) == 200 and findings[0].values[0].endswith("…")


@pytest.mark.parametrize("paragraphs", [
    pytest.param(["Afghanistan accounts for 93 per cent of all poppy cultivation.¹ The rest is elsewhere.",
                  "¹ UNODC, “World Drug Report 2010”, Vienna, 2010, p. 32."], id="note-marker-in-paragraph"),
    pytest.param(["Afghanistan accounts for 93 per cent of all poppy cultivation.[1]", "[1] UNODC, Report, 2010."],
                 id="bracket-marker"),
    pytest.param(["Afghanistan accounts for 93 per cent of all poppy cultivation (UNODC 2010, 32)."],
                 id="author-date"),
    pytest.param(["Afghanistan accounts for 93 per cent of cultivation (Smith and Jones 2004)."],
                 id="author-date-two-authors"),
    pytest.param(["Afghanistan accounts for 93 per cent, see https://www.unodc.org/wdr2010."], id="url"),
    pytest.param(["Seizures: 144 kilos in 1996, 3,688 kilos in 2006.", "Source: UNODC, op. cit., p. 65."],
                 id="source-line-after-figures"),
    pytest.param(["2.1 Trafficking of 3,600 tons", "The routes changed after the war in the north of the region."],
                 id="numbered-heading"),
    pytest.param(["Currently heroin is the main drug seized, with an increase from 144 kilos in 1996 to a\n"
                  "change of",
                  "¹ UNODC, “Illicit Drug Trends in Central Asia”, April 2008, p. 13.",
                  "2,461 per cent.¹ From that perspective, it is clear that trafficking will continue."],
                 id="paragraph-cut-by-a-page-break-marker-in-second-half"),
])
def test_supported_or_not_a_claim(paragraphs):
    assert _claims(*paragraphs) == []


def test_figure_restated_from_a_sourced_paragraph_is_supported():
    findings = _claims("Afghanistan accounts for 93 per cent of all poppy cultivation.¹",
                       "¹ UNODC, “World Drug Report 2010”, Vienna, 2010, p. 32.",
                       "5. Conclusions",
                       "With 93 per cent of the crop, Afghanistan dominates. Seizures rose by 46% in 2010.")
    assert [f.values for f in findings] == [("Seizures rose by 46% in 2010.",)]


def test_markdown_footnotes_table_source_and_list_items():
    text = "\n\n".join([
        "# Drug flows", "## 1. Introduction", LEAD,
        "Afghanistan produces 93 per cent of the world's opium.[^1] The rest comes from Myanmar.",
        "About 3,000 people die each year in the region.",
        "| Year | Seizures |\n|------|----------|\n| 2009 | 1,200 kg |\n| 2010 | 1,750 kg |",
        "Source: UNODC, World Drug Report 2011.",
        "- one in five users is under 25\n- prices have doubled\n- the routes move north",
        "[^1]: UNODC, *World Drug Report 2010*, p. 32."]) + "\n"
    doc = markdown_document(text)
    notes = extract_notes(doc)
    ctx = AuditContext(document=doc, notes=notes, bibliography=extract_bibliography(doc),
                       sources=extract_source_lines(notes.body_lines))
    found = [(f.locations[0].line, f.values[0]) for f in check_unsupported_claim(ctx)]
    assert found == [(9, "About 3,000 people die each year in the region."),
                     (18, "one in five users is under 25"), (19, "prices have doubled")]


def test_abstract_is_not_audited():
    text = ("Abstract\n\nThis paper shows that seizures rose by 46% in 2010 across the region, and that the "
            "trade is worth an estimated 65 billion US dollars a year to the groups that run it.\n\n"
            "1. Introduction\n\n" + LEAD + "\n")
    assert list(check_unsupported_claim(_context(text))) == []


def test_front_matter_before_the_first_real_paragraph_is_skipped():
    text = ("EU Diplomacy Paper 09 / 2011\n\nA print run of 3,600 copies\n\n"
            "Tel. +32 (0)50 477 251 | Fax +32 (0)50 477 250\n\n" + LEAD + "\n\n"
            "Seizures rose by 46% in 2010, the highest rise in a decade.\n")
    findings = list(check_unsupported_claim(_context(text)))
    assert [f.locations for f in findings] == [(Location.body(9),)]


# --- the seeds ------------------------------------------------------------------------------------

def _seed_findings(name: str) -> list:
    return list(check_unsupported_claim(_context(seed_path(name).read_text(encoding="utf-8"))))


def test_webpage_seed_unsourced_figures():
    """Read from the page: the third paragraph states three figures and has no source at all."""
    findings = _seed_findings(SEED_WEBPAGE)
    starts = [f.values[0][:40] for f in findings]
    assert starts == ["There are an estimated 3,600 organised c",  # must: "an estimated 3,600"
                      "A third of these are involved in drug-tr",  # must: a ratio
                      "Demand is growing (cocaine users have do"]  # must: "doubled"
    assert {loc.line for f in findings for loc in f.locations} == {12}
    flagged = " ".join(f.values[0] for f in findings)
    for must_not in ("major security challenge",  # a claim, but no figure
                     "Colombia in 2012",  # a year, not a statistic
                     "2005 agreement",  # a year in brackets
                     "Europe is also a great producer"):  # no figure
        assert must_not not in flagged


def test_paper_seed_footnoted_figures_are_supported():
    """Every figure in the paper's drug-trade paragraphs carries a footnote; the only bare one is the
    NATO membership count in section 4.2.3."""
    findings = _seed_findings(SEED_PAPER)
    assert [f.locations for f in findings] == [(Location.body(560),)]
    assert findings[0].values[0].endswith("one should not forget that 21 member states out of the 27 in the EU are…")
