"""Bytes to text: UTF-8, UTF-8 with BOM, then Windows-1252 (reported as a finding by the pipeline)."""

from __future__ import annotations

from audit.errors import UnreadableInput

# Share of control characters above which bytes are not a text document.
MAX_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f", "\v"}


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Return (text with LF line ends, encoding name); refuse empty and binary input."""
    if not data.strip():
        raise UnreadableInput(f"{name}: the file is empty")
    if b"\x00" in data[:8192]:
        raise UnreadableInput(f"{name}: looks like a binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            # cp1252 leaves five bytes undefined; latin-1 maps every byte, so nothing is lost.
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        raise UnreadableInput(f"{name}: looks like a binary file, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableInput(f"{name}: the file is empty")
    return text, encoding
