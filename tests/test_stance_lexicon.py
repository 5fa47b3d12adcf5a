"""The built-in lexicon.v1 classifier and targets, on sentences written for these tests."""
from __future__ import annotations

import pytest

import stance
from stance.errors import InputError
from stance.targets import Target, alias_regex, load_targets_toml


def labels(text, targets=None):
    return {k: v.label for k, v in stance.classify_text(text, targets, "lexicon.v1").items()}


@pytest.mark.parametrize(
    "text, expected",
    [
        # negation scope and modality
        ("We will never leave NATO.", {"NATO": "favor", "alliance_shift": "against"}),
        ("NATO expansion does not make the world more secure.", {"NATO": "against"}),
        ("NATO is aggressive.", {"NATO": "against"}),
        ("We will not tolerate NATO restricting our contacts.", {"NATO": "against"}),
        ("Our country can calmly withdraw from NATO.", {"NATO": "against", "alliance_shift": "favor"}),
        # evaluations, acts and attitudes, with the target as agent, patient or modified noun
        ("Turkey is a highly valued ally, and NATO stands in solidarity with it.", {"NATO": "favor", "alliance_shift": "against"}),
        ("Russian troops murdered civilians in the town.", {"Russia": "against"}),
        ("The Kremlin guarantees our security.", {"Russia": "favor"}),
        ("There are countries within NATO that want the war to continue.", {"NATO": "against"}),
        # opponents: hostility towards an adversary the quote sets against the target
        ("Russia will not allow Ukraine to join this crappy NATO.", {"NATO": "against", "Russia": "favor"}),
        # propositions
        ("We need to develop other options.", {"alliance_shift": "favor"}),
        ("Turkey has no plans to form new alliances with its neighbours.", {"alliance_shift": "against"}),
        ("It will be very difficult to change the existing allied structure.", {"alliance_shift": "against"}),
        # rhetorical question asserts the opposite of what it asks
        ("How can anyone trust NATO?", {"NATO": "against"}),
    ],
)
def test_labels(text, expected):
    got = labels(text)
    for target in ("NATO", "Russia", "alliance_shift"):
        assert got[target] == expected.get(target, "none"), (target, got)


@pytest.mark.parametrize(
    "text",
    [
        "NATO foreign ministers met in Brussels on Tuesday to discuss the budget.",
        "Russia and Turkey signed a trade agreement covering grain exports.",
        "The weather in Ankara was sunny.",
        "",
    ],
)
def test_no_evidence_means_none(text):
    assert set(labels(text).values()) == {"none"}


def test_questions_weigh_less_than_statements():
    direct = stance.classify_text("NATO is aggressive.", ["NATO"], "lexicon.v1")["NATO"]
    asked = stance.classify_text("Is NATO aggressive?", ["NATO"], "lexicon.v1")["NATO"]
    assert asked.label in ("against", "none") and asked.score < direct.score


def test_someone_elses_view_weighs_less_than_the_speakers_own():
    own = stance.classify_text("NATO is aggressive.", ["NATO"], "lexicon.v1")["NATO"]
    reported = stance.classify_text("The Kremlin claims that NATO is aggressive.", ["NATO"], "lexicon.v1")["NATO"]
    assert reported.score < own.score


def test_implied_target_needs_the_document_to_name_it():
    assert labels("The alliance is strong and united.")["NATO"] == "none"
    text = "NATO leaders met. “The alliance is strong and united,” she said."
    result = stance.analyze(text, "d")
    (q,) = result.quotes
    assert {t: s.label for t, s in q.stance.items()}["NATO"] == "favor"


def test_evidence_points_into_the_original_text():
    text = "Intro line.\n“We will never leave\u00a0NATO,” said Anna Petrova, the minister.\n"
    (q,) = stance.analyze(text, "d").quotes
    nato = q.stance["NATO"]
    assert nato.label == "favor" and nato.evidence
    for e in nato.evidence:
        assert text[e.start_char : e.end_char] == e.text
    assert [e.text for e in nato.evidence] == ["leave"]


