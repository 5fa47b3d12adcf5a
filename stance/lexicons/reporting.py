"""Reporting cues: the verbs and phrases that introduce or attribute speech.

Lemmas, lowercase. Sources: the speech-act verb lists used in quote-attribution
work (PARC/PolNeAR cue annotations, Muzny et al.'s sieve system) plus news usage.
"""
from __future__ import annotations

REPORTING_VERBS = frozenset(
    """
    accuse acknowledge add admit advise advocate affirm agree allege announce answer apologise apologize argue
    articulate ask assert assure attest aver avow badger bark beg blast boast brag brand
    brief call caution challenge chant characterise characterize charge cheer chide chime chuckle claim clarify
    comment complain concede conclude concur condemn confess confide confirm contend counter criticise criticize cry
    declare decree decry defend demand deny deride describe dismiss dispute dub echo elaborate emphasise
    emphasize endorse estimate exclaim explain fret fume grumble guarantee gush hail highlight hint holler
    implore indicate inform insist instruct interject interrupt intone joke label lament lash laud laugh
    lecture liken mention mock muse mutter nickname nod note object observe opine outline plead
    pledge point ponder post praise predict proclaim promise pronounce propose protest quip quote rage
    rail rant rate read reaffirm reason reassure rebut recall reckon recommend recount refute regret
    reiterate reject rejoin remark remind repeat reply report request respond retort reveal roar say
    scoff scold scream shout shrug sigh sing slam snap sneer speak speculate state stress
    suggest summarise summarize surmise swear tease tell term testify threaten tout tweet type underline
    underscore urge vow warn wonder write yell attack compare blame reference continue
    exhort admonish denounce lambaste castigate berate rebuke reprimand beseech cite fear
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
WEAK_VERBS = frozenset({"add", "continue", "compare", "reference", "call", "post", "write", "point", "describe", "read", "type", "rate", "label", "term",
                        "liken", "sing", "cheer", "cite", "fear"})

# Nouns naming a body that an "it" may stand for ("Russia’s foreign ministry said … It accused Nato of …").
BODY_NOUNS = frozenset(
    """
    ministry department government administration campaign committee council commission agency office party
    union alliance organisation organization company firm bank court embassy parliament senate congress
    """.split()
)

# Occasions someone in a role speaks at: "a representative at a recent press conference" says where,
# not who.
OCCASION_NOUNS = frozenset(
    """
    conference briefing meeting summit rally hearing interview event session debate speech ceremony forum
    talks appearance visit
    """.split()
)

# Verbs that give something a name in the speaker's words: a title-cased fragment after them is speech
# ("called her “Miss Piggy”"); after any other verb it is a title ("told “Morning Edition”").
NAMING_VERBS = frozenset("call dub nickname label brand term name christen".split())
# Verbs whose object is the one spoken of: in the passive, with no "by", their subject is that one,
# never the speaker ("the invasion has been described as a “test”", "the government has been accused
# of taking a “softer” line").
SPOKEN_OF_VERBS = NAMING_VERBS | frozenset("describe characterize characterise accuse criticize criticise praise hail".split())
# Reporting verbs whose object is the listener: a title after them is whom they spoke to.
ADDRESSEE_VERBS = frozenset("tell speak talk brief inform".split())

# Nouns of speech whose possessor is the speaker: "Trump’s claim that “…”".
SPEECH_NOUNS = frozenset(
    """
    claim statement remark remarks comment comments words tweet tweets assertion promise pledge warning description
    argument accusation allegation suggestion vow quip joke insistence charge response reply speech interview
    testimony declaration announcement message post op-ed letter essay column complaint criticism threat boast
    """.split()
)

# Dashes that put the speaker after a quote: "“…” ― Carla Sanchez".
ATTRIBUTION_DASHES = ("\u2015", "\u2014", "\u2013", "-", "--")


def verb_candidates(lemma: str, lower: str) -> tuple[str, ...]:
    """Lemmas to look up for a verb token. The statistical lemmatizer sometimes errs
    ("rated" -> "rat"), so the surface form with its suffix stripped is tried too."""
    out = [lemma, lower]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""),
                         ("es", ""), ("s", "")):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            out.append(lower[: -len(suffix)] + repl)
    return tuple(out)


# Verbs that report speech only with a fixed object: "as the memo put it", "Trump has used the phrase
# “…”" (whoever uses, coins or repeats a phrase says it).
_PHRASE_NOUNS = frozenset("phrase term word words expression slogan catchphrase line".split())
OBJECT_CUES = {"put": frozenset({"it"}), "use": _PHRASE_NOUNS, "coin": _PHRASE_NOUNS, "utter": _PHRASE_NOUNS,
               "invoke": _PHRASE_NOUNS, "adopt": _PHRASE_NOUNS}

# Verbs whose object is shown or heard saying something: "the ad shows Trump saying “…”".
SHOWING_VERBS = frozenset("show feature depict capture catch hear see watch play air film record".split())

# Nouns whose "of" phrase states an aim or a message in the speaker's words, not a title:
# "proclaimed a goal of “Peace Through Strength”" (but "the editor of “The Atlantic”").
MESSAGE_NOUNS = frozenset("goal aim motto slogan mantra theme message vision promise pledge doctrine agenda call cry".split())


def is_reporting_verb(lemma: str, lower: str) -> bool:
    return any(c in REPORTING_VERBS for c in verb_candidates(lemma, lower))


def reporting_lemma(lemma: str, lower: str) -> str:
    """The lexicon entry a verb token matches (its lemma when none does)."""
    return next((c for c in verb_candidates(lemma, lower) if c in REPORTING_VERBS), lemma)


# Common nouns that can be the source of a quote besides people and role nouns: documents,
# surveys and unnamed sources ("a GAO report found that …", "a source familiar with … said").
SOURCE_NOUNS = frozenset(
    """
    source sources report reports study studies survey surveys poll polls memo memorandum statement statements
    letter document documents filing analysis review audit transcript readout release campaign spokesperson
    official officials aide aides people person group groups committee panel agency ministry department office
    organization organisation government administration newspaper paper magazine network channel website
    article piece story editorial column book ad advertisement video spot interview speech tweet post blog
    investigation research
    """.split()
)

# Verbs that report what a document says only when a document is their subject: "a GAO report
# found that …", "the poll shows …" (but not "police found the car").
FINDING_VERBS = frozenset({"find", "show"})
DOCUMENT_NOUNS = frozenset(
    "report study survey poll memo memorandum audit review analysis investigation letter document filing research "
    "data census inquiry assessment".split()
)

# Outlets that report what others said: a "he" inside their report is someone else.
MEDIA_NOUNS = frozenset("newspaper paper magazine network channel website outlet agency daily broadcaster".split())

# Documents that "say" things for whoever issued them: "the statement said" is the council's when the text
# says "the council issued a statement" (or "the council’s statement", "a statement from the council").
ISSUED_NOUNS = frozenset(
    "statement statements communique communiqué memo memorandum report letter release readout declaration "
    "resolution ruling decision filing complaint ad advertisement clip video spot piece article editorial "
    "column op-ed book post tweet message note announcement document proposal plan".split()
)
# Verbs whose subject issues the document that is their object.
ISSUING_VERBS = frozenset(
    "issue release publish put post send write sign adopt file air run produce circulate unveil present "
    "distribute pen tweet".split()
)

# Head words that are never a speaker, whatever the parse says: photo and image credits, abstract nouns
# a reporting verb may take for its subject ("the plan said", no; "Photograph: …").
NOT_SPEAKER_WORDS = frozenset(
    "photograph photo photos photography picture image images illustration composite file credit getty "
    "reuters/ ap/ afp/ thing things way fact idea issue issues question matter brexit".split()
)

# -- reported (indirect) speech ------------------------------------------------------------------
# Verbs that hold an opinion or a perception, not a statement: "critics fear that …", "he thinks …".
# What someone believes is not what they said, so no reported quote is built on them.
BELIEF_VERBS = frozenset(
    "think believe fear hope expect feel know worry suspect assume doubt guess imagine reckon realise realize "
    "understand wonder see hear find show seem appear want wish consider ponder muse".split()
)
# Reporting verbs that take a reported clause but describe a manner of voice or a gesture rather than a
# statement when they do not ("he laughed", "she nodded"): never the cue of an indirect quote.
GESTURE_VERBS = frozenset("laugh chuckle nod shrug sigh cheer sing chant roar bark holler scream yell cry rage fume".split())
# Verbs that report speech with an infinitive complement, the addressee first: "urged allies to …",
# "told Kyiv to …", "asked Nato to …"; or none: "vowed to …", "threatened to …".
TO_SPEECH_VERBS = frozenset(
    "urge tell ask call beg implore exhort advise instruct invite press warn pledge promise vow threaten "
    "offer refuse demand propose agree".split()
)
# Verbs whose reported content is a prepositional complement: "called for …", "accused X of …",
# "warned X against …", "appealed for …" (verb → prepositions).
PREPOSITION_SPEECH = {
    "call": ("for", "on"),
    "accuse": ("of",),
    "warn": ("against", "of", "about"),
    "appeal": ("for", "to"),
    "blame": ("for",),
    "criticise": ("for",),
    "criticize": ("for",),
    "condemn": ("for",),
    "praise": ("for",),
    "thank": ("for",),
    "press": ("for",),
    "push": ("for",),
    "argue": ("for", "against"),
    "speak": ("of", "about"),
    "talk": ("of", "about"),
    "complain": ("about", "of"),
    "joke": ("about",),
    "apologise": ("for",),
    "apologize": ("for",),
    "advocate": ("for",),
    "rail": ("against",),
    "protest": ("against",),
    "describe": ("as",),
    "brand": ("as",),
    "dismiss": ("as",),
    "cite": ("as",),
    "ask": ("about", "for"),
    "brag": ("about",),
    "boast": ("about", "of"),
    "comment": ("on",),
    "plead": ("for",),
    "point": ("to",),
    "agree": ("with", "on"),
    "liken": ("to",),
    "compare": ("to", "with"),
}
# Nouns of speech whose reported content is a prepositional phrase: "Lavrov's comments on the summit",
# "the minister's call for talks", "North Korea's claims about its test".
SPEECH_NOUN_PREPOSITIONS = ("about", "on", "of", "for", "against")
# Verbs of speech whose object is what was said about: "criticised the decision", "announced new
# sanctions", "called the charges fabricated" (the object, and its "as …" or predicate, is the content).
OBJECT_SPEECH_VERBS = frozenset(
    """
    accuse acknowledge advocate affirm announce applaud assert attack blame blast brand call castigate cite claim
    condemn confirm criticise criticize decry defend demand denounce deny deride describe dismiss dispute echo
    emphasise emphasize endorse explain hail highlight lambaste lament laud mention mock note outline pledge praise
    predict promise propose question reaffirm recommend reject reiterate repeat reveal slam stress suggest threaten
    tout urge welcome liken compare articulate clarify challenge protest report
    """.split()
)
# Verbs of speech that also mean "be evidence of" when a thing is their subject ("such cooperation
# explains why …", "the summits highlighted …"): reported speech only when a speaker-like subject
# (a person, a body, a document, a pronoun) has them.
EVIDENTIAL_VERBS = frozenset(
    "suggest indicate highlight underline underscore explain reveal confirm echo show signal reflect "
    "demonstrate mean prove point emphasise emphasize stress note outline describe".split()
)

# Verbs that ask for speech: a verb of speech in the base form under them is what someone is asked to
# say, not what they said ("demanded that Ukraine declare itself neutral").
DIRECTIVE_VERBS = frozenset("demand insist urge ask call press push want need require request beg implore".split())

# Verbs of speech that mean receiving someone with these prepositions: "welcomed the leaders to the
# White House", "hailed them at the airport" (verb → prepositions).
HOSTING_PREPOSITIONS = {"welcome": ("to", "at", "into"), "hail": ("at",)}

# Nouns for people that are not roles: with them as subject a verb of speech is speech ("the woman
# disputes …", "a critic likened …"); a thing as subject ("the plan rejected …") is not.
PERSON_NOUNS = frozenset(
    """
    man woman men women person people child parent mother father wife husband son daughter brother sister
    friend partner neighbour neighbor critic opponent rival supporter ally judge doctor lawyer expert analyst
    nobody somebody someone everyone everybody anyone anybody union group
    """.split()
)

# Verbs above the reporting verb that say it did not happen: "declined to say whether …".
WITHHELD_SPEECH = frozenset("decline refuse fail".split())


def is_indirect_cue(lemma: str, lower: str) -> bool:
    """A verb that reports what someone said (not what they believe, not a gesture)."""
    found = reporting_lemma(lemma, lower)
    if found in PREPOSITION_SPEECH or found in OBJECT_SPEECH_VERBS or found in ("appeal", "push", "talk"):
        return found not in BELIEF_VERBS
    return is_reporting_verb(lemma, lower) and found not in BELIEF_VERBS and found not in GESTURE_VERBS
