"""The HTML report: built from hand-made Reports and from the seed paper, read back with BeautifulSoup."""

from __future__ import annotations

import dataclasses
import re
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from audit.commands import write_index
from audit.findings import Finding, Location, Severity
from audit.models import BibEntry, Citation, Note, ParsedReference, Span, Work
from audit.render import RENDERERS
from audit.render.diff_marks import Segment, diff_pair, diff_values
from audit.render.html_report import URL_STATUS_ORDER, render_html, render_index
from audit.render.json_report import report_to_dict
from audit.report import EntryRecord, NoteRecord, Report, build_report
from audit.rules import RULES
from audit.urls.records import ArchiveResult, ArchiveStatus, UrlRecord, UrlStatus
from tests.regenerate_snapshots import seed_markdown, seed_paper_report


def fake_url(url: str, status: str, *, http: int | None = None, archive: str = "NOT_CHECKED",
             snapshot: str | None = None, note: int = 1, line: int = 10) -> UrlRecord:
    return UrlRecord(url, url if url.startswith("http") else None, "2011-05-12", UrlStatus(status), http, None,
                     ArchiveResult(ArchiveStatus(archive), snapshot), (Location.note(note, line),),
                     reason="answers 404" if status == "DEAD" else "")


def note(number: int, text: str, line: int) -> Note:
    return Note(number, str(number), text, Span(0, len(text), line), "superscript")


def citation(cid: str, kind: str, text: str, line: int, note_number: int | None, **extra) -> Citation:
    return Citation(cid, kind, text, Span(0, len(text), line), note_number, **extra)


def entry(index: int, section: str | None, text: str, line: int, cited_by: tuple[int, ...] = (),
          work: str | None = None) -> EntryRecord:
    return EntryRecord(BibEntry(index, section, text, Span(0, len(text), line)), ParsedReference("book", {}),
                       work, None, cited_by)


def rich_report(**overrides) -> Report:
    """Notes with short forms, two bibliography sections, a body citation, URLs and findings of every severity."""
    n1 = note(1, "A. Paramonov, Central Asia, Moscow, 2008, p. 12.", 100)
    n2 = note(2, "Ibid., p. 14; see https://example.org/report.", 101)
    n3 = note(3, "B. Paramanov, Central Asia, 2008.", 102)
    c11 = citation("n1.1", "full", n1.text, 100, 1, work="w1", pinpoint="12")
    c21 = citation("n2.1", "ibid", "Ibid., p. 14", 101, 2, antecedent="n1.1", work="w1", pinpoint="14")
    c22 = citation("n2.2", "full", "see https://example.org/report.", 101, 2,
                   fields={"url": "https://example.org/report"})
    c31 = citation("n3.1", "op-cit", n3.text, 102, 3)
    body = citation("b.1", "short", "Paramonov 2008", 40, None)
    notes = (NoteRecord(n1, (c11,)), NoteRecord(n2, (c21, c22)), NoteRecord(n3, (c31,)))
    bibliography = (
        entry(1, "Books", "Paramonov, A. Central Asia. Moscow, 2008.", 200, (1, 2), "w1"),
        entry(2, "Books", "Trenin, D. Russia. 2007.", 201),
        entry(3, "Articles", "Zhao, H. Beijing. 2009.", 203, (3,)),
    )
    works = (Work("w1", "paramonov2008central", "book", {"title": "Central Asia", "author": ("A. Paramonov",)},
                  ("n1.1", "n2.1"), (1,)),)
    urls = (
        fake_url("https://example.org/alive", "ALIVE", http=200, archive="ARCHIVED_NEAR_DATE",
                 snapshot="https://web.archive.org/web/20110514093000/https://example.org/alive"),
        fake_url("https://example.org/gone", "DEAD", http=404, archive="ARCHIVED",
                 snapshot="https://web.archive.org/web/20100101000000/https://example.org/gone", note=2, line=101),
        fake_url("www.example.org/unchecked", "NOT_CHECKED"),
        fake_url("javascript:alert(1)", "MALFORMED"),
    )
    findings = [
        Finding("name-variant", Severity.WARNING, "Author spelled 'Paramanov' in note 3 but 'Paramonov' in the "
                "bibliography", (Location.note(3, 102), Location.entry(1, 200)), ("Paramanov", "Paramonov"),
                "Paramonov"),
        Finding("uncited-entry", Severity.INFO, "Entry 2 is not cited in any note", (Location.entry(2, 201),)),
        Finding("url-dead", Severity.ERROR, "https://example.org/gone answers 404",
                (Location.note(2, 101),), ("https://example.org/gone",),
                "https://web.archive.org/web/20100101000000/https://example.org/gone"),
        Finding("unsupported-claim", Severity.INFO, "A figure with no citation", (Location.body(55),)),
        Finding("short-form-unresolved", Severity.WARNING, "op. cit. with no earlier citation of Paramanov",
                (Location.note(3, 102),)),
        Finding("marker-without-note", Severity.ERROR, "Marker 9 has no note text", (Location.note(9, 77),)),
    ]
    fields = dict(path="papers/rich.txt", fmt="text", sha256="0" * 64, notes=notes, marker_count=4,
                  body_citations=(body,), bibliography=bibliography, sections=("Books", "Articles"), works=works,
                  urls=urls, findings=findings, notices=())
    fields.update(overrides)
    return build_report(**fields)


