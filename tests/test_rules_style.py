"""bibliography-order, name-format, style-inconsistent: synthetic documents, hard negatives, the seed."""

from __future__ import annotations

import pytest

from audit.extract.bibliography import extract_bibliography
from audit.extract.notes import extract_notes
from audit.findings import Location, Severity
from audit.parse import parse_references
from audit.pipeline import parse_citations, segment_notes
from audit.rules import style_patterns as sp
from audit.rules.context import AuditContext
from audit.rules.style import check_bibliography_order, check_name_format, check_style_inconsistent
from tests.conftest import SEED_PAPER, seed_path
from tests.factories import text_document

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _parse(texts, context):
    return parse_references(list(texts), context=context)


def _context(text: str) -> AuditContext:
    doc = text_document(text)
    bib = extract_bibliography(doc)
    excluded = [(bib.heading_line, len(doc.lines))] if bib.heading_line is not None else []
    notes = extract_notes(doc, excluded=excluded)
    citations = parse_citations(segment_notes(notes), _parse)
    parsed = _parse([e.text for e in bib.entries], "bibliography") if bib.entries else []
    return AuditContext(document=doc, notes=notes, bibliography=bib, citations=tuple(citations),
                        entry_fields={e.index: p for e, p in zip(bib.entries, parsed, strict=True)})


def _bibliography(*sections: tuple[str | None, list[str]]) -> str:
    parts = ["A body paragraph that talks about the region and cites nothing at all.", "Bibliography"]
    for heading, entries in sections:
        if heading:
            parts.append(heading)
        parts.extend(entries)
    return "\n\n".join(parts) + "\n"


def _notes(*notes: str) -> str:
    body = " ".join(f"Claim number {i}.{str(i).translate(SUPERSCRIPTS)}" for i in range(1, len(notes) + 1))
    texts = [f"{str(i).translate(SUPERSCRIPTS)} {n}" for i, n in enumerate(notes, start=1)]
    return "\n\n".join([body, *texts]) + "\n"


# --- bibliography-order ---------------------------------------------------------------------------

def _e(author: str, title: str = "A Title", year: int = 2005) -> str:
    return f"{author}, *{title}*, London, Routledge, {year}."


@pytest.mark.parametrize("sections", [
    pytest.param([("Articles", [_e("Collins, Kathleen"), _e("Délétroz, Alain"), _e("Deyermond, Ruth")])],
                 id="accents-folded-deletroz-before-deyermond"),
    pytest.param([("Books", [_e("MacDonald, Ian"), _e("Matveeva, Anna"), _e("McDermott, Roger")])],
                 id="mac-and-mc-sorted-as-written"),
    pytest.param([("Books", [_e("Zimmer, Hans")]), ("Articles", [_e("Adams, John"), _e("Brown, Sue")])],
                 id="each-section-on-its-own"),
    pytest.param([("Interviews", [_e("Morel, Pierre")])], id="section-of-one-entry"),
    pytest.param([("Books", ["[1] Zimmer, Hans, *Music*, Berlin, 2001.", "[2] Adams, John, *Essays*, Boston, 2003."])],
                 id="numbered-list-is-ordered-by-number"),
    pytest.param([("Books", [_e("Adams, John"), "“The Great Game”, *The Economist*, 12 May 2004.",
                             _e("Hobbs, Tom")])], id="quoted-title-sorts-by-title-without-article"),
    pytest.param([("Books", [_e("Smith, John"), "———. *Other Book*. London: Penguin, 2006.", _e("Taylor, Ann")])],
                 id="repeated-author-sorts-with-previous"),
    pytest.param([("Books", [_e("Laruelle, Marlène", "L'Asie centrale"), _e("Laruelle, Marlène", "Asie centrale"),
                             _e("Laruelle, Marlène and Sébastien Peyrouse")])],
                 id="same-surname-not-judged-by-title"),
    pytest.param([("Books", [_e("Kaplan, Robert"), _e("La Rue, Frank"), _e("Lane, Amy")])],
                 id="surname-particle-sorts-as-written"),
    pytest.param([("Reports", [_e("Tisdall, Simon"), _e("The World Bank"), _e("Zed, Ann")])],
                 id="corporate-author-without-its-article"),
    pytest.param([("News", ["*The Guardian*, editorial, 14 June 2010.", _e("Vance, Cyrus")])],
                 id="italic-title-without-its-article"),
    pytest.param([(None, ["Smith, J. (2004). *Growth*. Oxford University Press.",
                          "World Bank. (2012). *World development report*. Washington, DC.",
                          "de Soto, H. (2000). *The mystery of capital*. Basic Books."])],
                 id="apa-organisation-and-lower-case-particle-not-judged"),
])
def test_bibliography_order_negatives(sections):
    assert list(check_bibliography_order(_context(_bibliography(*sections)))) == []


