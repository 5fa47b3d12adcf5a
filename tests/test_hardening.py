"""Messy input: every case gives a valid result with exact offsets, or one documented error."""
from __future__ import annotations

import pytest

import stance
from stance import analyze, analyze_many
from stance.errors import InputError

ARTICLE = "NATO ministers met.\n“We will never leave NATO,” Foreign Minister Anna Petrova said.\n"

BAD_INPUTS = {
    "empty": "",
    "whitespace only": " \n\t\r\n\u00a0 ",
    "only quotation marks": "“”‘’\"'«»„“" * 50,
    "thousands of unmatched marks": "“ " * 3000 + ARTICLE,
    "control characters": "\x00\x01\x07“Hello,\x0b” she\x1b said.\x7f\n" + ARTICLE,
    "CRLF line ends": ARTICLE.replace("\n", "\r\n"),
    "CR line ends": ARTICLE.replace("\n", "\r"),
    "mixed scripts": "Министр сказал: «Мы не уйдём». 外相は「NATOを離れない」と述べた。\n" + ARTICLE,
    "very long paragraph": ("NATO said many things. " * 4000) + "“We stay,” she said. " * 50,
    "non-English": "« Nous ne quitterons jamais l’OTAN », a déclaré la ministre Anna Petrova.\n",
    "lone surrogate-free emoji": "“🙂 NATO 🙃,” said Anna Petrova. 👍\n",
    "no newline at end, open quote": "Anna Petrova said: “We will never leave",
}


def assert_offsets(text: str, result) -> None:
    for q in result.quotes:
        assert text[q.start_char : q.end_char] == q.text
        spans = [q.outer, q.cue, q.speaker_mention, *q.role, *q.parts, *(e for s in q.stance.values() for e in s.evidence)]
        for span in spans:
            if span is not None:
                assert text[span.start_char : span.end_char] == span.text
    assert stance.DocResult.from_dict(result.to_dict()) == result


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_a_valid_result(name):
    text = BAD_INPUTS[name]
    result = analyze(text, name)
    assert_offsets(text, result)


def test_bad_inputs_in_a_batch():
    results = list(analyze_many(sorted(BAD_INPUTS.items())))
    assert [r.doc for r in results] == sorted(BAD_INPUTS)
    for r in results:
        assert not r.errors
        assert_offsets(BAD_INPUTS[r.doc], r)


def test_expected_findings_on_messy_input():
    assert analyze(BAD_INPUTS["CRLF line ends"]).quotes[0].speaker == "Anna Petrova"
    assert analyze(BAD_INPUTS["CR line ends"]).quotes[0].speaker == "Anna Petrova"
    assert analyze(BAD_INPUTS["non-English"]).quotes[0].text.startswith("Nous ne quitterons")
    assert analyze("").quotes == ()


@pytest.mark.parametrize("value", [b"bytes", None, 42])
def test_not_text_is_one_documented_error(value):
    with pytest.raises(InputError, match="as str"):
        analyze(value)


def test_a_document_of_several_megabytes():
    # 3 MB: mostly narrative (blanked by the partial parse), quotes at the start, middle and end; it is
    # analysed in paragraph-aligned pieces, and every offset still points into the whole text
    filler = "the talks went on for hours and nothing changed at all that day.\n" * 16_000
    text = ARTICLE + filler + ARTICLE + filler + filler + ARTICLE
    assert len(text) > 3_000_000
    result = analyze(text, "big")
    assert_offsets(text, result)
    assert [q.speaker for q in result.quotes] == ["Anna Petrova"] * 3
    assert sorted({q.paragraph for q in result.quotes}) == [1, 16_003, 48_005]
