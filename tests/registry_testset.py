"""A test set for registry verification with known truth, generated from a few hand-written records.

`build_testset(seed)` returns the works the fake registries know and the references to verify, each with
its truth:
  found      a known work cited correctly (with or without its DOI)           -> VERIFIED (RETRACTED if retracted)
  changed    a known work with one field changed (year, volume, pages, an
             author's spelling, or another work's DOI)                        -> MISMATCH naming that field
  variant    a known work under a variant spelling (typo, British spelling,
             accents dropped, subtitle dropped, capitals)                     -> anything but NOT_FOUND
  invented   a plausible title with real author names (some with a real
             work's DOI or an unregistered one)                               -> NOT_FOUND
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from audit.findings import Location
from audit.registry.identifiers import find_identifiers, isbn13_check
from audit.registry.records import CitedWork
from tests.registry_fakes import Known


@dataclass(frozen=True)
class Case:
    truth: str  # found | changed | variant | invented
    cited: CitedWork
    known: Known | None  # the registered work it is (None when invented)
    changed_field: str = ""  # for `changed`: the contract field that differs
    retracted: bool = False


# Real works, with their published metadata (a few retracted ones among them).
HAND_WRITTEN: tuple[Known, ...] = (
    Known("Deep learning", (("LeCun", "Yann"), ("Bengio", "Yoshua"), ("Hinton", "Geoffrey")), 2015,
          "10.1038/nature14539", journal="Nature", volume="521", issue="7553", pages="436-444"),
    Known("Molecular structure of nucleic acids", (("Watson", "J. D."), ("Crick", "F. H. C.")), 1953,
          "10.1038/171737a0", subtitle="a structure for deoxyribose nucleic acid", journal="Nature",
          volume="171", issue="4356", pages="737-738"),
    Known("Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in "
          "children", (("Wakefield", "A. J."), ("Murch", "S. H."), ("Anthony", "A.")), 1998,
          "10.1016/s0140-6736(97)11096-0", journal="The Lancet", volume="351", issue="9103", pages="637-641",
          retraction="updated-by"),
    Known("Prospect theory", (("Kahneman", "Daniel"), ("Tversky", "Amos")), 1979, "10.2307/1914185",
          subtitle="an analysis of decision under risk", journal="Econometrica", volume="47", issue="2",
          pages="263-291"),
    Known("A mathematical theory of communication", (("Shannon", "C. E."),), 1948,
          "10.1002/j.1538-7305.1948.tb01338.x", journal="Bell System Technical Journal", volume="27", issue="3",
          pages="379-423"),
    Known("An index to quantify an individual's scientific research output", (("Hirsch", "J. E."),), 2005,
          "10.1073/pnas.0507655102", journal="Proceedings of the National Academy of Sciences",
          short_journal="Proc. Natl. Acad. Sci. U.S.A.", volume="102", issue="46", pages="16569-16572",
          pmid="16275915"),
    Known("Why most published research findings are false", (("Ioannidis", "John P. A."),), 2005,
          "10.1371/journal.pmed.0020124", journal="PLoS Medicine", volume="2", issue="8", pages="e124"),
    Known("Deep residual learning for image recognition", (("He", "Kaiming"), ("Zhang", "Xiangyu"),
                                                            ("Ren", "Shaoqing"), ("Sun", "Jian")), 2016,
          "10.1109/cvpr.2016.90", journal="2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)",
          pages="770-778", kind="proceedings-article"),
    Known("Attention is all you need", (("Vaswani", "Ashish"), ("Shazeer", "Noam"), ("Parmar", "Niki")), 2017,
          "10.48550/arxiv.1706.03762", journal="arXiv", in_crossref=False),
    Known("Stimulus-triggered fate conversion of somatic cells into pluripotency",
          (("Obokata", "Haruko"), ("Wakayama", "Teruhiko"), ("Sasai", "Yoshiki")), 2014, "10.1038/nature12968",
          journal="Nature", volume="505", issue="7485", pages="641-647", retraction="update-to", in_openalex=False),
    Known("Evidence of a pluripotent human embryonic stem cell line derived from a cloned blastocyst",
          (("Hwang", "Woo Suk"), ("Ryu", "Young June")), 2004, "10.1126/science.1094515", journal="Science",
          volume="303", issue="5664", pages="1669-1674", retraction="is_retracted", in_crossref=False),
    Known("The structure of scientific revolutions", (("Kuhn", "Thomas S."),), 1962, isbn="9780226458083",
          publisher="University of Chicago Press", kind="book", in_crossref=False, in_openalex=False, olid="OL1M"),
)

SURNAMES = ("Okafor", "Lindqvist", "Tanaka", "Moreau", "Kowalski", "Haddad", "Fernández", "Nguyen", "Schreiber",
            "Oyelaran", "Petrov", "Castellanos", "Abernathy", "Ishikawa", "Delacroix", "Brennan", "Varga",
            "Sørensen", "Mbeki", "Rossi", "Chakraborty", "Müller", "O'Connell", "Van der Berg")
GIVEN = ("Amara", "Lars", "Yuki", "Claire", "Piotr", "Nadia", "Lucía", "Minh", "Jonas", "Tobi", "Ivan", "Elena",
         "Grace", "Kenji", "Hélène", "Sean", "Zsófia", "Mette", "Thabo", "Giulia")
SUBJECTS = ("soil microbial diversity", "urban heat islands", "protein misfolding", "coral reef resilience",
            "antibiotic resistance", "groundwater depletion", "second language acquisition", "wildfire smoke exposure",
            "lithium battery degradation", "adolescent sleep deprivation", "pollinator decline", "housing tenure",
            "glacier mass balance", "gut microbiome composition", "informal labour markets", "seagrass carbon storage",
            "vaccine hesitancy", "nitrogen fertiliser runoff", "remote work productivity", "microplastic ingestion")
SETTINGS = ("northern Europe", "sub-Saharan Africa", "coastal megacities", "smallholder farms", "alpine catchments",
            "primary schools", "intensive care units", "the Mekong delta", "post-industrial towns", "the Arctic")
TEMPLATES = ("Effects of {a} on {b} in {s}", "A longitudinal study of {a} in {s}", "Modelling {a} under {b}",
             "{A} as a driver of {b}: evidence from {s}", "Rethinking {a} and {b}", "Trends in {a} across {s}",
             "The hidden costs of {a} in {s}", "Measuring {a}: a comparison of methods in {s}")
JOURNALS = (("Journal of Environmental Management", "J. Environ. Manag."),
            ("Global Change Biology", "Glob. Change Biol."),
            ("Social Science & Medicine", "Soc. Sci. Med."), ("Water Research", "Water Res."),
            ("Applied Linguistics", "Appl. Linguist."), ("Nature Sustainability", "Nat. Sustain."),
            ("Journal of Urban Economics", "J. Urban Econ."), ("Sleep Medicine Reviews", "Sleep Med. Rev."))
BRITISH = {"behavior": "behaviour", "modeling": "modelling", "labor": "labour", "fertilizer": "fertiliser",
           "color": "colour", "analyze": "analyse"}


def _title(rng: random.Random) -> str:
    a, b = rng.sample(SUBJECTS, 2)
    text = rng.choice(TEMPLATES).format(a=a, b=b, s=rng.choice(SETTINGS), A=a.capitalize())
    return text[0].upper() + text[1:]


def _authors(rng: random.Random) -> tuple[tuple[str, str], ...]:
    return tuple((rng.choice(SURNAMES), rng.choice(GIVEN)) for _ in range(rng.randint(1, 4)))


def _isbn13(rng: random.Random) -> str:
    core = "978" + "".join(rng.choice("0123456789") for _ in range(9))
    return next(core + d for d in "0123456789" if isbn13_check(core + d))


def generated_works(rng: random.Random, count: int) -> list[Known]:
    works: list[Known] = []
    titles: set[str] = set()
    while len(works) < count:
        title = _title(rng)
        if title.lower() in titles:
            continue
        titles.add(title.lower())
        number = len(works)
        journal, short = rng.choice(JOURNALS)
        year = rng.randint(1995, 2023)
        first = rng.randint(1, 2400)
        kind_roll = rng.random()
        if kind_roll < 0.06:  # a book known to Open Library only, by its ISBN
            works.append(Known(title, _authors(rng), year, isbn=_isbn13(rng), publisher="Example Academic Press",
                               kind="book", in_crossref=False, in_openalex=False, olid=f"OL{100 + number}M"))
            continue
        retraction = rng.choice(("updated-by", "update-to", "is_retracted")) if kind_roll > 0.95 else ""
        works.append(Known(
            title, _authors(rng), year, f"10.{rng.choice((1016, 1111, 1002, 1371))}/gen.{year}.{number:04d}",
            journal=journal, short_journal=short, volume=str(rng.randint(1, 120)), issue=str(rng.randint(1, 12)),
            pages=f"{first}-{first + rng.randint(5, 30)}", online_year=year - 1 if rng.random() < 0.15 else None,
            pmid=str(30000000 + number) if rng.random() < 0.1 else "", retraction=retraction,
            in_crossref=retraction != "is_retracted" and rng.random() > 0.08,
            in_openalex=retraction != "update-to", openalex_id=f"W{4000000 + number}"))
    return works


def _names(authors: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple(f"{family}, {given}" for family, given in authors)


def fields_of(work: Known) -> dict:
    title = work.title + (f": {work.subtitle}" if work.subtitle else "")
    fields: dict = {"author": _names(work.authors), "title": title, "date": str(work.year)}
    for name, value in (("container-title", work.journal), ("volume", work.volume), ("issue", work.issue),
                        ("pages", work.pages), ("publisher", work.publisher)):
        if value:
            fields[name] = value
    return fields


def as_authors_cite(fields: dict, work: Known, rng: random.Random) -> dict:
    """The same reference in the ways citation styles shorten it: initials, the first author and "et al.",
    the journal's abbreviation, an online-first article cited with its print year, no issue or pages."""
    out = dict(fields)
    if rng.random() < 0.4:
        out["author"] = tuple(f"{family}, {'. '.join(part[0] for part in given.replace('.', ' ').split())}."
                              for family, given in work.authors)
    if len(work.authors) > 2 and rng.random() < 0.4:
        out["author"] = (out["author"][0] + " et al.",)
    if work.short_journal and rng.random() < 0.5:
        out["container-title"] = work.short_journal
    for name in ("issue", "pages"):
        if rng.random() < 0.2:
            out.pop(name, None)
    return out


