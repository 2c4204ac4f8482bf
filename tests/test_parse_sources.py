"""Readers of the labelled corpora: GROBID TEI and EXCITE mapped to the CRF's labels, by rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.errors import UnreadableInput
from audit.parse.sources import (
    detect_format,
    family_of,
    read_excite,
    read_grobid,
    read_sources,
    sample_per_source,
    sequence_from_runs,
)
from tests.conftest import shared_path

TEI = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><back><listBibl>
<bibl><author>A. Author</author>, <title level="a">A chapter</title>, in <title level="m">The Book</title>, \
<editor>B. Editor</editor> (Eds.), <pubPlace>Berlin</pubPlace>: <publisher>Springer</publisher>, \
<date>2003</date>, pp. <biblScope unit="page">1-9</biblScope>.</bibl>
<bibl><author>C. Writer</author> <title level="m">A Monograph</title> <biblScope type="vol">2</biblScope> \
<idno type="DOI">10.1/xy</idno> <ptr type="web">http://x.org</ptr> <note type="report">Tech. Rep.</note></bibl>
<bibl>   </bibl>
</listBibl></back></text></TEI>
"""
EXCITE = (
    "<author><surname>Weber</surname>, <given-names>Max</given-names></author> (<year>1922</year>): "
    "<title>Wirtschaft und Gesellschaft</title>, <other>Tübingen</other>: <publisher>Mohr</publisher> & Co.\n"
    "[1] <author><surname>Smith</surname>, <given-names>J.</given-names></author> <year>2001</year>a. "
    "<title>Title</title>. Q<source>uarterly Journal</source> <volume>7</volume>(<issue>2</issue>): "
    "<fpage>80</fpage>-<lpage>97</lpage>.\n"
    "<author>Roe, R.</author> <year>1990</year>. <title>Book</title>. "
    "<issue>2nd</issue> ed. [accessed: <other>October 30, 2009</other>]\n"
    "\n"
    "<author>Doe, D.</author> <title>Chapter</title>. In: <source>Handbook</source>, <other>Berlin</other>.\n"
)


def _pairs(seq) -> list[tuple[str, str]]:
    return list(zip(seq.tokens, seq.labels, strict=True))


def test_grobid_elements_map_to_crf_labels(tmp_path: Path) -> None:
    path = tmp_path / "x.tei.xml"
    path.write_text(TEI, encoding="utf-8")
    chapter, book = read_grobid(path)  # the empty <bibl> is skipped
    assert chapter.source == "grobid"
    labels = dict(_pairs(chapter))
    assert labels["chapter,"] == "title"
    assert labels["Book,"] == "container-title"  # level="m" beside an analytic title is the container
    assert labels["in"] == "container-title"  # a lead word joins the field after it
    assert labels["(Eds.),"] == "editor"  # other untagged words join the field before them
    assert labels["Berlin:"] == "location" and labels["Springer,"] == "publisher"
    assert labels["pp."] == "pages" and labels["1-9."] == "pages"
    labels = dict(_pairs(book))
    assert labels["Monograph"] == "title"  # level="m" alone is the title
    assert (labels["2"], labels["10.1/xy"], labels["http://x.org"]) == ("volume", "doi", "url")
    assert labels["Rep."] == "genre"


def test_excite_lines_with_stray_ampersands_and_split_tokens(tmp_path: Path) -> None:
    path = tmp_path / "de-end" / "1.xml"
    path.parent.mkdir()
    path.write_text(EXCITE, encoding="utf-8")
    weber, smith, roe, doe = read_excite(path, "excite-de")
    assert dict(_pairs(weber))["Tübingen:"] == "location"  # <other> without digits is a place
    assert _pairs(weber)[-2:] == [("&", "publisher"), ("Co.", "publisher")]
    pairs = dict(_pairs(smith))
    assert smith.labels[0] == "citation-number"
    assert pairs["2001a."] == "date"  # the letter outside the tag stays with the year
    assert pairs["Quarterly"] == "journal"  # "Q<source>uarterly": most letters are inside; journal as a volume follows
    assert pairs["7(2):"] == "volume" and pairs["80-97."] == "pages"
    pairs = dict(_pairs(doe))
    assert pairs["Handbook,"] == "container-title"  # no volume or issue: a container, not a journal
    assert pairs["In:"] == "container-title"
    pairs = dict(_pairs(roe))
    assert pairs["2nd"] == "edition" and pairs["ed."] == "edition"  # EXCITE tags editions as issues
    assert pairs["30,"] == "date"  # <other> holding a month and a year is a date


