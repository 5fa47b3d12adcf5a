"""Stance cues for the built-in lexicon classifier: lemmas (lowercase) grouped by how they bear on a target.

How each group is read (see stance.classifiers.lexicon):

* EVALUATIVE words judge what they modify or describe: "a highly valued ally", "NATO is evil",
  "respond in an evasive manner", "fundamental to NATO".
* HOSTILE acts make their agent the aggressor and their patient the victim: "Russia invaded",
  "an attack on any ally" (against the agent; weak sympathy for the patient).
* SUPPORTIVE acts make their agent a benefactor: "Moscow guarantees", "NATO stands in solidarity".
* ATTITUDES are the subject's stance towards the object: "we will not tolerate NATO restricting…",
  "I welcome…", "we condemn…". They count fully when the subject is the speaker (I/we or no subject).

Negation ("not", "never", "no", "in no way") flips a cue; conditionals and questions weaken it.
Sources: general-purpose opinion lexicons (positive/negative evaluation) trimmed to the vocabulary of
security and foreign-policy news, plus news usage; words whose polarity depends on the target
("sanctions", "arms") are left out on purpose.
"""
from __future__ import annotations

POSITIVE_EVALUATIVE = frozenset(
    """
    valued valuable fundamental essential vital indispensable crucial strong stronger strongest solid
    reliable trustworthy trusted loyal faithful steadfast solidarity unity united friend friendly friendship
    important great good best excellent successful success stable stability peace peaceful secure
    legitimate justified brave heroic hero honorable honourable respected credible effective
    cornerstone backbone pillar bulwark guarantor partner partnership commitment committed dedicated
    prosperity prosperous fair wise responsible constructive beneficial benefit useful
    admirable remarkable glorious glory liberation liberator
    """.split()
)

NEGATIVE_EVALUATIVE = frozenset(
    """
    evasive pointless useless crappy evil bad worse worst wrong aggressive hostile dangerous danger
    reckless irresponsible hypocritical hypocrisy hypocrite arrogant arrogance unacceptable unreliable
    untrustworthy weak weaker weakest obsolete outdated failure failed fail failing insufficient
    erosion crisis rift divergence betrayal treacherous corrupt corruption criminal crime crimes barbaric
    brutal brutality savage inhuman illegal illegitimate unjustified unprovoked terrorist terror terrorism
    fascist fascism nazi nazis neo-nazi puppet imperialist imperialism colonial propaganda lie lies liar
    disgrace disgraceful shameful shame stupid dumb idiotic pathetic ridiculous absurd madness insane
    warmonger warmongering expansionist expansionism provocative provocation confrontation confrontational
    escalation threat threatening menace genocide genocidal atrocity atrocities massacre war-crime
    second-class scared isolated isolation humiliation humiliating disaster disastrous catastrophe
    catastrophic aggression aggressor invader occupier occupation
    """.split()
)

# SUCCESS: the agent prevails and the object loses ("Ukraine is winning against Russia",
# "we will defeat them"). SETBACKS: whoever has them loses ("Russia's losses", "Russia cannot lose").
# In partisan text, reporting a side's setbacks with relish is a stance against it.
SUCCESS = frozenset("win winning won victory victorious prevail triumph beat defeat repel outplay crush".split())
SETBACKS = frozenset(
    """
    lose losing lost loss losses loser losers defeat defeated retreat retreating flee fleeing collapse
    collapsing surrender fail failing failure humiliation humiliated rout bankrupt bankruptcy casualties
    """.split()
)

HOSTILE_ACTS = frozenset(
    """
    attack invade invasion bomb bombing bombard shell shelling kill killing murder slaughter destroy
    destruction occupy annex annexation threaten threat force coerce restrict restriction impose interfere
    interference meddle meddling provoke encircle encirclement expand expansion escalate betray
    war wage blackmail bully intimidate intimidation pressure sabotage strike rape loot torture deport
    abduct kidnap terrorize terrorise starve oppress oppression subjugate dominate domination punish
    """.split()
)

SUPPORTIVE_ACTS = frozenset(
    """
    protect protection guarantee guarantees defend defence defense help aid assist support offer
    safeguard secure assure reassure shield rescue liberate rebuild strengthen reinforce
    contribute donate supply
    """.split()
)

POSITIVE_ATTITUDES = frozenset(
    """
    welcome encourage tolerate accept allow appreciate value respect admire praise applaud thank
    trust like love endorse back favor favour embrace commend salute celebrate hail honor honour
    """.split()
)

NEGATIVE_ATTITUDES = frozenset(
    """
    oppose condemn reject denounce blame accuse criticize criticise fear distrust mistrust hate despise
    resist refuse deplore decry slam blast fault warn protest resent regret
    """.split()
)

# Phrases that decide a stance by themselves, matched on the lowercased text (before lemmas):
# "NATO stands in solidarity", "second-class countries".
POSITIVE_PHRASES = ("in solidarity with", "stand with", "stands with", "on the side of", "valued ally")
NEGATIVE_PHRASES = ("second-class", "double standards", "double standard", "proxy war", "through a proxy",
                    "war crimes", "war criminal")

NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without", "hardly", "nothing", "none", "nobody"})

# Around a proposition ("leave NATO"): words that advocate it …
PRO_MODALITY = frozenset(
    """
    can could may might should must need needs ought want wish willing ready prepared plan intend
    consider propose proposal seek hope aim prefer open possible option facilitate benefit calmly
    advocate urge call time decide decision will shall going
    """.split()
)
# … and words that reject or rule it out. Negation of a pro word also rejects.
CON_MODALITY = frozenset(
    """
    difficult impossible unlikely unrealistic unthinkable hard unnecessary unwise mistake dangerous
    oppose reject refuse deny rule exclude
    """.split()
)
# Fixed phrases that reject a course of action anywhere in their sentence.
CON_PHRASES = (
    "not on the agenda", "not currently on the agenda", "no plans", "no plan", "no intention", "out of the question",
    "ruled out", "rule out", "rules out", "no question of", "not an option", "has no place", "never leave",
)

# Verbs of opinion: what follows them is their subject's view ("you consider Russia second-class"),
# the speaker's own only when the subject is the speaker.
OPINION_VERBS = frozenset("consider think believe regard see view deem find call treat portray claim".split())

# Subjects that are the speaker: an attitude with one of these subjects is the speaker's own.
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})

# Opening words of a rhetorical question ("how can anyone trust…", "why should we…"): it asserts the
# opposite of what it asks.
RHETORICAL_OPENERS = ("how can", "how could", "why should", "why would", "who would", "who could", "who can", "isn't it", "is it not")
