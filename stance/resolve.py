"""Stage 3: resolve a speaker mention to one canonical entity per document.

* Names: every named person in the document becomes an entity; later mentions
  (surname, title + surname, possessive, a misspelling within edit distance) join
  it. Two names whose first names conflict are never merged.
* Each person is an entity of the document model: its names, gender evidence from the document
  (honorifics, a known given name, gendered role nouns, he/she in a sentence that names only
  this person), its roles and its mentions outside quotes, each with its sentence and whether it
  is a subject; the engine tells it who spoke last.
* Pronouns (he/she) resolve by agreement and salience, like the pronoun sieve of Stanford's
  multi-pass coreference system: the most salient compatible person, where recency counts in
  sentences, subjects count more than other mentions and the last speaker more than both.
  Relative pronouns (who) go to the noun they modify.
* Descriptions ("the Russian president", "Turkey’s top diplomat", "the NATO chief") go to the
  person whose role has the same head word, else one sharing its category, then the one sharing
  most modifiers, then the most salient; a resolved description becomes a role of that person.
  "the commission" goes to an organisation named so earlier ("the Commission on Presidential
  Debates"); "the statement" to whoever the text says issued it. With none of that the
  description itself is the (unnamed) speaker.
* Places, events, dates and photo credits never speak.
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .cues import is_reporting_token
from .lexicons.names import FIRST_NAME_GENDER, NAME_PARTICLES
from .lexicons.reporting import BODY_NOUNS, is_reporting_verb, ISSUED_NOUNS, ISSUING_VERBS, NOT_SPEAKER_WORDS, OCCASION_NOUNS
from .lexicons.roles import (
    COUNTRY_KEYS,
    NOT_NATIONS,
    INDEFINITE_WORDS,
    GENDERED_NOUNS,
    HONORIFICS,
    NAME_TITLES,
    PARTY_NAME_WORDS,
    PERSONAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_ABBREVIATIONS,
    ROLE_CATEGORIES,
    is_role_noun,
)
from .model import Span
from .roles import best_role, is_role_word, role_candidates

# Surnames this similar are one person misspelled (Cavusolgu ~ Cavusoglu: 88.9).
FUZZY_SURNAME = 85
FUZZY_MIN_LEN = 6
NON_PERSON_ENTS = ("GPE", "NORP", "LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "LAW",
                   "PRODUCT", "EVENT", "LANGUAGE", "QUANTITY", "WORK_OF_ART")
# How far back (characters) a pronoun looks for its antecedent.
PRONOUN_WINDOW = 1500
# Salience of a candidate antecedent: one point per sentence of recency lost, these bonuses won.
SUBJECT_BONUS = 0.6
LAST_SPEAKER_BONUS = 1.2
GENDER_KNOWN_BONUS = 0.2
MODIFIER_PENALTY = 0.5
# A person whose gender was only guessed and disagrees with the pronoun: far behind anyone who agrees.
GUESSED_GENDER_PENALTY = 4.0
# A description's role category matching a person's role counts as a sentence of recency, each shared
# modifier ("Russian" president / "Russian" deputy minister) as half of one.
CATEGORY_BONUS = 0.5
# A sentence-opening description may name a person whose roles are of another kind, behind one who fits.
OTHER_ROLE_PENALTY = 1.0
SHARED_BONUS = 0.5
# How many sentences after an opening description the person it stands for may be named.
CATAPHORA_REACH = 2
# How many sentences back "it" looks for the body it stands for.
BODY_REACH = 2
BODY_ENTS = ("ORG", "GPE", "NORP")
# Entity types of a head that is never a speaker's name (places that do not speak, events, …).
NEVER_SPEAKER_ENTS = ("LOC", "FAC", "EVENT", "DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY")
# What the small NER model calls an unusual name it does not know ("Mevlut Cavusoglu" as WORK_OF_ART):
# as the subject of a reporting verb such a name is a person.
MISREAD_NAME_ENTS = ("", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE")


# "63 percent said": a share speaks for the group the last "N percent of …" named, this many tokens back.
SHARE_WORDS = frozenset({"percent", "%", "pct", "percentage", "majority", "third", "half", "quarter", "fifth"})
SHARE_REACH = 150
# The rest of an organisation's name up to an acronym in brackets: " to Reclaim Our Schools (AROS)".
_NAME_TAIL = re.compile(r"((?:[ \u00a0](?:to|of|for|and|on|in|the|[A-Z][\w’'-]*)){1,8})[ \u00a0]\(([A-Z]{2,8})\)")
# Hyphens inside a name ("Ki-moon"), which the tokenizer makes tokens of their own.
HYPHENS = ("-", "\u2010", "\u2011")


@functools.lru_cache(maxsize=8192)  # names are compared pairwise, so the same words come back often
def fold(s: str) -> str:
    """Lowercase without accents: Yücel -> yucel."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def _strip_possessive(w: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if w.endswith(suffix) and len(w) > len(suffix):
            return w[: -len(suffix)]
    return w


@dataclass
class Entity:
    id: int
    names: list[tuple[str, ...]] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)  # char spans, in text order
    roles: list[tuple[Span, ...]] = field(default_factory=list)
    gender: str | None = None
    gender_sure: bool = False  # from an honorific or a gendered noun, not guessed from a given name

    @property
    def canonical(self) -> str:
        longest = max(len(n) for n in self.names)
        forms = [n for n in self.names if len(n) == longest]
        return " ".join(max(forms, key=forms.count))

    @property
    def surname(self) -> str:
        return fold(self.names[0][-1])

    @property
    def role(self) -> tuple[Span, ...]:
        return best_role(self.roles)


def name_tokens(tokens) -> tuple[str, ...]:
    """The words of a person's name in a mention: titles, honorifics and possessives removed."""
    words: list[str] = []
    glue = False
    for t in tokens:
        if t.dep_ == "case":
            continue
        if t.text in HYPHENS and words and not t.whitespace_ and t.i > 0 and not t.nbor(-1).whitespace_:
            # "Ban Ki-moon", "Jean-Marc": the tokenizer splits a hyphenated name, its parts are one word
            words[-1] += t.text
            glue = True
            continue
        if t.is_punct or t.is_space:
            continue  # a non-breaking space in "Barack\u00a0 Obama" is a token of its own
        w = _strip_possessive(t.text)
        if glue:
            words[-1] += w
        else:
            words.append(w)
        glue = False
    honorific = [t for t in tokens[:1] if t.i > 0 and t.doc[t.i - 1].lower_ in HONORIFICS and HONORIFICS[t.doc[t.i - 1].lower_]]
    honorific += [t for t in tokens if t.lower_ in HONORIFICS and HONORIFICS[t.lower_]]
    last = words[-1:]
    while words and (words[0].lower() in NAME_TITLES or words[0].lower() in HONORIFICS or words[0].lower() in ROLE_CATEGORIES):
        words.pop(0)
    if not words and honorific and last and last[0].lower() not in HONORIFICS:
        words = last  # "Mr. King", "Ms. Major": after an honorific a title word is a surname
    return tuple(w for w in words if w)


