"""`citeaudit parse`, `train` and `eval` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.parse import parse_reference
from audit.parse.dataset import read_dataset
from cli import cli

ARTICLE = "Collins, Kathleen, \"Regionalism\", *Europe-Asia Studies*, vol. 61, no. 2, 2009, pp. 249-281."
NOTE = "D. Trenin, “Russia and Central Asia”, in E.B. Rumer (ed.), *Central Asia*, London, Routledge, 2007, p. 84."
TINY_DATASET = """<?xml version="1.0" encoding="UTF-8"?>
<dataset>
{}
</dataset>
"""
SEQUENCE = ("  <sequence><author>Smith, J.</author> <date>({year}).</date> <title>Water politics {n}.</title>"
            " <journal>Journal of Hydrology,</journal> <volume>{n}(3),</volume> <pages>45–67.</pages></sequence>\n"
            "  <sequence><author>Doe, A.</author> <title>Central Asia {n}.</title> <location>London:</location>"
            " <publisher>Routledge,</publisher> <date>{year}.</date></sequence>")


def _tiny_dataset(path: Path, count: int = 50) -> Path:
    body = "\n".join(SEQUENCE.format(year=1950 + n, n=n) for n in range(count))
    path.write_text(TINY_DATASET.format(body), encoding="utf-8")
    return path


def test_parse_file_prints_one_json_object_per_line(tmp_path: Path) -> None:
    source = tmp_path / "refs.txt"
    source.write_text(ARTICLE + "\n\n" + NOTE + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["parse", str(source), "--format", "json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["text"] for line in lines] == [ARTICLE, NOTE]
    assert lines[0]["type"] == "article"
    assert lines[0]["fields"]["author"] == ["Collins, Kathleen"]
    assert lines[0]["fields"]["pages"] == "249-281"
    assert "pinpoint" not in lines[0]


def test_parse_stdin_in_note_context_keeps_pinpoint() -> None:
    result = CliRunner().invoke(cli, ["parse", "-", "--context", "note"], input=NOTE + "\n")
    assert result.exit_code == 0, result.output
    line = json.loads(result.output)
    assert line["pinpoint"] == "84"
    assert line["type"] == "chapter"
    assert line["fields"]["editor"] == ["E.B. Rumer"]
    assert "pages" not in line["fields"]


def test_parse_output_matches_the_library() -> None:
    result = CliRunner().invoke(cli, ["parse"], input=ARTICLE + "\n")
    parsed = parse_reference(ARTICLE)
    assert json.loads(result.output)["fields"] == {k: list(v) if isinstance(v, tuple) else v
                                                   for k, v in parsed.fields.items()}


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["parse", "missing-refs.txt"], id="parse"),
        pytest.param(["train", "missing-data.xml", "-o", "x.crfsuite"], id="train"),
        pytest.param(["eval", "missing-data.xml"], id="eval"),
    ],
)
def test_missing_input_exits_3_with_one_line(args: list[str], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 3
    assert result.output.count("\n") == 1
    assert "missing-" in result.output


def test_unknown_context_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["parse", "-", "--context", "body"], input="x\n")
    assert result.exit_code == 2


def test_train_writes_a_model_that_tags(tmp_path: Path) -> None:
    data = _tiny_dataset(tmp_path / "tiny.xml")
    model = tmp_path / "tiny.crfsuite"
    result = CliRunner().invoke(cli, ["train", str(data), "-o", str(model)])
    assert result.exit_code == 0, result.output
    assert model.is_file() and model.stat().st_size > 0
    parsed = parse_reference("Smith, J. (1999). Water politics 7. Journal of Hydrology, 7(3), 45–67.",
                             model_path=model)
    assert parsed.fields["date"] == "1999"
    assert parsed.fields["container-title"] == "Journal of Hydrology"


def test_eval_prints_scores_per_label(tmp_path: Path) -> None:
    data = _tiny_dataset(tmp_path / "tiny.xml")
    assert len(read_dataset(data)) == 100
    result = CliRunner().invoke(cli, ["eval", str(data), "--folds", "2", "--limit", "60", "--notes", "0", "--csl", "0",
                                      "--iterations", "50"])
    assert result.exit_code == 0, result.output
    assert "2-fold within sources" in result.output
    assert "Leave one source out" not in result.output  # one source: nothing to leave out
    assert "2-fold cross-validation: 60 sequences" in result.output
    assert "Token level (AnyStyle labels)" in result.output
    assert "journal" in result.output and "container-title" in result.output
    assert "References entirely right" in result.output


GROBID_FILE = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><back><listBibl>
{}
</listBibl></back></text></TEI>
"""
BIBL = ('<bibl><author>K. Lee</author>, <title level="a">Flow in pipes {n}</title>, '
        '<title level="j">Phys. Rev.</title> <biblScope unit="volume">{n}</biblScope>, '
        '<biblScope unit="page">{n}01</biblScope> (<date>{year}</date>).</bibl>')


