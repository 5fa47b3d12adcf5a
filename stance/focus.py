"""Partial parsing: blank out the paragraphs attribution cannot need, keeping every offset.

Most of a news article holds no quotation. The engine needs the parse only around the quotes: the
paragraphs that hold them, their neighbours (cues in the next paragraph, "…, Schiff said." before),
the paragraphs a pronoun may reach back to, and any paragraph that names someone also named there
(where "Smith" is introduced as "Senator John Smith"). Every other paragraph is replaced by spaces
of the same length (line breaks kept), so the parser sees one whitespace token instead of a
paragraph, and every character offset into the original text stays exact.
"""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from .model import Quote
from .quotes import Paragraph, paragraphs

# Paragraphs before a quote that a pronoun may reach back to (the resolver looks back this far too).
from .resolve import PRONOUN_WINDOW

NEIGHBOURS = 1
# How many earlier paragraphs naming someone a pronoun's antecedent search must see.
PRONOUN_REACH = 2
# A capitalised word that may be part of a name ("Cavusoglu", "NATO"), not a sentence opener; a
# period after a capital is an initial, not a sentence end ("George H.W. Bush").
_NAME_WORD = re.compile(r"(?<![^A-Z][.!?]\s)(?<!^)\b[A-Z][\w’'-]{2,}")
_BLANK = re.compile(r"[^\r\n]")


def _name_words(s: str) -> set[str]:
    return {w for w in _NAME_WORD.findall(s) if w.lower() not in STOP_WORDS}


def focus_paragraphs(text: str, quotes: list[Quote], paras: list[Paragraph] | None = None) -> set[int]:
    """Indexes of the paragraphs to parse."""
    paras = paragraphs(text) if paras is None else paras
    # name words of each paragraph, computed once (every quote looks back over the same paragraphs)
    names_in = [_name_words(text[p.start : p.end]) for p in paras]
    keep: set[int] = set()
    for q in quotes:
        if q.depth or q.kind == "heading":
            continue
        first = q.paragraph
        last = first + max(0, len(q.parts) - 1)
        lo, hi = max(0, first - NEIGHBOURS), min(len(paras) - 1, last + NEIGHBOURS)
        # reach back, within the pronoun window, to the PRONOUN_REACH nearest paragraphs that name someone
        named, j = 0, lo
        while j > 0 and named < PRONOUN_REACH and paras[first].start - paras[j - 1].start <= PRONOUN_WINDOW:
            j -= 1
            if names_in[j]:
                named += 1
        keep.update(range(j, hi + 1))
    if not keep:
        return keep
    names = set().union(*(names_in[i] for i in keep))
    keep.update(p.index for p in paras if not names.isdisjoint(names_in[p.index]))
    return keep


def focus_text(text: str, quotes: list[Quote]) -> str:
    """``text`` with every paragraph outside focus_paragraphs replaced by spaces (same length)."""
    paras = paragraphs(text)
    keep = focus_paragraphs(text, quotes, paras)
    if len(keep) == len(paras):
        return text
    out, pos = [], 0
    for p in paras:
        if p.index in keep:
            continue
        out.append(text[pos : p.start])
        out.append(_BLANK.sub(" ", text[p.start : p.end]))
        pos = p.end
    out.append(text[pos:])
    blanked = "".join(out)
    assert len(blanked) == len(text)
    return blanked
