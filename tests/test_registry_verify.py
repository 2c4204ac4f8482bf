"""The registry stage against loopback fakes of Crossref, OpenAlex and Open Library."""

from __future__ import annotations

import re
import socket
import threading
import time
from dataclasses import replace

import pytest

from audit.config import AuditConfig
from audit.findings import Location
from audit.registry import RegistryStatus, verify_works
from audit.registry.identifiers import find_identifiers
from audit.registry.records import CitedWork
from tests.registry_fakes import FakeRegistries, Known, switchboard
from tests.registry_testset import HAND_WRITTEN
from tests.url_fakes import loopback_only  # noqa: F401  (autouse guard)

DEEP = HAND_WRITTEN[0]  # LeCun, Bengio, Hinton 2015, Nature
PROSPECT = HAND_WRITTEN[3]
HIRSCH = HAND_WRITTEN[5]
KUHN = HAND_WRITTEN[11]
DEEP_FIELDS = {"author": ("LeCun, Y.", "Bengio, Y.", "Hinton, G."), "title": "Deep learning", "date": "2015",
               "container-title": "Nature", "volume": "521", "pages": "436-444"}


def work(fields: dict, text: str = "", kind: str = "article", wid: str = "w1") -> CitedWork:
    return CitedWork(wid, kind, fields, find_identifiers(text), (Location.entry(1, 10),))


def config(tmp_path, urls: dict, **overrides: object) -> AuditConfig:
    base = AuditConfig(cache=str(tmp_path), connect_timeout=0.5, read_timeout=0.5, retry_backoff=0.01,
                       retry_after_max=0.5, **urls)
    return replace(base, **overrides)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def board():
    with switchboard() as plugged:
        yield plugged


@pytest.fixture
def registries(board):
    fake = FakeRegistries(list(HAND_WRITTEN))
    return fake, board.serve(fake)


def verdict_of(tmp_path, registries, cited: CitedWork, **overrides: object):
    fake, urls = registries
    return verify_works([cited], config(tmp_path, urls, **overrides)).verdicts[cited.work_id]


def test_found_by_doi_is_verified_with_its_record(tmp_path, registries) -> None:
    verdict = verdict_of(tmp_path, registries, work(DEEP_FIELDS, "Nature 521. doi:10.1038/nature14539"))
    assert verdict.status is RegistryStatus.VERIFIED
    assert (verdict.source, verdict.id, verdict.link) == ("crossref", "10.1038/nature14539",
                                                         "https://doi.org/10.1038/nature14539")
    assert verdict.score == 100
    fake, _ = registries
    assert fake.requests[0].startswith("/crossref/works/10.1038/nature14539")


def test_found_by_query_when_no_identifier(tmp_path, registries) -> None:
    verdict = verdict_of(tmp_path, registries, work(DEEP_FIELDS))
    assert verdict.status is RegistryStatus.VERIFIED and verdict.id == "10.1038/nature14539"
    fake, _ = registries
    assert "query.bibliographic=Deep+learning+LeCun+2015" in fake.requests[0] and "rows=5" in fake.requests[0]


def test_mailto_is_sent_to_crossref_and_openalex(tmp_path, registries) -> None:
    verdict_of(tmp_path, registries, work({**DEEP_FIELDS, "title": "Nothing like it at all"}),
               mailto="editor@example.org")
    fake, _ = registries
    assert all("mailto=editor%40example.org" in r for r in fake.requests if "/openlibrary/" not in r)


def test_a_wrong_year_is_a_mismatch(tmp_path, registries) -> None:
    verdict = verdict_of(tmp_path, registries, work({**DEEP_FIELDS, "date": "2013"}, "doi:10.1038/nature14539"))
    assert verdict.status is RegistryStatus.MISMATCH
    assert [(d.field, d.cited, d.registered) for d in verdict.differences] == [("date", "2013", "2015")]


