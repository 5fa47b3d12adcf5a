"""Stage 5, classify stance: every quote × every target → one StanceLabel from the chosen classifier.

The classifier itself comes from a plugin (the built-in ``lexicon.v1`` is one). This module builds
the plain-data items a classifier sees, runs it through the plugin host, which contains and reports
any failure, and puts the labels back on the quotes.
"""
from __future__ import annotations

import bisect
import contextvars
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Sequence

from .model import Quote, Span, StanceLabel
from .quotes import paragraph_at, paragraphs
from .targets import Target

if TYPE_CHECKING:  # pragma: no cover
    from .plugins import PluginHost

DEFAULT_CLASSIFIER = "linear.v1"
# (spaCy parse, its text) of the document being classified: the engine's parse, for built-in classifiers that can reuse
# it instead of parsing each quote again. Never part of what a plugin is given or returns.
CURRENT_PARSE: contextvars.ContextVar = contextvars.ContextVar("stance_current_parse", default=None)
# Statements that carry an opinion (quotes and reported speech); headings and scare quotes do not, nested
# quotes are someone else's words.
CLASSIFIED_KINDS = ("full", "partial", "indirect")


@dataclass(frozen=True)
class StanceItem:
    """What a classifier sees: one quote (or text) and one target, with context, as plain values.

    ``text`` starts at ``start_char`` in the document; ``sentence`` (the sentence(s) around the quote,
    which for a partial quote carry the rest of the claim) and ``paragraph`` likewise. ``document`` is
    the whole text, for targets that are only implied ("the alliance") when the document names them.
    """

    text: str
    start_char: int
    target: Target
    sentence: str = ""
    sentence_start: int = 0
    paragraph: str = ""
    paragraph_start: int = 0
    speaker: str | None = None
    role: str | None = None
    kind: str = "full"
    document: str = field(default="", repr=False)


@dataclass(frozen=True)
class Prediction:
    """A classifier's answer for one item: label favor|against|none, score in [0, 1], evidence spans
    (offsets into the document, as in StanceItem)."""

    label: str
    score: float
    evidence: tuple[Span, ...] = ()


def _targets(host: "PluginHost", targets: Iterable[str | Target] | None) -> tuple[Target, ...]:
    if targets is None:
        return tuple(host.targets.values())
    return tuple(t if isinstance(t, Target) else host.target(t) for t in targets)


def classify_text(
    text: str,
    targets: Iterable[str | Target] | None = None,
    classifier: str = DEFAULT_CLASSIFIER,
    *,
    host: "PluginHost | None" = None,
) -> dict[str, StanceLabel]:
    """The stance of a raw ``text`` (a quote, a post, a tweet) on each target, keyed by target name.

    ``targets`` are names of registered targets or Target objects (default: all registered).
    """
    from .plugins import default_host

    host = host or default_host()
    chosen = _targets(host, targets)
    items = [StanceItem(text, 0, t, text, 0, text, 0, document=text) for t in chosen]
    labels = host.classify(classifier, items)
    return {label.target: label for label in labels}


def sentence_bounds_from(doc) -> list[tuple[int, int]]:
    """(start, end) character bounds of the sentences of a parsed spaCy doc, without the whitespace
    around them: a partial parse blanks the paragraphs it skips, and spaCy hangs those blanks on the
    sentence before them, which would otherwise reach into text that was never parsed."""
    bounds = []
    for s in doc.sents:
        words = [t for t in s if not t.is_space]
        if words:
            bounds.append((words[0].idx, words[-1].idx + len(words[-1].text)))
    return bounds


def sentence_around(bounds: Sequence[tuple[int, int]], starts: Sequence[int], q: Quote) -> tuple[int, int]:
    """(start, end) of the sentence(s) a quote stands in (``starts``: the bounds' starts, for bisection);
    a quote that runs over several sentences takes them all."""
    if not bounds:
        return q.content.start_char, q.content.end_char
    first = max(0, bisect.bisect_right(starts, q.outer.start_char) - 1)
    last = max(first, bisect.bisect_right(starts, max(q.outer.end_char - 1, q.outer.start_char)) - 1)
    return min(bounds[first][0], q.content.start_char), max(bounds[last][1], q.content.end_char)


def classify_quotes(
    text: str,
    quotes: Sequence[Quote],
    *,
    classifier: str = DEFAULT_CLASSIFIER,
    targets: Iterable[str | Target] | None = None,
    sentence_bounds: Sequence[tuple[int, int]] = (),
    host: "PluginHost | None" = None,
    parsed=None,
) -> tuple[list[Quote], list[str]]:
    """Quotes with ``stance`` filled for each target, and the distinct error messages raised on the way.

    ``parsed``: the spaCy parse of ``text``, if there is one, offered to built-in classifiers for reuse.
    """
    from .plugins import default_host

    host = host or default_host()
    chosen = _targets(host, targets)
    paras = paragraphs(text)
    starts = [b[0] for b in sentence_bounds]
    items, owners = [], []
    for i, q in enumerate(quotes):
        if q.depth or q.kind not in CLASSIFIED_KINDS:
            continue
        s0, s1 = sentence_around(sentence_bounds, starts, q)
        para = paragraph_at(paras, q.content.start_char, paras[0]) if paras else None
        p0, p1 = (para.start, para.end) if para else (0, len(text))
        role = " ".join(r.text for r in q.role) or None
        for t in chosen:
            items.append(
                StanceItem(q.text, q.content.start_char, t, text[s0:s1], s0, text[p0:p1], p0, q.speaker, role, q.kind, text)
            )
            owners.append(i)
    token = CURRENT_PARSE.set((parsed, text) if parsed is not None else None)
    try:
        labels = host.classify(classifier, items) if items else []
    finally:
        CURRENT_PARSE.reset(token)
    per_quote: dict[int, list[StanceLabel]] = {}
    for i, label in zip(owners, labels):
        per_quote.setdefault(i, []).append(label)
    out = [q.with_(stance=tuple(per_quote[i])) if i in per_quote else q for i, q in enumerate(quotes)]
    errors = sorted({label.error for label in labels if label.error})
    return out, errors
