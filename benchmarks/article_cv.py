"""The shipped model's recipe scored on articles it did not see: two-fold cross-validation over the
project's own labelled articles (stance/data/articles).

    .venv/bin/python benchmarks/article_cv.py

The articles are split in two halves (every other article, by name). For each half, a model is
trained with the Makefile's MODEL_OPTIONS on the quotes written one by one (stance/data/train without
articles.jsonl) plus the other half's labels for the Makefile's ARTICLE_TARGETS, and scored on every
target's labels of this half; and, as the baseline, without any article. Printed: F_avg per target and
half, and their mean. Labels of targets the shipped model never trains on (Russia) are a test either
way. This is the unbiased figure beside news-dev: no rule or option was chosen on these quotes' words.
"""
from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from stance.classifiers.linear import LinearClassifier, LinearModel
from stance.evaluate import f1_scores, read_gold
from stance.examples import examples_from_articles
from stance.nlp import load
from stance.plugins import PluginHost
from stance.train import Example

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "stance" / "data" / "articles"
TARGETS = ("NATO", "Russia", "alliance_shift")


def makefile_options(name: str) -> list[str]:
    """The value of a ``NAME = …`` line of the Makefile, as arguments."""
    m = re.search(rf"^{name} = (.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    if m is None:
        raise SystemExit(f"no {name} in the Makefile")
    return shlex.split(m.group(1))


def train(data: list[Path], out: Path) -> LinearModel:
    cmd = [sys.executable, "-m", "stance", "train", *map(str, data), *makefile_options("MODEL_OPTIONS"), "--out", str(out), "-q"]
    subprocess.run(cmd, check=True)
    return LinearModel.load(out)


def scores(model: LinearModel, examples: list[Example], targets) -> dict[str, float]:
    classifier = LinearClassifier(model)
    out = {}
    for t in TARGETS:
        mine = [e for e in examples if e.target == t]
        got = classifier.classify([e.item(targets[t]) for e in mine])
        out[t] = f1_scores([(e.label, g.label) for e, g in zip(mine, got)])["f_avg"]
    return out


def main() -> int:
    trained = [a for a in makefile_options("ARTICLE_TARGETS") if a != "--target"]
    targets = PluginHost(entry_points=False).targets
    texts = sorted((ARTICLES / "texts").glob("*.txt"))
    print(f"making examples of {len(texts)} articles …", file=sys.stderr)
    made = examples_from_articles(read_gold(ARTICLES / "gold.quotes.jsonl"), [(p.stem, p.read_text(encoding="utf-8")) for p in texts], load())
    half = {p.stem: i % 2 for i, p in enumerate(texts)}
    written = sorted(p for p in (ROOT / "stance" / "data" / "train").glob("*.jsonl") if p.name != "articles.jsonl")
    results: dict[str, list[dict[str, float]]] = {"without articles": [], "with the other half": []}
    with tempfile.TemporaryDirectory() as tmp:
        base = train(written, Path(tmp) / "base.json")
        for h in (0, 1):
            test = [e for e in made.examples if half[e.id.split(":")[0]] == h]
            other = Path(tmp) / f"half{1 - h}.jsonl"
            other.write_text("".join(e.to_json() for e in made.examples if half[e.id.split(":")[0]] != h and e.target in trained), encoding="utf-8")
            print(f"training with half {1 - h} of the articles …", file=sys.stderr)
            results["without articles"].append(scores(base, test, targets))
            results["with the other half"].append(scores(train([*written, other], Path(tmp) / f"m{h}.json"), test, targets))
    print(f"{len(made.examples) // len(TARGETS)} quotations; article labels trained on: {', '.join(trained)}")
    print(f"{'model':<22}" + "".join(f"{t + ' (half 0 / 1 / mean)':>36}" for t in TARGETS))
    for name, halves in results.items():
        cells = [f"{halves[0][t]:.3f} / {halves[1][t]:.3f} / {(halves[0][t] + halves[1][t]) / 2:.3f}" for t in TARGETS]
        print(f"{name:<22}" + "".join(f"{c:>36}" for c in cells))
    print(json.dumps({name: [{t: round(s[t], 4) for t in TARGETS} for s in halves] for name, halves in results.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