def test_speaker_role_naming_the_target_counts_for_positive_statements():
    text = "“I welcome these talks and encourage them,” NATO Secretary General Anna Petrova said.\n"
    (q,) = stance.analyze(text, "d").quotes
    assert q.role and "NATO" in " ".join(r.text for r in q.role)
    assert {t: s.label for t, s in q.stance.items()}["NATO"] == "favor"


def test_partial_quote_is_read_in_its_frame():
    text = "The minister, Anna Petrova, accused NATO of “going to war with Russia through a proxy.”\n"
    (q,) = stance.analyze(text, "d").quotes
    got = {t: s.label for t, s in q.stance.items()}
    assert got["NATO"] == "against" and got["Russia"] == "favor"


def test_classification_is_deterministic():
    text = "Russia will not allow Ukraine to join this crappy NATO. We need other options."
    assert stance.classify_text(text, classifier="lexicon.v1") == stance.classify_text(text, classifier="lexicon.v1")


def test_alias_regex_is_case_sensitive_only_for_short_acronyms():
    rx = alias_regex(["US", "Kremlin"])
    assert rx.search("the US said") and not rx.search("tell us more")
    assert rx.search("the kremlin said")


def test_targets_from_toml(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text(
        '[[target]]\nname = "EU"\naliases = ["EU", "European Union"]\n'
        '[[target]]\nname = "deal"\nkind = "proposition"\naliases = ["nuclear deal"]\n'
        'patterns = [{actions = ["revive"], objects = ["deal"]}]\n',
        encoding="utf-8",
    )
    eu, deal = load_targets_toml(str(path))
    assert eu == Target("EU", aliases=("EU", "European Union"))
    assert deal.kind == "proposition" and deal.patterns[0].actions == ("revive",)
    assert labels("The EU is a reliable and valued partner.", [eu]) == {"EU": "favor"}
    assert labels("We must revive the deal.", [deal]) == {"deal": "favor"}
    assert Target.from_dict(eu.to_dict()) == eu


@pytest.mark.parametrize(
    "content, message",
    [
        ("[[target]]\nname = 'x'\naliases = 'x'\n", "must be a list of strings"),
        ("[[target]]\naliases = ['x']\n", "needs a name"),
        ("[[target]]\nname = 'x'\n", "at least one alias"),
        ("[[target]]\nname = 'x'\nkind = 'thing'\naliases = ['x']\n", "kind must be one of"),
        ("name = 'x'\n", "expected one or more"),
        ("[[target]\n", "not valid TOML"),
    ],
)
def test_invalid_targets_file_says_what_is_wrong(tmp_path, content, message):
    path = tmp_path / "t.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_targets_toml(str(path))


def test_missing_targets_file():
    with pytest.raises(InputError, match="cannot read"):
        load_targets_toml("/nonexistent/t.toml")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ankara could withdraw from NATO within a year.", True),
        ("Some in Turkey want to leave the North Atlantic alliance.", True),
        ("Turkey received the first S-400 batteries in July.", True),
        ("Finland will join NATO at the summit.", False),
        ("The Russian army was quite far away from NATO's borders.", False),  # "quite" is not "quit"
    ],
)
def test_an_article_discusses_moving_away_only_when_it_says_so(text, expected):
    from stance.classifiers.lexicon import _builtin, discusses

    assert discusses(_builtin("alliance_shift"), _builtin("NATO"), text) is expected


def test_topical_contrary_reads_support_for_nato_against_leaving_only_in_such_an_article():
    from stance.classifiers.lexicon import LexiconClassifier, _builtin
    from stance.classify import StanceItem

    quote = "NATO stands in solidarity with Turkey."
    shift = _builtin("alliance_shift")
    topical = LexiconClassifier(contrary="topical")

    def label(document: str) -> str:
        start = document.index(quote)
        item = StanceItem(quote, start, shift, quote, start, document, 0, document=document)
        return topical.classify([item])[0].label

    assert label("Erdogan said Turkey could withdraw from NATO. " + quote) == "against"
    assert label("The summit in Madrid opened on Tuesday. " + quote) == "none"
    with pytest.raises(ValueError):
        LexiconClassifier(contrary="sometimes")
