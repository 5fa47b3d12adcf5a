"""Features of a stance item for the trained classifier: what the quote says, read in its context.

Three views of one item, each a bag of lowercase word n-grams with its own prefix:

* ``q:`` the quote itself;
* ``c:`` the rest of the quote's sentence (the reporter's frame: "Ryabkov said Finland's bid to join
  the alliance was …"), which carries the claim of a partial quote;
* ``b:`` the sentence before, which says what "it", "the move" or "the decision" is: whether it
  names the target or its opponents.

Mentions of the target (its aliases and, where the document names it, its implied phrases) become
the placeholder ``__tgt__`` and mentions of its opponents ``__opp__``, so that what is learnt is the
relation to the target, not the words that name it: one model serves NATO and "the alliance" alike,
and "a threat from __opp__" is learnt once for every target with adversaries. In the frame and the sentence
before, capitalised words (names of speakers, their countries) are dropped: the label must come from
what is said, never from who says it. Words after a negation until the next punctuation carry a
``neg_`` prefix ("never leave" is not "leave").

Dense features (prefix ``@``) are not words: where the target is mentioned, the quote's kind, the
built-in lexicon classifier's verdict, and the valence (VADER's lexicon) of the words near mentions of
the target and of a quote whose frame names the target.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Iterable

from .lexicons.features import NEGATORS, PRONOUN_REFERENCES
from .targets import Target, alias_regex

if TYPE_CHECKING:  # pragma: no cover
    from .classify import Prediction, StanceItem

PLACEHOLDER = "__tgt__"
# The target's adversaries (its ``opponents``): hostility towards them says something about the target.
OPPONENT = "__opp__"
# Version of the feature definition; a model trained on another version is refused.
# 3: a negated mention counts as a mention; no @opp_quote.
FEATURES_VERSION = 3
_MAX_BEFORE_CHARS = 400
# How far (in tokens) from a mention of the target a word's valence counts as said about it.
VALENCE_WINDOW = 5
_TOKEN = re.compile(r"__tgt__|__opp__|[A-Za-z][A-Za-z0-9]*(?:['’][A-Za-z]+)?|[0-9]+|[.,;:!?()]")
_CLAUSE_END = frozenset(".,;:!?()")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


@functools.lru_cache(maxsize=1)
def _normalizer():
    # textacy's normalizers: typographic quotes and apostrophes, unicode forms, hyphenation across
    # line breaks and runs of whitespace, so that "Nato’s" and "Nato's" are one word. Imported on
    # first use: textacy takes over a second to import, which `stance --help` should not pay.
    from textacy import preprocessing

    return preprocessing.make_pipeline(
        preprocessing.normalize.unicode,
        preprocessing.normalize.quotation_marks,
        preprocessing.normalize.hyphenated_words,
        preprocessing.normalize.whitespace,
    )


@functools.lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    # cached: a quote, its sentence and the one before are read once per target
    return _normalizer()(text)


@functools.lru_cache(maxsize=1)
def _valences() -> dict[str, float]:
    # VADER's lexicon (Hutto & Gilbert 2014, MIT): 7,500 English words with a valence in [-4, 4]. It
    # carries what the training corpus is too small to teach: that "abhorrent" and "disappointment"
    # are bad and "bravery" good, for words the corpus never uses.
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)


def valence(word: str) -> float:
    """A token's valence in [-1, 1]; a negated token (``neg_…``) flips it, less strongly."""
    if word.startswith("neg_"):
        return -0.5 * _valences().get(word[4:], 0.0) / 4.0
    return _valences().get(word, 0.0) / 4.0


def valence_features(words: list[str], prefix: str, window: int = VALENCE_WINDOW) -> dict[str, float]:
    """How positive or negative the words near mentions of the target are (within ``window``
    tokens): "a disappointment that __tgt__ chose war" is against the target. (The valence of all
    the words, and of the words near its opponents, measured worse: a quote's mood is not its stance.)"""
    at = [i for i, w in enumerate(words) if w.endswith(PLACEHOLDER)]
    near = {j for i in at for j in range(max(0, i - window), min(len(words), i + window + 1))}
    v = sum(valence(words[j]) for j in near)
    out = {f"@{prefix}tgt_pos": max(v, 0.0), f"@{prefix}tgt_neg": max(-v, 0.0)}
    return {k: round(min(x, 3.0), 4) for k, x in out.items() if x}


def target_regex(target: Target, implied: bool) -> re.Pattern[str] | None:
    return alias_regex(target.aliases + (target.implied if implied else ()))


def mask(text: str, rx: re.Pattern[str] | None, opponents: re.Pattern[str] | None = None) -> str:
    """``text`` with target mentions as ``__tgt__`` and, then, its opponents' as ``__opp__``."""
    text = text if rx is None else rx.sub(f" {PLACEHOLDER} ", text)
    return text if opponents is None else opponents.sub(f" {OPPONENT} ", text)


def tokens(text: str, *, keep_capitalized: bool = True) -> list[str]:
    """Lowercase word tokens; negated words get ``neg_`` up to the next punctuation."""
    out: list[str] = []
    negating = False
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        if word in _CLAUSE_END:
            negating = False
            out.append(word)
            continue
        lower = word.lower()
        if not keep_capitalized and word[0].isupper():
            continue
        if lower in NEGATORS or lower.endswith("n't") or lower.endswith("n’t"):
            negating = True
            out.append("not")
            continue
        out.append(f"neg_{lower}" if negating else lower)
    return out


