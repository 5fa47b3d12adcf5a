"""The plugin system: hooks, registration errors, containment of failing classifiers, entry points."""
from __future__ import annotations

import importlib.metadata
import inspect
import json
import subprocess
import sys

import pytest

import stance
from stance import Prediction, StanceItem, Target, hookimpl, hookspecs
from stance.cli import main
from stance.errors import PluginError
from stance.plugins import PluginHost

EXAMPLE_INSTALLED = any(
    ep.name == "example" for ep in importlib.metadata.entry_points(group="stance")
)
ITEM_TARGET = Target("Thing", aliases=("thing",))


def _host(*plugins) -> PluginHost:
    host = PluginHost(entry_points=False)
    for i, p in enumerate(plugins):
        host.register(p, name=f"p{i}")
    return host


class _Const:
    def __init__(self, name, label="favor", score=0.9):
        self.name, self.label, self.score = name, label, score

    def classify(self, items):
        return [Prediction(self.label, self.score) for _ in items]


def _plugin(*classifiers, targets=()):
    class Plugin:
        @hookimpl
        def register_classifiers(self, register):
            for c in classifiers:
                register(c)

        @hookimpl
        def register_targets(self, register):
            for t in targets:
                register(t)

    return Plugin()


def test_every_hook_is_documented_and_empty():
    specs = [f for name, f in vars(hookspecs).items() if hasattr(f, "stance_spec")]
    assert {f.__name__ for f in specs} == {"register_targets", "register_classifiers"}
    for f in specs:
        assert inspect.getdoc(f) and len(inspect.getdoc(f)) > 40
        body = inspect.getsource(f).split('"""')[-1].strip()
        assert body == "", f"hookspec {f.__name__} must have an empty body"


def test_every_hook_is_exercised_by_an_in_process_plugin():
    target = Target("EU", aliases=("EU",))
    host = _host(_plugin(_Const("const.v1"), targets=[target]))
    assert host.targets["EU"] is target
    assert set(host.targets) == {"NATO", "Russia", "alliance_shift", "EU"}
    labels = stance.classify_text("The EU is fine.", ["EU"], "const.v1", host=host)
    assert labels["EU"].label == "favor" and labels["EU"].classifier == "const.v1"


def test_builtins_are_ordinary_plugins_listed_with_their_hooks():
    info = {i.name: i for i in _host().info()}
    builtin = info["stance.classifiers.lexicon"]
    assert builtin.hooks == ("register_classifiers", "register_targets")
    assert builtin.classifiers == ("lexicon.v1",)
    assert builtin.targets == ("NATO", "Russia", "alliance_shift")


def test_misspelled_hook_fails_loudly_naming_the_plugin():
    class Typo:
        @hookimpl
        def register_clasifiers(self, register):
            pass

    with pytest.raises(PluginError, match="typo-plugin"):
        PluginHost(entry_points=False).register(Typo(), name="typo-plugin")


def test_duplicate_names_are_rejected_naming_both_plugins():
    host = _host(_plugin(_Const("dup.v1")), _plugin(_Const("dup.v1")))
    with pytest.raises(PluginError, match=r"'dup.v1'.*'p0'.*'p1'"):
        host.classifiers
    host = _host(_plugin(targets=[Target("NATO", aliases=("NATO",))]))
    with pytest.raises(PluginError, match="stance.classifiers.lexicon.*p0"):
        host.targets


def test_malformed_contributions_are_rejected():
    with pytest.raises(PluginError, match="needs a string `name`"):
        _host(_plugin(object())).classifiers
    with pytest.raises(PluginError, match="register a stance.Target"):
        _host(_plugin(targets=["NATO"])).targets


class _Raising:
    name = "raising.v1"

    def classify(self, items):
        raise RuntimeError("model exploded")


class _RaisingOn:
    """Fails only on texts containing a word: the other items of the batch must survive."""

    name = "picky.v1"

    def classify(self, items):
        if any("poison" in it.text for it in items):
            raise ValueError("poisoned")
        return [Prediction("against", 0.7) for _ in items]


@pytest.mark.parametrize(
    "classifier, message",
    [
        (_Raising(), "raised RuntimeError: model exploded"),
        (_Const("badlabel.v1", label="pro"), "invalid label 'pro'"),
        (_Const("badscore.v1", score=1.5), "invalid score 1.5"),
        (_Const("nanscore.v1", score=float("nan")), "invalid score nan"),
    ],
)
def test_a_failing_classifier_yields_error_labels_naming_its_plugin(classifier, message):
    host = _host(_plugin(classifier))
    labels = stance.classify_text("NATO is evil.", ["NATO", "Russia"], classifier.name, host=host)
    for label in labels.values():
        assert label.label == "none" and label.score == 0.0
        assert message in label.error and "'p0'" in label.error


