"""The eval-docs report: one table per part, a line per document, then the totals the targets are set on."""

from __future__ import annotations

from collections.abc import Sequence
from functools import reduce
from statistics import mean

from audit.evaldocs import DocResult
from audit.evaldocs.measures import Counts

MAX_ERRORS_LISTED = 8  # per paper: enough to judge by eye what kind of false alarm it is


def _share(pair: tuple[int, int] | None) -> float:
    if not pair or not pair[1]:
        return 1.0
    return pair[0] / pair[1]


def entry_count_error(result: DocResult) -> float:
    found, gold = result.entries or (0, 0)
    return abs(found - gold) / gold if gold else 0.0


def _sum(counts: Sequence[Counts]) -> Counts:
    return reduce(lambda a, b: a + b, counts, Counts(0, 0, 0))


def _finder(rows: Sequence[DocResult]) -> list[str]:
    out = ["## finder: reference lines covered by the bibliography (gold: `ref` lines)", "",
           "| document | precision | recall | F1 | entries | notes | errors | seconds |",
           "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        c = r.lines or Counts(0, 0, 0)
        out.append(f"| {r.name} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} | {r.entries[0] if r.entries else 0}"
                   f" | {r.notes} | {len(r.errors)} | {r.seconds:.2f} |")
    total = _sum([r.lines for r in rows if r.lines])
    out += ["", f"finder total: precision {total.precision:.3f}, recall {total.recall:.3f}, **F1 {total.f1:.3f}**; "
            f"lowest document F1 {min((r.lines.f1 for r in rows if r.lines), default=0):.3f}; "
            f"errors per document {mean(len(r.errors) for r in rows):.1f}", ""]
    return out


def _refsections(rows: Sequence[DocResult]) -> list[str]:
    out = ["## refsections: entry boundaries", "",
           "| section | precision | recall | F1 | exact | entries found / gold | seconds |",
           "|---|---|---|---|---|---|---|"]
    for r in rows:
        c = r.boundaries or Counts(0, 0, 0)
        exact = r.exact or (0, 0)
        out.append(f"| {r.name} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} | {exact[0]}/{exact[1]} | "
                   f"{r.entries[0] if r.entries else 0}/{r.entries[1] if r.entries else 0} | {r.seconds:.2f} |")
    total = _sum([r.boundaries for r in rows if r.boundaries])
    exact = (sum(r.exact[0] for r in rows if r.exact), sum(r.exact[1] for r in rows if r.exact))
    out += ["", f"refsections total: boundary precision {total.precision:.3f}, recall {total.recall:.3f}, "
            f"**F1 {total.f1:.3f}**; entries reproduced exactly {_share(exact):.3f} ({exact[0]}/{exact[1]})", ""]
    return out


def _pdfs(rows: Sequence[DocResult]) -> list[str]:
    out = ["## pdfs: gold reference strings found as one entry or note citation", "",
           "| group | paper | found / gold | entries / gold | count error | notes | errors | warnings | "
           "not in bibliography | seconds |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        found = r.found or (0, 0)
        entries = r.entries or (0, 0)
        warnings = sum(r.warnings_by_rule.values())
        out.append(f"| {r.group} | {r.name} | {found[0]}/{found[1]} | {entries[0]}/{entries[1]} | "
                   f"{entry_count_error(r):.2f} | {r.notes} | {len(r.errors)} | {warnings} | "
                   f"{r.warnings_by_rule.get('not-in-bibliography', 0)} | {r.seconds:.2f} |")
    out.append("")
    for group in ("en", "de-end"):
        part = [r for r in rows if r.group == group]
        if not part:
            continue
        found = (sum(r.found[0] for r in part if r.found), sum(r.found[1] for r in part if r.found))
        missing = [r.name for r in part if r.entries and r.entries[1] and not r.entries[0]]
        out.append(f"pdfs {group}: references found **{_share(found):.3f}** ({found[0]}/{found[1]}); mean entry-count "
                   f"error **{mean(entry_count_error(r) for r in part):.3f}**; papers with no bibliography found "
                   f"{len(missing)}{' (' + ', '.join(missing) + ')' if missing else ''}; notes per paper "
                   f"{mean(r.notes for r in part):.1f}")
    if rows:
        errors = [len(r.errors) for r in rows]
        nib = [r.warnings_by_rule.get("not-in-bibliography", 0) for r in rows]
        out.append(f"pdfs all: error findings per paper mean **{mean(errors):.2f}**, max {max(errors)}, papers over 5: "
                   f"{sum(e > 5 for e in errors)}; not-in-bibliography per paper mean {mean(nib):.2f}, max {max(nib)}")
        out += ["", "### error findings per paper (check each by eye)", ""]
        for r in rows:
            for message in r.errors[:MAX_ERRORS_LISTED]:
                out.append(f"- {r.group}/{r.name}: {message}")
            if len(r.errors) > MAX_ERRORS_LISTED:
                out.append(f"- {r.group}/{r.name}: … and {len(r.errors) - MAX_ERRORS_LISTED} more")
    out.append("")
    return out


def format_results(results: Sequence[DocResult], folds: int = 0) -> str:
    seen = (f"Each document measured with line models trained without it ({folds}-fold)." if folds >= 2 else
            "Measured with the shipped line models, trained on every document here: use --folds for held-out figures.")
    out: list[str] = ["# eval-docs", "", seen, ""]
    for part, render in (("finder", _finder), ("refsections", _refsections), ("pdfs", _pdfs)):
        rows = [r for r in results if r.part == part]
        if rows:
            out += render(rows)
    if results:
        out.append(f"time: {sum(r.seconds for r in results):.1f} s for {len(results)} documents "
                   f"(slowest {max(r.seconds for r in results):.2f} s)")
    return "\n".join(out) + "\n"