def ngrams(words: list[str], prefix: str, n: int = 2) -> Iterable[str]:
    """Unigrams and bigrams, never across punctuation."""
    for i, w in enumerate(words):
        if w in _CLAUSE_END:
            continue
        yield prefix + w
        for k in range(2, n + 1):
            gram = words[i : i + k]
            if len(gram) == k and not any(g in _CLAUSE_END for g in gram):
                yield prefix + " ".join(gram)


def previous_sentence(document: str, sentence_start: int) -> str:
    """The sentence that ends where the item's sentence starts (at most ~400 characters)."""
    head = document[max(0, sentence_start - 2 * _MAX_BEFORE_CHARS) : sentence_start].rstrip()
    if not head:
        return ""
    cuts = [m.end() for m in _SENTENCE_END.finditer(head)]
    last = head[cuts[-1] :] if cuts else head
    return last[-_MAX_BEFORE_CHARS:]


def frame_of(item: "StanceItem") -> str:
    """The item's sentence without the quote's own words (the reporter's frame)."""
    s = item.sentence
    start = item.start_char - item.sentence_start
    if 0 <= start <= len(s) and s[start : start + len(item.text)] == item.text:
        return s[:start] + " " + s[start + len(item.text) :]
    return s.replace(item.text, " ") if item.text else s


def _mentions(words: list[str], placeholder: str) -> bool:
    """Whether the words mention ``placeholder``, negated ("neg___tgt__") or not."""
    return any(w.endswith(placeholder) for w in words)


@functools.lru_cache(maxsize=64)
def _names(rx: re.Pattern[str] | None, text: str) -> bool:
    # cached: every quote of an article asks it of the same article
    return rx is not None and rx.search(text) is not None


def target_pattern(item: "StanceItem") -> re.Pattern[str] | None:
    """What mentions the item's target: its aliases and, where the document names it outright (or
    there is no document), its implied phrases ("the alliance", "the bid")."""
    target = item.target
    implied = bool(target.implied) and _names(target_regex(target, implied=False), item.document or item.sentence)
    return target_regex(target, implied=implied or not item.document)


def mentions_target(item: "StanceItem") -> bool:
    """Whether the quote, its frame or the sentence before mention the target: the test behind
    ``@tgt_absent``, without computing the features (most quotes never mention most targets)."""
    rx = target_pattern(item)
    before = previous_sentence(item.document, item.sentence_start) if item.document else ""
    return rx is not None and any(rx.search(normalize(text)) for text in (item.text, frame_of(item), before))


def item_features(item: "StanceItem", lexicon: "Prediction | None" = None) -> dict[str, float]:
    """The feature counts of one item (see the module docstring)."""
    target = item.target
    rx = target_pattern(item)
    opp = alias_regex(target.opponents)
    quote = mask(normalize(item.text), rx, opp)
    frame = mask(normalize(frame_of(item)), rx, opp)
    before = mask(normalize(previous_sentence(item.document, item.sentence_start)), rx, opp) if item.document else ""
    q_words = tokens(quote)
    c_words = tokens(frame, keep_capitalized=False)
    b_words = tokens(before, keep_capitalized=False)
    feats: dict[str, float] = {}
    # Of the sentence before, only whether it names the target or its opponents: its other words
    # are about something else as often as not (measured: they cost more than they bring).
    b_words = [w for w in b_words if w.endswith((PLACEHOLDER, OPPONENT))]
    for gram in (*ngrams(q_words, "q:"), *ngrams(c_words, "c:"), *ngrams(b_words, "b:", n=1)):
        feats[gram] = feats.get(gram, 0.0) + 1.0
    # A negated mention ("neg___tgt__": a "not" earlier in the clause) is still a mention of the target.
    in_quote, in_frame, in_before = (_mentions(w, PLACEHOLDER) for w in (q_words, c_words, b_words))
    feats["@tgt_quote"] = float(in_quote)
    feats["@tgt_frame"] = float(in_frame and not in_quote)
    feats["@tgt_before"] = float(in_before and not (in_quote or in_frame))
    feats["@tgt_absent"] = float(not (in_quote or in_frame or in_before))
    # No feature for a bare mention of an opponent: whose adversaries a quote names says who is
    # speaking (Russian officials name the West), not what is said; the n-grams around "__opp__"
    # carry the relation ("a threat from __opp__"). Measured: without it the corpus held-out F_avg
    # rises for NATO and Russia.
    refers_back = bool(q_words) and any(w in PRONOUN_REFERENCES for w in q_words[:6])
    feats["@refers_back"] = float(refers_back and in_before)
    feats["@partial"] = float(item.kind == "partial")
    feats.update(valence_features(q_words, "q_"))
    if not in_quote and (in_frame or in_before):
        # the frame names the target and the quote says something of it: "X's bid was “a grave mistake”"
        v = sum(valence(w) for w in q_words)
        feats["@q_about_tgt_pos"], feats["@q_about_tgt_neg"] = round(min(max(v, 0.0), 3.0), 4), round(min(max(-v, 0.0), 3.0), 4)
    if lexicon is not None and lexicon.label in ("favor", "against"):
        feats[f"@lex_{lexicon.label}"] = float(lexicon.score)
    return feats
