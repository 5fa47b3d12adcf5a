"""Stage 2: find each quote's cue (reporting verb or phrase) and the mention of its speaker.

Works on the spaCy parse of the document. Each rule ("sieve") is a small method;
``CueFinder.find`` tries them in order of reliability and records which one decided:

* ``cue.governs``        a reporting verb outside the quote governs it ("X said that “…”", "X accused NATO of “…”")
* ``cue.adjacent``       a reporting verb in the same sentence next to a full quote ("“…,” X said", "said X")
* ``cue.according_to``   "according to X"
* ``cue.speech_noun``    "Trump’s claim that “…”"
* ``cue.dash``           "“…” ― Carla Sanchez"
* ``cue.colon``          "X said:" / "X literally:" before the quote, also across a paragraph break
* ``cue.next_paragraph`` a cue standing alone in the next paragraph ("he added.")
* ``cue.characterizes``  a partial quote as the "as" complement of any verb with an object: the
  subject is characterizing in those words ("Reid has been pounding Trump as a “con artist”")
* ``cue.transcript``     a speaker label opening a quoted transcript turn ("“PENCE: Well, look, …”")
* ``cue.surface``        "“…,” NAME said" / "“…,” said NAME" read from the word order when the parse
  does not connect verb and speaker (the parser often takes the quote for the subject)
* ``cue.previous_sentence`` the sentence before the quote is an attribution ("…, Schiff said. “…”");
  the engine tries it (``CueFinder.find_previous_sentence``) only after floating continuation
* ``cue.continued``      a fragment in a sentence without a verb of speech, after a sentence reporting
  a person's words ("Petkov said the two men disagreed … And Radev was “very strongly against” it");
  the engine tries it (``CueFinder.find_continued``) last
Floating quotes (no cue of their own) are handled in the engine, after resolution.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicons.reporting import (
    ACCORDING_TO,
    ATTRIBUTION_DASHES,
    DOCUMENT_NOUNS,
    FINDING_VERBS,
    MEDIA_NOUNS,
    MESSAGE_NOUNS,
    SHOWING_VERBS,
    SPOKEN_OF_VERBS,
    ADDRESSEE_VERBS,
    BODY_NOUNS,
    MULTIWORD_CUES,
    NAMING_VERBS,
    OBJECT_CUES,
    OBJECT_SPEAKER_VERBS,
    SOURCE_NOUNS,
    SPEECH_NOUNS,
    WEAK_VERBS,
    is_reporting_verb,
    reporting_lemma,
)
from .lexicons.marks import TITLE_SMALL_WORDS
from .lexicons.roles import PERSONAL_PRONOUNS, is_role_noun
from .model import Quote
from .quotes import TRANSCRIPT_LABEL, Paragraph, link_titles, paragraph_at

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Entity types that never speak ("Saturday at the convention Warren said": the parser may take the day
# for the subject). Percentages and numbers do, in polling news ("63 percent said").
NOT_SPEAKER_ENTS = ("DATE", "TIME", "MONEY", "ORDINAL")
# Parts of speech a speaker mention's head can have.
NOMINAL_POS = ("PROPN", "NOUN", "PRON", "NUM", "X")
_SPEAKER_ENTS = ("PERSON", "ORG", "NORP", "GPE")
_PRONOUNS = frozenset({*PERSONAL_PRONOUNS, "i", "we", "they", "you", "who"})
# Dependencies through which a verb without a subject inherits its head's subject
# ("Putin warned …, threatening to unleash “…”").
CLIMB_DEPS = ("xcomp", "advcl", "conj", "pcomp", "acl", "ccomp")
CONFIDENCE = {
    "cue.governs": 0.95,
    "cue.according_to": 0.9,
    "cue.speech_noun": 0.8,
    "cue.dash": 0.85,
    "cue.previous_sentence": 0.65,
    "cue.adjacent": 0.85,
    "cue.colon": 0.8,
    "cue.next_paragraph": 0.8,
    "cue.surface": 0.75,
    "cue.transcript": 0.8,
    "cue.characterizes": 0.7,
    "cue.sentence": 0.7,
    "cue.continued": 0.6,
}

# A full stop (after a closing mark, if any) and a capital: where run-on text starts a new sentence.
_SENTENCE_BREAK = re.compile(r"[.!?][”’\"')]*\s+[“‘\"']?[A-Z]")
# How far before "as “…”" its verb may be ("cited Trump’s past references to Machado as").
CHARACTERIZE_REACH = 8
# How many words a "“…,” X said" clause may have after the quote (name, title, apposition).
SURFACE_MAX_TOKENS = 12
# Parts of speech a speaker's noun phrase is made of ("Tulsa police Chief Chuck Jordan", "the spokesman").
_NP_POS = ("PROPN", "NOUN", "ADJ", "DET", "PRON", "NUM", "PUNCT", "SPACE", "CCONJ", "PART")


@dataclass(frozen=True)
class CueMatch:
    """A cue and the head token of the speaker mention (token indices into the parse)."""

    cue_start: int  # token index, inclusive
    cue_end: int  # token index, exclusive
    speaker: int | None  # head token of the speaker mention
    method: str
    named: bool = False  # the mention is a person's name whatever NER says (a transcript label)

    @property
    def confidence(self) -> float:
        return CONFIDENCE[self.method]


def is_reporting_token(t, strict: bool = True) -> bool:
    """A verb token from the reporting lexicon; ``strict`` leaves out verbs that report speech
    only with a complement (add, call, …)."""
    if not t.tag_.startswith("VB"):
        return False
    if not is_reporting_verb(t.lemma_.lower(), t.lower_):
        lemma = t.lemma_.lower()
        if lemma in FINDING_VERBS:
            return any(c.dep_ == "nsubj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in t.children)
        obj = OBJECT_CUES.get(lemma)
        return obj is not None and any(c.dep_ == "dobj" and c.lower_ in obj for c in t.children)
    return not (strict and reporting_lemma(t.lemma_.lower(), t.lower_) in WEAK_VERBS)


class CueFinder:
    def __init__(self, doc, text: str, quotes: list[Quote], paras: list[Paragraph]):
        self.doc = doc
        self.text = text
        self.quotes = quotes
        self.paras = paras
        # token index -> True when the token lies inside a quote, or in a scraped link title ("…Read
        # more"): neither is the reporter's own narrative, so neither gives a cue or a speaker. Every
        # quote, not only top-level ones: a nested quote whose opening mark never became a quote has no
        # top-level parent to cover it.
        self.in_quote = [False] * len(doc)
        outside = [(q.outer.start_char, q.outer.end_char) for q in quotes]
        for start, end in [*outside, *link_titles(text)]:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    self.in_quote[t.i] = True

    # -- helpers -------------------------------------------------------------
    def _quote_span(self, q: Quote):
        """The tokens of ``q`` with its marks, or None where the parse has none there."""
        span = self.doc.char_span(q.outer.start_char, q.outer.end_char, alignment_mode="expand")
        return span if span is not None and len(span) else None

    def _para_bounds(self, q: Quote) -> tuple[int, int]:
        first = self.paras[q.paragraph]
        return first.start, paragraph_at(self.paras, q.outer.end_char, first).end

    def _frame(self, q: Quote, qspan, lo: int, hi: int) -> list:
        """Tokens of the quote's sentences that are in its paragraph(s) and outside every quote."""
        first = qspan[0].sent.start
        last = qspan[-1].sent.end
        if q.content.text.rstrip().endswith((".", "…")):
            # A quote that closes its sentence: what follows is the next sentence, however the parser
            # joins them in run-on text ("“…we don’t really know.” Hans Kristensen said work was …").
            hi = min(hi, q.outer.end_char)
        # "“…?” Trump said": the parser ends the sentence at the question mark, so a sentence
        # that starts right at the closing mark still belongs to the quote's frame.
        if last < len(self.doc) and self.doc[last].idx - qspan.end_char <= 2:
            last = self.doc[last].sent.end
        return [t for t in self.doc[first:last] if lo <= t.idx < hi and not self.in_quote[t.i]]


    def speaker_of(self, verb):
        """Head token of the speaker of a reporting verb, climbing to a governing verb when it has no
        subject; None when what the parse offers cannot be a speaker (a date, a preposition), or when
        the verb speaks of its subject ("the invasion has been described as …")."""
        if spoken_of(verb):
            return None
        s = self._subject_of(verb)
        if s is None:
            s = self._name_before(verb)
        if s is None or s.ent_type_ in NOT_SPEAKER_ENTS:
            return None
        # the tagger sometimes takes a name for a verb ("Trump openly admires …"); NER still knows it
        if s.pos_ not in NOMINAL_POS and s.ent_type_ not in _SPEAKER_ENTS:
            return None
        return s

    def _name_before(self, verb):
        """When the parse gives a verb no subject ("…, Obama and Clinton call them “…”" with the names
        attached elsewhere), the name or personal pronoun right before it, past auxiliaries and adverbs."""
        i = verb.i - 1
        while i >= 0 and self.doc[i].pos_ in ("AUX", "ADV", "PART") and not self.in_quote[i]:
            i -= 1
        if i < 0 or self.in_quote[i]:
            return None
        t = self.doc[i]
        return t if t.pos_ == "PROPN" or t.lower_ in _PRONOUNS and t.lower_ != "who" else None

    def _subject_of(self, verb):
        seen = set()
        v = verb
        shown = self._shown_speaker(verb) or self._conjoined_subject(verb)
        if shown is not None:
            return shown
        while v is not None and v.i not in seen and not self.in_quote[v.i]:
            seen.add(v.i)
            lemma = reporting_lemma(v.lemma_.lower(), v.lower_)
            deps = {c.dep_: c for c in v.children if not self.in_quote[c.i]}
            if lemma in OBJECT_SPEAKER_VERBS:
                for dep in ("dobj", "nsubjpass"):
                    # "the paper quoted X": X speaks; "Clinton cited Trump’s remarks as …": Clinton does
                    if dep in deps and speaker_like(deps[dep]):
                        return deps[dep]
            for dep in SUBJECT_DEPS:
                if dep in deps and not (dep == "nsubjpass" and "agent" in deps):
                    return deps[dep]
            if "agent" in deps:
                pobj = [c for c in deps["agent"].children if c.dep_ == "pobj"]
                if pobj:
                    return pobj[0]
            if v.dep_ == "acl" and v.head.pos_ in ("PROPN", "PRON") and speaker_like(v.head) and not self.in_quote[v.head.i]:
                return v.head  # "footage of Hillary Clinton asking, “…”": the person the verb describes
            if v.dep_ == "acl" and v.head.lemma_.lower() in SPEECH_NOUNS and v.head.i != v.head.head.i:
                # "the Council issued a statement calling the test “…”": the statement's author speaks
                noun = v.head
                owner = [c for c in noun.children if c.dep_ == "poss" and not self.in_quote[c.i]]
                if owner:
                    return owner[0]
                if noun.dep_ not in ("dobj", "pobj") or self.in_quote[noun.head.i]:
                    break
                v = noun.head if noun.dep_ == "dobj" else noun.head.head
                continue
            if v.dep_ == "xcomp" and v.head.i != v.i:
                # object control: in "led the journalist to fear “…”", "urged supporters to chant “…”"
                # the infinitive's subject is the governing verb's object, not its subject
                obj = [c for c in v.head.children if c.dep_ == "dobj" and not self.in_quote[c.i]]
                if obj and v.tag_ == "VB" and speaker_like(obj[0]) and obj[0].lower_ not in ("it", "this", "that"):
                    return obj[0]
            if v.dep_ in CLIMB_DEPS and v.head.i != v.i:
                v = v.head
                # "began by saying …", "After saying …, she was whisked": through the preposition
                # to the verb it hangs on
                while v.pos_ == "ADP" and v.head.i != v.i:
                    v = v.head
                # A verb that is not a reporting verb lends its subject only when it heads
                # its own sentence: in "Trump tweeted that Machado was “disgusting” and
                # encouraged …", "was" is inside the tweet and Machado is not the speaker.
                while v.dep_ in ("ccomp", "xcomp", "advcl", "pcomp") and not is_reporting_token(v, strict=False):
                    if v.head.i == v.i:
                        break
                    v = v.head
                continue
            break
        if v is not None and v.i != verb.i and self.in_quote[v.i]:
            # "After saying …, she was “whisked … off”": the main verb sits in a quote of its own,
            # its subject does not
            subj = [c for c in v.children if c.dep_ in SUBJECT_DEPS and not self.in_quote[c.i]]
            if subj:
                return subj[0]
        return None

    def _conjoined_subject(self, verb):
        """"X, Y, said …, and the prime minister of the Czech Republic, Petr Fiala, said …": the parser
        leaves the second verb without a subject and hangs it on the first; its subject is the noun
        phrase between "and" and the verb (its last name)."""
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children) or verb.dep_ not in ("ccomp", "conj") \
                or verb.head.i > verb.i:
            return None
        run = []
        i = verb.i - 1
        while i > verb.head.i and not self.in_quote[i] and self.doc[i].lower_ not in ("and", "but", ";"):
            run.append(self.doc[i])
            i -= 1
        if i <= verb.head.i or self.doc[i].lower_ not in ("and", "but", ";"):
            return None
        if any(t.pos_ in ("VERB", "AUX") for t in run):
            return None
        names = [t for t in run if t.pos_ == "PROPN"]
        return names[0] if names else None

    def _shown_speaker(self, verb):
        """"footage of Hillary Clinton asking, “…”", "the ad shows Trump saying …": a participle right
        after the person a recording shows. The parser often hangs the participle on the main verb
        instead, which would make the ad or the footage the speaker."""
        if verb.tag_ != "VBG" or verb.i == 0 or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return None
        t = self.doc[verb.i - 1]
        if self.in_quote[t.i] or not (t.ent_type_ == "PERSON" or t.lower_ in ("him", "her", "them")):
            return None
        shown = t.head if t.dep_ in ("pobj", "dobj") else None
        if shown is None:
            return None
        if t.dep_ == "pobj" and shown.lower_ == "of" or t.dep_ == "dobj" and shown.lemma_.lower() in SHOWING_VERBS:
            return t
        return None

    def _outer_speaker(self, v, speaker):
        """In "She said she recalled thinking “…”" or "what he called “…”", the inner speaker is a
        pronoun standing for the outer one: report the outer reporting verb's subject."""
        if speaker is None or speaker.pos_ != "PRON":
            return speaker
        child = v
        for a in v.ancestors:
            if self.in_quote[a.i]:
                break
            if child.dep_ == "advcl" and any(c.dep_ == "mark" for c in child.children):
                break  # "X described her as … after she attacked …": a clause of time or cause is no report
            child = a
            if is_reporting_token(a, strict=False):
                outer = self.speaker_of(a)
                if outer is not None and outer.i != speaker.i and _can_be_same(speaker, outer):
                    return outer
        return speaker

    def _previous_sentence(self, q: Quote, qspan, lo: int) -> CueMatch | None:
        """A quote that opens its sentence with no cue, after a sentence attributed to someone
        ("The administration may be reluctant to act, Schiff said. “The other factor …”")."""
        first = qspan[0].sent.start
        if first == 0 or self.doc[first].idx < lo or qspan.start - first > 1:
            return None
        prev = self.doc[first - 1].sent
        # a quote that is a paragraph of its own goes on from the paragraph before it
        alone = not self.text[lo : q.outer.start_char].strip() and q.paragraph > 0
        if prev[0].idx < (self.paras[q.paragraph - 1].start if alone else lo):
            return None
        for strict in (True, False):
            for v in prev:
                if self.in_quote[v.i] or not is_reporting_token(v, strict=strict):
                    continue
                s = self.speaker_of(v)
                if s is not None and not self.in_quote[s.i]:
                    return CueMatch(*self._extent(v), s.i, "cue.previous_sentence")
        # "Sen. Sanders identified young voters' exhaustion as a reason. “The younger people are …”":
        # with no verb of speech, the person the sentence before is about
        root = prev.root
        subj = [c for c in root.children if c.dep_ == "nsubj" and not self.in_quote[c.i]]
        if subj and (subj[0].ent_type_ == "PERSON" or subj[0].lower_ in ("he", "she")) and not self.in_quote[root.i]:
            return CueMatch(root.i, root.i + 1, subj[0].i, "cue.previous_sentence")
        return None

    def _extent(self, v) -> tuple[int, int]:
        """The cue's token range: the verb, or a multiword cue starting with it ("pointed out")."""
        for phrase in MULTIWORD_CUES:
            words = phrase.split()
            if [t.lower_ for t in self.doc[v.i : v.i + len(words)]][1:] == words[1:] and len(words) > 1:
                return v.i, v.i + len(words)
        return v.i, v.i + 1

    # -- sieves ----------------------------------------------------------------
    def _by_verb(self, q: Quote, qspan, frame) -> CueMatch | None:
        qidx = {t.i for t in qspan}
        governing = set()
        for t in qspan:
            governing.update(a.i for a in t.ancestors)
        best = None
        for v in frame:
            if not is_reporting_token(v, strict=False):
                continue
            # "…, as a Homeland Security memo put it", "During his years in office, Mr. Obama said, a
            # majority …": a parenthetical cue speaks for the clause it hangs on, so it governs the
            # quote when that clause does
            gov = v.i in governing or (v.head.i in governing and _parenthetical(v)) or self._leads_into(v, qspan)
            if not gov and (q.kind != "full" or not is_reporting_token(v)):
                continue  # partial quotes need a verb that governs them
            if not gov and not any(a.i in qidx for a in v.ancestors) and not self._next_to(v, qspan):
                continue
            dist = min(abs(v.i - qspan.start), abs(v.i - (qspan.end - 1)))
            speaker = self._outer_speaker(v, self.speaker_of(v))
            if speaker is None:
                continue
            # Governing beats adjacent; then a verb of speech proper ("said") beats one that speaks of
            # speech only with a complement ("continue", "call"), and a subject that can speak beats
            # one that cannot ("the platform should reiterate …" inside "Schultz said that …").
            key = (0 if gov else 1, 0 if is_reporting_token(v) else 1, 0 if speaker_like(speaker) else 1, dist)
            if best is None or key < best[0]:
                best = (key, CueMatch(*self._extent(v), speaker.i, "cue.governs" if gov else "cue.adjacent"))
        if best is not None and best[1].method == "cue.governs":
            return self._reporter_of_thing(best[1])
        return best[1] if best else None

    def _reporter_of_thing(self, match: CueMatch) -> CueMatch:
        """"Holm said in the letter that the advertisement “wrongfully” suggests …": what a thing
        suggests inside someone's statement is that person's claim, in that person's words."""
        inner = self.doc[match.speaker]
        # a country in someone's claim ("Erdoğan claimed that Sweden had promised to extradite 73
        # “terrorists”") is talked about in the claimant's words too
        country = inner.pos_ == "PROPN" and inner.ent_type_ == "GPE" and not any(c.dep_ == "compound" for c in inner.children)
        if not country and (personal(inner) or inner.pos_ != "NOUN" or inner.ent_type_ or inner.lemma_.lower() in BODY_NOUNS):
            return match  # a body speaks for itself ("the ministry said it would …")
        for a in clause_ancestors(self.doc[match.cue_start], self.in_quote, ("ccomp", "xcomp", "advcl")):
            if is_reporting_token(a):
                outer = self.speaker_of(a)
                if outer is not None and not self.in_quote[outer.i] and personal(outer):
                    return CueMatch(*self._extent(a), outer.i, "cue.governs")
                break
        return match

    def _leads_into(self, v, qspan) -> bool:
        """"footage of Trump saying during the debate, “…”": a verb of speech whose phrase ends in a
        comma right before the quote introduces it, wherever the parser attached the quote."""
        if v.i >= qspan.start or not is_reporting_token(v):
            return False
        right = max(t.i for t in v.subtree if not self.in_quote[t.i])
        between = self.doc[right + 1 : qspan.start]
        return bool(len(between)) and all(t.is_punct or t.is_space for t in between) and any(t.text == "," for t in between)

    def _next_to(self, v, qspan) -> bool:
        """Only punctuation and the verb's own subject phrase between the verb and the quote."""
        lo, hi = (qspan.end, v.i) if v.i >= qspan.end else (v.i + 1, qspan.start)
        between = [t for t in self.doc[lo:hi] if not t.is_punct and not t.is_space]
        subj = self.speaker_of(v)
        allowed = set() if subj is None else {t.i for t in subj.subtree}
        return all(t.i in allowed for t in between)

    def _according_to(self, frame) -> CueMatch | None:
        for t in frame:
            for phrase in ACCORDING_TO:
                words = [x.lower_ for x in self.doc[t.i : t.i + len(phrase)]]
                if tuple(words) != phrase:
                    continue
                last = self.doc[t.i + len(phrase) - 1]
                objs = [c for c in last.subtree if c.dep_ == "pobj" and c.head.i >= t.i]
                if objs:
                    return CueMatch(t.i, last.i + 1, objs[0].i, "cue.according_to")
        return None

    def _speech_noun(self, qspan) -> CueMatch | None:
        """A noun of speech governing the quote, with its possessor as speaker: "Trump’s claim that “…”"."""
        heads = []
        for t in qspan:
            heads.extend(a for a in t.ancestors if not self.in_quote[a.i])
        for n in heads:
            if n.lemma_.lower() in SPEECH_NOUNS and n.pos_ == "NOUN":
                owner = [c for c in n.children if c.dep_ == "poss" and not self.in_quote[c.i]]
                if owner:
                    return CueMatch(n.i, n.i + 1, owner[0].i, "cue.speech_noun")
        return None

    def _dash(self, q: Quote, hi: int) -> CueMatch | None:
        """A dash and a name right after the quote: "“…” ― Carla Sanchez"."""
        rest = self.text[q.outer.end_char : hi]
        stripped = rest.lstrip(" \t\u00a0")
        dash = next((d for d in sorted(ATTRIBUTION_DASHES, key=len, reverse=True) if stripped.startswith(d)), None)
        if dash is None:
            return None
        start = q.outer.end_char + (len(rest) - len(stripped))
        span = self.doc.char_span(start + len(dash), hi, alignment_mode="expand")
        names = [t for t in span if t.pos_ == "PROPN"] if span is not None else []
        if not names:
            return None
        dash_tok = self.doc.char_span(start, start + len(dash), alignment_mode="expand")
        head = names[0]
        while head.i + 1 < len(self.doc) and self.doc[head.i + 1].pos_ == "PROPN" and self.doc[head.i + 1].idx < hi:
            head = self.doc[head.i + 1]
        return CueMatch(dash_tok.start, dash_tok.end, head.i, "cue.dash")

    def _clause_speaker(self, tokens, method: str) -> CueMatch | None:
        """Speaker of a clause that introduces a quote: a reporting verb's subject, else its last name."""
        # "Argentina may have voted to condemn …, but its foreign minister, Santiago Cafiero, was adamant
        # …:": the clause the colon closes says who, whatever verb of speech came before it
        if not tokens:
            return None
        last = tokens[-1].head
        subj = [c for c in last.children if c.dep_ == "nsubj" and not self.in_quote[c.i]]
        while not subj and last.dep_ == "conj" and last.head.i < last.i and last.head.i >= tokens[0].i:
            last = last.head  # a verb the parser split off the clause ("was adamant about … push:")
            subj = [c for c in last.children if c.dep_ == "nsubj" and not self.in_quote[c.i]]
        nearer = subj and any(t.dep_ in SUBJECT_DEPS and t.i > subj[0].i and personal(t) for t in tokens)
        if subj and not nearer and last.dep_ in ("ROOT", "conj") and not is_reporting_token(last, strict=False) and (
                personal(subj[0]) or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in subj[0].children)):
            return CueMatch(tokens[-1].i, tokens[-1].i + 1, subj[0].i, method)
        for v in reversed(tokens):
            if is_reporting_token(v, strict=False):
                s = self.speaker_of(v)
                if s is not None:
                    return CueMatch(v.i, v.i + 1, s.i, method)
        # A name, or a capitalised subject the tagger took for a common noun ("Sanders made …:").
        names = [
            t for t in tokens
            if (t.pos_ == "PROPN" or (t.dep_ in SUBJECT_DEPS and t.text[:1].isupper() and t.pos_ == "NOUN"))
            and t.ent_type_ not in ("GPE", "NORP", "LOC", "DATE")
        ]
        if names:
            head = names[-1]
            colon = tokens[-1]
            return CueMatch(colon.i, colon.i + 1, head.i, method)
        # No name: the subject nearest the colon, if it can speak ("She got upset, so I had to change my
        # answer:", "The piece used one of her quotes as its headline:")
        subjects = [t for t in tokens if t.dep_ == "nsubj" and speaker_like(t)]
        if subjects:
            return CueMatch(tokens[-1].i, tokens[-1].i + 1, subjects[-1].i, method)
        return None

    def _colon(self, q: Quote, lo: int) -> CueMatch | None:
        before = self.text[lo : q.outer.start_char].rstrip()
        if before.endswith(":"):
            start, end = lo, lo + len(before)
        elif not before and q.paragraph > 0:
            prev = self.paras[q.paragraph - 1]
            body = self.text[prev.start : prev.end].rstrip()
            if not body.endswith(":"):
                return None
            start, end = prev.start, prev.start + len(body)
        else:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        sent_start = span[-1].sent.start
        tokens = [t for t in span if t.i >= sent_start and not self.in_quote[t.i]]
        return self._clause_speaker(tokens, "cue.colon") if tokens else None

    def _next_paragraph(self, q: Quote, lo: int, hi: int) -> CueMatch | None:
        """Only for a quote that is its paragraph: “…,” / he added."""
        rest = self.text[q.outer.end_char : hi]
        if rest.strip(" \t\u00a0.,;:!?") or self.text[lo : q.outer.start_char].strip():
            return None
        nxt = next((p for p in self.paras if p.start >= hi), None)
        if nxt is None:
            return None
        span = self.doc.char_span(nxt.start, nxt.end, alignment_mode="expand")
        if span is None or len(span) > 15:
            return None
        return self._clause_speaker([t for t in span if not self.in_quote[t.i]], "cue.next_paragraph")

    def _characterizes(self, qspan) -> CueMatch | None:
        """“X VERB Y as “…”": a fragment that says what someone calls something. Read from the words
        (the parser often takes "as" for a conjunction here): "as" and an optional article before the
        quote, and a verb with an object of its own before that ("admires Putin as", "went after Trump
        as"), which leaves out "known as"."""
        i = qspan.start - 1
        while i >= 0 and (self.doc[i].is_punct or self.doc[i].pos_ == "DET"):
            i -= 1
        if i < 0 or self.doc[i].lower_ != "as" or self.in_quote[i]:
            return None
        between = []
        for t in reversed(self.doc[max(0, i - CHARACTERIZE_REACH) : i]):
            if t.pos_ == "VERB" and not self.in_quote[t.i]:
                if not any(b.pos_ in ("NOUN", "PROPN", "PRON") for b in between):
                    return None
                speaker = self.speaker_of(t)
                if speaker is None or self.in_quote[speaker.i] or not speaker_like(speaker):
                    return None
                return CueMatch(t.i, t.i + 1, speaker.i, "cue.characterizes")
            if t.text in (",", ";", ":") or self.in_quote[t.i]:
                return None
            between.append(t)
        return None

    def _transcript(self, q: Quote) -> CueMatch | None:
        """A quoted transcript turn names its speaker in capitals before a colon: “WALLACE: If I may, …”."""
        label = TRANSCRIPT_LABEL.match(q.content.text)
        if label is None:
            return None
        start = q.content.start_char
        name = self.doc.char_span(start, start + label.end(), alignment_mode="expand")
        colon = self.doc.char_span(start + label.end(), start + label.end() + 1)
        if name is None or colon is None or name[-1].ent_type_ in ("ORG", "GPE", "NORP"):
            return None
        return CueMatch(colon.start, colon.end, name[-1].i, "cue.transcript", named=True)

    def _surface(self, q: Quote, qspan, hi: int) -> CueMatch | None:
        """“…,” X said / “…,” said X, read from the words after the quote. A fallback for parses that
        attach the quote as the verb's subject and the name as its object, or the verb into the quote."""
        if not q.content.text.rstrip().endswith((",", "?", "!")):
            return None  # the convention this reads: the quote's sentence goes on after the closing mark
        after = []
        for t in self.doc[qspan.end : qspan.end + SURFACE_MAX_TOKENS]:
            if t.idx >= hi or self.in_quote[t.i] or t.text in (".", ";", ":") or "\n" in t.text:
                break
            after.append(t)
        words = [t for t in after if not t.is_punct and not t.is_space]
        # right after a quote even "added", "continued", "wrote" report it
        verb = next((i for i, t in enumerate(words) if is_reporting_token(t, strict=False)), None)
        if verb is None and len(words) > 1 and words[0].text.islower() and words[1].pos_ == "PROPN" \
                and is_reporting_verb(words[0].lower_, words[0].lower_):
            verb = 0  # "“…!” answer Lindqvist and Moreau": the tagger reads a plural verb before names as a noun
        if verb is None:
            return None
        v = words[verb]
        if verb == 0:  # said X: the noun phrase right after the verb
            phrase = []
            for t in words[1:]:
                if t.pos_ not in _NP_POS or t.pos_ in ("CCONJ", "PART"):
                    break
                phrase.append(t)
        else:  # X said: everything between the quote and the verb must be that noun phrase
            phrase = words[:verb]
            # a capitalised word inside the clause is a name whatever its tag ("Tulsa" as a verb)
            if any(t.pos_ not in _NP_POS and not t.text[:1].isupper() for t in phrase):
                return None
        head = _np_head(phrase)
        return CueMatch(*self._extent(v), head.i, "cue.surface") if head is not None else None

    def find(self, q: Quote) -> CueMatch | None:
        if q.depth > 0 or q.kind == "heading":
            return None
        qspan = self._quote_span(q)
        if qspan is None:
            return None
        if q.kind == "scare":
            return self._phrase_used(qspan)
        if self._title(q, qspan):
            return None
        lo, hi = self._para_bounds(q)
        frame = self._frame(q, qspan, lo, hi)
        match = self._by_verb(q, qspan, frame)
        noun = self._speech_noun(qspan)
        if noun is not None and match is not None and match.method == "cue.governs":
            # The nearer governor wins: in "the mayor repeated Berg’s claim that “…”" the claim is Berg’s.
            if any(a.i == match.cue_start for a in self.doc[noun.cue_start].ancestors):
                match = noun
        if match is None or match.method != "cue.governs":
            match = self._according_to(frame) or noun or match
        if match is None and (q.kind == "partial" or q.content.text[:1].islower()):
            match = self._characterizes(qspan)  # fragments only, not sentences
        if match is None and q.kind == "partial":
            match = self._sole_speaker(q, frame)
        if match is None and q.kind == "full":
            match = (
                self._transcript(q) or self._dash(q, hi) or self._colon(q, lo)
                or self._next_paragraph(q, lo, hi) or self._surface(q, qspan, hi)
            )
        return match

    def _sole_speaker(self, q: Quote, frame) -> CueMatch | None:
        """A fragment in a sentence whose only verb of speech has a named person for subject, when the
        parse hangs the fragment's clause beside the verb, not under it ("…with “likeminded” partners,
        said strategic studies prof Robert Ayson"). With one candidate there is nobody else the sentence
        could be quoting; a description ("its president", "the two countries' leaders") is left alone,
        since it may stand for several people."""
        found = []
        for v in frame:
            if not is_reporting_token(v):
                continue
            between = self.text[min(v.idx, q.outer.end_char) : max(v.idx, q.outer.start_char)]
            if _SENTENCE_BREAK.search(between):
                continue  # the parser joined two sentences; the verb belongs to the other one
            s = self.speaker_of(v)
            if s is not None and not self.in_quote[s.i]:
                found.append((v, s))
        if len(found) != 1 or found[0][1].ent_type_ != "PERSON":
            return None
        v, s = found[0]
        if s.text in q.content.text:
            return None  # "the so-called “Buffett rule”": a label named after the person, not their words
        return CueMatch(*self._extent(v), s.i, "cue.sentence")

    def _phrase_used(self, qspan) -> CueMatch | None:
        """"the phrase “…”" marks words as words, but whoever uses, coins or utters the phrase says
        them: "Trump has used the phrase “…” often"."""
        i = qspan.start - 1
        while i >= 0 and self.doc[i].is_punct:
            i -= 1
        if i < 0 or self.in_quote[i]:
            return None
        noun = self.doc[i]
        verb = noun.head
        if noun.dep_ != "dobj" or not is_reporting_token(verb, strict=False) or verb.lemma_.lower() not in OBJECT_CUES:
            return None
        speaker = self.speaker_of(verb)
        if speaker is None or self.in_quote[speaker.i] or not speaker_like(speaker):
            return None
        return CueMatch(verb.i, verb.i + 1, speaker.i, "cue.governs")

    def is_title(self, q: Quote) -> bool:
        """Whether ``q`` is a title, show or label in marks that nobody says (see ``_title``)."""
        qspan = self._quote_span(q)
        return qspan is not None and self._title(q, qspan)

    def _title(self, q: Quote, qspan) -> bool:
        """A title, show or label in marks inside the reporter's sentence ("told “Morning Edition” on
        Sunday", "the best film is “Twelve Angry Men”"): nobody says it, unless a verb of naming puts
        it in someone's mouth ("called her “Miss Piggy”")."""
        words = q.content.text.split()
        if q.kind != "partial" or len(words) < 2 or not all(
            w[:1].isupper() or (i > 0 and w in TITLE_SMALL_WORDS) for i, w in enumerate(words)
        ):
            return False
        if q.content.text.rstrip().endswith(".") or (qspan.start > 0 and self.doc[qspan.start - 1].lower_ == "that"):
            return False  # a sentence ("… the NATO.") or what "that" introduces is said, not a title
        heads = [a for a in qspan[0].ancestors if not self.in_quote[a.i]]
        message = heads and heads[0].lower_ == "of" and heads[0].head.lemma_.lower() in MESSAGE_NOUNS
        if heads and heads[0].pos_ == "ADP" and heads[0].lower_ != "as" and not message:
            return True  # "on “Meet the Press”", "in “The Atlantic”": a show or publication
        verbs = [a for a in heads if a.pos_ in ("VERB", "AUX")]
        if not verbs:
            return True
        # named in someone's words: "called her “Miss Piggy”", "hailed him as “The Comeback Kid”",
        # "proclaimed “Peace Through Strength”"; but "told “Morning Edition”" names whom they told
        lemma = verbs[0].lemma_.lower()
        return not (lemma in NAMING_VERBS or is_reporting_token(verbs[0], strict=False) and lemma not in ADDRESSEE_VERBS)

    def find_previous_sentence(self, q: Quote) -> CueMatch | None:
        """The weakest sieve, tried by the engine only when floating continuation did not apply."""
        if q.depth > 0 or q.kind != "full":
            return None
        qspan = self._quote_span(q)
        if qspan is None:
            return None
        return self._previous_sentence(q, qspan, self._para_bounds(q)[0])

    def find_continued(self, q: Quote) -> CueMatch | None:
        """A fragment in a sentence with no verb of speech or thought, right after a sentence that
        reports a person's words: the reporter is still paraphrasing that person ("Petkov said the two
        men disagreed over … And Radev was “very strongly against” the delivery"; "Wallace also tried
        to play down differences, while indicating … Governments had taken “a peace dividend”"). The
        engine tries it last, for fragments that no other sieve and no reported clause attributed."""
        # a capitalised fragment is a name (a show, a film, a slogan on a sign), not paraphrased words
        if q.depth > 0 or q.kind != "partial" or q.content.text[:1].isupper():
            return None
        qspan = self._quote_span(q)
        if qspan is None:
            return None
        if qspan.start > 0 and self.doc[qspan.start - 1].pos_ in ("DET", "NUM"):
            return None  # "the “contested convention” scenario": the reporter naming a thing
        lo, hi = self._para_bounds(q)
        # the sentence ends at the first full stop after the quote, however the parser joins run-on text
        end = _SENTENCE_BREAK.search(self.text, q.outer.end_char, hi)
        if any(is_reporting_token(t, strict=False) for t in self._frame(q, qspan, lo, end.start() + 1 if end else hi)):
            return None  # a verb of speech or thought of its own: its speaker's words, or nobody's
        first = qspan[0].sent.start
        if first == 0 or self.doc[first - 1].sent[0].idx < lo:
            return None
        # the sentence's first verb of speech reports it; later ones are inside what is reported
        v = next((t for t in self.doc[first - 1].sent if not self.in_quote[t.i] and is_reporting_token(t)), None)
        if v is None or any(c.dep_ == "auxpass" for c in v.children):
            return None  # "Trump has never been charged with …": the one charged says nothing
        s = self.speaker_of(v)
        # a person: "the audit said …" is followed by the reporter's own words as often as not
        if s is None or self.in_quote[s.i] or not personal(s):
            return None
        return CueMatch(*self._extent(v), s.i, "cue.continued")