def test_a_doi_of_another_work_is_a_mismatch_naming_the_right_doi(tmp_path, registries) -> None:
    cited = work(DEEP_FIELDS, "doi:10.2307/1914185")  # the DOI of Prospect theory
    verdict = verdict_of(tmp_path, registries, cited)
    assert verdict.status is RegistryStatus.MISMATCH
    assert [(d.field, d.cited, d.registered) for d in verdict.differences] == [
        ("doi", "10.2307/1914185", "10.1038/nature14539")]


def test_an_invented_work_with_a_borrowed_doi_is_not_found(tmp_path, registries) -> None:
    cited = work({"author": ("Hinton, G.",), "title": "Recurrent attention for protein folding in sparse data",
                  "date": "2016", "container-title": "Nature"}, "doi:10.1038/nature14539")
    verdict = verdict_of(tmp_path, registries, cited)
    assert verdict.status is RegistryStatus.NOT_FOUND
    assert "its DOI belongs to another work ('Deep learning')" in verdict.reason


def test_several_close_candidates_pick_the_right_one(tmp_path, board) -> None:
    near = [Known(f"Deep learning for {topic}", (("LeCun", "Yann"),), 2015, f"10.1/dl.{i}", journal="Nature")
            for i, topic in enumerate(("vision", "speech", "robots"))]
    fake = FakeRegistries(near + [DEEP])
    urls = board.serve(fake)
    verdict = verify_works([work(DEEP_FIELDS)], config(tmp_path, urls)).verdicts["w1"]
    assert verdict.status is RegistryStatus.VERIFIED and verdict.id == "10.1038/nature14539"


def test_not_found_anywhere_asks_both_and_names_the_closest(tmp_path, registries) -> None:
    cited = work({"author": ("LeCun, Y.",), "title": "Deep learning of invented things in imaginary places",
                  "date": "2015", "container-title": "Nature"})
    verdict = verdict_of(tmp_path, registries, cited)
    assert verdict.status is RegistryStatus.NOT_FOUND
    assert "no record in crossref, openalex matches it; closest: 'Deep learning'" in verdict.reason
    fake, _ = registries
    assert any(r.startswith("/crossref/works?") for r in fake.requests)
    assert any(r.startswith("/openalex/works?search=") for r in fake.requests)


def test_found_only_in_openalex(tmp_path, registries) -> None:
    cited = work({"author": ("Vaswani, A.", "Shazeer, N."), "title": "Attention is all you need", "date": "2017"})
    verdict = verdict_of(tmp_path, registries, cited)
    assert (verdict.status, verdict.source) == (RegistryStatus.VERIFIED, "openalex")


def test_pmid_and_arxiv_go_to_openalex(tmp_path, registries) -> None:
    hirsch = {"author": ("Hirsch, J. E.",), "title": "An index to quantify an individual's scientific research "
              "output", "date": "2005", "container-title": "Proc. Natl. Acad. Sci. U.S.A.", "volume": "102"}
    verdict = verdict_of(tmp_path, registries, work(hirsch, "PMID: 16275915"))
    assert verdict.status is RegistryStatus.VERIFIED
    attention = {"author": ("Vaswani, A.",), "title": "Attention is all you need", "date": "2017"}
    verdict = verdict_of(tmp_path, registries, work(attention, "arXiv:1706.03762v5", wid="w2"))
    assert (verdict.status, verdict.id) == (RegistryStatus.VERIFIED, "10.48550/arxiv.1706.03762")
    fake, _ = registries
    assert "/openalex/works/pmid:16275915" in fake.requests[0]


def test_book_by_isbn_through_open_library(tmp_path, registries) -> None:
    cited = work({"author": ("Kuhn, Thomas S.",), "title": "The Structure of Scientific Revolutions", "date": "1962",
                  "publisher": "University of Chicago Press"}, "ISBN 978-0-226-45808-3", kind="book")
    verdict = verdict_of(tmp_path, registries, cited)
    assert (verdict.status, verdict.source, verdict.id) == (RegistryStatus.VERIFIED, "openlibrary", "/books/OL1M")


