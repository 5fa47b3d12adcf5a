"""The built-in stance targets, as plain data (turned into Target objects by stance.targets).

Two kinds of target:

* ``entity`` targets (NATO, Russia) are things a quote can be for or against. ``aliases`` name the
  target outright; ``implied`` phrases ("the alliance", "our allies", "the bid", "the invasion")
  stand for it only in a document that also names it outright (in an article about Nato, "the bid"
  is the bid to join it; in one about Russia, "the invasion" is Russia's); ``opponents`` name its
  adversaries, so that hostility towards an adversary the quote sets against the target counts,
  weakly, as support for the target.
* ``proposition`` targets (alliance_shift) are courses of action a quote can advocate or reject.
  ``aliases`` are phrases that state the proposition by themselves ("other options"); ``patterns``
  pair action words with objects ("leave" + "NATO", "form" + "alliance"); the stance comes from the
  modality and negation around the match ("we need to", "has no plans to").
"""
from __future__ import annotations

BUILTIN_TARGETS = (
    {
        "name": "NATO",
        "kind": "entity",
        "description": "The North Atlantic Treaty Organization, its institutions, its collective defence and its members acting as allies.",
        "aliases": (
            "NATO", "N.A.T.O.", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation",
            "North Atlantic Alliance", "Atlantic alliance", "Article 5", "Article Five", "NATO's", "NATO’s",
        ),
        "implied": (
            "alliance", "alliance's", "alliance’s", "ally", "allies", "allied", "Allies",
            # what joining it is called: "Finland's bid was “a grave mistake”"
            "membership", "accession", "enlargement", "application", "applications", "bid", "bids", "admission",
        ),
        "opponents": ("Russia", "Moscow", "Kremlin", "Putin", "Russian Federation"),
    },
    {
        "name": "Russia",
        "kind": "entity",
        "description": "The Russian state, its government and leadership (Moscow, the Kremlin, Putin) and its officials.",
        "aliases": (
            "Russia", "Russian Federation", "Moscow", "Kremlin", "Putin", "Vladimir Putin", "Russian government",
            "Russian officials", "Russian army", "Russian forces", "Russian military", "Russians", "Russian",
            "Lavrov", "Peskov", "Shoigu", "Medvedev",
        ),
        # the names of its war (nouns only: masking a verb, "annexed", would hide what is said of it)
        "implied": ("invasion", "aggression", "annexation", "occupation", "occupiers"),
        "opponents": (
            "Ukraine", "Ukrainians", "Kyiv", "Kiev", "Zelensky", "Zelenskyy", "NATO", "the West", "Western", "US",
            "U.S.", "United States", "America", "Washington", "Biden", "EU", "European Union",
        ),
    },
    {
        "name": "alliance_shift",
        "kind": "proposition",
        "description": (
            "A state loosening ties with NATO or the West, realigning with Russia or others, or forming a new "
            "military bloc; favor = supports or advocates it, against = opposes or denies it."
        ),
        "aliases": (
            "other options", "alternative to NATO", "alternative to the alliance", "new union", "new bloc",
            "military bloc", "new military alliance", "S-400", "S-400s", "Eurasian alliance", "realignment",
            "strategic autonomy", "axis shift",
        ),
        "patterns": (
            {   # leaving the Western alliance (or a bloc) behind
                "actions": ("leave", "withdraw", "withdrawal", "exit", "quit", "abandon", "change", "changing",
                            "suspend", "break", "turn", "ditch", "expel"),
                "objects": ("NATO", "alliance", "allied structure", "bloc", "the West", "CSTO", "membership",
                            "Western alliance", "EU"),
                "scope": "subtree",
            },
            {   # building or joining another bloc
                "actions": ("form", "create", "establish", "establishing", "engage", "build", "join", "joining",
                            "forge", "found", "set up", "accession", "membership", "enter"),
                "objects": ("alliance", "alliances", "bloc", "union", "pact", "partnership", "SCO", "BRICS",
                            "CSTO", "Shanghai Cooperation Organization", "Collective Security Treaty Organization",
                            "Eurasian Economic Union", "axis"),
                "scope": "subtree",
            },
            {   # realigning with a non-Western power
                "actions": ("cooperate", "cooperation", "align", "realign", "pivot", "rapprochement", "ties",
                            "partnership", "partner"),
                "objects": ("Russia", "Moscow", "China", "Beijing", "Iran", "SCO", "BRICS", "Eurasia", "the East"),
                "scope": "sentence",
            },
            {   # looking for alternatives
                "actions": ("develop", "seek", "consider", "explore", "look", "find", "buy", "purchase",
                            "acquire", "acquisition"),
                "objects": ("other options", "alternatives", "alternative", "S-400", "other partners"),
                "scope": "subtree",
            },
        ),
    },
)
