"""Role nouns and the categories that let a description name a person.

A description such as "Turkey's top diplomat" or "the NATO chief" refers to the
person in the document whose role shares its category ("diplomat" covers foreign
ministers and ambassadors; "chief" covers heads and secretaries-general).
"""
from __future__ import annotations

# head noun (lowercase) -> categories it belongs to
ROLE_CATEGORIES: dict[str, frozenset[str]] = {}


def _add(category: str, *nouns: str) -> None:
    for n in nouns:
        ROLE_CATEGORIES[n] = ROLE_CATEGORIES.get(n, frozenset()) | {category}


_add("diplomat", "diplomat", "minister", "fm", "ambassador", "envoy", "consul", "emissary", "chargé", "attaché",
     "attache", "foreign")
_add("head", "chief", "head", "leader", "secretary-general", "secretary", "director", "chairman", "chairwoman", "chair",
     "president", "premier", "chancellor", "boss", "commander", "director-general", "governor", "mayor", "ceo")
_add("spokesperson", "spokesman", "spokeswoman", "spokesperson", "press", "representative")
_add("military", "general", "major-general", "lieutenant-general", "brigadier", "colonel", "admiral", "commander",
     "officer", "major", "captain", "marshal", "attaché", "attache", "soldier", "veteran", "lieutenant", "sergeant")
_add("expert", "expert", "analyst", "scientist", "professor", "researcher", "scholar", "economist", "academic",
     "specialist", "observer", "fellow", "historian", "commentator", "strategist", "lecturer")
_add("politician", "lawmaker", "legislator", "senator", "congressman", "congresswoman", "deputy", "mp", "politician",
     "representative", "parliamentarian", "councillor", "candidate", "nominee", "speaker")
_add("official", "official", "officer", "aide", "adviser", "advisor", "administrator", "bureaucrat", "staffer")
_add("government", "president", "prime", "premier", "minister", "chancellor", "king", "queen", "emir", "sultan",
     "secretary")
# "her Swedish counterpart, Magdalena Andersson": whoever holds the same office elsewhere
_add("head", "counterpart")
_add("journalist", "journalist", "reporter", "editor", "correspondent", "columnist", "anchor", "host")
# "the New York businessman": news names a person by their trade once it has named them
# "the former first lady": the office of a head of state's spouse
_add("spouse", "lady")
_add("business", "businessman", "businesswoman", "entrepreneur", "tycoon", "mogul", "billionaire")

ROLE_NOUNS = frozenset(ROLE_CATEGORIES)

# Role nouns that relate a person to someone else rather than name their office: a role ending in one
# yields to any other role the article gives ("his Australian counterpart" / "Australia’s foreign minister").
RELATIONAL_ROLES = frozenset({"counterpart", "counterparts", "colleague", "colleagues", "successor", "predecessor",
                              "ally", "rival", "opponent"})

# The last word of a political party's name as news writes it ("the Social Democrats", "Labour",
# "the Republican Party"): "the party said" after such a name is that party speaking.
PARTY_NAME_WORDS = frozenset({"party", "democrats", "republicans", "conservatives", "labour", "liberals",
                              "greens", "socialists", "tories"})

# Abbreviations that stand for a longer role.
ROLE_ABBREVIATIONS = {"fm": "foreign minister", "pm": "prime minister", "sec-gen": "secretary-general",
                      "mp": "member of parliament", "gen.": "general", "gen": "general", "col.": "colonel",
                      "gov.": "governor", "gov": "governor", "sen.": "senator", "rep.": "representative",
                      "sec.": "secretary", "amb.": "ambassador", "adm.": "admiral", "lt.": "lieutenant"}


def is_role_noun(lower: str, lemma: str) -> bool:
    """A word (lowercase form and lemma) that names a role: "minister", "FM", "spokesmen"."""
    return lower in ROLE_NOUNS or lower in ROLE_ABBREVIATIONS or lemma in ROLE_NOUNS

# Honorifics: stripped from names; they also tell a person's gender.
HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "dr": None,
              "dr.": None, "prof": None, "prof.": None, "sir": "m", "dame": "f", "lady": "f", "lord": "m"}

# Title words that may sit inside a PERSON entity ("General Yücel Karauz"); not part of the name.
NAME_TITLES = frozenset({"president", "general", "gen.", "minister", "secretary", "senator", "sen.", "rep.", "gov.",
                         "governor", "mayor", "judge", "justice", "ambassador", "professor", "prof.", "dr.", "dr",
                         "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "colonel", "col.", "admiral", "chancellor", "king",
                         "queen", "prince", "sheikh", "pope", "lt.", "sgt.", "capt.", "maj.", "gen", "rev."})

# Pronouns that can stand for a speaker, with gender (None: any) and number.
PERSONAL_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})

# Gendered role nouns (a small, safe set).
GENDERED_NOUNS = {"spokesman": "m", "spokeswoman": "f", "congressman": "m", "congresswoman": "f", "chairman": "m",
                  "chairwoman": "f", "king": "m", "queen": "f", "businessman": "m", "businesswoman": "f", "lady": "f"}

# Words that make a description introduce someone new rather than name someone the text has named.
INDEFINITE_WORDS = frozenset({"a", "an", "another", "other", "one", "some"})

# Countries are compared by the first three letters of their name or adjective (Germany/German,
# Latvia/Latvian, Finland/Finnish); these do not share them.
COUNTRY_KEYS = {
    "danish": "den", "irish": "ire", "dutch": "net", "holland": "net", "french": "fra", "british": "uk", "britain": "uk",
    "uk": "uk", "english": "uk", "scottish": "uk", "welsh": "uk", "american": "us", "us": "us", "u.s": "us",
    "america": "us", "european": "eu", "eu": "eu", "swiss": "swi", "belgian": "bel", "kiwi": "new",
}

# Groups NER tags as nationalities (NORP) that say nothing of a country: parties, creeds, blocs.
NOT_NATIONS = frozenset(
    "republican republicans democrat democrats democratic conservative conservatives labour liberal liberals green "
    "greens socialist socialists communist communists christian christians catholic catholics muslim muslims jewish "
    "jews protestant evangelical tory tories libertarian progressive centrist nationalist western eastern".split()
)