def test_book_without_isbn_not_found_is_not_checked(tmp_path, registries) -> None:
    cited = work({"author": ("Kuhn, Thomas S.",), "title": "The Copernican revolution in imaginary lands",
                  "date": "1957"}, kind="book")
    verdict = verdict_of(tmp_path, registries, cited)
    assert verdict.status is RegistryStatus.NOT_CHECKED and "only in part" in verdict.reason


def test_types_the_registries_do_not_cover_are_not_checked(tmp_path, registries) -> None:
    cited = work({"author": ("Doe, J.",), "title": "Interview with the author", "date": "2019"}, kind="interview")
    verdict = verdict_of(tmp_path, registries, cited)
    assert verdict.status is RegistryStatus.NOT_CHECKED
    fake, _ = registries
    assert fake.requests == []


@pytest.mark.parametrize("known, text", [
    (HAND_WRITTEN[2], "doi:10.1016/S0140-6736(97)11096-0"),  # Wakefield: updated-by (Retraction Watch)
    (HAND_WRITTEN[9], "doi:10.1038/nature12968"),  # Obokata: only the notice's update-to names it
    (HAND_WRITTEN[9], ""),  # … found by query, the notice in the same answer
    (HAND_WRITTEN[10], "doi:10.1126/science.1094515"),  # Hwang: OpenAlex is_retracted
])
def test_retractions_are_caught_by_every_route(tmp_path, board, known: Known, text: str) -> None:
    fields = {"author": tuple(f"{f}, {g}" for f, g in known.authors), "title": known.title, "date": str(known.year),
              "container-title": known.journal, "volume": known.volume, "pages": known.pages}
    fake = FakeRegistries([known])
    urls = board.serve(fake)
    audit = verify_works([work(fields, text)], config(tmp_path, urls))
    verdict = audit.verdicts["w1"]
    assert verdict.status is RegistryStatus.RETRACTED
    assert verdict.retraction is not None and verdict.retraction.kind == "retraction"
    retracted = [f for f in audit.findings if f.rule == "reference-retracted"]
    assert len(retracted) == 1 and retracted[0].severity.value == "error"
    if known.retraction != "is_retracted":
        assert retracted[0].suggestion == f"https://doi.org/{known.notice_doi}"


def test_a_correction_is_info_not_a_retraction(tmp_path, board, monkeypatch) -> None:
    from tests import registry_fakes

    corrected = HAND_WRITTEN[0]
    original = registry_fakes.crossref_item

    def with_correction(known: Known) -> dict:
        item = original(known)
        item["updated-by"] = [{"DOI": "10.1038/nature-correction", "type": "correction", "label": "Correction",
                               "source": "publisher", "updated": {"date-parts": [[2016, 1, 1]]}}]
        return item

    monkeypatch.setattr(registry_fakes, "crossref_item", with_correction)
    urls = board.serve(FakeRegistries([corrected]))
    audit = verify_works([work(DEEP_FIELDS, "doi:10.1038/nature14539")], config(tmp_path, urls))
    assert audit.verdicts["w1"].status is RegistryStatus.VERIFIED
    notes = [f for f in audit.findings if f.rule == "reference-retracted"]
    assert [n.severity.value for n in notes] == ["info"] and "Correction" in notes[0].message


def test_429_with_retry_after_is_waited_out(tmp_path, registries) -> None:
    fake, urls = registries
    fake.script["/crossref/works/"] = [429, 429]
    verdict = verdict_of(tmp_path, registries, work(DEEP_FIELDS, "doi:10.1038/nature14539"))
    assert verdict.status is RegistryStatus.VERIFIED
    assert sum(r.startswith("/crossref/works/10.1038") for r in fake.requests) == 3


def test_503_then_openalex_answers(tmp_path, registries) -> None:
    fake, urls = registries
    fake.script["/crossref/"] = [503] * 20
    verdict = verdict_of(tmp_path, registries, work(DEEP_FIELDS, "doi:10.1038/nature14539"))
    assert (verdict.status, verdict.source) == (RegistryStatus.VERIFIED, "openalex")


