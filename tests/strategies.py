"""Hypothesis strategies for news-like text with quotations inserted at known places.

``news_documents()`` draws a document together with the quotes a correct scanner
must return: each as (content start, content end, depth). The generator builds the
text piece by piece and records offsets as it goes, so the expectation never comes
from the code under test.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

NAMES = ["Mevlut Cavusoglu", "Jens Stoltenberg", "Anna Petrova", "Sinan Ulgen", "Maria Lopez", "John O’Brien"]
WORDS = (
    "the alliance said NATO Russia Moscow Ankara troops security deal summit missile minister talks "
    "government would not will never support oppose partners threat weapons sanctions border defence"
).split()
# Apostrophe words that must NOT be read as quotation marks.
APOSTROPHE_WORDS = [
    "don't", "don’t", "Turkey’s", "Russia's", "O’Brien", "the US’ F-35", "the allies' bases",
    "’90s", "'08", "rock ’n’ roll", "salt 'n' pepper", "it’s", "can't",
]
# (opening mark, closing mark) in the styles found in news text.
DOUBLE_STYLES = [("\u201c", "\u201d"), ('"', '"'), ("\u00ab", "\u00bb"), ("\u201e", "\u201c"), ("''", "''"), ("``", "''")]
SINGLE_STYLES = [("\u2018", "\u2019"), ("'", "'"), ("\u2039", "\u203a"), ("\u201a", "\u2018")]
PARA_SEPS = ["\n", "\n\n", "\r\n", "\r\n\r\n", "\r"]
CUES = ["said", "added", "told reporters", "noted", "warned"]


@st.composite
def words(draw, min_size=2, max_size=10, apostrophes=True):
    pool = WORDS + (APOSTROPHE_WORDS if apostrophes else [])
    ws = draw(st.lists(st.sampled_from(pool), min_size=min_size, max_size=max_size))
    # Sometimes join with a non-breaking space, as news sites do after short words.
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "\u00a0"]), min_size=len(ws), max_size=len(ws)))
    return "".join(w + s for w, s in zip(ws, seps)).strip()


@st.composite
def sentence(draw, apostrophes=True):
    body = draw(words(apostrophes=apostrophes))
    body = body[:1].upper() + body[1:] if body else "The talks"
    return body + draw(st.sampled_from([".", ".", "!", "?"]))


@dataclass
class Doc:
    text: str
    quotes: list[tuple[int, int, int]]  # (content start, content end, depth), outermost first


class _Builder:
    def __init__(self):
        self.chunks: list[str] = []
        self.pos = 0
        self.quotes: list[tuple[int, int, int]] = []

    def add(self, s: str) -> tuple[int, int]:
        start = self.pos
        self.chunks.append(s)
        self.pos += len(s)
        return start, self.pos


@st.composite
def quote_content(draw, builder: _Builder, depth: int, style):
    """Add the content of a quote (possibly with a nested single quote) to the builder."""
    opener, closer = style
    single = style in SINGLE_STYLES
    start = builder.pos
    builder.add(draw(words(min_size=1, apostrophes=not single)))
    if depth == 0 and not single and draw(st.booleans()):
        builder.add(" ")
        inner = draw(st.sampled_from([s for s in SINGLE_STYLES if s[0] not in opener]))
        builder.add(inner[0])
        s, e = builder.add(draw(words(min_size=1, apostrophes=False)))
        builder.add(inner[1])
        builder.quotes.append((s, e, 1))
        builder.add(" " + draw(words(min_size=1, apostrophes=False)))
    builder.add(draw(st.sampled_from(["", ",", ".", "?"])))
    return start, builder.pos


@st.composite
def news_documents(draw):
    """A document of narrative paragraphs and quotes, and the quotes that are in it."""
    b = _Builder()
    n_paras = draw(st.integers(1, 6))
    sep = draw(st.sampled_from(PARA_SEPS))
    for p in range(n_paras):
        if p:
            b.add(sep)
        kind = draw(st.sampled_from(["narrative", "quote_cue", "cue_quote", "multi"]))
        if kind == "narrative":
            b.add(draw(sentence()))
            continue
        style = draw(st.sampled_from(DOUBLE_STYLES + SINGLE_STYLES))
        name, cue = draw(st.sampled_from(NAMES)), draw(st.sampled_from(CUES))
        if kind == "cue_quote":
            b.add(f"{name} {cue}: " if draw(st.booleans()) else f"{name} {cue} that ")
        if kind == "multi" and style in DOUBLE_STYLES:
            # news convention: opener on every paragraph, closer on the last one only
            b.add(style[0])
            index = len(b.quotes)
            b.quotes.append((0, 0, 0))  # placeholder, filled when the quote is closed
            start, _ = b.add(draw(sentence(apostrophes=True)))
            b.add(sep + style[0])
            _, end = b.add(draw(sentence(apostrophes=True)))
            b.add(style[1] + f" {name} {cue}.")
            b.quotes[index] = (start, end, 0)
            continue
        b.add(style[0])
        index = len(b.quotes)
        b.quotes.append((0, 0, 0))
        start, end = draw(quote_content(b, 0, style))
        space = draw(st.sampled_from(["", "", " "])) if style == ("\u201c", "\u201d") else ""
        b.add(space + style[1])
        b.quotes[index] = (start, end, 0)
        if kind == "quote_cue":
            b.add(f" {name} {cue}.")
        elif draw(st.booleans()):
            b.add(" " + draw(sentence()))
    return Doc("".join(b.chunks), b.quotes)


# --- mutated seed text -----------------------------------------------------------------------------
# The project's own sample articles, cut into windows of a few paragraphs and damaged the way scraped
# news gets damaged: marks dropped or doubled, line ends changed, junk and other scripts inserted.
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
SEED_PARAGRAPHS = [
    [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    for path in sorted(SEEDS_DIR.glob("*.txt"))
]
JUNK = [
    "\u201c", "\u201d", "\u2018", "\u2019", '"', "'", "«", "»", "\u00a0", "\u200b", "\ufeff", "\x00", "\x1b",
    "\r", "\r\n", "\n\n", "\t", "—", "…", "Москва", "北大西洋", "🇹🇷", "\u202e", "said", " he said.", ":",
    "\u00a0 ",
]


@st.composite
def seed_excerpt(draw):
    """A window of one to five consecutive paragraphs of a seed article, joined by a newline style."""
    paras = draw(st.sampled_from(SEED_PARAGRAPHS))
    start = draw(st.integers(0, len(paras) - 1))
    n = draw(st.integers(1, 5))
    return draw(st.sampled_from(PARA_SEPS)).join(paras[start : start + n])


@st.composite
def mutated_seed_text(draw):
    """Seed text after up to six random edits: delete, duplicate or swap a slice, or insert junk."""
    text = draw(seed_excerpt())
    for _ in range(draw(st.integers(0, 6))):
        if not text:
            break
        i = draw(st.integers(0, len(text)))
        j = min(len(text), i + draw(st.integers(0, 40)))
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "insert", "upper", "swap_marks"]))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "insert":
            text = text[:i] + draw(st.sampled_from(JUNK) | st.text(max_size=5)) + text[i:]
        elif op == "upper":
            text = text[:i] + text[i:j].upper() + text[j:]
        else:
            table = str.maketrans("\u201c\u201d\u2018\u2019", '""\'\'')
            text = text[:i] + text[i:j].translate(table) + text[j:]
    return text


# --- quote, cue and speaker -------------------------------------------------------------------------
@dataclass
class Attributed:
    text: str
    quote: tuple[int, int]  # content offsets
    speaker: str


@st.composite
def attributed_quotes(draw):
    """A narrative sentence, then a quote with its speaker and cue in one of the common orders."""
    name, cue = draw(st.sampled_from(NAMES)), draw(st.sampled_from(CUES))
    lead = draw(sentence(apostrophes=False)) + draw(st.sampled_from(PARA_SEPS))
    content = draw(sentence(apostrophes=False))
    opener, closer = draw(st.sampled_from(DOUBLE_STYLES))
    form = draw(st.sampled_from(["quote_cue", "quote_cue_inverted", "colon", "that"]))
    if form == "quote_cue":
        before, after = "", f" {name} {cue}."
        content = content[:-1] + ","
    elif form == "quote_cue_inverted":
        # "told Name" would make Name the listener, so only cues that invert cleanly
        before, after = "", f" {draw(st.sampled_from(['said', 'added', 'noted', 'warned']))} {name}."
        content = content[:-1] + ","
    elif form == "colon":
        before, after = f"{name} {cue}: ", ""
    else:
        before, after = f"{name} {cue} that ", ""
    start = len(lead) + len(before) + len(opener)
    text = lead + before + opener + content + closer + after
    return Attributed(text, (start, start + len(content)), name)


# -- model objects (built directly, not by the pipeline) ---------------------------------------
TARGET_NAMES = ["NATO", "Russia", "alliance_shift", "EU", "UN"]


@st.composite
def spans(draw):
    text = draw(st.text(max_size=20))
    start = draw(st.integers(0, 10_000))
    return _model().Span(start, start + len(text), text)


@st.composite
def stance_labels(draw, target: str):
    m = _model()
    return m.StanceLabel(
        target=target,
        label=draw(st.sampled_from(m.STANCE_LABELS)),
        score=draw(st.floats(0, 1, allow_nan=False).map(lambda x: round(x, 4))),
        classifier=draw(st.sampled_from(["lexicon.v1", "keywords.v1"])),
        evidence=tuple(draw(st.lists(spans(), max_size=2))),
        error=draw(st.none() | st.text(min_size=1, max_size=30)),
    )


@st.composite
def model_quotes(draw):
    """Quote objects with any role spans and any subset of targets labelled, in any order."""
    m = _model()
    targets = draw(st.lists(st.sampled_from(TARGET_NAMES), unique=True, max_size=len(TARGET_NAMES)))
    content = draw(spans())
    return m.Quote(
        content=content,
        outer=m.Span(max(0, content.start_char - 1), content.end_char + 1, "“" + content.text + "”"),
        kind=draw(st.sampled_from(m.QUOTE_KINDS)),
        paragraph=draw(st.integers(0, 50)),
        speaker=draw(st.none() | st.sampled_from(NAMES)),
        role=tuple(draw(st.lists(spans(), max_size=2))),
        stance=tuple(draw(stance_labels(t)) for t in targets),
    )


def _model():
    from stance import model

    return model


# --- reported speech ----------------------------------------------------------------------------------
# Clauses a reporter paraphrases, built from parts that parse the same way in any combination.
CLAUSE_SUBJECTS = ["Turkey", "the alliance", "the government", "Sweden", "the ministry", "Moscow"]
CLAUSE_VERBS = ["would not back", "will support", "could block", "would approve", "will oppose", "would never accept"]
CLAUSE_OBJECTS = ["the bid", "the new sanctions", "the two applications", "the arms deal", "the summit plan"]
# Reporting frames: the clause after the cue (with or without "that"), or before it.
REPORTED_FORMS = ["said that", "said", "told reporters that", "warned that", "insisted that", "after"]
# Narrative sentences that report nothing themselves.
LEADS = ["The talks ended late on Monday.", "Troops moved closer to the border.", "The summit opened in Vilnius.",
         "Prices rose again in March."]


@dataclass
class Reported:
    text: str
    clause: tuple[int, int]  # the reported clause's offsets (no "that", no final period)
    speaker: str
    fragment: tuple[int, int] | None = None  # a quoted word inside the clause (content offsets)


@st.composite
def reported_statements(draw):
    """A narrative sentence, then "NAME said (that) CLAUSE." or "CLAUSE, NAME said." with the clause's
    offsets; sometimes the clause's object is in quotation marks (a mixed quote, the way news quotes a
    phrase: would back “the bid”)."""
    name = draw(st.sampled_from(NAMES))
    lead = draw(st.sampled_from(LEADS)) + draw(st.sampled_from(PARA_SEPS + [" "]))
    subject, verb, obj = (draw(st.sampled_from(CLAUSE_SUBJECTS)), draw(st.sampled_from(CLAUSE_VERBS)),
                          draw(st.sampled_from(CLAUSE_OBJECTS)))
    form = draw(st.sampled_from(REPORTED_FORMS))
    if form == "after":
        subject = subject[:1].upper() + subject[1:]
    head = lead + (f"{name} {form} " if form != "after" else "")
    clause = f"{subject} {verb} "
    fragment = None
    if draw(st.booleans()):
        opener, closer = draw(st.sampled_from(DOUBLE_STYLES[:3]))
        start = len(head) + len(clause) + len(opener)
        clause += opener + obj + closer
        fragment = (start, start + len(obj))
    else:
        clause += obj
    tail = "." if form != "after" else f", {name} said."
    return Reported(head + clause + tail, (len(head), len(head) + len(clause)), name, fragment)


@st.composite
def speaker_counts(draw):
    """How often each speaker name occurs in a table's quotes: full names and lone first names or
    surnames drawn from a few people, so that names collide, merge and conflict."""
    first = ["Ali", "Anna", "Jens", "Maria"]
    last = ["Demir", "Kaya", "Petrova", "Stoltenberg"]
    name = st.one_of(
        st.builds(lambda f, l: f"{f} {l}", st.sampled_from(first), st.sampled_from(last)),
        st.sampled_from(first + last),
    )
    return draw(st.dictionaries(name, st.integers(1, 5), max_size=8))


# Speakers of a table's quotes as the resolver writes them: names, named bodies, and descriptions
# (lowercase: someone of one document only) that read like names ("officials" after "US"/"Ukrainian").
TABLE_SPEAKERS = ["Anna Petrova", "Petrova", "US", "US officials", "Ukrainian officials", "officials",
                  "agency", "International Atomic Energy Agency", "senior EU diplomat", "al-Assad", "Bashar al-Assad"]


@st.composite
def table_quotes(draw):
    """(document, speaker) of each quote of a small corpus: a few documents sharing speakers."""
    return draw(st.lists(st.tuples(st.sampled_from(["d1", "d2", "d3"]), st.sampled_from(TABLE_SPEAKERS)), max_size=12))
