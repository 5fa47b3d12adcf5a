"""Training examples from labelled articles (stance.examples, `stance examples`), and the shipped corpus
slice made from the project's own articles (stance/data/articles)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from stance.cli import main
from stance.examples import article_examples, examples_from_articles, gold_labels
from stance.nlp import load
from stance.train import Example, read_examples

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "stance" / "data" / "articles"
SHIPPED = ROOT / "stance" / "data" / "train" / "articles.jsonl"
# The targets whose article labels the shipped corpus uses (the Makefile's ARTICLE_TARGETS).
SHIPPED_TARGETS = ("NATO", "alliance_shift")

TEXT = (
    "Allies meet in Vilnius. The foreign minister, Ona Petraitė, said the bid was “a historic step for our security”. "
    "“The summit opens on Tuesday,” she told reporters. The “reform” passed on Monday."
)
GOLD = [
    {"doc": "a", "quote": "a historic step for our security", "stance": {"NATO": "favor", "Russia": "none"}},
    {"doc": "a", "quote": "The summit opens on Tuesday,", "stance": {"NATO": "none", "Russia": "unclear"}},
    {"doc": "a", "quote": "This quotation is not in the article", "stance": {"NATO": "against"}},
    {"doc": "a", "quote": "reform", "stance": {"NATO": "none"}},
    {"doc": "a", "quote": "Allies meet", "kind": "indirect", "stance": {"NATO": "favor"}},
]


@pytest.fixture(scope="module")
def made():
    return article_examples("a", TEXT, GOLD, load())


def test_each_labelled_quotation_becomes_one_example_per_target(made):
    by = {(e.text, e.target): e for e in made.examples}
    favor = by[("a historic step for our security", "NATO")]
    assert (favor.label, favor.kind) == ("favor", "partial")
    assert favor.context.startswith("The foreign minister") and favor.context.endswith("security”.")
    assert favor.before == "Allies meet in Vilnius."
    assert favor.id == f"a:{TEXT.index('a historic')}"
    assert by[("a historic step for our security", "Russia")].label == "none"
    full = by[("The summit opens on Tuesday,", "NATO")]
    assert (full.label, full.kind) == ("none", "full")
    # a label that is not favor|against|none is no example; reported speech is not a quotation
    assert ("The summit opens on Tuesday,", "Russia") not in by
    assert made.quotations == 2 and len(made.examples) == 3


def test_quotations_not_found_or_never_classified_are_reported(made):
    assert [r["quote"] for r in made.missing] == ["This quotation is not in the article"]
    assert [r["quote"] for r in made.unclassified] == ["reform"]  # a scare quote


def test_only_the_asked_targets_and_only_articles_with_gold(made):
    got = examples_from_articles(GOLD, [("a", TEXT), ("b", "“Unlabelled,” he said.")], load(), targets=["Russia"])
    assert [(e.text, e.target) for e in got.examples] == [("a historic step for our security", "Russia")]
    assert gold_labels(GOLD[0], ["NATO"]) == {"NATO": "favor"}


def test_examples_round_trip_through_the_training_format(tmp_path, made):
    path = tmp_path / "x.jsonl"
    path.write_text("".join(e.to_json() for e in made.examples), encoding="utf-8")
    assert read_examples([path]) == list(made.examples)
    # empty optional fields are left out, as a person would write the file
    assert "before" not in json.loads(Example("NATO", "none", "t", "t").to_json())


def test_stance_examples_writes_what_stance_train_reads(tmp_path, capsys):
    article, gold, out = tmp_path / "a.txt", tmp_path / "gold.jsonl", tmp_path / "ex.jsonl"
    article.write_text(TEXT, encoding="utf-8")
    gold.write_text("".join(json.dumps(r) + "\n" for r in GOLD[:2]), encoding="utf-8")
    assert main(["examples", str(article), "--gold", str(gold), "--out", str(out)]) == 0
    assert "3 examples from 2 quotations in 1 files (NATO favor 1 none 1; Russia none 1)" in capsys.readouterr().err
    assert len(read_examples([out])) == 3
    # a gold quotation that is not in its article: a warning naming it, and exit 1
    gold.write_text(json.dumps(GOLD[2]) + "\n", encoding="utf-8")
    assert main(["examples", str(article), "--gold", str(gold), "-q"]) == 1
    captured = capsys.readouterr()
    assert "a: gold quotation not found: 'This quotation is not in the article'" in captured.err
    assert captured.out == ""
    # a target nobody labelled is a usage error, not an empty file
    assert main(["examples", str(article), "--gold", str(gold), "--target", "Nato"]) == 2
    assert "--target Nato: no gold quotation" in capsys.readouterr().err


def test_the_shipped_article_slice_is_what_stance_examples_makes_of_the_articles():
    # two articles, regenerated: the committed slice must be reproducible from the articles in the repo
    docs = sorted(p.stem for p in (ARTICLES / "texts").glob("*.txt"))[:2]
    gold = [json.loads(line) for line in (ARTICLES / "gold.quotes.jsonl").read_text(encoding="utf-8").splitlines()]
    got = examples_from_articles(gold, [(d, (ARTICLES / "texts" / f"{d}.txt").read_text(encoding="utf-8")) for d in docs], load(), SHIPPED_TARGETS)
    shipped = [line + "\n" for line in SHIPPED.read_text(encoding="utf-8").splitlines() if json.loads(line)["id"].split(":")[0] in docs]
    assert got.examples and [e.to_json() for e in got.examples] == shipped
    assert not got.missing


def test_every_article_gold_row_names_an_article_and_labels_all_three_targets():
    texts = {p.stem for p in (ARTICLES / "texts").glob("*.txt")}
    rows = [json.loads(line) for line in (ARTICLES / "gold.quotes.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows and {r["doc"] for r in rows} <= texts
    assert all(set(gold_labels(r)) == {"NATO", "Russia", "alliance_shift"} for r in rows)