def empty_report() -> Report:
    return build_report(path="empty.txt", fmt="text", sha256="1" * 64, notes=(), marker_count=0, body_citations=(),
                        bibliography=(), sections=(), works=(), urls=(), findings=[],
                        notices=("No notes or note markers were found in this document.",
                                 "No bibliography was found in this document."))


def soup_of(report: Report) -> BeautifulSoup:
    return BeautifulSoup(render_html(report), "html.parser")


def assert_links_resolve(soup: BeautifulSoup) -> None:
    ids = [el["id"] for el in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    targets = [a["href"][1:] for a in soup.find_all("a", href=True) if a["href"].startswith("#")]
    assert targets, "expected in-page links"
    assert sorted(set(targets) - set(ids)) == []


def assert_self_contained(soup: BeautifulSoup) -> None:
    assert soup.find("link") is None
    assert soup.find("img") is None and soup.find("iframe") is None
    assert [s for s in soup.find_all("script") if s.has_attr("src")] == []
    assert soup.find_all(src=True) == []
    for style in soup.find_all("style"):
        assert "@import" not in style.text and "url(" not in style.text
    for a in soup.find_all("a", href=True):
        href = a["href"].strip()
        if re.match(r"https?:", href, re.I):
            # Web links only where the document itself names a web address, and never with the opener exposed.
            assert a.find_parent("table", class_="urls") or a.find_parent(class_="cit-url"), a
            assert "noopener" in a["rel"], a
        else:  # in-page anchors and the relative .bib / report links; no other scheme, no //host
            assert href.startswith("#") or not re.match(r"[a-z][a-z0-9+.-]*:|//", href, re.I), a


@pytest.fixture(scope="module")
def rich() -> BeautifulSoup:
    return soup_of(rich_report())


def test_renderer_is_registered():
    assert RENDERERS["html"] is render_html


def test_every_finding_appears_by_id(rich):
    report = rich_report()
    for item in report.findings:
        element = rich.find(id=item.id)
        assert element is not None and "finding" in element["class"]
        assert element["data-rule"] == item.finding.rule
        assert element["data-severity"] == item.finding.severity.value
        assert item.finding.message in element.get_text()


def test_in_page_links_resolve_and_ids_are_unique(rich):
    assert_links_resolve(rich)


def test_page_is_self_contained(rich):
    assert_self_contained(rich)


def test_finding_links_point_at_notes_entries_and_body_lines(rich):
    finding = rich.find(id="F0003")  # the name-variant warning: note 3 and entry 1
    hrefs = [a["href"] for a in finding.select(".where a")]
    assert hrefs == ["#note-3", "#entry-1"]
    assert rich.find(id="line-55") is not None  # the unsupported claim's body line has a target
    assert [a["href"] for a in rich.find(id="F0006").select(".where a")] == ["#line-55"]


def test_location_without_target_is_plain_text(rich):
    marker = rich.find(id="F0001")  # marker 9 has no note on the page
    assert marker.select(".where a") == []
    assert "note 9" in marker.select_one(".where").get_text()


def test_values_side_by_side_with_differing_characters_marked(rich):
    values = rich.find(id="F0003").select(".values .value")
    assert [v.get_text() for v in values] == ["Paramanov", "Paramonov"]
    assert [m.get_text() for m in values[0].find_all("mark")] == ["a"]
    assert [m.get_text() for m in values[1].find_all("mark")] == ["o"]
    assert "Suggestion: Paramonov" in rich.find(id="F0003").select_one(".suggestion").get_text(" ", strip=True)


def test_findings_grouped_by_severity_then_rule(rich):
    groups = [(g["data-severity"], g["data-rule"]) for g in rich.select(".rule-group")]
    assert groups == [("error", "marker-without-note"), ("error", "url-dead"), ("warning", "name-variant"),
                      ("warning", "short-form-unresolved"), ("info", "uncited-entry"),
                      ("info", "unsupported-claim")]


def test_filters_are_labelled_and_cover_every_rule(rich):
    form = rich.find(id="filters")
    boxes = form.find_all("input", attrs={"name": "severity"})
    assert [b["value"] for b in boxes] == ["error", "warning", "info"]
    assert all(b.find_parent("label") is not None for b in boxes)
    select = form.find("select", id="filter-rule")
    assert form.find("label", attrs={"for": "filter-rule"}) is not None
    assert sorted(o["value"] for o in select.find_all("option"))[1:] == sorted(
        {f.finding.rule for f in rich_report().findings})


def test_notes_show_citation_kind_antecedent_work_and_findings(rich):
    ibid = rich.find(id="cit-n2.1")
    assert ibid.select_one(".kind").get_text() == "ibid"
    assert [(a["href"], a.get_text()) for a in ibid.find_all("a")] == [("#work-w1", "w1 paramonov2008central"),
                                                                     ("#cit-n1.1", "n1.1")]
    unresolved = rich.find(id="cit-n3.1")
    assert "antecedent not resolved" in unresolved.get_text()
    note3 = rich.find(id="note-3")
    assert {a["href"] for a in note3.select(".note-findings a")} == {"#F0003", "#F0004"}
    link = rich.find(id="cit-n2.2").select_one(".cit-url a")
    assert link["href"] == "https://example.org/report" and "noopener" in link["rel"]


def test_bibliography_by_section_with_uncited_entries_marked(rich):
    bib = rich.find(id="bibliography")
    assert [h.get_text() for h in bib.find_all("h3")] == ["Books", "Articles"]
    assert "uncited" in rich.find(id="entry-2")["class"]
    assert "uncited" not in rich.find(id="entry-1")["class"]
    assert [a["href"] for a in rich.find(id="entry-1").select(".meta a")][:3] == ["#work-w1", "#note-1", "#note-2"]


def test_urls_dead_first_with_safe_links(rich):
    rows = rich.select("table.urls tbody tr")
    statuses = [row.find_all("td")[1].span.get_text(strip=True) for row in rows]
    assert statuses == ["DEAD", "MALFORMED", "ALIVE", "NOT_CHECKED"]
    assert statuses == sorted(statuses, key=URL_STATUS_ORDER.index)
    dead = rows[0].find_all("td")
    assert dead[1].select_one(".meta").get_text() == "answers 404"
    assert dead[2].get_text() == "404" and dead[3].get_text() == "2011-05-12" and dead[4].get_text() == "ARCHIVED"
    assert dead[5].a["href"].startswith("https://web.archive.org/web/20100101000000/")
    malformed = rows[1]
    assert malformed.find("a", href=re.compile("javascript", re.I)) is None
    assert "javascript:alert(1)" in malformed.get_text()


def test_url_repairs_are_shown_beside_the_url_as_written():
    damaged = dataclasses.replace(fake_url("www.example.org/a", "NOT_CHECKED"), normalised="http://www.example.org/a",
                                  repairs=("missing scheme",))
    row = soup_of(rich_report(urls=(damaged,))).select_one("table.urls tbody tr")
    assert row.find_all("td")[0].select_one(".repairs").get_text() == "repaired: missing scheme"


def test_json_findings_by_rule_follows_the_catalogue_order(validate_report):
    extra = Finding("name-variant", Severity.WARNING, "Author spelled 'Trenin' and 'Trennin'",
                    (Location.entry(2, 201),), ("Trenin", "Trennin"))
    report = rich_report(findings=[item.finding for item in rich_report().findings] + [extra])
    by_rule = validate_report(report_to_dict(report))["stats"]["findings_by_rule"]
    assert by_rule == {"marker-without-note": 1, "name-variant": 2, "uncited-entry": 1, "short-form-unresolved": 1,
                       "unsupported-claim": 1, "url-dead": 1}
    catalogue = [rule.id for rule in RULES]
    assert list(by_rule) == sorted(by_rule, key=catalogue.index)


def test_json_findings_by_rule_is_empty_without_findings(validate_report):
    assert validate_report(report_to_dict(empty_report()))["stats"]["findings_by_rule"] == {}


def test_json_urls_carry_the_url_stage_reason_and_repairs(validate_report):
    damaged = dataclasses.replace(fake_url("www.example.org/a", "NOT_CHECKED"), normalised="http://www.example.org/a",
                                  repairs=("missing scheme",))
    urls = validate_report(report_to_dict(rich_report(urls=(fake_url("https://example.org/gone", "DEAD", http=404),
                                                            damaged))))["urls"]
    assert [(u["reason"], u["repairs"]) for u in urls] == [("answers 404", []), (None, ["missing scheme"])]


def test_summary_counts_come_from_the_report(rich):
    report = rich_report()
    counts = {div.dt.get_text(" ", strip=True).lower(): div.dd.get_text() for div in rich.select(".counts div")}
    assert counts["notes"] == str(len(report.notes)) == "3"
    assert counts["citations"] == str(report.citation_count) == "5"
    assert counts["works"] == "1" and counts["bibliography entries"] == "3" and counts["urls"] == "4"
    assert (counts["error"], counts["warning"], counts["info"]) == ("2", "2", "2")


def test_charts_are_inline_svg(rich):
    rules = rich.find("svg", id="chart-rules")
    assert [t.get_text() for t in rules.select(".bar-label")] == [
        "marker-without-note", "url-dead", "name-variant", "short-form-unresolved", "uncited-entry",
        "unsupported-claim"]
    urls = rich.find("svg", id="chart-urls")
    assert [t.get_text() for t in urls.select(".bar-label")] == ["DEAD", "MALFORMED", "ALIVE", "NOT_CHECKED"]


def test_print_and_narrow_screen_styles():
    css = soup_of(rich_report()).style.get_text()
    printed = css.split("@media print", 1)[1]
    assert ".filters" in printed and ".finding[hidden]" in printed and "display: block !important" in printed
    assert "@media (max-width" in css and "overflow-x: auto" in css


HOSTILE = '<script>alert("x")</script><b onmouseover="evil()">bold</b> & <img src=x>'


def test_document_text_is_escaped_everywhere():
    n = note(1, HOSTILE, 5)
    report = rich_report(
        path="papers/<script>.txt",
        notes=(NoteRecord(n, (citation("n1.1", "full", HOSTILE + " again", 5, 1, fields={"url": HOSTILE}),)),),
        bibliography=(entry(1, "<i>Books</i>", HOSTILE, 9),),
        findings=[Finding("name-variant", Severity.WARNING, HOSTILE, (Location.note(1, 5),), (HOSTILE, "<b>x"),
                          HOSTILE)])
    html = render_html(report)
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.find_all("script")) == 1 and not soup.script.has_attr("src")  # only the page's own filter
    assert soup.find("b") is None and soup.find("img") is None and soup.find("i") is None
    assert soup.find(onmouseover=True) is None
    assert soup.find(id="note-1").select_one(".note-text").get_text() == HOSTILE
    assert soup.find(id="F0001").select_one(".message").get_text() == HOSTILE
    assert "&lt;script&gt;" in html
    assert_self_contained(soup)


