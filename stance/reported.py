"""Stage 2b: find reported (indirect) speech: "Erdoğan said Turkey would not back the bid".

Works on the spaCy parse of the whole document, after the direct quotes are known. Each frame is a small
function from a reporting verb (or phrase) to the content it reports; ``find_reported`` tries them all and
keeps each reported clause once. The frames, named by the method recorded on the quote:

* ``reported.clause``       "X said (that) …", "X told reporters …", "…, X said." (the clause the verb governs)
* ``reported.parenthetical`` "The US, he said, would …", "As experts have pointed out, …" (the cue set into
  the clause it reports)
* ``reported.infinitive``   "X urged allies to …", "X vowed to …"
* ``reported.preposition``  "X called for …", "X accused Y of …", "X warned Y against …"
* ``reported.object``       "X criticised the decision", "X called the charges fabricated" (verbs of speech
  whose object is what was said; ``lexicons.reporting.OBJECT_SPEECH_VERBS``)
* ``reported.surface``      "Trump charges that …" read from the word order where the tagger took the verb
  for a noun
* ``reported.colon``        "X added:" and the next paragraph in no marks (a block quote), "X said: …"
* ``reported.according_to`` "According to X, …"
* ``reported.speech_noun``  "X's claim that …", "X's warning that …"

Passive frames ("it was announced by X that …") are clauses whose speaker is the agent. Beliefs and
perceptions ("critics fear", "polls show") are not speech: their verbs are not cues here
(``lexicons.reporting.BELIEF_VERBS``). A clause that is itself a direct quote ("X said: “…”") stays a
direct quote only; a clause that contains a quoted fragment ("X said Turkey would “never” …") is one
indirect quote, and the fragment stays a direct quote inside it.
"""
from __future__ import annotations

from dataclasses import dataclass

from .cues import CueFinder, clause_ancestors, personal, speaker_like, spoken_of
from .lexicons.reporting import (
    ACCORDING_TO,
    DIRECTIVE_VERBS,
    DOCUMENT_NOUNS,
    HOSTING_PREPOSITIONS,
    EVIDENTIAL_VERBS,
    OBJECT_SPEECH_VERBS,
    PERSON_NOUNS,
    PREPOSITION_SPEECH,
    SPEECH_NOUN_PREPOSITIONS,
    SPEECH_NOUNS,
    TO_SPEECH_VERBS,
    WITHHELD_SPEECH,
    is_indirect_cue,
    reporting_lemma,
)
from .lexicons.roles import RELATIVE_PRONOUNS

# A reported clause needs this many words of the reporter's own (outside direct quotes), and this many in
# all: "he said no" reports nothing a table could use.
MIN_OWN_WORDS = 2
MIN_WORDS = 3
CONFIDENCE = {
    "reported.clause": 0.85,
    "reported.parenthetical": 0.85,
    "reported.infinitive": 0.75,
    "reported.preposition": 0.7,
    "reported.object": 0.6,
    "reported.according_to": 0.85,
    "reported.speech_noun": 0.75,
    "reported.colon": 0.75,
    "reported.surface": 0.6,
}
# Subordinators that open a reported clause without being part of what was said.
_LEADING_WORDS = frozenset({"that"})


@dataclass(frozen=True)
class Reported:
    """A reported clause found in the parse: character pieces of its content, the cue's token range and
    the head token of the speaker mention (token indices into the parse)."""

    pieces: tuple[tuple[int, int], ...]
    cue_start: int
    cue_end: int
    speaker: int
    method: str

    @property
    def start_char(self) -> int:
        return self.pieces[0][0]

    @property
    def end_char(self) -> int:
        return self.pieces[-1][1]

    @property
    def confidence(self) -> float:
        return CONFIDENCE[self.method]


def find_reported(finder: CueFinder) -> list[Reported]:
    """Every reported clause of the document ``finder`` reads, in text order, each content once."""
    doc, in_quote = finder.doc, finder.in_quote
    found: dict[tuple[int, int], Reported] = {}
    for t in doc:
        if in_quote[t.i]:
            continue
        kept = [r for r in map(lambda r: _trim(finder, r), _frames(finder, t)) if r is not None]
        # the object of a verb is its content only when the verb reports no clause ("criticised the
        # plan"), not in "told reporters that …"
        clauses = [r for r in kept if r.method != "reported.object"]
        for r in clauses or kept:
            found.setdefault((r.start_char, r.end_char), r)
    return sorted(found.values(), key=lambda r: (r.start_char, -r.end_char))


