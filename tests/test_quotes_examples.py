"""One example per case the scanner must handle (issue: the quote scanner)."""
import pytest

from stance import scan_quotes


def contents(text):
    return [q.text for q in scan_quotes(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He said “we will stay” today.", ["we will stay"]),
        ("He said ‘we will stay’ today.", ["we will stay"]),
        ('He said "we will stay" today.', ["we will stay"]),
        ("He said 'we will stay' today.", ["we will stay"]),
        ("Il a dit « nous restons » hier.", ["nous restons"]),
        ("Il a dit ‹ nous restons › hier.", ["nous restons"]),
        ("Er sagte „wir bleiben“ heute.", ["wir bleiben"]),
        ("Er sagte ‚wir bleiben‘ heute.", ["wir bleiben"]),
        ("Han sa ”vi stannar” idag.", ["vi stannar"]),
        ("He wrote ``we stay'' there.", ["we stay"]),
        ("On Mr. King's show, ''Politicking.''", ["Politicking."]),
        ("「我们留下」他说。", ["我们留下"]),
    ],
)
def test_mark_styles(text, expected):
    assert contents(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Turkey’s army and the US’ F-35 program don't mix.",
        "Music of the ’90s and rock ’n’ roll, salt 'n' pepper.",
        "In the '08 crisis the allies' bases stayed open; O’Brien agreed.",
        "They’re rockin’ and it’s fine ’cause we ’til the end.",
    ],
)
def test_apostrophes_are_not_quotes(text):
    assert contents(text) == []


def test_apostrophes_inside_quotes_do_not_end_them():
    text = "“Turkey’s role in the ’90s and the US’ F-35 isn't rock ’n’ roll,” he said."
    assert contents(text) == ["Turkey’s role in the ’90s and the US’ F-35 isn't rock ’n’ roll,"]


def test_single_quote_with_possessive_plural_inside():
    assert contents("He called it ‘the allies’ worst idea’ on Monday.") == ["the allies’ worst idea"]


def test_nested_single_in_double():
    qs = scan_quotes("“They call it ‘a threat’ to peace,” she said.")
    assert [(q.text, q.depth) for q in qs] == [("They call it ‘a threat’ to peace,", 0), ("a threat", 1)]


def test_multi_paragraph_quote():
    text = "“First paragraph of the quote.\n\n“Second paragraph ends it,” he said.\n"
    (q,) = scan_quotes(text)
    assert q.text == "First paragraph of the quote.\n\n“Second paragraph ends it,"
    assert [p.text for p in q.parts] == ["First paragraph of the quote.", "Second paragraph ends it,"]
    assert q.paragraph == 0 and q.open_mark == "“" and q.close_mark == "”"


def test_unclosed_quote_ends_at_paragraph_end_and_rest_survives():
    text = "He said “this never closes.\nShe said “but this does” later. And “this too”."
    assert contents(text) == ["this never closes.", "but this does", "this too"]
    assert scan_quotes(text)[0].close_mark == ""


def test_stray_opener_inside_paragraph_is_repaired_locally():
    text = 'He said "one. Then she said "two" and "three".'
    assert contents(text)[-2:] == ["two", "three"]


def test_missing_opener_recovered_from_paragraph_start():
    assert contents("We will never leave NATO,” the minister said.") == ["We will never leave NATO,"]


def test_inch_mark_is_not_a_quote():
    assert contents("The 6” pipe burst.") == []


def test_straight_direction_inferred():
    text = 'Asked why, he said: "Because." Then "No," she replied, "never."'
    assert contents(text) == ["Because.", "No,", "never."]


def test_nbsp_and_crlf_do_not_shift_offsets():
    text = "Line one.\r\n\r\nHe said\u00a0“withdraw from\u00a0NATO”\u00a0today.\r\n“Second,” he added.\r\n"
    qs = scan_quotes(text)
    assert [q.text for q in qs] == ["withdraw from\u00a0NATO", "Second,"]
    for q in qs:
        assert text[q.start_char : q.end_char] == q.text
        assert text[q.outer.start_char : q.outer.end_char] == q.open_mark + q.text + q.close_mark


def test_heading_vs_speech():
    text = (
        "‘Message to Turkey’\n\n"
        "“The US is forced to create coalitions,”\n\n"
        "he noted.\n\n"
        "Analyst Explains Why Turkey 'Can Calmly Withdraw From NATO' After Putin's Speech\n\n"
        "He spoke to the \"Yanks\" today.\n"
    )
    kinds = [(q.text, q.kind) for q in scan_quotes(text)]
    assert kinds == [
        ("Message to Turkey", "heading"),
        ("The US is forced to create coalitions,", "full"),
        ("Can Calmly Withdraw From NATO", "partial"),
        ("Yanks", "partial"),
    ]


def test_colon_introduced_quote_paragraph_is_not_a_heading():
    qs = scan_quotes("Cavusoglu literally:\n“Turkey wants other options”")
    assert [q.kind for q in qs] == ["full"]


def test_empty_quotes_and_only_marks_give_nothing():
    assert contents("“”  \"\" ‘’") == []
    assert contents("\"" * 1000) == []
    assert contents("") == []


def test_many_unmatched_marks_do_not_lose_later_quotes():
    text = "“" * 500 + "\nShe said “yes” then."
    assert contents(text)[-1] == "yes"


def test_non_str_is_a_type_error():
    with pytest.raises(TypeError):
        scan_quotes(b"bytes")