def test_empty_report_says_so_plainly():
    soup = soup_of(empty_report())
    notices = soup.select_one(".notices").get_text()
    assert "No notes or note markers were found" in notices and "No bibliography was found" in notices
    assert "no notes to show" in soup.find(id="notes").get_text()
    assert "no bibliography to show" in soup.find(id="bibliography").get_text()
    assert "No findings." in soup.find(id="findings").get_text()
    assert soup.find(id="filters") is None
    assert "No BibTeX changes recorded" in soup.find(id="bibtex").get_text()
    assert "No BibTeX entries" in soup.find(id="bibtex").get_text() and soup.find(id="bibtex").a is None
    assert_self_contained(soup)


def test_bibtex_section_links_the_bib_file_and_lists_the_changes():
    changes = ("entry 1: title braces protect 'Central Asia'", "entry 2: <date> moved")
    report = rich_report(bibtex_text="@book{paramonov2008central,}\n", bibtex_changes=changes)
    section = soup_of(report).find(id="bibtex")
    assert [li.get_text() for li in section.select(".changes li")] == list(changes)
    assert section.a["href"] == "rich.bib" and section.a.has_attr("download")


def test_duplicated_note_numbers_get_unique_anchors():
    n = note(4, "Same number twice.", 10)
    c = citation("n4.1", "full", "Same number twice.", 10, 4)
    again = dataclasses.replace(n, span=Span(0, 1, 12))
    report = rich_report(notes=(NoteRecord(n, (c,)), NoteRecord(again, (c,))))
    soup = soup_of(report)
    assert [a["id"] for a in soup.select("#notes .note")] == ["note-4", "note-4-2"]
    assert [a["id"] for a in soup.select("#notes .citation")] == ["cit-n4.1", "cit-n4.1-2"]
    assert_links_resolve(soup)


