"""Stance F_avg of ``stance.classify_text`` on a labelled CSV (default: RUW val, target Russia).

    .venv/bin/python benchmarks/eval_stance.py [--file ruw_val.csv] [--target Russia] [--classifier NAME]
                                               [--model PATH] [--limit N] [--show N]

``--model`` gives the classifier a model file of your own (``stance train`` output, for linear.v1).
``--to-jsonl OUT`` instead writes the CSV's rows as ``stance train`` examples (text, target, label),
to train a model on them in a scratch directory (the data's licence forbids shipping it).

F_avg is the mean F1 of favor and against (SemEval-2016 Task 6), as in shared/tools/score_quotes.py.
The CSV has columns Tweet, Target 1, Stance 1 (FAVOR/AGAINST/NONE); rows whose Target 1 is not the
target are skipped. Baselines printed on the same rows: always "against", always "favor".
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

from stance import classify_text
from stance.classify import DEFAULT_CLASSIFIER
from stance.evaluate import f1_scores
from stance.plugins import PluginHost


def f_avg(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    f = f1_scores(pairs)
    return f["favor"], f["against"], f["f_avg"]


def read_rows(path: Path, target: str) -> list[tuple[str, str]]:
    # The RUW files are not valid UTF-8 throughout; undecodable bytes are replaced, not guessed.
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        return [(r["Tweet"], r["Stance 1"].strip().lower()) for r in csv.DictReader(f) if r["Target 1"] == target]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--file", default="ruw_val.csv", help="a CSV under shared/data/stance/")
    ap.add_argument("--target", default="Russia")
    ap.add_argument("--classifier", default=DEFAULT_CLASSIFIER)
    ap.add_argument("--model", help="a model file for the classifier (stance train output)")
    ap.add_argument("--to-jsonl", metavar="OUT", help="write the rows as stance train examples to OUT and stop")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=0, help="print N errors")
    args = ap.parse_args(argv)
    path = Path(args.shared) / "data" / "stance" / args.file
    if not path.exists():
        print(f"no stance data at {path}", file=sys.stderr)
        return 2
    rows = read_rows(path, args.target)
    if args.limit:
        rows = rows[: args.limit]
    if args.to_jsonl:
        import json

        with open(args.to_jsonl, "w", encoding="utf-8") as f:
            for i, (text, gold) in enumerate(rows):
                f.write(json.dumps({"id": f"{path.stem}-{i}", "target": args.target, "label": gold, "text": text}) + "\n")
        print(f"wrote {len(rows)} examples to {args.to_jsonl}")
        return 0
    host = None
    if args.model:
        host = PluginHost()
        host.use_model(args.classifier, args.model)
    t0 = time.perf_counter()
    pairs = []
    for text, gold in rows:
        pred = classify_text(text, [args.target], args.classifier, host=host)[args.target].label
        pairs.append((gold, pred))
    dt = time.perf_counter() - t0
    ff, fa, avg = f_avg(pairs)
    print(f"{path.name} target={args.target} n={len(pairs)} gold={dict(Counter(g for g, _ in pairs))}")
    print(f"predicted={dict(Counter(p for _, p in pairs))}  {len(pairs) / dt:.0f} texts/s")
    print(f"{args.classifier}: F_favor={ff:.3f} F_against={fa:.3f} F_avg={avg:.3f}")
    for name, const in (("always against", "against"), ("always favor", "favor")):
        print(f"baseline {name}: F_avg={f_avg([(g, const) for g, _ in pairs])[2]:.3f}")
    shown = 0
    for (text, gold), (_, pred) in zip(rows, pairs):
        if pred != gold and shown < args.show:
            shown += 1
            print(f"--- gold={gold} pred={pred}: {' '.join(text.split())[:220]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