def test_bibliography_order_reports_the_misplaced_entry_only():
    ctx = _context(_bibliography(("Articles", [_e("Azarkan, Ezeli"), _e("Collins, Kathleen"),
                                               _e("Deyermond, Ruth"), _e("Delcour, Laure"),
                                               _e("Frost, Alexander"), _e("Kuchins, Andrew C.")])))
    findings = list(check_bibliography_order(ctx))
    assert len(findings) == 1
    finding = findings[0]
    delcour = ctx.entries[3]
    assert (finding.rule, finding.severity) == ("bibliography-order", Severity.INFO)
    assert finding.values == ("Delcour", "Deyermond")
    assert finding.suggestion == "place after 'Collins'"
    assert finding.locations == (Location.entry(delcour.index, delcour.span.line),)


def test_bibliography_order_first_entry_out_of_place_is_one_finding_not_a_cascade():
    ctx = _context(_bibliography((None, [_e("Zimmer, Hans"), _e("Adams, John"), _e("Brown, Sue"),
                                         _e("Clark, Ann")])))
    findings = list(check_bibliography_order(ctx))
    assert [f.values for f in findings] == [("Zimmer", "Adams")]
    assert findings[0].suggestion == "place after 'Clark'"


def test_bibliography_order_quoted_and_corporate_keys():
    ctx = _context(_bibliography(("Documents", [
        "Council of the European Union, “EU Drug Strategy”, Brussels, 2004.",
        "European Council, “A secure Europe”, Brussels, 2003.",
        "“Declaration of the special Conference on Afghanistan”, retrieved on 7 September 2011.",
        "Freedom House, “Freedom in the World 2010”, Washington, 2010."])))
    findings = list(check_bibliography_order(ctx))
    assert [f.values for f in findings] == [("Declaration of the special Conference on Afghanistan",
                                             "European Council")]
    assert findings[0].suggestion == "place after 'Council of the European Union'"


# --- name-format ----------------------------------------------------------------------------------

INVERTED = [_e("Collins, Kathleen"), _e("Deyermond, Ruth"), _e("Matveeva, Anna")]


@pytest.mark.parametrize("entry, value, suggestion", [
    pytest.param(_e("Kanet E., Roger"), "Kanet E., Roger", "Kanet, Roger E.", id="initial-after-inverted-surname"),
    pytest.param(_e("Freire, Raquel M. and Roger Kanet E. (eds.)"), "Roger Kanet E.", "Roger E. Kanet",
                 id="initial-after-surname-of-co-editor"),
    pytest.param(_e("A. Délétroz"), "A. Délétroz", "Délétroz, A.", id="first-author-with-initial-not-inverted"),
    pytest.param(_e("Laruelle , Marlène"), "Laruelle , Marlène", "Laruelle, Marlène", id="space-before-comma"),
    pytest.param(_e("Laruelle,  Marlène"), "Laruelle,  Marlène", "Laruelle, Marlène", id="doubled-space"),
])
def test_name_format_findings(entry, value, suggestion):
    ctx = _context(_bibliography((None, [*INVERTED, entry])))
    findings = list(check_name_format(ctx))
    assert [(f.rule, f.values, f.suggestion) for f in findings] == [("name-format", (value,), suggestion)]
    assert findings[0].locations == (Location.entry(4, ctx.entries[3].span.line),)


