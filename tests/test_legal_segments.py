"""Legal citations in notes: emphasis marks taken out, eyecite's finds matched to the notes segmenter, Bluebook
articles read by shape, internal cross-references left out."""

from __future__ import annotations

import pytest

from audit.emphasis import strip_emphasis
from audit.extract.legal_segments import article_fields, filing_fields, given_names, split_note_citations
from audit.extract.segments import split_citations


def _cut(note: str) -> list[tuple[str, str, str | None]]:
    return [(s.kind, strip_emphasis(s.text).text, s.pinpoint) for s in split_note_citations(note)]


@pytest.mark.parametrize(("marked", "plain", "emphasised"), [
    ("*Id*. at 659.", "Id. at 659.", ["Id"]),
    ("*Verizon v. FCC*, 740 F.3d 623", "Verizon v. FCC, 740 F.3d 623", ["Verizon v. FCC"]),
    ("2019 WL 123, at *3, *5", "2019 WL 123, at *3, *5", []),  # Westlaw star pages are text, not emphasis
    ("id.* at 12", "id. at 12", []),  # a mark left over where a signal was cut off
    ("Smith, *History*, p. 4.", "Smith, History, p. 4.", ["History"]),
])
def test_emphasis_marks_are_taken_out_and_their_places_kept(marked, plain, emphasised):
    text = strip_emphasis(marked)
    assert text.text == plain
    assert [text.text[a:b] for a, b in text.emphasis] == emphasised


def test_a_case_citation_takes_its_name_from_the_note_and_its_reporter_from_eyecite():
    (segment,) = split_note_citations("*See* *Verizon v. FCC*, 740 F.3d 623, 628 (D.C. Cir. 2014) (holding X).")
    assert segment.kind == "full" and segment.type == "legal" and segment.pinpoint == "628"
    assert segment.fields == {"title": "Verizon v. FCC", "container-title": "F.3d", "volume": "740",
                              "pages": "623", "date": "2014"}


def test_a_case_name_with_abbreviations_is_not_cut_at_their_full_stops():
    (segment,) = split_note_citations("Nat'l Cable & Telecomms. Ass'n v. Brand X Internet Servs., 545 U.S. 967, "
                                      "980 (2005).")
    assert segment.fields["title"] == "Nat'l Cable & Telecomms. Ass'n v. Brand X Internet Servs."


def test_short_case_citations_keep_the_name_they_give():
    segments = split_note_citations("*See* *Verizon*, 740 F.3d at 650; *Mozilla*, 940 F.3d at 20.")
    assert [(s.kind, s.fields["title"], s.fields["volume"], s.pinpoint) for s in segments] == [
        ("short", "Verizon", "740", "650"), ("short", "Mozilla", "940", "20")]


@pytest.mark.parametrize(("note", "expected"), [
    ("*Id*. at 659.", [("id", "Id. at 659.", "659")]),  # the period outside the italics
    ("*See generally id.* at 12; *cf. id.* at 14.", [("id", "id. at 12", "12"), ("id", "id. at 14.", "14")]),
    ("*Id.* *See id.* at 1040.", [("id", "Id.", None), ("id", "id. at 1040.", "1040")]),
    ("*Id.* *Id.*", [("id", "Id.", None), ("id", "Id.", None)]),  # eyecite reports one; both are there
    ("The court agreed. *Id.* at 5 (quoting *Verizon*, 740 F.3d at 650).",
     [("id", "Id. at 5 (quoting Verizon, 740 F.3d at 650).", "5")]),  # the quoted case is not cited itself
])
def test_id_is_found_in_all_its_forms(note, expected):
    assert _cut(note) == expected


def test_ibid_stays_a_notes_style_repeat():
    assert _cut("*Ibid.*, p. 4.") == [("ibid", "Ibid., p. 4.", "4")]


@pytest.mark.parametrize("note", ["*See* *supra* Part III.B.", "*See* *infra* para. 314.",
                                  "*Cf.* *supra* notes 12–14 and accompanying text.", "See supra § 2."])
def test_internal_cross_references_are_not_citations(note):
    assert split_note_citations(note) == []


def test_supra_note_n_is_still_a_citation():
    assert _cut("van Schewick, *Quality of Service*, *supra* note 5, at 20.") == [
        ("supra", "van Schewick, Quality of Service, supra note 5, at 20.", "20")]