def citation_text(fields: dict, doi: str = "", isbn: str = "") -> str:
    authors = "; ".join(fields.get("author", ()))
    text = f"{authors} ({fields.get('date', 'n.d.')}). {fields.get('title', '')}."
    if fields.get("container-title"):
        text += f" {fields['container-title']}"
        if fields.get("volume"):
            text += f" {fields['volume']}" + (f"({fields['issue']})" if fields.get("issue") else "")
        if fields.get("pages"):
            text += f": {fields['pages']}"
        text += "."
    if fields.get("publisher"):
        text += f" {fields['publisher']}."
    if isbn:
        text += f" ISBN {isbn}."
    if doi:
        text += f" https://doi.org/{doi}"
    return text


def cited(index: int, kind: str, fields: dict, doi: str = "", isbn: str = "") -> CitedWork:
    text = citation_text(fields, doi, isbn)
    return CitedWork(f"w{index}", kind, fields, find_identifiers(text), (Location.entry(index, index),))


def _type(work: Known) -> str:
    return {"book": "book", "proceedings-article": "chapter"}.get(work.kind, "article")


def _typo(word: str, rng: random.Random) -> str:
    """One inner letter doubled or two inner letters swapped: Paramonov -> Paramnov / Paramoonov."""
    if len(word) < 5:
        return word + word[-1]
    letters = [k for k in range(2, len(word) - 2) if word[k].isalpha() and word[k + 1].isalpha()]
    if not letters:
        return word + word[-1]
    i = rng.choice(letters)
    if rng.random() < 0.5 and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]  # two letters swapped
    return word[:i] + word[i] + word[i:]  # one letter doubled


