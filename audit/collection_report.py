"""`collection.json`: the collection's totals, findings by rule, link rot by access year, shared works.

Built from the documents' summaries (fresh or kept by the manifest), so a re-run that audits nothing
again still writes the whole collection. Schema: audit/contract/collection-schema.json, described in
docs/collection-report.md.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from audit import __version__
from audit.findings import Severity
from audit.manifest import DocumentSummary

COLLECTION_SCHEMA = "citeaudit-collection/1"
SCHEMA_PATH = Path(__file__).parent / "contract" / "collection-schema.json"
_DEAD = frozenset({"DEAD", "SOFT_404"})
_MOVED = frozenset({"MOVED_TO_ROOT", "REDIRECTED"})
_ARCHIVED = frozenset({"ARCHIVED", "ARCHIVED_NEAR_DATE"})


def link_rot_by_year(documents: Sequence[DocumentSummary]) -> list[dict[str, Any]]:
    """Per access year ("unknown" when none is given): URLs, and the share dead, moved and archived."""
    by_year: dict[str, Counter] = defaultdict(Counter)
    for doc in documents:
        for year, status, archive in doc.url_checks:
            counts = by_year[year or "unknown"]
            counts["urls"] += 1
            counts["dead"] += status in _DEAD
            counts["moved"] += status in _MOVED
            counts["archived"] += archive in _ARCHIVED
    return [{"year": year, "urls": c["urls"], "dead": round(c["dead"] / c["urls"], 4),
             "moved": round(c["moved"] / c["urls"], 4), "archived": round(c["archived"] / c["urls"], 4)}
            for year, c in sorted(by_year.items())]


def shared_works(documents: Sequence[DocumentSummary]) -> list[dict[str, Any]]:
    """Works cited by several documents, with every way the documents write them."""
    where: dict[str, list[str]] = defaultdict(list)
    variants: dict[str, dict[str, None]] = defaultdict(dict)
    for doc in documents:
        for key, written in dict(doc.work_keys).items():
            where[key].append(doc.path)
            variants[key][written] = None
    shared = [{"work": next(iter(variants[key])), "documents": paths, "variants": list(variants[key])}
              for key, paths in where.items() if len(paths) > 1]
    return sorted(shared, key=lambda w: (-len(w["documents"]), w["work"]))


def build_collection(documents: Sequence[tuple[DocumentSummary, str]], failures: Sequence[str]) -> dict[str, Any]:
    """`documents` pairs each summary with its report's path relative to the output folder."""
    summaries = [d for d, _ in documents]
    by_rule: Counter = Counter()
    for doc in summaries:
        by_rule.update(doc.findings_by_rule)
    totals = {"documents": len(summaries) + len(failures), "audited": len(summaries), "failed": len(failures),
              "notes": sum(d.notes for d in summaries), "citations": sum(d.citations for d in summaries),
              "works": sum(d.works for d in summaries), "bibliography_entries": sum(d.entries for d in summaries),
              "urls": sum(d.urls for d in summaries),
              "findings": {s.value: sum(d.severity_counts.get(s.value, 0) for d in summaries) for s in Severity}}
    return {
        "schema": COLLECTION_SCHEMA, "tool": {"name": "citeaudit", "version": __version__},
        "totals": totals, "findings_by_rule": dict(by_rule.most_common()),
        "documents": [{"path": d.path, "report": href, "notes": d.notes, "citations": d.citations,
                       "works": d.works, "bibliography_entries": d.entries, "urls": d.urls,
                       "findings": d.severity_counts, "findings_by_rule": d.findings_by_rule}
                      for d, href in documents],
        "failures": list(failures),
        "link_rot_by_access_year": link_rot_by_year(summaries),
        "shared_works": shared_works(summaries),
    }


def collection_json(documents: Sequence[tuple[DocumentSummary, str]], failures: Sequence[str]) -> str:
    return json.dumps(build_collection(documents, failures), ensure_ascii=False, indent=2) + "\n"