def spoken_of(verb) -> bool:
    """A passive verb of naming or judging with no "by": its subject is the one spoken of, and the
    speaker goes unsaid ("the government has been accused of taking a “softer” line")."""
    children = [c.dep_ for c in verb.children]
    return verb.lemma_.lower() in SPOKEN_OF_VERBS and "auxpass" in children and "agent" not in children


def _np_head(phrase: list):
    """The head word of a speaker noun phrase read from the surface: the last word of its first
    run of names ("Chuck Jordan, the police chief" -> Jordan), else its last noun or pronoun
    before any comma ("the spokesman")."""
    names = []
    for t in phrase:
        if t.pos_ == "PROPN":
            names.append(t)
        elif names:
            break
    if names:
        return names[-1]
    head = None
    for t in phrase:
        if t.is_punct:
            break
        if t.pos_ in ("NOUN", "PRON"):
            head = t
    return head


def speaker_like(t) -> bool:
    """Whether a mention head can stand for someone who speaks: a name or a person, organisation or
    country entity, a personal pronoun, a role noun, or a source noun ("report", "officials")."""
    return (
        t.pos_ == "PROPN"
        or t.ent_type_ in _SPEAKER_ENTS
        or t.lower_ in _PRONOUNS
        or is_role_noun(t.lower_, t.lemma_.lower())
        or t.lemma_.lower() in SOURCE_NOUNS
    )


