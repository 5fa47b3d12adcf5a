"""The built-in ``lexicon.v1`` classifier, registered as an ordinary plugin through the stance hooks.

Target-aware and parse-based. For each item it parses the quote (a partial quote together with its
sentence, which carries the rest of the claim), finds the target, and scores the stance cues whose
clause mentions or governs it:

* entity targets (NATO, Russia): evaluative words about the target, hostile or supportive acts with
  the target as agent or patient, the speaker's attitudes towards it, leaving or replacing it; weak
  transfer from the target's opponents ("crappy NATO" is weakly pro-Russia when Russia is mentioned);
  weak support from a speaker whose role names the target ("NATO Secretary-General" saying something
  positive);
* proposition targets (alliance_shift): the modality around each statement of the proposition ("we
  need to develop other options" → favor, "has no plans to form alliances" → against); a quote that
  is for the entity the proposition would leave ("NATO stands in solidarity") is weakly against it.

Negation flips a cue, conditionals and cues under someone else's reporting verb are weakened,
ordinary questions are halved and rhetorical ones ("how can anyone trust…") reversed. With no
evidence about the target the label is ``none``. Every label carries the cue words as evidence.
"""
from __future__ import annotations

import functools
import math
import re
import weakref
from dataclasses import dataclass, field

from ..classify import CURRENT_PARSE, Prediction, StanceItem
from ..hookspecs import hookimpl
from ..lexicons import stance_cues as L
from ..cues import is_reporting_token
from ..model import Span
from ..targets import Target, alias_regex, builtin_targets

NAME = "lexicon.v1"
# A score at least this far from zero is a stance; below it the evidence is too thin.
DECISION_THRESHOLD = 0.3
# How strongly context transfers: opponents, affiliation, the entity behind a proposition.
OPPONENT_WEIGHT = 0.5
AFFILIATION_WEIGHT = 0.5
CONTRARY_WEIGHT = 0.6
HYPOTHETICAL_WEIGHT = 0.5
REPORTED_WEIGHT = 0.5
QUESTION_WEIGHT = 0.5
RHETORICAL_WEIGHT = -0.7
# The entity a proposition target moves away from: favouring it argues against the proposition.
CONTRARY_ENTITY = {"alliance_shift": "NATO"}

_SUBJECT_DEPS = ("nsubj", "csubj", "expl")
_OBJECT_DEPS = ("dobj", "dative", "prep", "pobj", "ccomp", "xcomp", "nsubjpass", "attr", "oprd", "acomp", "pcomp", "agent")
# The thing an attitude is about: "tolerate [NATO restricting…]", "condemn [Russia]".
_DIRECT_OBJECT_DEPS = ("dobj", "dative", "nsubjpass", "ccomp", "xcomp")
_MODIFIER_DEPS = ("amod", "compound", "nmod", "poss", "advmod", "npadvmod", "appos")
_RELATIVE = frozenset({"that", "who", "which", "whom"})
_FRAME_NOISE = " \t\r\n\u00a0\"'“”‘’«»„‚:—–-"
_DEPARTURE = frozenset({"leave", "withdraw", "withdrawal", "exit", "quit", "abandon", "ditch", "alternative", "replace", "replacement"})


@hookimpl
def register_targets(register):
    for target in builtin_targets():
        register(target)


@hookimpl
def register_classifiers(register):
    register(LexiconClassifier())


# -- cue lookup ------------------------------------------------------------------
_KINDS = (
    ("departure", _DEPARTURE, -1.0),
    ("setback", L.SETBACKS, -1.0),
    ("attitude", L.POSITIVE_ATTITUDES, 1.0),
    ("attitude", L.NEGATIVE_ATTITUDES, -1.0),
    ("hostile", L.HOSTILE_ACTS, -1.0),
    ("support", L.SUPPORTIVE_ACTS, 1.0),
    ("eval", L.POSITIVE_EVALUATIVE, 1.0),
    ("eval", L.NEGATIVE_EVALUATIVE, -1.0),
)


def cue_of(token) -> tuple[str, float] | None:
    """(kind, polarity) of a cue word, looking at the word first and its lemma second."""
    keys = (token.lower_, token.lemma_.lower())
    if token.pos_ == "VERB" and any(k in L.SUCCESS for k in keys):
        return "success", 1.0  # "defeat" the verb: its subject wins; the noun is a setback
    if any(k in L.SUCCESS for k in keys) and token.pos_ != "NOUN" or token.lower_ in ("victory", "victorious"):
        return "success", 1.0
    for key in keys:
        for kind, words, polarity in _KINDS:
            if key in words:
                if kind in ("support", "hostile") and token.pos_ == "ADJ":
                    return "eval", polarity  # "secure", "threatening": a quality, not an act
                return kind, polarity
    return None


