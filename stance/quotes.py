"""Stage 1: find direct quotations in raw text.

``scan_quotes(text)`` is a pure function from a string to ``Quote`` objects whose
offsets point into that very string. It never normalizes the text (so NBSP, \\r\\n
and curly marks cannot shift offsets) and never gives up on a document: an
unbalanced mark is repaired within its paragraph and the rest of the document is
scanned as usual.

How it works, per paragraph (a non-empty line):
1. tokenize the quotation marks (one or two characters: '' and `` are double marks);
2. decide from the neighbouring characters whether each mark can open, close, or is
   an apostrophe (don't, Turkey’s, the US’ F-35, ’90s, rock ’n’ roll);
3. match openers and closers with a stack, one stack per family of marks, so that
   single quotes nest inside double quotes;
4. a double quote still open at the paragraph end continues into the next paragraph
   when that one starts with an opening mark (the news convention), and otherwise
   ends at the paragraph end.
Finally each quote gets a provisional kind (full, partial or heading); attribution
later turns unattributed fragments into scare quotes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicons.marks import (
    APOSTROPHE_LIKE,
    BOTH,
    CLOSE,
    LEADING_ELISIONS,
    LOW_OPENERS,
    MARKS,
    MULTI_CHAR_MARKS,
    OPEN,
    OPENING_CONTEXT,
    RECOVER_UNCLOSED,
    SCARE_MARKERS,
)
from .model import Quote, Span

_MARK_CHARS = set(MARKS) | {c for m in MULTI_CHAR_MARKS for c in m}
_CLOSING_CONTEXT = set(".,;:!?)]}>\u2026\u2014\u2013-/")
# rock ’n’ roll, salt 'n' pepper: both marks are apostrophes.
_N_ELISION = re.compile(r"(?<![^\W_])['\u2018\u2019]n['\u2019](?![^\W_])", re.IGNORECASE)
# ’90s, '08: a year abbreviation, not an opening quote.
_YEAR_ELISION = re.compile(r"\d\d(?:s\b|\b)(?!\d)")
_WORD = re.compile(r"[^\W_]+")
_LINE = re.compile(r"[^\r\n]+")
_SPEECH_END = set(",.!?\u2026")


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int


# A speaker label opening a transcript turn: "PENCE:", "MR. TRUMP:", "O’REILLY:" (capitals, then a colon).
TRANSCRIPT_LABEL = re.compile(r"(?:[A-Z][A-Z.’'-]+ ){0,3}[A-Z][A-Z’'-]{2,}(?=:\s)")


def paragraphs(text: str) -> list[Paragraph]:
    """Non-empty lines, in order; a line is a paragraph in news text (\\n, \\r\\n or \\r)."""
    out = []
    for m in _LINE.finditer(text):
        if m.group().strip():
            out.append(Paragraph(len(out), m.start(), m.end()))
    return out


# A related-article link scraped into the text: its title, glued to "Read more", between two sentences of
# the story ("… two years. Labor extends term of defence chief by two yearsRead more “We are …").
LINK_TITLE_END = "Read more"
_LINK_TITLE_START = re.compile(r"(?:[.!?…][”’\"']?|[”\"])\s+|\n")
LINK_TITLE_MAX_CHARS = 220


def link_titles(text: str) -> list[tuple[int, int]]:
    """(start, end) of each scraped link title, "Read more" included: not part of the story."""
    out = []
    pos = text.find(LINK_TITLE_END)
    while pos >= 0:
        lo = max(0, pos - LINK_TITLE_MAX_CHARS)
        starts = [m.end() for m in _LINK_TITLE_START.finditer(text, lo, pos)]
        if not starts and lo == 0 and pos > 0:
            starts = [0]  # a glued link title opening the text
        # only a glued "…hoursRead more" or one standing at a sentence start is a link
        if starts and (pos == starts[-1] or not text[pos - 1].isspace()):
            out.append((starts[-1], pos + len(LINK_TITLE_END)))
        pos = text.find(LINK_TITLE_END, pos + 1)
    return out


def paragraph_at(paras: list[Paragraph], char: int, default: Paragraph) -> Paragraph:
    """The paragraph whose span contains ``char`` (its end included), else ``default``."""
    return next((p for p in paras if p.start <= char <= p.end), default)


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    char: str
    family: str
    nominal: str


@dataclass
class _Open:
    mark: _Mark
    depth: int
    paragraph: int
    parts: list[tuple[int, int]] = field(default_factory=list)  # finished parts
    part_start: int = 0  # where the current part's content starts


def _tokenize(text: str, para: Paragraph) -> list[_Mark]:
    marks = []
    i = para.start
    while i < para.end:
        two = text[i : i + 2]
        if i + 2 <= para.end and two in MULTI_CHAR_MARKS:
            fam, nom = MULTI_CHAR_MARKS[two]
            marks.append(_Mark(i, i + 2, two, fam, nom))
            i += 2
            continue
        ch = text[i]
        if ch in MARKS:
            fam, nom = MARKS[ch]
            marks.append(_Mark(i, i + 1, ch, fam, nom))
        i += 1
    return marks


def _is_alnum(c: str | None) -> bool:
    return c is not None and c.isalnum()


def _context(text: str, para: Paragraph, m: _Mark) -> tuple[str | None, str | None]:
    prev = text[m.start - 1] if m.start > para.start else None
    nxt = text[m.end] if m.end < para.end else None
    return prev, nxt


def _flanking(prev: str | None, nxt: str | None) -> tuple[bool, bool]:
    """(can_open, can_close) from the characters around a mark, like CommonMark's flanking rules."""
    prev_space = prev is None or prev.isspace()
    next_space = nxt is None or nxt.isspace()
    can_open = not next_space and (prev_space or prev in OPENING_CONTEXT or prev in _MARK_CHARS)
    can_close = not prev_space and (next_space or nxt in _CLOSING_CONTEXT or nxt in _MARK_CHARS)
    return can_open, can_close