@pytest.mark.parametrize("entry, other, suggestion", [
    pytest.param("Délétroz Alain", "Délétroz, Alain", "Délétroz, Alain", id="missing-comma-surname-known"),
    pytest.param("Alain Délétroz", "Délétroz, Alain", "Délétroz, Alain", id="direct-order-surname-known"),
])
def test_name_format_uses_other_entries_to_find_the_surname(entry, other, suggestion):
    ctx = _context(_bibliography(("News", [*INVERTED, _e(entry)]),
                                 ("Interviews", [f"{other}, International Crisis Group, Interview, Brussels, 2011."])))
    findings = list(check_name_format(ctx))
    assert [(f.values, f.suggestion) for f in findings] == [((entry,), suggestion)]
    assert "'Surname, Given'" in findings[0].message and "4 of 5" in findings[0].message


@pytest.mark.parametrize("entries", [
    pytest.param([_e("International Crisis Group"), _e("United Nations Office on Drugs and Crime (UNODC)"),
                  _e("Council of the European Union"), _e("Note from the Presidency to COREPER/Council")],
                 id="corporate-authors"),
    pytest.param([_e("Rumer, B. Eugene, Dmitri Trenin and Huasheng Zhao"), _e("Nopens, Patrick F.P."),
                  _e("Melvin, Neil J. and Jos Boonstra"), "Delcour, Laure *et al.* (eds.), *Vers un monde*, 2008."],
                 id="well-formed-names"),
    pytest.param([_e("Garcia Lopez")], id="two-words-without-evidence-may-be-a-double-surname"),
    pytest.param([_e("Smith Jr., John")], id="suffix-is-not-an-initial"),
    pytest.param(["“CSTO leaders sign deal”, *Rianovosti*, 14 June 2009.", "———. *Other Book*, London, 2006."],
                 id="no-author-and-repeated-author"),
])
def test_name_format_negatives(entries):
    assert list(check_name_format(_context(_bibliography((None, [*INVERTED, *entries]))))) == []


def test_name_format_direct_order_bibliography_is_not_told_to_invert():
    entries = [_e("Kathleen Collins"), _e("Ruth Deyermond"), _e("Anna Matveeva"), _e("Alain Délétroz")]
    assert list(check_name_format(_context(_bibliography((None, entries))))) == []


# --- style-inconsistent ---------------------------------------------------------------------------

def _style(*notes: str):
    return list(check_style_inconsistent(_context(_notes(*notes))))


def test_dates_minority_form_reported_with_all_locations():
    findings = _style("A. Smith, “One”, *Times*, 29 June 2010.", "B. Jones, “Two”, *Times*, 3 May 2011.",
                      "C. Brown, “Three”, *Times*, June 5, 2009.", "D. White, “Four”, *Times*, 1 March 2008.")
    assert len(findings) == 1
    finding = findings[0]
    assert finding.rule == "style-inconsistent" and finding.values == ("June 5, 2009",)
    assert finding.locations == (Location.note(3, 7),)
    assert finding.suggestion == 'day month year (29 June 2010), as in "29 June 2010"'
    assert "3 of 4 uses" in finding.message


@pytest.mark.parametrize("notes, values, suggestion", [
    pytest.param(["A, *B*, 2001, pp. 3-4.", "C, *D*, 2002, pp. 10-12.", "E, *F*, 2003, p. 23-24."],
                 ("p. 23-24",), '"pp.", as in "pp. 3-4"', id="p-before-a-range"),
    pytest.param(["A, *B*, 2001, p. 3.", "C, *D*, 2002, p. 10.", "E, *F*, 2003, pp. 5."],
                 ("pp. 5",), '"p.", as in "p. 3"', id="pp-before-one-page"),
    pytest.param(["A, *B*, 2001, pp. 3–4.", "C, *D*, 2002, pp. 10–12.", "E, *F*, 2003, pp. 23-24."],
                 ("pp. 23-24",), 'an en dash (–), as in "pp. 3–4"', id="hyphen-among-en-dashes"),
    pytest.param(["A, “Bees”, 2001.", "C, “Dogs”, 2002.", "E, \"Fish\", 2003."], ('"…"',), "curly quotes (“…”)",
                 id="straight-quotes-among-curly"),
    pytest.param(["A, *B*, 2001.", "A, *op. cit.*, p. 2.", "A, *op. cit.*, p. 3.", "A, *op.cit.*, p. 4."],
                 ("op.cit.",), '"op. cit.", as in "op. cit."', id="op-cit-spacing"),
    pytest.param(["A, *B*, 2001.", "*Ibid.*", "*Ibid.*, p. 4.", "Ibid., p. 5."], ("Ibid.",),
                 'emphasised *Ibid.*, as in "*Ibid.*"', id="ibid-not-emphasised"),
    pytest.param(["A and B (eds.), *C*, 2001.", "D and E (eds.), *F*, 2002.", "G and H (ed.), *I*, 2003."],
                 ("(ed.)",), '"eds.", as in "(eds.)"', id="ed-for-several-editors"),
])
def test_style_minority_forms(notes, values, suggestion):
    findings = _style(*notes)
    assert [(f.values, f.suggestion) for f in findings] == [(values, suggestion)]
    assert findings[0].locations == (Location.note(len(notes), 2 * len(notes) + 1),)


