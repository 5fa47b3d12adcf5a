"""Reporting cues: the verbs and phrases that introduce or attribute speech.

Lemmas, lowercase. Sources: the speech-act verb lists used in quote-attribution
work (PARC/PolNeAR cue annotations, Muzny et al.'s sieve system) plus news usage.
"""
from __future__ import annotations

REPORTING_VERBS = frozenset(
    """
    accept accuse acknowledge add address admit advise advocate affirm agree allege announce answer
    apologize apologise argue articulate ask assert assure attest aver avow badger bark beg believe blast boast brag
    breathe brief call caution challenge charge chide chime chuckle claim clarify comment complain concede conclude
    condemn confess confide confirm consider contend continue counter cry declare decry defend demand deny
    describe dismiss dispute echo elaborate emphasise emphasize encourage endorse estimate exclaim explain express
    fear figure fret fume grumble guarantee guess hail highlight hint hold holler hope implore indicate inform
    insist instruct interject interrupt joke lament laud laugh lecture lie mention muse mutter nod note notice
    object observe opine order outline plead pledge point ponder post praise predict proclaim promise pronounce
    propose protest prove quip quote rail rant reaffirm realize reason reassure rebut recall reckon recommend
    recount refer reflect refute regret reiterate reject rejoin relate remark remind repeat reply report request
    respond retort reveal roar rule say scoff scold scream shout shrug sigh sneer snap speak speculate state
    stress submit suggest summarize summarise surmise swear tease tell testify thank think threaten tout
    tweet underline underscore urge vow warn wonder worry write yell
    """.split()
)

# Verbs whose OBJECT, not subject, is the speaker: "the newspaper quoted X".
OBJECT_SPEAKER_VERBS = frozenset({"quote", "cite"})

# Nouns that make a preposition phrase a cue: "according to X", "in the words of X".
ACCORDING_TO = (("according", "to"), ("in", "the", "words", "of"), ("per",))

# Multiword cues recorded as such (the verb's lemma alone would also match).
MULTIWORD_CUES = (
    "pointed out", "told reporters", "was quoted as saying", "went on to say", "made clear",
    "wrote on twitter", "said in a statement", "according to", "in the words of", "added that",
)

# Verbs that speak of speech only with a complement (not on their own): excluded
# when they have no clausal complement and no quote in their subtree.
WEAK_VERBS = frozenset({"add", "continue", "hold", "call", "post", "write", "point", "figure", "consider", "think",
                        "believe", "hope", "fear", "worry", "express", "address", "describe", "order"})
