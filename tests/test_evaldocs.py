"""eval-docs: the corpus readers, the measures, and one real document when ../shared is present."""

from __future__ import annotations

from click.testing import CliRunner

from audit.evaldocs import evaluate_documents
from audit.evaldocs.corpus import read_refsection, read_ttx
from audit.evaldocs.measures import Counts, compare_sets, found_references, same_entry
from audit.evaldocs.table import format_results
from cli import cli
from tests.conftest import shared_path


def test_ttx_labels_hold_until_the_next_label_and_blank_lines_are_blank(tmp_path):
    path = tmp_path / "doc.ttx"
    path.write_text("title         | References\n"
                    "blank         |\n"
                    "ref           | Smith, J. 2001. Rivers.\n"
                    "              |     Oxford: Clarendon.\n"
                    "              |\n"
                    "text          | Body again.\n", encoding="utf-8")
    doc = read_ttx(path)
    assert doc.labels == ("title", "blank", "ref", "ref", "blank", "text")
    assert doc.lines[3] == "    Oxford: Clarendon."


def test_refsection_entries_start_on_their_own_lines(tmp_path):
    path = tmp_path / "x.tei.xml"
    path.write_text('<tei><text><listBibl><bibl>Smith, J. 2001. Ri-<lb/>vers. Oxford.<lb/></bibl>'
                    '<bibl><label>[2]</label> Jones, K. 2003. Fire.</bibl><bibl>Lee, A. 2004. Air.<lb/></bibl>'
                    '</listBibl></text></tei>', encoding="utf-8")
    section = read_refsection(path)
    assert section.name == "x"
    assert [section.lines[a:b + 1] for a, b in section.entries] == [
        ("Smith, J. 2001. Ri-", "vers. Oxford."), ("[2] Jones, K. 2003. Fire.",), ("Lee, A. 2004. Air.",)]


def test_counts_and_set_comparison():
    counts = compare_sets({1, 2, 3}, {2, 3, 4, 5})
    assert counts == Counts(2, 1, 2)
    assert round(counts.precision, 3) == 0.667 and counts.recall == 0.5 and round(counts.f1, 3) == 0.571


def test_same_entry_ignores_white_space_and_line_end_hyphens_only():
    assert same_entry("Smith, J. 2001. Rivers. Oxford.", ["Smith, J. 2001. Ri-", "vers. Oxford."])
    assert not same_entry("Smith, J. 2001. Rivers.", ["Smith, J. 2001. Rivers. Oxford."])


def test_a_merged_entry_finds_one_gold_reference_not_two():
    gold = ["Smith, John. 2001. Rivers and borders. Oxford: Clarendon.",
            "Jones, Kate. 2003. Fire and ice. London: Verso."]
    assert found_references(gold, [" ".join(gold)]) == 1
    assert found_references(gold, gold[::-1]) == 2
    assert found_references(gold, ["Smith, John. 2001."]) == 0  # too few of its words


def test_one_real_refsection_through_the_pipeline():
    root = shared_path("data", "dev")
    results = evaluate_documents(root, ("refsections",), limit=2)
    assert len(results) == 2 and all(r.boundaries is not None for r in results)
    assert sum(r.boundaries.tp for r in results) > 0
    assert "refsections total" in format_results(results)


def test_cli_eval_docs_refuses_a_missing_corpus(tmp_path):
    result = CliRunner().invoke(cli, ["eval-docs", str(tmp_path / "nowhere")])
    assert result.exit_code == 3 and "no development corpus" in result.output
