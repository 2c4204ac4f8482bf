"""parse_reference on synthetic references: each style, language and hard negative.

Each case names the fields it is about; other fields may be present. References in the
comma style are read by rules, so their expectations are exact; the author-date and numbered
cases go through the shipped CRF model.
"""

from __future__ import annotations

import pytest

from audit.models import FIELD_NAMES, REFERENCE_TYPES
from audit.parse import parse_reference, parse_references

CASES = [
    pytest.param(
        "Vgl. Müller, Hans: Die Ordnung der Dinge, in: Meier, Eva (Hrsg.): Handbuch der Soziologie, Berlin 2003, "
        "S. 12.", "note", "chapter",
        {"author": ("Müller, Hans",), "editor": ("Meier, Eva",), "title": "Die Ordnung der Dinge",
         "container-title": "Handbuch der Soziologie", "location": "Berlin", "date": "2003"}, "12",
        id="german-footnote-chapter"),
    pytest.param(
        "Vgl. Lange, Eva: Arbeit im Wandel, in: Zeitschrift für Soziologie 32 (2003), S. 245–260, hier S. 250.",
        "note", "article",
        {"author": ("Lange, Eva",), "title": "Arbeit im Wandel", "container-title": "Zeitschrift für Soziologie",
         "volume": "32", "date": "2003", "pages": "245-260"}, "250", id="german-footnote-article-hier"),
    pytest.param(
        "Cfr. Mario Rossi, La città e il territorio, Bari 1998, p. 3 n. 4.", "note", "book",
        {"author": ("Mario Rossi",), "title": "La città e il territorio", "date": "1998"}, "3 n. 4",
        id="italian-footnote-pinpoint-with-note-number"),
    pytest.param(
        "D. Trenin, “Russia and Central Asia”, in E.B. Rumer, D. Trenin and H. Zhao (eds.), *Central Asia: Views "
        "from Washington*, Armonk, New York, M.E. Sharpe, 2007, p. 84.", "note", "chapter",
        {"author": ("D. Trenin",), "editor": ("E.B. Rumer", "D. Trenin", "H. Zhao"),
         "title": "Russia and Central Asia", "container-title": "Central Asia: Views from Washington",
         "location": "Armonk, New York", "publisher": "M.E. Sharpe", "date": "2007"}, "84",
        id="oxford-note-chapter-with-pinpoint"),
    pytest.param(
        "Devakumar J., “Caste Clashes and Dalits Rights”, in Social Scientist, 35, 11/12 (2007), pp. 39-54.",
        "bibliography", "article",
        {"title": "Caste Clashes and Dalits Rights", "container-title": "Social Scientist", "volume": "35",
         "issue": "11/12", "date": "2007", "pages": "39-54"}, None, id="comma-volume-then-issue-with-year"),
    pytest.param(
        "Hooman, J., \"Specification of Real-Time Systems\", PhD Thesis, Eindhoven, the Netherlands, 1991.",
        "bibliography", "thesis", {"location": "Eindhoven, the Netherlands", "date": "1991"}, None,
        id="comma-place-with-its-country"),
    pytest.param(
        "Cfr. Bugnion, V., «A game of climate chicken», «Environmental Law» vol. 30(3) (2000), pp. 491-525, p. 4.",
        "note", "article",
        {"title": "A game of climate chicken", "container-title": "Environmental Law", "volume": "30", "issue": "3",
         "date": "2000", "pages": "491-525"}, "4", id="italian-quoted-journal-with-its-volume"),
    pytest.param(
        "Voir Chan, D., « Barriers to care planning », Palliative Medicine vol. 23(7) (2009), pp. 642-648, p. 645.",
        "note", "article",
        {"title": "Barriers to care planning", "container-title": "Palliative Medicine", "volume": "23", "issue": "7",
         "date": "2009", "pages": "642-648"}, "645", id="french-journal-and-volume-in-one-segment"),
    pytest.param(
        "Monk, Claire, «Men in the 90s», in Robert Murphy (a cura di), British Cinema in the 90s, British Film "
        "Institute, 2000, pp. 156-166, p. 36.", "note", "chapter",
        {"editor": ("Robert Murphy",), "title": "Men in the 90s", "container-title": "British Cinema in the 90s",
         "date": "2000", "pages": "156-166"}, "36", id="italian-book-after-its-editors"),
    pytest.param(
        "Adam, Véronique, « Formes et reflets du songe », Cahiers Tristan L’Hermite, 22, 2000, p. 47-61.",
        "bibliography", "article",
        {"container-title": "Cahiers Tristan L’Hermite", "volume": "22", "date": "2000", "pages": "47-61"}, None,
        id="comma-bare-volume-before-the-year"),
    pytest.param(
        "Collins, Kathleen, \"Regionalism in Central Asia\", *Europe-Asia Studies*, vol. 61, no. 2, March 2009, "
        "pp. 249-281.", "bibliography", "article",
        {"author": ("Collins, Kathleen",), "title": "Regionalism in Central Asia",
         "container-title": "Europe-Asia Studies", "volume": "61", "issue": "2", "date": "March 2009",
         "pages": "249-281"}, None, id="bibliography-article-pages-not-pinpoint"),
    pytest.param(
        "United Nations Office on Drugs and Crime (UNODC), \"Opium Flows\", Vienna, 2012.", "bibliography", "report",
        {"author": ("United Nations Office on Drugs and Crime (UNODC)",), "title": "Opium Flows",
         "location": "Vienna", "date": "2012"}, None, id="corporate-author-with-and"),
    pytest.param(
        "Smith, John, \"Living in Tashkent\", *Asian Affairs*, vol. 3, no. 1, 2001, pp. 1-20.", "bibliography",
        "article", {"title": "Living in Tashkent", "container-title": "Asian Affairs"}, None,
        id="in-inside-title-is-not-a-chapter"),
    pytest.param(
        "Müller, Hans, „Die Außenpolitik Russlands“, in Eva Schmidt (Hrsg.), *Russland und Europa*, Berlin, "
        "Suhrkamp, 2010, S. 12-30.", "bibliography", "chapter",
        {"author": ("Müller, Hans",), "editor": ("Eva Schmidt",), "title": "Die Außenpolitik Russlands",
         "container-title": "Russland und Europa", "location": "Berlin", "publisher": "Suhrkamp",
         "pages": "12-30"}, None, id="german-chapter-hrsg"),
    pytest.param(
        "Dupont, Jean, « La Russie et l'Asie centrale », *Politique étrangère*, vol. 3, 2008, p. 45-60.",
        "bibliography", "article",
        {"author": ("Dupont, Jean",), "title": "La Russie et l'Asie centrale",
         "container-title": "Politique étrangère", "volume": "3", "pages": "45-60"}, None, id="french-guillemets"),
    pytest.param(
        "García, José, \"La política exterior de España\", *Revista de Estudios Políticos*, vol. 45, núm. 2, 2015, "
        "pp. 33-58, consultado el 5 de marzo de 2018, http://example.es/a.pdf", "bibliography", "article",
        {"container-title": "Revista de Estudios Políticos", "issue": "2", "accessed": "5 de marzo de 2018",
         "url": "http://example.es/a.pdf"}, None, id="spanish-num-consultado"),
    pytest.param(
        "Rossi, Mario, *La politica estera italiana*, Bologna, Il Mulino, 2012.", "bibliography", "book",
        {"title": "La politica estera italiana", "location": "Bologna", "publisher": "Il Mulino", "date": "2012"},
        None, id="italian-book"),
    pytest.param(
        "Doe, Jane, \"Security Sector Reform\", *EUCAM Working Paper*, no. 7, Brussels, 2010.", "bibliography",
        "report", {"container-title": "EUCAM Working Paper", "issue": "7"}, None, id="working-paper-is-report"),
    pytest.param(
        "Brown, Anna, \"Nationalism in Russia\", PhD dissertation, University of Oxford, 2009.", "bibliography",
        "thesis", {"genre": "PhD dissertation", "publisher": "University of Oxford"}, None, id="dissertation"),
    pytest.param(
        "Qoraboyev, Ikboljon, \"L'ordre régional\", Thèse de doctorat, Toulouse, 2010.", "bibliography", "thesis",
        {"genre": "Thèse de doctorat", "location": "Toulouse"}, None, id="these"),
    pytest.param(
        "Tisdall, Simon, \"Unrest in Kyrgyzstan\", *The Guardian*, 14 June 2010.", "bibliography", "news",
        {"container-title": "The Guardian", "date": "14 June 2010"}, None, id="newspaper"),
    pytest.param(
        "Interview with Pierre Morel, EU Special Representative, Brussels, 2 February 2010.", "note", "interview",
        {"author": ("Pierre Morel",), "genre": "Interview", "location": "Brussels", "date": "2 February 2010"},
        None, id="interview-with"),
    pytest.param(
        "G. Wiegand, European Commission, speech at the closing conference, Brussels, 22 February 2010.", "note",
        "speech", {"author": ("G. Wiegand",), "genre": "speech at the closing conference"}, None, id="speech"),
    pytest.param(
        "\"Paris Pact Initiative\", retrieved on 7 September 2011, https://www.paris-pact.net/index.php",
        "bibliography", "webpage", {"title": "Paris Pact Initiative", "accessed": "7 September 2011"}, None,
        id="only-url-is-webpage"),
    pytest.param(
        "Marx, Karl, *Das Kapital*, trans. Ben Fowkes, London, Penguin, 1976.", "bibliography", "book",
        {"translator": ("Ben Fowkes",), "title": "Das Kapital"}, None, id="translator"),
    pytest.param(
        "Vladimir Paramonov, Central Asia (Moscow: Nauka, 2005), 12.", "note", "book",
        {"author": ("Vladimir Paramonov",), "location": "Moscow", "publisher": "Nauka", "date": "2005"}, "12",
        id="chicago-note-bare-pinpoint"),
    pytest.param(
        "See also Sally N. Cummings, ed., Power and Change in Central Asia (London: Routledge, 2002), 43–45.",
        "note", "book", {"editor": ("Sally N. Cummings",), "title": "Power and Change in Central Asia",
                         "location": "London", "publisher": "Routledge", "date": "2002"}, "43-45",
        id="chicago-note-edited-book-ed-word-dropped"),
    pytest.param("Miranda v. Arizona, 384 U.S. 436, 437 (1966).", "note", "legal",
                 {"title": "Miranda v. Arizona", "container-title": "U.S.", "volume": "384", "pages": "436",
                  "date": "1966"}, "437", id="case-citation"),
    pytest.param("*Ibid.*, p. 66.", "note", "other", {"title": None, "author": None}, "66", id="ibid-only-pinpoint"),
    pytest.param("Paramonov, Central Asia, 14.", "note", "other",
                 {"author": ("Paramonov",), "title": "Central Asia"}, "14", id="short-form-bare-page"),
    pytest.param("Osmonaliev, *op.cit.*, p. 25.", "note", "other", {"author": ("Osmonaliev",), "title": None},
                 "25", id="op-cit-is-not-a-title"),
    pytest.param("\"NATO-Russia News\", no. 3, 2006.", "note", "news", {"issue": "3", "date": "2006"}, None,
                 id="trailing-year-is-not-a-pinpoint"),
    pytest.param(
        "Smith, J. (2004). The politics of water. Journal of Hydrology, 12(3), 45–67. "
        "https://doi.org/10.1000/xyz123", "bibliography", "article",
        {"author": ("Smith, J.",), "date": "2004", "title": "The politics of water",
         "container-title": "Journal of Hydrology", "volume": "12", "issue": "3", "pages": "45-67",
         "doi": "10.1000/xyz123"}, None, id="author-date-apa"),
    pytest.param(
        "[3] A. B. Smith, C. D. Jones, and E. F. Brown, \"Deep parsing of references,\" IEEE Transactions on "
        "Pattern Analysis, vol. 12, no. 4, pp. 100–110, 2019.", "bibliography", "article",
        {"author": ("A. B. Smith", "C. D. Jones", "E. F. Brown"), "title": "Deep parsing of references",
         "volume": "12", "issue": "4", "pages": "100-110", "date": "2019"}, None, id="numbered-ieee"),
]


