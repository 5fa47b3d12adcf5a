"""A faster stand-in for spaCy's ``attribute_ruler`` + ``lemmatizer`` pair, with the same output.

In the small English pipelines these two components cost about a fifth of the whole parse: the
attribute ruler runs a Matcher with ~180 patterns over every token and makes a Span per match, and
the lemmatizer sets every lemma through Python attribute access. Nearly all of those patterns look
at one token only (its tag, lowercase form, dependency label), so the outcome for a token is a
function of (word, tag, dependency label): ``FastAttributes`` computes that outcome once per
distinct triple and caches it, runs a Matcher only for the few patterns that are not of that form
(multi-token ones such as "gon na"), and applies matches in the ruler's own precedence order. Lemmas
are cached per (word, POS, morphology), the key the rule lemmatizer itself caches on.

``install(nlp)`` swaps the two components for one ``stance_attributes`` component built from them;
``tests/test_attributes.py`` checks that POS, morphology and lemmas equal the stock pipeline's.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs

NAME = "stance_attributes"
# Distinct tokens remembered per cache (a news corpus has a few hundred thousand word forms).
CACHE_LIMIT = 200_000
# Token attributes a single-token pattern may test for the cached path: each is a function of the
# word, its tag or its dependency label, all fixed before the attribute ruler runs.
_ATTR_OF: dict[str, Callable[[Any], Any]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "ORTH": lambda t: t.text,
    "TEXT": lambda t: t.text,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}


@dataclass(frozen=True)
class _Rule:
    order: int  # the ruler's precedence: later rules overwrite earlier ones
    tests: tuple[tuple[str, str, Any], ...]  # (attribute, "==" | "IN" | "NOT_IN", value)
    attrs: dict

    def matches(self, token) -> bool:
        for attr, op, value in self.tests:
            got = _ATTR_OF[attr](token)
            if op == "==" and got != value or op == "IN" and got not in value or op == "NOT_IN" and got in value:
                return False
        return True


def _tests(token_pattern: dict) -> tuple[tuple[str, str, Any], ...] | None:
    """The pattern as simple tests, or None if it needs the Matcher."""
    out = []
    for key, value in token_pattern.items():
        key = key.upper()
        if key not in _ATTR_OF:
            return None
        if isinstance(value, (str, bool)):
            out.append((key, "==", value))
        elif isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN"):
            op, values = next(iter(value.items()))
            out.append((key, op, frozenset(values)))
        else:
            return None
    return tuple(out)


# Attributes a rule can be filed under: a token can only match a rule that tests one of them for
# equality (or membership) if its own value is that one.
_INDEXED = ("TAG", "LOWER", "ORTH", "TEXT")


class _RuleIndex:
    """The rules filed by a value they require (a tag, a word), so that a token is tested against the
    few rules it could match instead of all of them; ``candidates`` keeps the rules' order."""

    def __init__(self, rules: list[_Rule]) -> None:
        self.by_value: dict[tuple[str, Any], list[int]] = {}
        self.always: list[int] = []
        self.rules = rules
        for n, rule in enumerate(rules):
            test = next(((a, op, v) for a, op, v in rule.tests if a in _INDEXED and op in ("==", "IN")), None)
            if test is None:
                self.always.append(n)
                continue
            attr, op, value = test
            attr = "ORTH" if attr == "TEXT" else attr
            for v in (value,) if op == "==" else value:
                self.by_value.setdefault((attr, v), []).append(n)

    def candidates(self, token) -> list[_Rule]:
        found = set(self.always)
        for attr, value in (("TAG", token.tag_), ("LOWER", token.lower_), ("ORTH", token.text)):
            found.update(self.by_value.get((attr, value), ()))
        return [self.rules[n] for n in sorted(found)]