def _leading_elision(text: str, para: Paragraph, m: _Mark) -> bool:
    """’em, ’til, ’90s: a mark before a word that is an elided word, not an opening quote."""
    rest = text[m.end : para.end]
    if _YEAR_ELISION.match(rest):
        return True
    w = _WORD.match(rest)
    # Case-sensitive on purpose: ‘S-400 deliveries…’ opens a quote, ’s does not.
    if not w or w.group() not in LEADING_ELISIONS:
        return False
    return not rest[w.end() : w.end() + 1].isalnum()


def _apostrophe(text: str, para: Paragraph, m: _Mark, forced: set[int]) -> bool:
    """True when a single-family mark is an apostrophe rather than a quotation mark."""
    if m.start in forced:
        return True
    if m.char not in APOSTROPHE_LIKE or text.startswith(LINK_TITLE_END, m.end):
        # "…forces ‘facing last days’Read more": scraping glued the link label to the closing mark
        return False
    prev, nxt = _context(text, para, m)
    if _is_alnum(prev) and _is_alnum(nxt):
        return True  # don't, Turkey’s, O’Brien
    if not _is_alnum(prev) and _is_alnum(nxt) and _leading_elision(text, para, m):
        return True
    return False


def _later_single_closer(text: str, para: Paragraph, marks: list[_Mark], k: int) -> bool:
    """Is there a mark after marks[k] that could close a single quote before the next double mark?"""
    for m in marks[k + 1 :]:
        if m.family != "single":
            return False
        prev, nxt = _context(text, para, m)
        if prev is not None and not prev.isspace() and not _is_alnum(nxt):
            return True
    return False


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.paras = paragraphs(text)
        self.forced_apostrophes = {
            m.start() for m in _N_ELISION.finditer(text)
        } | {m.end() - 1 for m in _N_ELISION.finditer(text)}
        self.found: list[tuple[_Open, int, int, str]] = []  # (entry, content_end, outer_end, close_mark)

    # -- emitting -----------------------------------------------------------
    def _emit(self, entry: _Open, end: int, outer_end: int, close_mark: str) -> None:
        self.found.append((entry, end, outer_end, close_mark))

    def _close(self, stack: list[_Open], idx: int, mark: _Mark | None, end: int) -> None:
        """Close stack[idx] at ``end``; inner quotes left open above it are dropped."""
        entry = stack[idx]
        del stack[idx:]
        if mark is None:
            self._emit(entry, end, end, "")
        else:
            self._emit(entry, mark.start, mark.end, mark.char)

    def _open(self, stack: list[_Open], mark: _Mark, para: Paragraph) -> None:
        stack.append(_Open(mark, len(stack), para.index, part_start=mark.end))

    # -- one paragraph --------------------------------------------------------
    def _role(self, marks: list[_Mark], k: int, para: Paragraph) -> str:
        """Context-only role of marks[k]: open, close, both, none or apostrophe."""
        m = marks[k]
        if m.family == "single" and _apostrophe(self.text, para, m, self.forced_apostrophes):
            return "apostrophe"
        prev, nxt = _context(self.text, para, m)
        can_open, can_close = _flanking(prev, nxt)
        if can_open and can_close:
            return BOTH
        if can_open:
            return OPEN
        if can_close:
            return CLOSE
        return "none"

    def _same_family(self, stack: list[_Open], family: str) -> int | None:
        for idx in range(len(stack) - 1, -1, -1):
            if stack[idx].mark.family == family:
                return idx
        return None

    def _recover_missing_opener(self, stack: list[_Open], mark: _Mark, para: Paragraph, seen_quote: bool) -> None:
        """A closing double mark with nothing open, right after speech-ending punctuation:
        the opener is missing, so the quote starts at the paragraph start."""
        if stack or seen_quote or mark.family not in RECOVER_UNCLOSED:
            return
        before = self.text[para.start : mark.start].rstrip()
        if not before or before[-1] not in _SPEECH_END:
            return
        start, _ = _strip(self.text, para.start, mark.start)
        entry = _Open(_Mark(start, start, "", mark.family, OPEN), 0, para.index, part_start=start)
        self._emit(entry, mark.start, mark.end, mark.char)

    def _scan_paragraph(self, para: Paragraph, stack: list[_Open], skip: int | None) -> None:
        marks = _tokenize(self.text, para)
        seen_quote = bool(stack)
        for k, m in enumerate(marks):
            if m.start == skip:
                continue
            role = self._role(marks, k, para)
            if role == "apostrophe":
                continue
            idx = self._same_family(stack, m.family)
            if m.nominal == OPEN:
                low = stack[idx].mark.char if idx is not None else ""
                if idx is not None and (LOW_OPENERS.get(low) == m.char or role == CLOSE):
                    self._close(stack, idx, m, m.start)  # German „…“, or a reversed closer “…“
                    continue
                if idx is not None:  # same family cannot nest: the earlier one lost its closer
                    self._close(stack, idx, None, _strip(self.text, stack[idx].part_start, m.start)[1])
                self._open(stack, m, para)
                seen_quote = True
            elif m.nominal == CLOSE:
                if idx is not None:
                    if m.family == "single" and role == OPEN:
                        continue  # ’ after a space inside a single quote: an elision, not a closer
                    if m.family == "single" and self._possessive_plural(marks, k, para):
                        continue
                    self._close(stack, idx, m, m.start)
                elif role == OPEN:  # Swedish ”…”, Danish »…«: a closer used as an opener
                    self._open(stack, m, para)
                    seen_quote = True
                elif m.family == "single":
                    continue  # the US’ F-35: possessive apostrophe
                else:
                    self._recover_missing_opener(stack, m, para, seen_quote)
                    seen_quote = True
            else:  # straight marks: direction from context and state
                if self._mixed_closer(stack, m, role, idx):
                    # 'Nobody told us anything," she said: a writer's slip; a reader pairs the two marks
                    self._close(stack, len(stack) - 1, m, m.start)
                    continue
                if role == OPEN or (role in (BOTH, "none") and idx is None):
                    if idx is not None:
                        self._close(stack, idx, None, _strip(self.text, stack[idx].part_start, m.start)[1])
                    self._open(stack, m, para)
                    seen_quote = True
                elif idx is not None:
                    if m.family == "single" and self._possessive_plural(marks, k, para):
                        continue
                    self._close(stack, idx, m, m.start)
                elif m.family != "single":
                    self._recover_missing_opener(stack, m, para, seen_quote)
                    seen_quote = True

    @staticmethod
    def _mixed_closer(stack: list[_Open], m: _Mark, role: str, idx: int | None) -> bool:
        """A straight " that can only close, with no double quote open but a straight ' open
        innermost: the two marks are one quotation written with mismatched marks."""
        return (
            m.char == '"' and role == CLOSE and idx is None
            and bool(stack) and stack[-1].mark.char == "'"
        )

    def _possessive_plural(self, marks: list[_Mark], k: int, para: Paragraph) -> bool:
        """‘the boys’ toys’: an s’ before a lowercase word (the possessed noun), with another
        possible closer later, is a possessive; before punctuation or a capital it closes."""
        m = marks[k]
        prev, nxt = _context(self.text, para, m)
        after = self.text[m.end + 1 : m.end + 2]
        return (
            prev in ("s", "S")
            and nxt is not None
            and nxt.isspace()
            and after.islower()
            and _later_single_closer(self.text, para, marks, k)
        )

    def _continuation_opener(self, entry: _Open, para: Paragraph) -> _Mark | None:
        """The opening mark that starts ``para`` and continues ``entry`` from the paragraph before."""
        marks = _tokenize(self.text, para)
        if not marks:
            return None
        first = marks[0]
        if self.text[para.start : first.start].strip() or first.family != entry.mark.family:
            return None
        if self._role(marks, 0, para) in (OPEN, BOTH) and first.nominal in (OPEN, BOTH):
            return first
        return None

    def run(self) -> list[Quote]:
        stack: list[_Open] = []
        skip: int | None = None
        for n, para in enumerate(self.paras):
            self._scan_paragraph(para, stack, skip)
            skip = None
            if not stack:
                continue
            bottom, inner = stack[0], stack[1:]
            stack.clear()
            end = _strip(self.text, para.start, para.end)[1]
            for entry in inner:
                if entry.mark.family in RECOVER_UNCLOSED:
                    self._emit(entry, end, end, "")
            nxt = self.paras[n + 1] if n + 1 < len(self.paras) else None
            cont = self._continuation_opener(bottom, nxt) if nxt else None
            if cont is not None and TRANSCRIPT_LABEL.match(self.text, cont.end):
                # a transcript: each turn (“PENCE: …) is its own quote, though the marks run on
                self._emit(bottom, end, end, "")
            elif cont is not None:
                bottom.parts.append((bottom.part_start, end))
                bottom.part_start = cont.end
                bottom.depth = 0
                stack.append(bottom)
                skip = cont.start
            elif bottom.mark.family in RECOVER_UNCLOSED:
                self._emit(bottom, end, end, "")
        return self._build()

    def _build(self) -> list[Quote]:
        quotes = []
        links = link_titles(self.text) if self.found else []
        for entry, end, outer_end, close_mark in self.found:
            parts = [*entry.parts, (entry.part_start, end)]
            spans = []
            for s, e in parts:
                s, e = _strip(self.text, s, e)
                if e > s:
                    spans.append(Span.of(self.text, s, e))
            if not spans:
                continue  # “” or a quote of whitespace: nothing was said
            content = Span.of(self.text, spans[0].start_char, spans[-1].end_char)
            outer = Span.of(self.text, entry.mark.start, outer_end)
            # a quote in a scraped link title belongs to another article's headline
            in_link = any(a <= outer.start_char and outer.end_char <= b for a, b in links)
            quotes.append(
                Quote(
                    content=content,
                    outer=outer,
                    kind="heading" if in_link else _kind(self.text, self.paras, entry.paragraph, outer, content, entry.depth),
                    paragraph=entry.paragraph,
                    depth=entry.depth,
                    parts=tuple(spans) if len(spans) > 1 else (),
                    open_mark=entry.mark.char,
                    close_mark=close_mark,
                )
            )
        quotes.sort(key=lambda q: (q.outer.start_char, -q.outer.end_char))
        return quotes


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def _is_cue_fragment(s: str) -> bool:
    """'he added.' standing alone after a quote: short, lowercase start."""
    s = s.strip()
    return bool(s) and s[0].islower() and _words(s) <= 8


