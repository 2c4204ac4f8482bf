"""split_citations(): citations cut out of notes, signals stripped, commentary left out, kinds guessed."""

from __future__ import annotations

import pytest

from audit.extract.segments import find_pinpoint, split_citations


@pytest.mark.parametrize("note, expected", [
    pytest.param("Ibid.", [("ibid", "Ibid.")], id="ibid"),
    pytest.param("*Ibid.*, p. 66.", [("ibid", "*Ibid.*, p. 66.")], id="ibid-italic-with-page"),
    pytest.param("Ebd., S. 12.", [("ibid", "Ebd., S. 12.")], id="german-ebd"),
    pytest.param("Ibíd., p. 4.", [("ibid", "Ibíd., p. 4.")], id="spanish-ibid"),
    pytest.param("Id. at 15.", [("id", "Id. at 15.")], id="legal-id"),
    pytest.param("Osmonaliev, *op.cit.*, p. 25.", [("op-cit", "Osmonaliev, *op.cit.*, p. 25.")], id="op-cit"),
    pytest.param("Müller, a. a. O., S. 7.", [("op-cit", "Müller, a. a. O., S. 7.")], id="german-aao"),
    pytest.param("Smith, loc. cit.", [("loc-cit", "Smith, loc. cit.")], id="loc-cit"),
    pytest.param("Buxbaum, supra note 20, at 64.", [("supra", "Buxbaum, supra note 20, at 64.")], id="supra"),
    pytest.param("See note 12.", [("cross-ref", "note 12.")], id="cross-reference"),
    pytest.param("Paramonov, Central Asia, 14.", [("short", "Paramonov, Central Asia, 14.")], id="short-title"),
    pytest.param("See also A. Smith, *Roads*, London, 2001, p. 3; cf. B. Jones, “Rivers”, *Water*, 2004.",
                 [("full", "A. Smith, *Roads*, London, 2001, p. 3"), ("full", "B. Jones, “Rivers”, *Water*, 2004.")],
                 id="two-citations-signals-stripped"),
    pytest.param("The CSTO was created in 2002 following a reform of the CIS.", [], id="commentary-with-year"),
    pytest.param("Collins explains that regionalism “refers to a process”. See Collins, *op.cit.*, p. 251.",
                 [("op-cit", "Collins, *op.cit.*, p. 251.")], id="quotation-in-prose-is-not-a-title"),
    pytest.param("A. Author, *Book (London: Press, 2005; repr. 2010)*, p. 4.",
                 [("full", "A. Author, *Book (London: Press, 2005; repr. 2010)*, p. 4.")],
                 id="no-split-inside-brackets-and-italics"),
    pytest.param("For more details, see Russian Federation, \"Plan for 2020\", article 4.",
                 [("full", "Russian Federation, \"Plan for 2020\", article 4.")], id="lead-in-signal"),
])
def test_split_citations(note, expected):
    assert [(s.kind, s.text) for s in split_citations(note)] == expected


@pytest.mark.parametrize("text, pin", [
    ("D. Trenin, *Book*, 2007, p. 84.", "84"), ("X, pp. 118-119.", "118-119"), ("Id. at 15.", "15"),
    ("Müller, a. a. O., S. 7.", "7"), ("Plan, article 4.", "article 4"), ("A. Smith, *Roads*, 2001.", None),
])
def test_pinpoints(text, pin):
    assert find_pinpoint(text) == pin


@pytest.mark.parametrize("text, pin", [
    ("Paramonov, *Central Asia*, 14.", "14"), ('Ivanova, "Border Markets," 215.', "215"), ("Ibid., 240.", "240"),
    ("Smith, *Water*, 2001.", None),
])
def test_chicago_bare_pages(text, pin):
    assert find_pinpoint(text) == pin


@pytest.mark.parametrize("note, expected", [
    pytest.param("Vgl. Hans Müller: Grenzen in Zentralasien. Berlin: Suhrkamp 2005, S. 12.",
                 ["Hans Müller: Grenzen in Zentralasien. Berlin: Suhrkamp 2005, S. 12."], id="german-colon-style"),
    pytest.param("Eva Roth: Flüsse. In: Hans Kraus (Hg.): Wasser. Wien 2003, S. 5-9.",
                 ["Eva Roth: Flüsse. In: Hans Kraus (Hg.): Wasser. Wien 2003, S. 5-9."], id="german-chapter"),
    pytest.param("This was contested. See A. Smith, *Roads*, London, 2001.", ["A. Smith, *Roads*, London, 2001."],
                 id="prose-then-citation-stays-apart"),
    pytest.param("Eva Roth: Flüsse im Wandel, 2005. Abrufbar unter: http://example.org/roth.pdf.",
                 ["Eva Roth: Flüsse im Wandel, 2005. Abrufbar unter: http://example.org/roth.pdf."],
                 id="where-online-continues-the-citation"),
    pytest.param("A. Smith, *Roads*, London, 2001. Available at: https://example.org/roads (accessed 3 May 2020).",
                 ["A. Smith, *Roads*, London, 2001. Available at: https://example.org/roads (accessed 3 May 2020)."],
                 id="available-at-continues"),
    pytest.param("A. Smith, *Roads*, London, 2001. Online communities were small, 2003.",
                 ["A. Smith, *Roads*, London, 2001.", "Online communities were small, 2003."],
                 id="online-without-colon-is-not-joined"),
    pytest.param("Eva Roth: Ein Ausgang des Krisenjahres 2005. Bilanz des Rates vom 15./16.12.2005. "
                 "Abrufbar unter: http://example.org/roth.php.",
                 ["Eva Roth: Ein Ausgang des Krisenjahres 2005. Bilanz des Rates vom 15./16.12.2005. "
                  "Abrufbar unter: http://example.org/roth.php."], id="author-colon-title-then-subtitle"),
    pytest.param("Europäische Kommission: Eurobarometer. Eurobarometer 64. Nationaler Bericht, Herbst 2005.",
                 ["Europäische Kommission: Eurobarometer. Eurobarometer 64. Nationaler Bericht, Herbst 2005."],
                 id="corporate-author-colon-title-over-sentences"),
    pytest.param("Eva Roth: Flüsse im Wandel. Vgl. Hans Kraus: Wasser, Wien 2003.",
                 ["Hans Kraus: Wasser, Wien 2003."], id="a-signal-opens-a-citation-of-its-own"),
    pytest.param("Eva Roth: Flüsse, Wien 2003. Vgl. Hans Kraus: Wasser, Wien 2004.",
                 ["Eva Roth: Flüsse, Wien 2003.", "Hans Kraus: Wasser, Wien 2004."], id="a-complete-citation-ends"),
    pytest.param("Paul Luif, 2006: Österreich. In: Werner Weidenfeld (Hrsg.): Jahrbuch der Integration.",
                 ["Paul Luif, 2006: Österreich. In: Werner Weidenfeld (Hrsg.): Jahrbuch der Integration."],
                 id="in-container-continues-a-complete-looking-citation"),
])
def test_full_stops_inside_unquoted_citations(note, expected):
    assert [s.text for s in split_citations(note)] == expected
