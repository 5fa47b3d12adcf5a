"""Stage 3: resolve a speaker mention to one canonical entity per document.

* Names: every named person in the document becomes an entity; later mentions
  (surname, title + surname, possessive, a misspelling within edit distance) join
  it. Two names whose first names conflict are never merged.
* Pronouns (he/she) go to the most recent compatible person named outside quotes;
  relative pronouns (who) to the noun they modify.
* Descriptions ("Turkey’s top diplomat", "the NATO chief", "the Turkish FM") go to
  the person whose role shares the description's category and modifiers; with no
  such person the description itself is the (unnamed) speaker.
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .lexicons.roles import (
    GENDERED_NOUNS,
    HONORIFICS,
    NAME_TITLES,
    PERSONAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_ABBREVIATIONS,
    ROLE_CATEGORIES,
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
    words = [_strip_possessive(t.text) for t in tokens if not t.is_punct and t.dep_ != "case"]
    while words and (words[0].lower() in NAME_TITLES or words[0].lower() in HONORIFICS or words[0].lower() in ROLE_CATEGORIES):
        words.pop(0)
    return tuple(w for w in words if w)


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


@dataclass
class Resolution:
    speaker: str | None
    entity: Entity | None
    mention: Span | None


class Resolver:
    def __init__(self, doc, text: str, in_quote: list[bool]):
        self.doc = doc
        self.text = text
        self.in_quote = in_quote
        self.entities: list[Entity] = []
        self._person_mentions: list[tuple[int, Entity, str]] = []  # (char start, entity, dep) outside quotes
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self.add_name(ent)

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
            return self.doc[start:end]
        start = head.i
        while start > 0 and self.doc[start - 1].pos_ == "PROPN" and self.doc[start - 1].dep_ in ("compound", "flat"):
            start -= 1
        return self.doc[start : head.i + 1]

    def add_name(self, span) -> Entity | None:
        words = name_tokens(span)
        if not words or not words[-1][:1].isupper():
            return None
        head = span.root
        candidates = [e for e in self.entities if any(names_compatible(words, n) for n in e.names)]
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
        entity.roles.extend(role_candidates(self.doc, self.text, span))
        self._gender_evidence(entity, span)
        if not self.in_quote[head.i]:
            self._person_mentions.append((span.start_char, entity, head.dep_))
        return entity

    def _gender_evidence(self, entity: Entity, span) -> None:
        before = self.doc[span.start - 1] if span.start > 0 else None
        for t in [before, *span]:
            if t is not None and t.lower_ in HONORIFICS and HONORIFICS[t.lower_]:
                entity.gender = HONORIFICS[t.lower_]

    # -- resolving a mention ----------------------------------------------------
    def mention_span(self, head) -> Span:
        tokens = [t for t in self.doc[head.left_edge.i : head.i + 1]]
        ent = self._name_span_of(head) if head.pos_ == "PROPN" else None
        if ent is not None and ent.end > head.i + 1:
            tokens = list(self.doc[tokens[0].i : ent.end])
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        return Span.of(self.text, start, end)

    def resolve(self, head, named: bool = False) -> Resolution:
        """Who the mention headed by ``head`` is; ``named``: it is a person's name whatever NER says."""
        low = head.lower_
        if low in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            res = self.resolve(head.head.head)
            return Resolution(res.speaker, res.entity, Span.of(self.text, head.idx, head.idx + len(head)))
        mention = self.mention_span(head)
        if low in PERSONAL_PRONOUNS:
            entity = self.antecedent(head.idx, PERSONAL_PRONOUNS[low])
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
        if is_role_word(head):
            entity = self.describe(head)
            if entity is not None:
                return Resolution(entity.canonical, entity, mention)
        return Resolution(self.unnamed(head), None, mention)

    def unnamed(self, head) -> str | None:
        """An unnamed source or organisation: its noun phrase without the article."""
        if head.pos_ == "PRON":
            return None
        tokens = [t for t in self.doc[head.left_edge.i : head.i + 1] if t.dep_ != "det"]
        return " ".join(t.text for t in tokens) or None

    def antecedent(self, char: int, gender: str | None) -> Entity | None:
        for start, entity, _dep in sorted(self._person_mentions, key=lambda m: m[0], reverse=True):
            if start >= char:
                continue
            if char - start > PRONOUN_WINDOW:
                break
            if gender and entity.gender and entity.gender != gender:
                continue
            return entity
        return None

    def describe(self, head) -> Entity | None:
        """The person a description such as "Turkey’s top diplomat" refers to."""
        words = [t for t in self.doc[head.left_edge.i : head.i + 1] if not t.is_punct and t.dep_ not in ("det", "case")]
        cats = _categories(head)
        if not cats:
            return None
        mods = {fold(t.text)[:4] for t in words if t.i != head.i and len(t.text) > 2}
        gender = GENDERED_NOUNS.get(head.lower_)
        best, best_key = None, None
        for e in self.entities:
            role = e.role
            if not role:
                continue
            role_words = [w for part in role for w in part.text.replace("-", " ").split()]
            role_cats = set().union(*(ROLE_CATEGORIES.get(fold(w), frozenset()) for w in role_words))
            if not cats & role_cats or (gender and e.gender and e.gender != gender):
                continue
            shared = len(mods & {fold(w)[:4] for w in role_words})
            last = max((m[0] for m in e.mentions if m[0] < head.idx), default=-1)
            # Before any mention (a headline's "Analyst"), the most mentioned person is meant.
            key = (shared, last >= 0, last if last >= 0 else len(e.mentions))
            if best_key is None or key > best_key:
                best, best_key = e, key
        return best


def _categories(head) -> set[str]:
    low = head.lower_
    cats = set(ROLE_CATEGORIES.get(low, ())) | set(ROLE_CATEGORIES.get(head.lemma_.lower(), ()))
    if low in ROLE_ABBREVIATIONS:
        for w in ROLE_ABBREVIATIONS[low].split():
            cats |= ROLE_CATEGORIES.get(w, frozenset())
    return cats
