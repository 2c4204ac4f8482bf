"""cluster_works(): typos never split a work; different works are never merged."""

from __future__ import annotations

import pytest

from audit.cluster import make_record, same_work


def _record(ref, kind, fields, text=""):
    return make_record(ref, 1, kind, fields, text or str(fields))


@pytest.mark.parametrize("a, b", [
    pytest.param(("report", {"author": ("V. Paramonov",), "title": "Russia and Central Asia", "date": "2008"}),
                 ("report", {"author": ("Paramanov, Vladimir",), "title": "Russia And Central Asia", "date": "2008"}),
                 id="surname-typo-and-title-case"),
    pytest.param(("article", {"author": ("K. Collins",), "title": "Regionalism: The Case of Asia", "date": "2009"}),
                 ("article", {"author": ("Collins, Kathleen",), "title": "Regionalism", "date": "2009"}),
                 id="subtitle-dropped"),
    pytest.param(("thesis", {"author": ("I. Qoraboyev",), "title": "L'ordre régional en Asie central"}),
                 ("thesis", {"author": ("Qoraboyev, Ikboljon",), "title": "L'ordre régional en Asie centrale",
                             "date": "2010"}),
                 id="one-letter-typo-year-missing-on-one-side"),
    pytest.param(("interview", {"author": ("Marlène Laruelle",), "date": "22 February 2010"}),
                 ("interview", {"author": ("Laruelle, Marlène",), "date": "22 February 2010"}),
                 id="interviews-match-on-person-and-year"),
    pytest.param(("report", {"author": ("UNODC",), "title": "World Drug Report 2010", "date": "2010"}),
                 ("report", {"author": ("United Nations Office on Drugs and Crime (UNODC)",),
                             "title": "World Drug Report 2010", "date": "2010"}), id="acronym-and-full-name"),
])
def test_same_work(a, b):
    assert same_work(_record("n1.1", *a), _record("e1", *b))


@pytest.mark.parametrize("a, b", [
    pytest.param(("report", {"author": ("UNODC",), "title": "World Drug Report 2010", "date": "2010"}),
                 ("report", {"author": ("UNODC",), "title": "World Drug Report 2011", "date": "2011"}),
                 id="same-title-different-years"),
    pytest.param(("report", {"author": ("UNODC",), "title": "Illicit Drug Trends in Central Asia", "date": "2008"}),
                 ("report", {"author": ("UNODC",), "title": "Addiction, Crime and Insurgency", "date": "2008"}),
                 id="same-agency-different-reports"),
    pytest.param(("interview", {"author": ("Alain Dupont",), "date": "2011"}),
                 ("news", {"author": ("A. Dupont",), "title": "Les routes", "date": "2011"}),
                 id="interview-and-article-by-one-person"),
    pytest.param(("chapter", {"author": ("N. Melvin",), "title": "Introduction",
                              "container-title": "Engaging Central Asia", "date": "2008"}),
                 ("book", {"editor": ("Melvin, Neil J.",), "title": "Engaging Central Asia", "date": "2008"}),
                 id="chapter-and-its-volume"),
    pytest.param(("article", {"author": ("J. Smith",), "title": "Water", "date": "2001"}),
                 ("article", {"author": ("K. Smith",), "title": "Fire", "date": "2001"}),
                 id="same-surname-different-works"),
    pytest.param(("chapter", {"author": ("J. Smith",), "title": "Introduction", "date": "2001"}),
                 ("chapter", {"author": ("P. Brown",), "title": "Introduction", "date": "2001"}),
                 id="same-short-title-different-authors"),
])
def test_different_works(a, b):
    assert not same_work(_record("n1.1", *a), _record("e1", *b))
