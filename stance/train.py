"""Training ``linear.v1`` models from labelled JSONL (``stance train``).

One example per line::

    {"target": "NATO", "label": "favor", "text": "strongly supports",
     "context": "Truss said Britain “strongly supports” the two applications.",
     "before": "Finland and Sweden applied on Wednesday.", "kind": "partial", "id": "x-1"}

``text`` is the quote (or a whole post); ``context`` the sentence it stands in (default: the text
itself); ``before`` the sentence before (optional); ``kind`` full|partial (default full); ``id``
optional. Targets that are not registered (a user's own) are learnt too: the target's name is then
its only alias. Same data and seed give a byte-identical model file.
"""
from __future__ import annotations

import json
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np

from .classify import Prediction, StanceItem
from .errors import InputError
from .features import item_features
from .model import STANCE_LABELS
from .targets import Target

KINDS = ("full", "partial")
# Regularisation of the logistic regression (inverse strength), chosen on held-out corpus items.
DEFAULT_C = 4.0
# A word n-gram must occur in this many training items to become a feature.
MIN_COUNT = 2


@dataclass(frozen=True)
class Example:
    target: str
    label: str
    text: str
    context: str
    before: str = ""
    kind: str = "full"
    id: str = ""

    def to_json(self) -> str:
        """One line of the training format, as ``read_examples`` reads it back (empty optional
        fields left out)."""
        d = {"id": self.id, "target": self.target, "label": self.label, "kind": self.kind, "text": self.text,
             "context": self.context, "before": self.before}
        return json.dumps({k: v for k, v in d.items() if v or k in ("text", "context")}, ensure_ascii=False) + "\n"

    def item(self, target: Target) -> StanceItem:
        """The StanceItem the engine would build for this quote in its article.

        The article is the sentence before and the sentence; the target's name closes it, as a
        stand-in for the rest of an article about the target, so that implied phrases ("the
        alliance") count as they do in a real article that names NATO somewhere."""
        text = f"{self.before} {self.context}" if self.before else self.context
        sentence_start = len(text) - len(self.context)
        at = self.context.find(self.text)
        start = sentence_start + max(at, 0)
        document = f"{text}\n\n{target.name}"
        return StanceItem(self.text, start, target, self.context, sentence_start, document, 0, None, None, self.kind, document)


def read_examples(paths: Iterable[str | Path]) -> list[Example]:
    """Examples from JSONL files; InputError names the file and line of anything malformed."""
    out: list[Example] = []
    for path in paths:
        try:
            lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(f"{path}: cannot read training data ({getattr(e, 'strerror', None) or e})") from None
        for n, line in enumerate(lines, 1):
            if line.strip():
                out.append(_example(line, f"{path}:{n}"))
    if not out:
        raise InputError("no training examples in " + ", ".join(map(str, paths)))
    return out


def _example(line: str, where: str) -> Example:
    try:
        d = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(f"{where}: not JSON ({e})") from None
    if not isinstance(d, dict):
        raise InputError(f"{where}: expected a JSON object")
    for key in ("target", "label", "text"):
        if not isinstance(d.get(key), str) or not d[key].strip():
            raise InputError(f"{where}: needs a non-empty string {key!r}")
    label = d["label"].strip().lower()
    if label not in STANCE_LABELS:
        raise InputError(f"{where}: label must be one of {', '.join(STANCE_LABELS)}, not {d['label']!r}")
    kind = d.get("kind", "full")
    if kind not in KINDS:
        raise InputError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    context = d.get("context") or d["text"]
    before = d.get("before") or ""
    if not isinstance(context, str) or not isinstance(before, str):
        raise InputError(f"{where}: context and before must be strings")
    return Example(d["target"], label, d["text"], context, before, kind, str(d.get("id", "")))