@pytest.mark.parametrize("notes", [
    pytest.param(["A, *B*, 2001, p. 3-4.", "C, *D*, 2002, p. 10-12.", "E, *F*, 2003, p. 23."],
                 id="french-p-before-every-range-is-a-convention"),
    pytest.param(["A, *B*, 29 June 2010.", "C, *D*, June 5, 2009."], id="fifty-fifty-is-two-styles-not-a-slip"),
    pytest.param(["A, *B*, 2001, pp. 12, 15.", "C, *D*, 2002, p. 3.", "E, *F*, 2003, p. 4."],
                 id="pp-before-a-list-of-pages"),
    pytest.param(["A, *B*, 2005-2012, p. 3.", "C, *D*, 2002, pp. 3–4.", "E, *F*, 2003, pp. 5–9."],
                 id="year-ranges-are-not-page-ranges"),
    pytest.param(["Smith (ed.), *A*, 2001.", "Jones (ed.), *B*, 2002.", "Brown and Green (eds.), *C*, 2003."],
                 id="ed-and-eds-agreeing-with-the-number-of-editors"),
    pytest.param(["Smith and Doe, eds., *A*, 2001.", "Roe and Poe, eds., *B*, 2002.",
                  "*War and Peace*, ed. John Smith, London, 2003."], id="ed-meaning-edited-by-before-a-name"),
])
def test_style_negatives(notes):
    assert _style(*notes) == []


@pytest.mark.parametrize("pattern, text, matched", [
    pytest.param(sp.DATE_DMY, "Vienna, 29 June 2010, p. 3", "29 June 2010", id="dmy"),
    pytest.param(sp.DATE_MDY, "New York, June 29, 2010.", "June 29, 2010", id="mdy"),
    pytest.param(sp.DATE_MDY, "Washington, Sept. 29, 2010.", "Sept. 29, 2010", id="mdy-abbreviated"),
    pytest.param(sp.DATE_ISO, "accessed 2010-06-29", "2010-06-29", id="iso"),
    pytest.param(sp.DATE_NUMERIC, "accessed 29/06/2010", "29/06/2010", id="numeric"),
    pytest.param(sp.PAGE_REFERENCE, "2009, pp. 118-119.", "pp. 118-119", id="page-range"),
    pytest.param(sp.OP_CIT_FORM, "Osmonaliev, *op.cit.*, p. 25", "op.cit.", id="op-cit"),
    pytest.param(sp.IBID_FORM, "*Ibid.*, p. 66.", "*Ibid.*", id="ibid"),
    pytest.param(sp.EDITOR_MARK, "in N.J. Melvin (ed.), *Engaging*", "(ed.)", id="editor-mark"),
    pytest.param(sp.CURLY_QUOTED, "A. Délotroz, “Les quatre défis”, *Le Temps*", "“Les quatre défis”", id="curly"),
])
def test_style_patterns(pattern, text, matched):
    assert pattern.search(text).group() == matched