def test_a_bluebook_article_is_read_by_its_shape_even_when_eyecite_does_not_know_the_journal():
    (segment,) = split_note_citations("Tim Wu, *Network Neutrality, Broadband Discrimination*, 2 J. on Telecomm. & "
                                      "High Tech. L. 141, 145 (2003) [hereinafter Wu, *Network Neutrality*].")
    assert segment.kind == "full" and segment.type == "article" and segment.pinpoint == "145"
    assert segment.fields == {"author": ("Tim Wu",), "title": "Network Neutrality, Broadband Discrimination",
                              "container-title": "J. on Telecomm. & High Tech. L.", "volume": "2",
                              "pages": "141", "date": "2003"}


def test_a_citation_is_not_cut_at_the_full_stops_of_its_reporter():
    (segment,) = split_note_citations("See Smith, The Law of Notes, 12 Harv. L. Rev. 345, 350 (1999).")
    assert (segment.kind, segment.text, segment.pinpoint) == (
        "full", "Smith, The Law of Notes, 12 Harv. L. Rev. 345, 350 (1999).", "350")
    assert segment.fields["container-title"] == "Harv. L. Rev."


@pytest.mark.parametrize("text", [
    "D. Trofimov, “Russian foreign-policy objectives”, *Russian Regional Perspectives Journal*, vol. 1, no. 2, p. 15.",
    "J. Smith, *A History of Roads*, London, Routledge, 2001, p. 4.",
])
def test_other_styles_are_not_read_as_bluebook_articles(text):
    assert article_fields(text) is None


def test_given_names_and_their_use_alone_with_a_pinpoint():
    note = "*Restoring Internet Freedom*, 33 FCC Rcd 311 (2018) [hereinafter *RIF Order*]."
    assert given_names(note) == ("RIF Order",)
    names = frozenset({"RIF Order"})
    assert _cut_named("*See* *RIF Order* ¶ 25; *RIF Order* at 30.", names) == [
        ("short", "RIF Order ¶ 25", "¶ 25"), ("short", "RIF Order at 30.", "30")]
    assert _cut_named("The *RIF Order* changed course (*RIF Order* ¶ 3).", names) == []


@pytest.mark.parametrize(("note", "names"), [
    ("Comments of AT&T, GN Docket No. 17-108, at 12 (filed July 17, 2017) (AT&T Comments).", ("AT&T Comments",)),
    ("Order, 30 FCC Rcd 5601 (2015) (2015 Open Internet Order); *see also* X.", ("2015 Open Internet Order",)),
    ("*Verizon v. FCC*, 740 F.3d 623 (D.C. Cir. 2014).", ()),
    ("*A v. B*, 1 F.3d 2 (D.C. Cir.).", ()),
    ("*X v. Y*, 1 U.S. 1 (1990) (per curiam); *Z v. W*, 2 U.S. 3 (1991) (emphasis added).", ()),
])
def test_names_given_in_a_closing_parenthetical(note, names):
    assert given_names(note) == names


def _cut_named(note: str, names: frozenset[str]) -> list[tuple[str, str, str | None]]:
    return [(s.kind, strip_emphasis(s.text).text, s.pinpoint) for s in split_note_citations(note, names)]


def test_agency_filings_are_read_by_their_shape():
    fields, pinpoint = filing_fields("Reply Comments of AT&T Services, Inc., WC Docket No. 17-108, at 3-4 "
                                     "(rec. Aug. 30, 2017) (AT&T Reply).")
    assert pinpoint == "3-4" and fields == {
        "author": ("AT&T Services, Inc.",), "title": "Reply Comments of AT&T Services, Inc.",
        "genre": "Reply Comments", "note": "WC Docket No. 17-108", "date": "Aug. 30, 2017"}
    assert filing_fields("Comments on the draft, in J. Smith, *Roads*, London, 2001.") is None


def test_statutes_are_full_legal_citations():
    assert [(s.kind, s.fields["title"]) for s in split_note_citations("47 U.S.C. § 153(53); 47 C.F.R. § 8.1 (2019).")
            ] == [("full", "47 U.S.C. § 153"), ("full", "47 C.F.R. § 8.1")]


def test_a_date_is_not_a_case_in_a_reporter_named_like_a_month():
    note = "D. del Pilar, *Poetry of the Tango*, N.p., 2009, accessed 28 Mar. 2011."
    assert split_note_citations(note) == split_citations(note)


def test_notes_without_legal_citations_are_cut_as_before():
    note = "See J. Smith, *A History of Roads*, London, Routledge, 2001, p. 4; Ibid., p. 5."
    assert split_note_citations(note) == split_citations(note)
