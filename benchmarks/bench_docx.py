"""DOCX ingest speed: a legal memorandum with 2,500 Word footnotes (Id., supra, full cites); target under 5 s.

Run: .venv/bin/python -m benchmarks.bench_docx   (builds the file in a temporary directory, prints the figures)
"""

from __future__ import annotations

import tempfile
import time
import zipfile
from pathlib import Path

from audit.ingest import ingest
from audit.models import Document

NOTES = 2_500
TARGET_SECONDS = 5.0
_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_NOTE_TEXTS = (
    "Brown v. Board of Education, 347 U.S. 483, {n} (1954).",
    "Id. at {n}.",
    "See Smith, The Law of Notes, 12 Harv. L. Rev. 345, {n} (1999).",
    "Smith, supra note {m}, at {n}.",
    "Restatement (Second) of Contracts § {n} (Am. L. Inst. 1981); cf. infra note {k}.",
)


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def build_legal_docx(path: Path, notes: int = NOTES) -> Path:
    """A memorandum: ten sentences per paragraph, a footnote after every sentence, then a reference list."""
    body: list[str] = []
    footnotes: list[str] = []
    sentence = "The court held that the duty extends to foreseeable plaintiffs under the circumstances."
    for start in range(0, notes, 10):
        runs = []
        for n in range(start, min(start + 10, notes)):
            note_id = n + 2  # ids 0 and 1 are Word's separators
            runs.append(_run(sentence))
            runs.append(f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                        f'<w:footnoteReference w:id="{note_id}"/></w:r>')
            text = _NOTE_TEXTS[n % len(_NOTE_TEXTS)].format(n=n % 700 + 1, m=max(n - 2, 1), k=n + 3)
            footnotes.append(f'<w:footnote w:id="{note_id}"><w:p><w:r><w:footnoteRef/></w:r>{_run(" " + text)}'
                             f"</w:p></w:footnote>")
        body.append(f"<w:p>{''.join(runs)}</w:p>")
    body.append("<w:p>" + _run("Bibliography") + "</w:p>")
    body.extend(f"<w:p>{_run(f'Author{i}, A. (19{i % 90 + 10}). Treatise {i}. Boston: Little, Brown.')}</w:p>"
                for i in range(200))
    separators = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                  '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
                  '</w:p></w:footnote>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {_NS}><w:body>{"".join(body)}'
                   "</w:body></w:document>")
        z.writestr("word/footnotes.xml", f'<?xml version="1.0"?><w:footnotes {_NS}>{separators}'
                   f'{"".join(footnotes)}</w:footnotes>')
    return path


def time_ingest(path: Path) -> tuple[float, Document]:
    started = time.perf_counter()
    doc = ingest(path)
    return time.perf_counter() - started, doc


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = build_legal_docx(Path(folder) / "memo.docx")
        seconds, doc = time_ingest(path)
        size = path.stat().st_size
        from benchmarks.bench_audit_scale import run_cli_measured  # the whole audit, as a user runs it

        whole, memory, _ = run_cli_measured(["audit", str(path), "--offline", "--out", str(Path(folder) / "out")],
                                            Path(folder))
    verdict = "OK" if seconds < TARGET_SECONDS else "TOO SLOW"
    print(f"bench_docx: {len(doc.note_hints)} footnotes, {len(doc.lines)} lines, {size / 1024:.0f} KiB .docx: "
          f"ingest {seconds:.2f} s (target < {TARGET_SECONDS:.0f} s: {verdict}); whole `citeaudit audit --offline` "
          f"{whole:.1f} s, peak {memory:.0f} MB")


if __name__ == "__main__":
    main()
