"""The seed paper's HTML report in headless Chromium: opened from disk, filtered through the address, screenshotted.

Chromium's own flags drive it (no Selenium or Playwright). `make test` installs Debian's `chromium` first
(`make browser`); the test is skipped, saying why, only when no Chromium can be found.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from audit.findings import Finding, Location, Severity
from audit.render.html_report import render_html
from audit.report import Report, order_findings
from tests.regenerate_snapshots import seed_paper_report
from tests.test_render_html import rich_report

REPO = Path(__file__).resolve().parent.parent
REPORTS = REPO / "reports"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--hide-scrollbars", "--mute-audio"]


def chromium() -> str:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.skip("Chromium is not installed and could not be installed (`make browser` runs "
                "`apt-get install -y chromium`, which needs root and the Debian archive)")


def run_chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
                            capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


# --- a tiny PNG reader (stdlib only): enough to tell a rendered page from a blank one ------------------------

def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def png_rows(data: bytes, max_rows: int) -> tuple[int, int, list[bytes]]:
    """(width, height, the first `max_rows` unfiltered rows) of an 8-bit RGB or RGBA, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    pos, idat, header = 8, bytearray(), None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    assert header is not None, "PNG without IHDR"
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 4 if colour == 6 else 3
    stride = width * bpp
    rows_wanted = min(max_rows, height)
    raw = zlib.decompressobj().decompress(bytes(idat), rows_wanted * (stride + 1))  # only the rows we decode
    rows: list[bytes] = []
    prior = bytearray(stride)
    for r in range(rows_wanted):
        kind, line = raw[r * (stride + 1)], bytearray(raw[r * (stride + 1) + 1:(r + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + prior[i]) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + prior[i]) >> 1)) & 0xFF
            elif kind == 4:
                line[i] = (line[i] + _paeth(left, prior[i], prior[i - bpp] if i >= bpp else 0)) & 0xFF
        rows.append(bytes(line))
        prior = line
    return width, height, rows


def pixel_counts(rows: list[bytes], bpp: int) -> Counter[bytes]:
    return Counter(row[i:i + 3] for row in rows for i in range(0, len(row), bpp))


# --- the page ----------------------------------------------------------------------------------------------

def seed_with_findings() -> Report:
    """The seed report, plus one hand-made finding per severity at real seed places, so the filters always
    have something to hide whatever the rules currently find."""
    report = seed_paper_report()
    extra = [
        Finding("name-variant", Severity.WARNING, "Author spelled 'Paramonov' in note 70 but 'Paramanov' in the "
                "bibliography", (Location.note(70, 404), Location.entry(40, 698)), ("Paramonov", "Paramanov"),
                "Paramonov"),
        Finding("uncited-entry", Severity.INFO, "Entry 58 is not cited in any note", (Location.entry(58, 740),)),
        Finding("url-dead", Severity.ERROR, "The CADAP inception report answers 404", (Location.entry(1, 618),),
                ("http://www.cadap.eu/sites/default/files/Inception%20Report%20CADAP%205.pdf",)),
    ]
    return replace(report, findings=order_findings([item.finding for item in report.findings] + extra))


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> tuple[Path, Path, Report]:
    chromium()
    report = seed_with_findings()
    folder = tmp_path_factory.mktemp("browser")
    html = folder / "seed-report.html"
    html.write_text(render_html(report), encoding="utf-8")
    return html, folder / "profile", report


def dumped_findings(page: tuple[Path, Path, Report], address_tail: str) -> dict[str, bool]:
    html, profile, _ = page
    dom = run_chromium(profile, "--dump-dom", html.as_uri() + address_tail).stdout
    soup = BeautifulSoup(dom, "html.parser")
    assert soup.html["data-filters"] == "ready", "the page script did not run"
    return {el["id"]: el.has_attr("hidden") for el in soup.select("#findings .finding")}


def test_all_findings_shown_without_a_filter(page):
    _, _, report = page
    assert dumped_findings(page, "") == {item.id: False for item in report.findings}


def test_severity_filter_from_the_query(page):
    _, _, report = page
    hidden = dumped_findings(page, "?severity=error")
    assert hidden == {item.id: item.finding.severity is not Severity.ERROR for item in report.findings}
    assert not all(hidden.values()) and any(hidden.values())


def test_rule_and_severity_filter_from_the_fragment(page):
    _, _, report = page
    hidden = dumped_findings(page, "#filter=severity:warning,info;rule:name-variant")
    assert hidden == {item.id: item.finding.rule != "name-variant" for item in report.findings}


def test_screenshot_is_not_blank(page):
    html, profile, _ = page
    REPORTS.mkdir(exist_ok=True)
    shot = REPORTS / "seed-report.png"
    shot.unlink(missing_ok=True)
    run_chromium(profile, f"--screenshot={shot}", "--window-size=1280,2000", html.as_uri())
    data = shot.read_bytes()
    assert len(data) > 20_000, f"{shot} is only {len(data)} bytes"
    width, height, rows = png_rows(data, max_rows=400)  # the header and the summary
    assert (width, height) == (1280, 2000)
    colours = pixel_counts(rows, len(rows[0]) // width)
    background, share = colours.most_common(1)[0]
    assert len(colours) > 20, "the top of the page is a single flat colour"
    assert share < 0.97 * width * len(rows), "the top of the page is almost empty"
    assert background == b"\xff\xff\xff"  # the page background, not an error screen


def test_phone_width_screenshot(page):
    html, profile, _ = page
    shot = REPORTS / "seed-report-phone.png"
    run_chromium(profile, f"--screenshot={shot}", "--window-size=390,1600", html.as_uri())
    width, _, rows = png_rows(shot.read_bytes(), max_rows=200)
    assert width == 390 and len(pixel_counts(rows, len(rows[0]) // width)) > 20


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def test_print_shows_every_finding_whatever_the_filter(page, tmp_path):
    _, profile, _ = page
    html = tmp_path / "small.html"  # a few findings: the seed's dozens of printed pages take too long
    html.write_text(render_html(rich_report()), encoding="utf-8")
    whole, filtered = tmp_path / "whole.pdf", tmp_path / "filtered.pdf"
    run_chromium(profile, "--no-pdf-header-footer", f"--print-to-pdf={whole}", html.as_uri())
    run_chromium(profile, "--no-pdf-header-footer", f"--print-to-pdf={filtered}", html.as_uri() + "?severity=info")
    # The print style sheet shows hidden findings, so the filtered page prints exactly like the whole one
    # (without that rule, hiding four of six findings shortens it).
    assert pdf_pages(whole) > 1 and pdf_pages(filtered) == pdf_pages(whole)
    assert filtered.stat().st_size == pytest.approx(whole.stat().st_size, rel=0.02)