def _frames(finder: CueFinder, t):
    """The reported clauses the token ``t`` introduces, as (unchecked) Reported items."""
    if t.pos_ in ("VERB", "AUX") and t.tag_.startswith("VB") and is_indirect_cue(t.lemma_.lower(), t.lower_):
        if _withheld(t) or spoken_of(t):
            return  # nothing said, or the subject is spoken of ("X has been accused of …"), by nobody named
        speaker = finder.speaker_of(t) or _governing_subject(finder, t) or _apposed_name(finder, t)
        if speaker is None or finder.in_quote[speaker.i] or _gerund(speaker):
            return
        lemma = reporting_lemma(t.lemma_.lower(), t.lower_)
        if _evidence(lemma, speaker):
            return
        if lemma in EVIDENTIAL_VERBS and not personal(speaker) and _inside_report(finder, t):
            return  # "Karatas told Sputnik that these statements indicate that …": Karatas's claim, reported once, as his
        cue = finder._extent(t)
        for c in _clauses(t):
            if c.i != speaker.i:
                yield Reported((_range(c),), *cue, speaker.i, "reported.clause")
        if t.head.i != t.i and (t.dep_ == "parataxis" or t.dep_ == "advcl" and _marked_as(t) or _trailing_cue(t)):
            yield Reported(_without(t.head, t), *cue, speaker.i, "reported.parenthetical")
        if lemma in TO_SPEECH_VERBS:
            yield from _infinitive(t, (t.i, t.i + 1), speaker.i)
        for prep in PREPOSITION_SPEECH.get(lemma, ()):
            yield from _preposition(t, prep, cue, speaker.i)
        yield from _colon(finder, t, cue, speaker.i)
        if lemma in OBJECT_SPEECH_VERBS and _can_speak(speaker) and not _hosting(t, lemma):
            yield from _object(t, cue, speaker.i)
    elif t.lower_ == ACCORDING_TO[0][0] and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == ACCORDING_TO[0][1]:
        yield from _according_to(finder, t)
    elif t.pos_ in ("NOUN", "PROPN") and _mistagged_verb(finder, t):
        yield from _surface_clause(finder, t)
    elif t.pos_ == "NOUN" and (t.lemma_.lower() in SPEECH_NOUNS or t.lemma_.lower() in DOCUMENT_NOUNS):
        yield from _speech_noun(finder, t)


def _inside_report(finder: CueFinder, v) -> bool:
    """Whether ``v`` heads a clause reported by a verb of speech above it that has a speaker."""
    return any(a.pos_ in ("VERB", "AUX") and is_indirect_cue(a.lemma_.lower(), a.lower_) and finder.speaker_of(a) is not None
               for a in clause_ancestors(v, finder.in_quote, ("ccomp", "xcomp", "conj")))


def _clauses(v) -> list:
    """The clauses a verb of speech reports: its clausal complements, and a that-clause the parser hung
    on it (or, for "continues to insist, …, that …", on the verb it complements) as an adverbial."""
    def that_clause(c) -> bool:
        return c.dep_ == "advcl" and c.i > v.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)

    out = [c for c in v.children if c.dep_ == "ccomp" or that_clause(c)]
    if v.dep_ == "xcomp" and v.head.i != v.i:
        out += [c for c in v.head.children if that_clause(c)]
    return out


def _mistagged_verb(finder: CueFinder, t) -> bool:
    """"Trump charges that …": a reporting verb in -s the tagger took for a plural noun, between a name
    and "that"."""
    doc = t.doc
    if not (0 < t.i < len(doc) - 1) or not t.lower_.endswith("s") or doc[t.i + 1].lower_ != "that":
        return False
    before = doc[t.i - 1]
    # the name itself may be tagged a noun too ("Trump" as NOUN): a capitalised word will do
    named = before.pos_ == "PROPN" or before.pos_ == "NOUN" and before.is_title
    return named and not finder.in_quote[before.i] and is_indirect_cue(t.lower_[:-1], t.lower_)


def _surface_clause(finder: CueFinder, t):
    """The words after "that" to the end of the sentence, the name before the verb as speaker."""
    that = t.doc[t.i + 1]
    end = t.sent.end - 1
    if end <= that.i:
        return
    last = t.doc[end]
    yield Reported(((that.idx, last.idx + len(last)),), t.i, t.i + 1, t.i - 1, "reported.surface")


def _marked_as(v) -> bool:
    """"As many experts have pointed out, …", "Hawaii, as one adviser pointed out, does not …": a cue
    clause opened by "as" set into what it reports."""
    # "as her government defends its approach" is a clause of time or reason with an object of its own,
    # not a cue set into the sentence
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children) and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in v.children)


