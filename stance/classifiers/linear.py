"""The built-in ``linear.v1`` classifier: a logistic regression over the quote read in its context.

Features (``stance.features``): word n-grams of the quote, of the rest of its sentence and of the
sentence before, with the target's mentions masked, plus the lexicon classifier's verdict. One weight
matrix per target, trained by ``stance train`` (``stance.train``) on a labelled corpus; the shipped
model (``stance/data/linear.v1.json``) is trained on the corpus in ``stance/data/train/``, written by
the project. A target the model has no weights for (a plugin's target) gets the lexicon's label.

A model file is plain JSON: loading it reads numbers and strings and never executes code.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from ..classify import Prediction, StanceItem
from ..errors import ModelError
from ..features import FEATURES_VERSION, item_features, mask, mentions_target, normalize, target_regex, tokens
from ..hookspecs import hookimpl
from ..model import STANCE_LABELS, Span
from .lexicon import LexiconClassifier

NAME = "linear.v1"
MODEL_FORMAT = "stance-linear"
MODEL_FORMAT_VERSION = 1
DEFAULT_MODEL = "linear.v1.json"
# Evidence: at most this many quote words that pushed hardest towards the label.
MAX_EVIDENCE_WORDS = 3
# Decision rules a model can be trained to apply on top of its weights (``stance train --rule``):
#   lexicon-first     the lexicon's label wherever it found a cue about the target;
#   unmentioned-none  none for an entity target that the quote, its sentence and the sentence
#                     before never mention.
# A rule applies to every target or, given as ``TARGET=RULE``, to one. The shipped model applies
# unmentioned-none everywhere and lexicon-first to NATO and alliance_shift: on news (news-dev) the
# lexicon's Russia cues are right less often than the model on the same quotes, its NATO and
# alliance_shift cues more often (seeds). A model trained on other text (posts that are about the
# target without naming it) may do better without them.
RULES = ("lexicon-first", "unmentioned-none")


def rule_scope(rule: str) -> tuple[str, str]:
    """(target, rule) of ``TARGET=RULE``; the target is "" for a rule that applies to every target."""
    target, _, name = rule.rpartition("=")
    return target, name

# A quote that mentions neither an entity target nor what stands for it, in itself, its sentence or
# the sentence before, takes no side on it: on real news
# (news-dev gold) 9 in 10 such quotes are labelled none, while a model trained on quotes about the
# target cannot know that. Its score.
UNMENTIONED_NONE = 0.9


@hookimpl
def register_classifiers(register):
    register(LinearClassifier())


@dataclass(frozen=True)
class TargetWeights:
    """One target's logistic regression: ``coef[k] · x + intercept[k] + bias[k]`` scores class k."""

    classes: tuple[str, ...]
    features: tuple[str, ...]
    idf: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    bias: np.ndarray
    index: dict[str, int] = field(repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        if not self.index:
            self.index.update({f: i for i, f in enumerate(self.features)})

    def vector(self, feats: Mapping[str, float]) -> tuple[np.ndarray, np.ndarray]:
        """(feature indices, values): sublinear tf·idf of the words, L2-normalised; dense ``@``
        features as they are."""
        idx, val, dense_idx, dense_val = [], [], [], []
        for name, count in feats.items():
            i = self.index.get(name)
            if i is None or count == 0:
                continue
            if name.startswith("@"):
                dense_idx.append(i)
                dense_val.append(count)
            else:
                idx.append(i)
                val.append((1.0 + math.log(count)) * self.idf[i])
        v = np.asarray(val, dtype=float)
        norm = float(np.sqrt((v * v).sum())) if len(v) else 0.0
        if norm:
            v = v / norm
        return np.asarray(idx + dense_idx, dtype=int), np.concatenate([v, np.asarray(dense_val, dtype=float)])

    def probabilities(self, feats: Mapping[str, float]) -> np.ndarray:
        idx, val = self.vector(feats)
        scores = self.coef[:, idx] @ val + self.intercept + self.bias
        scores = scores - scores.max()
        e = np.exp(scores)
        return e / e.sum()

    def to_dict(self) -> dict[str, Any]:
        return {
            "classes": list(self.classes),
            "bias": _rounded(self.bias),
            "intercept": _rounded(self.intercept),
            "features": list(self.features),
            "idf": _rounded(self.idf),
            "coef": [_rounded(row) for row in self.coef],
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], where: str) -> "TargetWeights":
        try:
            classes = tuple(str(c) for c in d["classes"])
            features = tuple(str(f) for f in d["features"])
            idf = np.asarray(d["idf"], dtype=float)
            coef = np.asarray(d["coef"], dtype=float)
            intercept = np.asarray(d["intercept"], dtype=float)
            bias = np.asarray(d.get("bias", [0.0] * len(classes)), dtype=float)
        except (KeyError, TypeError, ValueError) as e:
            raise ModelError(f"{where}: malformed weights ({type(e).__name__}: {e})") from None
        if set(classes) != set(STANCE_LABELS) or len(classes) != len(STANCE_LABELS):
            raise ModelError(f"{where}: classes must be {', '.join(STANCE_LABELS)}, not {list(classes)}")
        n = len(features)
        if idf.shape != (n,) or coef.shape != (len(classes), n) or intercept.shape != (len(classes),) or bias.shape != intercept.shape:
            raise ModelError(f"{where}: weight shapes do not match {n} features and {len(classes)} classes")
        if not (np.isfinite(idf).all() and np.isfinite(coef).all() and np.isfinite(intercept).all() and np.isfinite(bias).all()):
            raise ModelError(f"{where}: weights must be finite numbers")
        return cls(classes, features, idf, coef, intercept, bias)