def test_index_lists_every_document_with_counts(tmp_path):
    rich_one, empty_one = rich_report(), empty_report()
    assert write_index([rich_one], tmp_path) is None  # one document: its own page is enough
    target = write_index([rich_one, empty_one], tmp_path)
    assert target == tmp_path / "index.html"
    soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in soup.select("tbody tr")]
    assert [r[1:] for r in rows] == [["3", "5", "1", "3", "4", "2", "2", "2"], ["0", "0", "0", "0", "0", "0", "0", "0"]]
    assert [a["href"] for a in soup.select("tbody a")] == ["rich.html", "empty.html"]
    assert_self_contained(soup)
    assert render_index([("a b.html", empty_one)]).count('href="a%20b.html"') == 1


# --- diff_marks ---------------------------------------------------------------------------------------------

def _marked(segments: tuple[Segment, ...]) -> str:
    return "".join(f"[{s.text}]" if s.changed else s.text for s in segments)


@pytest.mark.parametrize("a, b, marked_a, marked_b", [
    pytest.param("Paramonov", "Paramanov", "Param[o]nov", "Param[a]nov", id="one-letter"),
    pytest.param("2007", "2008", "200[7]", "200[8]", id="year"),
    pytest.param("Central Asia", "Central Asia", "Central Asia", "Central Asia", id="equal"),
    pytest.param("Trenin", "D. Trenin", "Trenin", "[D. ]Trenin", id="insertion"),
    pytest.param("", "x", "", "[x]", id="empty"),
    pytest.param("Views from Washington", "views from Washington", "[V]iews from Washington",
                 "[v]iews from Washington", id="case-only"),
    pytest.param("1999", "2010", "[1999]", "[2010]", id="unrelated-marked-whole"),
    pytest.param("E.R. Kanet", "Roger Kanet E.", "[E.R.] Kanet", "R[oger] Kanet[ E.]", id="short-islands-absorbed"),
])
def test_diff_pair(a, b, marked_a, marked_b):
    left, right = diff_pair(a, b)
    assert (_marked(left), _marked(right)) == (marked_a, marked_b)
    assert "".join(s.text for s in left) == a and "".join(s.text for s in right) == b