# -- the parse around a cue -----------------------------------------------------------
def clause_verb(t):
    """The verb whose clause ``t`` belongs to (``t`` itself for a verb)."""
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
        t = t.head
    return t


def subjects(verb) -> list:
    """Subject phrases of ``verb``: its own, the antecedent of a relative pronoun ("countries … that
    want war"), or the governing verb's for an infinitive or conjunct without its own subject."""
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        if subj:
            if verb.dep_ == "relcl" and subj[0].lower_ in _RELATIVE:
                return [verb.head]
            return subj
        if verb.dep_ not in ("xcomp", "conj", "advcl", "acl") or verb.head.i == verb.i:
            return []
        verb = verb.head
    return []


def _in_subtrees(m, roots) -> bool:
    return any(r.left_edge.i <= m.i <= r.right_edge.i for r in roots)


def _in_phrase(m, roots) -> bool:
    """In one of the noun phrases ``roots`` but not in a relative clause hanging off it."""
    return any(
        _in_subtrees(m, [r]) and not _in_subtrees(m, [c for c in r.children if c.dep_ == "relcl"]) for r in roots
    )


def relation(cue, m) -> str:
    """How mention ``m`` relates to ``cue``: mod, agent, object (direct), patient, clause, or sentence."""
    if cue.head.i == m.i and cue.dep_ in _MODIFIER_DEPS + ("acl", "relcl"):
        return "mod"
    if m.head.i == cue.i and m.dep_ in ("poss", "amod", "compound", "nmod"):
        return "agent"  # "Russia's invasion", "Russian aggression"
    verb = clause_verb(cue)
    subj = subjects(verb)
    if _in_phrase(cue, subj) and verb.head.i != verb.i:
        # The cue is (in) the subject of its clause ("want [the war] to continue"): the agent is the
        # subject of the clause above.
        verb = clause_verb(verb.head)
        subj = subjects(verb)
    if _in_phrase(m, subj) and not _in_phrase(cue, subj):
        return "agent"
    if cue.pos_ in ("VERB", "AUX"):
        if _in_subtrees(m, [c for c in cue.children if c.dep_ in _DIRECT_OBJECT_DEPS]):
            return "object"
        objects = [c for c in cue.children if c.dep_ in _OBJECT_DEPS]
        if _in_subtrees(m, objects):
            return "patient"
    elif cue.left_edge.i <= m.i <= cue.right_edge.i and m.i != cue.i:
        return "patient"
    if clause_verb(m).i == verb.i:
        return "clause"
    return "sentence"


# (kind, relation) -> weight, multiplied by the cue's polarity; kinds absent here ignore the relation.
_RULES = {
    ("eval", "mod"): 1.0, ("eval", "agent"): 1.0, ("eval", "object"): 1.0, ("eval", "patient"): 1.0,
    ("eval", "clause"): 0.5, ("eval", "sentence"): 0.25,
    ("hostile", "agent"): 1.0, ("hostile", "mod"): 1.0,
    ("support", "agent"): 1.0, ("support", "mod"): 0.5,
    ("attitude", "object"): 1.0, ("attitude", "mod"): 1.0,
    ("departure", "object"): 1.0, ("departure", "patient"): 1.0, ("departure", "mod"): 0.5,
    ("setback", "agent"): 0.7, ("setback", "mod"): 0.7,
    ("success", "agent"): 0.7, ("success", "mod"): 0.7, ("success", "object"): -0.7, ("success", "patient"): -0.7,
}
# The victim of a hostile act gets weak sympathy whatever the negation.
_SYMPATHY = 0.35


def negated(t) -> bool:
    """An odd number of negators on the cue or on the verbs above it within its clause."""
    count, x = 0, t
    for _ in range(4):
        count += sum(1 for c in x.children if c.dep_ == "neg" or (c.lower_ in L.NEGATORS and c.dep_ in ("det", "advmod")))
        count += sum(1 for c in x.children if c.dep_ == "prep" and any(g.lower_ == "no" for g in c.subtree))  # "in no way"
        if x.pos_ in ("VERB", "AUX") and x.dep_ not in ("xcomp", "aux", "auxpass"):
            break
        if x.dep_ in ("nsubj", "nsubjpass", "csubj"):
            break  # the verb's negation does not reach into its subject ("NATO expansion does not …")
        if x.head.i == x.i:
            break
        x = x.head
    return count % 2 == 1


