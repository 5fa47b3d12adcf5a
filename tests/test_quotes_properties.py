"""Properties of the quote scanner, on arbitrary unicode and on generated news text."""
import json

from hypothesis import example, given, strategies as st

from stance import Quote, scan_quotes
from stance.model import QUOTE_KINDS, Attribution, Span, StanceLabel

from .strategies import Doc, news_documents

MARKY = st.text(alphabet=st.sampled_from(list("\"'“”‘’«»„‚‹›`´ \n\r\u00a0ab.,:!?")), max_size=60)


def check_offsets(text, quotes):
    for q in quotes:
        for span in (q.content, q.outer, *q.parts):
            assert 0 <= span.start_char <= span.end_char <= len(text)
            assert text[span.start_char : span.end_char] == span.text
        assert q.outer.start_char <= q.content.start_char <= q.content.end_char <= q.outer.end_char
        assert q.text.strip() == q.text and q.text
        for p in q.parts:
            assert q.content.start_char <= p.start_char <= p.end_char <= q.content.end_char
        assert q.kind in QUOTE_KINDS


def check_nesting(quotes):
    spans = [(q.outer.start_char, q.outer.end_char) for q in quotes]
    for i, (a, b) in enumerate(spans):
        for c, d in spans[i + 1 :]:
            disjoint = b <= c or d <= a
            nested = (a <= c and d <= b) or (c <= a and b <= d)
            assert disjoint or nested, (spans, (a, b), (c, d))


@given(st.text(max_size=400))
@example("“")
@example("\"\"\"\"\"")
@example("''''")
@example("”a”")
@example("a\r\n“b\r\n“c”")
def test_arbitrary_unicode_never_raises_and_offsets_hold(text):
    quotes = scan_quotes(text)
    check_offsets(text, quotes)
    check_nesting(quotes)


@given(MARKY)
@example("“a\n“b ‘c\n“d”")
@example("«a ‹b» c›")
def test_mark_soup_offsets_and_nesting(text):
    quotes = scan_quotes(text)
    check_offsets(text, quotes)
    check_nesting(quotes)


@given(st.text(max_size=300))
def test_deterministic(text):
    assert scan_quotes(text) == scan_quotes(text)


@given(news_documents())
@example(Doc("The the.\n‘the troops’ The the US’ F-35.", [(10, 20, 0)]))
def test_generated_quotes_are_recovered_exactly(doc):
    found = sorted((q.content.start_char, q.content.end_char, q.depth) for q in scan_quotes(doc.text))
    assert found == sorted(doc.quotes), doc.text


spans = st.builds(lambda s, n, t: Span(s, s + n, t), st.integers(0, 10**6), st.integers(0, 500), st.text(max_size=20))
stances = st.builds(
    StanceLabel,
    target=st.sampled_from(["NATO", "Russia", "alliance_shift"]),
    label=st.sampled_from(["favor", "against", "none"]),
    score=st.floats(0, 1),
    classifier=st.sampled_from(["lexicon.v1", "x.v2"]),
    evidence=st.lists(spans, max_size=2).map(tuple),
    error=st.none() | st.text(max_size=10),
)
quotes = st.builds(
    Quote,
    content=spans,
    outer=spans,
    kind=st.sampled_from(["full", "partial", "heading", "scare"]),
    paragraph=st.integers(0, 99),
    depth=st.integers(0, 2),
    parts=st.lists(spans, max_size=3).map(tuple),
    open_mark=st.sampled_from(["", "“", "'", "''"]),
    close_mark=st.sampled_from(["", "”", "'", "''"]),
    speaker=st.none() | st.text(max_size=20),
    speaker_mention=st.none() | spans,
    role=st.lists(spans, max_size=2).map(tuple),
    cue=st.none() | spans,
    attribution=st.none() | st.builds(Attribution, st.sampled_from(["cue.subject", "floating"]), st.floats(0, 1)),
    stance=st.lists(stances, max_size=3, unique_by=lambda s: s.target).map(tuple),
)


@given(quotes)
def test_quote_round_trips_through_json(q):
    assert Quote.from_dict(json.loads(json.dumps(q.to_dict()))) == q


@given(st.text(max_size=300))
def test_scanned_quotes_round_trip_through_json(text):
    for q in scan_quotes(text):
        assert Quote.from_dict(json.loads(json.dumps(q.to_dict(), ensure_ascii=False))) == q
