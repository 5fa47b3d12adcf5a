"""The pipeline, one readable function per document:

scan quotes → find cue and speaker mention → resolve mention to a person → role → (stance) → DocResult
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .classify import DEFAULT_CLASSIFIER, classify_quotes, sentence_bounds_from
from .cues import CueFinder, CueMatch
from .model import Attribution, DocResult, Quote, Span
from .nlp import load, prepare
from .quotes import paragraphs, scan_quotes
from .resolve import Entity, Resolver
from .roles import description_before

FLOATING_CONFIDENCE = 0.75
# A floating quote continues the previous speaker only across that speaker's own cue clause.
FLOATING_MAX_GAP_WORDS = 25
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


@dataclass
class _Attributed:
    quote: Quote
    entity: Entity | None = None
    speaker: str | None = None
    mention: Span | None = None
    cue: Span | None = None
    method: str | None = None
    confidence: float = 0.0


def analyze(
    text: str,
    doc: str = "",
    *,
    nlp=None,
    classifier: str | None = DEFAULT_CLASSIFIER,
    targets=None,
    host=None,
) -> DocResult:
    """Quotes in ``text`` with their speakers, roles and stances, as a DocResult named ``doc``.

    ``nlp`` is a loaded spaCy pipeline (default: the project's English pipeline). ``classifier`` names
    a registered stance classifier (None: no stance); ``targets`` are target names or Target objects
    (default: every registered target); ``host`` is a PluginHost (default: the process-wide one).
    """
    quotes = scan_quotes(text)
    if not any(q.depth == 0 and q.kind != "heading" for q in quotes):
        return DocResult(doc=doc, quotes=tuple(finalize_kind(q) for q in quotes))
    parsed = (prepare(nlp) if nlp is not None else load())(text)
    return analyze_parsed(parsed, doc, quotes=quotes, classifier=classifier, targets=targets, host=host)


def analyze_parsed(
    parsed,
    doc: str = "",
    *,
    quotes: list[Quote] | None = None,
    classifier: str | None = DEFAULT_CLASSIFIER,
    targets=None,
    host=None,
) -> DocResult:
    """Stages 2–5 on a document someone has already parsed with spaCy (the ``stance_quotes`` component)."""
    text = parsed.text
    quotes = scan_quotes(text) if quotes is None else quotes
    attributed = attribute(parsed, text, quotes)
    if classifier is None:
        return DocResult(doc=doc, quotes=tuple(attributed))
    classified, errors = classify_quotes(
        text, attributed, classifier=classifier, targets=targets, sentence_bounds=sentence_bounds_from(parsed), host=host
    )
    return DocResult(doc=doc, quotes=tuple(classified), errors=tuple(errors))


def attribute(parsed, text: str, quotes: list[Quote]) -> list[Quote]:
    """Stages 2–4 on a parsed document: cues, resolution, floating quotes, roles."""
    finder = CueFinder(parsed, text, quotes, paragraphs(text))
    resolver = Resolver(parsed, text, finder.in_quote)
    items = [_Attributed(q) for q in quotes]
    for item in items:
        match = finder.find(item.quote)
        if match is not None and match.speaker is not None:
            _apply(item, match, resolver.resolve(parsed[match.speaker]), parsed, text)
    _continue_floating(items, text)
    for item in items:
        if item.method is None:
            match = finder.find_previous_sentence(item.quote)
            if match is not None and match.speaker is not None:
                _apply(item, match, resolver.resolve(parsed[match.speaker]), parsed, text)
    for item in items:
        if item.entity is not None and not item.entity.roles:
            role = description_before(parsed, text, item.quote.outer.start_char)
            if role:
                item.entity.roles.append(role)
    return [_finish(item) for item in items]


def _apply(item: _Attributed, match: CueMatch, res, parsed, text: str) -> None:
    # An unresolved mention ("I said", "they said") is still recorded: we know where the
    # speaker is mentioned and by which cue, just not who it is.
    cue_tokens = parsed[match.cue_start : match.cue_end]
    item.cue = Span.of(text, cue_tokens.start_char, cue_tokens.end_char)
    item.entity, item.speaker, item.mention = res.entity, res.speaker, res.mention
    item.method, item.confidence = match.method, match.confidence


def _gap_is_cue_clause(prev: _Attributed, q: Quote, text: str) -> bool:
    """Nothing but the previous quote's own cue clause lies between the two quotes."""
    gap_start, gap_end = prev.quote.outer.end_char, q.outer.start_char
    gap = text[gap_start:gap_end]
    if not gap.strip(" \t\r\n\u00a0.,;:"):
        return True
    if prev.cue is None or not gap_start <= prev.cue.start_char < gap_end:
        return False
    return len(gap.split()) <= FLOATING_MAX_GAP_WORDS and len(_SENTENCE_END.findall(gap)) <= 1


def _continue_floating(items: list[_Attributed], text: str) -> None:
    """A full quote with no cue continues the previous quote's speaker (same or next paragraph)."""
    prev = None
    for item in items:
        q = item.quote
        if q.depth:
            continue
        if (
            item.speaker is None
            and q.kind == "full"
            and prev is not None
            and prev.speaker is not None
            and q.paragraph - prev.quote.paragraph <= 1
            and _gap_is_cue_clause(prev, q, text)
        ):
            item.entity, item.speaker, item.mention, item.cue = prev.entity, prev.speaker, prev.mention, None
            item.method, item.confidence = "floating", round(prev.confidence * FLOATING_CONFIDENCE, 3)
        prev = item


def finalize_kind(q: Quote) -> Quote:
    """A short fragment nobody is said to have said is a scare quote."""
    if q.kind == "partial" and q.speaker is None and q.cue is None:
        return q.with_(kind="scare")
    return q


def _finish(item: _Attributed) -> Quote:
    q = item.quote
    if item.method is not None:
        entity = item.entity
        q = q.with_(
            speaker=entity.canonical if entity else item.speaker,
            speaker_mention=item.mention,
            role=entity.role if entity else (),
            cue=item.cue,
            attribution=Attribution(item.method, item.confidence),
        )
    return finalize_kind(q)