def test_diff_pair_long_strings_are_not_swamped_by_autojunk():
    title = "A long title about Central Asia, Russia and China " * 6  # over 200 characters
    left, right = diff_pair(title, title.replace("China", "Chine", 1))
    assert [s.text for s in left if s.changed] == ["a"] and [s.text for s in right if s.changed] == ["e"]


def test_diff_values_marks_the_first_against_every_other():
    first, second, third = diff_values(["Smith", "Smyth", "Smiht"])
    # 'i' differs from Smyth, and 'h' from Smiht (its 'h' and 't' swapped): both show on the first form.
    assert (_marked(first), _marked(second), _marked(third)) == ("Sm[i]t[h]", "Sm[y]th", "Smi[h]t")
    assert diff_values(["alone"]) == ((Segment("alone", False),),)
    assert diff_values([]) == ()


# --- the seed paper -----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_report() -> Report:
    return seed_paper_report()


def test_seed_markdown_matches_the_golden_file():
    expected = (Path(__file__).parent / "data" / "seed_report.md").read_text(encoding="utf-8")
    # On a deliberate change: `make snapshots`, then read the diff of tests/data/seed_report.md before committing.
    assert seed_markdown() == expected


def test_seed_paper_renders_every_note_entry_and_finding(seed_report):
    started = time.perf_counter()
    html = render_html(seed_report)
    elapsed = time.perf_counter() - started
    soup = BeautifulSoup(html, "html.parser")
    assert [a["id"] for a in soup.select("#notes .note")] == [f"note-{n}" for n in range(1, 111)]
    assert len(soup.select("#bibliography .entry")) == len(seed_report.bibliography) == 60
    assert [h.get_text() for h in soup.select("#bibliography h3")] == list(seed_report.bibliography_sections)
    assert soup.find(id="cit-n7.1").select_one(".kind").get_text() == "full"
    assert soup.find(id="cit-n18.1").select_one(".kind").get_text() == "ibid"
    shown = {el["id"] for el in soup.select("#findings .finding")}
    assert shown == {item.id for item in seed_report.findings}
    assert_links_resolve(soup)
    assert_self_contained(soup)
    assert elapsed < 2.0 and len(html.encode()) < 1_000_000
