"""Named regular expressions of the registry stage: identifiers as written in citations."""

from __future__ import annotations

import re

# A DOI written with its cue: "doi:10.1000/xyz", "DOI 10.1000/xyz", "https://doi.org/10.1000/xyz",
# "dx.doi.org/…". The token after the cue is taken whole, so a damaged DOI is seen (and reported).
DOI_CUED = re.compile(r"(?:\bdoi\s*[:=]?\s*|(?:https?://)?(?:dx\.)?doi\.org/)(?P<token>10[^\s\"<>{}]*)", re.I)
# A bare DOI with no cue: only the valid shape counts, so "10.5/3" in running text is not a DOI.
DOI_BARE = re.compile(r"(?<![\w/.])(?P<token>10\.\d{4,9}/[^\s\"<>{}]+)")
# The DOI syntax (Crossref's recommended pattern, which matches nearly all DOIs ever registered):
# "10." + a registrant code of 4-9 digits (optionally with sub-codes) + "/" + a printable suffix.
DOI_VALID = re.compile(r"^10\.\d{4,9}(?:\.\d+)*/[-._;()/:<>\[\]A-Za-z0-9+#%~@&=?!*',$]+$")
# A line break inside a DOI (PDF conversion): the part before ends where a DOI cannot end, or the part
# after has the look of a DOI suffix (no capital start, digits or dots inside).
# The rest of a DOI cut after its prefix or its "/" ("10.12759/ hsr.40.2015.4.7-31", "doi:10 .1088/…").
DOI_PIECE = re.compile(r"^[./]?[A-Za-z0-9][^\s\"<>{}]*")
DOI_CONTINUATION = re.compile(r"^[a-z0-9][a-z0-9._;()/\-]*[0-9][a-z0-9._;()/\-]*")

# The registrant part of a DOI: "10." + four to nine digits, optionally with sub-codes ("10.1000.10").
DOI_PREFIX = re.compile(r"^10\.\d{4,9}(?:\.\d+)*$")
# Whitespace that may cut a DOI: spaces with at most one line break, or exactly a line break.
DOI_GAP = re.compile(r"[ \t]*\n?[ \t]*")
DOI_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
# A piece that carries a DOI's tail (a digit or a dot), and a plain word that does not ("Smith,").
DOI_TAIL_MARK = re.compile(r"[\d.]")
PLAIN_WORD = re.compile(r"^[a-z]+[.,;:]?$")
# A "doi" anywhere in a field's value ("doi:10…", "https://doi.org/10…").
DOI_WORD = re.compile(r"doi", re.I)

# "ISBN 978-0-19-953556-9", "ISBN-10: 0-19-953556-X", "ISBN: 0 19 953556 X"
ISBN_CUED = re.compile(r"\bISBN(?:-?1[03])?\s*:?\s*(?P<token>[0-9Xx][0-9Xx \-‐–]{7,20}[0-9Xx])", re.I)

ISBN10_SHAPE = re.compile(r"^\d{9}[\dX]$")
ISBN13_SHAPE = re.compile(r"^97[89]\d{10}$")
NOT_ISBN_DIGIT = re.compile(r"[^0-9X]")

# "arXiv:1706.03762v5", "arXiv preprint arXiv:1706.03762", "arxiv.org/abs/1706.03762", "arXiv:hep-th/9901001"
ARXIV = re.compile(r"(?:\barxiv\s*[:.]?\s*|arxiv\.org/(?:abs|pdf)/)"
                   r"(?P<token>\d{4}\.\d{4,5}(?:v\d+)?|[a-z\-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)", re.I)
ARXIV_NEW = re.compile(r"^(?P<yy>\d{2})(?P<mm>\d{2})\.\d{4,5}(?:v\d+)?$")
ARXIV_VERSION = re.compile(r"v\d+$")

# "PMID: 12345678", "PubMed PMID 12345678"
PMID = re.compile(r"\bPMID\s*:?\s*(?P<token>\d{1,8})\b")

# "hdl:1721.1/12345", "http://hdl.handle.net/10419/12345"
HANDLE = re.compile(r"(?:\bhdl\s*:\s*|(?:https?://)?hdl\.handle\.net/)(?P<token>\d+(?:\.\d+)*/[^\s\"<>,;]+)", re.I)

# "urn:nbn:de:bvb:19-146642" (RFC 8458): a country (or ISO 3166 code) namespace and a national part.
URN_NBN = re.compile(r"\burn:nbn:(?P<token>[a-z]{2}(?:-[a-z0-9]+)?:[a-z0-9:._\-]+[a-z0-9])", re.I)

# Characters that end a written identifier but belong to the sentence around it.
TRAILING = ".,;:)]}'\"’”»"

# Cue words each pattern above cannot match without, scanned first because most citations have no
# identifier at all and the patterns are slow to fail. Case-insensitive regexes rather than str.lower(),
# so the scan accepts whatever the pattern's re.I accepts (the dotless ı, the Kelvin sign K).
ISBN_CUE = re.compile("isbn", re.I)
ARXIV_CUE = re.compile("arxiv", re.I)
HANDLE_CUE = re.compile("hdl", re.I)
URN_NBN_CUE = re.compile("urn:nbn", re.I)