def _trailing_cue(v) -> bool:
    """"Finland must apply to join Nato …, its president and prime minister have said": a cue clause
    after a comma that the parser joined to what it reports as a second verb, with a subject of its
    own and nothing said after it."""
    before = v.doc[v.left_edge.i - 1] if v.left_edge.i > 0 else None
    return (
        v.dep_ == "conj" and v.head.i < v.i and before is not None and before.text == ","
        and any(c.dep_ == "nsubj" for c in v.children)
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "cc") for c in v.children)
        and not any(c.dep_ == "cc" for c in v.head.children if c.i < v.i)
    )


# How far up the parse a verb of speech with no subject of its own may look for one ("refuses to
# discuss names, aside from saying …": through the preposition and the adverb to "refuses").
GOVERNOR_STEPS = 4


def _hosting(v, lemma: str) -> bool:
    """"welcomed the leaders to the White House": receiving guests, not a statement."""
    return any(c.dep_ == "prep" and c.lower_ in HOSTING_PREPOSITIONS.get(lemma, ()) for c in v.children)


def _can_speak(t) -> bool:
    """Whether the subject of an ambiguous verb of speech ("threaten", "reject", "call") can be a speaker:
    "such a framework would not threaten …" is no statement. A name, entity, role, source noun or pronoun
    can; so can a plural ("critics", "doctors": taken for people) and a noun for people."""
    return speaker_like(t) or t.tag_ in ("NNS", "PRP", "WDT", "WP") or t.lemma_.lower() in PERSON_NOUNS


# How long an apposition between a name and its verb may be ("X, another senior lawmaker, told").
APPOSITION_MAX_TOKENS = 10


def _apposed_name(finder: CueFinder, v):
    """"Vladimir Dzhabarov, another senior lawmaker, told …" when the parse gave the verb no subject it can
    use (scraped text glued a link title to the name): the name before the apposition."""
    doc, i = v.doc, v.i - 1
    if i < 1 or doc[i].text != "," or finder.in_quote[i]:
        return None
    for j in range(i - 1, max(v.sent.start, i - APPOSITION_MAX_TOKENS) - 1, -1):
        if finder.in_quote[j]:
            return None
        if doc[j].text == ",":
            name = doc[j - 1] if j > v.sent.start else None
            ok = name is not None and name.pos_ == "PROPN" and not finder.in_quote[name.i]
            return name if ok else None
    return None


def _evidence(lemma: str, subject) -> bool:
    """A thing that explains, suggests or shows something is evidence, not a speaker ("such
    cooperation explains why …"); a report, a poll or a person speaks ("a young woman who noted
    that …", "the study, which notes that …")."""
    if lemma not in EVIDENTIAL_VERBS:
        return False
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        subject = subject.head.head  # the noun the relative clause hangs on
    return not (speaker_like(subject) or subject.lemma_.lower() in PERSON_NOUNS)


def _gerund(t) -> bool:
    """"Commenting on …, X said": a capitalised gerund the tagger took for a name is not a speaker."""
    return t.lower_.endswith("ing") and t.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP") and t.i == t.sent.start


def _governing_subject(finder: CueFinder, v):
    """The subject of the nearest verb above ``v`` in its sentence that has one, within GOVERNOR_STEPS."""
    a = v
    for _ in range(GOVERNOR_STEPS):
        if a.head.i == a.i or finder.in_quote[a.head.i]:
            return None
        a = a.head
        if a.pos_ in ("VERB", "AUX"):
            subj = [c for c in a.children if c.dep_ in ("nsubj", "nsubjpass") and not finder.in_quote[c.i]]
            if subj:
                return subj[0] if subj[0].pos_ in ("PROPN", "NOUN", "PRON") else None
    return None


def _withheld(v) -> bool:
    """"declined to say whether …", "would not say if …": nothing was said. ("did not condemn the
    invasion" is a statement about what was said, and kept.) Nor is a statement someone is asked or
    urged to make ("demanded that Ukraine declare itself neutral", "urged Kyiv to announce …")."""
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in WITHHELD_SPEECH:
        return True
    # the subjunctive ("that Ukraine declare") is often tagged as a present tense: VBP too
    if v.tag_ in ("VB", "VBP") and v.dep_ in ("xcomp", "ccomp") and v.head.lemma_.lower() in DIRECTIVE_VERBS:
        return True
    negated = any(c.dep_ == "neg" for c in v.children)
    return negated and any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children) or c.lower_ in ("much", "anything")
        for c in v.children
    )