def _ancestors(t, limit: int = 6):
    x = t
    for _ in range(limit):
        if x.head.i == x.i:
            return
        x = x.head
        yield x


def hypothetical(t) -> bool:
    """Inside an if/unless clause."""
    for x in (t, *_ancestors(t)):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in x.children):
            return True
    return False


def _speaker_words(item: StanceItem) -> set[str]:
    return {w.lower() for w in (item.speaker or "").split()}


def reported_by_other(t, speaker: set[str]) -> bool:
    """Under a reporting or opinion verb whose subject is neither the speaker nor I/we: someone
    else's view."""
    for x in _ancestors(t):
        if is_reporting_token(x) or (x.pos_ == "VERB" and x.lemma_.lower() in L.OPINION_VERBS):
            subj = subjects(x)
            if subj and not any(w.lower_ in L.FIRST_PERSON or w.lower_ in speaker for s in subj for w in s.subtree):
                return True
    return False


def _first_person_subject(verb, speaker: set[str]) -> bool:
    subj = subjects(clause_verb(verb))
    return not subj or any(w.lower_ in L.FIRST_PERSON or w.lower_ in speaker for s in subj for w in s.subtree)


def sentence_factor(sent) -> float:
    text = sent.text.strip().lower()
    if not text.endswith("?"):
        return 1.0
    return RHETORICAL_WEIGHT if text.startswith(L.RHETORICAL_OPENERS) else QUESTION_WEIGHT


# -- scoring ---------------------------------------------------------------------
@dataclass
class _Score:
    value: float = 0.0
    evidence: list[tuple[int, int, float]] = field(default_factory=list)  # (start, end) in the parsed text

    def add(self, amount: float, start: int, end: int) -> None:
        if amount:
            self.value += amount
            self.evidence.append((start, end, amount))

    def merge(self, other: "_Score", weight: float) -> None:
        for s, e, a in other.evidence:
            self.add(a * weight, s, e)


# Doc.text rebuilds the string from the tokens on every access; each analysed doc is searched
# several times, so its text is kept as long as the doc lives.
_TEXTS: "weakref.WeakKeyDictionary[object, str]" = weakref.WeakKeyDictionary()


