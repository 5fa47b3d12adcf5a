"""Per-speaker tables: cross-document merging, counts, formats, plot, CLI."""
from __future__ import annotations

import csv
import io
import json
from collections import Counter

import pytest
from hypothesis import example, given

from stance import DocResult, Quote, Span, StanceLabel, speaker_table
from stance.aggregate import is_full_name, merge_names, same_person
from stance.cli import main

from .strategies import speaker_counts, table_quotes


def quote(text, speaker, labels=(), role=""):
    content = Span(0, len(text), text)
    stance = tuple(StanceLabel(t, lab, score, "test.v1") for t, lab, score in labels)
    role_spans = (Span(0, len(role), role),) if role else ()
    return Quote(content=content, outer=content, kind="full", paragraph=0, speaker=speaker, role=role_spans, stance=stance)


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Mevlut Cavusoglu", "Mevlut Cavusolgu", True),  # transposed letters
        ("Yücel Karauz", "Yucel Karauz", True),  # accents
        ("Jens Stoltenberg", "J. Stoltenberg", True),  # initial
        ("Hillary Clinton", "Bill Clinton", False),  # same surname, conflicting first names
        ("Anna Petrova", "Maria Petrova", False),  # conflicting first names
        ("Mikail", "Mikail Yilmaz", False),  # lone names go through the containment rule
        ("US officials", "Ukrainian officials", False),  # not names: no "surname", no "initial" U.
        ("US Pentagon official", "US officials", False),
        ("Bashar al-Assad", "Bashar al Assad", False),  # spelled differently: not the same surname
        ("Bashar al-Assad", "B. al-Assad", True),  # a particle is part of a name
    ],
)
def test_same_person(a, b, same):
    assert same_person(a, b) is same


def test_merge_names_picks_the_most_frequent_spelling_and_keeps_conflicts_apart():
    counts = Counter({"Mevlut Cavusoglu": 11, "Mevlut Cavusolgu": 1, "Bill Clinton": 2, "Hillary Clinton": 3, "Mikail": 1, "Mikail Yilmaz": 2})
    m = merge_names(counts)
    assert m["Mevlut Cavusolgu"] == "Mevlut Cavusoglu"
    assert m["Bill Clinton"] == "Bill Clinton" and m["Hillary Clinton"] == "Hillary Clinton"
    assert m["Mikail"] == "Mikail Yilmaz"


def test_lone_name_joins_only_a_name_not_a_phrase_containing_it():
    m = merge_names(Counter({"Russia": 6, "Double standards' Russia": 1, "Ursula von der Leyen": 2, "Leyen": 1}))
    assert m["Russia"] == "Russia"
    assert m["Leyen"] == "Ursula von der Leyen"


def test_lone_name_joins_the_person_quoted_far_more_often():
    m = merge_names(Counter({"Obama": 3, "Barack Obama": 20, "Michelle Obama": 2, "Clinton": 2, "Hillary Clinton": 5, "Bill Clinton": 3}))
    assert m["Obama"] == "Barack Obama" and m["Michelle Obama"] == "Michelle Obama"
    assert m["Clinton"] == "Clinton"  # 5 to 3: nobody stands out
    m = merge_names(Counter({"James": 1, "James Comey": 20, "James Baker": 2}))
    assert m["James"] == "James"  # a given name alone says too little


def test_acronyms_and_descriptions_are_not_lone_names():
    m = merge_names(Counter({"US": 2, "US Secretary": 1, "agency": 1, "International Atomic Energy Agency": 3}))
    assert m["US"] == "US" and m["agency"] == "agency"


def test_a_description_is_someone_of_its_own_document():
    docs = [DocResult(d, (quote("x", "officials", [("NATO", "favor", 0.8)]), quote("y", "Anna Petrova", [("NATO", "none", 1.0)])))
            for d in ("a", "b")]
    table = speaker_table(docs)
    assert [(r.speaker, r.docs) for r in table.rows] == [("Anna Petrova", ("a", "b")), ("officials", ("a",)), ("officials", ("b",))]
    md = table.to_markdown()
    assert "| officials (a) |  | 1 | 1 | favor +0.80 (1/0/0) |" in md and "| officials (b) |" in md
    assert [r["speaker"] for r in json.loads(table.to_json())["rows"]] == ["Anna Petrova", "officials", "officials"]


@given(table_quotes())
@example([("d1", "US officials"), ("d2", "Ukrainian officials"), ("d1", "officials"), ("d2", "officials")])
def test_table_rows_keep_descriptions_apart_and_count_every_quote(pairs):
    results = [DocResult(d, tuple(quote("x", s, [("NATO", "none", 1.0)]) for doc, s in pairs if doc == d)) for d in ("d1", "d2", "d3")]
    table = speaker_table(results)
    assert sum(r.quotes for r in table.rows) == len(pairs)
    for r in table.rows:
        if r.speaker[:1].islower() and not r.speaker.startswith("al-"):
            assert len(r.docs) == 1 and r.names == (r.speaker,)
        for name in r.names:  # only names merge: a speaker that is not one joins only its own spelling
            assert name == r.speaker or is_full_name(r.speaker) and (is_full_name(name) or len(name.split()) == 1)