def test_every_registry_failing_is_unreachable_never_not_found(tmp_path, registries) -> None:
    fake, urls = registries
    fake.script["/"] = [503] * 100
    audit = verify_works([work(DEEP_FIELDS), work({**DEEP_FIELDS, "title": "Made up"}, wid="w2")],
                         config(tmp_path, urls))
    assert {v.status for v in audit.verdicts.values()} == {RegistryStatus.UNREACHABLE}
    assert not [f for f in audit.findings if f.rule == "reference-not-found"]
    assert "UNREACHABLE, not missing" in (audit.notice or "")


def test_a_slow_registry_times_out_as_unreachable(tmp_path, registries) -> None:
    fake, urls = registries
    fake.latency = 1.0
    started = time.monotonic()
    verdict = verdict_of(tmp_path, registries, work(DEEP_FIELDS), read_timeout=0.2, max_retries=0)
    assert verdict.status is RegistryStatus.UNREACHABLE
    assert time.monotonic() - started < 5


def test_a_closed_port_is_unreachable_and_stops_being_asked(tmp_path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    dead = f"http://127.0.0.1:{port}"
    works = [work({**DEEP_FIELDS, "title": f"Paper {i}"}, wid=f"w{i}") for i in range(12)]
    audit = verify_works(works, config(tmp_path, {"crossref_url": dead, "openalex_url": dead,
                                                   "openlibrary_url": dead}))
    assert {v.status for v in audit.verdicts.values()} == {RegistryStatus.UNREACHABLE}
    # the breaker: not asked again and again (which works come after it trips depends on the thread order)
    stopped = [v for v in audit.verdicts.values() if "stopped answering" in v.reason]
    assert 1 <= len(stopped) <= len(works) - 3
    assert audit.findings == ()


def test_no_network_means_not_checked_and_a_notice(tmp_path) -> None:
    """The public hosts cannot even be resolved (the test guard refuses every name but loopback)."""
    works = [work(DEEP_FIELDS, "doi:10.1038/nature14539"), work({**DEEP_FIELDS, "title": "Made up"}, wid="w2")]
    audit = verify_works(works, AuditConfig(cache=str(tmp_path), retry_backoff=0.01))
    assert {v.status for v in audit.verdicts.values()} == {RegistryStatus.NOT_CHECKED}
    assert audit.notice == "No network: works were not verified against the registries."
    assert audit.findings == ()


def test_offline_asks_nothing_and_checks_identifiers(tmp_path, registries) -> None:
    fake, urls = registries
    cited = work(DEEP_FIELDS, "doi:10.1038/nature14539 ISBN 978-0-226-45808-4")
    audit = verify_works([cited], config(tmp_path, urls, offline=True))
    assert audit.verdicts["w1"].status is RegistryStatus.NOT_CHECKED
    assert fake.requests == []
    assert [f.rule for f in audit.findings] == ["identifier-invalid"]
    assert "check digit" in audit.findings[0].message


def test_no_registry_option(tmp_path, registries) -> None:
    fake, urls = registries
    verdict = verdict_of(tmp_path, registries, work(DEEP_FIELDS), no_registry=True)
    assert verdict.status is RegistryStatus.NOT_CHECKED and "--no-registry" in verdict.reason
    assert fake.requests == []


def test_second_run_comes_from_the_cache(tmp_path, registries) -> None:
    fake, urls = registries
    works = [work(DEEP_FIELDS, "doi:10.1038/nature14539"), work({**DEEP_FIELDS, "title": "Made up"}, wid="w2")]
    first = verify_works(works, config(tmp_path, urls))
    asked = len(fake.requests)
    second = verify_works(works, config(tmp_path, urls))
    assert asked > 0 and len(fake.requests) == asked and second.requests == 0
    assert second.verdicts == first.verdicts


def test_per_service_concurrency_is_limited(tmp_path, board) -> None:
    from audit.registry import service_limits
    from audit.registry.service import RegistryHttp, ServiceLimits

    fake = FakeRegistries([DEEP], latency=0.05)
    lock, state = threading.Lock(), {"now": 0, "peak": 0}
    handle = fake.handle

    def counted(request):  # type: ignore[no-untyped-def]
        with lock:
            state["now"] += 1
            state["peak"] = max(state["peak"], state["now"])
        try:
            return handle(request)
        finally:
            with lock:
                state["now"] -= 1

    fake.handle = counted  # type: ignore[method-assign]
    urls = board.serve(fake)
    cfg = config(tmp_path, urls)
    assert service_limits(cfg)["crossref"].concurrency == 8  # a local base: no published limit
    http = RegistryHttp(cfg, {"crossref": ServiceLimits(rate=None, concurrency=2)})
    try:
        threads = [threading.Thread(target=http.get_json, args=("crossref", f"{urls['crossref_url']}/works/x{i}"))
                   for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        http.close()
    assert state["peak"] == 2


def test_public_services_get_their_published_limits() -> None:
    from audit.registry import CROSSREF_POLITE, CROSSREF_PUBLIC, OPENLIBRARY_PUBLIC, service_limits

    assert service_limits(AuditConfig())["crossref"] == CROSSREF_PUBLIC
    assert service_limits(AuditConfig(mailto="a@b.org"))["crossref"] == CROSSREF_POLITE
    assert service_limits(AuditConfig())["openlibrary"] == OPENLIBRARY_PUBLIC


def test_a_rate_limit_spaces_the_requests(tmp_path, board) -> None:
    from audit.registry.service import RegistryHttp, ServiceLimits

    urls = board.serve(FakeRegistries([DEEP]))
    http = RegistryHttp(config(tmp_path, urls), {"crossref": ServiceLimits(rate=20.0, concurrency=4)})
    started = time.monotonic()
    try:
        for i in range(6):
            http.get_json("crossref", f"{urls['crossref_url']}/works/rate{i}")
    finally:
        http.close()
    assert time.monotonic() - started >= 5 / 20.0


def test_answers_of_an_unexpected_shape_leave_that_work_undecided(tmp_path, board, monkeypatch) -> None:
    from tests import registry_fakes

    def broken(known: Known) -> dict:
        return {"DOI": known.doi, "title": ["Deep learning"], "author": [{"family": "LeCun"}],
                "issued": {"date-parts": [["not a year"]]}, "container-title": "Nature"}

    monkeypatch.setattr(registry_fakes, "crossref_item", broken)
    urls = board.serve(FakeRegistries([DEEP]))
    audit = verify_works([work(DEEP_FIELDS, "doi:10.1038/nature14539")], config(tmp_path, urls))
    assert audit.verdicts["w1"].status is RegistryStatus.VERIFIED  # read as far as it goes

    def unreadable(item: dict) -> None:
        raise TypeError("a shape we never saw")

    from audit.registry import crossref

    monkeypatch.setattr(crossref, "read_work", unreadable)
    works = [work(DEEP_FIELDS, "doi:10.1038/nature14539"), work({"title": "Interview", "author": ("A, B",)},
                                                                kind="interview", wid="w2")]
    audit = verify_works(works, config(tmp_path, urls, refresh=True))
    assert audit.verdicts["w1"].status is RegistryStatus.UNREACHABLE
    assert audit.verdicts["w2"].status is RegistryStatus.NOT_CHECKED  # the other works go on


def test_an_answer_that_is_not_json_is_unreachable(tmp_path, httpserver) -> None:
    httpserver.expect_request(re.compile(r"^/.*$")).respond_with_data("<html>maintenance</html>", status=200)
    base = httpserver.url_for("").rstrip("/")
    urls = {"crossref_url": base, "openalex_url": base, "openlibrary_url": base}
    verdict = verify_works([work(DEEP_FIELDS)], config(tmp_path, urls)).verdicts["w1"]
    assert verdict.status is RegistryStatus.UNREACHABLE and "not JSON" in verdict.reason


def test_the_stage_notices_are_recognised() -> None:
    from audit.registry import NO_NETWORK_NOTICE, SILENT_NOTICE, is_registry_notice

    assert is_registry_notice(NO_NETWORK_NOTICE) and is_registry_notice(SILENT_NOTICE.format(count=3))
    assert not is_registry_notice("No network: URLs were not checked.")
