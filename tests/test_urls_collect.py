"""Finding, repairing and dating URLs as written (pure; no network)."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import AuditConfig
from audit.findings import Location
from audit.urls import UrlSite, UrlStatus, audit_urls, url_record_to_dict
from audit.urls.collect import collect_urls, normalise_url, reencode_entities, split_paragraphs
from tests.url_fakes import loopback_only  # noqa: F401  (autouse guard)

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds" / "000_1ec35bee97424517.txt"


def collect(text: str):
    return collect_urls([UrlSite(text, Location.note(1, 1))])


@pytest.mark.parametrize(("text", "written", "normalised", "repaired"), [
    pytest.param("see http://x.org/a/report.pdf.", "http://x.org/a/report.pdf", "http://x.org/a/report.pdf", False,
                 id="trailing-period-is-punctuation"),
    pytest.param("(see http://x.org/r.pdf).", "http://x.org/r.pdf", "http://x.org/r.pdf", False,
                 id="unbalanced-paren-stripped"),
    pytest.param("http://en.wikipedia.org/wiki/Foo_(bar), 2010", "http://en.wikipedia.org/wiki/Foo_(bar)",
                 "http://en.wikipedia.org/wiki/Foo_(bar)", False, id="wikipedia-paren-kept"),
    pytest.param("at <http://www.x.org/a b.pdf> now", "http://www.x.org/a b.pdf", "http://www.x.org/a%20b.pdf", True,
                 id="angle-wrapped-with-space"),
    pytest.param("at <http://x.org/p>.", "http://x.org/p", "http://x.org/p", False, id="angle-brackets-not-damage"),
    pytest.param("“http://x.org/q”", "http://x.org/q", "http://x.org/q", False, id="curly-quotes"),
    pytest.param("page http://x.org/p;", "http://x.org/p", "http://x.org/p", False, id="trailing-semicolon"),
    pytest.param("http://www.unodc.org/docu-\nments/wdr.pdf", "http://www.unodc.org/docu-\nments/wdr.pdf",
                 "http://www.unodc.org/docu-ments/wdr.pdf", True, id="line-break-after-hyphen"),
    pytest.param("http://www.unodc.org/documents/\nwdr_2010.pdf", "http://www.unodc.org/documents/\nwdr_2010.pdf",
                 "http://www.unodc.org/documents/wdr_2010.pdf", True, id="line-break-after-slash"),
    pytest.param("http://x.org/reports/annual\n_2010.pdf and more", "http://x.org/reports/annual\n_2010.pdf",
                 "http://x.org/reports/annual_2010.pdf", True, id="line-break-before-underscore"),
    pytest.param("http://x.org/page.htm\nNext sentence.", "http://x.org/page.htm", "http://x.org/page.htm", False,
                 id="line-break-then-sentence-not-joined"),
    pytest.param("http://x.org/a b/c.pdf today", "http://x.org/a b/c.pdf", "http://x.org/a%20b/c.pdf", True,
                 id="space-inside"),
    pytest.param("http://x.org/a and/or b", "http://x.org/a", "http://x.org/a", False, id="and-or-is-prose"),
    pytest.param("http://x.org/a.pdf see p/12.pdf", "http://x.org/a.pdf", "http://x.org/a.pdf", False,
                 id="space-after-complete-file-name"),
    pytest.param("http://x.org/report.pdf\nin/out flows", "http://x.org/report.pdf", "http://x.org/report.pdf", False,
                 id="line-break-after-complete-file-name"),
    pytest.param("http://x.org/page.\nit was", "http://x.org/page", "http://x.org/page", False,
                 id="period-line-break-lowercase"),
    pytest.param("http://x.org/report.pdf²³ and", "http://x.org/report.pdf", "http://x.org/report.pdf", False,
                 id="superscript-note-marker"),
    pytest.param("http://www.unodc.org/documents/\nEvents/plan.pdf", "http://www.unodc.org/documents/\nEvents/plan.pdf",
                 "http://www.unodc.org/documents/Events/plan.pdf", True, id="line-break-after-slash-capital"),
    pytest.param("www.osce.org/item/123", "www.osce.org/item/123", "http://www.osce.org/item/123", True,
                 id="missing-scheme"),
    pytest.param("http//x.org/a", "http//x.org/a", "http://x.org/a", True, id="scheme-missing-colon"),
    pytest.param("htp://x.org/b", "htp://x.org/b", "http://x.org/b", True, id="scheme-typo"),
    pytest.param("http:///x.org/c", "http:///x.org/c", "http://x.org/c", True, id="scheme-three-slashes"),
    pytest.param("http:/x.org/d", "http:/x.org/d", "http://x.org/d", True, id="scheme-one-slash"),
    pytest.param("http://x.org/a//b.pdf", "http://x.org/a//b.pdf", "http://x.org/a//b.pdf", True,
                 id="doubled-slash-kept-collapsed-as-alternate"),
    pytest.param("http://x.org/p.php?id=1§ion=2", "http://x.org/p.php?id=1§ion=2",
                 "http://x.org/p.php?id=1&section=2", True, id="entity-sect"),
    pytest.param("http://x.org/p?a=1¶=2", "http://x.org/p?a=1¶=2", "http://x.org/p?a=1&para=2", True,
                 id="entity-para"),
    pytest.param("http://x.org/p?a=1©=2", "http://x.org/p?a=1©=2", "http://x.org/p?a=1&copy=2", True,
                 id="entity-copy"),
    pytest.param("http://x.org/p?a=1®=2", "http://x.org/p?a=1®=2", "http://x.org/p?a=1&reg=2", True,
                 id="entity-reg"),
    pytest.param("http://x.org/p?a=1¬es=2", "http://x.org/p?a=1¬es=2", "http://x.org/p?a=1&notes=2", True,
                 id="entity-not"),
    pytest.param("http://x.de/p?für=1", "http://x.de/p?für=1", "http://x.de/p?für=1", False,
                 id="umlaut-in-query-is-not-damage"),
    pytest.param("http://x.org/ﬁle\u00adname.pdf", "http://x.org/ﬁle\u00adname.pdf", "http://x.org/filename.pdf",
                 True, id="ligature-and-soft-hyphen"),
    pytest.param("HTTP://WWW.X.ORG:80/a/./b/../c/%7euser", "HTTP://WWW.X.ORG:80/a/./b/../c/%7euser",
                 "http://www.x.org/a/c/~user", False, id="normalised-not-repaired"),
])
def test_find_and_repair(text: str, written: str, normalised: str, repaired: bool) -> None:
    refs = collect(text)
    assert len(refs) == 1
    assert refs[0].written == written
    assert refs[0].normalised == normalised
    assert bool(refs[0].repairs) is repaired


@pytest.mark.parametrize("text", [
    pytest.param("E-mail info.ird@coleurope.eu only", id="e-mail"),
    pytest.param("The years 2010-2011 saw www growth.", id="bare-www-word"),
    pytest.param("No links here, just text: see p. 12.", id="plain"),
])
def test_hard_negatives(text: str) -> None:
    assert collect(text) == ()


def test_hyphen_alternate_and_doubled_slash_alternate() -> None:
    (hyphen,) = collect("http://www.unodc.org/docu-\nments/wdr.pdf")
    assert hyphen.alternates == ("http://www.unodc.org/documents/wdr.pdf",)
    (double,) = collect("www.x.org/a//b.pdf")
    assert double.alternates == ("http://www.x.org/a/b.pdf",)


def _url_schema(report_schema: dict) -> dict:
    return {"$schema": report_schema["$schema"], "$defs": report_schema["$defs"], "$ref": "#/$defs/url"}


def test_json_url_lists_the_line_break_repair(report_schema) -> None:
    import jsonschema

    site = UrlSite("http://www.unodc.org/documents/\nwdr_2010.pdf", Location.note(1, 1))
    (record,) = audit_urls([site], AuditConfig(offline=True)).records
    item = url_record_to_dict(record)
    jsonschema.validate(item, _url_schema(report_schema))
    assert item["repairs"] == ["line break inside the URL"]
    assert item["reason"] is None


def test_json_url_gives_the_reason_a_url_is_malformed(report_schema) -> None:
    import jsonschema

    (record,) = audit_urls([UrlSite("see http://!!!/x", Location.note(4, 9))], AuditConfig(offline=True)).records
    item = url_record_to_dict(record)
    jsonschema.validate(item, _url_schema(report_schema))
    assert (item["status"], item["reason"]) == ("MALFORMED", "no host name could be read from it")


def test_unrepairable_is_malformed() -> None:
    result = audit_urls([UrlSite("see http://!!!/x and http://", Location.note(4, 9))], AuditConfig(offline=True))
    assert [r.status for r in result.records] == [UrlStatus.MALFORMED]
    assert result.records[0].normalised is None
    assert [f.rule for f in result.findings] == ["url-malformed"]


@pytest.mark.parametrize(("text", "accessed"), [
    pytest.param("accessed on 12 May 2011, http://a.org/x", "2011-05-12", id="en-accessed-on"),
    pytest.param("retrieved on 7 September 2011, http://a.org/x", "2011-09-07", id="en-retrieved-on"),
    pytest.param("consulted 3/5/2010, http://a.org/x", "2010-05-03", id="en-consulted-numeric-day-first"),
    pytest.param("consulted 5/23/2010, http://a.org/x", "2010-05-23", id="numeric-month-first-when-forced"),
    pytest.param("http://a.org/x (last visited May 12, 2011)", "2011-05-12", id="en-last-visited-after"),
    pytest.param("http://a.org/x [accessed 2011-05-12]", "2011-05-12", id="iso"),
    pytest.param("http://a.org/x (accessed March 2010)", "2010-03", id="month-year"),
    pytest.param("http://a.org/x, accessed 2010", "2010", id="year-only"),
    pytest.param("abgerufen am 12.05.2011: http://a.de/x", "2011-05-12", id="de-abgerufen"),
    pytest.param("http://a.de/x (zuletzt abgerufen am 3. März 2012)", "2012-03-03", id="de-month-name"),
    pytest.param("consulté le 12 mars 2019 http://a.fr/x", "2019-03-12", id="fr-consulte"),
    pytest.param("http://a.fr/x, consulté le 1er février 2010", "2010-02-01", id="fr-premier"),
    pytest.param("consultado el 12 de mayo de 2011 http://a.es/x", "2011-05-12", id="es-consultado"),
    pytest.param("consultato il 3 maggio 2011 http://a.it/x", "2011-05-03", id="it-consultato"),
    pytest.param("http://a.ru/x (accessed 7 сентября 2011)", "2011-09-07", id="ru-month-name"),
    pytest.param("retrieved 12 May 201115 http://a.org/x", "2011-05-12", id="note-number-glued-to-year"),
    pytest.param("viewed 1600 times, http://a.org/x", None, id="count-not-year"),
    pytest.param("http://a.org/x, 12 May 2011", None, id="date-without-phrase-is-not-access"),
    pytest.param("accessed on 31 February 2011, http://a.org/x", None, id="impossible-date"),
])
def test_access_dates(text: str, accessed: str | None) -> None:
    (ref,) = collect(text)
    assert ref.accessed == accessed


def test_each_url_takes_its_nearest_access_date() -> None:
    refs = collect("A, accessed 1 May 2010, http://a.org/x; B, accessed 2 June 2011, http://b.org/y")
    assert [r.accessed for r in refs] == ["2010-05-01", "2011-06-02"]


def test_entity_reencoding_only_before_parameter_names() -> None:
    assert reencode_entities("http://x.org/§2?id=1§ion=2") == "http://x.org/§2?id=1&section=2"
    assert reencode_entities("http://x.org/p?q=§ 5") == "http://x.org/p?q=§ 5"


def test_normalise_rejects_hostless() -> None:
    assert normalise_url("http:///nothing") is None
    assert normalise_url("mailto:a@b.org") is None
    assert normalise_url("http://bücher.de/x") == "http://xn--bcher-kva.de/x"


def test_body_sites_get_the_line_of_the_url() -> None:
    sites = split_paragraphs("Title\n\nFirst line\nsee http://a.org/x\n\nlast")
    (ref,) = collect_urls(sites)
    assert ref.location == Location.body(4)


# ---- the seed paper -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_refs():
    if not SEED.is_file():
        pytest.skip(f"seed document missing: {SEED} (the shared seeds must sit beside the checkout)")
    return collect_urls(split_paragraphs(SEED.read_text(encoding="utf-8")))


def test_seed_paris_pact_entity_damage(seed_refs) -> None:
    (ref,) = [r for r in seed_refs if "paris-pact" in r.written]
    assert "§ion=60" in ref.written
    assert ref.normalised == "https://www.paris-pact.net/index.php?action=cms_render&section=60&menu_loc=main&mm=mm2"
    assert ref.accessed == "2011-09-07"
    assert "HTML entity damage: '§ion=' was '&section='" in ref.repairs


def test_seed_unodc_missing_scheme_and_doubled_slash(seed_refs) -> None:
    (ref,) = [r for r in seed_refs if "Russian_Plan_Rainbow" in r.written]
    assert ref.written == "www.unodc.org/documents/afghanistan//Events/Russian_Plan_Rainbow_2.pdf"
    assert ref.normalised == "http://www.unodc.org/documents/afghanistan//Events/Russian_Plan_Rainbow_2.pdf"
    assert set(ref.repairs) == {"missing scheme", "doubled slash in the path"}
    assert ref.alternates == ("http://www.unodc.org/documents/afghanistan/Events/Russian_Plan_Rainbow_2.pdf",)


def test_seed_retrieved_dates_and_wrappers(seed_refs) -> None:
    dated = [r for r in seed_refs if r.accessed == "2011-09-07"]
    assert len(dated) == 38  # every line with "retrieved on 7 September 2011" has one URL
    cadap = next(r for r in seed_refs if "cadap" in r.written)
    assert cadap.written == "http://www.cadap.eu/sites/default/files/Inception%20Report%20CADAP%205.pdf"
    assert cadap.repairs == ()  # <…> is a wrapper, not damage
    note88 = [r for r in seed_refs if "policies_drugs_strategy_en.htm" in r.written]
    assert {r.written for r in note88} == {
        "http://ec.europa.eu/justice/policies/drugs/strategy/policies_drugs_strategy_en.htm"}  # final '.' dropped
    assert not any(r.normalised is None for r in seed_refs)
    assert not any("coleurop.be" in r.written or "@" in r.written for r in seed_refs)


def test_seed_offline_audit_finds_repairs_and_checks_nothing(seed_refs) -> None:
    from audit.ingest import ingest
    from audit.pipeline import collect_url_sites

    result = audit_urls(collect_url_sites(ingest(SEED)), AuditConfig(offline=True))
    assert {r.status for r in result.records} == {UrlStatus.NOT_CHECKED}
    malformed = {f.values[0]: f.suggestion for f in result.findings if f.rule == "url-malformed"}
    assert malformed["www.sectsco.org/EN/show.asp?id=98"] == "http://www.sectsco.org/EN/show.asp?id=98"
    assert any("section=60" in (s or "") for s in malformed.values())
    assert {f.rule for f in result.findings} == {"url-malformed"}


@pytest.mark.parametrize(("joined", "raw", "expected"), [
    pytest.param("see http://x.org/centralasia-strategy.html, 2019", "see http://x.org/central-\nasia-strategy.html,"
                 " 2019", "raw", id="hyphen-dropped-by-joining"),
    pytest.param("see http://x.org/a/b.pdf, 2019", "see http://x.org/a/\nb.pdf, 2019", "raw", id="plain-line-break"),
    pytest.param("see http://x.org/a.pdf", "see http://x.org/a.pdf", "joined", id="one-line"),
    pytest.param("UNODC, Report, http://x.org/a.pdf", "[1] Other text\nentirely", "joined", id="span-is-other-text"),
    pytest.param("see http://x.org/a.pdf", "", "joined", id="no-document-text"),
])
def test_as_written_keeps_the_printed_line_breaks_only_for_the_same_text(joined, raw, expected) -> None:
    from audit.urls.collect import as_written

    assert as_written(joined, raw) == (raw if expected == "raw" else joined)