def test_eval_reports_each_source_and_leaves_each_out(tmp_path: Path) -> None:
    anystyle = _tiny_dataset(tmp_path / "tiny.xml", 20)
    grobid = tmp_path / "grobid"
    grobid.mkdir()
    (grobid / "refs.tei.xml").write_text(GROBID_FILE.format("\n".join(BIBL.format(n=n, year=1960 + n)
                                                                     for n in range(40))), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(anystyle), str(grobid), "--folds", "2", "--iterations", "30"])
    assert result.exit_code == 0, result.output
    within, left_out = result.output.split("Leave one source out")
    for source in ("anystyle", "grobid"):
        assert f"  {source} " in within and f"  {source} " in left_out
    assert "  anystyle/tiny " in within  # each AnyStyle file on its own, beside its family
    assert "anystyle/tiny" not in left_out.split("End to end")[0]  # a whole family is left out at a time
    assert "notes-" in within  # footnote variants rendered from the test folds are scored on their own
    assert "End to end" in result.output


def test_train_reads_several_formats(tmp_path: Path) -> None:
    anystyle = _tiny_dataset(tmp_path / "tiny.xml", 20)
    grobid = tmp_path / "refs.tei.xml"
    grobid.write_text(GROBID_FILE.format("\n".join(BIBL.format(n=n, year=1960 + n) for n in range(20))),
                      encoding="utf-8")
    model = tmp_path / "union.crfsuite"
    result = CliRunner().invoke(cli, ["train", str(anystyle), str(grobid), "-o", str(model), "--iterations", "50"])
    assert result.exit_code == 0, result.output
    parsed = parse_reference("K. Lee, Flow in pipes 77, Phys. Rev. 77, 7701 (1999).", model_path=model)
    assert parsed.fields["container-title"] == "Phys. Rev"
    assert parsed.fields["volume"] == "77"


def test_eval_can_run_only_the_first_fold(tmp_path: Path) -> None:
    data = _tiny_dataset(tmp_path / "tiny.xml")
    result = CliRunner().invoke(cli, ["eval", str(data), "--folds", "2", "--max-folds", "1", "--limit", "60",
                                      "--notes", "0", "--csl", "0", "--iterations", "30"])
    assert result.exit_code == 0, result.output
    assert "only the first 1 fold(s) tested" in result.output
    assert "2-fold cross-validation: 30 sequences" in result.output  # half of the 60 held out once


def test_eval_scores_a_given_model_without_training(tmp_path: Path) -> None:
    data = _tiny_dataset(tmp_path / "tiny.xml", 20)
    model = tmp_path / "m.crfsuite"
    assert CliRunner().invoke(cli, ["train", str(data), "-o", str(model), "--iterations", "30"]).exit_code == 0
    result = CliRunner().invoke(cli, ["eval", str(data), "--model", str(model), "--notes", "0"])
    assert result.exit_code == 0, result.output
    assert "The given model, without training" in result.output and "fold" not in result.stderr_bytes.decode()
    assert "End to end" in result.output
