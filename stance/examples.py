"""Training examples from labelled articles (``stance examples``): each labelled quotation, read in its
article the way the engine reads it.

A gold file in the format ``stance evaluate`` reads (one JSON object per quotation: ``doc``, ``quote``
and ``stance``, a label per target) marks the quotations of whole articles. Each is found in its
article by the engine's own quote scanner and attribution (so its kind, full or partial, is the one
the engine will see at run time); the sentence around it and the sentence before come from the same
parse. The result is one training example (``stance.train``'s format) per quotation and labelled
target.

Why whole articles: quotes written one at a time are about their target by construction, while in
real news many quotes that name NATO or Russia take no side on it (timetables, procedure, forecasts,
analysis) and many that take a side never name it. Labelling every quote of an article teaches the
classifier that mix, in the contexts the engine gives it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from .classify import sentence_around, sentence_bounds_from
from .engine import analyze_parsed
from .evaluate import find_gold
from .features import previous_sentence
from .model import STANCE_LABELS
from .train import Example

# What a classifier reads at run time (``stance.classify.CLASSIFIED_KINDS`` without reported speech).
TRAINED_KINDS = ("full", "partial")


@dataclass(frozen=True)
class ArticleExamples:
    """The examples of some articles, and the gold quotations that gave none: ``missing`` were not
    found in their article; ``unclassified`` were found as something the classifier never reads (a
    scare quote, a heading, a quote inside a quote)."""

    examples: tuple[Example, ...]
    missing: tuple[Mapping[str, Any], ...]
    unclassified: tuple[Mapping[str, Any], ...]

    @property
    def quotations(self) -> int:
        return len({(e.id, e.text) for e in self.examples})


def gold_labels(row: Mapping[str, Any], targets: Sequence[str] | None = None) -> dict[str, str]:
    """A gold row's stance labels (favor|against|none), for ``targets`` only if given."""
    stance = row.get("stance") if isinstance(row.get("stance"), Mapping) else {}
    return {
        str(t): str(label) for t, label in stance.items() if label in STANCE_LABELS and (targets is None or t in targets)
    }


def article_examples(doc: str, text: str, rows: Sequence[Mapping[str, Any]], parse, targets: Sequence[str] | None = None) -> ArticleExamples:
    """The examples of one article ``text`` named ``doc`` from its gold ``rows``; ``parse`` is a
    loaded spaCy pipeline (``stance.nlp.load()``)."""
    rows = [r for r in rows if r.get("kind") != "indirect" and gold_labels(r, targets)]
    if not rows:
        return ArticleExamples((), (), ())
    parsed = parse(text)
    quotes = analyze_parsed(parsed, doc, classifier=None, text=text).quotes
    bounds = sentence_bounds_from(parsed)
    starts = [b[0] for b in bounds]
    found = [q.to_dict() for q in quotes]
    used: set[int] = set()
    examples, missing, unclassified = [], [], []
    for row in rows:
        hit = find_gold(row, found, used)
        if hit is None:
            missing.append(row)
            continue
        q = quotes[hit]
        if q.depth or q.kind not in TRAINED_KINDS:
            unclassified.append(row)
            continue
        s0, s1 = sentence_around(bounds, starts, q)
        before = previous_sentence(text, s0)
        for target, label in sorted(gold_labels(row, targets).items()):
            examples.append(Example(target, label, q.text, text[s0:s1], before, q.kind, f"{doc}:{q.content.start_char}"))
    return ArticleExamples(tuple(examples), tuple(missing), tuple(unclassified))


def examples_from_articles(
    gold_rows: Iterable[Mapping[str, Any]], articles: Iterable[tuple[str, str]], parse, targets: Sequence[str] | None = None
) -> ArticleExamples:
    """The examples of every article (``(doc, text)`` pairs) that has gold rows, in article order."""
    by_doc: dict[str, list[Mapping[str, Any]]] = {}
    for row in gold_rows:
        by_doc.setdefault(row["doc"], []).append(row)
    parts = [article_examples(doc, text, by_doc[doc], parse, targets) for doc, text in articles if doc in by_doc]
    return ArticleExamples(
        tuple(e for p in parts for e in p.examples),
        tuple(r for p in parts for r in p.missing),
        tuple(r for p in parts for r in p.unclassified),
    )
