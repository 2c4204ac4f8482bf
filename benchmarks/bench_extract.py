"""Extraction speed: a generated paper with 10,000 notes and a 5,000-entry bibliography must be
extracted (notes, markers, bibliography, citation segments) in under 2 s on one core."""

from __future__ import annotations

import random
import time

from audit.extract.bibliography import extract_bibliography
from audit.extract.notes import extract_notes
from audit.extract.segments import split_citations
from audit.ingest.plain_text import read_plain_text
from audit.pipeline import _excluded_ranges

NOTES, ENTRIES, TARGET_SECONDS = 10_000, 5_000, 2.0
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SURNAMES = ["Smith", "Dupont", "Müller", "García", "Rossi", "Kowalski", "Nowak", "Laruelle", "Trenin", "Melvin"]


def generate(seed: int = 0) -> str:
    rng = random.Random(seed)
    parts = ["A Generated Paper", ""]
    for n in range(1, NOTES + 1):
        parts.append(f"Body sentence number {n} makes a claim about policy.{str(n).translate(SUPERSCRIPT)}")
        if n % 5 == 0:  # a page of body text, then its notes
            parts.append("")
            for k in range(n - 4, n + 1):
                name = rng.choice(SURNAMES)
                if k % 3 == 0:
                    note = f"Ibid., p. {rng.randint(1, 300)}."
                else:
                    note = (f"{name[0]}. {name}, “Title {k} of a study”, *Journal {k % 50}*, vol. {k % 30}, "
                            f"no. {k % 4 + 1}, {rng.randint(1950, 2020)}, p. {rng.randint(1, 300)}.")
                parts += [f"{str(k).translate(SUPERSCRIPT)} {note}", ""]
    parts += ["Bibliography", ""]
    for i in range(ENTRIES):
        name = rng.choice(SURNAMES)
        parts += [f"{name}, Anna, “Title {i} of a study”, *Journal {i % 50}*, vol. {i % 30}, no. 2, "
                  f"{rng.randint(1950, 2020)}, pp. 1-20.", ""]
    return "\n".join(parts)


def main() -> None:
    text = generate()
    start = time.perf_counter()
    doc = read_plain_text("generated.txt", text, "0" * 64, "utf-8")
    bib = extract_bibliography(doc)
    notes = extract_notes(doc, excluded=_excluded_ranges(doc, bib))
    citations = sum(len(split_citations(n.text)) for n in notes.notes)
    elapsed = time.perf_counter() - start
    print(f"extract: {len(notes.notes)} notes, {len(notes.markers)} markers, {len(bib.entries)} entries, "
          f"{citations} citations in {elapsed:.2f} s (target < {TARGET_SECONDS} s)")


if __name__ == "__main__":
    main()