def clause_ancestors(v, in_quote: list[bool], links: tuple[str, ...]):
    """The words above ``v`` that its clause hangs from through ``links`` ("ccomp", "xcomp", …),
    nearest first, up to the first other link or quoted word: where to look for the verb of speech
    that reports the clause ("Holm said in the letter that the advertisement suggests …")."""
    child = v
    for a in v.ancestors:
        if in_quote[a.i] or child.dep_ not in links:
            return
        yield a
        child = a


def personal(t) -> bool:
    """A person's name, a personal pronoun or a role noun: someone, not something, speaks."""
    return (t.ent_type_ == "PERSON" or t.pos_ == "PROPN" and not t.ent_type_
            or t.lower_ in PERSONAL_PRONOUNS or t.lower_ in ("i", "we")
            or is_role_noun(t.lower_, t.lemma_.lower()))


def _can_be_same(pronoun, outer) -> bool:
    """"he said …, SITA reported": a he or she is a person, never the agency, paper or report reporting it."""
    if pronoun.lower_ not in PERSONAL_PRONOUNS:
        return True
    # the outer subject's own words, and a second subject the parser may split off ("the news agency TASR")
    words = [outer, *(c for c in outer.children if c.dep_ == "compound"),
             *(c for c in outer.head.children if c.dep_ in SUBJECT_DEPS)]
    return not any(
        t.ent_type_ in ("ORG", "GPE", "NORP") or t.lemma_.lower() in MEDIA_NOUNS or t.lemma_.lower() in DOCUMENT_NOUNS
        for t in words
    )


def _parenthetical(v) -> bool:
    """A cue set into the clause it reports: "as X put it", "…, X said, …" (parataxis)."""
    return v.dep_ == "parataxis" or any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children)
