"""unsupported-claim: a sentence stating a figure in a paragraph with no note or citation.

Body lines (notes already removed) are grouped into paragraphs; a paragraph a page break cut in
two is joined again, because its note marker may sit in either half. Front matter, headings and
paragraphs with any citation (note marker, author-date, "Source:" line, URL, body citation) are
skipped; in the rest, each sentence with a statistic is reported once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from audit.extract.bibliography import heading_title, looks_like_heading
from audit.extract.patterns import URL_LIKE
from audit.findings import Finding, Location, Severity
from audit.models import Line
from audit.rules import style_patterns as sp
from audit.rules.context import AuditContext

# The first paragraph "of substance" has at least this many words; what comes before it is a
# title page, a byline or a masthead, where numbers are issue numbers and phone numbers.
MIN_SUBSTANTIAL_WORDS = 30
# A line without sentence punctuation and with fewer words than this is a heading or a label.
MAX_HEADING_WORDS = 12
# A paragraph cut by a page break is joined only if its first part is prose of at least this size.
MIN_CUT_WORDS = 8
MAX_SENTENCE_CHARS = 200  # values carry the sentence trimmed to this length
# An "about 40" / "some 20" is only a statistic from this size on ("some 20 years" is not).
MIN_ESTIMATE = 100

# Each figure pattern with a word one of which any match holds (None: no such hint)
_FIGURES: tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...] = (
    (sp.PERCENT, sp.PERCENT_HINT), (sp.CURRENCY, sp.CURRENCY_HINT), (sp.SCALE, sp.SCALE_HINT), (sp.MEASURE, None),
    (sp.THOUSANDS, None), (sp.CHANGE, None), (sp.RATIO, None))


@dataclass(frozen=True, slots=True)
class Paragraph:
    lines: tuple[Line, ...]

    @property
    def text(self) -> str:
        return " ".join(line.text.strip() for line in self.lines)

    @property
    def numbers(self) -> frozenset[int]:
        return frozenset(line.number for line in self.lines)

    def line_at(self, offset: int) -> int:
        """The document line of a character offset into `text`."""
        position = 0
        for line in self.lines:
            position += len(line.text.strip()) + 1
            if offset < position:
                return line.number
        return self.lines[-1].number


def _paragraphs(lines: Sequence[Line]) -> list[Paragraph]:
    groups: list[list[Line]] = []
    previous: Line | None = None
    for line in lines:
        if not line.text.strip():
            previous = None
            continue
        if previous is not None and line.number == previous.number + 1:
            groups[-1].append(line)
        else:
            groups.append([line])
        previous = line
    joined: list[list[Line]] = []
    for group in groups:  # rejoin paragraphs cut by a page break (the notes sat in between)
        if joined and _continues(joined[-1], group):
            joined[-1].extend(group)
        else:
            joined.append(list(group))
    return [Paragraph(tuple(group)) for group in joined]


def _items(paragraph: Paragraph) -> list[Paragraph]:
    """A list is read item by item: each bullet starts a new sentence."""
    groups: list[list[Line]] = []
    for line in paragraph.lines:
        if not groups or sp.BULLET.match(line.text):
            groups.append([line])
        else:
            groups[-1].append(line)
    return [Paragraph(tuple(group)) for group in groups]


def _continues(first: Sequence[Line], second: Sequence[Line]) -> bool:
    head = " ".join(line.text.strip() for line in first)
    start = second[0].text.strip()
    return (len(head.split()) >= MIN_CUT_WORDS and not sp.PARAGRAPH_END.search(head)
            and (start[:1].islower() or start[:1].isdigit()))


def _is_heading(paragraph: Paragraph) -> bool:
    text = paragraph.text
    if len(paragraph.lines) > 1:
        return False
    if sp.SECTION_TITLE.match(text) and len(text.split()) <= MAX_HEADING_WORDS * 2:
        return True
    return looks_like_heading(text) or (not sp.PARAGRAPH_END.search(text)
                                        and len(text.split()) < MAX_HEADING_WORDS)


def _is_substantial(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return len(text.split()) >= MIN_SUBSTANTIAL_WORDS and any(mark in text for mark in ".!?")


def _cited_lines(ctx: AuditContext) -> set[int]:
    lines = {marker.span.line for marker in ctx.notes.markers}
    lines.update(source.span.line for source in ctx.sources)
    lines.update(c.span.line for c in ctx.citations if c.note is None)  # author-date, \cite, [@key]
    return lines


def _has_citation(paragraph: Paragraph, cited: set[int]) -> bool:
    if paragraph.numbers & cited:
        return True
    text = paragraph.text
    return bool(sp.AUTHOR_DATE.search(text) or URL_LIKE.search(text) or sp.SOURCE_WORD.search(text))


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence); a period after an abbreviation or an initial does not end a sentence."""
    start = 0
    for match in sp.SENTENCE_END.finditer(text):
        if sp.ABBREVIATION_END.search(text[start:match.start()]):
            continue
        yield start, text[start:match.start()].strip()
        start = match.end()
    if text[start:].strip():
        yield start, text[start:].strip()


