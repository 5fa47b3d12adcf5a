"""Quotation marks and the apostrophe words that look like them.

Each mark maps to (family, nominal direction). A family is the set of marks that
can close one another; the direction is what the mark usually does in English news
text. The scanner may override the direction from context (straight marks always,
curly ones when typography is reversed, e.g. German „…“ or Swedish ”…”).
"""
from __future__ import annotations

OPEN, CLOSE, BOTH = "open", "close", "both"

# Two-character marks come first so the tokenizer prefers them: the NYT (and the
# Penn Treebank) write double quotes as two apostrophes '' or two backticks ``.
MULTI_CHAR_MARKS: dict[str, tuple[str, str]] = {
    "''": ("double", BOTH),
    "``": ("double", OPEN),
}

MARKS: dict[str, tuple[str, str]] = {
    '"': ("double", BOTH),
    "\u201c": ("double", OPEN),    # “ (English opener; German closer after „)
    "\u201d": ("double", CLOSE),   # ” (English closer; Swedish uses it both ways)
    "\u201e": ("double", OPEN),    # „ low-9, German/Polish opener
    "\u201f": ("double", OPEN),    # ‟ reversed-9
    "\uff02": ("double", BOTH),    # ＂ fullwidth
    "'": ("single", BOTH),
    "\u2018": ("single", OPEN),    # ‘
    "\u2019": ("single", CLOSE),   # ’ also the typographic apostrophe
    "\u201a": ("single", OPEN),    # ‚ low-9
    "\u201b": ("single", OPEN),    # ‛
    "`": ("single", OPEN),         # Penn-Treebank style opener
    "\u00ab": ("guillemet", OPEN),   # «
    "\u00bb": ("guillemet", CLOSE),  # »
    "\u2039": ("single_guillemet", OPEN),   # ‹
    "\u203a": ("single_guillemet", CLOSE),  # ›
    "\u300c": ("corner", OPEN),    # 「
    "\u300d": ("corner", CLOSE),   # 」
    "\u300e": ("white_corner", OPEN),   # 『
    "\u300f": ("white_corner", CLOSE),  # 』
}

# Low-9 openers are closed by the high-6 mark of their family (German „…“, ‚…‘).
LOW_OPENERS = {"\u201e": "\u201c", "\u201a": "\u2018"}

# Marks in the single family double as apostrophes.
APOSTROPHE_LIKE = {"'", "\u2019", "\u2018", "\u201b"}

# Families whose unclosed opener is kept as a quote up to its paragraph end. A
# lone single mark is far more often a misread apostrophe than an unclosed quote.
RECOVER_UNCLOSED = {"double", "guillemet", "corner", "white_corner"}

# Words that start with an apostrophe (elision), written after whitespace; the mark
# there is not an opening quote. Lowercase, without the mark.
LEADING_ELISIONS = frozenset(
    {"em", "til", "tis", "twas", "cause", "bout", "round", "n", "nuff", "ol", "s", "d", "re", "ve", "ll", "m",
     "kay", "sup", "neath", "fraid", "tween", "twixt"}
)

# Characters after which an opening mark is expected (besides whitespace).
OPENING_CONTEXT = set("([{<\u2014\u2013-/:;")

# Words right before a quote that mark it as a scare quote (nobody is quoted).
SCARE_MARKERS = ("so-called", "so called", "quote-unquote", "quote unquote", "the term", "the word", "the phrase",
                 "the label", "the slogan")

# Lowercase words a title may keep inside it ("Twelve Angry Men", "Meet the Press", "War and Peace").
TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with vs from by".split())
