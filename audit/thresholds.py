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

# --- registry verification (audit/registry/matching.py) ---------------------------------------------
# A registry record is the cited work when their titles score at least this (0-100, see
# matching.title_similarity): a typo, British/American spelling, a dropped subtitle or a missing article
# stay above it; two papers of one author on one topic ("Deep learning" / "Deep learning in neural
# networks: an overview" aside, which the subtitle rule catches) fall well below.
REGISTRY_SAME_TITLE = 85.0
# Without any author in common (a parse that lost the names, a corporate author) the title must be all
# but identical and the year must agree before the record is taken.
REGISTRY_SAME_TITLE_ALONE = 95.0
# A title that is only close (below REGISTRY_SAME_TITLE_ALONE) needs the rest to agree: a reference with one
# wrong field is a misprint of the record, but one whose year, journal, volume and pages all differ is
# another work with a similar title (a made-up reference often borrows a real title's pattern).
REGISTRY_MAX_CONTRADICTIONS = 2
# A title below REGISTRY_SAME_TITLE is still the work's when the first author and the year agree and at
# least this many of journal, volume, issue and pages agree with nothing contradicting: a made-up reference
# almost never gets volume and pages right, while a reference parsed with a damaged title often keeps them.
REGISTRY_CORROBORATING_DETAILS = 2
# A record found by the cited DOI whose title scores below this is another work: the DOI is wrong.
REGISTRY_DOI_OTHER_WORK = 60.0
# Titles this close are the same as published (case, punctuation, accents and a subtitle aside are
# already folded away): one or two edits are spelling (behaviour/behavior), not a different title.
REGISTRY_TITLE_MAX_EDITS = 2
# Container titles are abbreviated in citations (J. Biol. Chem.): a difference is reported only when the
# cited container scores below this against every registered form and is no abbreviation of one.
REGISTRY_OTHER_CONTAINER = 50.0
# A title without subtitle is compared with the main title (before the colon) of the other description
# only when that main title has at least this many words: "Crisis" alone names too many works.
MIN_WORDS_MAIN_TITLE = 3
