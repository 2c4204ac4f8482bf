"""Every matching threshold in one place, with the reason for its value (scores are 0-100)."""

# Two titles of one work: typos, a dropped subtitle or an article still score above this
# (token_set_ratio); different reports of one agency ("World Drug Report" / "Illicit Drug Trends")
# score far below.
SAME_TITLE = 88.0
# A short title in "Author, Short Title, op. cit." must be contained in the full title; partial
# ratio tolerates case, punctuation and one typo in a 4-word short title.
SHORT_TITLE_IN_FULL = 85.0
# Two surnames are one person misspelt when they score this much and differ by at most
# MAX_NAME_EDITS edits (Paramonov/Paramanov: 1 edit; Délétroz/Déléroz: 1 edit).
SAME_SURNAME = 80.0
MAX_NAME_EDITS = 2
# Only surnames at least this long are compared across different works: short names
# (Li, Wu, Ma) differ by one letter far too often to be the same person.
MIN_SURNAME_FOR_CROSS_WORK = 6
# Bibliography entries whose whole text scores this much are duplicates even if parsing differs.
DUPLICATE_ENTRY_TEXT = 92.0
# Blocking: records are compared only when they share a key built from this many leading
# characters of a folded surname or title word, which keeps 50,000 entries near-linear.
BLOCK_PREFIX = 4
# An identical title of at least this many words names one work whoever is credited: a press release
# "of the Freedom House report" and "Freedom House" cite the same report.
MIN_WORDS_IDENTICAL_TITLE = 5
# When author, year and container (journal or volume) all agree, a title that scores this much is a
# variant of the same title ("The Long Road Home" / "The Long Way Home"), not another work.
SAME_TITLE_CORROBORATED = 75.0
# A title without subtitle is compared with the main title (before the colon) of the other description
# only when that main title has at least this many words: "Crisis" alone names too many works.
MIN_WORDS_MAIN_TITLE = 3
