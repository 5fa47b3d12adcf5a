"""The engine's stance_attributes component gives exactly the stock attribute_ruler + lemmatizer output."""
from pathlib import Path

import pytest
import spacy

from stance.attributes import NAME, install
from stance.nlp import DEFAULT_MODEL

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
# multi-token rules of the English attribute ruler ("gon na", "let 's", "ai n't"), contractions,
# odd whitespace and a tag-only rule for every punctuation mark
TRICKY = [
    "We're gonna win, ain't we? Let's go! I gotta say: they'd've known.",
    "  Spaces\t\tand\n\nbreaks…  “Quotes” — dashes (and) [brackets] 42% $5 #tag @user",
    "He didn't, she won't, they can't; y'all shouldn't've.",
]


@pytest.fixture(scope="module")
def pipelines():
    stock = spacy.load(DEFAULT_MODEL)
    fast = spacy.load(DEFAULT_MODEL)
    install(fast)
    return stock, fast


def annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.ent_type_) for t in doc]


def test_install_replaces_the_two_components(pipelines):
    _, fast = pipelines
    assert NAME in fast.pipe_names
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names


@pytest.mark.parametrize("text", [p.read_text(encoding="utf-8") for p in SEEDS] + TRICKY)
def test_same_annotations_as_the_stock_components(pipelines, text):
    stock, fast = pipelines
    assert annotations(fast(text)) == annotations(stock(text))


def test_repeated_words_use_the_cache_and_stay_right(pipelines):
    stock, fast = pipelines
    text = " ".join(["He said it was gonna rain, and she said it wasn't."] * 20)
    assert annotations(fast(text)) == annotations(stock(text))


def test_a_pipeline_without_an_attribute_ruler_is_left_alone():
    nlp = spacy.blank("en")
    install(nlp)
    assert nlp.pipe_names == []


def test_caches_stay_bounded_and_right(pipelines, monkeypatch):
    import stance.attributes as attributes

    stock, fast = pipelines
    monkeypatch.setattr(attributes, "CACHE_LIMIT", 5)
    text = "The committee said it was gonna review the budget, and the mayor's office didn't object."
    assert annotations(fast(text)) == annotations(stock(text))
    component = fast.get_pipe(NAME)
    assert len(component._attrs) <= 5 and len(component._lemmas) <= 5
