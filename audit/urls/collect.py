"""Find URLs as written, repair PDF/converter damage, normalise, and read access dates. Pure."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit, urlunsplit

from audit.dates import date_at
from audit.findings import Location
from audit.urls import url_patterns as P
from audit.urls.records import UrlRef

MAX_LINE_JOINS = 4  # a URL longer than five printed lines is vanishingly rare; stops runaway joins
ACCESS_DATE_REACH = 300  # characters between a URL and its access date; a note rarely puts more between
DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21}
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


@dataclass(frozen=True, slots=True)
class UrlSite:
    """A piece of document text that may contain URLs (a note, a bibliography entry, a paragraph)."""

    text: str
    location: Location


@dataclass(frozen=True, slots=True)
class _Found:
    written: str
    start: int
    end: int
    wrapped: bool  # inside <…>: the brackets are a wrapper, not damage


def collect_urls(sites: Iterable[UrlSite]) -> tuple[UrlRef, ...]:
    """Every URL occurrence in the sites, in order, repaired and normalised, with its access date."""
    refs: list[UrlRef] = []
    for site in sites:
        urls = find_urls(site.text)
        dates = find_access_dates(site.text) if urls else []  # most sites hold no URL: no date to look for
        for found in urls:
            location = site.location
            if location.kind == "body" and location.line is not None:
                location = replace(location, line=location.line + site.text.count("\n", 0, found.start))
            normalised, repairs, alternates = repair_url(found.written, wrapped=found.wrapped)
            refs.append(UrlRef(written=found.written, normalised=normalised, repairs=repairs,
                               alternates=alternates, accessed=pick_access_date(dates, found.start, found.end),
                               location=location, offset=found.start))
    return tuple(refs)


def split_paragraphs(text: str, first_line: int = 1) -> tuple[UrlSite, ...]:
    """Blank-line separated paragraphs as body sites (for inputs no extractor has structured)."""
    sites: list[UrlSite] = []
    for match in P.PARAGRAPH.finditer(text):
        line = first_line + text.count("\n", 0, match.start())
        sites.append(UrlSite(match.group(0), Location.body(line)))
    return tuple(sites)


def as_written(joined: str, raw: str) -> str:
    """The site text to search for URLs: the document's own lines (`raw`) when they hold the same text as the
    extractor's one-line `joined` form, line breaks aside. Joining drops a hyphen at a line end as a word
    break ("infor-" + "mation"); inside a URL that hyphen is as likely the URL's own ("…/central-" +
    "asia-strategy.html"), and only the line break lets repair_url try both readings."""
    if raw == joined or "\n" not in raw:
        return joined
    flat = P.WHITESPACE.sub("", joined)
    if P.WHITESPACE.sub("", raw) == flat or P.WHITESPACE.sub("", P.HYPHEN_LINE_BREAK.sub("", raw)) == flat:
        return raw
    return joined


# ---- finding ------------------------------------------------------------------------------------


def find_urls(text: str) -> list[_Found]:
    """URLs as written: angle-wrapped ones first, then scheme or www. starts, joined across line breaks."""
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []
    for m in P.ANGLE_WRAPPED.finditer(text):
        found.append(_Found(m.group(1).strip(), m.start(1), m.end(1), wrapped=True))
        taken.append((m.start(), m.end()))
    for m in P.URL_START.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        end = _extend(text, m.start())
        written = _strip_trailing(text[m.start():end])
        if len(written) <= len(m.group(0)):
            continue
        found.append(_Found(written, m.start(), m.start() + len(written), wrapped=False))
        taken.append((m.start(), m.start() + len(written)))
    return sorted(found, key=lambda f: f.start)


def _extend(text: str, start: int) -> int:
    """End of the URL starting at `start`, following it over line breaks and inner spaces."""
    end = P.URL_CHARS.match(text, start).end()  # type: ignore[union-attr]  # URL_START guarantees a char
    for _ in range(MAX_LINE_JOINS):
        gap = P.JOIN_GAP.match(text, end)
        assert gap is not None  # the pattern also matches the empty string
        nxt = gap.end()
        token = P.URL_CHARS.match(text, nxt)
        if nxt == end or token is None or P.URL_START.match(text, nxt):
            break
        if not _continues(text[start:end], _strip_trailing(token.group(0)), "\n" in gap.group(0)):
            break
        end = token.end()
    return end


def _continues(current: str, token: str, line_break: bool) -> bool:
    """Is `token` the rest of the URL `current`, cut by a line break or a space?"""
    if not token or token.lower() in P.PROSE_SLASH_WORDS:
        return False
    has_path = "/" in current.split("//", 1)[-1]
    complete = bool(P.FILE_END.search(current))  # ends in a file name: a likely end of the URL
    starts_low = not token[0].isupper()
    if line_break:
        if current[-1] in "-/_=&?%#~":  # a line cannot end a URL there: the next line continues it
            return starts_low or bool(P.URLISH.search(token))
        return has_path and not complete and starts_low and bool(P.CONTINUATION.fullmatch(token))
    # A space inside a URL is rarer than prose after one: join only a trailing file name ("a b/c.pdf").
    return has_path and not complete and starts_low and "/" in token and bool(P.FILE_END.search(token))


def _strip_trailing(url: str) -> str:
    """Drop sentence punctuation and unbalanced closing brackets (GFM autolink rule)."""
    while url:
        last = url[-1]
        if last in P.TRAILING_PUNCTUATION:
            url = url[:-1]
        elif last in ")]}" and url.count({")": "(", "]": "[", "}": "{"}[last]) < url.count(last):
            url = url[:-1]
        else:
            break
    return url


# ---- repairing ----------------------------------------------------------------------------------


def repair_url(written: str, *, wrapped: bool = False) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    """(normalised URL or None, repairs made, alternate readings to try if it fails)."""
    repairs: list[str] = []
    alternates: list[str] = []
    url = written
    if "\n" in url:
        joined = P.LINE_BREAK.sub("", url)
        if P.HYPHEN_LINE_BREAK.search(url):
            alternates.append(P.HYPHEN_LINE_BREAK.sub("", url))
            repairs.append("line break (after a hyphen) inside the URL")
        else:
            repairs.append("line break inside the URL")
        url = joined
    cleaned = P.INVISIBLES.sub("", unicodedata.normalize("NFKC", url))
    if cleaned != url:
        repairs.append("PDF artefacts (ligature, soft hyphen or invisible character)")
        url = cleaned
        alternates = [P.INVISIBLES.sub("", unicodedata.normalize("NFKC", a)) for a in alternates]
    if P.WHITESPACE.search(url):
        url = P.WHITESPACE.sub("%20", url.strip())
        alternates = [P.WHITESPACE.sub("%20", a.strip()) for a in alternates]
        repairs.append("spaces inside the URL")
    url, scheme_repair = _repair_scheme(url)
    alternates = [_repair_scheme(a)[0] for a in alternates]
    if scheme_repair:
        repairs.append(scheme_repair)
    mended = reencode_entities(url)
    if mended != url:
        repairs.append(_describe_entity_damage(url))
        url = mended
        alternates = [reencode_entities(a) for a in alternates]
    normalised = normalise_url(url)
    if normalised is None:
        return None, tuple(repairs), ()
    split = urlsplit(normalised)
    if "//" in split.path:
        repairs.append("doubled slash in the path")
        collapsed = P.DOUBLED_SLASH.sub("/", split.path)
        alternates.append(urlunsplit(split._replace(path=collapsed)))
    readings = tuple(dict.fromkeys(n for n in (normalise_url(a) for a in alternates) if n and n != normalised))
    return normalised, tuple(repairs), readings


def _repair_scheme(url: str) -> tuple[str, str | None]:
    if P.BARE_WWW.match(url):
        return "http://" + url, "missing scheme"
    match = P.SCHEME_TYPO.match(url)
    if match is None:
        return url, None
    scheme = "https" if match.group(0).lower().rstrip(":/").endswith("s") else "http"
    if url[:3].lower() == "ftp":
        scheme = "ftp"
    fixed = f"{scheme}://{url[match.end():]}"
    if fixed.lower() == url.lower():
        return url, None
    return fixed, "damaged scheme (e.g. 'http//' or 'htp://')"


def _describe_entity_damage(url: str) -> str:
    """"HTML entity damage: '§ion=' was '&section='" for the first damaged parameter."""
    query = url.partition("?")[2]
    m = P.ENTITY_MOJIBAKE.search(query)
    if m is None:
        return "HTML entity damage"
    rest = P.PARAMETER_NAME.match(query, m.end())
    tail = rest.group(0) if rest else ""
    return f"HTML entity damage: '{m.group(1)}{tail}' was '&{P.ENTITY_MOJIBAKE_TABLE[m.group(1)]}{tail}'"


def reencode_entities(url: str) -> str:
    """Undo legacy-entity decoding in the query: '?id=1§ion=2' -> '?id=1&section=2'."""
    base, sep, query = url.partition("?")
    if not sep:
        return url
    return base + sep + P.ENTITY_MOJIBAKE.sub(lambda m: "&" + P.ENTITY_MOJIBAKE_TABLE[m.group(1)], query)


def normalise_url(url: str) -> str | None:
    """RFC 3986 §6.2.2 normal form for checking and de-duplicating; None if it is not a usable URL."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in ("http", "https", "ftp", "ftps") or not host:
        return None
    if not host.isascii():  # the IDNA codec is slow, and an ASCII host has nothing to encode
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    if not P.HOST_NAME.match(host):
        return None
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    path = _normalise_escapes(_remove_dot_segments(parts.path or "/"))
    return urlunsplit((scheme, netloc, path, parts.query, parts.fragment))