@pytest.mark.parametrize("text", ["Paris, 29 juin 2010", "Berlin, 29 Juni 2010", "29 May. 2010", "29 june 2010"])
def test_date_formats_compare_english_month_names_only(text):
    assert sp.DATE_DMY.search(text) is None


@pytest.mark.parametrize("pattern, text, matches", [
    pytest.param(sp.INITIAL_TOKEN, "Yu.", True, id="initial-digraph"),
    pytest.param(sp.INITIAL_TOKEN, "F.P.", True, id="initials-run"),
    pytest.param(sp.INITIAL_TOKEN, "Jr.", False, id="suffix-not-initial"),
    pytest.param(sp.NAME_WORD, "Pérez-Higueras", True, id="hyphenated-surname"),
    pytest.param(sp.NAME_WORD, "O'Brien", True, id="apostrophe-surname"),
    pytest.param(sp.NAME_WORD, "McDermott", True, id="inner-capital-surname"),
    pytest.param(sp.NAME_WORD, "UNODC", False, id="acronym-not-a-name-word"),
    pytest.param(sp.PARTICLE, "van", True, id="particle"),
    pytest.param(sp.DOUBLE_SPACE, "Laruelle,  Marlène", True, id="double-space"),
    pytest.param(sp.SPACE_BEFORE_COMMA, "Laruelle , Marlène", True, id="space-before-comma"),
    pytest.param(sp.COMMA_WITHOUT_SPACE, "Laruelle,Marlène", True, id="comma-without-space"),
    pytest.param(sp.COMMA_WITHOUT_SPACE, "Laruelle, Marlène", False, id="comma-with-space"),
    pytest.param(sp.SORT_LEAD, "“*The Voice*", True, id="sort-lead"),
    pytest.param(sp.ELIDED_ARTICLE, "L'Asie centrale", True, id="elided-article"),
    pytest.param(sp.NAMES_END, "Melvin, Neil J. (ed.), *Engaging*", True, id="names-end-at-role"),
    pytest.param(sp.NAME_CONNECTOR, "Smith, John, and Jane Doe", True, id="connector"),
    pytest.param(sp.STRAIGHT_QUOTED, 'UNODC, "Briefing Note", 2011', True, id="straight-quoted"),
    pytest.param(sp.SEVERAL_NAMES, "Laure *et al.*", True, id="et-al-is-several"),
    pytest.param(sp.EDITOR_NAMES_START, "”, in N.J. Melvin ", True, id="editor-names-start"),
])
def test_name_and_style_patterns_match(pattern, text, matches):
    assert bool(pattern.search(text)) is matches


# --- the seed paper -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_context() -> AuditContext:
    return _context(seed_path(SEED_PAPER).read_text(encoding="utf-8"))


def test_seed_bibliography_order(seed_context):
    found = [(f.values[0], f.suggestion) for f in check_bibliography_order(seed_context)]
    assert [v for v, _ in found] == ["Declaration of the special Conference on Afghanistan convene…", "Emerson",
                                     "Delcour"]
    assert found[2][1] == "place after 'Czerniecka'"


def test_seed_name_format(seed_context):
    found = [(f.values, f.suggestion) for f in check_name_format(seed_context)]
    assert found == [(("Roger Kanet E.",), "Roger E. Kanet"), (("Délétroz Alain",), "Délétroz, Alain")]


def test_seed_style_only_quotes_are_mixed(seed_context):
    findings = list(check_style_inconsistent(seed_context))
    assert [f.values for f in findings] == [("“…”",)]
    assert {loc.kind for loc in findings[0].locations} == {"note"}
    assert Location.note(1, 79) in findings[0].locations


def test_entries_from_a_bib_file_are_not_checked_for_order(tmp_path):
    from audit.config import AuditConfig
    from audit.ingest import ingest
    from audit.pipeline import audit_document

    path = tmp_path / "refs.bib"
    path.write_text("@book{b, author = {Smith, John}, title = {B}, year = {2004}}\n"
                    "@book{a, author = {Adams, Ann}, title = {A}, year = {2001}}\n", encoding="utf-8")
    report = audit_document(ingest(path), AuditConfig(offline=True))
    assert [f.finding.rule for f in report.findings if f.finding.rule == "bibliography-order"] == []
