"""The pipeline, one readable function per document:

scan quotes → find cue and speaker mention → resolve mention to a person → role → (stance) → DocResult

With ``kinds`` including "indirect", reported speech (``stance.reported``) joins the direct quotes after
the cue stage and goes through the same resolution, role and stance stages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .classify import DEFAULT_CLASSIFIER, classify_quotes, sentence_bounds_from
from .cues import CueFinder, CueMatch
from .errors import InputError
from .focus import focus_text
from .headlines import headline_name, known_name, quoted_from
from .model import Attribution, DocResult, Quote, Span, parse_kinds
from .nlp import load, prepare
from .quotes import paragraph_at, paragraphs, scan_quotes
from .reported import Reported, find_reported
from .resolve import Entity, Resolver
from .roles import description_before

FLOATING_CONFIDENCE = 0.75
# A fragment inside a reported clause, attributed through that clause's cue.
FRAGMENT_CONFIDENCE = 0.9
# A headline's own "‘…’: Name" or "…, Name tells X"; a headline echoing words the story attributes.
HEADLINE_CONFIDENCE = 0.7
ECHO_CONFIDENCE = 0.6
# Longer documents are analysed in paragraph-aligned pieces (spaCy's own limit is nlp.max_length,
# and a parse needs about 1 GB of memory per 100,000 characters).
MAX_CHUNK_CHARS = 200_000
# A floating quote continues the previous speaker only across that speaker's own cue clause.
FLOATING_MAX_GAP_WORDS = 25
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
# Between two coordinated fragments of one sentence: ", ", " and ", ", or a " (never a line break).
_COORDINATION = re.compile(r"[ \t\u00a0]*(?:,[ \t\u00a0]*(?:(?:and|or)[ \t\u00a0]+)?|(?:and|or)[ \t\u00a0]+)(?:(?:a|an|the)[ \t\u00a0]+)?")


@dataclass
class _Attributed:
    quote: Quote
    entity: Entity | None = None
    speaker: str | None = None
    mention: Span | None = None
    cue: Span | None = None
    method: str | None = None
    confidence: float = 0.0
    role: tuple = ()  # an unnamed speaker's role (a named one's comes from its entity)


def analyze(
    text: str,
    doc: str = "",
    *,
    nlp=None,
    classifier: str | None = DEFAULT_CLASSIFIER,
    targets=None,
    host=None,
    full_parse: bool = False,
    kinds=None,
) -> DocResult:
    """Quotes in ``text`` with their speakers, roles and stances, as a DocResult named ``doc``.

    ``kinds``: which statements to report, "direct" (quotations in marks; the default), "indirect"
    (reported speech, "X said Turkey would …") or both ("direct,indirect" or a list).
    By default only the paragraphs attribution of direct quotes needs are parsed (``stance.focus``);
    reported speech needs the whole text parsed, and so does ``full_parse=True`` (same results, slower;
    kept to check exactly that).

    ``nlp`` is a loaded spaCy pipeline (default: the project's English pipeline). ``classifier`` names
    a registered stance classifier (None: no stance); ``targets`` are target names or Target objects
    (default: every registered target); ``host`` is a PluginHost (default: the process-wide one).
    """
    kinds = parse_kinds(kinds)
    quotes = scan_quotes(require_text(text))
    if not needs_parse(quotes, kinds, text):
        return DocResult(doc=doc, quotes=tuple(finalize_kind(q) for q in quotes if "direct" in kinds))
    parse = prepare(nlp) if nlp is not None else load()
    if too_long(text, parse):
        return _analyze_in_chunks(text, doc, quotes, nlp=parse, classifier=classifier, targets=targets, host=host, kinds=kinds)
    parsed = parse(parse_input(text, quotes, full_parse, kinds))
    return analyze_parsed(parsed, doc, quotes=quotes, classifier=classifier, targets=targets, host=host, text=text, kinds=kinds)


def require_text(text) -> str:
    """``text`` itself, or InputError if it is not a str (bytes, None, …)."""
    if not isinstance(text, str):
        raise InputError(f"expected the article as str, not {type(text).__name__}; decode bytes first")
    return text


def too_long(text: str, parse) -> bool:
    """Longer than one parse should take: analysed in paragraph-aligned pieces instead."""
    return len(text) > min(parse.max_length, MAX_CHUNK_CHARS)


def needs_parse(quotes: list[Quote], kinds=("direct",), text: str = "") -> bool:
    """Whether any quote could have a speaker (headings never do), or reported speech is wanted in a text
    with words: otherwise no parse is needed."""
    if "indirect" in kinds and text.strip():
        return True
    return any(q.depth == 0 and q.kind != "heading" for q in quotes)


def parse_input(text: str, quotes: list[Quote], full_parse: bool, kinds=("direct",)) -> str:
    """What the parser reads: the whole text when reported speech is wanted (it may be anywhere) or
    ``full_parse`` asks for it, else only the paragraphs around quotes (``stance.focus``)."""
    return text if full_parse or "indirect" in kinds else focus_text(text, quotes)


def _chunks(text: str, quotes: list[Quote], size: int) -> list[tuple[int, int, int]]:
    """(start, end, first paragraph index) of paragraph-aligned pieces of at most ~``size`` characters,
    never cutting through a quotation."""
    paras = paragraphs(text)
    inside = [(q.outer.start_char, q.outer.end_char) for q in quotes if q.depth == 0]
    out: list[tuple[int, int, int]] = []
    start, first = 0, 0
    for p in paras:
        cut = p.end
        if cut - start >= size and not any(a < cut < b for a, b in inside):
            out.append((start, cut, first))
            start, first = cut, p.index + 1
    if start < len(text) or not out:
        out.append((start, len(text), first))
    return out


def _analyze_in_chunks(text: str, doc: str, quotes: list[Quote], **options) -> DocResult:
    """A document longer than the parser takes, analysed piece by piece with exact offsets.

    Each piece is a run of whole paragraphs; its results are shifted back into the document. A
    pronoun cannot reach back into an earlier piece: pieces are large enough for that to be rare.
    """
    out: list[Quote] = []
    errors: list[str] = []
    for start, end, first_para in _chunks(text, quotes, MAX_CHUNK_CHARS // 2):
        part = analyze(text[start:end], doc, **options)
        out.extend(shift_quote(q, start, first_para) for q in part.quotes)
        errors.extend(e for e in part.errors if e not in errors)
    return DocResult(doc=doc, quotes=tuple(out), errors=tuple(errors))


def shift_quote(q: Quote, chars: int, paras: int) -> Quote:
    """``q`` with every offset moved by ``chars`` and its paragraph index by ``paras``."""

    def move(x):
        if isinstance(x, dict):
            y = {k: move(v) for k, v in x.items()}
            if "start_char" in y and "end_char" in y:
                y["start_char"] += chars
                y["end_char"] += chars
            return y
        if isinstance(x, list):
            return [move(v) for v in x]
        return x

    d = move(q.to_dict())
    d["paragraph"] += paras
    return Quote.from_dict(d)


def analyze_parsed(
    parsed,
    doc: str = "",
    *,
    quotes: list[Quote] | None = None,
    classifier: str | None = DEFAULT_CLASSIFIER,
    targets=None,
    host=None,
    text: str | None = None,
    kinds=None,
) -> DocResult:
    """Stages 2–5 on a document someone has already parsed with spaCy (the ``stance_quotes`` component).

    Reported speech (``kinds`` with "indirect") is looked for only in what was parsed."""
    kinds = parse_kinds(kinds)
    text = parsed.text if text is None else text
    quotes = scan_quotes(text) if quotes is None else quotes
    attributed = [q for q in attribute(parsed, text, quotes, indirect="indirect" in kinds) if q.statement_kind in kinds]
    if classifier is None:
        return DocResult(doc=doc, quotes=tuple(attributed))
    classified, errors = classify_quotes(
        text, attributed, classifier=classifier, targets=targets, sentence_bounds=sentence_bounds_from(parsed), host=host, parsed=parsed
    )
    return DocResult(doc=doc, quotes=tuple(classified), errors=tuple(errors))


def attribute(parsed, text: str, quotes: list[Quote], indirect: bool = False) -> list[Quote]:
    """Stages 2–4 on a parsed document: cues, resolution, floating quotes, roles; with ``indirect``,
    reported speech too, merged with the quotes in text order."""
    paras = paragraphs(text)
    finder = CueFinder(parsed, text, quotes, paras)
    resolver = Resolver(parsed, text, finder.in_quote)
    items = [_Attributed(q) for q in quotes]
    for item in items:
        match = finder.find(item.quote)
        if match is not None and match.speaker is not None:
            if item.quote.kind == "scare":  # "X used the phrase “…”": words someone says after all
                item.quote = item.quote.with_(kind="partial")
            _apply(item, match, resolver.resolve(parsed[match.speaker], named=match.named), parsed, text)
            # the last speaker is the most salient antecedent for the next "he said"
            resolver.note_speaker(item.quote.outer.start_char, item.entity, item.speaker, item.role)
    _continue_floating(items, text)
    for item in items:
        if item.method is None:
            match = finder.find_previous_sentence(item.quote)
            if match is not None and match.speaker is not None:
                _apply(item, match, resolver.resolve(parsed[match.speaker], named=match.named), parsed, text)
    # a quote attributed just now from the sentence before it lends its speaker to its own continuation
    _continue_floating(items, text)
    _headline_speakers(items, text, resolver)
    # reported clauses are looked for only when reported speech is wanted or a fragment still lacks a speaker
    unspoken = any(item.method is None and item.quote.depth == 0 and item.quote.kind == "partial" for item in items)
    reported = find_reported(finder) if indirect or unspoken else []
    _fragments_in_reported_speech(items, reported, finder, resolver, parsed, text)
    # a fragment still without a speaker may go on paraphrasing the person the sentence before reports
    for item in items:
        if item.method is None:
            match = finder.find_continued(item.quote)
            if match is not None:
                _apply(item, match, resolver.resolve(parsed[match.speaker], named=match.named), parsed, text)
    if indirect:
        # reported speech learns no roles: the quotations are the same with it or without it
        resolver.learn_roles = False
        items.extend(_reported_item(r, resolver.resolve(parsed[r.speaker]), parsed, text, paras) for r in reported)
        items.sort(key=lambda item: (item.quote.outer.start_char, -item.quote.outer.end_char, item.quote.kind == "indirect"))
    for item in items:
        if item.entity is not None and not item.entity.roles and item.quote.kind != "indirect":
            role = description_before(parsed, text, item.quote.outer.start_char)
            if role:
                item.entity.roles.append(role)
    return [_finish(item) for item in items]


def _apply(item: _Attributed, match: CueMatch, res, parsed, text: str) -> None:
    # An unresolved mention ("I said", "they said") is still recorded: we know where the
    # speaker is mentioned and by which cue, just not who it is.
    _attribute_to(item, res, parsed[match.cue_start : match.cue_end], text, match.method, match.confidence)


def _attribute_to(item: _Attributed, res, cue_tokens, text: str, method: str, confidence: float) -> None:
    """Give ``item`` the resolved speaker ``res``, the cue spanning ``cue_tokens`` and how it was found."""
    item.cue = Span.of(text, cue_tokens.start_char, cue_tokens.end_char)
    item.entity, item.speaker, item.mention, item.role = res.entity, res.speaker, res.mention, res.role
    item.method, item.confidence = method, confidence


def _fragments_in_reported_speech(
    items: list[_Attributed], reported: list[Reported], finder: CueFinder, resolver: Resolver, parsed, text: str
) -> None:
    """A fragment nobody was found to say, inside a clause someone is reported to have said ("Erdoğan said
    the two countries would walk “hand in hand”" where the parse does not tie the verb to the fragment):
    the fragment is that person's words, as in a mixed quote. A title in marks stays nobody's
    ("Okafor argues that the best film is “Twelve Angry Men”")."""
    for item in items:
        q = item.quote
        if item.method is not None or q.depth or q.kind != "partial" or finder.is_title(q):
            continue
        around = [r for r in reported if any(s <= q.outer.start_char and q.outer.end_char <= e for s, e in r.pieces)]
        if not around:
            continue
        r = min(around, key=lambda r: r.end_char - r.start_char)  # the innermost clause speaks
        res = resolver.resolve(parsed[r.speaker])
        _attribute_to(item, res, parsed[r.cue_start : r.cue_end], text, "reported.fragment",
                      round(r.confidence * FRAGMENT_CONFIDENCE, 3))


def _reported_item(r: Reported, res, parsed, text: str, paras) -> _Attributed:
    """A reported clause as an attributed quote of kind "indirect" (no marks: outer = content)."""
    content = Span.of(text, r.start_char, r.end_char)
    parts = tuple(Span.of(text, s, e) for s, e in r.pieces) if len(r.pieces) > 1 else ()
    para = paragraph_at(paras, r.start_char, paras[0]).index if paras else 0
    item = _Attributed(Quote(content=content, outer=content, kind="indirect", paragraph=para, parts=parts))
    _attribute_to(item, res, parsed[r.cue_start : r.cue_end], text, r.method, r.confidence)
    return item


def _gap_is_cue_clause(prev: _Attributed, q: Quote, text: str) -> bool:
    """Nothing but the previous quote's own cue clause lies between the two quotes."""
    gap_start, gap_end = prev.quote.outer.end_char, q.outer.start_char
    gap = text[gap_start:gap_end]
    if not gap.strip(" \t\r\n\u00a0.,;:"):
        return True
    if prev.cue is None or not gap_start <= prev.cue.start_char < gap_end:
        return False
    return len(gap.split()) <= FLOATING_MAX_GAP_WORDS and len(_SENTENCE_END.findall(gap)) <= 1


def _coordinated(prev: _Attributed, q: Quote, text: str) -> bool:
    """Two fragments joined by a conjunction: “Miss Piggy” and “Miss Housekeeping”, a “human leech”
    and a “spoiled brat”: the second is the first one's speaker's too."""
    if q.kind not in ("partial", "full") or prev.quote.kind not in ("partial", "full"):
        return False  # headings and scare quotes never speak
    return _COORDINATION.fullmatch(text[prev.quote.outer.end_char : q.outer.start_char]) is not None


def _continue_floating(items: list[_Attributed], text: str) -> None:
    """A full quote with no speaker continues the previous quote's speaker (same or next paragraph).

    A quote with a cue of its own whose mention did not resolve ("“…,” it added.") keeps that cue and
    mention: the mention is where the text names this quote's speaker, the previous quote says who."""
    prev = None
    for item in items:
        q = item.quote
        if q.depth:
            continue
        if (
            item.speaker is None
            and prev is not None
            and prev.speaker is not None
            and q.paragraph - prev.quote.paragraph <= 1
            and (q.kind == "full" and _gap_is_cue_clause(prev, q, text) or _coordinated(prev, q, text))
        ):
            if item.cue is None:
                item.mention = prev.mention
            item.entity, item.speaker, item.role = prev.entity, prev.speaker, prev.role
            item.method, item.confidence = "floating", round(prev.confidence * FLOATING_CONFIDENCE, 3)
        prev = item


def _headline_speakers(items: list[_Attributed], text: str, resolver: Resolver) -> None:
    """Quotes in the headline (the first of several paragraphs): the name the headline gives
    ("‘…’: Kiril Petkov on …", "…, Ardern tells Nato") where it names a person of the story or no
    story quote has the same words, else the speaker of a quote in the story with the same words. An
    attributed headline quote is speech, no longer a heading."""
    paras = paragraphs(text)
    if len(paras) < 2:
        return
    line_end = paras[0].end
    for item in items:
        q = item.quote
        if q.depth or q.paragraph != 0 or q.outer.end_char > line_end:
            continue
        found = headline_name(text[q.outer.end_char : line_end])
        named = None
        if found is not None:
            start, end = q.outer.end_char + found[0], q.outer.end_char + found[1]
            named = known_name(text[start:end], resolver.entities)
        echo = None
        if item.speaker is None and (named is None or named[1] is None):
            # The story attributing the same words is better evidence than a capitalised word after
            # the colon that names nobody the story quotes ("‘I’m a little surprised’: Nato summit
            # venue serves …" quotes the journalist the story quotes, not Nato).
            echo = next((o for o in items if o.speaker is not None and o.quote.paragraph > 0 and o.quote.depth == 0
                         and quoted_from(q.content.text, o.quote.content.text)), None)
        if echo is not None:
            item.speaker, item.entity, item.mention = echo.speaker, echo.entity, echo.mention
            item.method, item.confidence = "headline.echo", ECHO_CONFIDENCE
        elif named is not None:
            item.speaker, item.entity = named
            item.mention, item.cue = Span.of(text, start, end), None
            item.method, item.confidence = "headline", HEADLINE_CONFIDENCE
        elif item.speaker is None:
            continue
        if q.kind == "heading":
            item.quote = q.with_(kind="full" if q.content.text[:1].isupper() and len(q.content.text.split()) > 3 else "partial")


def finalize_kind(q: Quote) -> Quote:
    """A short fragment nobody is said to have said is a scare quote."""
    if q.kind == "partial" and q.speaker is None and q.cue is None:
        return q.with_(kind="scare")
    return q


def _finish(item: _Attributed) -> Quote:
    q = item.quote
    if item.method is not None:
        entity = item.entity
        speaker = entity.canonical if entity else item.speaker
        q = q.with_(
            # a name, not a span: one plain space between words, whatever the text has there
            # ("Prime Minister Anna\u00a0 Petrova", a phrase running over a line break)
            speaker=" ".join(speaker.split()) if speaker else speaker,
            speaker_mention=item.mention,
            role=entity.role if entity else item.role,
            cue=item.cue,
            attribution=Attribution(item.method, item.confidence),
        )
    return finalize_kind(q)
