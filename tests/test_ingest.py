"""ingest(): decoding, refusal of bad input with one-line reasons."""

from __future__ import annotations

import pytest

from audit.errors import UnreadableInput
from audit.ingest import ingest


def test_utf8_with_bom(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfCaf\xc3\xa9 text.\r\nSecond line.\r\n")
    doc = ingest(path)
    assert doc.encoding == "utf-8-sig"
    assert [line.text for line in doc.lines[:2]] == ["Café text.", "Second line."]


def test_cp1252_is_read_and_flagged(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Délétroz, “Quotes” – dash.\n".encode("cp1252"))
    doc = ingest(path)
    assert doc.encoding == "cp1252"
    assert doc.lines[0].text == "Délétroz, “Quotes” – dash."


@pytest.mark.parametrize("content, name, reason", [
    pytest.param(b"", "empty.txt", "empty", id="empty"),
    pytest.param(b"   \n\n  ", "blank.txt", "empty", id="whitespace-only"),
    pytest.param(b"\x00\x01\x02binary\x00", "bin.txt", "binary", id="nul-bytes"),
    pytest.param(bytes(range(1, 32)) * 50, "ctl.txt", "binary", id="control-characters"),
    pytest.param(b"text", "paper.xyz", "unsupported file type", id="unknown-suffix"),
])
def test_bad_input_is_refused_with_a_reason(tmp_path, content, name, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableInput, match=reason) as info:
        ingest(path)
    assert "\n" not in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(UnreadableInput, match="no such file"):
        ingest(tmp_path / "absent.txt")


def test_too_large_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(3 * 1024 * 1024)  # sparse: no real disk use
    with pytest.raises(UnreadableInput, match="larger than"):
        ingest(path, max_bytes=2 * 1024 * 1024)


def test_line_offsets_point_into_text(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("one\ntwo\n\nthree\n", encoding="utf-8")
    doc = ingest(path)
    assert doc.format == "markdown"
    for line in doc.lines:
        assert doc.text[line.start:line.start + len(line.text)] == line.text
