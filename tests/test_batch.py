"""Many documents: analyze_many, the fast (partial-parse) path, long documents, Dask, no network."""
from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

import stance
from stance import analyze, analyze_many
from stance import engine
from stance.io import jsonl_lines

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"


def jsonl(results) -> str:
    return "".join(jsonl_lines(results))


def test_analyze_many_matches_analyze_in_order():
    many = list(analyze_many(SEEDS, batch_size=2))
    assert [r.doc for r in many] == [name for name, _ in SEEDS]
    assert jsonl(many) == jsonl(analyze(text, name) for name, text in SEEDS)


def test_bare_texts_are_named_by_position():
    assert [r.doc for r in analyze_many(["no quotes here", "“Hi,” she said."])] == ["0", "1"]


def test_same_jsonl_with_one_or_two_processes_and_across_runs():
    one = jsonl(analyze_many(SEEDS))
    assert one == jsonl(analyze_many(SEEDS))
    assert one == jsonl(analyze_many(SEEDS, n_process=2, batch_size=2))


def test_a_failing_document_is_recorded_and_the_others_survive():
    items = [SEEDS[0], ("broken", b"bytes are not text"), SEEDS[1]]
    results = list(analyze_many(items))
    assert [r.doc for r in results] == [SEEDS[0][0], "broken", SEEDS[1][0]]
    assert results[1].quotes == () and "InputError" in results[1].errors[0]
    assert results[0].quotes and results[2].quotes


def test_partial_parse_gives_the_same_attributions_as_a_full_parse_on_the_seeds():
    for name, text in SEEDS:
        assert analyze(text, name).to_dict() == analyze(text, name, full_parse=True).to_dict()


@pytest.mark.skipif(not POLNEAR.exists(), reason="needs ../shared/data/polnear")
def test_partial_parse_gives_the_same_attributions_on_polnear_sample():
    for path in sorted(POLNEAR.glob("*.txt"))[:25]:
        text = path.read_text(encoding="utf-8")
        assert analyze(text).to_dict() == analyze(text, full_parse=True).to_dict(), path.name


def test_long_documents_are_analysed_in_pieces_with_exact_offsets(monkeypatch):
    name, article = SEEDS[2]
    # pieces of at least one article's length: the first piece holds the whole first copy
    monkeypatch.setattr(engine, "MAX_CHUNK_CHARS", 2 * len(article) + 10)
    text = (article + "\n") * 4
    assert len(text) > engine.MAX_CHUNK_CHARS
    whole = analyze(text, name)
    one = analyze(article, name)
    assert len(whole.quotes) == 4 * len(one.quotes)
    assert [q.speaker for q in whole.quotes[: len(one.quotes)]] == [q.speaker for q in one.quotes]
    for q in whole.quotes:
        assert text[q.start_char : q.end_char] == q.text
        for span in (q.outer, q.cue, q.speaker_mention, *q.role, *(e for s in q.stance.values() for e in s.evidence)):
            if span is not None:
                assert text[span.start_char : span.end_char] == span.text


def test_dask_local_cluster_two_workers():
    db = pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    from stance.dask import analyze_bag

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None, processes=True
    ) as cluster, distributed.Client(cluster):
        results = analyze_bag(db.from_sequence(SEEDS, npartitions=2)).compute()
    assert jsonl(results) == jsonl(analyze_many(SEEDS))


def test_the_whole_pipeline_runs_with_the_network_blocked(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("stance tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    results = list(analyze_many(SEEDS))
    table = stance.speaker_table(results)
    assert table.rows and json.loads(table.to_json())["rows"]
    assert stance.classify_text("We will never leave NATO.")["NATO"].label == "favor"