def _range(t) -> tuple[int, int]:
    """Character range of the subtree of ``t`` (contiguous in a projective parse)."""
    return t.left_edge.idx, t.right_edge.idx + len(t.right_edge)


def _without(head, cue) -> tuple[tuple[int, int], ...]:
    """The clause of ``head`` with the parenthetical cue clause ``cue`` cut out: one or two pieces."""
    start, end = _range(head)
    c0, c1 = _range(cue)
    return tuple(p for p in ((start, c0), (c1, end)) if p[1] > p[0])


def _infinitive(v, cue, speaker: int):
    """"urged allies to send tanks" → "allies to send tanks"; "vowed to veto" → "to veto"."""
    for c in v.children:
        if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            objs = [o for o in v.children if o.dep_ in ("dobj", "dative") and o.i < c.i]
            start = _range(objs[0])[0] if objs else _range(c)[0]
            yield Reported(((start, _range(c)[1]),), *cue, speaker, "reported.infinitive")


def _preposition(v, prep: str, cue, speaker: int):
    """"called for more spending" → "more spending"; "accused Washington of stoking …" → "Washington of
    stoking …" (the one accused is part of the accusation)."""
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ == prep and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            objs = [o for o in v.children if o.dep_ == "dobj" and o.i < c.i]
            end = _range(c)[1]
            start = _range(objs[0])[0] if objs else _after(c)
            yield Reported(((start, end),), *cue, speaker, "reported.preposition")


def _colon(finder: CueFinder, v, cue, speaker: int):
    """"The governor added:" and a paragraph in no marks (a block quote in web news), or the rest of the
    line after "said:": the words after the colon."""
    end = cue[1]
    doc = v.doc
    while end < len(doc) and doc[end].is_space:
        end += 1
    if end >= len(doc) or doc[end].text != ":":
        return
    text, start = finder.text, doc[end].idx + 1
    if any(q.depth == 0 and 0 <= q.outer.start_char - start <= 3 for q in finder.quotes):
        return  # "X said: “…”": the quotation is the statement, and a direct one
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if text[start:line_end].strip():
        yield Reported(((start, line_end),), *cue, speaker, "reported.colon")
        return
    para = next((p for p in finder.paras if p.start >= line_end), None)
    if para is not None:
        yield Reported(((para.start, para.end),), *cue, speaker, "reported.colon")


def _after(t) -> int:
    """Where the words after token ``t`` start (the end of the text when it is the last)."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return nxt.idx if nxt is not None else t.idx + len(t)


# What may follow a verb's object inside the content: "called the charges fabricated" (oprd),
# "described him as a fraud", "blasted him for not paying", "likened RT to the BBC".
_OBJECT_TAIL_DEPS = ("oprd", "prep")
_OBJECT_TAIL_PREPS = ("as", "for", "of", "against", "to", "with")


# Objects that stand for something said elsewhere ("denied it"), unlike "proposed something else".
_STAND_IN_PRONOUNS = frozenset("it them him her this that these those us me you one so".split())


def _object(v, cue, speaker: int):
    """"criticised the decision to expand the alliance" → "the decision to expand the alliance";
    "proposed dropping the tax" (a gerund complement) → "dropping the tax"."""
    objs = [c for c in v.children if c.dep_ in ("dobj", "oprd")] or [c for c in v.children if c.dep_ == "xcomp" and c.tag_ == "VBG"]
    if not objs:
        return
    obj = objs[0]
    end = _range(obj)[1]
    for c in v.children:
        if c.i > obj.i and c.dep_ in _OBJECT_TAIL_DEPS and (c.dep_ != "prep" or c.lower_ in _OBJECT_TAIL_PREPS):
            end = max(end, _range(c)[1])
    if obj.lower_ in _STAND_IN_PRONOUNS and end == _range(obj)[1]:
        return  # "denied it": what was denied is elsewhere ("blasted him for …" has it after the pronoun)
    yield Reported(((_range(obj)[0], end),), *cue, speaker, "reported.object")


def _according_to(finder: CueFinder, t):
    """"According to X, the troops will leave": the clause the phrase hangs on, without the phrase."""
    to = t.doc[t.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in t.children if c.dep_ == "pobj"]
    clause = t.head
    if not objs or finder.in_quote[objs[0].i] or clause.i == t.i:
        return
    phrase_end = max(_range(t)[1], _range(to)[1])
    yield Reported(_without_range(clause, t.idx, phrase_end), t.i, to.i + 1, objs[0].i, "reported.according_to")


def _without_range(head, c0: int, c1: int) -> tuple[tuple[int, int], ...]:
    start, end = _range(head)
    return tuple(p for p in ((start, c0), (c1, end)) if p[1] > p[0])


def _speech_noun(finder: CueFinder, n):
    """"Lavrov's claim that Nato provoked the war": the that-clause, with the possessor as speaker (or the
    name before the noun: "a New York Times report that …"); "Lavrov's comments on the summit": the
    prepositional phrase's object. A document ("a Times report that …") reports its that-clause only."""
    owner = _noun_owner(finder, n)
    if owner is None:
        return
    for c in n.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and c.i > n.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            # a "that" tagged as a subordinator, not a relative pronoun: "the report that he wrote" is no content
            yield Reported((_range(c),), n.i, n.i + 1, owner.i, "reported.speech_noun")
        elif c.dep_ == "prep" and n.lemma_.lower() in SPEECH_NOUNS and c.i == n.i + 1 and c.lower_ in SPEECH_NOUN_PREPOSITIONS and any(g.dep_ == "pobj" for g in c.children):
            yield Reported(((_after(c), _range(c)[1]),), n.i, c.i + 1, owner.i, "reported.speech_noun")


