"""Stage 4: the role a person holds, as the article states it, verbatim with offsets.

For each mention of a named person we collect role phrases from the parse:
* a title before the name      "Turkish Foreign Minister Mevlut Cavusoglu"
* an apposition after the name "Sinan Ulgen, head of the Istanbul-based think tank, Edam"
* the name as apposition       "Former military attaché of the Turkish embassy in Azerbaijan, General Yücel Karauz"
* a title plus an "of" phrase  "professor Huseyin Bagci of Ankara’s Middle East Technical University"
* a lowercase title set off by a comma, on either side of the name, read from the words (the parse
  often misses these appositions): "the Finnish president, Sauli Niinistö", "UK’s foreign secretary,
  Liz Truss", "Magdalena Andersson, the Swedish prime minister,"; titles with "of" inside ("US
  secretary of state Antony Blinken")
The most informative phrase (most content words) over the whole document wins.
A role is a tuple of spans because the last form is not contiguous.
"""
from __future__ import annotations

from .lexicons.roles import RELATIONAL_ROLES, is_role_noun
from .cues import is_reporting_token
from .model import Span

# An office outranks a relation to someone else ("counterpart") whatever their lengths.
RELATIONAL_PENALTY = 10
PRE_NAME_DEPS = ("compound", "amod", "nmod", "nummod", "npadvmod")
_EDGE_PUNCT = set(",;:-–—()\"'“”‘’")


def is_role_word(t) -> bool:
    return is_role_noun(t.lower_, t.lemma_.lower())


def _trim(tokens) -> list:
    tokens = list(tokens)
    # "his Australian counterpart", "whose spokesperson": the possessive pronoun points back to someone
    # else in the sentence; the role is the words after it
    while tokens and (tokens[0].text in _EDGE_PUNCT or tokens[0].dep_ == "det" or tokens[0].is_space
                      or tokens[0].tag_ in ("PRP$", "WP$")):
        tokens.pop(0)
    while tokens and (tokens[-1].text in _EDGE_PUNCT or tokens[-1].is_space):
        tokens.pop()
    return tokens


def _span(text: str, tokens) -> Span | None:
    tokens = _trim(tokens)
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Span.of(text, start, end)


def _has_role_word(tokens) -> bool:
    return any(is_role_word(t) for t in tokens)


_TITLE_POS = ("ADJ", "NOUN", "PROPN", "CCONJ", "NUM")
_PP_POS = ("ADJ", "NOUN", "PROPN", "CCONJ", "NUM", "DET", "PART", "ADP")
MAX_TITLE_TOKENS = 8


def _same_line(a, b) -> bool:
    """No line break between tokens a and b (b after a). Reads only the tokens in between:
    ``Doc.text`` would rebuild the whole document's text on every call."""
    return not any("\n" in t.text_with_ws or "\r" in t.text_with_ws for t in a.doc[a.i : b.i])


def _run(doc, start: int, step: int, allowed: tuple[str, ...], limit: int) -> list:
    """Contiguous tokens from ``start`` in direction ``step`` whose part of speech is allowed
    (hyphens inside compounds too), on one line. Contiguity, not the parse: the parse of
    long title phrases is the least reliable part of it."""
    out = []
    i = start
    while 0 <= i < len(doc) and len(out) < limit:
        t = doc[i]
        # "Retired", "newly appointed": participles tagged VBN belong to titles too, as modifiers
        # only ("had told President Putin": the verb whose object the name is is no title)
        if t.is_space or not (t.pos_ in allowed or t.text in ("-", "–") or (step < 0 and _participle_modifier(t))):
            break
        if out and not _same_line(*sorted((out[-1], t), key=lambda x: x.i)):
            break
        out.append(t)
        i += step
    return out if step > 0 else out[::-1]


def _participle_modifier(t) -> bool:
    """A participle modifying a title word ("Retired", "appointed"), not a verb governing the name."""
    return t.tag_ == "VBN" and t.dep_ in ("amod", "compound", "nmod") and t.head.i > t.i


