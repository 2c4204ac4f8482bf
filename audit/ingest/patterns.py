"""Every regular expression the readers use, compiled and named, with an example each."""

from __future__ import annotations

import re

# --- content sniffing -------------------------------------------------------------------------
# "<!DOCTYPE html>", "<html lang=en>", "<?xml ...?><html", "<head>", "<body>" at the start of a file
HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                        r"(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE | re.DOTALL)
# "\documentclass[12pt]{article}" or "\begin{document}" at a line start
LATEX_SIGNATURE = re.compile(r"^[ \t]*\\(?:documentclass|begin\{document\})", re.MULTILINE)
# "@article{smith2004," as the first thing in a file (after comments/blank lines)
BIBTEX_START = re.compile(r"^(?:\s*%[^\n]*\n|\s)*@[ \t]*[A-Za-z]+[ \t]*[{(]")

# --- BibTeX -----------------------------------------------------------------------------------
# "@article{" / "@Book (" at a line start
BIB_ENTRY_START = re.compile(r"^[ \t]*@[ \t]*(?P<type>[A-Za-z]+)[ \t]*(?P<open>[{(])", re.MULTILINE)
BIB_BRACE = re.compile(r"[{}]")
# "title =", "Author=" inside an entry
BIB_FIELD_NAME = re.compile(r"\s*,?\s*(?P<name>[^\s=,{}\"#()]+)\s*=\s*")
# "1998", "jan", "mystring" (bare values and @string macro names)
BIB_BARE_VALUE = re.compile(r"[^\s,#{}\"()]+")
BIB_CONCAT = re.compile(r"\s*#\s*")
BIB_TRAILING = re.compile(r"[\s,]*")
# Bytes that were not UTF-8, kept by errors="surrogateescape" as lone surrogates U+DC80..U+DCFF.
UNDECODED_BYTE = re.compile("[\udc80-\udcff]")
# "pages = {12--15}" or "p. 12" in a citation suffix: the pinpoint
PAGE_SUFFIX = re.compile(r"^(?:pp?\.|pages?|S\.|at)?\s*(?P<pin>[0-9ivxlcIVXLC]+(?:\s?[-–—]+\s?[0-9ivxlcIVXLC]+)?)"
                         r"(?:\s?ff?\.)?$")

# "[doe2010, p. 3]": a bracketed group (key citations as printed in notes)
BRACKET_GROUP = re.compile(r"\[[^\[\]]*\]")

# --- Pandoc citations in Markdown ---------------------------------------------------------------
# "[see @smith2004, p. 12; @doe2010]" — a bracketed group holding at least one @key
PANDOC_BRACKET_CITE = re.compile(r"\[(?P<body>[^\[\]]*?-?@[\w:.#$%&+?<>~/-]+[^\[\]]*?)\](?!\()")
# "@smith2004" / "-@smith2004" inside a group, or standing in prose ("@smith2004 [p. 33] says")
PANDOC_KEY = re.compile(r"(?<![\w@./:=])(?P<suppress>-)?@(?P<key>[\w][\w:.#$%&+?<>~/-]*[\w])")
# "bibliography: refs.bib" / "bibliography: [a.bib, b.bib]" in YAML front matter
# code in Markdown, where "@key" is not a citation: fenced blocks and `inline spans`
MD_CODE = re.compile(r"^(?P<fence>```|~~~).*?^(?P=fence)|`[^`\n]+`", re.MULTILINE | re.DOTALL)
YAML_BIBLIOGRAPHY = re.compile(r"^bibliography:[ \t]*(?P<value>.*)$", re.MULTILINE)
YAML_LIST_ITEM = re.compile(r"^\s+-\s+(?P<value>\S.*)$")
# "---\ntitle: x\nbibliography: refs.bib\n---\n" at the very start of a Markdown file
YAML_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# " [p. 33]" right after an in-text "@key"
PANDOC_LOCATOR = re.compile(r"[ \t]?\[(?P<locator>[^\[\]@^]{1,60})\](?!\()")

# --- HTML -------------------------------------------------------------------------------------
# ids of note targets and back-links as Pandoc, Hugo, WordPress, Word and Wikipedia write them
NOTE_REF_ID = re.compile(r"(?:fnref|footnote-ref|cite_ref|_ftnref|_ednref|noteref)", re.IGNORECASE)
NAV_CLASS = re.compile(r"(?:^|[\s_-])(?:nav|navigation|navbox|navbar|menu|sidebar|breadcrumbs?|toc|mw-editsection|"
                       r"mw-jump-link|cookie|share|social|related|advert|ads|skip-link|noprint|catlinks|"
                       r"printfooter|site-header|site-footer|comments?)(?:$|[\s_-])", re.IGNORECASE)
BRACKETED_LABEL = re.compile(r"^\s*[\[(]?\s*(?P<label>[^\[\]()\s]+)\s*[\])]?\s*$")
DIGITS = re.compile(r"^\d{1,5}$")

# --- LaTeX ------------------------------------------------------------------------------------
# "emph", "section*", "@startsection" after a backslash
LATEX_NAME = re.compile(r"(?P<name>[A-Za-z@]+\*?)")
# "cite", "parencite", "textcite", "autocite", "footcite", "footfullcite", "citep", "citet", "Citeauthor"
LATEX_CITE_COMMAND = re.compile(r"^(?:[Pp]aren|[Tt]ext|[Ff]oot|[Aa]uto|[Ss]mart|[Ss]uper|[Ff]ull|foot[Ff]ull)?"
                                r"[Cc]ite(?:p|t|alp|alt|author|year|yearpar|title|url|date|text)?$")

# --- DOCX -------------------------------------------------------------------------------------
# a field code 'HYPERLINK "https://x.org/a" \o "tip"' (internal links use \l "bookmark" and do not match)
DOCX_HYPERLINK_FIELD = re.compile(r'HYPERLINK\s+"(?P<url>[^"]+)"')

# --- PDF --------------------------------------------------------------------------------------
# "12", "- 12 -", "xiv", "Page 3", "3 / 12", "3 of 12": a page number standing alone
BARE_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*"
                              r"(?:[-–—]|(?:/|of)\s*\d{1,4})?\s*$", re.IGNORECASE)
DIGIT_RUN = re.compile(r"\d+")
# "12 Smith, ..." / "12. Smith" at the start of a foot-note line
PLAIN_NOTE_START = re.compile(r"^\s*(?P<num>\d{1,3})[.)]?\s+(?=\S)")
# "12) Vgl. ..." / "12. Smith" starting a numbered list item or an endnote (the next item starts a paragraph)
LIST_LABEL = re.compile(r"^\s*(?P<num>\d{1,3})[.)]\s+(?=\S)")