class FastAttributes:
    """Applies an AttributeRuler's patterns and then a Lemmatizer, caching per distinct token."""

    def __init__(self, ruler, lemmatizer) -> None:
        self.vocab = ruler.vocab
        self.lemmatizer = lemmatizer
        self.rules: list[_Rule] = []
        self.matcher = Matcher(ruler.vocab)
        self.matched: dict[str, tuple[int, int, dict]] = {}  # matcher key -> (order, index, attrs)
        for order, entry in enumerate(ruler.patterns):
            attrs = normalize_token_attrs(self.vocab, dict(entry["attrs"]))
            for pattern in entry["patterns"]:
                tests = _tests(pattern[0]) if len(pattern) == 1 and entry["index"] in (0, -1) else None
                if tests is not None:
                    self.rules.append(_Rule(order, tests, attrs))
                else:
                    key = f"{order}:{len(self.matched)}"
                    self.matcher.add(key, [pattern])
                    self.matched[key] = (order, entry["index"], attrs)
        self._attrs: dict[tuple[int, str, str], list[tuple[int, dict]]] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}
        self._index = _RuleIndex(self.rules)

    def _rules_for(self, token) -> list[tuple[int, dict]]:
        key = (token.orth, token.tag_, token.dep_)
        found = self._attrs.get(key)
        if found is None:
            if len(self._attrs) >= CACHE_LIMIT:
                self._attrs.clear()  # bounded memory on endless streams; refilled as words come back
            found = self._attrs[key] = [(r.order, r.attrs) for r in self._index.candidates(token) if r.matches(token)]
        return found

    def __call__(self, doc):
        extra: dict[int, list[tuple[int, dict]]] = {}
        if self.matched:
            strings = self.vocab.strings
            for match_id, start, end in self.matcher(doc, allow_missing=True):
                order, index, attrs = self.matched[strings[match_id]]
                i = (start if index >= 0 else end) + index
                extra.setdefault(i, []).append((order, attrs))
        for token in doc:
            found = self._rules_for(token)
            if token.i in extra:
                found = sorted(found + extra[token.i], key=lambda x: x[0])
            for _, attrs in found:
                set_token_attrs(token, attrs)
        if self.lemmatizer is not None:
            self._lemmatize(doc)
        return doc

    def _lemmatize(self, doc) -> None:
        overwrite = self.lemmatizer.overwrite
        for token in doc:
            if overwrite or token.lemma == 0:
                key = (token.orth, token.pos, token.morph.key)
                lemma = self._lemmas.get(key)
                if lemma is None:
                    if len(self._lemmas) >= CACHE_LIMIT:
                        self._lemmas.clear()
                    lemma = self._lemmas[key] = self.vocab.strings.add(self.lemmatizer.lemmatize(token)[0])
                token.lemma = lemma


def install(nlp) -> None:
    """Replace ``attribute_ruler`` (and the ``lemmatizer`` right after it, if any) by one
    ``stance_attributes`` component, in place. Pipelines without an attribute ruler, with a
    lemmatizer in another mode than rule or lookup, or with anything between the two, are left as
    they are."""
    names = nlp.pipe_names
    if NAME in names or "attribute_ruler" not in names:
        return
    at = names.index("attribute_ruler")
    lemmatize = at + 1 < len(names) and names[at + 1] == "lemmatizer"
    if lemmatize and getattr(nlp.get_pipe("lemmatizer"), "mode", None) not in ("rule", "lookup"):
        return
    if not lemmatize and "lemmatizer" in names:
        return
    nlp.add_pipe(NAME, before="attribute_ruler", config={"lemmatize": lemmatize})
    nlp.remove_pipe("attribute_ruler")
    if lemmatize:
        nlp.remove_pipe("lemmatizer")


@Language.factory(NAME, default_config={"lemmatize": True})
def make_fast_attributes(nlp, name: str, lemmatize: bool):
    """Built from the pipeline's own attribute_ruler (and lemmatizer), which install() then removes."""
    return FastAttributes(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer") if lemmatize else None)
