"""The trained linear.v1 classifier: features, training, model files, the shipped model, evaluation.

Training data here is written for these tests; the shipped model's own corpus is stance/data/train.
"""
from __future__ import annotations

import json
import pickle

import pytest

import stance
from stance.classifiers.linear import LinearClassifier, LinearModel, default_model_path
from stance.errors import InputError, ModelError
from stance.evaluate import evaluate, role_f1, same_speaker
from stance.features import frame_of, item_features, mentions_target, previous_sentence, tokens
from stance.model import DocResult, Quote, Span, StanceLabel
from stance.plugins import PluginHost
from stance.train import Example, held_out_scores, read_examples, split, train

TINY = [
    ("NATO", "favor", "We fully back Nato and its new members", "“We fully back Nato and its new members,” the minister said."),
    ("NATO", "favor", "a historic day for our common security", "She called Sweden's accession to Nato “a historic day for our common security”."),
    ("NATO", "favor", "Nato keeps us safe", "“Nato keeps us safe,” he told reporters."),
    ("NATO", "against", "a provocation we will answer", "He said the Nato deployment was “a provocation we will answer”."),
    ("NATO", "against", "Nato is a relic of the cold war", "“Nato is a relic of the cold war,” the deputy said."),
    ("NATO", "against", "we will block this enlargement", "The president said “we will block this enlargement” of Nato until his demands are met."),
    ("NATO", "none", "The summit starts on Tuesday", "“The summit starts on Tuesday,” a Nato official said."),
    ("NATO", "none", "prices are rising", "Shoppers said “prices are rising” in the capital."),
    ("NATO", "none", "We discussed the weather", "“We discussed the weather,” the diplomat joked."),
    ("Russia", "favor", "Moscow only defends its legitimate interests", "“Moscow only defends its legitimate interests,” the envoy said."),
    ("Russia", "against", "Russia's aggression must be punished", "“Russia's aggression must be punished,” the senator said."),
    ("Russia", "none", "talks will resume next week", "The spokesman said “talks will resume next week”."),
]


def tiny_examples():
    return [Example(t, lab, text, ctx, id=f"t{i}") for i, (t, lab, text, ctx) in enumerate(TINY)]


@pytest.fixture(scope="module")
def host():
    return PluginHost(entry_points=False)


@pytest.fixture(scope="module")
def tiny_model(host):
    return train(tiny_examples(), host.targets, seed=0)


# -- features ----------------------------------------------------------------------
def test_negation_marks_the_words_it_scopes_over():
    assert tokens("We will never leave it, ever.") == ["we", "will", "not", "neg_leave", "neg_it", ",", "ever", "."]


def test_target_mentions_are_masked_and_names_in_the_frame_dropped(host):
    ex = Example("NATO", "against", "a grave mistake", "Ryabkov said Finland's bid to join Nato was “a grave mistake”.", kind="partial")
    feats = item_features(ex.item(host.target("NATO")))
    assert "c:__tgt__" in feats and "c:join" in feats
    # in an article that names Nato, its "bid" (like "the alliance") stands for it
    assert "c:__tgt__ to" in feats and "c:bid" not in feats
    assert not any("ryabkov" in f or "finland" in f for f in feats)  # who speaks is not a feature
    assert feats["@tgt_frame"] == 1.0 and feats["@tgt_quote"] == 0.0 and feats["@partial"] == 1.0


def test_the_sentence_before_is_read_for_what_it_refers_to(host):
    ex = Example("NATO", "against", "It is a mistake", "“It is a mistake,” he said.", before="Finland applied to join Nato on Sunday.")
    item = ex.item(host.target("NATO"))
    assert previous_sentence(item.document, item.sentence_start) == "Finland applied to join Nato on Sunday."
    assert item.document[item.start_char : item.start_char + len(item.text)] == item.text
    assert frame_of(item).strip().startswith("“")
    feats = item_features(item)
    assert feats["@tgt_before"] == 1.0 and feats["@refers_back"] == 1.0 and "b:__tgt__" in feats