def _changed(work: Known, others: list[Known], rng: random.Random) -> tuple[str, dict, str]:
    fields = fields_of(work)
    doi = work.doi
    choices = [c for c in ("date", "volume", "pages", "author", "doi") if getattr(work, c, True)]
    if not work.doi:
        choices.remove("doi")
    what = rng.choice(choices)
    if what == "date":
        fields["date"] = str(work.year + rng.choice((-3, -2, 2, 3)))
    elif what == "volume":
        fields["volume"] = str(int(work.volume) + rng.randint(1, 9))
    elif what == "pages":
        first, _, last = work.pages.partition("-")
        shift = rng.randint(3, 40)
        fields["pages"] = f"{int(first) + shift}-{int(last) + shift}" if first.isdigit() and last.isdigit() \
            else f"{rng.randint(100, 999)}"
    elif what == "author":
        family, given = work.authors[0]
        fields["author"] = (f"{_typo(family, rng)}, {given}",) + fields["author"][1:]
    else:
        doi = rng.choice([o for o in others if o.doi and o.doi != work.doi and o.in_crossref]).doi
    return what, fields, doi


def _variant(work: Known, rng: random.Random) -> dict:
    fields = fields_of(work)
    title = str(fields["title"])
    roll = rng.randrange(5)
    if roll == 0:
        words = title.split()
        longest = max(range(len(words)), key=lambda k: len(words[k]))
        words[longest] = _typo(words[longest], rng)
        fields["title"] = " ".join(words)
    elif roll == 1:
        fields["title"] = title.upper()
    elif roll == 2 and ":" in title:
        fields["title"] = title.split(":")[0]
    elif roll == 3:
        for american, british in BRITISH.items():
            title = title.replace(british, american)
        fields["title"] = title.replace("labour", "labor").replace("Modelling", "Modeling").replace("-", " ")
    else:
        fields["author"] = tuple(name.replace("ø", "o").replace("é", "e").replace("ü", "u").replace("á", "a")
                                 .replace("ó", "o") for name in fields["author"])
        fields["title"] = "The " + title[0].lower() + title[1:] if not title.startswith("The ") else title[4:]
    return fields


