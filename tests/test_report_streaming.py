"""Reports written piece by piece (audit/render STREAMERS) are the same text as rendered whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.collection import write_reports
from audit.models import Work
from audit.registry.records import RegistryStatus, Verdict
from audit.render import RENDERERS, STREAMERS, render_pieces
from audit.render.json_report import report_to_dict
from audit.report import NoteRecord
from tests.test_render_html import empty_report, note, rich_report


@pytest.mark.parametrize("make", [rich_report, empty_report], ids=["rich", "empty"])
def test_streamed_json_is_json_dumps_of_the_report(make) -> None:
    report = make()
    whole = json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
    assert RENDERERS["json"](report) == whole
    assert "".join(STREAMERS["json"](report)) == whole


def test_streamed_json_keeps_line_breaks_inside_values_escaped() -> None:
    # Re-indenting an item's encoding relies on JSON strings never holding a raw line break.
    text = 'A. Paramonov, "Central\n  Asia",\r\n\tМосква, 2008 \u2028 p. 12.'
    report = rich_report(notes=(NoteRecord(note(1, text, 100), ()),))
    whole = json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
    streamed = "".join(STREAMERS["json"](report))
    assert streamed == whole
    assert json.loads(streamed)["notes"][0]["text"] == text


@pytest.mark.parametrize("fmt", ["json", "html", "md", "bib"])
def test_pieces_join_to_the_whole_rendering(fmt: str) -> None:
    report = rich_report()
    pieces = render_pieces(fmt, report)
    assert "".join(pieces) == RENDERERS[fmt](report)


def test_written_reports_equal_the_renderings(tmp_path: Path) -> None:
    report = rich_report()
    write_reports(report, Path("paper.txt"), tmp_path, ("json", "html", "md", "bib"))
    for fmt in ("json", "html", "md", "bib"):
        assert (tmp_path / f"paper.{fmt}").read_text(encoding="utf-8") == RENDERERS[fmt](report)


@pytest.mark.parametrize("score", [87.5, 0.0, 100.0, 33.3, None])
def test_registry_scores_are_written_as_json_writes_them(score) -> None:
    verdict = Verdict(RegistryStatus.VERIFIED, "crossref", "10.1/x", score, reason="matched")
    report = rich_report(registry={"w1": verdict})
    assert "".join(STREAMERS["json"](report)) == json.dumps(report_to_dict(report), ensure_ascii=False,
                                                             indent=2) + "\n"


def test_values_orjson_refuses_are_written_by_the_standard_library() -> None:
    # A lone surrogate (an undecodable byte kept by surrogateescape) and an integer beyond 64 bits.
    works = (Work("w1", "k", "book", {"title": "Bad \udce9 byte", "volume": 2 ** 70}, (), ()),)
    report = rich_report(works=works)
    assert "".join(STREAMERS["json"](report)) == json.dumps(report_to_dict(report), ensure_ascii=False,
                                                             indent=2) + "\n"