def test_a_negated_mention_of_the_target_is_still_a_mention(host):
    # the "not" before the quote scopes over "by Russia" (no comma between): the target is named all the same
    ex = Example("Russia", "against", "annexed", "He said it should not be forgotten that Crimea was “annexed” by Russia.", kind="partial")
    feats = item_features(ex.item(host.target("Russia")))
    assert "c:neg___tgt__" in feats
    assert feats["@tgt_frame"] == 1.0 and feats["@tgt_absent"] == 0.0


@pytest.mark.parametrize("target", ["NATO", "Russia"])
@pytest.mark.parametrize("text, context, before", [
    ("a grave mistake", "Ryabkov said Finland's bid to join Nato was “a grave mistake”.", ""),
    ("a grave mistake", "Ryabkov said the bid was “a grave mistake”.", "Finland applied to join Nato."),
    ("a grave mistake", "Ryabkov said the bid was “a grave mistake”.", "Finland applied on Monday."),
    ("It will never be forgotten", "“It will never be forgotten,” he said of the invasion.", "Moscow sent troops."),
    ("Prices are rising", "“Prices are rising,” a shopper said.", "The weather was fine."),
])
def test_the_quick_mention_test_agrees_with_the_features(host, target, text, context, before):
    """linear.v1 settles unmentioned targets before computing features: the two must agree."""
    item = Example(target, "none", text, context, before).item(host.target(target))
    assert mentions_target(item) is (item_features(item)["@tgt_absent"] == 0.0)


def test_naming_the_targets_adversaries_is_no_feature_of_its_own(host):
    ex = Example("Russia", "favor", "The West wants this war", "“The West wants this war,” the envoy said.")
    feats = item_features(ex.item(host.target("Russia")))
    assert "q:__opp__" in feats and not any(f.startswith("@opp") for f in feats)


# -- training and model files --------------------------------------------------------
def test_same_data_and_seed_give_a_byte_identical_model_file(tmp_path, host):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    train(tiny_examples(), host.targets, seed=3).save(a)
    train(list(tiny_examples()), host.targets, seed=3).save(b)
    assert a.read_bytes() == b.read_bytes()


def test_a_model_file_round_trips(tmp_path, host, tiny_model):
    path = tmp_path / "m.json"
    tiny_model.save(path)
    loaded = LinearModel.load(path)
    assert loaded.to_json() == tiny_model.to_json()
    items = [e.item(host.target(e.target)) for e in tiny_examples()]
    assert LinearClassifier(loaded).classify(items) == LinearClassifier(tiny_model).classify(items)


def test_the_model_learns_its_training_data(host, tiny_model):
    clf = LinearClassifier(tiny_model)
    examples = tiny_examples()
    got = clf.classify([e.item(host.target(e.target)) for e in examples])
    right = sum(g.label == e.label for g, e in zip(got, examples))
    assert right >= len(examples) - 2
    assert all(0.0 <= g.score <= 1.0 for g in got)