def build_testset(seed: int = 7, generated: int = 160) -> tuple[list[Known], list[Case]]:
    rng = random.Random(seed)
    known = list(HAND_WRITTEN) + generated_works(rng, generated)
    cases: list[Case] = []

    def add(truth: str, work: Known | None, kind: str, fields: dict, doi: str = "", isbn: str = "",
            changed: str = "") -> None:
        cases.append(Case(truth, cited(len(cases) + 1, kind, fields, doi, isbn), work, changed,
                          bool(work and work.retraction)))

    for work in known:  # every known work, cited as published; half give the DOI
        add("found", work, _type(work), as_authors_cite(fields_of(work), work, rng),
            work.doi if rng.random() < 0.5 else "", work.isbn)
    plain = [w for w in known if not w.retraction and w.kind != "book"]
    for work in rng.sample(plain, 70):
        what, fields, doi = _changed(work, known, rng)
        add("changed", work, _type(work), fields, doi if what == "doi" or rng.random() < 0.5 else "", "", what)
    for work in rng.sample(plain, 30):
        add("variant", work, _type(work), _variant(work, rng), "")
    titles = {w.title.lower() for w in known}
    invented = 0
    while invented < 70:
        title = _title(rng)
        if title.lower() in titles:
            continue
        titles.add(title.lower())
        donor = rng.choice(known)  # real author names, from a known work
        journal, _ = rng.choice(JOURNALS)
        fields = {"author": _names(donor.authors[:2]), "title": title, "date": str(rng.randint(1998, 2023)),
                  "container-title": journal, "volume": str(rng.randint(1, 90)), "pages": "101-118"}
        roll = rng.random()
        doi = "" if roll < 0.7 else rng.choice([w.doi for w in known if w.doi]) if roll < 0.85 \
            else f"10.{rng.choice((1016, 1177))}/inv.{invented:05d}"
        add("invented", None, "article", fields, doi)
        invented += 1
    return known, cases


