"""Reported (indirect) speech: one test per frame, on sentences written for them."""
import json

import pytest

from stance import Prediction, Target, analyze, hookimpl
from stance.aggregate import speaker_table
from stance.errors import InputError
from stance.evaluate import evaluate
from stance.model import DocResult, parse_kinds
from stance.plugins import PluginHost

BOTH = ("direct", "indirect")


def indirect(text, **kw):
    """The reported statements of ``text`` (no stance, for speed)."""
    result = analyze(text, "t", kinds=BOTH, classifier=kw.pop("classifier", None), **kw)
    return [q for q in result.quotes if q.kind == "indirect"]


def only(text):
    found = indirect(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def test_said_that_clause():
    q = only("Defence Minister Lena Holm said on Tuesday that Sweden would send two frigates to the Baltic.")
    assert q.text == "Sweden would send two frigates to the Baltic"
    assert q.speaker == "Lena Holm" and q.cue.text == "said"
    assert q.attribution.method == "reported.clause"


def test_clause_then_cue_without_marks():
    q = only("The talks would resume next month, Marek Nowak said.")
    assert q.text == "The talks would resume next month" and q.speaker == "Marek Nowak"


def test_told_reporters():
    q = only("Anita Varga told reporters in Budapest that the pipeline deal was finished.")
    assert q.text == "the pipeline deal was finished" and q.speaker == "Anita Varga"


def test_parenthetical_cue_gives_two_parts():
    q = only("Canada, Paul Okafor said, would keep its troops in Latvia.")
    assert q.speaker == "Paul Okafor"
    assert [p.text for p in q.parts] == ["Canada", "would keep its troops in Latvia"]
    assert q.text.startswith("Canada") and q.text.endswith("Latvia")


def test_as_clause_is_parenthetical():
    q = only("As Ines Duarte pointed out, the budget cannot cover a second carrier.")
    assert q.text == "the budget cannot cover a second carrier" and q.speaker == "Ines Duarte"


def test_an_as_clause_with_an_object_is_no_cue():
    found = indirect("Sofia Reyes said the plan was sound, as her party defends its record on spending.")
    assert [(q.text, q.speaker) for q in found] == [
        ("the plan was sound, as her party defends its record on spending", "Sofia Reyes")]


def test_welcoming_guests_is_not_a_statement():
    assert indirect("Mayor Tom Berg welcomed the two delegations to the city hall.") == []
    assert only("Tom Berg welcomed the decision to reopen the port.").text == "the decision to reopen the port"


def test_according_to():
    q = only("According to Rafael Ortiz, the drills will end on Friday.")
    assert q.text == "the drills will end on Friday" and q.speaker == "Rafael Ortiz"
    assert q.cue.text == "According to"


def test_urged_to_and_vowed_to():
    q = only("Karin Berg urged allies to send more air defence systems.")
    assert q.text == "allies to send more air defence systems" and q.speaker == "Karin Berg"
    q = only("Tomas Lind vowed to block the new tariffs.")
    assert q.text == "to block the new tariffs"


def test_called_for_and_accused_of():
    q = only("Olga Marsh called for an immediate ceasefire in the region.")
    assert q.text == "an immediate ceasefire in the region"
    q = only("Viktor Sand accused the neighbouring government of stoking the unrest.")
    assert q.text == "the neighbouring government of stoking the unrest" and q.speaker == "Viktor Sand"


def test_object_of_a_verb_of_speech():
    q = only("Priya Nair criticised the decision to close the embassy.")
    assert q.text == "the decision to close the embassy" and q.attribution.method == "reported.object"


def test_a_pronoun_object_is_not_content():
    assert indirect("Ahmed Saleh read the report. He denied it.") == []


def test_speech_noun_with_possessor():
    q = only("Lena Holm's claim that the base had been sold was false.")
    assert q.text == "the base had been sold" and q.speaker == "Lena Holm"


def test_document_named_by_a_compound_reports_its_that_clause():
    found = indirect("The minister pointed to a Baltic Times report that the depot had been emptied.")
    # what the minister pointed to, and inside it what the report says
    assert [(q.text, q.attribution.method) for q in found] == [
        ("a Baltic Times report that the depot had been emptied", "reported.preposition"),
        ("the depot had been emptied", "reported.speech_noun"),
    ]
    assert found[1].speaker_mention.text.endswith("Times")
    assert indirect("The report that he wrote was long.") == []


def test_a_thing_is_no_speaker_of_an_ambiguous_verb():
    assert indirect("Such a framework would not threaten the sovereignty of its neighbours.") == []
    q = only("Several critics rejected the new budget rules.")
    assert q.text == "the new budget rules"


def test_evidence_is_no_speaker_but_a_study_or_a_person_is():
    assert indirect("Such cooperation explains why the two countries trust each other.") == []
    # through a relative pronoun to the noun it stands for
    q = only("Instead, the study, which notes that big companies would owe billions in taxes, is a useful guide.")
    assert (q.text, q.speaker) == ("big companies would owe billions in taxes", "study")
    q = only("A young woman who noted that the schools were failing asked for help.")
    assert (q.text, q.speaker) == ("the schools were failing", "young woman")


@pytest.mark.parametrize(
    "words, heads, deps, trailing",
    [
        # "Finland must apply, its president has said." parsed with "said" as a second verb of "apply"
        (["Finland", "must", "apply", ",", "its", "president", "has", "said", "."], [2, 2, 2, 2, 5, 7, 7, 2, 2],
         ["nsubj", "aux", "ROOT", "punct", "poss", "nsubj", "aux", "conj", "punct"], True),
        # "Finland applied and its president said so": two things done, not a cue set after a report
        (["Finland", "applied", "and", "its", "president", "said", "so", "."], [1, 1, 1, 4, 5, 1, 5, 1],
         ["nsubj", "ROOT", "cc", "poss", "nsubj", "conj", "advmod", "punct"], False),
    ],
)
def test_a_cue_the_parser_joined_as_a_second_verb(words, heads, deps, trailing):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from stance.reported import _trailing_cue

    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert _trailing_cue(doc[words.index("said")]) is trailing


def test_its_president_is_the_president_of_the_country_the_sentence_is_about():
    text = ("Finland must apply to join the alliance “without delay” after the attack, its president has said. "
            "Sauli Niinistö, Finland’s president, spoke on Thursday. "
            "Dmitry Medvedev, the former Russian president, said Moscow would respond. "
            "Medvedev said the move was a mistake. Medvedev said Russia would act.")
    quotes = analyze(text, "t", kinds=BOTH, classifier=None).quotes
    assert [(q.kind, q.speaker) for q in quotes[:2]] == [("indirect", "Sauli Niinistö"), ("partial", "Sauli Niinistö")]


def test_a_verb_tagged_as_a_noun_is_read_from_the_word_order():
    q = only("Trump charges that donors gave millions to the foundation.")
    assert q.text == "donors gave millions to the foundation" and q.speaker_mention.text == "Trump"
    assert indirect("The airline charges that fee twice.") == []


def test_colon_then_paragraph_without_marks():
    text = "The governor, Ruth Adler, added:\nThe plan has no money behind it. It will fail by spring.\nOther news."
    q = only(text)
    assert q.text == "The plan has no money behind it. It will fail by spring" and q.speaker == "Ruth Adler"
    assert q.paragraph == 1


def test_an_office_speaks_in_a_statement():
    q = only("Nadia Rahimi's office said in a statement that the embassy would reopen in May.")
    assert q.text == "the embassy would reopen in May" and q.speaker_mention.text == "Nadia Rahimi's office"


def test_passive_with_agent():
    q = only("It was announced by the ministry that the border crossing would reopen.")
    assert q.text == "the border crossing would reopen" and q.speaker_mention.text.endswith("ministry")


def test_pronoun_speaker_resolves_to_the_person():
    found = indirect("Jana Novak arrived in Riga on Monday. She said the summit would be short.")
    assert [(q.text, q.speaker) for q in found] == [("the summit would be short", "Jana Novak")]


@pytest.mark.parametrize(
    "text",
    [
        "Critics fear that the alliance will split over the budget.",
        "Many voters think the minister should resign.",
        "Polls show that support for the treaty is falling.",
        "Such cooperation explains why the port remains open.",
    ],
)
def test_beliefs_perceptions_and_evidence_are_not_speech(text):
    assert indirect(text) == []


def test_what_things_indicate_inside_a_report_is_the_reporters_claim_once():
    found = indirect("The analyst Omar Haddad told reporters that these statements indicate that the treaty is dead.")
    assert [q.speaker for q in found] == ["Omar Haddad"]
    assert "the treaty is dead" in found[0].text


def test_withheld_or_requested_speech_is_not_a_statement():
    assert indirect("Omar Haddad declined to say whether the talks had failed.") == []
    found = indirect("The government demanded that the rebels declare a truce at once.")
    assert [q.speaker_mention.text for q in found] == ["The government"]


def test_a_clause_in_marks_stays_a_direct_quote_only():
    for text in ["\u201cWe will not leave,\u201d Hana Kato said.", "Hana Kato said: \u201cWe will not leave.\u201d",
                 "Hana Kato said that \u201cwe will not leave.\u201d"]:
        result = analyze(text, "t", kinds=BOTH, classifier=None)
        assert [q.kind for q in result.quotes] in (["full"], ["partial"]), text


def test_mixed_quote_is_one_indirect_quote_containing_the_fragment():
    text = "Erik Dahl said the government would \u201cnever\u201d approve the sale."
    result = analyze(text, "t", kinds=BOTH, classifier=None)
    [outer] = [q for q in result.quotes if q.kind == "indirect"]
    [fragment] = [q for q in result.quotes if q.kind != "indirect"]
    assert outer.text == "the government would \u201cnever\u201d approve the sale"
    assert fragment.text == "never" and fragment.speaker == "Erik Dahl"
    assert outer.start_char < fragment.outer.start_char and fragment.outer.end_char < outer.end_char


def test_a_fragment_closing_the_sentence_is_inside_the_clause():
    # the parse ends the clause at the period, inside the marks: the clause takes the closing mark too
    text = "Ana Ruiz said the plan was \u201ca grave mistake.\u201d Others disagreed."
    [q] = indirect(text)
    assert q.text == "the plan was \u201ca grave mistake.\u201d" and q.speaker == "Ana Ruiz"


def test_an_unattributed_fragment_inside_a_reported_clause_is_its_speakers():
    # a scraped link title glued to the name ("…?Read more Vera Lind, …") leaves "told" without a subject
    # the cue sieves can use; the reported clause around the fragment still says whose words they are
    text = ("The talks went on. Why the port matters to the region?Read more Vera Lind, a senior lawmaker, told "
            "a radio station on Monday that a blockade of the port could lead to an \u201carmed conflict\u201d with "
            "its neighbour.")
    [q] = analyze(text, "t", classifier=None).quotes
    assert (q.text, q.speaker, q.attribution.method) == ("armed conflict", "Vera Lind", "reported.fragment")


def test_a_name_before_an_apposition_speaks_when_the_parse_lost_the_subject():
    from stance.cues import CueFinder
    from stance.nlp import load
    from stance.quotes import paragraphs, scan_quotes
    from stance.reported import _apposed_name

    text = "Kai Berg, another senior lawmaker, told reporters the port would stay shut."
    doc = load()(text)
    finder = CueFinder(doc, text, scan_quotes(text), paragraphs(text))
    told = next(t for t in doc if t.text == "told")
    assert _apposed_name(finder, told).text == "Berg"
    assert _apposed_name(finder, next(t for t in doc if t.text == "lawmaker")) is None


def test_default_kinds_are_direct_only_and_direct_results_do_not_change():
    text = "Lena Holm said Sweden would send ships. \u201cWe are ready,\u201d she added."
    direct = analyze(text, "t", classifier=None)
    both = analyze(text, "t", kinds=BOTH, classifier=None)
    assert [q.kind for q in direct.quotes] == ["full"]
    assert [q for q in both.quotes if q.kind != "indirect"] == list(direct.quotes)
    assert [q.kind for q in analyze(text, "t", kinds="indirect", classifier=None).quotes] == ["indirect"]


def test_parse_kinds():
    assert parse_kinds(None) == ("direct",)
    assert parse_kinds("indirect, direct") == BOTH
    with pytest.raises(InputError, match="unknown kind 'indirrect'"):
        parse_kinds("direct,indirrect")
    with pytest.raises(InputError):
        parse_kinds("")


class _Recorder:
    """A classifier that records what it is given and answers favor."""

    name = "recorder.v1"

    def __init__(self):
        self.items = []

    def classify(self, items):
        self.items.extend(items)
        return [Prediction("favor", 0.8) for _ in items]


def test_indirect_quotes_are_classified_knowing_their_kind_and_round_trip():
    recorder = _Recorder()

    class Plugin:
        @hookimpl
        def register_classifiers(self, register):
            register(recorder)

        @hookimpl
        def register_targets(self, register):
            register(Target("Thing", aliases=("thing",)))

    host = PluginHost(entry_points=False)
    host.register(Plugin(), name="recorder")
    text = "Lena Holm said Sweden strongly supports the thing. \u201cThe thing works,\u201d she added."
    result = analyze(text, "t", kinds=BOTH, classifier="recorder.v1", host=host, targets=["Thing"])
    assert [(i.kind, i.text) for i in recorder.items] == [("indirect", "Sweden strongly supports the thing"),
                                                          ("full", "The thing works,")]
    assert recorder.items[0].sentence.startswith("Lena Holm said")
    assert [q.stance["Thing"].label for q in result.quotes] == ["favor", "favor"]
    assert DocResult.from_dict(json.loads(result.to_json())) == result


def test_table_counts_quotes_and_reported_statements_apart():
    text = ("Lena Holm said Sweden would send two ships. \u201cWe are ready,\u201d Holm added. "
            "Holm also told reporters the base would stay open.")
    result = analyze(text, "t", kinds=BOTH, classifier=None)
    [row] = speaker_table([result]).rows
    assert (row.speaker, row.quotes, row.indirect, row.statements) == ("Lena Holm", 1, 2, 3)
    [row] = speaker_table([result], kinds="direct").rows
    assert (row.quotes, row.indirect) == (1, 0)
    table = speaker_table([result])
    assert "| quotes | indirect |" in table.to_markdown()
    assert "indirect" not in speaker_table([result], kinds="direct").to_markdown().splitlines()[0]
    assert table.to_dict()["rows"][0]["indirect"] == 2


def test_evaluate_scores_reported_speech_against_reported_gold():
    text = "Lena Holm said Sweden would send two ships. \u201cWe are ready,\u201d Holm added."
    result = analyze(text, "t", kinds=BOTH, classifier=None)
    gold = [
        {"doc": "t", "quote": "Sweden would send", "kind": "indirect", "speaker": "Lena Holm"},
        {"doc": "t", "quote": "We are ready", "kind": "full", "speaker": "Lena Holm"},
    ]
    report = evaluate(gold, [result])
    assert (report.found, report.speakers_right, report.attributed_matched, report.attributed) == (2, 2, 2, 2)


def test_spacy_component_takes_kinds(nlp_component):
    doc = nlp_component("Lena Holm said Sweden would send two ships.")
    assert [q.kind for q in doc._.quotes] == ["indirect"]


@pytest.fixture(scope="module")
def nlp_component():
    import spacy

    from stance.nlp import DEFAULT_MODEL, prepare

    nlp = prepare(spacy.load(DEFAULT_MODEL))
    nlp.add_pipe("stance_quotes", config={"classifier": None, "kinds": ["direct", "indirect"]})
    return nlp