def test_a_target_the_model_does_not_know_gets_the_lexicon_label(host, tiny_model):
    target = host.target("alliance_shift")
    item = Example("alliance_shift", "favor", "We need to develop other options", "“We need to develop other options,” he said.").item(target)
    lexicon = host.classifier("lexicon.v1").classify([item])[0]
    assert LinearClassifier(tiny_model).classify([item])[0] == lexicon


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\x80\x04\x95 not json", "cannot read model"),
        (pickle.dumps({"format": "stance-linear"}), "cannot read model"),
        (b"[1, 2, 3]", "not a stance model file"),
        (b'{"weights": []}', "not a stance model file"),
        (b'{"format": "stance-linear", "format_version": 99, "features_version": 1, "targets": {}}', "retrain"),
        (b'{"format": "stance-linear", "format_version": 1, "features_version": 1, "targets": {}}', "no targets"),
        (
            b'{"format": "stance-linear", "format_version": 1, "features_version": 1, "targets": {"NATO": '
            b'{"classes": ["against", "favor", "none"], "features": ["q:a"], "idf": [1, 2], "coef": [[0], [0], [0]], "intercept": [0, 0, 0]}}}',
            "shapes",
        ),
        (b'{"format": "stance-linear", "format_version": 1, "features_version": 1, "targets": {"NATO": {"classes": ["yes", "no"]}}}', "malformed"),
    ],
)
def test_a_corrupt_or_foreign_model_file_gives_a_clear_error(tmp_path, content, message):
    from stance.features import FEATURES_VERSION

    path = tmp_path / "model.json"
    # the rows above are written for the current feature definition
    path.write_bytes(content.replace(b'"features_version": 1', f'"features_version": {FEATURES_VERSION}'.encode()))
    with pytest.raises(ModelError, match=message):
        LinearModel.load(path)


def test_a_missing_model_file_gives_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="cannot read model"):
        LinearClassifier(tmp_path / "nope.json").model


