"""The command line: output formats, errors per file, atomic output."""
import json
import subprocess
import sys

import pytest

from stance.cli import main

JSONL_KEYS = {"doc", "text", "start_char", "end_char", "kind", "speaker", "speaker_mention", "role", "cue", "stance"}


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8", newline="")
    return p


def test_jsonl_has_the_documented_fields(tmp_path, capsys):
    p = write(tmp_path, "a.txt", "“We stay,” he said.\r\n")
    assert main(["quotes", str(p), "--format", "jsonl"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    rec = json.loads(line)
    assert JSONL_KEYS <= rec.keys()
    assert rec["doc"] == "a" and rec["text"] == "We stay,"
    text = p.read_bytes().decode("utf-8")
    assert text[rec["start_char"] : rec["end_char"]] == rec["text"]


def test_table_lists_each_quote(tmp_path, capsys):
    p = write(tmp_path, "a.txt", "“One,” he said. “Two,” she said.")
    assert main(["quotes", str(p)]) == 0
    out = capsys.readouterr().out
    assert "One," in out and "Two," in out and out.splitlines()[0].startswith("doc")


def test_bad_files_are_reported_and_the_rest_processed(tmp_path, capsys):
    good = write(tmp_path, "good.txt", "“Fine,” he said.")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02")
    latin1 = tmp_path / "latin.txt"
    latin1.write_bytes("“caf\xe9”".encode("latin-1", errors="replace") + b"\xe9")
    code = main(["quotes", str(tmp_path / "missing.txt"), str(tmp_path), str(binary), str(latin1), str(good),
                 "--format", "jsonl"])
    cap = capsys.readouterr()
    assert code == 1
    assert [json.loads(x)["doc"] for x in cap.out.splitlines()] == ["good"]
    errs = cap.err.splitlines()
    assert len(errs) == 4 and all(e.startswith("stance: error:") for e in errs)
    for name in ("missing.txt", "directory", "binary", "UTF-8"):
        assert any(name in e for e in errs), (name, errs)


def test_errors_fail_stops_at_the_first_bad_file(tmp_path, capsys):
    good = write(tmp_path, "good.txt", "“Fine,” he said.")
    code = main(["quotes", str(tmp_path / "missing.txt"), str(good), "--errors", "fail", "--format", "jsonl"])
    assert code == 1 and capsys.readouterr().out == ""


def test_out_writes_file_atomically(tmp_path):
    p = write(tmp_path, "a.txt", "“One,” he said.")
    out = tmp_path / "out.jsonl"
    assert main(["quotes", str(p), "--format", "jsonl", "--out", str(out)]) == 0
    assert json.loads(out.read_text())["text"] == "One,"
    assert [x.name for x in tmp_path.iterdir() if x.name.endswith(".tmp")] == []


def test_console_script_runs():
    out = subprocess.run([sys.executable, "-m", "stance.cli", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("stance ")


def test_an_interrupted_run_leaves_the_previous_output_whole(tmp_path, monkeypatch):
    import stance.cli as cli

    a = write(tmp_path, "a.txt", "“One,” he said.")
    b = write(tmp_path, "b.txt", "“Two,” she said.")
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n")

    real = cli.analyze_many

    def interrupted(items, **kwargs):
        for i, result in enumerate(real(items, **kwargs)):
            if i == 1:
                raise KeyboardInterrupt  # Ctrl-C after the first document was written to the temp file
            yield result

    monkeypatch.setattr(cli, "analyze_many", interrupted)
    with pytest.raises(KeyboardInterrupt):
        main(["quotes", str(a), str(b), "--format", "jsonl", "--out", str(out)])
    assert out.read_text() == "previous run\n"
    assert [x.name for x in tmp_path.iterdir() if x.name.endswith(".tmp")] == []


def test_a_write_interrupted_halfway_leaves_the_previous_file_whole(tmp_path):
    from stance.io import write_atomic

    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n")

    def chunks():
        yield '{"doc": "a"}\n'
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomic(out, chunks())
    assert out.read_text() == "previous run\n"
    assert [x.name for x in tmp_path.iterdir()] == ["out.jsonl"]