@dataclass(frozen=True)
class LinearModel:
    """Per-target weights plus how they were trained (``meta``: plain JSON values)."""

    targets: Mapping[str, TargetWeights]
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def rules(self) -> tuple[str, ...]:
        """The decision rules applied on top of the weights (see RULES), as trained: ``RULE`` for
        every target, ``TARGET=RULE`` for one."""
        return tuple(self.meta.get("rules", ()))

    def rules_for(self, target: str) -> frozenset[str]:
        """The decision rules that apply to ``target``."""
        return frozenset(name for scope, name in map(rule_scope, self.rules) if scope in ("", target))

    def to_json(self) -> str:
        """Deterministic JSON: same weights, same bytes."""
        body = {
            "format": MODEL_FORMAT,
            "format_version": MODEL_FORMAT_VERSION,
            "features_version": FEATURES_VERSION,
            "classifier": NAME,
            "meta": dict(self.meta),
            "targets": {name: self.targets[name].to_dict() for name in sorted(self.targets)},
        }
        return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"

    def save(self, path: str | Path) -> None:
        from ..io import write_atomic

        write_atomic(str(path), [self.to_json()])

    @classmethod
    def from_json(cls, text: str, where: str = "model") -> "LinearModel":
        try:
            d = json.loads(text)
        except json.JSONDecodeError as e:
            raise ModelError(f"{where}: not a stance model (not JSON: {e})") from None
        if not isinstance(d, dict) or d.get("format") != MODEL_FORMAT:
            raise ModelError(f"{where}: not a stance model file (expected \"format\": \"{MODEL_FORMAT}\"; train one with `stance train`)")
        if d.get("format_version") != MODEL_FORMAT_VERSION or d.get("features_version") != FEATURES_VERSION:
            raise ModelError(
                f"{where}: model format {d.get('format_version')}/features {d.get('features_version')} is not the "
                f"{MODEL_FORMAT_VERSION}/{FEATURES_VERSION} this version of stance reads; retrain it with `stance train`"
            )
        targets = d.get("targets")
        if not isinstance(targets, dict) or not targets:
            raise ModelError(f"{where}: the model has no targets")
        meta = d.get("meta") if isinstance(d.get("meta"), dict) else {}
        rules = meta.get("rules", [])
        if not isinstance(rules, list) or not all(isinstance(r, str) and rule_scope(r)[1] in RULES for r in rules):
            raise ModelError(f"{where}: unknown decision rules {rules!r} (this version knows {', '.join(RULES)})")
        return cls({str(k): TargetWeights.from_dict(v, f"{where}: target {k!r}") for k, v in targets.items()}, meta)

    @classmethod
    def load(cls, path: str | Path) -> "LinearModel":
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise ModelError(f"{path}: cannot read model ({getattr(e, 'strerror', None) or e})") from None
        return cls.from_json(text, str(path))


def _rounded(values) -> list[float]:
    # Six significant digits: the file stays small and the same weights always print the same.
    return [float(f"{float(v):.6g}") for v in np.asarray(values).ravel()]


def default_model_path() -> Path:
    return Path(str(resources.files("stance") / "data" / DEFAULT_MODEL))


