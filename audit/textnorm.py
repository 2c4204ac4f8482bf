"""Text folding and comparison keys: accents, quotes, dashes, case, leading articles."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
                         "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\u00a0": " "})
# Superscript digits are how PDFs and Word print note markers (¹²); readers and rules convert with these.
TO_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
FROM_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_LEADING_ARTICLES = re.compile(r"^(?:the|a|an|le|la|les|l'|un|une|der|die|das|ein|eine|el|los|las|il|lo|gli|"
                               r"i|uno|una)\s+", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_MARKUP = re.compile(r"[*_]{1,2}")


def strip_accents(text: str) -> str:
    if text.isascii():
        return text  # nothing to decompose: most names and titles, and the character loop below is costly
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise_punctuation(text: str) -> str:
    return text.translate(_QUOTES)


@lru_cache(maxsize=1 << 16)  # names and titles repeat across a bibliography; folding is the hot spot
def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free, single-spaced: for comparing, never for display."""
    text = strip_accents(normalise_punctuation(_MARKUP.sub("", text))).casefold()
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()


def sort_key(text: str) -> str:
    """Alphabetical sort key: leading quotes and articles ignored, accents folded."""
    folded = fold(text)
    return _LEADING_ARTICLES.sub("", folded)


_ARTICLE_BEFORE_QUOTE = re.compile(r"^(?:the|a|an|le|la|les|l'|der|die|das|el|il)\s+(?=[\"“«„])", re.IGNORECASE)


def clean_title(text: str) -> str:
    """A title as a reader would name it: markup, enclosing quotes and trailing punctuation removed.

    An article in front of the opening quote ('The "Joint Declaration…" is available at') belongs to
    the sentence around the title, not to the title."""
    text = _ARTICLE_BEFORE_QUOTE.sub("", _MARKUP.sub("", text).strip())
    text = text.strip(" \"“”«»‘’'").strip()
    return text.rstrip(" ,.;:").strip()


_LETTER_SPACED = re.compile(r"(?:\w )+\w")
MIN_LETTER_SPACED_LETTERS = 6
_WORD_GAP = re.compile(r"\s{2,}")
MAX_LETTER_SPACED_CHARS = 80


def join_letter_spacing(text: str) -> str:
    """"R E F E R E N C E S" → "REFERENCES": a heading set in letter-spaced capitals, as PDF text gives it
    (words apart by two spaces or more). Anything else is returned as it is."""
    if len(text) > MAX_LETTER_SPACED_CHARS or text[1:2] != " ":
        return text
    words = _WORD_GAP.split(text.strip())
    if not all(_LETTER_SPACED.fullmatch(word) for word in words):
        return text
    if sum(len(word) for word in words) < 2 * MIN_LETTER_SPACED_LETTERS - 1:  # "A B": too short to tell
        return text
    return " ".join(word.replace(" ", "") for word in words)
