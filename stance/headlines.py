"""Who a headline quotes: headlines have their own grammar, so they are read from the words.

* "‘I fear Bulgaria will become a soft state’: Kiril Petkov on threat of Russia": the name after the colon;
* "West must stand firm as China challenges ‘rules and norms’, Ardern tells Nato": the name before a
  reporting verb in the present tense at the end of the line;
* "Sweden and Finland to submit Nato bids ‘hand in hand’": a headline repeats words the story
  attributes, so a quote the body attributes with the same words lends its speaker.

Works on plain text and on the names the resolver knows; the engine applies it to the first
paragraph of a text that has more than one.
"""
from __future__ import annotations

import re

from .lexicons.reporting import is_reporting_verb
from .resolve import fold, names_compatible

_NAME = r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]+)"
# "’: Kiril Petkov on …", "” – Name"
_AFTER_COLON = re.compile(r"\s*[:–—]\s*" + _NAME)
# "…’, Ardern tells Nato", "…”, says Name"
_NAME_VERB = re.compile(r",\s+" + _NAME + r"\s+([a-z]+s)\b")
_VERB_NAME = re.compile(r",\s+([a-z]+s)\s+" + _NAME)
_PUNCT = re.compile(r"[^\w\s]")
# A headline fragment shorter than this echoes a story quote only when it is all of it: one or two
# words are as often the name of a thing the story quotes someone on ("Russian salad", a "Buffett rule",
# a film) as an echo of their words.
ECHO_MIN_WORDS = 3


def headline_name(line_after: str) -> tuple[int, int] | None:
    """(start, end) in ``line_after`` of the name a headline gives as the speaker of its quote."""
    m = _AFTER_COLON.match(line_after)
    if m:
        return m.span(1)
    for m in _NAME_VERB.finditer(line_after):
        if _reports(m.group(2)):
            return m.span(1)
    for m in _VERB_NAME.finditer(line_after):
        if _reports(m.group(1)):
            return m.span(2)
    return None


def _reports(verb: str) -> bool:
    """A present-tense reporting verb: tells, says, warns (lemma: the word without its -s)."""
    lemma = verb[:-1] if not verb.endswith("es") or verb in ("urges", "vows") else verb[:-2]
    return is_reporting_verb(lemma, verb) or is_reporting_verb(verb[:-1], verb)


def known_name(name: str, entities) -> tuple[str, object | None]:
    """The canonical name of the resolver's person that ``name`` names, else ``name`` itself."""
    words = tuple(name.split())
    for e in entities:
        if any(names_compatible(words, n) for n in e.names):
            return e.canonical, e
    return name, None


def _words(s: str) -> list[str]:
    return _PUNCT.sub("", fold(s)).split()


def quoted_from(fragment: str, quote: str) -> bool:
    """Whether a headline's ``fragment`` is a run of words of ``quote``, whatever the punctuation and
    case: headlines quote a few words of what the story quotes whole ("submit bids ‘hand in hand’"
    over "“… go through this entire process hand in hand,” Andersson said")."""
    part, whole = _words(fragment), _words(quote)
    n = len(part)
    if n < ECHO_MIN_WORDS and part != whole:
        return False
    return any(whole[i : i + n] == part for i in range(len(whole) - n + 1))
