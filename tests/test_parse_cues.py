"""Rule cues: identifiers, access dates, pinpoints, signals, segments."""

from __future__ import annotations

import pytest

from audit.parse.cues import find_cues
from audit.parse.segments import split_segments


@pytest.mark.parametrize(
    ("text", "context", "fields", "pinpoint", "rest"),
    [
        pytest.param("X, “T”, retrieved on 7 September 2011, <http://a.org/x%20y.pdf>", "bibliography",
                     {"accessed": "7 September 2011", "url": "http://a.org/x%20y.pdf"}, None, "X, “T”",
                     id="retrieved-on-and-angle-url"),
        pytest.param("X, T, accessed 3 May 2020, https://b.org/p?q=1&r=2.", "bibliography",
                     {"accessed": "3 May 2020", "url": "https://b.org/p?q=1&r=2"}, None, "X, T", id="accessed"),
        pytest.param("X, « T », consulté le 12 mars 2019, http://c.fr/a", "bibliography",
                     {"accessed": "12 mars 2019", "url": "http://c.fr/a"}, None, "X, « T »", id="french-consulte"),
        pytest.param("X: T. Berlin 2010, abgerufen am 1. Februar 2020", "bibliography",
                     {"accessed": "1. Februar 2020"}, None, "X: T. Berlin 2010", id="german-abgerufen"),
        pytest.param("X, T, consultado el 5 de marzo de 2018", "bibliography",
                     {"accessed": "5 de marzo de 2018"}, None, "X, T", id="spanish-consultado"),
        pytest.param("Smith, J. (2004). T. J, 1, 2. https://doi.org/10.1000/xyz123", "bibliography",
                     {"doi": "10.1000/xyz123"}, None, "Smith, J. (2004). T. J, 1, 2", id="doi-url-is-doi"),
        pytest.param("Smith, J. T. Oxford: OUP, 2004. ISBN 978-0-19-953556-9.", "bibliography",
                     {"isbn": "978-0-19-953556-9"}, None, "Smith, J. T. Oxford: OUP, 2004", id="isbn"),
        pytest.param("D. Trenin, “T”, Armonk, M.E. Sharpe, 2007, p. 84.", "note", {}, "84",
                     "D. Trenin, “T”, Armonk, M.E. Sharpe, 2007", id="note-page"),
        pytest.param("A. Matveeva, “T”, Paris, 2006, pp. 118-119.", "note", {}, "118-119",
                     "A. Matveeva, “T”, Paris, 2006", id="note-page-range"),
        pytest.param("Russian Federation, “Plan”, article 4.", "note", {}, "4", "Russian Federation, “Plan”",
                     id="note-article"),
        pytest.param("H. Müller, Die Politik, Berlin 2010, S. 12.", "note", {}, "12",
                     "H. Müller, Die Politik, Berlin 2010", id="note-german-seite"),
        pytest.param("Collins, “T”, J, vol. 61, March 2009, pp. 249-281.", "bibliography", {}, None,
                     "Collins, “T”, J, vol. 61, March 2009, pp. 249-281.", id="bibliography-keeps-pages"),
        pytest.param("Moschner, M., 2008: Sampling. http://www. gesis.org/en/data/ (25.06.2010)", "bibliography",
                     {"url": "http://www.gesis.org/en/data/"}, None, "Moschner, M., 2008: Sampling. (25.06.2010)",
                     id="url-broken-at-a-line-end"),
        pytest.param("Auriga (2009): Bericht, online unter: http://www.auriga.dk/dk/ regnskab/2009.htm", "bibliography",
                     {"url": "http://www.auriga.dk/dk/regnskab/2009.htm"}, None, "Auriga (2009): Bericht",
                     id="url-broken-after-a-slash-with-german-lead"),
        pytest.param("X. http://x.org/ 12.3.2010", "bibliography", {"url": "http://x.org/"}, None, "X. 12.3.2010",
                     id="a-date-after-a-url-is-not-its-path"),
        # Nothing cut: the text stays as written (the CRF learnt PDF spacing such as "merger ,Phys .Rev").
        pytest.param("A. B, Waves from a merger ,Phys .Rev .Lett .116 ( 2016).", "bibliography", {}, None,
                     "A. B, Waves from a merger ,Phys .Rev .Lett .116 ( 2016).", id="untouched-without-a-cut"),
        pytest.param("A. B, Waves ,Phys .Rev .Lett .116 ( 2016), doi:10.1000/x1.", "bibliography",
                     {"doi": "10.1000/x1"}, None, "A. B, Waves ,Phys .Rev .Lett .116 ( 2016)", id="tidied-after-a-cut"),
    ],
)
def test_find_cues(text: str, context: str, fields: dict, pinpoint: str | None, rest: str) -> None:
    cues = find_cues(text, context=context)
    assert cues.fields == fields
    assert cues.pinpoint == pinpoint
    assert cues.rest == rest


@pytest.mark.parametrize(
    ("text", "signal", "rest"),
    [
        pytest.param("See also R.M. Freire, *T*", "See also", "R.M. Freire, *T*", id="see-also"),
        pytest.param("Cf. A. B, “T”", "Cf.", "A. B, “T”", id="cf"),
        pytest.param("V. Paramonov, “T”", None, "V. Paramonov, “T”", id="initial-v-is-not-a-signal"),
        pytest.param("Vgl. auch Müller, Hans: T", "Vgl. auch", "Müller, Hans: T", id="vgl-auch"),
        pytest.param("Siehe auch Müller, Hans: T", "Siehe auch", "Müller, Hans: T", id="siehe-auch"),
        pytest.param("Cfr. M. Rossi, T", "Cfr.", "M. Rossi, T", id="cfr"),
        pytest.param("Si veda M. Rossi, T", "Si veda", "M. Rossi, T", id="si-veda"),
        pytest.param("Siegel, Hans: T", None, "Siegel, Hans: T", id="a-name-that-starts-like-siehe"),
    ],
)
def test_signals(text: str, signal: str | None, rest: str) -> None:
    cues = find_cues(text, context="note")
    assert cues.signal == signal
    assert cues.rest == rest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("A, “B, C”, D", ["A", "“B, C”", "D"], id="curly-quotes-hold-commas"),
        pytest.param('A, "B, C", D', ["A", '"B, C"', "D"], id="straight-quotes-hold-commas"),
        pytest.param("A, *B, C*, D", ["A", "*B, C*", "D"], id="emphasis-holds-commas"),
        pytest.param("A (B, C), D", ["A (B, C)", "D"], id="parentheses-hold-commas"),
        pytest.param("Russia's, D", ["Russia's", "D"], id="apostrophe-is-not-a-quote"),
    ],
)
def test_split_segments(text: str, expected: list[str]) -> None:
    assert split_segments(text) == expected
