"""Use stance inside an existing spaCy pipeline: nlp.add_pipe("stance_quotes") sets doc.spans["quotes"].

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
    for span in doc.spans["quotes"]:  # spaCy Spans; doc._.quotes has the same as stance.Quote objects
        stances = ", ".join(f"{target}={label}" for target, label in span._.stance.items())
        print(f"{span._.speaker} ({span._.role}): {span.text[:50]}… [{stances}]")


if __name__ == "__main__":
    main()