def test_wrong_number_of_results_is_an_error():
    class Short:
        name = "short.v1"

        def classify(self, items):
            return [Prediction("favor", 0.5)]

    host = _host(_plugin(Short()))
    labels = stance.classify_text("x", ["NATO", "Russia"], "short.v1", host=host)
    assert all("returned 1 results for 2 items" in l.error for l in labels.values())


def test_a_raising_classifier_loses_only_the_items_it_fails_on():
    host = _host(_plugin(_RaisingOn()))
    items = [StanceItem(t, 0, ITEM_TARGET) for t in ("fine thing", "poison thing", "other thing")]
    labels = host.classify("picky.v1", items)
    assert [l.label for l in labels] == ["against", "none", "against"]
    assert labels[1].error and "poisoned" in labels[1].error and labels[0].error is None


def test_a_raising_classifier_keeps_quotes_speakers_and_reports_the_error():
    host = _host(_plugin(_Raising()))
    text = '“NATO is our shield,” the minister, Anna Petrova, said.\n'
    result = stance.analyze(text, "d", classifier="raising.v1", host=host)
    (q,) = result.quotes
    assert q.speaker == "Anna Petrova" and len(q.stance) == 3
    assert all(s.error for s in q.stance.values())
    assert result.errors and "raising.v1" in result.errors[0] and "'p0'" in result.errors[0]


def test_unknown_classifier_and_target_say_what_exists():
    host = _host()
    with pytest.raises(PluginError, match="registered: lexicon.v1"):
        stance.classify_text("x", classifier="nope.v1", host=host)
    with pytest.raises(PluginError, match="unknown target 'Mars'"):
        stance.classify_text("x", ["Mars"], host=host)


def _stance_plugins(env_value):
    env = {k: v for k, v in __import__("os").environ.items() if k != "STANCE_LOAD_PLUGINS"}
    if env_value is not None:
        env["STANCE_LOAD_PLUGINS"] = env_value
    out = subprocess.run(
        [sys.executable, "-m", "stance.cli", "plugins"], capture_output=True, text=True, env=env, check=True
    ).stdout
    return {p["plugin"]: p for p in json.loads(out)}


@pytest.mark.skipif(not EXAMPLE_INSTALLED, reason="plugins/stance-example is not installed (make setup installs it)")
def test_example_plugin_is_discovered_listed_and_filtered_by_the_allow_list():
    loaded = _stance_plugins(None)
    assert loaded["example"]["classifiers"] == ["keywords.v1"] and loaded["example"]["targets"] == ["EU"]
    assert loaded["example"]["package"] == "stance-example" and loaded["example"]["version"] == "0.1.0"
    assert "stance.classifiers.lexicon" in loaded
    assert set(_stance_plugins("")) == {"stance.classifiers.lexicon", "stance.classifiers.linear"}
    assert "example" in _stance_plugins("example, other")


@pytest.mark.skipif(not EXAMPLE_INSTALLED, reason="plugins/stance-example is not installed (make setup installs it)")
def test_example_plugin_is_used_from_the_cli(tmp_path, capsys):
    doc = tmp_path / "a.txt"
    doc.write_text("“We welcome the EU and support it,” said Anna Petrova.\n", encoding="utf-8")
    assert main(["quotes", str(doc), "--format", "jsonl", "--classifier", "keywords.v1"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["stance"]["EU"]["label"] == "favor" and row["stance"]["EU"]["classifier"] == "keywords.v1"


def test_cli_targets_file_and_no_classifier(tmp_path, capsys):
    doc = tmp_path / "a.txt"
    doc.write_text("“The Union is a reliable and valued partner,” said Anna Petrova.\n", encoding="utf-8")
    targets = tmp_path / "t.toml"
    targets.write_text('[[target]]\nname = "Union"\naliases = ["Union"]\n', encoding="utf-8")
    assert main(["quotes", str(doc), "--format", "jsonl", "--targets", str(targets)]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["stance"]["Union"]["label"] == "favor" and "NATO" in row["stance"]
    assert main(["quotes", str(doc), "--format", "jsonl", "--classifier", "none"]) == 0
    assert json.loads(capsys.readouterr().out)["stance"] == {}
    assert main(["quotes", str(doc), "--classifier", "nope.v1"]) == 2
    assert "unknown classifier 'nope.v1'" in capsys.readouterr().err
    targets.write_text('[[target]]\nname = "NATO"\naliases = ["NATO"]\n', encoding="utf-8")
    assert main(["quotes", str(doc), "--targets", str(targets)]) == 2
    assert "already registered" in capsys.readouterr().err
