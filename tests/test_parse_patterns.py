"""Each reference-parser pattern in audit/patterns.py against the example in its comment."""

from __future__ import annotations

import re

import pytest

from audit import patterns


@pytest.mark.parametrize(
    ("pattern", "text", "group"),
    [
        pytest.param(patterns.URL, "see <http://x.org/a?b=1>.", "http://x.org/a?b=1", id="url-angle"),
        pytest.param(patterns.URL, "at www.unodc.org/documents/x.pdf.", "www.unodc.org/documents/x.pdf",
                     id="url-www"),
        pytest.param(patterns.DOI, "https://doi.org/10.1016/j.cell.2009.01.002.", "10.1016/j.cell.2009.01.002",
                     id="doi"),
        pytest.param(patterns.ISBN, "ISBN: 0-19-953556-X", "0-19-953556-X", id="isbn-10"),
        pytest.param(patterns.ACCESSED, "last accessed on 3 May 2020", "3 May 2020", id="accessed-last"),
        pytest.param(patterns.ACCESSED, "retrieved on 7 September 2011,", "7 September 2011", id="retrieved-on"),
        pytest.param(patterns.ACCESSED, "abgerufen am 1.2.2020", "1.2.2020", id="abgerufen-numeric"),
        pytest.param(patterns.ACCESSED, "consultato il 4 aprile 2019", "4 aprile 2019", id="consultato-il"),
        pytest.param(patterns.YEAR, "hiver 2008/2009", "2008", id="year"),
        pytest.param(patterns.PAGE_RANGE, "pp. 249–281", "249–281", id="page-range"),
        pytest.param(patterns.PINPOINT, "Sharpe, 2007, p. 84.", "p. 84", id="pinpoint-p"),
        pytest.param(patterns.PINPOINT, "Miranda, 384 U.S. at 437", "at 437", id="pinpoint-at"),
        pytest.param(patterns.BARE_PINPOINT, "(Moscow: Nauka, 2005), 12.", "12", id="bare-pinpoint"),
        pytest.param(patterns.VOLUME, "vol. 10", "10", id="volume"),
        pytest.param(patterns.ISSUE, "n° 72", "72", id="issue-french"),
        pytest.param(patterns.VOLUME_ISSUE, "12(3)", "12", id="volume-issue"),
        pytest.param(patterns.EDITOR_MARK, "Warkotsch (Hrsg.)", "(Hrsg.)", id="editor-mark-german"),
        pytest.param(patterns.SIGNAL, "See also Freire", "See also", id="signal"),
        pytest.param(patterns.CITATION_NUMBER, "[3] A. B. Smith", "[3]", id="citation-number"),
        pytest.param(patterns.AUTHOR_DATE, "Smith, J. (2004). Title.", "Smith, J. (2004)", id="author-date"),
        pytest.param(patterns.COMMA_TITLE, "Smith, “Title”, Journal", "“Title”", id="comma-title"),
        pytest.param(patterns.EDITION, "2nd ed.", "2nd ed.", id="edition"),
        pytest.param(patterns.TRANSLATOR_LEAD, "trans. Ben Fowkes", "trans.", id="translator-lead"),
        pytest.param(patterns.GENRE_SEGMENT, "A Report of the CSIS Project", "A Report", id="genre-segment"),
        pytest.param(patterns.EVENT_SEGMENT, "3018th Council meeting", "3018th", id="event-segment"),
        pytest.param(patterns.SPEECH_SEGMENT, "Commission, speech at the conference", "speech", id="speech"),
    ],
)
def test_pattern_example(pattern: re.Pattern[str], text: str, group: str) -> None:
    match = pattern.search(text)
    assert match is not None
    assert group in match.group(0)
    if pattern.groups:
        assert match.group(1) == group


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        pytest.param(patterns.SIGNAL, "V. Paramonov", id="initial-is-not-signal"),
        pytest.param(patterns.AUTHOR_DATE, "D. Trenin, “Russia (1991-2001)”, 2007", id="quoted-year-not-author-date"),
        pytest.param(patterns.EDITOR_MARK, "Emerson (rapporteurs)", id="rapporteurs-not-editors"),
        pytest.param(patterns.CORPORATE, "Kathleen Collins", id="person-not-corporate"),
        pytest.param(patterns.QUOTED, "Russia's Strategic Goals", id="apostrophe-not-quote"),
        pytest.param(patterns.ISSUE, "November", id="month-not-issue"),
        pytest.param(patterns.ISSUE, "Nov", id="short-month-not-issue"),
        pytest.param(patterns.VOLUME, "Volkswagen", id="word-not-volume"),
        pytest.param(patterns.VOLUME, "Bandura", id="name-not-volume"),
    ],
)
def test_pattern_hard_negative(pattern: re.Pattern[str], text: str) -> None:
    assert pattern.search(text) is None
