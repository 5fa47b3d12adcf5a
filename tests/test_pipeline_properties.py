"""Properties of the whole pipeline (scanner + parse + attribution) on generated text."""
import json

import pytest
from hypothesis import given, settings, strategies as st

from stance.engine import analyze
from stance.model import DocResult

from .strategies import news_documents


@pytest.fixture(scope="module")
def nlp():
    from stance.nlp import load

    return load()


def check(text, result):
    for q in result.quotes:
        spans = [q.content, q.outer, *q.parts, *q.role]
        spans += [s for s in (q.speaker_mention, q.cue) if s is not None]
        for s in spans:
            assert 0 <= s.start_char <= s.end_char <= len(text)
            assert text[s.start_char : s.end_char] == s.text
        if q.attribution is not None:
            assert 0 < q.attribution.confidence <= 1
        if q.kind in ("heading", "scare"):
            assert q.speaker is None
    assert DocResult.from_dict(json.loads(json.dumps(result.to_dict()))) == result


@settings(max_examples=60)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_arbitrary_text(nlp, text):
    check(text, analyze(text, "x", nlp=nlp))


@settings(max_examples=60)
@given(doc=news_documents())
def test_generated_news(nlp, doc):
    result = analyze(doc.text, "x", nlp=nlp)
    check(doc.text, result)
    assert sorted((q.start_char, q.end_char, q.depth) for q in result.quotes) == sorted(doc.quotes)
    assert analyze(doc.text, "x", nlp=nlp) == result
