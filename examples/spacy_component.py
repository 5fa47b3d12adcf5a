"""Use stance inside an existing spaCy pipeline: nlp.add_pipe("stance_quotes") sets doc._.quotes.

    python examples/spacy_component.py
"""
from __future__ import annotations

import spacy

from stance.nlp import DEFAULT_MODEL, prepare

TEXT = (
    "NATO ministers met in Brussels.\n"
    "“Turkey is a highly valued ally, and NATO stands in solidarity with Turkey,” "
    "NATO Secretary-General Jens Stoltenberg said.\n"
)


def main() -> None:
    nlp = spacy.load(DEFAULT_MODEL)   # any installed English pipeline with a parser and NER
    prepare(nlp)                      # optional: line breaks end sentences (better for news)
    nlp.add_pipe("stance_quotes")     # registered through spaCy's entry points on install
    doc = nlp(TEXT)
    for q in doc._.quotes:
        stances = ", ".join(f"{target}={s.label}" for target, s in q.stance.items())
        print(f"{q.speaker} ({q.role_text}): {q.text[:50]}… [{stances}]")


if __name__ == "__main__":
    main()