def _kind(text: str, paras: list[Paragraph], p: int, outer: Span, content: Span, depth: int) -> str:
    para = paras[p]
    before = text[para.start : outer.start_char].strip()
    line_end = paragraph_at(paras, outer.end_char, para).end
    after = text[outer.end_char : line_end].strip()
    n = _words(content.text)
    last = content.text.rstrip()[-1:]
    alone = not before and not after.strip(".,;:!?\u2026")
    turn = TRANSCRIPT_LABEL.match(content.text) is not None  # "PRICE: Will you …?" speaks, however short
    if depth == 0 and alone and n <= 12 and last not in ".,;:" and not content.text[:1].islower() and not turn:
        nxt = paras[p + 1] if p + 1 < len(paras) else None
        prv = paras[p - 1] if p > 0 else None
        cue_after = nxt is not None and _is_cue_fragment(text[nxt.start : nxt.end])
        colon_before = prv is not None and text[prv.start : prv.end].rstrip().endswith(":")
        if not cue_after and not colon_before:
            return "heading"
    if before.lower().endswith(SCARE_MARKERS) and n <= 6:
        return "scare"
    # A capitalised sentence of its own ("Peace is possible.") is a full quote however short.
    sentence = content.text[:1].isupper() and last in ".!?," and (not before or before[-1] in ".!?:")
    if not sentence and (n <= 3 or (n <= 6 and before and last not in ".!?,;:")):
        return "partial"
    return "full"


def scan_quotes(text: str) -> list[Quote]:
    """All quotations in ``text``, outermost first, with offsets into ``text`` itself."""
    if not isinstance(text, str):
        raise TypeError(f"scan_quotes() needs a str, got {type(text).__name__}")
    return _Scanner(text).run()