def _noun_owner(finder: CueFinder, n):
    """Who a noun of speech belongs to: its possessor ("Lavrov's claim"), or a name compounded with it
    ("a Times report", "the Kremlin statement")."""
    owners = [c for c in n.children if c.dep_ == "poss" and not finder.in_quote[c.i] and c.lower_ not in _NOT_OWNERS]
    names = [c for c in n.children if c.dep_ == "compound" and c.pos_ == "PROPN" and not finder.in_quote[c.i]]
    return owners[0] if owners else names[-1] if names else None


# Possessors that are not speakers: "its own statement" (the body is elsewhere), "one's words".
_NOT_OWNERS = frozenset({"its", "their", "one's"})


def _trim(finder: CueFinder, r: Reported) -> Reported | None:
    """``r`` with the subordinator, the edges' punctuation and the cue clause trimmed off, or None when
    what is left is too short, is a direct quote itself, or cuts through a direct quote."""
    doc, in_quote, text = finder.doc, finder.in_quote, finder.text
    pieces = []
    for start, end in r.pieces:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        toks = [t for t in span if not (r.cue_start <= t.i < r.cue_end) and t.i != r.speaker]
        while toks and (toks[0].is_punct or toks[0].is_space or toks[0].lower_ in _LEADING_WORDS) and not in_quote[toks[0].i]:
            toks.pop(0)
        while toks and (toks[-1].is_punct or toks[-1].is_space) and not in_quote[toks[-1].i]:
            toks.pop()
        if toks:
            pieces.append((toks[0], toks[-1]))
    words = [t for a, b in pieces for t in doc[a.i : b.i + 1] if not t.is_punct and not t.is_space]
    own = [t for t in words if not in_quote[t.i]]
    if r.method in _NOMINAL_METHODS:
        # "criticised Sweden", "complained about the rules": a few words are enough, the verb says the rest
        if not own:
            return None
    elif len(words) < MIN_WORDS or len(own) < MIN_OWN_WORDS:
        return None
    chars = tuple(_close_over_quotes(finder, a.idx, b.idx + len(b)) for a, b in pieces)
    if any(_crosses(q.outer.start_char, q.outer.end_char, s, e) for q in finder.quotes if q.depth == 0 for s, e in chars):
        return None
    if not text[chars[0][0] : chars[-1][1]].strip():
        return None
    return Reported(chars, r.cue_start, r.cue_end, r.speaker, r.method)


# Frames whose content is a noun phrase (what the speech was about), not a clause.
_NOMINAL_METHODS = ("reported.object", "reported.preposition", "reported.speech_noun", "reported.infinitive")


# How much of a quotation (its closing mark and punctuation) may stick out of a clause the parse ends
# inside it: "… will tell of ‘suffering and delight.’" ends at the period, the mark follows.
QUOTE_OVERHANG = 3


def _close_over_quotes(finder: CueFinder, s: int, e: int) -> tuple[int, int]:
    """(s, e) widened over a quotation that sticks out of it by no more than its marks."""
    for q in finder.quotes:
        if q.depth == 0 and s < q.outer.start_char < e < q.outer.end_char <= e + QUOTE_OVERHANG:
            e = q.outer.end_char
        if q.depth == 0 and s - QUOTE_OVERHANG <= q.outer.start_char < s < q.outer.end_char < e:
            s = q.outer.start_char
    return s, e


def _crosses(q0: int, q1: int, s: int, e: int) -> bool:
    """A quotation that starts inside a piece and ends outside it, or the other way round."""
    return (s < q0 < e < q1) or (q0 < s < q1 < e)