def figures_in(sentence: str) -> list[str]:
    """The statistics in a sentence as written (years, dates, section numbers are not statistics)."""
    found = []
    for match in sp.ESTIMATE.finditer(sentence):  # first, to quote "an estimated 3,600" whole
        number = match.group("num")
        if not sp.YEARISH.match(number) and ("," in number or float(number.replace(",", "")) >= MIN_ESTIMATE):
            found.append(match.group())
    for pattern, hint in _FIGURES:
        if hint is None or hint.search(sentence):
            found.extend(match.group() for match in pattern.finditer(sentence))
    return found


def figure_in(sentence: str) -> str | None:
    found = figures_in(sentence)
    return found[0] if found else None


def _figure_key(figure: str) -> str:
    """"an estimated 3,600" and "3,600 groups" are one figure; words ("doubled") compare as words."""
    number = sp.FIGURE_NUMBER.search(figure)
    if number:
        return "".join(ch for ch in number.group() if ch.isdigit())
    return sp.SPACES.sub(" ", figure).casefold()


@dataclass(frozen=True, slots=True)
class Judged:
    paragraph: Paragraph
    supported: bool


def _judge(ctx: AuditContext) -> Iterator[Judged]:
    """The body paragraphs that could state a claim, each with whether it cites anything."""
    cited = _cited_lines(ctx)
    sources = {source.span.line for source in ctx.sources}
    paragraphs = _paragraphs(ctx.notes.body_lines)
    started = summary = False
    for k, paragraph in enumerate(paragraphs):
        if _is_heading(paragraph):
            summary = bool(sp.SUMMARY_HEADING.match(heading_title(paragraph.text)))
            continue
        if not started:
            started = _is_substantial(paragraph)
            if not started:
                continue  # the title page and front matter before the first real paragraph
        if summary:
            continue
        credited = k + 1 < len(paragraphs) and paragraphs[k + 1].lines[0].number in sources  # a table's data
        yield Judged(paragraph, credited or _has_citation(paragraph, cited))


def check_unsupported_claim(ctx: AuditContext) -> Iterator[Finding]:
    judged = list(_judge(ctx))
    # a figure restated from a paragraph that cites its source (in the conclusions, say) is supported
    sourced = {_figure_key(figure) for j in judged if j.supported
               for _, sentence in _sentences(j.paragraph.text) for figure in figures_in(sentence)}
    unsupported = (item for j in judged if not j.supported for item in _items(j.paragraph))
    for paragraph in unsupported:
        for offset, sentence in _sentences(paragraph.text):
            figures = figures_in(sentence)
            if not figures or all(_figure_key(figure) in sourced for figure in figures):
                continue
            sentence = sp.BULLET.sub("", sentence)
            shown = sentence if len(sentence) <= MAX_SENTENCE_CHARS else sentence[:MAX_SENTENCE_CHARS - 1] + "…"
            line = paragraph.line_at(offset)
            yield Finding("unsupported-claim", Severity.INFO,
                          f"The sentence on line {line} states a figure ('{figures[0]}') but its paragraph has no "
                          "note or citation",
                          (Location.body(line),), (shown,), "add a note or citation giving the source of the figure")