def _title_back(doc, end: int) -> list:
    """Title words ending at token ``end`` (inclusive), read backwards: adjectives, nouns, names,
    possessives ("UK’s") and an inner "of" after a role word ("secretary of state")."""
    tokens = _run(doc, end, -1, _TITLE_POS, MAX_TITLE_TOKENS)
    while tokens and len(tokens) < MAX_TITLE_TOKENS:
        i = tokens[0].i - 1
        if i >= 1 and doc[i].tag_ == "POS" and doc[i - 1].pos_ == "PROPN" and _same_line(doc[i - 1], tokens[0]):
            more = _run(doc, i - 1, -1, ("PROPN",), 3)  # "UK’s foreign secretary"
            tokens = [*more, doc[i], *tokens]
            break
        if i >= 1 and doc[i].lower_ == "of" and is_role_word(doc[i - 1]) and _same_line(doc[i - 1], tokens[0]):
            more = _run(doc, i - 1, -1, _TITLE_POS, MAX_TITLE_TOKENS - len(tokens) - 1)
            tokens = [*more, doc[i], *tokens]
            continue
        break
    while tokens and (tokens[0].pos_ == "CCONJ" or tokens[0].text in ("-", "–")):
        tokens.pop(0)
    return tokens


def pre_name_title(doc, name_start: int) -> list:
    """Title words right before the name: "Retired Turkish Air Force major-general"."""
    tokens = _title_back(doc, name_start - 1)
    return tokens if _has_role_word(tokens) else []


def comma_title_before(doc, name_start: int) -> list:
    """ "the Finnish president, Sauli Niinistö": a title ending in a role word, then a comma."""
    if name_start < 2 or doc[name_start - 1].text != ",":
        return []
    tokens = _title_back(doc, name_start - 2)
    return tokens if tokens and is_role_word(tokens[-1]) else []


_APPOS_POS = ("ADJ", "NOUN", "PROPN", "NUM", "DET", "ADP", "CCONJ", "PART", "VERB")
MAX_APPOSITION_TOKENS = 12


def comma_title_after(doc, name_end: int) -> list:
    """ "Magdalena Andersson, the Swedish prime minister," / "Sauli Niinistö, Finland’s president":
    the words after a comma up to the next punctuation, when a role word comes early in them."""
    if name_end >= len(doc) - 1 or doc[name_end].text != ",":
        return []
    tokens = []
    for t in doc[name_end + 1 : name_end + 1 + MAX_APPOSITION_TOKENS]:
        if t.is_punct and t.text not in ("-", "–", "’s", "'s") or not _same_line(doc[name_end], t):
            break
        if t.pos_ not in _APPOS_POS and t.tag_ != "POS" or t.pos_ == "VERB" and t.tag_ not in ("VBN", "VBG"):
            return []  # "Putin, who said …", "Biden, speaking …": a clause, not a title
        tokens.append(t)
    while tokens and (tokens[-1].pos_ in ("ADP", "DET", "CCONJ", "PART") and tokens[-1].tag_ != "POS"):
        tokens.pop()
    if not tokens or tokens[0].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or any(
        t.ent_type_ == "PERSON" for t in tokens
    ):
        return []  # "Erdogan, along with Foreign Minister …": another person, not a title
    head = next((k for k, t in enumerate(tokens) if is_role_word(t)), None)
    return tokens if head is not None and head <= 4 else []


def of_phrase(doc, name_end: int) -> list:
    """ "of Ankara’s Middle East Technical University" right after a titled name."""
    if name_end >= len(doc) or doc[name_end].lower_ not in ("of", "at"):
        return []
    rest = _run(doc, name_end + 1, 1, _PP_POS, 10)
    while rest and rest[-1].pos_ in ("ADP", "DET", "CCONJ", "PART"):
        rest.pop()
    return [doc[name_end], *rest] if rest else []


_AS_ROLE_POS = ("DET", "ADJ", "NOUN", "PROPN", "PART")


def _personal(t) -> bool:
    """A word of a person's name: NER's PERSON, or a name it left untagged ("talks with Ruiz")."""
    return t.ent_type_ == "PERSON" or t.pos_ == "PROPN" and not t.ent_type_