def test_lone_name_matching_two_people_stays_alone():
    m = merge_names(Counter({"Ali": 1, "Ali Demir": 1, "Ali Kaya": 1}))
    assert m["Ali"] == "Ali"


@given(speaker_counts())
@example({"Anna": 1, "Anna Petrova": 2, "Kaya": 1, "Ali Kaya": 2})  # two lone names, each with one home
def test_merge_names_maps_every_name_to_a_row_of_compatible_names(counts):
    m = merge_names(Counter(counts))
    assert set(m) == set(counts)
    for name, row in m.items():
        assert m[row] == row  # a row's name is its own row
        if len(name.split()) > 1 and len(row.split()) > 1:
            assert same_person(name, row)
        else:  # a lone name joins the one full name that contains it
            assert name == row or name in row.split() and is_full_name(row)


def _results():
    d1 = DocResult("a", (
        quote("one", "Mevlut Cavusoglu", [("NATO", "against", 0.6), ("Russia", "none", 1.0)], "Foreign Minister"),
        quote("two", "Mevlut Cavusoglu", [("NATO", "against", 0.9), ("Russia", "favor", 0.5)], "Foreign Minister"),
        quote("heading", None),
    ))
    d2 = DocResult("b", (
        quote("three", "Mevlut Cavusolgu", [("NATO", "favor", 0.7), ("Russia", "none", 1.0)], "Turkey's top diplomat"),
        quote("four", "Hillary Clinton", [("NATO", "none", 1.0), ("Russia", "none", 1.0)]),
    ))
    return [d1, d2]


def test_speaker_table_rows_counts_and_evidence():
    table = speaker_table(_results())
    assert table.targets == ("NATO", "Russia") and table.unattributed == 1
    first, second = table.rows
    assert first.speaker == "Mevlut Cavusoglu" and first.quotes == 3 and first.docs == ("a", "b")
    assert first.names == ("Mevlut Cavusoglu", "Mevlut Cavusolgu")
    assert first.roles == ("Foreign Minister", "Turkey's top diplomat")
    nato = first.summary("NATO")
    assert (nato.favor, nato.against, nato.none) == (1, 2, 0)
    # net weighs the quotes by score: (0.7 - 0.6 - 0.9) / 3
    assert nato.net == pytest.approx(-0.8 / 3, abs=1e-3) and nato.majority == "against"
    assert nato.evidence.text == "two" and nato.evidence.doc == "a" and nato.evidence.score == 0.9
    russia = first.summary("Russia")
    assert russia.majority == "favor" and russia.net == pytest.approx(0.5 / 3, abs=1e-3)
    clinton = second.summary("NATO")
    assert second.speaker == "Hillary Clinton" and clinton.majority == "none" and clinton.evidence is None


def test_formats_agree():
    table = speaker_table(_results(), targets=["NATO"])
    md = table.to_markdown()
    assert md.splitlines()[0] == "| speaker | role | quotes | docs | NATO |"
    assert "| Mevlut Cavusoglu | Foreign Minister | 3 | 2 | against -0.27 (1/2/0) |" in md
    rows = list(csv.DictReader(io.StringIO(table.to_csv())))
    assert rows[0]["speaker"] == "Mevlut Cavusoglu" and rows[0]["NATO_against"] == "2" and rows[0]["NATO_evidence"] == "two"
    data = json.loads(table.to_json())
    assert data["rows"][0]["stance"]["NATO"]["evidence"]["text"] == "two"


def test_to_dataframe():
    pd = pytest.importorskip("pandas")
    df = speaker_table(_results()).to_dataframe()
    assert isinstance(df, pd.DataFrame) and list(df["speaker"]) == ["Mevlut Cavusoglu", "Hillary Clinton"]


def test_empty_table():
    table = speaker_table([])
    assert table.rows == () and table.to_markdown().startswith("| speaker |")


ARTICLE = "“We will never leave NATO,” Foreign Minister Anna Petrova said.\n“NATO is a valued partner,” she added.\n"


def test_cli_table_formats_plot_and_quiet_progress(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text(ARTICLE.replace("Anna", "A."), encoding="utf-8")
    png = tmp_path / "t.png"
    assert main(["table", str(a), str(b), "--plot", str(png), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    (row,) = json.loads(out)["rows"]
    assert row["speaker"] == "Anna Petrova" and row["quotes"] == 4 and row["docs"] == ["a", "b"]
    assert row["stance"]["NATO"]["majority"] == "favor"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert err == ""  # stderr is not a terminal here: no progress bar
    out_csv = tmp_path / "t.csv"
    assert main(["table", str(a), str(tmp_path / "missing.txt"), "--format", "csv", "--out", str(out_csv)]) == 1
    assert "missing.txt" in capsys.readouterr().err
    assert out_csv.read_text(encoding="utf-8").startswith("speaker,role,quotes,indirect,docs,roles,doc_names,NATO_favor")