@pytest.mark.parametrize(("text", "context", "ref_type", "fields", "pinpoint"), CASES)
def test_parse_reference(text: str, context: str, ref_type: str, fields: dict, pinpoint: str | None) -> None:
    parsed = parse_reference(text, context=context)
    assert {k: parsed.fields.get(k) for k in fields} == fields
    assert parsed.type == ref_type
    assert parsed.pinpoint == pinpoint


def test_output_uses_contract_names_and_types() -> None:
    texts = [p.values[0] for p in CASES]
    for parsed in parse_references(texts):
        assert set(parsed.fields) <= set(FIELD_NAMES)
        assert parsed.type in REFERENCE_TYPES
        assert list(parsed.fields) == [k for k in FIELD_NAMES if k in parsed.fields]


def test_unknown_context_is_refused() -> None:
    with pytest.raises(ValueError, match="context"):
        parse_reference("A, “B”, 2000", context="body")


def test_empty_reference_is_other() -> None:
    parsed = parse_reference("   ")
    assert parsed.type == "other"
    assert parsed.fields == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Lee K. Water stress in Asia. JAMA. 2003 Mar 5;289(9):1107-16.",
                     {"date": "2003 Mar 5", "volume": "289", "issue": "9", "pages": "1107-16"}, id="with-month"),
        pytest.param("Smith AB, Jones CD. Water stress in Asia. Lancet. 2010;375:123-30.",
                     {"date": "2010", "volume": "375", "pages": "123-30"}, id="no-issue"),
    ],
)
def test_vancouver_block_is_read_whatever_the_crf_makes_of_it(text: str, expected: dict) -> None:
    fields = parse_reference(text).fields
    assert {key: fields.get(key) for key in expected} == expected
