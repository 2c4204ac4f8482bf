"""CRF token features: the cues the labeller relies on, one behaviour per test."""

from __future__ import annotations

from audit.parse.features import sequence_features, token_features


def _features(text: str) -> list[set[str]]:
    return [{f.decode() for f in token} for token in sequence_features(text.split())]


def test_features_are_bytes_one_list_per_token() -> None:
    features = sequence_features(["Smith,", "J.", "(2004)."])
    assert len(features) == 3
    assert all(isinstance(f, bytes) for token in features for f in token)


def test_quoted_title_and_what_follows_it() -> None:
    feats = _features('Jones, “Rivers of Asia”, Water Policy, 2010.')
    assert "inquote" in feats[1] and "inquote" in feats[3]
    assert "inquote" not in feats[4]
    assert {"afterq", "rightafterq"} <= feats[4]
    assert "rightafterq" not in feats[5]


def test_in_at_a_chunk_start_marks_the_rest_and_the_whole_reference() -> None:
    feats = _features("Trenin, D., Russia, in Rumer, E. (ed.), Central Asia, 2007.")
    start = 3  # "in"
    assert all("afterin" not in f for f in feats[:start + 1])
    assert all("afterin" in f for f in feats[start + 1:])
    assert all("g=in" in f for f in feats)


def test_in_inside_a_title_is_not_a_container_cue() -> None:
    feats = _features("Smith, J. (2004). Trust in institutions. Water, 3, 1-9.")
    assert all("afterin" not in f and "g=in" not in f for f in feats)


def test_chunk_context_sees_the_volume_after_a_journal_name() -> None:
    feats = _features("Smith, J. (2004). Rivers. Journal of Hydrology, 12, 45-67.")
    journal = [i for i, token in enumerate("Smith, J. (2004). Rivers. Journal of Hydrology, 12, 45-67.".split())
               if token in ("Journal", "of", "Hydrology,")]
    assert all("nextc=digits" in feats[i] for i in journal)
    assert "prevc=journal" in feats[journal[-1] + 1]


def test_neighbour_features_and_edges() -> None:
    feats = _features("Smith, J. 2004.")
    assert {"BOS", "-1:none", "-2:none", "+1:w=j"} <= feats[0]
    assert {"EOS", "+1:none", "+2:none", "-2:w=smith", "year"} <= feats[2]
    assert "g=numbered" not in feats[0]  # an author-date reference, not a numbered one


def test_numbered_reference_is_flagged_everywhere() -> None:
    assert all("g=numbered" in f for f in _features("[12] A. Kumar, Floods, Water 3 (2010) 1-9."))


def test_same_token_gets_the_same_own_features_wherever_it_is() -> None:
    first = _features("Smith, J. 2004.")[1]
    second = _features("Brown, A. and J. Smith 2004.")[3]
    own = {f for f in first if f.startswith(("w=", "shape=", "p3=", "s3=", "initial"))}
    assert own and own <= second


def test_places_of_publication_are_marked_by_a_lexicon() -> None:
    for token in ("Houston,", "Opladen:", "Natick,", "Mass.", "N.Y.:", "Frankfurt/Main:", "Weinheim/Basel", "NJ:"):
        assert "kw=place" in token_features(token), token
    # hard negatives: words that are also places' abbreviations or surnames are left out
    for token in ("ca.", "Co.", "il", "Jordan,", "Main:", "Houstonian", "and/or"):
        assert "kw=place" not in token_features(token), token


def test_publisher_and_place_words_mark_their_whole_comma_chunk() -> None:
    tokens = ["Steinle,", "F.", "Explorative", "Experimente.", "Franz", "Steiner", "Verlag,", "Stuttgart", "2005."]
    feats = sequence_features(tokens)
    assert all(b"ch=publisher" in feats[i] for i in (4, 5, 6))  # "Franz Steiner" share the chunk with "Verlag"
    assert b"ch=place" in feats[7] and b"ch=publisher" not in feats[7]
    assert not any(f.startswith(b"ch=") for i in (0, 1, 2, 3) for f in feats[i])  # names and title: no cue
