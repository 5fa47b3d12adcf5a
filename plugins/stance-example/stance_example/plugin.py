"""Example stance plugin: one target (EU) and one classifier (keywords.v1).

The template a plugin author copies:

1. implement any of the hooks in ``stance.hookspecs`` with ``@stance.hookimpl``, named exactly as there;
2. publish the module under the entry-point group ``stance`` in pyproject.toml;
3. ``pip install`` the package; ``stance plugins`` then lists it, ``STANCE_LOAD_PLUGINS=""`` turns it off.
"""
from __future__ import annotations

import re

import stance
from stance import Prediction, Span, StanceItem, Target

EU = Target(
    name="EU",
    description="The European Union and its institutions.",
    aliases=("EU", "European Union", "Brussels", "European Commission"),
    implied=("the bloc", "the union"),
)

# A classifier owns its word lists; a real one would load a model once in __init__.
FAVOR_WORDS = ("support", "welcome", "join", "partner", "ally", "trust", "strengthen", "solidarity")
AGAINST_WORDS = ("oppose", "leave", "threat", "hostile", "reject", "sanction", "betray", "failure")


class KeywordClassifier:
    """Counts favor and against keywords in a text that names the target. Crude on purpose:
    it shows the contract (a versioned ``name``, ``classify`` over a batch, one Prediction per item
    with offsets into the document), not a method."""

    name = "keywords.v1"

    def __init__(self) -> None:
        self._favor = _words(FAVOR_WORDS)
        self._against = _words(AGAINST_WORDS)

    def classify(self, items: list[StanceItem]) -> list[Prediction]:
        return [self._one(item) for item in items]

    def _one(self, item: StanceItem) -> Prediction:
        target = item.target
        names = _words(target.aliases + target.implied)
        if not names.search(item.text):
            return Prediction("none", 1.0)
        favor = list(self._favor.finditer(item.text))
        against = list(self._against.finditer(item.text))
        if len(favor) == len(against):
            return Prediction("none", 0.5)
        label, hits = ("favor", favor) if len(favor) > len(against) else ("against", against)
        score = abs(len(favor) - len(against)) / (len(favor) + len(against))
        # Evidence spans point into the document: item.text starts at item.start_char there.
        base = item.document or item.text
        shift = item.start_char if item.document else 0
        evidence = tuple(Span.of(base, shift + m.start(), shift + m.end()) for m in hits)
        return Prediction(label, round(score, 4), evidence)


def _words(words) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE)


@stance.hookimpl
def register_targets(register):
    register(EU)


@stance.hookimpl
def register_classifiers(register):
    register(KeywordClassifier())