def test_untagged_only_text_is_no_sequence() -> None:
    assert sequence_from_runs([(None, "just text")]) is None
    assert sequence_from_runs([]) is None


def test_formats_are_detected_and_directories_read(tmp_path: Path) -> None:
    (tmp_path / "g.tei.xml").write_text(TEI, encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "2.xml").write_text(EXCITE, encoding="utf-8")
    (tmp_path / "a.xml").write_text("<dataset><sequence><author>X, Y.</author> <title>T.</title></sequence>"
                                    "</dataset>", encoding="utf-8")
    assert detect_format(tmp_path / "a.xml") == "anystyle"
    sequences = read_sources([tmp_path])
    assert sorted({s.source for s in sequences}) == ["anystyle/a", "excite-en", "grobid"]
    assert sorted({family_of(s.source) for s in sequences}) == ["anystyle", "excite-en", "grobid"]
    assert len(sample_per_source(sequences, 1)) == 3


def test_unlabelled_or_missing_files_are_unreadable(tmp_path: Path) -> None:
    plain = tmp_path / "plain.xml"
    plain.write_text("no tags here", encoding="utf-8")
    with pytest.raises(UnreadableInput, match="not a labelled reference file"):
        read_sources([plain])
    with pytest.raises(UnreadableInput, match="no such file"):
        read_sources([tmp_path / "missing.xml"])


def test_real_corpora_read_with_every_token_labelled() -> None:
    root = shared_path("data", "dev")
    sequences = read_sources([root / "grobid-citations", root / "excite" / "de-end"])
    counts = {source: sum(s.source == source for s in sequences) for source in ("grobid", "excite-de")}
    assert counts["grobid"] > 8000 and counts["excite-de"] > 2000
    assert all(len(s.tokens) == len(s.labels) for s in sequences)


def test_excite_leading_editor_without_an_editor_word_is_the_author(tmp_path: Path) -> None:
    path = tmp_path / "de-end" / "2.xml"
    path.parent.mkdir()
    path.write_text("<editor>Birmingham City Council</editor> (<year>1995</year>): <title>Housing</title>.\n"
                    "<editor>Meier, Eva</editor> (Hrsg.) (<year>2003</year>): <title>Band</title>.\n"
                    "<author>Roe, R.</author>: <title>T</title>, in: <editor>Ohm, O.</editor>: "
                    "<source>Buch</source>.\n", encoding="utf-8")
    council, meier, roe = read_excite(path, "excite-de")
    assert council.labels[:3] == ("author", "author", "author")
    assert meier.labels[:3] == ("editor", "editor", "editor")  # "(Hrsg.)" marks real editors
    assert dict(_pairs(roe))["Ohm,"] == "editor"  # an editor after the author is left alone