def is_name_word(word: str) -> bool:
    """A word a name is made of: capitalised, or a particle ("von", "al-Assad")."""
    return word[:1].isupper() or word.split("-")[0] in NAME_PARTICLES


def is_description(speaker: str) -> bool:
    """Whether a resolved speaker is a description rather than a name ("officials", "senior EU
    diplomat", "agency"): the resolver gives a name or a named body a capital letter, a description
    none (the phrase as the text words it, without its article)."""
    return speaker[:1].islower() and not is_name_word(speaker.split()[0])


def names_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same person? Surnames equal (or one misspelled) and first names do not conflict."""
    la, lb = fold(a[-1]), fold(b[-1])
    same_last = la == lb or (
        min(len(la), len(lb)) >= FUZZY_MIN_LEN and la[0] == lb[0] and fuzz.ratio(la, lb) >= FUZZY_SURNAME
    )
    if not same_last:
        return False
    if len(a) > 1 and len(b) > 1:
        fa, fb = fold(a[0]), fold(b[0])
        return fa == fb or fa[:1] == fb[:1] and (len(fa) <= 2 or len(fb) <= 2)  # J. ~ Jens
    return True


# Prepositions whose phrase after an unnamed speaker's noun is part of who they are.
_DEFINING_PREPS = frozenset({"of", "in", "on", "at", "from", "for", "with"})
_AGE = re.compile(r"(?:the\s+)?\d+-year-old", re.IGNORECASE)
# Role words that also name a body rather than a person.
_INSTITUTION_ROLES = frozenset({"press", "government", "administration"})


@dataclass(frozen=True)
class _Mention:
    """A mention of a person outside quotes: where, who, whether a subject, in which sentence."""

    start: int
    entity: Entity
    subject: float  # 1 for the subject of a main clause or a reporting verb, 0.5 for another subject
    sent: int
    modifier: bool = False  # "the Clinton campaign": names the campaign more than the person


SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass
class Resolution:
    speaker: str | None
    entity: Entity | None
    mention: Span | None
    role: tuple[Span, ...] = ()  # an unnamed speaker's role: the description that stands for them


class Resolver:
    def __init__(self, doc, text: str, in_quote: list[bool]):
        self.doc = doc
        self.text = text
        self.in_quote = in_quote
        self.entities: list[Entity] = []
        self._person_mentions: list[_Mention] = []  # outside quotes, in text order
        self._speakers: list[tuple[int, Entity]] = []  # (quote start, entity) of attributed quotes
        # whether a description that names a known person ("the Turkish diplomat said") becomes their
        # role; off for reported speech, which must not change what the quotations say
        self.learn_roles = True
        # sentence ordinal of every token: salience counts recency in sentences
        self.sents = list(doc.sents)
        self.sent_of = [0] * len(doc)
        for n, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n
        # recency counts the reporter's sentences: a quote of five sentences does not push its
        # speaker five sentences away from the "he said" after it
        self.narrative_rank = []
        rank = 0
        for sent in self.sents:
            rank += any(not in_quote[t.i] and not t.is_punct and not t.is_space for t in sent)
            self.narrative_rank.append(rank)
        self.orgs = [ent for ent in doc.ents if ent.label_ == "ORG" and not in_quote[ent.root.i]]
        self._acronyms: dict[str, str] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self.add_name(self.doc[_after_title(self.doc, ent.start, ent.end - 1) : ent.end])
        surnames = {e.surname for e in self.entities}
        for t in doc:
            if t.pos_ != "PROPN" or t.ent_type_ == "PERSON" or in_quote[t.i] or t.dep_ in ("compound", "flat"):
                continue
            # "Okonkwo explained …": a name that is the subject of a reporting verb is a person,
            # whatever the (small) NER model made of it; so is a known person's surname that NER
            # tagged as an organisation or not at all ("Lynch said", Lynch as ORG)
            speaks = t.dep_ == "nsubj" and t.ent_type_ in MISREAD_NAME_ENTS and is_reporting_token(t.head, strict=False)
            if speaks or fold(_strip_possessive(t.text)) in surnames or self._looks_personal(t):
                self.add_name(self._name_span_of(t))
        # "Okonkwo explained …" with Okonkwo tagged ORG: a one-word name speaking is someone a pronoun
        # may refer to when no person at all is in reach
        self._fallback = [t for t in doc if t.pos_ == "PROPN" and t.ent_type_ == "ORG" and t.dep_ == "nsubj"
                          and not in_quote[t.i] and t.ent_iob_ == "B" and (t.i + 1 == len(doc) or doc[t.i + 1].ent_iob_ != "I")
                          and is_reporting_token(t.head, strict=False)]
        self._person_mentions.sort(key=lambda m: m.start)
        self._pronoun_evidence()
        # "Rendell said … . He added that …": a he/she the reporter makes the subject keeps its person
        # salient, as a resolved pronoun joins its entity's chain in a sieve coreference system
        # So does a definite description the reporter makes the subject ("Mike Pence says … . The
        # Republican vice presidential nominee was speaking …"): it names its person once more.
        self._chain = [t for t in doc if t.dep_ in SUBJECT_DEPS and not in_quote[t.i]
                       and (t.lower_ in PERSONAL_PRONOUNS or _chain_description(t))]
        self._chain_done = 0
        self._chained: list[_Mention] = []

    def _looks_personal(self, t) -> bool:
        """A run of names NER took for an organisation or place that is a person's all the same: it
        starts with a known given name ("Sauli Niinistö"), or a person's role stands in apposition
        to it ("Niinistö, Finland’s president")."""
        if t.ent_type_ in ("GPE", "NORP", "LOC") and t.dep_ not in SUBJECT_DEPS:
            return False
        run = self._name_span_of(t)
        if len(run) > 1 and fold(run[0].text) in FIRST_NAME_GENDER:
            return True
        if t.dep_ == "appos" and is_role_word(t.head) and t.head.lower_ not in _INSTITUTION_ROLES:
            return True  # "the Finnish president, Sauli Niinistö"
        return any(c.dep_ == "appos" and is_role_word(c) and c.lower_ not in _INSTITUTION_ROLES for c in t.children)

    def note_speaker(self, char: int, entity: Entity | None, description: str | None = None, role: tuple[Span, ...] = ()) -> None:
        """The engine reports each attributed quote in text order: the last speaker is salient. So is
        one known only by a description ("A senior EU diplomat told EUobserver “…”. “…,” he said"):
        the "he" is the diplomat, not a person the sentence named on the way."""
        if entity is None and description:
            entity = _described_person(description, role)
        if entity is not None:
            self._speakers.append((char, entity))

    # -- building entities ------------------------------------------------------
    def _name_span_of(self, head):
        """The tokens naming a person whose head token is ``head`` (a PERSON entity or a PROPN run)."""
        if head.ent_type_ == "PERSON":
            # the entity around head, from the IOB tags (doc.ents would rebuild every entity)
            start, end = head.i, head.i + 1
            while start > 0 and self.doc[start].ent_iob_ == "I":
                start -= 1
            while end < len(self.doc) and self.doc[end].ent_iob_ == "I":
                end += 1
            return self.doc[_after_title(self.doc, start, head.i):end]
        start = head.i
        while start > 0 and self.doc[start - 1].pos_ == "PROPN" and self.doc[start - 1].dep_ in ("compound", "flat"):
            start -= 1
        return self.doc[start : head.i + 1]

    def add_name(self, span) -> Entity | None:
        words = name_tokens(span)
        if not words or not words[-1][:1].isupper():
            return None
        head = span.root
        # one compatible name is not enough: "Rakeyia Scott" is not the "Keith Lamont Scott" a bare
        # "Scott" joined, so every full name of the entity must agree too
        candidates = [
            e for e in self.entities
            if any(names_compatible(words, n) for n in e.names)
            and all(names_compatible(words, n) for n in e.names if len(n) > 1)
        ]
        if not candidates and len(words) == 1:
            # "Saifuddin" after "Saifuddin Abdullah", "Ban" after "Ban Ki-moon": a single word that is
            # the first word of exactly one full name is that person (given names, and names that put
            # the family name first)
            fw = fold(words[0])
            firsts = [e for e in self.entities if any(len(n) > 1 and fold(n[0]) == fw for n in e.names)]
            if len(firsts) == 1 and not any(e.surname == fw for e in self.entities):
                candidates = firsts
        # Prefer an entity with the same full name, then the most recently mentioned one.
        candidates.sort(key=lambda e: (words in e.names, e.mentions[-1][0] if e.mentions else -1), reverse=True)
        if candidates:
            entity = candidates[0]
        else:
            entity = Entity(len(self.entities))
            self.entities.append(entity)
        entity.names.append(words)
        entity.mentions.append((span.start_char, span.end_char))
        entity.mentions.sort()
        roles = role_candidates(self.doc, self.text, span)
        entity.roles.extend(roles)
        self._gender_evidence(entity, span, words, roles)
        if not self.in_quote[head.i]:
            # kept in text order: salience stops at the first mention out of reach
            bisect.insort(self._person_mentions,
                          _Mention(span.start_char, entity, _subject_weight(head), self.sent_of[head.i],
                                   head.dep_ == "compound"),
                          key=lambda m: m.start)
        return entity

    def _gender_evidence(self, entity: Entity, span, words: tuple[str, ...], roles) -> None:
        """Honorifics ("Mrs. Kim") and gendered role nouns ("the chairman, Ilan Sade") decide; a known
        given name tells it when nothing else has."""
        before = self.doc[span.start - 1] if span.start > 0 else None
        for t in [before, *span]:
            if t is not None and t.lower_ in HONORIFICS and HONORIFICS[t.lower_]:
                entity.gender = HONORIFICS[t.lower_]
                entity.gender_sure = True
        for role in roles:
            for w in (w.lower() for part in role for w in part.text.split()):
                if w in GENDERED_NOUNS and not entity.gender_sure:
                    entity.gender, entity.gender_sure = GENDERED_NOUNS[w], True
        if not entity.gender_sure and len(words) > 1:
            entity.gender = FIRST_NAME_GENDER.get(fold(words[0]), entity.gender)

    def _pronoun_evidence(self) -> None:
        """He/she in a sentence that names exactly one person, outside quotes and after the name,
        can only refer to that person (the document tells the gender the lexicon may not know)."""
        by_sent: dict[int, list[_Mention]] = {}
        for m in self._person_mentions:
            by_sent.setdefault(m.sent, []).append(m)
        for sent, ms in by_sent.items():
            people = {id(m.entity) for m in ms}
            entity = ms[0].entity
            if len(people) != 1 or entity.gender_sure:
                continue
            first = min(m.start for m in ms)
            seen = {PERSONAL_PRONOUNS[t.lower_] for t in self.sents[sent]
                    if t.lower_ in PERSONAL_PRONOUNS and t.idx > first and not self.in_quote[t.i]}
            if len(seen) == 1 and entity.gender is None:
                entity.gender = seen.pop()

    # -- resolving a mention ----------------------------------------------------
    def mention_span(self, head) -> Span:
        tokens = [t for t in self.doc[head.left_edge.i : head.i + 1]]
        while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].is_space):
            tokens.pop(0)  # the parse may hang a closing quotation mark on the mention
        while len(tokens) > 1 and tokens[0].text.islower() and is_reporting_verb(tokens[0].lower_, tokens[0].lower_):
            tokens.pop(0)  # "answer Lindqvist": a verb the tagger took for a modifier of the name
        ent = self._name_span_of(head) if head.pos_ == "PROPN" else None
        if ent is not None and ent.end > head.i + 1:
            tokens = list(self.doc[tokens[0].i : ent.end])
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        return Span.of(self.text, start, end)

    def resolve(self, head, named: bool = False) -> Resolution:
        """Who the mention headed by ``head`` is; ``named``: it is a person's name whatever NER says.

        Names joined by "and" speak together ("answer Lindqvist and Moreau"): the speaker is both
        canonical names joined by "and", in the text's order, and no single entity."""
        res = self.resolve_one(head, named)
        if res.entity is None and res.speaker is not None:
            res = Resolution(self.full_name(res.speaker), None, res.mention, res.role)
        partners = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "PROPN" and not self.in_quote[c.i]]
        if res.entity is None or not partners or not any(c.dep_ == "cc" and c.lower_ == "and" for c in head.children):
            return res
        others = [self.resolve_one(c) for c in partners]
        if any(o.entity is None for o in others):
            return res
        last = self.mention_span(partners[-1])
        mention = Span.of(self.text, res.mention.start_char, last.end_char) if res.mention else last
        return Resolution(" and ".join(r.speaker for r in (res, *others)), None, mention)

    def resolve_one(self, head, named: bool = False) -> Resolution:
        """Who the single mention headed by ``head`` is."""
        low = head.lower_
        if low in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            res = self.resolve(head.head.head)
            return Resolution(res.speaker, res.entity, Span.of(self.text, head.idx, head.idx + len(head)))
        before = self.doc[head.i - 1] if head.i > 0 else None
        if low in ("who", "which") and before is not None and before.pos_ in ("NOUN", "PROPN") and not self.in_quote[before.i]:
            # "the Police Department which reported …" parsed without a relative clause: "who" and
            # "which" right after a noun stand for it all the same
            res = self.resolve(before)
            return Resolution(res.speaker, res.entity, Span.of(self.text, head.idx, head.idx + len(head)))
        mention = self.mention_span(head)
        if low == "it" or low == "they" and head.tag_ == "PRP":
            body = self.body_antecedent(head, organisations_only=low == "they")
            if body is not None:
                return Resolution(body, None, mention)
            pair = self.pair_antecedent(head) if low == "they" else None
            if pair is not None:
                res = self.resolve(pair)
                if res.speaker is not None:
                    return Resolution(res.speaker, None, mention)
        if low in SHARE_WORDS:
            group = self.share_of(head)
            if group is not None:
                return Resolution(group, None, mention)
        if low == "i" and not self.in_quote[head.i]:
            # the reporter's own "I": in a letter or an op-ed, the author the text signs it with
            author = self.author(head.idx)
            if author is not None:
                known = [e for e in self.entities if any(names_compatible(author.split(), n) for n in e.names)]
                return Resolution(known[0].canonical if known else author, known[0] if known else None, mention)
        if low in PERSONAL_PRONOUNS:
            entity = self.antecedent(head, PERSONAL_PRONOUNS[low])
            if entity is not None and not entity.gender_sure:
                entity.gender = PERSONAL_PRONOUNS[low]  # what the document says of them from now on
            return Resolution(entity.canonical if entity else None, entity, mention)
        if head.pos_ == "PROPN" or head.ent_type_ == "PERSON" or named:
            name = self._name_span_of(head)
            if named:  # a transcript label: the mention is the name itself ("PRICE", not "“PRICE")
                mention = Span.of(self.text, name.start_char, name.end_char)
            known = [e for e in self.entities if (name.start_char, name.end_char) in e.mentions]
            words = name_tokens(name)
            # NER often mislabels a bare surname (Akbal as GPE): a known person's surname wins.
            person = (
                named
                or head.ent_type_ == "PERSON"
                or head.ent_type_ not in (*NON_PERSON_ENTS, "ORG")
                or (words and any(names_compatible(words, n) for e in self.entities for n in e.names))
            )
            entity = known[0] if known else (self.add_name(name) if person else None)
            if entity is not None:
                return Resolution(entity.canonical, entity, mention)
        if _AGE.fullmatch(self.text, mention.start_char, min(len(self.text), head.idx + len(head) + 4)):
            # "the 67-year-old said": news names people by age only once it has named them
            entity = self.antecedent(head, None)
            if entity is not None:
                return Resolution(entity.canonical, entity, mention)
        if head.pos_ == "NOUN" or is_role_word(head):
            # "the Finnish president, Sauli Niinistö, said", "Another critic, Laurence H. Tribe, said":
            # the description names the person in apposition; any noun does when NER says the
            # appositive is a person
            named = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and not self.in_quote[c.i]
                     and (c.ent_type_ == "PERSON" or is_role_word(head))]
            if named:
                res = self.resolve(named[0])
                if res.entity is not None:
                    return Resolution(res.speaker, res.entity, mention)
        if is_role_word(head):
            entity = self.describe(head)
            if entity is not None:
                if self.learn_roles and self._gives_office(entity, head):
                    self._description_is_role(entity, head)
                return Resolution(entity.canonical, entity, mention)
        if head.pos_ == "NOUN" and head.lemma_.lower() in ISSUED_NOUNS:
            # "the IMF report said", "Ana Berg’s statement said", "a complaint filed by the SEC": the
            # document names who issued it
            who = self.named_issuer(head)
            if who is not None:
                res = self.resolve(who)
                if res.speaker is not None:
                    return Resolution(res.speaker, res.entity, mention)
        if head.pos_ == "NOUN" and _definite(head):
            issuer = self.issuer(head)
            if issuer is not None:
                # the statement is where the text names this quote's source; who issued it is the speaker
                return Resolution(issuer.speaker, issuer.entity, mention)
            org = self.organisation(head) or self.described_as(head) or self.party(head)
            if org is not None:
                return Resolution(org, None, mention)
        speaker = self.unnamed(head)
        return Resolution(speaker, None, mention, self.unnamed_role(head) if speaker else ())

    def author(self, char: int) -> str | None:
        """Who writes in the first person at ``char``: the signature line that closes a reader's letter
        (a line that is only a name, after the letter), else the author's note that ends an op-ed
        ("Jane Roe is a professor of …"). Read from the text: the parse may skip those lines."""
        for line in self.text[char:].splitlines()[1:]:
            m = _SIGNATURE.fullmatch(line.strip())
            if m:
                return m.group(1)
        last = next((ln.strip() for ln in reversed(self.text.splitlines()) if ln.strip()), "")
        m = _AUTHOR_NOTE.match(last)
        return m.group(1) if m else None

    def full_name(self, name: str) -> str:
        """An organisation's acronym as the fullest name the article gives it: "IMF" is the
        "International Monetary Fund" an earlier or later sentence spells out."""
        if not _ACRONYM.fullmatch(name):
            return name
        if name not in self._acronyms:
            self._acronyms[name] = next(
                (full for full in (self.phrase(e.root) if e.root.dep_ != "compound" else e.text for e in self.orgs)
                 if _initials(full) == name), name)
        return self._acronyms[name]

    def _gives_office(self, entity: Entity, head) -> bool:
        """Whether a description that named ``entity`` states their office: when they have none yet, when
        it is of the same kind as theirs, or when it introduced them before their name. "The veteran
        Green party politician" said of a foreign minister is a variation, not his office."""
        if not entity.roles or all(m[0] > head.idx for m in entity.mentions):
            return True
        words = [_expand(fold(w)) for role in entity.roles for part in role for w in part.text.replace("-", " ").split()]
        return bool(_categories(head) & set().union(*(ROLE_CATEGORIES.get(w, frozenset()) for w in words)))

    def unnamed_role(self, head) -> tuple[Span, ...]:
        """"Estonia’s prime minister said", "a senior EU diplomat said": the description of an unnamed
        speaker is their role, as the text words it (without article, number or possessive pronoun)."""
        if not is_role_word(head) or self.in_quote[head.i]:
            return ()
        tokens = [t for t in self.doc[head.left_edge.i : head.i + 1]
                  if t.dep_ != "det" and t.tag_ not in ("PRP$", "WP$", "CD") and not t.is_punct]
        while tokens and tokens[0].tag_ == "POS":
            tokens.pop(0)
        if not tokens or not all(t.pos_ in ("ADJ", "NOUN", "PROPN", "PART") for t in tokens):
            return ()
        return (Span.of(self.text, tokens[0].idx, tokens[-1].idx + len(tokens[-1])),)

    def _description_is_role(self, entity: Entity, head) -> None:
        """"the Russian president" said it of Putin: a role the article gives him, in its words."""
        tokens = [t for t in self.doc[head.left_edge.i : head.i + 1] if t.dep_ != "det" and not t.is_punct]
        if tokens and not self.in_quote[head.i] and all(t.pos_ in ("ADJ", "NOUN", "PROPN", "PART") for t in tokens):
            span = Span.of(self.text, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
            if (span,) not in entity.roles:
                entity.roles.append((span,))

    def organisation(self, head) -> str | None:
        """"the commission", "the agency": the organisation named earlier whose name has that head
        word ("the Commission on Presidential Debates"), the nearest one."""
        low = head.lemma_.lower()
        for ent in reversed(self.orgs):
            if ent.start_char >= head.idx:
                continue
            if any(t.lower_ == head.lower_ or t.lemma_.lower() == low for t in ent if t.pos_ in ("PROPN", "NOUN")):
                words = [t for t in ent if t.dep_ != "det"]
                return " ".join(t.text for t in words) if words else None
        # NER may miss the name: a capitalised "Commission" heading a run of names before
        for t in reversed(self.doc[: head.i]):
            if t.pos_ == "PROPN" and t.lower_ == head.lower_ and not self.in_quote[t.i] and t.text[:1].isupper():
                words = []
                for w in t.subtree:
                    if w.i < t.i and w.pos_ != "PROPN" or w.dep_ == "det":
                        continue
                    if w.i > t.i and w.pos_ not in ("PROPN", "ADP", "CCONJ") or self.in_quote[w.i]:
                        break
                    words.append(w)
                while words and words[-1].pos_ in ("ADP", "CCONJ"):
                    words.pop()
                return " ".join(w.text for w in words)
        return None

    def described_as(self, head) -> str | None:
        """"the restaurant said" after "Mesón Martín, a three-decade-old restaurant in Zaragoza": the
        nearest earlier name the reporter described with the same noun in apposition, either way
        round ("the company, Acme Corp, …"). Only a name that is no person's: a person described as
        "a lawyer" is found by their role (``describe``)."""
        low = head.lemma_.lower()
        for t in reversed(self.doc[: head.i]):
            if self.in_quote[t.i] or t.pos_ != "NOUN" or t.lemma_.lower() != low:
                continue
            names = [t.head] if t.dep_ == "appos" else [c for c in t.children if c.dep_ == "appos"]
            for name in names:
                if name.pos_ == "PROPN" and name.ent_type_ != "PERSON" and not self.in_quote[name.i]:
                    return self._name_span_of(name).text
        return None

    def party(self, head) -> str | None:
        """"the party said" after "Sweden’s centre-left Social Democrats …": the nearest political party
        named earlier (a name ending in a party word, ``PARTY_NAME_WORDS``)."""
        if head.lemma_.lower() != "party":
            return None
        # looked for only here: "the party said" is rare, so no list of parties is kept per document
        ent = next((e for e in reversed(self.doc.ents) if e.end_char <= head.idx and e.label_ in ("ORG", "NORP")
                    and e[-1].lower_ in PARTY_NAME_WORDS and not self.in_quote[e.root.i]), None)
        if ent is None:
            return None
        words = [t for t in ent if t.dep_ != "det" and t.lower_ != "the"]
        return self.text[words[0].idx : ent.end_char] if words else None

    def body_antecedent(self, head, organisations_only: bool = False) -> str | None:
        """"It said", "what it called": the nearest organisation, country or body that is the subject of
        a clause in this or the last sentences, named as the article names it ("Russia’s foreign
        ministry"). "they" only for an organisation's name (PolitiFact), which news treats as plural."""
        first = self.sents[max(0, self.sent_of[head.i] - BODY_REACH)].start
        found = []
        for t in reversed(self.doc[first : head.i]):
            if t.dep_ not in SUBJECT_DEPS or self.in_quote[t.i]:
                continue
            named = t.ent_type_ in (("ORG",) if organisations_only else BODY_ENTS) and t.pos_ == "PROPN"
            if named or not organisations_only and t.pos_ in ("NOUN", "PROPN") and t.lower_ in BODY_NOUNS:
                found.append(t)
        # the nearest main-clause subject: in "the ministry said Moscow would …", "It" is the ministry
        t = next((t for t in found if t.head.dep_ == "ROOT"), found[0] if found else None)
        return self.phrase(t) if t is not None else None

    def pair_antecedent(self, head):
        """"Senators like Grassley and Leahy see … . They sent a letter …": "they" for the people the last
        sentences named together (the head of "X and Y"), or None."""
        first = self.sents[max(0, self.sent_of[head.i] - BODY_REACH)].start
        for t in reversed(self.doc[first : head.i]):
            if t.ent_type_ == "PERSON" and t.dep_ != "compound" and not self.in_quote[t.i] and any(
                    c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in t.children):
                return t
        return None

    def phrase(self, head) -> str:
        """The noun phrase headed by ``head`` as the text writes it, without a leading article."""
        left = head.left_edge
        while left.i < head.i and (left.dep_ == "det" or left.is_punct):
            left = self.doc[left.i + 1]
        return self.text[left.idx : head.idx + len(head)]

    def issuer(self, head) -> Resolution | None:
        """"the statement said": who issued the statement, when the text says so earlier
        ("the council issued a statement", "the council’s statement", "a statement from the council")."""
        lemma = head.lemma_.lower()
        if lemma not in ISSUED_NOUNS:
            return None
        lo = max(0, self.sents[self.sent_of[head.i]].start - 1)
        first = self.sents[max(0, self.sent_of[head.i] - 3)].start
        for t in reversed(self.doc[first:lo + 1]):
            if t.lemma_.lower() != lemma or self.in_quote[t.i] or t.i == head.i:
                continue
            who = [c for c in t.children if c.dep_ == "poss"]
            who += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("from", "by") for g in c.children
                    if g.dep_ == "pobj"]
            if t.dep_ == "dobj" and t.head.lemma_.lower() in ISSUING_VERBS:
                who += [c for c in t.head.children if c.dep_ in SUBJECT_DEPS]
            named = self.named_issuer(t)  # "a Times article … the article said"
            who += [named] if named is not None else []
            for w in who:
                if w.pos_ in ("PROPN", "NOUN") and w.lemma_.lower() not in ISSUED_NOUNS:
                    return self.resolve(w)
            return None
        return None

    def named_issuer(self, head):
        """The name a document's own phrase gives its issuer: a possessor ("Berg’s statement"), a name
        in front of it ("the IMF report", "a Homeland Security memo") or the agent of "filed/issued by
        X"; None when the phrase names nobody (a pronoun possessor is left to the pronoun rules)."""
        for c in head.children:
            if self.in_quote[c.i]:
                continue
            if c.dep_ == "poss" and c.pos_ == "PROPN":
                return c
            if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < head.i and c.ent_type_ not in NON_PERSON_ENTS:
                return c
            if c.dep_ == "acl" and c.tag_ == "VBN":
                for a in c.children:
                    if a.dep_ == "agent":
                        objs = [g for g in a.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
                        if objs:
                            return objs[0]
        return None

    def share_of(self, head) -> str | None:
        """"52 percent of registered voters agreed", "63 percent said": a share of a group speaks for
        the group, the one its "of" names, else the one the last share before it in the text named."""
        def group(t) -> str | None:
            of = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"]
            objs = [g for c in of for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
            return self.phrase(objs[0]) if objs and not self.in_quote[objs[0].i] else None

        found = group(head)
        if found is not None:
            return found
        for t in reversed(self.doc[max(0, head.i - SHARE_REACH) : head.i]):
            if t.lower_ in SHARE_WORDS and not self.in_quote[t.i]:
                found = group(t)
                if found is not None:
                    return found
        return None

    def unnamed(self, head) -> str | None:
        """An unnamed source or organisation: its noun phrase without the article. A place, an
        event, a date or a photo credit is not a speaker."""
        if head.pos_ == "PRON" or head.ent_type_ in NEVER_SPEAKER_ENTS or head.lower_ in NOT_SPEAKER_WORDS:
            return None
        phrase = self.phrase(head)
        # "a narrator in the Clinton ad", "small groups of protesters": the phrase after the noun
        # says who they are
        end = head.idx + len(head)
        for c in head.children:
            # a name runs on only through "of" and another name ("the Association of Flight Attendants")
            name_goes_on = c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
            if (head.pos_ == "NOUN" or name_goes_on) and c.i > head.i and c.dep_ == "prep" and c.lower_ in _DEFINING_PREPS:
                last = c.right_edge
                if c.i == head.i + 1 and last.i > c.i and not any(
                    self.in_quote[t.i] or t.is_punct or t.ent_type_ in ("DATE", "TIME") for t in c.subtree
                ) and not (is_role_word(head) and _occasion(c)):
                    end = last.idx + len(last)
                break
        return (phrase + self.text[head.idx + len(head) : end] + self._named_through(end)) or None

    def _named_through(self, end: int) -> str:
        """"Alliance to Reclaim Our Schools (AROS)": a name runs on through small words when the acronym
        in brackets after it spells it out; the rest of the name after ``end``, else ""."""
        found = _NAME_TAIL.match(self.text, end)
        if found is None:
            return ""
        start = self.text.rfind(" ", 0, end - 1) if end > 0 else 0
        words = (self.text[max(start, 0) : end] + found.group(1)).split()
        # the acronym's letters are the name's last capitalised words
        caps = [w for w in words if w[:1].isupper()]
        acronym = found.group(2)
        return found.group(1) if "".join(w[0] for w in caps[-len(acronym):]) == acronym else ""

    def salience(self, head, gender: str | None) -> dict[int, tuple[float, int, Entity]]:
        """Each person the mention headed by ``head`` may refer to (agreeing in gender), with a
        salience score: minus the sentences back to its best mention, plus bonuses for subjects,
        the last speaker and a gender the document confirms. Keyed by id(entity)."""
        char, now = head.idx, self.sent_of[head.i]
        rank = self.narrative_rank
        scores: dict[int, tuple[float, int, Entity]] = {}

        def consider(entity: Entity, start: int, score: float) -> None:
            if gender and entity.gender and entity.gender != gender:
                if entity.gender_sure:
                    return
                # a gender guessed from a given name or an earlier pronoun ("Terry Strada", the
                # "him" of a sentence naming only "Scott") yields to the pronoun when nobody agrees
                score -= GUESSED_GENDER_PENALTY
            if gender and entity.gender == gender:
                score += GENDER_KNOWN_BONUS
            old = scores.get(id(entity))
            if old is None or (score, start) > old[:2]:
                scores[id(entity)] = (score, start, entity)

        self._follow_chain(char)
        for mentions in (self._person_mentions, self._chained):
            for m in reversed(mentions):
                if m.start >= char:
                    continue
                if char - m.start > PRONOUN_WINDOW:
                    break
                consider(m.entity, m.start, -(rank[now] - rank[m.sent]) + SUBJECT_BONUS * m.subject
                         - (MODIFIER_PENALTY if m.modifier else 0.0))
        last = next(((c, e) for c, e in reversed(self._speakers) if c < char), None)
        if last is not None and char - last[0] <= PRONOUN_WINDOW:
            c, entity = last
            span = self.doc.char_span(c, c + 1, alignment_mode="expand")
            sent = self.sent_of[self._quote_end(span[0].i)] if span is not None and len(span) else now
            consider(entity, c, -(rank[now] - rank[sent]) + LAST_SPEAKER_BONUS)
        return scores

    def _quote_end(self, i: int) -> int:
        """The last token of the quote starting at token ``i``: recency counts from where the quote and
        its cue end ("“…. …,” said Leslie Wimes." is as recent as its last sentence)."""
        while i + 1 < len(self.doc) and self.in_quote[i + 1]:
            i += 1
        return i

    def _follow_chain(self, char: int) -> None:
        """Resolve, in text order, the reporter's subject pronouns before ``char``: each becomes a
        mention of its person for the pronouns after it (each is resolved once, from earlier ones)."""
        while self._chain_done < len(self._chain) and self._chain[self._chain_done].idx < char:
            t = self._chain[self._chain_done]
            self._chain_done += 1
            if t.lower_ in PERSONAL_PRONOUNS:
                entity = self.antecedent(t, PERSONAL_PRONOUNS[t.lower_])
            else:
                entity = self.describe(t)
            if entity is not None:
                self._chained.append(_Mention(t.idx, entity, _subject_weight(t), self.sent_of[t.i]))

    def antecedent(self, head, gender: str | None) -> Entity | None:
        """The most salient person a pronoun can refer to (agreement first, then salience)."""
        scores = self.salience(head, gender)
        if not scores:
            near = [t for t in self._fallback if t.idx < head.idx and head.idx - t.idx <= PRONOUN_WINDOW]
            return self.add_name(self.doc[near[-1].i : near[-1].i + 1]) if near else None
        return max(scores.values(), key=lambda v: (v[0], v[1]))[2]

    def describe(self, head) -> Entity | None:
        """The person a description such as "the Russian president" or "Turkey’s top diplomat" refers to.

        1. someone whose role has the description's head word ("president"), sharing most modifiers;
        2. else, for a definite description, the most salient person whose role shares its category
           or who has no role yet (the description then gives the role), a category match counting
           as much as a sentence of recency and each shared modifier half as much;
        3. else someone whose role shares its category (a headline's "Analyst" before any mention:
           the most mentioned one);
        4. else, for a description that opens the story before anyone is named ("Germany’s foreign
           minister has insisted …"), the person the next sentences name as speaking.
        Never someone whose role names another country ("Latvian" for "Germany’s"), and never for an
        indefinite description ("a senior diplomat", "other leaders"): that introduces someone new."""
        words = [t for t in self.doc[head.left_edge.i : head.i + 1] if not t.is_punct and t.dep_ not in ("det", "case")]
        cats = _categories(head)
        if not cats or _indefinite(head):
            return None
        countries = _countries(words) or self._its_country(head)
        mods = {fold(t.text)[:4] for t in words if t.i != head.i and len(t.text) > 2}
        # a noun saying what someone leads or plays ("band leader", "bass player"); a body's ("campaign
        # strategist") only says whose side they are on
        kinds = {fold(c.text)[:4] for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                 and len(c.text) > 2 and c.lemma_.lower() not in BODY_NOUNS}
        gender = GENDERED_NOUNS.get(head.lower_)
        heads = {head.lower_, head.lemma_.lower(), *ROLE_ABBREVIATIONS.get(head.lower_, "").split()[-1:]}
        same_head: list[tuple[tuple, Entity]] = []
        by_category: list[tuple[tuple, Entity]] = []
        roleless: list[Entity] = []
        # "Obama's former campaign strategist" is someone of Obama's, never Obama
        owners = {self._name_span_of(c).start_char for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"}
        owned = {id(e) for e in self.entities if any(m[0] in owners for m in e.mentions)}
        for e in self.entities:
            if gender and e.gender and e.gender != gender or self._other_country(e, countries) or id(e) in owned:
                continue
            if not e.roles:
                roleless.append(e)
                continue
            role_words = [_expand(fold(w)) for role in e.roles for part in role for w in part.text.replace("-", " ").split()]
            role_cats = set().union(*(ROLE_CATEGORIES.get(w, frozenset()) for w in role_words))
            if not cats & role_cats:
                continue
            shared = len(mods & {w[:4] for w in role_words})
            last = max((m[0] for m in e.mentions if m[0] < head.idx), default=-1)
            # Before any mention (a headline's "Analyst"), the most mentioned person is meant.
            key = (shared, last >= 0, last if last >= 0 else len(e.mentions))
            if kinds and not kinds <= {w[:4] for w in role_words}:
                continue  # "the band leader" is not the party leader: a noun saying what of is part of the role
            (same_head if heads & set(role_words) else by_category).append((key, e))
        if same_head:
            return max(same_head, key=lambda x: x[0])[1]
        if kinds and not by_category:
            return None  # "the band leader" whom no role fits is someone new, not whoever is salient
        if _definite(head) or any(c.dep_ == "poss" for c in head.children):
            salient = self.salience(head, gender)
            scored = []
            for key, e in by_category:
                if id(e) in salient:
                    scored.append((salient[id(e)][0] + CATEGORY_BONUS + SHARED_BONUS * key[0], e))
            # "Indonesia’s foreign ministry representative": someone of a country's body, which a person
            # without a role is not known to be (Vladimir Putin, salient, is not); "Obama's former
            # campaign strategist" names no country and may be the person just named
            of_body = bool(countries) and any(c.dep_ == "compound" and c.lemma_.lower() in BODY_NOUNS for c in head.children)
            for e in roleless:
                if id(e) in salient and head.lower_ not in _INSTITUTION_ROLES and not of_body:
                    scored.append((salient[id(e)][0], e))
            # "Trump charges … . The New York businessman says …": a description opening the sentence
            # names the salient person even when the article gave them another kind of role
            # "“…,” the veteran politician said" after naming the foreign minister: so may the subject
            # of a reporting verb
            if head.dep_ in SUBJECT_DEPS and _definite(head) and (
                    head.left_edge.is_sent_start or is_reporting_token(head.head, strict=False)):
                listed = {id(e) for _, e in by_category} | {id(e) for e in roleless}
                for score, _, e in salient.values():
                    if id(e) not in listed and id(e) not in owned and not self._other_country(e, countries):
                        scored.append((score - OTHER_ROLE_PENALTY, e))
            if scored:
                return max(scored, key=lambda x: x[0])[1]
        return self._named_next(head, gender, countries) or (max(by_category, key=lambda x: x[0])[1] if by_category else None)

    def _named_next(self, head, gender: str | None, countries: set[str]) -> Entity | None:
        """A description nobody before it fits, as the subject of a reporting verb (news opens with
        "Germany’s foreign minister has insisted …" and names her after): the first person the rest
        of its sentence or the next ones make the subject of a reporting verb."""
        if head.dep_ not in SUBJECT_DEPS or not (_definite(head) or any(c.dep_ == "poss" for c in head.children)):
            return None
        if any(m.start < head.idx for m in self._person_mentions):
            return None  # someone was named before: the description is not the story's opening
        last = self.sents[min(len(self.sents) - 1, self.sent_of[head.i] + CATAPHORA_REACH)].end
        for m in self._person_mentions:
            if m.start <= head.idx:
                continue
            if m.start >= self.doc[last - 1].idx:
                break
            e = m.entity
            if m.subject == 1.0 and not (gender and e.gender and e.gender != gender) and not self._other_country(e, countries):
                return e
        return None

    def _its_country(self, head) -> set[str]:
        """The country "its" stands for in "Finland must apply …, its president … said": the country
        that is the subject of a clause before it in the sentence (not any country named on the way:
        "in the wake of Russia’s attack on Ukraine")."""
        if not any(c.dep_ == "poss" and c.lower_ == "its" for c in head.children):
            return set()
        sent = self.sents[self.sent_of[head.i]]
        subjects = [t for t in self.doc[sent.start : head.i]
                    if t.dep_ in SUBJECT_DEPS and t.ent_type_ == "GPE" and not self.in_quote[t.i]]
        return _countries(subjects[-1:])

    def _other_country(self, e: Entity, countries: set[str]) -> bool:
        """Whether ``e``'s roles name countries and none of the description's ("Latvian" for "Germany’s")."""
        if not countries:
            return False
        theirs: set[str] = set()
        for role in e.roles:
            for part in role:
                span = self.doc.char_span(part.start_char, part.end_char, alignment_mode="expand")
                if span is not None:
                    theirs |= _countries(span)
        return bool(theirs) and not theirs & countries


# A letter's signature: a line of two to four capitalised words ("Jane Roe.", "Mary-Ann O’Neil").
_SIGNATURE = re.compile(r"((?:[A-Z][\w’'-]*\.?[ \t]){1,3}[A-Z][\w’'-]*[a-z][\w’'-]*)\.?")
# An op-ed's closing author's note: "Jane Roe is …", "Jane Roe, a nurse, writes …".
_AUTHOR_NOTE = re.compile(r"((?:[A-Z][\w’'-]*\.?[ \t]){1,3}[A-Z][\w’'-]*[a-z][\w’'-]*)(?:,[^,]{1,80},)?[ \t]+(?:is|was|writes|teaches|has been)\b")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
# Words an acronym skips ("Federal Bureau of Investigation": FBI).
_ACRONYM_SKIPS = frozenset({"of", "the", "for", "and", "on", "in", "&"})


def _occasion(prep) -> bool:
    """Whether a prepositional phrase says where someone in a role spoke ("a representative at a recent
    press conference"), not who they are ("a transcript of the interview", "sources in the meetings")."""
    return prep.lower_ == "at" and any(g.dep_ == "pobj" and g.lemma_.lower() in OCCASION_NOUNS for g in prep.children)


def _described_person(description: str, role: tuple[Span, ...]) -> Entity | None:
    """One person a description stands for ("senior EU diplomat", "spokeswoman for the ministry"): a
    description (lowercase) whose role, or else last word, ends in a singular role noun; else None
    (a group, a body, a thing)."""
    words = description.split()
    head = role[-1].text.split() if role else words
    last = head[-1].lower() if head else ""
    if not is_description(description) or not is_role_noun(last, last) or last.endswith("s") and not last.endswith("ss"):
        return None
    gender = GENDERED_NOUNS.get(last)
    return Entity(-1, [tuple(words)], [], [role] if role else [], gender, gender is not None)


def _initials(name: str) -> str:
    """"International Monetary Fund" -> "IMF"; "" when a word is not capitalised."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _ACRONYM_SKIPS]
    if not words or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def _after_title(doc, start: int, head: int) -> int:
    """Where the name starts in an entity NER stretched over a title ("Dutch PM Rutte", "Foreign
    Minister Ana Ruiz"): after its last role word, so the title is the person's role, not their name."""
    for i in range(head - 1, start - 1, -1):
        t = doc[i]
        if is_role_word(t) or t.lower_ in NAME_TITLES:
            return i + 1
    return start


def _subject_weight(head) -> float:
    """How much being a subject makes a mention salient: the main clause's subject or a reporting
    verb's ("McClenney said Clinton doesn’t …": McClenney) more than a subject inside a clause."""
    if head.dep_ == "appos" and head.head.dep_ in SUBJECT_DEPS:
        head = head.head  # "The Australian prime minister, Anthony Albanese, warned": the name is the subject
    if head.dep_ not in SUBJECT_DEPS:
        return 0.0
    verb = head.head
    return 1.0 if verb.dep_ == "ROOT" or is_reporting_token(verb, strict=False) else 0.5


def _chain_description(t) -> bool:
    """"The Indiana governor", "the former first lady": a definite role description without a name in
    apposition, which stands for someone already named."""
    return (t.pos_ == "NOUN" and is_role_word(t) and _definite(t)
            and not any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in t.children))


def _expand(word: str) -> str:
    """A role word written short ("gov.", "sen.") as the word a description would use."""
    return ROLE_ABBREVIATIONS.get(word, word).split()[-1]


def _indefinite(head) -> bool:
    """"a senior diplomat", "other leaders", "one official": a phrase that brings in someone new."""
    return not _definite(head) and any(c.dep_ in ("det", "amod", "nummod") and c.lower_ in INDEFINITE_WORDS
                                       for c in head.children)


def _countries(tokens) -> set[str]:
    """The countries a phrase's words name ("Germany’s", "Latvian", "Dutch"), as comparable keys."""
    out = set()
    for t in tokens:
        w = fold(_strip_possessive(t.text)).rstrip(".")
        if t.ent_type_ in ("GPE", "NORP") and t.pos_ in ("PROPN", "ADJ") and w not in NOT_NATIONS:
            out.add(COUNTRY_KEYS.get(w, w[:3]))
    return out


def _definite(head) -> bool:
    """"the commission", "the statement": a noun phrase that refers back to something named."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)


def _categories(head) -> set[str]:
    low = head.lower_
    cats = set(ROLE_CATEGORIES.get(low, ())) | set(ROLE_CATEGORIES.get(head.lemma_.lower(), ()))
    if low in ROLE_ABBREVIATIONS:
        for w in ROLE_ABBREVIATIONS[low].split():
            cats |= ROLE_CATEGORIES.get(w, frozenset())
    return cats
