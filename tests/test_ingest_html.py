"""audit/ingest/html_doc.py: footnotes (Pandoc, Hugo, Word, Wikipedia, Distill), boilerplate, reference lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import AuditConfig
from audit.ingest import ingest
from audit.pipeline import audit_document
from audit.render.json_report import report_to_dict
from tests.factories import title_only_parse


def audit_json(doc, validate_report) -> dict:
    report = audit_document(doc, AuditConfig(offline=True, no_urls=True), parse=title_only_parse)
    return validate_report(report_to_dict(report))


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


PANDOC = """<!DOCTYPE html>
<html><head><title>Trends</title><style>p { color: red }</style><script>var tracker = 1;</script></head>
<body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<header class="site-header"><p>My Policy Blog</p></header>
<aside class="sidebar"><p>Subscribe to our newsletter</p></aside>
<article>
<h1>Drug trends</h1>
<p>Opium production rose sharply<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>
in Afghanistan, as <a href="https://example.org/report">a report</a> shows.<a href="#fn2" class="footnote-ref"
id="fnref2" role="doc-noteref"><sup>2</sup></a></p>
<h2>References</h2>
<ul>
<li>UNODC (2008). <em>Illicit Drug Trends</em>. Vienna: United Nations. https://www.unodc.org/x.pdf</li>
<li>Smith, John (2004). A history of opium. Oxford: Oxford University Press.</li>
</ul>
</article>
<section class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr />
<ol>
<li id="fn1"><p>UNODC, <em>Illicit Drug Trends</em>, 2008, p. 12.<a href="#fnref1" class="footnote-back"
role="doc-backlink">↩︎</a></p></li>
<li id="fn2"><p>Smith, <em>History</em>, p. 4.<a href="#fnref2" class="footnote-back">↩︎</a></p></li>
</ol>
</section>
<footer><p>© 2024 Example</p></footer>
</body></html>
"""


def test_pandoc_footnotes_become_hints_and_leave_the_body(tmp_path, validate_report):
    doc = ingest(write(tmp_path, "trends.html", PANDOC))
    assert doc.format == "html" and doc.structured_notes
    assert [(h.number, h.text) for h in doc.note_hints] == [
        (1, "UNODC, *Illicit Drug Trends*, 2008, p. 12."), (2, "Smith, *History*, p. 4.")]
    assert [doc.text[m.span.start:m.span.end] for m in doc.marker_hints] == ["¹", "²"]
    body = "\n".join(line.text for line in doc.lines)
    assert "Opium production rose sharply¹ in Afghanistan, as a report <https://example.org/report> shows.²" in body
    assert "UNODC, *Illicit" not in body  # the note paragraphs are blanked out of the lines
    for junk in ("Home", "My Policy Blog", "Subscribe", "tracker", "color: red", "© 2024", "↩"):
        assert junk not in doc.text
    report = audit_json(doc, validate_report)
    assert report["document"]["format"] == "html"
    assert [n["number"] for n in report["notes"]] == [1, 2]
    assert [e["text"][:12] for e in report["bibliography"]] == ["UNODC (2008)", "Smith, John "]
    assert not [f for f in report["findings"] if f["rule"] in ("marker-without-note", "note-without-marker")]


def test_note_lines_point_at_the_note_text(tmp_path):
    doc = ingest(write(tmp_path, "trends.html", PANDOC))
    lines = doc.text.split("\n")
    for hint in doc.note_hints:
        assert doc.text[hint.span.start:hint.span.end] == hint.text
        assert lines[hint.span.line - 1].endswith(hint.text)


HUGO = """<html><body><main>
<p>Seizures fell.<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>
Prices rose.<sup id="fnref:2"><a href="#fn:2" class="footnote-ref" role="doc-noteref">2</a></sup></p>
</main>
<div class="footnotes" role="doc-endnotes"><hr><ol>
<li id="fn:1"><p>Jones, <em>Markets</em> (2010), 5.&#160;<a href="#fnref:1" class="footnote-backref"
role="doc-backlink">&#x21a9;&#xfe0e;</a></p></li>
<li id="fn:2"><p>Ibid., 7.&#160;<a href="#fnref:2" class="footnote-backref">&#x21a9;&#xfe0e;</a></p></li>
</ol></div></body></html>"""

WORD_EXPORT = """<html><body>
<p class=MsoNormal>The claim<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1"
title=""><span class=MsoFootnoteReference>[1]</span></a> stands.</p>
<div style='mso-element:footnote-list'><div style='mso-element:footnote' id=ftn1>
<p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span
class=MsoFootnoteReference>[1]</span></a> Id. at 12.</p></div></div></body></html>"""


@pytest.mark.parametrize("html, expected", [
    pytest.param(HUGO, [(1, "Jones, *Markets* (2010), 5."), (2, "Ibid., 7.")], id="hugo"),
])
def test_other_footnote_layouts(tmp_path, html, expected):
    doc = ingest(write(tmp_path, "page.html", html))
    assert [(h.number, h.text) for h in doc.note_hints] == expected
    assert [m.number for m in doc.marker_hints] == [n for n, _ in expected]


def test_word_html_export_without_sup_is_not_mistaken_for_notes(tmp_path):
    # Word's export puts the marker in a span, not <sup>: no guessing, the text is kept as written.
    doc = ingest(write(tmp_path, "word.htm", WORD_EXPORT))
    assert "The claim[1] stands." in doc.text


WIKIPEDIA = """<!DOCTYPE html><html><body>
<div id="mw-navigation"><a href="/wiki/Main_Page">Main page</a></div>
<div class="mw-parser-output">
<p>The city was founded in 1850.<sup id="cite_ref-smith_1-0" class="reference"><a
href="#cite_note-smith-1">[1]</a></sup>
It grew quickly.<sup id="cite_ref-2" class="reference"><a href="#cite_note-2">[2]</a></sup>
Later it shrank.<sup id="cite_ref-smith_1-1" class="reference"><a href="#cite_note-smith-1">[1]</a></sup></p>
<div class="mw-heading mw-heading2"><h2 id="References">References</h2><span class="mw-editsection">[<a
href="/w/index.php?action=edit">edit</a>]</span></div>
<div class="reflist"><ol class="references">
<li id="cite_note-smith-1"><span class="mw-cite-backlink">^ <a href="#cite_ref-smith_1-0"><sup><i><b>a</b></i></sup></a>
<a href="#cite_ref-smith_1-1"><sup><i><b>b</b></i></sup></a></span> <span class="reference-text"><cite
class="citation book cs1">Smith, John (2004). <i>A History of the City</i>. Oxford University Press.
p.&#160;12.</cite></span></li>
<li id="cite_note-2"><span class="mw-cite-backlink"><b><a href="#cite_ref-2">^</a></b></span> <span
class="reference-text"><cite class="citation web cs1"><a class="external text"
href="http://www.city.example/history.html">"City history"</a>. City Council. <a class="external text"
href="https://web.archive.org/web/20110514093000/http://www.city.example/history.html">Archived</a> from the
original on 14 May 2011<span class="reference-accessdate">. Retrieved <span class="nowrap">12 May</span>
2011</span>.</cite></span></li>
</ol></div>
<div class="navbox"><a href="/wiki/Other">Other cities of the region</a></div>
</div></body></html>"""


def test_wikipedia_cite_notes_keep_archive_urls_and_dates(tmp_path, validate_report):
    doc = ingest(write(tmp_path, "city.html", WIKIPEDIA))
    assert [h.number for h in doc.note_hints] == [1, 2]
    first, second = doc.note_hints
    assert first.text == "Smith, John (2004). *A History of the City*. Oxford University Press. p. 12."
    assert "<http://www.city.example/history.html>" in second.text
    assert "<https://web.archive.org/web/20110514093000/http://www.city.example/history.html>" in second.text
    assert "Retrieved 12 May 2011" in second.text
    # the reused ref [1] shows twice in the text but counts as one marker (no false duplicate finding)
    assert doc.text.count("¹") >= 2
    assert [m.number for m in doc.marker_hints] == [1, 2]
    for junk in ("Main page", "edit", "Other cities", "^"):
        assert junk not in "\n".join(line.text for line in doc.lines)
    report = audit_json(doc, validate_report)
    assert not [f for f in report["findings"] if f["rule"] == "note-numbering"]


DISTILL = """<!doctype html><html><head><script src="https://distill.pub/template.v2.js"></script></head><body>
<d-front-matter><script type="text/json">{"title": "Attention"}</script></d-front-matter>
<d-title><h1>Attention and Augmented RNNs</h1></d-title>
<d-article>
<p>Neural networks<d-cite key="olah2015,graves2014"></d-cite> can attend.<d-footnote>Formally, a soft
alignment; see <d-cite key="bahdanau2014"></d-cite>.</d-footnote> They also forget<d-cite key="ghost2020"></d-cite>.</p>
</d-article>
<d-appendix></d-appendix>
<script type="text/bibliography">
@article{olah2015, title={Understanding LSTM Networks}, author={Olah, Chris}, year={2015},
  url={https://colah.github.io/posts/2015-08-Understanding-LSTMs/}}
@article{graves2014, title={Neural Turing Machines}, author={Graves, Alex and Wayne, Greg}, journal={arXiv},
  year={2014}}
@inproceedings{bahdanau2014, title={Neural machine translation by jointly learning to align},
  author={Bahdanau, Dzmitry}, booktitle={ICLR}, year={2015}}
@book{unused2000, title={Never Cited}, author={Nobody, A.}, year={2000}, publisher={Press}}
</script>
<d-bibliography src="extra.bib"></d-bibliography>
</body></html>"""


def test_distill_cites_footnotes_and_bibliography(tmp_path, validate_report):
    write(tmp_path, "extra.bib", "@misc{extra1, title={Extra entry}, year={2019}}\n")
    doc = ingest(write(tmp_path, "attention.html", DISTILL))
    # in text order: the body, then the notes laid out after it
    assert [c.keys for c in doc.key_citations] == [("olah2015", "graves2014"), ("ghost2020",), ("bahdanau2014",)]
    assert [c.note for c in doc.key_citations] == [None, None, 1]
    assert doc.text[doc.key_citations[0].span.start:doc.key_citations[0].span.end] == "[olah2015; graves2014]"
    assert [(h.number, h.text) for h in doc.note_hints] == [(1, "Formally, a soft alignment; see [bahdanau2014].")]
    assert [e.key for e in doc.bib_entries] == ["olah2015", "graves2014", "bahdanau2014", "unused2000", "extra1"]
    assert doc.bib_sources == (str(tmp_path / "extra.bib"),)
    report = audit_json(doc, validate_report)
    assert len(report["bibliography"]) == 5
    assert report["bibliography"][0]["text"].startswith("Olah, Chris (2015). Understanding LSTM Networks.")


def test_distill_key_rules(tmp_path):
    from audit.extract.bibliography import extract_bibliography
    from audit.extract.notes import extract_notes
    from audit.rules.context import AuditContext
    from audit.rules.ingest_rules import check_keys_not_in_bibliography

    doc = ingest(write(tmp_path, "attention.html", DISTILL.replace('<d-bibliography src="extra.bib"></d-bibliography>',
                                                                   "")))
    bib = extract_bibliography(doc)
    ctx = AuditContext(document=doc, notes=extract_notes(doc), bibliography=bib)
    missing = list(check_keys_not_in_bibliography(ctx))
    assert [(f.rule, f.values) for f in missing] == [("not-in-bibliography", ("ghost2020",))]


def test_missing_distill_bib_file_is_an_unreadable_part(tmp_path):
    doc = ingest(write(tmp_path, "attention.html", DISTILL))
    assert [(p.what, p.reason[:14]) for p in doc.parts_unreadable] == [("bibliography file 'extra.bib'",
                                                                        "cannot be read")]


def test_reference_list_items_are_one_paragraph_each(tmp_path):
    html = """<html><body><p>Body text.</p><h2>Works cited</h2><ol>
<li>Adams, A. (2001). <i>First book</i>. London: Verso.</li>
<li>Baker, B. (2002). Second article. <i>Journal</i> 3(2): 1–9. <a href="https://doi.org/10.1/x">doi</a></li>
</ol><h2>Further reading</h2><ul><li>Clark, C. (2003). Third. Paris: Seuil.</li></ul></body></html>"""
    doc = ingest(write(tmp_path, "refs.html", html))
    paragraphs = [p for p in doc.text.split("\n\n")]
    assert "1. Adams, A. (2001). *First book*. London: Verso." in paragraphs  # <ol> numbers as shown
    assert "2. Baker, B. (2002). Second article. *Journal* 3(2): 1–9. doi <https://doi.org/10.1/x>" in paragraphs
    assert "Clark, C. (2003). Third. Paris: Seuil." in paragraphs


def test_html_without_notes_is_not_structured(tmp_path):
    doc = ingest(write(tmp_path, "plain.html", "<html><body><p>Just text, 12 things.</p></body></html>"))
    assert doc.text == "Just text, 12 things."
    assert not doc.structured_notes and doc.note_hints == ()


def test_unlinked_superscripts_and_a_typed_notes_list_reach_the_text_extractor(tmp_path):
    from audit.extract.notes import extract_notes

    html = """<html><body><p>Production rose.<sup>1</sup> Prices fell.<sup>2</sup></p>
<h2>Notes</h2><ol><li>UNODC, Illicit Drug Trends, 2008, p. 12.</li><li>Smith, History, 2004, p. 4.</li></ol>
</body></html>"""
    doc = ingest(write(tmp_path, "typed.html", html))
    assert not doc.structured_notes
    assert "Production rose.¹ Prices fell.²" in doc.text
    assert "1. UNODC, Illicit Drug Trends, 2008, p. 12." in doc.text.split("\n")
    notes = extract_notes(doc)
    assert [(n.number, n.text) for n in notes.notes] == [(1, "UNODC, Illicit Drug Trends, 2008, p. 12."),
                                                        (2, "Smith, History, 2004, p. 4.")]
    assert [m.number for m in notes.markers] == [1, 2]


def test_ordered_list_numbers_follow_start_and_value(tmp_path):
    html = '<html><body><ol start="4"><li>Four</li><li>Five</li><li value="9">Nine</li><li>Ten</li></ol></body></html>'
    doc = ingest(write(tmp_path, "list.html", html))
    assert doc.text.split("\n\n") == ["4. Four", "5. Five", "9. Nine", "10. Ten"]


def test_deeply_nested_unclosed_tags_are_read(tmp_path):
    html = "<html><body>" + "<font>word " * 3000 + "</body></html>"
    doc = ingest(write(tmp_path, "old.html", html))
    assert doc.text.split() == ["word"] * 3000


WORDPRESS = """<html><body><div class="entry-content">
<p>Seizures fell<sup data-fn="9f2c" class="fn"><a href="#9f2c" id="9f2c-link">1</a></sup> sharply.</p>
<ol class="wp-block-footnotes"><li id="9f2c">Jones, <em>Markets</em>, 2010, p. 5. <a href="#9f2c-link"
aria-label="Jump to footnote reference 1">↩︎</a></li></ol></div></body></html>"""

TUFTE = """<html><body><article><section>
<p>Prices rose<label for="sn-1" class="margin-toggle sidenote-number"></label><input type="checkbox" id="sn-1"
class="margin-toggle"/><span class="sidenote">Smith, <em>History</em>, 2004, p. 4.</span> in 2007.</p>
</section></article></body></html>"""


@pytest.mark.parametrize("html, expected_note, expected_body", [
    pytest.param(WORDPRESS, "Jones, *Markets*, 2010, p. 5.", "Seizures fell¹ sharply.", id="wordpress-core"),
    pytest.param(TUFTE, "Smith, *History*, 2004, p. 4.", "Prices rose¹ in 2007.", id="tufte-sidenote"),
])
def test_wordpress_and_sidenote_footnotes(tmp_path, html, expected_note, expected_body):
    doc = ingest(write(tmp_path, "post.html", html))
    assert [(h.number, h.text) for h in doc.note_hints] == [(1, expected_note)]
    assert expected_body in doc.text.split("\n")


def test_an_articles_own_header_is_kept_but_the_site_header_is_not(tmp_path):
    html = """<html><body><header><p>Site name and menu</p></header><article><header><h1>Drug trends in 2008</h1>
<p>By A. Author, 12 May 2009</p></header><p>Body.</p><footer><p>Published in Policy Brief 3.</p></footer></article>
<footer><p>Site footer</p></footer></body></html>"""
    doc = ingest(write(tmp_path, "article.html", html))
    assert doc.text.split("\n\n") == ["Drug trends in 2008", "By A. Author, 12 May 2009", "Body.",
                                      "Published in Policy Brief 3."]