def test_excite_other_that_is_no_place(tmp_path: Path) -> None:
    path = tmp_path / "de-end" / "3.xml"
    path.parent.mkdir()
    path.write_text(
        "<author>Roe, R.</author> <other>u.a.</other> (<year>2001</year>): <title>T</title>. <other>Berlin</other>.\n"
        "<author>Roe, R.</author>: <title>T</title>, in: <other>dies.</other> (Hg.): <source>Buch</source>, "
        "<other>Bonn</other>.\n"
        "<author>Roe, R.</author> (<other>o. J.</other>): <title>T</title>. <other>Unveröff. Manuskript</other>. "
        "<source>Zeitschrift</source>, <other>Jg.</other> <volume>3</volume>, <other>Zugriff am: 27.05.2011</other>\n",
        encoding="utf-8")
    ua, dies, oj = read_excite(path, "excite-de")
    pairs = dict(_pairs(ua))
    assert pairs["u.a."] == "author" and pairs["Berlin."] == "location"  # the end of the names; a real place
    pairs = dict(_pairs(dies))
    assert pairs["dies."] == "editor" and pairs["(Hg.):"] == "editor"  # "dies." before "(Hg.)": the editors
    assert pairs["Bonn."] == "location"
    pairs = dict(_pairs(oj))
    assert pairs["(o."] == "date" and pairs["J.):"] == "date"  # "ohne Jahr" is the date
    assert pairs["Unveröff."] == "note" and pairs["Manuskript."] == "note"  # a state, not a place
    assert pairs["Jg."] == "volume"  # a lead word: it joins the field after it
    assert pairs["27.05.2011"] == "note" and pairs["Zugriff"] == "note"  # an access date, as AnyStyle labels it


def test_excite_same_author_word_without_editor_word_is_the_author(tmp_path: Path) -> None:
    path = tmp_path / "de-end" / "4.xml"
    path.parent.mkdir()
    path.write_text("<other>Ders.</other> (<year>2003</year>): <title>Band</title>. <other>Berlin</other>.\n",
                    encoding="utf-8")
    (ders,) = read_excite(path, "excite-de")
    assert ders.labels[0] == "author" and ders.labels[-1] == "location"


def test_grobid_institution_after_the_title_is_the_publisher(tmp_path: Path) -> None:
    path = tmp_path / "x.tei.xml"
    path.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><back><listBibl>'
        '<bibl><orgName type="collaboration">ALICE Collaboration</orgName>, <title level="a">Design</title>, '
        '<note type="report">M.S. thesis</note>, <orgName>Univ. Bonn</orgName>, <pubplace>Bonn</pubplace>, '
        '<date>2010</date>.</bibl></listBibl></back></text></TEI>', encoding="utf-8")
    (bibl,) = read_grobid(path)
    pairs = dict(_pairs(bibl))
    assert pairs["ALICE"] == "author"  # an organisation before the title is the author
    assert _pairs(bibl)[-4:] == [("Univ.", "publisher"), ("Bonn,", "publisher"),  # an institution after it
                                 ("Bonn,", "location"), ("2010.", "date")]  # lower-case <pubplace> is a place


def test_excite_institution_tagged_editor_after_the_title_is_the_publisher(tmp_path: Path) -> None:
    path = tmp_path / "de-end" / "5.xml"
    path.parent.mkdir()
    path.write_text(
        "<author>Rubine, Dean</author>: <title>Gestures</title>, Ph.D. Thesis, "
        "<editor>Carnegie-Mellon University</editor>, <year>1991</year>\n"
        "<author>Roe, R.</author>: <title>T</title>, in: <editor>Ohm, O.</editor>: <source>Buch</source>.\n"
        "<author>Roe, R.</author>: <title>T</title>. <editor>Ohm, O.</editor> (Hrsg.), <source>Buch</source>.\n"
        "<author>Roe, R.</author>: <title>T</title>, unter Mitarbeit von <editor>Eva Ohm</editor>, "
        "<other>Opladen</other>.\n", encoding="utf-8")
    rubine, in_editor, hrsg, mitarbeit = read_excite(path, "excite-de")
    assert dict(_pairs(rubine))["Carnegie-Mellon"] == "publisher"  # no editor word near it: the institution
    assert dict(_pairs(in_editor))["Ohm,"] == "editor"  # after "in:"
    assert dict(_pairs(hrsg))["Ohm,"] == "editor"  # before "(Hrsg.)"
    assert dict(_pairs(mitarbeit))["Eva"] == "editor"  # "unter Mitarbeit von" names people
