"""`citeaudit bib`: one entry per work, round-trips through pybtex, ASCII mode."""

from __future__ import annotations

from click.testing import CliRunner

from audit.bibtex_export import read_bibtex
from cli import cli
from tests.conftest import SEED_PAPER, seed_path

PAPER = ("A claim.¹ Another.² A third.³\n\n¹ J. Müller, *Wasser und Macht*, Berlin, Suhrkamp, 2001, p. 3.\n\n"
         "² United Nations Office on Drugs and Crime (UNODC), “World Drug Report 2010”, Vienna, 2010, p. 32.\n\n"
         "³ Ibid., p. 40.\n\nBibliography\n\nMüller, Jan, *Wasser und Macht*, Berlin, Suhrkamp, 2001.\n\n"
         "Brown, Bob, *Unused Book*, Paris, Seuil, 1999.\n")


def test_bib_writes_one_entry_per_work(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(PAPER, encoding="utf-8")
    out = tmp_path / "paper.bib"
    result = CliRunner().invoke(cli, ["bib", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    entries = read_bibtex(out.read_text(encoding="utf-8"))
    assert [(key, kind) for key, kind, _, _ in entries] == [
        ("muller2001wasser", "book"), ("unodc2010world", "techreport"), ("brown1999unused", "book")]
    _, _, fields, persons = entries[1]
    assert persons["author"] == ["United Nations Office on Drugs and Crime (UNODC)"]
    assert fields["title"] == "World Drug Report 2010"


def test_bib_ascii_escapes_accents(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(PAPER, encoding="utf-8")
    result = CliRunner().invoke(cli, ["bib", str(path), "--ascii"])
    assert result.exit_code == 0
    assert result.stdout.isascii() and '{\\"u}' in result.stdout


def test_bib_of_the_seed_round_trips():
    result = CliRunner().invoke(cli, ["bib", str(seed_path(SEED_PAPER))])
    assert result.exit_code == 0, result.output
    entries = read_bibtex(result.stdout)
    keys = [key for key, _, _, _ in entries]
    assert len(keys) == len(set(keys)) == 67  # one per work: 60 entries minus 0 duplicates, plus 7 unlisted works
    titles = {fields.get("title") for _, _, fields, _ in entries}
    assert "Matrioshka hegemony? Multi-levelled hegemonic competition and security in post-Soviet Central Asia" \
        in titles


def test_bib_missing_file_is_exit_3(tmp_path):
    result = CliRunner().invoke(cli, ["bib", str(tmp_path / "nope.txt")])
    assert result.exit_code == 3 and "no such file" in result.stderr
