"""Zone training labels for the dev PDFs' layouts: gold reference strings found on printed lines, one
behaviour per case, with hard negatives (a citation in a footnote, a running head inside the list)."""

from __future__ import annotations

from audit.zoning.pdf_layouts import label_layout, reference_spans

GOLD = (
    "Adams, John (2001): Rivers and borders in central Europe. Journal of Water Policy 12(3), 45-67.",
    "Baker, Mary; Clark, Peter (1998): The politics of shared rivers. Oxford: Oxford University Press.",
    "Chen, Li (2010): Upstream and downstream. Water Review 4, 1-20.",
    "Dupont, Anne (2005): Les fleuves partagés et leurs commissions. Paris: PUF.",
)
PAGE = [
    "The river basin has been governed by treaties since the war (Adams 2001: 50).",  # 0
    "1 Chen, Li (2010): Upstream and downstream. Water Review 4, 1-20.",  # 1: a footnote citing one work
    "",  # 2
    "\fReferences",  # 3
    "Adams, John (2001): Rivers and borders in central Europe. Journal of Water",  # 4
    "   Policy 12(3), 45-67.",  # 5
    "Baker, Mary; Clark, Peter (1998): The politics of sha-",  # 6: a word broken at the line's end
    "   red rivers. Oxford: Oxford University Press.",  # 7
    "Working Paper 12 · page 14",  # 8: running head between two references
    "Chen, Li (2010): Upstream and downstream. Water Review 4, 1-20.",  # 9
    "Dupont, Anne (2005): Les fleuves partagés et leurs commissions. Paris: PUF.",  # 10
    "",  # 11
    "Bisher in dieser Reihe erschienen: No. 1/1988, No. 2/1988.",  # 12
]


def test_gold_strings_are_found_across_line_breaks_and_hyphens():
    spans = reference_spans(PAGE, GOLD)
    assert (4, 5) in spans and (6, 7) in spans and (10, 10) in spans


def test_a_gold_string_found_twice_is_taken_in_the_list_not_in_the_footnote():
    assert (9, 9) in reference_spans(PAGE, GOLD)
    assert (1, 1) not in reference_spans(PAGE, GOLD)


def test_a_gold_string_garbled_past_its_edges_is_not_found():
    assert reference_spans(["Adams, J. Rivers in Europe."], GOLD[:1]) == []


def test_list_lines_are_ref_and_the_rest_keep_the_model_labels_without_ref():
    model = ["text", "ref", "blank", "title", "text", "text", "ref", "ref", "meta", "ref", "ref", "blank", "ref"]
    labels = label_layout(PAGE, GOLD, model)
    assert labels[4:8] == ["ref"] * 4 and labels[9:11] == ["ref", "ref"]
    assert labels[8] == "meta"  # the running head inside the list stays one
    assert labels[1] == "text"  # a footnote's citation is not a reference list
    assert labels[12] == "text"  # the series list after the references: the model said ref, the gold says not
    assert labels[3] == "title" and labels[2] == labels[11] == "blank"


def test_a_line_between_found_strings_is_ref_unless_a_heading_or_running_head():
    model = ["text"] * len(PAGE)
    assert label_layout(PAGE, GOLD, model)[8] == "ref"  # the model saw no running head: a garbled reference


def test_fewer_than_three_strings_in_a_run_are_citations_not_a_list():
    model = ["text"] * len(PAGE)
    assert set(label_layout(PAGE, GOLD[:2], model)) <= {"text", "title", "blank"}


def test_a_gold_url_mangled_into_html_tags_is_still_found():
    # the corpus's gold strings carry an HTML parser's reading of their URLs; none of it is printed
    gold = ['Ortiz, Ana. 2013. Shared rivers. Water Blog, May 5 <http: www.water-blog.org="" posts="" 2013="" '
            'shared-<br="">rivers.html> (Accessed December 2, 2016).</http:>']
    lines = ["Ortiz, Ana. 2013. Shared rivers. Water Blog, May 5",
             "   <http://www.water-blog.org/posts/2013/shared-",
             "   rivers.html> (Accessed December 2, 2016)."]
    assert reference_spans(lines, gold) == [(0, 2)]
