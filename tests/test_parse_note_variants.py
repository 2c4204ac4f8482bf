"""Footnote-style variants rendered by rule from labelled references keep every word's label."""

from __future__ import annotations

import random

import pytest

from audit.parse.dataset import LabelledSequence
from audit.parse.note_variants import note_variants, render_note


def _seq(*runs: tuple[str, str]) -> LabelledSequence:
    tokens: list[str] = []
    labels: list[str] = []
    for label, text in runs:
        tokens += text.split()
        labels += [label] * len(text.split())
    return LabelledSequence(tuple(tokens), tuple(labels), "anystyle")


CHAPTER = _seq(("author", "Müller, Hans"), ("date", "(2003)."), ("title", "Der Titel."),
               ("container-title", "In:"), ("editor", "Meier, Eva (Hrsg.):"), ("container-title", "Sammelband."),
               ("location", "Berlin:"), ("publisher", "Duncker,"), ("pages", "S. 45–67."))
ARTICLE = _seq(("author", "Smith, J."), ("date", "(2010)."), ("title", "Floods and rivers."),
               ("journal", "Water Research,"), ("volume", "vol. 3,"), ("pages", "pp. 1-9."))


def _words(seq: LabelledSequence, label: str) -> list[str]:
    return [t for t, lab in zip(seq.tokens, seq.labels, strict=True) if lab == label]


def test_german_chapter_note_has_the_note_shape() -> None:
    note = render_note(CHAPTER, random.Random(1), "de")
    assert note is not None and note.context == "note" and note.source == "notes-de"
    text = " ".join(note.tokens)
    assert "Müller, Hans: Der Titel, in: Meier, Eva (Hrsg.): Sammelband, Berlin" in text
    assert "S. 45–67" in text
    assert _words(note, "editor") == ["in:", "Meier,", "Eva", "(Hrsg.):"]
    assert [w.rstrip(":,") for w in _words(note, "location")] == ["Berlin"]
    assert "Duncker" not in _words(note, "location")


@pytest.mark.parametrize("lang", ["de", "en", "fr", "it"])
def test_every_field_word_keeps_its_label(lang: str) -> None:
    for seed in range(20):
        note = render_note(ARTICLE, random.Random(seed), lang)
        assert note is not None
        assert [w.strip(",.()«»“”") for w in _words(note, "journal")][-2:] == ["Water", "Research"]
        assert _words(note, "author")[:2] == ["Smith,", "J."] or _words(note, "author")[0] == "Smith,"
        assert set(note.labels) <= {"signal", "author", "title", "journal", "volume", "date", "pages", "pinpoint"}
        assert "pp. pp." not in " ".join(note.tokens) and "vol. vol." not in " ".join(note.tokens)


def test_signals_and_pinpoints_are_added_and_labelled() -> None:
    notes = [render_note(ARTICLE, random.Random(seed), "de") for seed in range(40)]
    signals = {" ".join(_words(n, "signal")) for n in notes if n}
    pinpoints = {" ".join(_words(n, "pinpoint")) for n in notes if n}
    assert "Vgl." in signals and "" in signals  # sometimes there is none
    assert any(p.startswith("S.") for p in pinpoints) and "" in pinpoints


def test_references_without_a_title_or_container_are_not_rendered() -> None:
    assert render_note(_seq(("author", "Smith, J."), ("date", "2010.")), random.Random(0)) is None
    assert render_note(_seq(("author", "Smith, J."), ("title", "Notes.")), random.Random(0)) is None


def test_note_variants_take_a_seeded_share() -> None:
    many = [ARTICLE] * 200
    first, again = note_variants(many, 0.25, seed=3), note_variants(many, 0.25, seed=3)
    assert first == again and 20 < len(first) < 80
    assert note_variants(many, 0.0) == []


@pytest.mark.parametrize("lang", ["de", "en", "fr", "it"])
def test_brackets_inside_a_field_survive_the_edge_strip(lang: str) -> None:
    article = _seq(("author", "Smith, J."), ("date", "(2010)."), ("title", "Floods and rivers."),
                   ("journal", "Water Research,"), ("volume", "30(3),"), ("pages", "1-9."))
    note = render_note(article, random.Random(3), lang)
    assert note is not None
    text = " ".join(note.tokens)
    assert "30(3)" in text and "((" not in text and "))" not in text


def test_an_issue_number_is_not_written_as_a_volume() -> None:
    article = _seq(("author", "Bazin, G."), ("date", "(1931)."), ("title", "Bibliographie."),
                   ("journal", "Formes,"), ("volume", "no. 20,"), ("pages", "107."))
    note = render_note(article, random.Random(3), "fr")
    assert note is not None
    assert "vol. no." not in " ".join(note.tokens)
