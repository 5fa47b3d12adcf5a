"""Throughput of the stance engine against a bare spaCy parse and textacy, in one interleaved run.

    .venv/bin/python benchmarks/throughput.py [--repeats 3] [--limit N] [--processes 2] [--kinds K] [--memory | --compare]

Corpus: seeds/ plus the PolNeAR dev and train texts under ../shared when present. Each repeat runs,
in turn: (a) ``nlp.pipe`` of the full default pipeline over every text; (b) (a) followed by textacy's
``direct_quotations`` on each parsed doc (the competing extractor; documents where it raises are
counted); (c) the whole stance engine (quotes, speakers, roles, stance) via ``analyze_many``, and
(c2) the same with ``n_process`` processes. Medians over the repeats; ratios c/a and c/b > 1 mean
the engine is faster. ``--kinds direct,indirect`` times the engine with reported speech (which parses
every whole text, as the bare parse does). ``--memory`` instead measures peak RSS of the engine over 200 and over 2,000
documents (the corpus repeated), each in a fresh process, to show memory does not grow with size.
``--compare`` checks that the partial parse gives the same results as ``full_parse=True``.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(shared: Path, limit: int) -> list[tuple[str, str]]:
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    for split in ("dev", "train"):
        paths += sorted((shared / "data" / "polnear" / split / "text").glob("*.txt"))
    docs = [(p.stem, p.read_text(encoding="utf-8")) for p in paths]
    return docs[:limit] if limit else docs


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_bare(nlp, texts):
    for _ in nlp.pipe(texts, batch_size=16):
        pass


def run_textacy(nlp, texts) -> int:
    from textacy.extract import direct_quotations

    failures = 0
    for doc in nlp.pipe(texts, batch_size=16):
        try:
            list(direct_quotations(doc))
        except Exception:  # textacy raises on some real articles (ValueError on seeds 003/004)
            failures += 1
    return failures


def run_engine(docs, n_process: int, kinds: str = "direct") -> int:
    from stance import analyze_many

    return sum(len(r.quotes) for r in analyze_many(docs, n_process=n_process, batch_size=16, kinds=kinds))


def throughput(args) -> None:
    import spacy

    from stance.nlp import DEFAULT_MODEL, load

    docs = corpus(Path(args.shared), args.limit)
    texts = [t for _, t in docs]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(DEFAULT_MODEL)  # the same pipeline as shipped, every component
    load()  # the engine's pipeline, loaded once outside the timings
    run_engine(docs[:3], 1, args.kinds)
    times: dict[str, list[float]] = {"a": [], "b": [], "c": [], "c2": []}
    textacy_failures = quotes = 0
    for _ in range(args.repeats):  # interleaved, so drifts in machine load hit every variant alike
        t = time.perf_counter(); run_bare(bare, texts); times["a"].append(time.perf_counter() - t)
        t = time.perf_counter(); textacy_failures = run_textacy(bare, texts); times["b"].append(time.perf_counter() - t)
        t = time.perf_counter(); quotes = run_engine(docs, 1, args.kinds); times["c"].append(time.perf_counter() - t)
        t = time.perf_counter(); run_engine(docs, args.processes, args.kinds); times["c2"].append(time.perf_counter() - t)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"corpus: {len(docs)} documents, {words:,} words; {args.repeats} repeats, medians")
    labels = {
        "a": "(a) bare nlp.pipe",
        "b": "(b) nlp.pipe + textacy direct_quotations",
        "c": f"(c) stance engine ({args.kinds}), 1 process",
        "c2": f"(c2) stance engine, {args.processes} processes",
    }
    for k, label in labels.items():
        print(f"{label:45} {med[k]:7.2f} s  {len(docs) / med[k]:7.1f} docs/s  {words / med[k]:9.0f} words/s")
    print(f"ratio c/a = {med['a'] / med['c']:.2f}   c/b = {med['b'] / med['c']:.2f}   "
          f"speed-up c2/c = {med['c'] / med['c2']:.2f}")
    print(f"engine quotes ({args.kinds}): {quotes}; textacy raised on {textacy_failures} documents; peak RSS {peak_rss_mb():.0f} MB")


def compare(args) -> None:
    """Whether the partial parse (the default) and full_parse=True give byte-identical results."""
    import json

    from stance import analyze_many

    docs = corpus(Path(args.shared), args.limit)

    def dumps(full: bool) -> list[str]:
        return [json.dumps(r.to_dict(), sort_keys=True) for r in analyze_many(docs, batch_size=16, full_parse=full)]

    fast, full = dumps(False), dumps(True)
    same = sum(a == b for a, b in zip(fast, full))
    print(f"partial vs full parse: {same}/{len(docs)} documents identical")
    for (name, _), a, b in zip(docs, fast, full):
        if a != b:
            print(f"  differs: {name}")


def memory(args) -> None:
    for n in (200, 2000):
        out = subprocess.run(
            [sys.executable, __file__, "--memory-child", str(n), "--shared", args.shared],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        print(out)


def memory_child(n: int, shared: str) -> None:
    from stance import analyze_many

    base = corpus(Path(shared), 0)

    def stream():  # the corpus repeated to n documents, produced lazily like a file reader would
        for i in range(n):
            name, text = base[i % len(base)]
            yield f"{name}-{i}", text

    t = time.perf_counter()
    quotes = sum(len(r.quotes) for r in analyze_many(stream(), batch_size=16))
    print(f"{n:5} documents: {quotes} quotes in {time.perf_counter() - t:.0f} s, peak RSS {peak_rss_mb():.0f} MB")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--kinds", default="direct", help="statements the engine looks for (default: %(default)s)")
    ap.add_argument("--memory", action="store_true")
    ap.add_argument("--compare", action="store_true", help="check partial-parse results equal full-parse results")
    ap.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.memory_child:
        memory_child(args.memory_child, args.shared)
    elif args.memory:
        memory(args)
    elif args.compare:
        compare(args)
    else:
        throughput(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
