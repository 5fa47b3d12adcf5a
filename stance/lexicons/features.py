"""Word lists the trained classifier's features use (stance.features)."""
from __future__ import annotations

from .stance_cues import NEGATORS as _CUE_NEGATORS

# Words that negate what follows them up to the next punctuation ("will never leave", "no plans to"):
# the lexicon classifier's, plus "cannot", which the parser splits but a word tokenizer does not.
NEGATORS = _CUE_NEGATORS | {"cannot"}

# Words at the start of a quote that point back to something the previous sentence named
# ("It is a grave mistake", "This decision …", "The move …").
PRONOUN_REFERENCES = frozenset({
    "it", "this", "that", "these", "those", "they", "them", "such", "move", "decision", "step", "bid",
    "plan", "deal", "idea", "proposal",
})