def test_training_data_errors_name_file_and_line(tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_text('{"target": "NATO", "label": "favor", "text": "ok"}\n{"target": "NATO", "label": "pro", "text": "x"}\n')
    with pytest.raises(InputError, match=r"data.jsonl:2: label must be one of"):
        read_examples([path])
    path.write_text('{"target": "NATO", "label": "favor"}\n')
    with pytest.raises(InputError, match=r"data.jsonl:1: needs a non-empty string 'text'"):
        read_examples([path])


def test_one_label_only_cannot_be_trained(host):
    only = [e for e in tiny_examples() if e.label == "favor"]
    with pytest.raises(InputError, match="at least two different labels"):
        train(only, host.targets)


def test_held_out_examples_are_chosen_stably():
    examples = [Example("NATO", "none", f"text {i}", f"text {i}", id=f"id{i}") for i in range(400)]
    train_a, held_a = split(examples, 0.1)
    train_b, held_b = split(list(reversed(examples)), 0.1)
    assert {e.id for e in held_a} == {e.id for e in held_b}
    assert 20 <= len(held_a) <= 60 and len(train_a) + len(held_a) == 400


def test_a_users_own_target_is_trained_with_its_name_as_alias(host):
    data = [
        Example("Brexit", "favor", "Brexit was the best decision we ever made", "“Brexit was the best decision we ever made,” he said.", id="b1"),
        Example("Brexit", "against", "Brexit was a disaster", "“Brexit was a disaster,” she said.", id="b2"),
        Example("Brexit", "none", "Parliament sits on Monday", "“Parliament sits on Monday,” a clerk said.", id="b3"),
    ]
    model = train(data, host.targets)
    assert set(model.targets) == {"Brexit"}


# -- the shipped model ------------------------------------------------------------------
def test_the_shipped_model_loads_and_says_how_it_was_trained():
    model = LinearModel.load(default_model_path())
    assert set(model.targets) == {"NATO", "Russia", "alliance_shift"}
    assert model.meta["holdout"] > 0 and model.meta["lexicon_features"] is True


def test_the_shipped_model_on_its_held_out_sanity_slice(host):
    """Corpus items the shipped model never saw (a stable slice of stance/data/train)."""
    model = LinearModel.load(default_model_path())
    corpus = [default_model_path().parent / "train" / name for name in model.meta["sources"]]
    scores = held_out_scores(model, read_examples(corpus), host.targets, model.meta["holdout"])
    for target in ("NATO", "Russia", "alliance_shift"):
        n, f = scores[target]
        assert n >= 30
        # The corpus is balanced, the model's scores are shifted to news, where most quotes take no
        # side (none share 0.45 of the quotes that mention NATO or Russia; 0.97 for alliance_shift, which
        # about 1 news quote in 20 takes a side on):
        # it says none more often than this slice has.
        floor = 0.25 if target == "alliance_shift" else 0.6
        assert f["f_avg"] >= floor, (target, f)


def test_linear_reads_the_sentence_around_a_partial_quote():
    text = "Ryabkov said Finland's bid to join the Nato alliance was “a grave mistake with far-reaching consequences”."
    quote = stance.analyze(text, classifier="linear.v1").quotes[0]
    assert quote.stance["NATO"].label == "against"


# -- evaluation ---------------------------------------------------------------------------
def _quote(text: str, start: int, speaker: str | None, role: str | None, stance_labels: dict[str, str]) -> Quote:
    content = Span(start, start + len(text), text)
    outer = Span(start - 1, start + len(text) + 1, f"“{text}”")
    role_spans = (Span(0, len(role), role),) if role else ()
    labels = tuple(StanceLabel(t, lab, 1.0, "x") for t, lab in stance_labels.items())
    return Quote(content, outer, "full", 0, speaker=speaker, role=role_spans, stance=labels)


def test_evaluate_counts_quotes_speakers_roles_and_stance():
    gold = [
        {"doc": "a", "quote": "We stay", "kind": "full", "speaker": "Anna Petrova", "role": "foreign minister",
         "stance": {"NATO": "favor", "Russia": "none"}},
        {"doc": "a", "quote": "Never", "kind": "full", "speaker": "Ivan Sidorov", "stance": {"NATO": "against", "Russia": "?"}},
        {"doc": "a", "quote": "Operation Dawn", "kind": "scare", "speaker": None},
        {"doc": "a", "quote": "Missed quote", "kind": "full", "speaker": "Anna Petrova"},
    ]
    result = DocResult("a", (
        _quote("We stay in the alliance", 10, "Petrova", "Foreign Minister", {"NATO": "favor", "Russia": "against"}),
        _quote("Never again", 60, "Anna Petrova", None, {"NATO": "none", "Russia": "none"}),
        _quote("Operation Dawn", 90, None, None, {}),
        _quote("Unrelated words", 120, "Somebody", None, {}),
    ))
    report = evaluate(gold, [result])
    assert (report.required, report.found) == (3, 2)
    assert (report.attributed, report.attributed_matched) == (3, 2)
    assert report.speakers_right == 1  # "Never" was Sidorov's
    assert report.unspoken_ok == report.unspoken == 1
    assert report.role_f1 == 1.0
    assert report.confusion("NATO")["favor"]["favor"] == 1 and report.confusion("NATO")["against"]["none"] == 1
    assert report.confusion("Russia")["none"]["against"] == 1 and sum(map(sum, (r.values() for r in report.confusion("Russia").values()))) == 1
    assert report.stance_scores()["NATO"]["favor"] == 1.0
    assert "gold \\ predicted" in report.to_text()
    assert json.loads(json.dumps(report.to_dict()))["speakers"]["right"] == 1


def test_evaluate_on_gold_without_speakers_prints_no_speaker_figure():
    gold = [{"doc": "a", "quote": "We stay", "kind": "full", "stance": {"NATO": "favor"}}]
    result = DocResult("a", (_quote("We stay in the alliance", 10, "Petrova", None, {"NATO": "favor"}),))
    report = evaluate(gold, [result])
    assert report.speaker_rows == 0 and report.confusion("NATO")["favor"]["favor"] == 1
    text = report.to_text()
    assert "speakers  not labelled" in text and "roles" not in text


def test_evaluate_scores_only_the_documents_it_was_given():
    gold = [
        {"doc": "a", "quote": "We stay", "kind": "full", "speaker": "Anna Petrova", "stance": {"NATO": "favor"}},
        {"doc": "b", "quote": "Elsewhere", "kind": "full", "speaker": "Ivan Sidorov", "stance": {"NATO": "against"}},
    ]
    results = [
        DocResult("a", (_quote("We stay in the alliance", 10, "Petrova", None, {"NATO": "favor"}),)),
        DocResult("c", (_quote("Not in the gold file", 10, "Somebody", None, {}),)),
    ]
    report = evaluate(gold, results)
    # b's row is not a miss (b was not analysed) and c's quote is not a false one (c has no gold)
    assert (report.required, report.found, report.attributed) == (1, 1, 1)
    assert (report.documents, report.gold_documents_left_out, report.documents_without_gold) == (1, 1, 1)
    assert report.to_text().startswith("documents 1 scored; 1 gold documents not among the FILEs left out; 1 FILEs")
    assert json.loads(json.dumps(report.to_dict()))["documents"] == {"scored": 1, "gold_left_out": 1, "without_gold": 1}


def test_evaluate_refuses_documents_the_gold_file_does_not_name():
    gold = [{"doc": "d01", "quote": "We stay", "kind": "full", "stance": {"NATO": "favor"}}]
    with pytest.raises(InputError, match="none of the 1 documents has gold rows.*'d01'.*'article-1'"):
        evaluate(gold, [DocResult("article-1", ())])


def test_speaker_and_role_matching_rules():
    assert same_speaker("Mevlüt Çavuşoğlu", ["Mevlut Cavusoglu"])
    assert same_speaker("Erdogan", ["Recep Tayyip Erdogan"])
    assert not same_speaker("Sinan Ulgen", ["Mevlut Cavusoglu"])
    assert not same_speaker(None, ["Anna Petrova"])
    assert role_f1("the Turkish foreign minister", "Turkish Foreign Minister") == 1.0
    assert role_f1("analyst", "president") == 0.0


# -- the command line: train, --model, evaluate --------------------------------------------------
ARTICLE = (
    "Defence minister Anna Petrova spoke in Brussels.\n\n"
    "“We fully back Nato and its new members,” Petrova said.\n\n"
    "“The summit starts on Tuesday,” she added."
)


def _write_tiny_data(path):
    rows = [{"target": t, "label": lab, "text": text, "context": ctx, "id": f"t{i}"} for i, (t, lab, text, ctx) in enumerate(TINY)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_stance_train_then_quotes_with_that_model(tmp_path, capsys):
    from stance.cli import main

    data, model, article = tmp_path / "data.jsonl", tmp_path / "model.json", tmp_path / "a.txt"
    _write_tiny_data(data)
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["train", str(data), "--out", str(model), "--seed", "1"]) == 0
    err = capsys.readouterr().err
    assert "training NATO: 9 examples" in err and f"wrote {model}" in err
    assert set(LinearModel.load(model).targets) == {"NATO", "Russia"}
    assert main(["quotes", str(article), "--classifier", "linear.v1", "--model", str(model), "--format", "jsonl", "-q"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["stance"]["NATO"]["classifier"] for r in rows] == ["linear.v1", "linear.v1"]
    assert rows[0]["stance"]["NATO"]["label"] == "favor"


def test_model_option_errors_are_usage_errors(tmp_path, capsys):
    from stance.cli import main

    article, bad = tmp_path / "a.txt", tmp_path / "bad.json"
    article.write_text(ARTICLE, encoding="utf-8")
    bad.write_text("{}", encoding="utf-8")
    assert main(["quotes", str(article), "--classifier", "linear.v1", "--model", str(bad)]) == 2
    assert "not a stance model file" in capsys.readouterr().err
    assert main(["quotes", str(article), "--classifier", "lexicon.v1", "--model", str(bad)]) == 2
    assert "read no model file" in capsys.readouterr().err


def test_stance_train_reports_held_out_examples_and_bad_options(tmp_path, capsys):
    from stance.cli import main

    data = tmp_path / "data.jsonl"
    _write_tiny_data(data)
    assert main(["train", str(data), "--out", str(tmp_path / "m.json"), "--holdout", "0.3"]) == 0
    assert "held out" in capsys.readouterr().err
    assert main(["train", str(data), "--out", str(tmp_path / "m.json"), "--none-share", "EU=0.5"]) == 2
    assert "no training examples for target 'EU'" in capsys.readouterr().err


def test_a_decision_rule_can_apply_to_one_target(host):
    examples = tiny_examples()
    model = train(examples, host.targets, seed=0, rules=["NATO=lexicon-first", "unmentioned-none"])
    assert model.rules == ("unmentioned-none", "NATO=lexicon-first")
    assert model.rules_for("NATO") == {"lexicon-first", "unmentioned-none"}
    assert model.rules_for("Russia") == {"unmentioned-none"}
    assert LinearModel.from_json(model.to_json()).rules == model.rules
    # "strongly supports" is a lexicon cue: NATO takes the lexicon's label, Russia the weights' own
    clf, lexicon = LinearClassifier(model), host.classifier("lexicon.v1")
    for target in ("NATO", "Russia"):
        item = Example(target, "favor", "strongly supports", "Truss said Britain “strongly supports” Nato and Russia.").item(host.target(target))
        lex = lexicon.classify([item])[0]
        got = clf.classify([item])[0]
        assert (got == lex) is (target == "NATO" and lex.label != "none")
    with pytest.raises(InputError, match="unknown decision rule"):
        train(examples, host.targets, rules=["NATO=guess"])


def test_stance_train_rejects_a_rule_for_a_target_without_examples(tmp_path, capsys):
    from stance.cli import main

    data = tmp_path / "data.jsonl"
    _write_tiny_data(data)
    assert main(["train", str(data), "--out", str(tmp_path / "m.json"), "--rule", "EU=lexicon-first"]) == 2
    assert "no training examples for target 'EU'" in capsys.readouterr().err
    assert main(["train", str(data), "--out", str(tmp_path / "m.json"), "--rule", "first-come"]) == 2
    assert "unknown decision rule" in capsys.readouterr().err


def test_none_and_against_shares_set_the_priors():
    from stance.cli import _none_shares

    shares = _none_shares(["0.6"], ["NATO", "Russia"], ["Russia=0.75"])
    assert shares["NATO"] == pytest.approx({"none": 0.6, "favor": 0.2, "against": 0.2})
    assert shares["Russia"] == pytest.approx({"none": 0.6, "favor": 0.1, "against": 0.3})
    assert _none_shares([], ["NATO"], []) == {}  # nothing given: the training data's own balance
    with pytest.raises(InputError, match="--against-share"):
        _none_shares([], ["NATO"], ["NATO=1.5"])


def test_stance_evaluate_prints_scores_and_confusion_matrices(tmp_path, capsys):
    from stance.cli import main

    article, gold = tmp_path / "a.txt", tmp_path / "gold.jsonl"
    article.write_text(ARTICLE, encoding="utf-8")
    rows = [
        {"doc": "a", "quote": "We fully back", "kind": "full", "speaker": "Anna Petrova", "role": "Defence minister",
         "stance": {"NATO": "favor", "Russia": "none"}},
        {"doc": "a", "quote": "The summit starts", "kind": "full", "speaker": "Anna Petrova", "stance": {"NATO": "none"}},
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold), str(article), "-q"]) == 0
    out = capsys.readouterr().out
    assert "recall 2/2" in out and "speakers  2/2" in out and "gold \\ predicted" in out
    assert main(["evaluate", "--gold", str(gold), str(article), "-q", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["quotes"]["recall"] == 1.0 and set(report["confusion"]) == {"NATO", "Russia"}
    rows[1]["stance"] = {"NATO": "against"}  # the model says none: --show lists the wrong label
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold), str(article), "-q", "--show", "5"]) == 0
    assert "stance  a: 'The summit starts' NATO gold=against got=none" in capsys.readouterr().out
    renamed = tmp_path / "article-1.txt"  # a file name the gold file does not know: refused before the run
    renamed.write_text(ARTICLE, encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold), str(renamed), "-q"]) == 2
    assert "none of the 1 documents has gold rows" in capsys.readouterr().err
