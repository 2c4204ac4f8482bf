"""measure_drift: does the live page still read like its archived capture near the access date?"""

from __future__ import annotations

from typing import Protocol

from audit.urls.archive import replay_url
from audit.urls.page_text import extract_page_text, sequence_ratio, shingle_jaccard
from audit.urls.records import Answer, ArchiveResult, Drift

# Below both: drifted (url-audit.md §7's starting point). Boilerplate and dates change constantly,
# so one low score alone is not drift.
DRIFT_JACCARD = 0.5
DRIFT_RATIO = 0.6
MIN_WORDS = 30  # too little text to compare (a frame set, a redirect page, a cookie wall)


class DriftFetch(Protocol):
    def get(self, url: str, *, max_bytes: int | None = None) -> Answer: ...
    def get_replay(self, url: str) -> Answer: ...


def measure_drift(live_url: str, archive: ArchiveResult, fetch: DriftFetch, base: str) -> Drift | None:
    """A Drift when live and archived HTML texts differ enough; None when alike or not comparable."""
    if archive.timestamp is None or archive.original is None:
        return None
    live = fetch.get(live_url)
    if not live.ok or "html" not in (live.header("content-type") or ""):
        return None
    old = fetch.get_replay(replay_url(base, archive.timestamp, archive.original, raw=True))
    if not old.ok or "html" not in (old.header("content-type") or ""):
        return None
    now_text = extract_page_text(live.body, live.header("content-type")).text
    then_text = extract_page_text(old.body, old.header("content-type")).text
    if len(now_text.split()) < MIN_WORDS or len(then_text.split()) < MIN_WORDS:
        return None
    jaccard, ratio = shingle_jaccard(now_text, then_text), sequence_ratio(now_text, then_text)
    if jaccard < DRIFT_JACCARD and ratio < DRIFT_RATIO:
        return Drift(round(jaccard, 3), round(ratio, 3))
    return None