class LinearClassifier:
    """``linear.v1`` with the shipped model, or with ``model`` (a path or a LinearModel)."""

    name = NAME

    def __init__(self, model: "str | Path | LinearModel | None" = None, lexicon: LexiconClassifier | None = None) -> None:
        self._model_source = model
        self._model: LinearModel | None = model if isinstance(model, LinearModel) else None
        # The lexicon's transfer from an entity to a proposition only in an article that discusses
        # the proposition: there support for NATO is a stance against leaving it (the seed articles
        # on Turkey's S-400s and a Turkish exit); in other news (summits, enlargement) it is not.
        self.lexicon = lexicon or LexiconClassifier(contrary="topical")

    @property
    def model(self) -> LinearModel:
        if self._model is None:
            self._model = LinearModel.load(self._model_source or default_model_path())
        return self._model

    def with_model(self, model: "str | Path | LinearModel") -> "LinearClassifier":
        """The same classifier reading another model file (``--model``), loaded at once so that a
        bad file is reported before any work is done."""
        return LinearClassifier(model if isinstance(model, LinearModel) else LinearModel.load(model), self.lexicon)

    def classify(self, items: Sequence[StanceItem]) -> list[Prediction]:
        items = list(items)
        weights = self.model.targets
        rules = {name: self.model.rules_for(name) for name in {item.target.name for item in items}}
        unmentioned = [item.target.name in weights and _unmentioned(item, rules[item.target.name]) for item in items]
        # The lexicon reads only the items whose label may still depend on it: an unmentioned target
        # settles the others (most quotes never mention most targets; the lexicon is the slower half).
        todo = [i for i, item in enumerate(items) if not unmentioned[i] or "lexicon-first" in rules[item.target.name]]
        lexical = dict(zip(todo, self.lexicon.classify([items[i] for i in todo])))
        return [
            self._one(item, lexical.get(i), weights[item.target.name], rules[item.target.name], unmentioned[i])
            if item.target.name in weights else lexical[i]
            for i, item in enumerate(items)
        ]

    def _one(self, item: StanceItem, lex: Prediction | None, w: TargetWeights, rules: frozenset[str], unmentioned: bool) -> Prediction:
        """The model's label, after the model's decision rules (see RULES): the lexicon's label
        where it found a cue about the target (it is precise when it speaks); none where an entity
        target is not mentioned at all. ``lex`` is None where the lexicon was not asked."""
        if lex is not None and lex.label != "none" and "lexicon-first" in rules:
            return lex
        if unmentioned:
            return Prediction("none", UNMENTIONED_NONE)
        feats = item_features(item, lex)
        p = w.probabilities(feats)
        k = int(np.argmax(p))
        label = w.classes[k]
        evidence = _word_evidence(item, w, k) if label != "none" else ()
        return Prediction(label, round(float(p[k]), 4), evidence)


def _unmentioned(item: StanceItem, rules: frozenset[str]) -> bool:
    """Whether the unmentioned-none rule applies: an entity target the item never mentions."""
    return "unmentioned-none" in rules and item.target.kind == "entity" and not mentions_target(item)


def _word_evidence(item: StanceItem, w: TargetWeights, k: int) -> tuple[Span, ...]:
    """The quote words whose weights pushed most towards class ``k``, as spans of the document."""
    rx = target_regex(item.target, implied=True)
    text = item.text
    lowered = mask(normalize(text), rx).lower()
    if len(lowered) != len(text):
        lowered = text.lower()  # normalisation moved characters: search the raw text instead
    weight = {}
    for word in set(tokens(text)):
        i = w.index.get("q:" + word)
        if i is not None and not word.startswith("neg_") and len(word) > 2 and word not in STOP_WORDS:
            weight[word] = float(w.coef[k, i] - w.coef[:, i].mean())
    base = item.document if item.document else text
    shift = item.start_char if item.document else 0
    spans = []
    for word in sorted((x for x in weight if weight[x] > 0), key=lambda x: (-weight[x], x))[:MAX_EVIDENCE_WORDS]:
        at = _word_at(lowered, word)
        if at >= 0 and base[shift + at : shift + at + len(word)].lower() == word:
            spans.append(Span.of(base, shift + at, shift + at + len(word)))
    return tuple(sorted(spans, key=lambda s: s.start_char))


def _word_at(text: str, word: str) -> int:
    m = re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text)
    return m.start() if m else -1