def _text(doc) -> str:
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def _mentions(doc, regex: re.Pattern[str] | None) -> list:
    """Root tokens of the matches of ``regex`` in ``doc``."""
    if regex is None:
        return []
    out = []
    for m in regex.finditer(_text(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and len(span):
            out.append(span.root)
    return out


def score_entity(doc, mentions, speaker: set[str]) -> _Score:
    """Stance towards whatever ``mentions`` refer to, from the cues around them."""
    score = _Score()
    if not mentions:
        return score
    by_sent: dict[int, list] = {}
    for m in mentions:
        by_sent.setdefault(m.sent.start, []).append(m)
    for sent in doc.sents:
        ms = by_sent.get(sent.start)
        if not ms:
            continue
        factor = sentence_factor(sent)
        for t in sent:
            cue = cue_of(t)
            if cue is None or any(t.i == m.i for m in ms):
                continue
            kind, polarity = cue
            weight = factor * (HYPOTHETICAL_WEIGHT if hypothetical(t) else 1.0)
            weight *= REPORTED_WEIGHT if reported_by_other(t, speaker) else 1.0
            if kind == "attitude" and not _first_person_subject(t, speaker):
                weight *= REPORTED_WEIGHT
            sign = -1.0 if negated(t) else 1.0
            best = 0.0
            for m in ms:
                rel = relation(t, m)
                if kind == "hostile" and rel in ("object", "patient"):
                    amount = _SYMPATHY * abs(factor)
                else:
                    amount = _RULES.get((kind, rel), 0.0) * polarity * sign * weight
                    if kind == "eval" and rel == "patient" and t.pos_ == "NOUN":
                        # a judgement noun weighs less on what it governs ("erosion of trust between allies")
                        amount *= 0.5
                if abs(amount) > abs(best):
                    best = amount
            score.add(best, t.idx, t.idx + len(t))
        low = sent.text.lower()
        for phrases, polarity in ((L.POSITIVE_PHRASES, 1.0), (L.NEGATIVE_PHRASES, -1.0)):
            for p in phrases:
                i = low.find(p)
                if i >= 0:
                    at = doc.char_span(sent.start_char + i, sent.start_char + i + len(p), alignment_mode="expand")
                    weight = REPORTED_WEIGHT if at is not None and reported_by_other(at[0], speaker) else 1.0
                    score.add(polarity * factor * weight * 0.5, sent.start_char + i, sent.start_char + i + len(p))
    return score


def score_proposition(doc, target: Target, speaker: set[str]) -> _Score:
    """Stance on a course of action, from the modality and negation around each statement of it."""
    score = _Score()
    for t, in_sentence in _proposition_matches(doc, target):
        sent = t.sent
        low = sent.text.lower()
        con_phrase = next((p for p in L.CON_PHRASES if p in low), None)
        pro, con, neg = _modality(t)
        if con_phrase is not None:
            amount = -1.0
        elif neg or con:
            amount = -1.0
        elif pro:
            amount = 1.0
        else:
            continue
        amount *= sentence_factor(sent) * (HYPOTHETICAL_WEIGHT if hypothetical(t) and amount > 0 else 1.0)
        amount *= REPORTED_WEIGHT if reported_by_other(t, speaker) else 1.0
        score.add(amount * (0.7 if in_sentence else 1.0), t.idx, t.idx + len(t))
    return score


def _proposition_matches(doc, target: Target):
    """(token, loose) for each alias of the proposition and each action whose object matches."""
    seen = set()
    for m in _mentions(doc, _regex(target.aliases)):
        seen.add(m.i)
        yield m, False
    for p in target.patterns:
        objects = _regex(p.objects)
        actions = {a.lower() for a in p.actions}
        if objects is None:
            continue
        hits = [(m.start(), m.end()) for m in objects.finditer(_text(doc))]
        if not hits:
            continue
        for t in doc:
            if t.i in seen or (t.lower_ not in actions and t.lemma_.lower() not in actions):
                continue
            if p.scope == "sentence":
                lo, hi = t.sent.start_char, t.sent.end_char
            else:
                lo, hi = doc[t.left_edge.i].idx, t.right_edge.idx + len(t.right_edge)
            if any(lo <= s and e <= hi and not (t.idx <= s < t.idx + len(t)) for s, e in hits):
                seen.add(t.i)
                yield t, p.scope == "sentence"


def _modality(t) -> tuple[bool, bool, bool]:
    """(pro, con, negated) from the words on and above ``t``: "we need to", "it will be difficult to"."""
    pro = con = False
    negs = 0
    for x in (t, *_ancestors(t, 5)):
        words = [x] + [c for c in x.children if c.dep_ in ("aux", "auxpass", "neg", "acomp", "advmod", "det", "amod")]
        for w in words:
            key = w.lemma_.lower()
            if w.dep_ == "neg" or (w.i != x.i and w.lower_ in L.NEGATORS):
                negs += 1
            elif key in L.PRO_MODALITY or w.lower_ in L.PRO_MODALITY:
                pro = True
            elif key in L.CON_MODALITY or w.lower_ in L.CON_MODALITY:
                con = True
        if x.dep_ == "ROOT":
            break
    return pro, con, negs % 2 == 1


@functools.lru_cache(maxsize=256)
def _regex(phrases: tuple[str, ...]):
    return alias_regex(phrases)


def _implied_ok(target: Target, item: StanceItem) -> bool:
    """Implied aliases ("the alliance") count only where the document names the target outright."""
    return bool(target.implied) and _names_any(target.aliases, item.document or item.paragraph or item.text)


@functools.lru_cache(maxsize=64)
def _names_any(phrases: tuple[str, ...], text: str) -> bool:
    # cached: every quote of a document asks this of the same (whole) document
    explicit = _regex(phrases)
    return explicit is not None and explicit.search(text) is not None


def _analysis_text(item: StanceItem) -> tuple[str, int]:
    """A quote that starts inside a sentence is read with the start of that sentence, up to its own
    end: the frame ("X accused NATO of “…”") carries the claim, and what follows is another claim.
    A quote that starts its sentence is read alone."""
    lead = item.start_char - item.sentence_start
    end = lead + len(item.text)
    if item.sentence and 0 < lead and end <= len(item.sentence) and item.sentence[:lead].strip(_FRAME_NOISE):
        return item.sentence[:end], item.sentence_start
    return item.text, item.start_char


def _frame_length(item: StanceItem, offset: int) -> int:
    """Characters of frame before the quote in the analysed text (0 when it is read alone)."""
    return max(0, item.start_char - offset)


def _cue_total(doc, speaker: set[str]) -> float:
    """Net polarity of the whole text, whatever it is about (for the speaker's own organisation)."""
    total = 0.0
    for t in doc:
        cue = cue_of(t)
        if cue and cue[0] in ("eval", "support", "attitude"):
            total += cue[1] * (-1.0 if negated(t) else 1.0)
    return total


class LexiconClassifier:
    """Lexicon- and parse-based stance; see the module docstring. ``nlp``: a spaCy pipeline with a
    parser (default: the project's pipeline, loaded on first use)."""

    name = NAME

    def __init__(self, nlp=None, *, contrary: bool | str = True) -> None:
        self._nlp = nlp
        # whether support for the entity a proposition would leave counts against the proposition
        # ("NATO stands in solidarity" → against leaving NATO): always (True), never (False), or
        # only in a document that discusses the proposition itself ("topical", see discusses)
        if contrary not in (True, False, "topical"):
            raise ValueError(f"contrary must be True, False or 'topical', not {contrary!r}")
        self.contrary = contrary

    @property
    def nlp(self):
        if self._nlp is None:
            from ..nlp import load

            self._nlp = load()
        return self._nlp

    def classify(self, items: list[StanceItem]) -> list[Prediction]:
        wanted: dict[str, object] = {}
        reuse = CURRENT_PARSE.get()
        arrays = None
        for item in items:
            text, offset = _analysis_text(item)
            if text in wanted or not self._relevant(item, text):
                continue
            # The engine already parsed the document: cut the quote out of that parse instead of
            # parsing it again (it is the same text, read in its context).
            span = _span_of(reuse, item, offset, text) if reuse is not None else None
            if span is not None and arrays is None:
                # the parse as an array once, not once per quote (Span.as_doc would redo it)
                head = span.doc._get_array_attrs()
                arrays = (head, span.doc.to_array(head))
            # as_doc edits the rows it copies, so it gets its own copy of the array
            wanted[text] = span.as_doc(array_head=arrays[0], array=arrays[1].copy()) if span is not None else None
        todo = [t for t, d in wanted.items() if d is None]
        if todo:
            disable = [p for p in ("ner",) if p in self.nlp.pipe_names]
            for text, doc in zip(todo, self.nlp.pipe(todo, disable=disable)):
                wanted[text] = doc
        return [self._one(item, wanted.get(_analysis_text(item)[0])) for item in items]

    def _relevant(self, item: StanceItem, text: str) -> bool:
        t = item.target
        phrases = t.aliases + t.implied + t.opponents + tuple(o for p in t.patterns for o in p.objects)
        contrary = CONTRARY_ENTITY.get(t.name)
        if contrary:
            return True  # the contrary entity may be only implied; cheap enough for short quotes
        rx = _regex(phrases)
        return rx is not None and rx.search(text) is not None or _affiliated(item)

    def _one(self, item: StanceItem, doc) -> Prediction:
        if doc is None:
            return Prediction("none", 1.0)
        _, offset = _analysis_text(item)
        frame = _frame_length(item, offset)
        speaker = _speaker_words(item)
        target = item.target
        if target.kind == "proposition":
            score = score_proposition(doc, target, speaker)
            contrary = CONTRARY_ENTITY.get(target.name) if self._contrary_applies(item) else None
            if not score.evidence and contrary:
                entity = _entity_score(doc, _builtin(contrary), item, speaker, frame)
                if entity.value >= DECISION_THRESHOLD:
                    # for the entity ⇒ against moving away from it, with less confidence
                    score.merge(entity, -max(CONTRARY_WEIGHT, DECISION_THRESHOLD / entity.value))
        else:
            score = _entity_score(doc, target, item, speaker, frame)
        return _prediction(score, offset, item)


    def _contrary_applies(self, item: StanceItem) -> bool:
        if self.contrary == "topical":
            contrary = CONTRARY_ENTITY.get(item.target.name)
            return contrary is not None and discusses(item.target, _builtin(contrary), item.document or item.text)
        return bool(self.contrary)


# A departure word ("withdraw", "leave") this many words or fewer before the entity it leaves.
_DEPARTURE_GAP_WORDS = 3


def discusses(proposition: Target, entity: Target, text: str) -> bool:
    """Whether ``text`` states the proposition itself: one of its aliases ("S-400", "new union") or
    a departure from ``entity`` ("withdraw from NATO"). Only in such an article is a quote's support
    for the entity a stance against leaving it; elsewhere (news of the alliance's summits, its
    enlargement) praise of NATO says nothing about anyone moving away from it."""
    return _discusses(proposition.aliases, entity.aliases + entity.implied, text)


@functools.lru_cache(maxsize=64)
def _discusses(aliases: tuple[str, ...], entity: tuple[str, ...], text: str) -> bool:
    # cached: every quote of a document asks this of the same (whole) document
    named = _regex(aliases)
    if named is not None and named.search(text):
        return True
    leaves = _departure_regex(entity)
    return leaves is not None and leaves.search(text) is not None


@functools.lru_cache(maxsize=8)
def _departure_regex(entity: tuple[str, ...]):
    what = _regex(entity)
    if what is None:
        return None
    verbs = "|".join(_inflected(w) for w in sorted(_DEPARTURE, key=len, reverse=True))
    gap = rf"(?:\W+\w+){{0,{_DEPARTURE_GAP_WORDS}}}?\W+"
    return re.compile(rf"\b(?:{verbs})\b{gap}(?:{what.pattern})", what.flags | re.IGNORECASE)


def _inflected(word: str) -> str:
    """A regex for ``word`` and its regular inflections ("leaving", "quits", "withdrawal"), but not
    for other words that start with it ("quite")."""
    if word.endswith("e"):
        return re.escape(word[:-1]) + "(?:e|es|ed|ing)"
    return re.escape(word) + "(?:s|es|ed|ing|ting|al)?"


def _span_of(reuse, item: StanceItem, offset: int, text: str):
    """The stretch of the engine's parse that is exactly ``text`` (None if tokens do not align)."""
    parsed, parsed_text = reuse
    if parsed_text is not item.document and parsed_text != item.document:
        return None
    span = parsed.char_span(offset, offset + len(text))
    return span if span is not None and parsed_text[offset : offset + len(text)] == text else None


def _entity_score(doc, target: Target, item: StanceItem, speaker: set[str], frame: int = 0) -> _Score:
    phrases = target.aliases + (target.implied if _implied_ok(target, item) else ())
    # In the frame before the quote, words of the speaker's own name and role ("Russian Foreign
    # Minister Sergey Lavrov") describe the speaker, not the target.
    own = speaker | {w.lower() for w in (item.role or "").split()}
    mentions = [m for m in _mentions(doc, _regex(phrases)) if not (m.idx < frame and m.lower_ in own)]
    score = score_entity(doc, mentions, speaker)
    if mentions and target.opponents:
        opp = score_entity(doc, _mentions(doc, _regex(target.opponents)), speaker)
        score.merge(opp, -OPPONENT_WEIGHT)
    if _affiliated(item, target) and score.value >= 0:
        total = _cue_total(doc, speaker)
        if total > 0:
            score.add(AFFILIATION_WEIGHT, 0, 0)
    return score


def _affiliated(item: StanceItem, target: Target | None = None) -> bool:
    """The speaker's name or role names the target ("NATO Secretary-General", "Kremlin spokesman")."""
    target = target or item.target
    rx = _regex(target.aliases)
    who = " ".join(x for x in (item.speaker, item.role) if x)
    return target.kind == "entity" and rx is not None and bool(who) and rx.search(who) is not None


@functools.lru_cache(maxsize=8)
def _builtin(name: str) -> Target:
    return next(t for t in builtin_targets() if t.name == name)


def _prediction(score: _Score, offset: int, item: StanceItem) -> Prediction:
    v = score.value
    if abs(v) < DECISION_THRESHOLD:
        return Prediction("none", round(1.0 - abs(v) / (abs(v) + 0.5), 4))
    label = "favor" if v > 0 else "against"
    confidence = round(abs(v) / (abs(v) + 0.5), 4)
    # Offsets go into the document when the item says where the text sits in it, else into the text.
    base, shift = (item.document, offset) if item.document else (_analysis_text(item)[0], 0)
    spans = [
        Span.of(base, shift + s, shift + e)
        for s, e, amount in sorted(set(score.evidence))
        if e > s and math.copysign(1, amount) == math.copysign(1, v)
    ]
    return Prediction(label, confidence, tuple(dict.fromkeys(spans)))