def as_role(doc, name) -> list:
    """ "As Finland’s foreign minister, Haavisto …", "… talks with Wong on her first visit as Australia’s
    foreign minister": an "as" phrase ending in a role word is the role of the person it opens the
    sentence for, or else of the last person named before it in the sentence."""
    sent = name.root.sent
    opener = next((t for t in sent if not t.is_punct and not t.is_space), None)
    for t in sent:
        if t.lower_ != "as" or t.dep_ == "mark" or t.i + 1 >= len(doc):
            continue  # "as the nominee looks to …" opens a clause about someone, not a role
        run = _run(doc, t.i + 1, 1, _AS_ROLE_POS, MAX_TITLE_TOKENS)
        if run and run[0].tag_ == "POS":
            continue
        while run and not is_role_word(run[-1]):
            run.pop()
        if not run or run[-1].dep_ in ("nsubj", "nsubjpass") or run[-1].i + 1 < len(doc) and doc[run[-1].i + 1].lower_ == "of" or any(
                x.ent_type_ == "PERSON" for x in run):
            continue
        if t.i == opener.i:
            after = [x for x in sent if x.i > run[-1].i and _personal(x)]
            if after and name.start <= after[0].i < name.end:
                return run
        elif t.i >= name.end:
            before = [x for x in sent if x.i < t.i and _personal(x)]
            if before and name.start <= before[-1].i < name.end:
                return run
    return []


def role_candidates(doc, text: str, name) -> list[tuple[Span, ...]]:
    """Role phrases around one mention of a named person (``name`` is the span of the name)."""
    out: list[tuple[Span, ...]] = []
    head = name.root
    title = _span(text, pre_name_title(doc, name.start))
    if title:
        pp = _span(text, of_phrase(doc, name.end))
        if pp:
            out.append((title, pp))
        out.append((title,))
    for child in head.rights:
        if child.dep_ == "appos" and _has_role_word(list(child.subtree)[:6]):
            span = _span(text, [t for t in child.subtree if _same_line(head, t)])
            if span:
                out.append((span,))
    if not title:
        span = _span(text, comma_title_before(doc, name.start))
        if span:
            out.append((span,))
    # the parse may split "Finland’s president" into two appositions: the words keep it whole
    span = _span(text, comma_title_after(doc, name.end))
    if span and (span,) not in out:
        out.append((span,))
    span = _span(text, as_role(doc, name))
    if span and (span,) not in out:
        out.append((span,))
    if head.dep_ == "appos" and head.head.i < name.start and is_role_word(head.head):
        inner = {x.i for x in head.subtree}
        tokens = [t for t in head.head.subtree if t.i < name.start and t.i not in inner and _same_line(t, head)]
        span = _span(text, tokens)
        if span:
            out.append((span,))
    return out


def description_before(doc, text: str, char: int) -> tuple[Span, ...]:
    """The role of a speaker first described, then named: in "the Turkish Ambassador in Moscow
    said that … “…”, the newspaper quoted Cumhuriyet Yardim", the sentence before the quote has
    a reporting verb whose subject is a role description without a name."""
    span = doc.char_span(char, min(char + 1, len(text)), alignment_mode="expand")
    if span is None or len(span) == 0 or span[0].sent.start == 0:
        return ()
    token = span[0]
    prev = doc[token.sent.start - 1].sent
    if not _same_line(prev[0], token):
        return ()
    for v in prev:
        if not is_reporting_token(v, strict=False):
            continue
        for s in v.children:
            if s.dep_ == "nsubj" and is_role_word(s) and not s.ent_type_ == "PERSON":
                # "representative of the Treasury Ramin Toloui", "Malaysia’s foreign minister,
                # Saifuddin Abdullah": the role ends where the person's name begins
                tokens = []
                for t in s.subtree:
                    if t.i > s.i and t.ent_type_ == "PERSON":
                        break
                    if not t.is_punct:
                        tokens.append(t)
                span = _span(text, tokens)
                return (span,) if span else ()
    return ()


def informativeness(role: tuple[Span, ...]) -> int:
    """Content words in the role: more says more. A role that only relates the person to someone
    else ("his Australian counterpart") says less than any office the article gives them."""
    words = [w for part in role for w in part.text.replace("-", " ").split() if w.lower() not in ("the", "of", "a", "an")]
    relational = any(w.lower().strip(",") in RELATIONAL_ROLES for w in words[-1:])
    return len(words) - (RELATIONAL_PENALTY if relational else 0)


def best_role(candidates: list[tuple[Span, ...]]) -> tuple[Span, ...]:
    """The most informative candidate; on a tie, the first one in the text."""
    if not candidates:
        return ()
    return max(candidates, key=lambda r: (informativeness(r), -r[0].start_char))
