"""Line cues and list-level features of the line models, one behaviour each."""

from __future__ import annotations

from audit.zoning.features import _entry_cues, entry_features
from audit.zoning.line_facts import is_mark_only, measure_lines, text_cues
from audit.zoning.model import _mark_lines_open


def test_a_bullet_is_a_cue_and_the_line_is_read_after_it():
    cues = text_cues("• Cernea M.M., Putting people first: Sociological variables, 1985.")
    assert cues[0] == "bullet"
    assert "author_start" in cues
    assert "s1=Xx" in cues


def test_surname_then_initials_opens_like_a_name():
    for line in ("Cernea M.M., Putting people first", "McDowell Ch., Understanding impoverishment",
                 "Hansen A., Oliver-Smith A, (eds.), Involuntary Migration"):
        assert "author_start" in _entry_cues(line), line
    # hard negatives: a sentence and a continuation line
    assert "author_start" not in text_cues("The data show A. clear trend, as")
    assert "author_start" not in text_cues("world of the third, Routledge, Abingdon, 2010.")


def test_a_repeated_author_mark_lost_in_the_pdf_text_is_still_a_repeat():
    assert "repeat_author" in text_cues(", 1984: Gift Exchange and Efficiency-Wage Theory. In: Review 74.")
    assert "repeat_author" in text_cues(". 1988. Die Wirtschaft der Gesellschaft. Frankfurt: Suhrkamp.")
    assert "repeat_author" not in text_cues("83.")
    assert "repeat_author" not in text_cues(", and the rivers of 1988 were low.")


def _style(lines: list[str]) -> set[str]:
    feats = entry_features(measure_lines(lines), [False] * len(lines))
    return {f.split(":")[0] for row in feats for f in row if f.startswith(("hanging:", "first-line:"))}


HANGING = ["Adams, John. 2001. Rivers and borders. Journal of Water", "   Policy 12: 45-67.",
           "Baker, Mary. 1998. The politics of shared rivers. Oxford", "   University Press.",
           "Chen, Li. 2010. Upstream and downstream. Water Review 4.", "Dupont, Anne. 2005. Les fleuves. Paris:",
           "   Presses universitaires."]


def test_the_indentation_style_of_a_list():
    assert _style(HANGING) == {"hanging"}
    first_line = [("   " + line[3:] if not line.startswith(" ") else line[3:]) for line in HANGING]
    first_line = ["   " + line if line[0].isupper() and "," in line[:12] else line.strip() for line in
                  (x.strip() for x in HANGING)]
    assert _style(first_line) == {"first-line"}


def test_no_style_where_the_names_and_the_first_line_disagree():
    # First-name-first entries at the edge; continuations set in that look like names: no style either way.
    lines = ["Gershon Alperovich (1984): The size distribution of cities. Journal",
             "    Geographische Mitteilungen, Band LIX, S. 73-76.", "Felix Auerbach (1913): Das Gesetz. Petermanns",
             "    Quarterly Journal, Vol. 3, S. 1-9.", "Robert Axtell (2001): Emergent cities. Mimeo",
             "    Brookings Institution, Washington, 2001."]
    assert _style(lines) == set()


def test_a_letter_spaced_heading_is_read_as_its_word():
    from audit.extract.bibliography import heading_title as extract_heading_title
    from audit.textnorm import join_letter_spacing

    assert join_letter_spacing("R E F E R E N C E S") == "REFERENCES"
    assert join_letter_spacing("L I T E R A T U R  U N D  Q U E L L E N") == "LITERATUR UND QUELLEN"
    assert "bib_heading" in text_cues("R E F E R E N C E S")
    assert extract_heading_title("R E F E R E N C E S") == "REFERENCES"
    # hard negatives: ordinary words, short letter runs, a sentence with one-letter words
    for text in ("References", "A B", "I am a cat", "x y z", "See p. 4 and n. 5"):
        assert join_letter_spacing(text) == text


def test_surname_then_bare_initials_opens_like_a_name():
    for line in ("Chabout J, Sarkar A, Dunson DB, Jarvis ED (2015) Male mice song",
                 "Crawley JN (2007) Mouse behavioral assays relevant to the symp-",
                 "Arnold Anteraper S, Guell X, D'Mello A, Joshi N. 2018.", "Price CJ. 2012. A review and synthesis"):
        assert "author_start" in _entry_cues(line), line
    # hard negatives: journal abbreviations and a container line
    for line in ("Neurosci Biobehav Rev 32:1236 -1248. CrossRef Medline", "Nucl Phys B 220 (1983) 327.",
                 "In: Smith AB (ed) Handbook of lymph"):
        assert "author_start" not in _entry_cues(line), line


def test_a_line_of_nothing_but_a_repeat_mark_or_a_label():
    for line in ("--", "--..", "---,", "-", "& --.", "——.", "[AKa]", "[12]", "[DGG13b]"):
        assert is_mark_only(line), line
    for line in ("611.", "2012.", "1960. Apomixis and polyembryony", "[arXiv:1409.1208]", "", "Ibid."):
        assert not is_mark_only(line), line


def test_a_mark_alone_on_its_line_opens_the_entry_the_next_line_goes_on_with():
    facts = measure_lines(["Allard, R. W. 1975. The mating system. Genetics 79:115-126.", "--..",
                           "1960. Apomixis in Pachira. Amer. J. Bot. 47: 296-302.", "[AKa]",
                           "Jørgen E. Andersen, Complex Quantum Chern-Simons, Preprint 2014."])
    # whatever the model said, the marks open and the lines after them continue
    assert _mark_lines_open(facts, [True, False, True, False, True]) == [True, True, False, True, False]


def test_a_word_that_ends_many_lines_is_told_to_the_line_after():
    lines = []
    for k in range(4):
        lines += [f"Author{k} A, Other B (200{k}) A title that runs on", f"to here. J Neurosci 2{k}:1-9. Medline"]
    feats = entry_features(measure_lines(lines), [False] * len(lines))
    assert "end_recurs" in feats[1] and "-1:end_recurs" in feats[2]
    assert "end_recurs" not in feats[0]
