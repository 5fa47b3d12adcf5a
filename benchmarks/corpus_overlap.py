"""Training-corpus items that share words with a development gold quote (a leak check).

    .venv/bin/python benchmarks/corpus_overlap.py [--n 5] [--show N]

The corpus in stance/data/train is written by the team; the dev sets in ../shared are for measuring
only. An item whose quote shares a run of ``--n`` words with a news-dev or seed gold quote (or, for a
quote shorter than that, is one) would flatter the dev figures: this lists them (exit 1 if any), so
that they can be dropped before the model is retrained.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))


def grams(ws: list[str], n: int) -> set[str]:
    return {" ".join(ws[i : i + n]) for i in range(len(ws) - n + 1)}


def gold_quotes(shared: Path) -> list[str]:
    out = []
    for line in (shared / "gold" / "news_dev.quotes.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        text = (shared / "data" / "news-dev" / "texts" / f"{g['doc']}.txt").read_text(encoding="utf-8")
        out.append(text[g["start_char"] : g["end_char"]])
    for line in (shared / "gold" / "seeds.quotes.jsonl").read_text(encoding="utf-8").splitlines():
        out.append(json.loads(line)["quote"])
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--n", type=int, default=5, help="words in a shared run (default: %(default)s)")
    ap.add_argument("--show", type=int, default=20, help="list this many (default: %(default)s)")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "gold" / "news_dev.quotes.jsonl").exists():
        print(f"no gold at {shared}/gold", file=sys.stderr)
        return 2
    runs, short = set(), set()
    for quote in gold_quotes(shared):
        ws = words(quote)
        runs |= grams(ws, args.n)
        if len(ws) < args.n:
            short.add(" ".join(ws))
    hits, total = [], 0
    for path in sorted((ROOT / "stance" / "data" / "train").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            total += 1
            ws = words(item["text"])
            if grams(ws, args.n) & runs or (len(ws) < args.n and " ".join(ws) in short):
                hits.append(item)
    for item in hits[: args.show]:
        print(f"{item['id']}: {item['text'][:100]}")
    print(f"{len(hits)} of {total} corpus items share a run of {args.n} words with a dev gold quote")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