def is_held_out(example: Example, fraction: float) -> bool:
    """A stable choice: the same example is always in or out, whatever else the file holds."""
    key = (example.id or example.text).encode("utf-8")
    return fraction > 0 and zlib.crc32(key) % 1000 < fraction * 1000


def split(examples: Sequence[Example], fraction: float) -> tuple[list[Example], list[Example]]:
    held = [is_held_out(e, fraction) for e in examples]
    return [e for e, h in zip(examples, held) if not h], [e for e, h in zip(examples, held) if h]


def resolve_target(name: str, known: Mapping[str, Target]) -> Target:
    return known.get(name) or Target(name, aliases=(name,))


def featurize(examples: Sequence[Example], targets: Mapping[str, Target], lexicon=None) -> list[dict[str, float]]:
    """Feature dicts of the examples; ``lexicon`` (a classifier) adds its verdict as features."""
    items = [e.item(resolve_target(e.target, targets)) for e in examples]
    verdicts: list[Prediction | None] = list(lexicon.classify(items)) if lexicon is not None else [None] * len(items)
    return [item_features(it, v) for it, v in zip(items, verdicts)]


def fit_target(feats: Sequence[Mapping[str, float]], labels: Sequence[str], *, C: float, seed: int, priors: Mapping[str, float] | None):
    """One target's TargetWeights from feature dicts and labels."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    from .classifiers.linear import TargetWeights

    counts = Counter(f for d in feats for f in d if not f.startswith("@"))
    names = sorted({f for f, c in counts.items() if c >= MIN_COUNT} | {f for d in feats for f in d if f.startswith("@")})
    index = {f: i for i, f in enumerate(names)}
    n = len(feats)
    idf = np.array([1.0 if f.startswith("@") else np.log((1 + n) / (1 + counts[f])) + 1.0 for f in names])
    classes = tuple(sorted(STANCE_LABELS))
    weights = TargetWeights(classes, tuple(names), idf, np.zeros((3, len(names))), np.zeros(3), np.zeros(3))
    rows, cols, vals = [], [], []
    for r, d in enumerate(feats):
        idx, val = weights.vector(d)
        rows.extend([r] * len(idx))
        cols.extend(idx.tolist())
        vals.extend(val.tolist())
    X = csr_matrix((vals, (rows, cols)), shape=(n, len(names)))
    y = np.array([classes.index(lab) for lab in labels])
    present = sorted(set(y.tolist()))
    if len(present) < 2:
        raise InputError(f"training a target needs at least two different labels, found only {classes[present[0]]!r}")
    lr = LogisticRegression(C=C, max_iter=2000, random_state=seed, class_weight="balanced")
    lr.fit(X, y)
    coef = np.zeros((3, len(names)))
    intercept = np.full(3, -1e3 if len(present) < 3 else 0.0)
    if len(present) == 2:  # a binary problem: sklearn keeps one row, for the second class
        coef[present[1]] = lr.coef_[0]
        intercept[present[0]], intercept[present[1]] = 0.0, lr.intercept_[0]
    else:
        coef[:] = lr.coef_
        intercept[:] = lr.intercept_
    bias = np.array([np.log(priors[c] * 3) if priors and c in priors else 0.0 for c in classes])
    return TargetWeights(classes, tuple(names), idf, coef, intercept, bias)


def calibrated(w, held: Sequence[tuple[Mapping[str, float], str]]):
    """``w`` with its scores divided by the temperature that makes its probabilities fit held-out
    examples best (least log loss; Guo et al. 2017), so that a score of 0.8 is right about 4 times
    in 5 on data like the training data."""
    from dataclasses import replace

    from scipy.optimize import minimize_scalar

    rows = [(w.vector(f), w.classes.index(label)) for f, label in held]

    def loss(temperature: float) -> float:
        total = 0.0
        for (idx, val), k in rows:
            s = (w.coef[:, idx] @ val + w.intercept) / temperature
            s = s - s.max()
            total -= s[k] - np.log(np.exp(s).sum())
        return total / len(rows)

    t = float(minimize_scalar(loss, bounds=(0.25, 8.0), method="bounded", options={"xatol": 1e-4}).x)
    return replace(w, coef=w.coef / t, intercept=w.intercept / t, index={}), round(t, 4)


def train(
    examples: Sequence[Example],
    targets: Mapping[str, Target],
    *,
    C: float = DEFAULT_C,
    seed: int = 0,
    priors: Mapping[str, Mapping[str, float]] | None = None,
    lexicon=None,
    holdout: float = 0.0,
    rules: Sequence[str] = (),
    sources: Sequence[str] = (),
    progress: Callable[[str], None] | None = None,
):
    """A LinearModel with one set of weights per target in ``examples``.

    ``rules``: decision rules the classifier applies on top of the weights
    (``stance.classifiers.linear.RULES``): ``RULE`` for every target, ``TARGET=RULE`` for one.
    ``holdout``: the share of examples kept aside (a stable choice, see ``split``), for a sanity
    test of the model on items it never saw.

    ``priors``: per target, the share of each label in the text the model will read (the training
    data is balanced; news is mostly ``none``); the model's scores are then probabilities under
    those shares. ``lexicon``: a classifier whose verdicts become features (None: no such features).
    """
    from .classifiers.linear import RULES, LinearModel, rule_scope

    unknown = {r for r in rules if rule_scope(r)[1] not in RULES}
    if unknown:
        raise InputError(f"unknown decision rule(s) {', '.join(sorted(unknown))}; known: {', '.join(RULES)}")
    present = {e.target for e in examples}
    for rule in rules:
        target = rule_scope(rule)[0]
        if target and target not in present:
            raise InputError(f"--rule {rule}: no training examples for target {target!r}")
    examples, held = split(examples, holdout)
    feats = featurize(examples, targets, lexicon)
    held_feats = featurize(held, targets, lexicon) if held else []
    by_target: dict[str, list[int]] = {}
    for i, e in enumerate(examples):
        by_target.setdefault(e.target, []).append(i)
    weights, temperature = {}, {}
    for name in sorted(by_target):
        idx = by_target[name]
        if progress:
            progress(f"training {name}: {len(idx)} examples")
        w = fit_target([feats[i] for i in idx], [examples[i].label for i in idx], C=C, seed=seed, priors=(priors or {}).get(name))
        check = [(held_feats[i], e.label) for i, e in enumerate(held) if e.target == name]
        weights[name], temperature[name] = calibrated(w, check) if check else (w, 1.0)
    meta = {
        "C": C,
        "seed": seed,
        "lexicon_features": lexicon is not None,
        "holdout": holdout,
        "rules": sorted(set(rules), key=lambda r: (rule_scope(r)[0], RULES.index(rule_scope(r)[1]))),
        "temperature": temperature,
        "examples": {t: dict(sorted(Counter(examples[i].label for i in by_target[t]).items())) for t in sorted(by_target)},
        "priors": {t: dict(p) for t, p in sorted((priors or {}).items())},
        "sources": list(sources),
    }
    return LinearModel(weights, meta)


def held_out_scores(model, examples: Sequence[Example], targets: Mapping[str, Target], holdout: float) -> dict[str, tuple[int, dict[str, float]]]:
    """Per target of ``model``: (number of held-out examples, favor/against/F_avg F1) on the stable
    ``holdout`` share of ``examples`` that training left aside."""
    from .classifiers.linear import LinearClassifier
    from .evaluate import f1_scores

    _, held = split(examples, holdout)
    got = LinearClassifier(model).classify([e.item(resolve_target(e.target, targets)) for e in held]) if held else []
    out = {}
    for target in sorted(model.targets):
        pairs = [(e.label, g.label) for e, g in zip(held, got) if e.target == target]
        if pairs:
            out[target] = (len(pairs), f1_scores(pairs))
    return out
