"""Synthetic BibTeX with planted near-duplicates and look-alike distinct works, and the truth to score against.

Planted duplicates (one work written twice): a typo in a surname or a title word, a swapped or dropped
subtitle, first names cut to initials, a page or year slip. Hard negatives (distinct works that look
alike): the same author and year with another title, numbered volumes of one series, editions of one
book, and reprints. `make_bib(count)` returns the text and the groups of entry indices (1-based, file
order) that describe one work; every other pair of entries is a distinct work.

Run alone to write a file: python -m benchmarks.synthetic_bib 50000 out.bib
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

DUPLICATE_SHARE = 0.05  # 2,500 planted duplicates in 50,000 entries, as in issue 16
LOOKALIKE_SHARE = 0.06  # distinct works made to resemble an earlier one

_CONSONANTS, _VOWELS, _CODAS = "bcdfghklmnprstvwz", "aeiou", "lmnrst"
_GIVEN = ("Anna John Maria Peter Laura Ahmed Olga Wei Chen Carlos Fatima Ivan Sofia Kenji Amara Lucas Elena "
          "Tomas Nadia Omar Grace Pavel Ines Rahul Mei Jonas Clara Felix Hana Diego Irina Samuel").split()
_WORDS = ("policy security trade border water energy reform market law governance conflict migration "
          "health education labour finance climate agriculture transport housing justice identity memory "
          "religion language media power state nation region city village river mountain coast island "
          "empire revolution war peace treaty alliance development poverty inequality growth crisis "
          "institutions networks elites parties elections courts police prisons borders diaspora").split()
_FRAMES = ("{a} and {b} in {p}", "The Politics of {a} in {p}", "{a}, {b} and {c}: Evidence from {p}",
           "Rethinking {a} and {b}", "{a} after {b}: {c} in {p}", "Between {a} and {b}",
           "The {a} of {b}", "{a} and the Making of {b} in {p}", "Understanding {a} in {p}")
_PLACES = ("Central Asia", "West Africa", "the Andes", "Southeast Asia", "the Balkans", "the Caucasus",
           "Scandinavia", "the Sahel", "the Mekong Delta", "Patagonia", "the Baltic States", "East Africa")
_JOURNALS = ("Journal of {a} Studies", "{a} Review", "Review of {a} and {b}", "{a} Quarterly",
             "International Journal of {a}")
_PUBLISHERS = ("Oxford University Press", "Routledge", "Cambridge University Press", "Palgrave Macmillan",
               "Springer", "Brill", "Edward Elgar", "University of Chicago Press")
_CITIES = ("Oxford", "London", "Cambridge", "Basingstoke", "Cham", "Leiden", "Cheltenham", "Chicago")


@dataclass(frozen=True)
class Work:
    kind: str  # article or book
    authors: tuple[tuple[str, str], ...]  # (surname, given names)
    title: str
    subtitle: str
    year: int
    container: str = ""  # journal
    volume: str = ""
    pages: str = ""
    publisher: str = ""
    address: str = ""
    edition: str = ""
    note: str = ""
    doi: str = ""
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class SyntheticBib:
    text: str
    groups: tuple[tuple[int, ...], ...]  # entry indices describing one work (only groups of two or more)
    count: int

    def true_pairs(self) -> set[tuple[int, int]]:
        return {(a, b) for g in self.groups for i, a in enumerate(g) for b in g[i + 1:]}


def _surname(rng: random.Random) -> str:
    syllables = rng.randint(2, 4)
    word = "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(syllables)) + rng.choice(_CODAS)
    return word.capitalize()


def _title(rng: random.Random) -> tuple[str, str]:
    a, b, c = (w.capitalize() for w in rng.sample(_WORDS, 3))
    main = rng.choice(_FRAMES).format(a=a, b=b, c=c, p=rng.choice(_PLACES))
    sub = ""
    if rng.random() < 0.45:
        x, y = (w for w in rng.sample(_WORDS, 2))
        sub = rng.choice(("A Study of {x} and {y}", "{X} in Comparative Perspective", "The Case of {X} {y}",
                          "{X}, {y} and Change")).format(x=x, y=y, X=x.capitalize())
    return main, sub


def _work(rng: random.Random, surnames: list[str]) -> Work:
    authors = tuple((rng.choice(surnames), " ".join(rng.sample(_GIVEN, rng.choice((1, 1, 1, 2)))))
                    for _ in range(rng.choice((1, 1, 2, 2, 3))))
    title, subtitle = _title(rng)
    year = rng.randint(1960, 2024)
    if rng.random() < 0.65:
        a, b = (w.capitalize() for w in rng.sample(_WORDS, 2))
        first = rng.randint(1, 900)
        return Work("article", authors, title, subtitle, year, rng.choice(_JOURNALS).format(a=a, b=b),
                    str(rng.randint(1, 80)), f"{first}--{first + rng.randint(5, 40)}",
                    doi=f"10.{rng.randint(1000, 9999)}/{rng.getrandbits(40):x}" if rng.random() < 0.4 else "")
    return Work("book", authors, title, subtitle, year, publisher=rng.choice(_PUBLISHERS),
                address=rng.choice(_CITIES))


def _typo(word: str, rng: random.Random) -> str:
    """One edit in the middle of a word (never the first letter, which everyone gets right)."""
    if len(word) < 5:
        return word
    i = rng.randrange(2, len(word) - 1)
    return rng.choice((word[:i] + word[i + 1:], word[:i] + word[i + 1] + word[i] + word[i + 2:],
                       word[:i] + rng.choice(_VOWELS) + word[i + 1:]))


def _duplicate(base: Work, rng: random.Random) -> Work:
    """The same work written again with one or two slips."""
    out = base
    for slip in rng.sample(("surname", "title", "subtitle", "initials", "pages", "year", "doi"), rng.choice((1, 2))):
        if slip == "surname":
            (surname, given), *rest = out.authors
            out = replace(out, authors=((_typo(surname, rng), given), *rest))
        elif slip == "title":
            words = out.title.split()
            i = max(range(len(words)), key=lambda k: (len(words[k]), rng.random()))
            words[i] = _typo(words[i], rng)
            out = replace(out, title=" ".join(words))
        elif slip == "subtitle" and out.subtitle:
            out = replace(out, subtitle="") if rng.random() < 0.5 else replace(
                out, title=out.subtitle, subtitle=out.title)
        elif slip == "initials":
            out = replace(out, authors=tuple((s, " ".join(f"{g[0]}." for g in given.split()))
                                             for s, given in out.authors))
        elif slip == "pages" and out.pages:
            first, last = out.pages.split("--")
            out = replace(out, pages=f"{first}--{int(last) + rng.choice((-1, 1, 9, 10))}")
        elif slip == "year" and out.kind == "article":  # a journal volume pins the year: a slip is visible
            out = replace(out, year=out.year + rng.choice((-1, 1)))
        elif slip == "doi":
            out = replace(out, doi="")
    return out


def _lookalike(base: Work, rng: random.Random, surnames: list[str]) -> list[Work]:
    """Distinct works that resemble `base`: their own entries, never duplicates of it or each other."""
    kind = rng.choice(("same-author-year", "series", "edition", "reprint"))
    if kind == "same-author-year":
        other = _work(rng, surnames)
        return [replace(other, authors=base.authors, year=base.year)]
    book = base if base.kind == "book" else replace(_work(rng, surnames), kind="book", container="", volume="",
                                                    pages="", doi="", publisher=rng.choice(_PUBLISHERS),
                                                    address=rng.choice(_CITIES))
    if kind == "series":
        return [replace(book, title=f"{book.title}, Volume {n}", year=book.year + n - 1) for n in (1, 2, 3)]
    if kind == "edition":
        return [replace(book, edition=ed, year=book.year + k * rng.randint(3, 9)) for k, ed in
                enumerate(("2nd", "3rd"), start=1)]
    return [replace(book, year=book.year + rng.randint(10, 40), publisher=rng.choice(_PUBLISHERS),
                    note=f"Reprint of the {book.year} edition")]


def _entry(key: str, work: Work) -> str:
    names = " and ".join(f"{s}, {g}" for s, g in work.authors)
    title = f"{work.title}: {work.subtitle}" if work.subtitle else work.title
    fields = [("author", names), ("title", title), ("journal", work.container), ("volume", work.volume),
              ("pages", work.pages), ("edition", work.edition), ("publisher", work.publisher),
              ("address", work.address), ("year", str(work.year)), ("note", work.note), ("doi", work.doi)]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@{work.kind}{{{key},\n{body}\n}}\n"


def make_bib(count: int, seed: int = 16) -> SyntheticBib:
    """`count` entries: about 5 % planted duplicates, 6 % look-alike distinct works, the rest unique works."""
    rng = random.Random(seed)
    surnames = sorted({_surname(rng) for _ in range(max(count // 3, 200))})
    works: list[Work] = []  # one per entry, in file order
    origin: list[int] = []  # the entry index (1-based) whose work this entry repeats, or its own index
    varied: set[int] = set()  # works that already have look-alikes
    while len(works) < count:
        roll = rng.random()
        if works and roll < DUPLICATE_SHARE:
            k = rng.randrange(len(works))
            works.append(_duplicate(works[k], rng))
            origin.append(origin[k])
        elif works and roll < DUPLICATE_SHARE + LOOKALIKE_SHARE:
            base = rng.randrange(len(works))
            if origin[base] in varied:
                continue  # a second series or edition set of one book would repeat the first: true duplicates
            varied.add(origin[base])
            for work in _lookalike(works[base], rng, surnames)[:count - len(works)]:
                works.append(work)
                origin.append(len(works))
        else:
            works.append(_work(rng, surnames))
            origin.append(len(works))
    groups: dict[int, list[int]] = {}
    for index, root in enumerate(origin, start=1):
        groups.setdefault(root, []).append(index)
    text = "\n".join(_entry(f"ref{i}", w) for i, w in enumerate(works, start=1))
    return SyntheticBib(text, tuple(tuple(g) for g in groups.values() if len(g) > 1), count)


def score_pairs(found: set[tuple[int, int]], truth: set[tuple[int, int]]) -> tuple[float, float]:
    """Precision and recall of the duplicate pairs found against the planted ones."""
    hits = len(found & truth)
    return (hits / len(found) if found else 1.0), (hits / len(truth) if truth else 1.0)


def main() -> None:
    count, target = int(sys.argv[1]), Path(sys.argv[2])
    bib = make_bib(count)
    target.write_text(bib.text, encoding="utf-8")
    print(f"{target}: {bib.count} entries, {len(bib.true_pairs())} planted duplicate pairs")


if __name__ == "__main__":
    main()