def _remove_dot_segments(path: str) -> str:
    if "/." not in path and not path.startswith("."):
        return path
    trailing = path.endswith(("/", "/.", "/.."))
    cleaned = posixpath.normpath(path)
    if cleaned.startswith("//"):  # normpath keeps a leading '//' (POSIX); a URL path does not need it
        cleaned = "/" + cleaned.lstrip("/")
    return cleaned + "/" if trailing and cleaned != "/" else cleaned


def _normalise_escapes(path: str) -> str:
    def fix(m: re.Match[str]) -> str:
        char = chr(int(m.group(1), 16))
        return char if char in _UNRESERVED else "%" + m.group(1).upper()

    return P.PERCENT_ESCAPE.sub(fix, path)


# ---- access dates -------------------------------------------------------------------------------


def find_access_dates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO date) for each 'accessed on …'-style phrase in the text."""
    dates: list[tuple[int, int, str]] = []
    for phrase in P.ACCESS_PHRASE.finditer(text):
        at = P.ACCESS_GAP.match(text, phrase.end()).end()  # type: ignore[union-attr]  # matches empty
        written = date_at(text, at)
        # Only 19xx and 20xx years, as no web page is older: "viewed 1600 times" is a count, not a date.
        if written and written.year >= 1900:
            dates.append((phrase.start(), written.end, written.iso))
    return dates


def pick_access_date(dates: Sequence[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The access date nearest the URL, before or after it, within reach."""
    best: tuple[int, str] | None = None
    for d_start, d_end, iso in dates:
        distance = start - d_end if d_end <= start else d_start - end if d_start >= end else 0
        if distance <= ACCESS_DATE_REACH and (best is None or distance < best[0]):
            best = (distance, iso)
    return best[1] if best else None