def document_text(cases: list[Case]) -> str:
    """A plain-text paper whose reference list holds the cases' citations, one paragraph each, in order."""
    def entry(case: Case) -> str:
        ids = {i.kind: i.value for i in case.cited.identifiers}
        return citation_text(case.cited.fields, ids.get("doi", ""), ids.get("isbn", ""))

    return "A paper\n\nSome text.\n\nReferences\n\n" + "\n\n".join(entry(c) for c in cases) + "\n"


@dataclass(frozen=True)
class Figures:
    cases: int
    not_found_precision: float
    not_found_recall: float
    mismatch_precision: float
    mismatch_recall: float
    mismatch_right_field: float  # share of true MISMATCHes whose differences name the changed field
    retractions_caught: int
    retractions: int
    variants_not_found: int
    variants: int

    def __str__(self) -> str:
        return (f"{self.cases} references: NOT_FOUND precision {self.not_found_precision:.3f} recall "
                f"{self.not_found_recall:.3f}; MISMATCH precision {self.mismatch_precision:.3f} recall "
                f"{self.mismatch_recall:.3f} (right field {self.mismatch_right_field:.3f}); retractions "
                f"{self.retractions_caught}/{self.retractions}; variant spellings NOT_FOUND "
                f"{self.variants_not_found}/{self.variants}")


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def evaluate(cases: list[Case], verdicts: dict) -> Figures:
    from audit.registry import RegistryStatus

    def status(case: Case) -> RegistryStatus:
        return verdicts[case.cited.work_id].status

    said_nf = [c for c in cases if status(c) is RegistryStatus.NOT_FOUND]
    said_mm = [c for c in cases if status(c) is RegistryStatus.MISMATCH]
    invented = [c for c in cases if c.truth == "invented"]
    changed = [c for c in cases if c.truth == "changed"]
    caught = [c for c in changed if status(c) is RegistryStatus.MISMATCH]
    right = [c for c in caught if c.changed_field in {d.field for d in verdicts[c.cited.work_id].differences}]
    retracted = [c for c in cases if c.truth == "found" and c.retracted]
    variants = [c for c in cases if c.truth == "variant"]
    return Figures(
        len(cases), _ratio(sum(c.truth == "invented" for c in said_nf), len(said_nf)),
        _ratio(sum(status(c) is RegistryStatus.NOT_FOUND for c in invented), len(invented)),
        _ratio(sum(c.truth == "changed" for c in said_mm), len(said_mm)), _ratio(len(caught), len(changed)),
        _ratio(len(right), len(caught)), sum(status(c) is RegistryStatus.RETRACTED for c in retracted),
        len(retracted), sum(status(c) is RegistryStatus.NOT_FOUND for c in variants), len(variants))


def main() -> None:
    """`python -m tests.registry_testset`: the figures over a few seeds, against the loopback fakes."""
    import tempfile

    from audit.config import AuditConfig
    from audit.registry import verify_works
    from tests.registry_fakes import FakeRegistries, serving

    for seed in (7, 1, 2, 3):
        known, cases = build_testset(seed)
        with serving(FakeRegistries(known)) as urls, tempfile.TemporaryDirectory() as cache:
            audit = verify_works([c.cited for c in cases], AuditConfig(cache=cache, **urls))
        print(f"seed {seed}: {evaluate(cases, audit.verdicts)}")


if __name__ == "__main__":
    main()
