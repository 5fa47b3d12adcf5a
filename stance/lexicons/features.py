"""Word lists the trained classifier's features use (stance.features)."""
from __future__ import annotations

# Words that negate what follows them up to the next punctuation ("will never leave", "no plans to").
NEGATORS = frozenset({
    "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "cannot", "without", "hardly",
})

# Words at the start of a quote that point back to something the previous sentence named
# ("It is a grave mistake", "This decision …", "The move …").
PRONOUN_REFERENCES = frozenset({
    "it", "this", "that", "these", "those", "they", "them", "such", "move", "decision", "step", "bid",
    "plan", "deal", "idea", "proposal",
})
