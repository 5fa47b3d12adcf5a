"""Public data model: frozen dataclasses of plain Python values.

Every span carries ``start_char``/``end_char`` into the ORIGINAL text, so that
``text[span.start_char:span.end_char] == span.text`` always holds. No spaCy object
ever appears in a public result, and every object round-trips losslessly through
``to_dict``/``from_dict`` (and therefore through JSON).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Iterator, Mapping

QUOTE_KINDS = ("full", "partial", "heading", "scare", "indirect")
# What a statement is, for users choosing what to count: a direct quotation (in quotation marks: full,
# partial, heading, scare) or reported speech in the reporter's words (kind "indirect").
STATEMENT_KINDS = ("direct", "indirect")
DEFAULT_KINDS = ("direct",)
STANCE_LABELS = ("favor", "against", "none")
# Reprs show this much of a text: a result printed in a REPL or a log should fit on a line.
REPR_TEXT = 40


def _short(text: str, n: int = REPR_TEXT) -> str:
    """``repr(text)`` with runs of whitespace as one space, at most about ``n`` characters long
    (cut after escaping, so a text of escaped control characters is bounded too)."""
    r = repr(" ".join(text.split()))
    return r if len(r) <= n + 2 else r[:n] + "…" + r[0]


def parse_kinds(kinds: "str | Iterable[str] | None") -> tuple[str, ...]:
    """``kinds`` as a tuple in STATEMENT_KINDS order: "direct,indirect", ["indirect"], None (the default).

    Raises InputError naming an unknown kind."""
    from .errors import InputError

    if kinds is None:
        return DEFAULT_KINDS
    names = kinds.split(",") if isinstance(kinds, str) else list(kinds)
    wanted = {str(k).strip().lower() for k in names if str(k).strip()}
    unknown = sorted(wanted - set(STATEMENT_KINDS))
    if unknown or not wanted:
        raise InputError(f"unknown kind {', '.join(map(repr, unknown)) or '(none given)'}; choose from {', '.join(STATEMENT_KINDS)}")
    return tuple(k for k in STATEMENT_KINDS if k in wanted)


@dataclass(frozen=True)
class Span:
    """A stretch of the original text."""

    start_char: int
    end_char: int
    text: str

    def __repr__(self) -> str:
        return f"Span({self.start_char}, {self.end_char}, {_short(self.text)})"

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start_char": self.start_char, "end_char": self.end_char, "text": self.text}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Span":
        return cls(int(d["start_char"]), int(d["end_char"]), str(d["text"]))


def _span_or_none(d: Mapping[str, Any] | None) -> Span | None:
    return None if d is None else Span.from_dict(d)


def _dict_or_none(s: Span | None) -> dict[str, Any] | None:
    return None if s is None else s.to_dict()


@dataclass(frozen=True)
class Attribution:
    """How a quote got its speaker: the sieve that decided and how sure it is."""

    method: str
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {"method": self.method, "confidence": self.confidence}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Attribution":
        return cls(str(d["method"]), float(d["confidence"]))


@dataclass(frozen=True)
class StanceLabel:
    """One classifier's stance of one quote towards one target."""

    target: str
    label: str
    score: float
    classifier: str
    evidence: tuple[Span, ...] = ()
    error: str | None = None

    def __repr__(self) -> str:
        extra = f", error={_short(self.error)}" if self.error else ""
        return f"StanceLabel({self.target!r}, {self.label!r}, {self.score}, {self.classifier!r}{extra})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "score": self.score,
            "classifier": self.classifier,
            "evidence": [e.to_dict() for e in self.evidence],
            "error": self.error,
        }

    @classmethod
    def from_dict(cls, target: str, d: Mapping[str, Any]) -> "StanceLabel":
        return cls(
            target=target,
            label=str(d["label"]),
            score=float(d["score"]),
            classifier=str(d["classifier"]),
            evidence=tuple(Span.from_dict(e) for e in d.get("evidence", ())),
            error=d.get("error"),
        )


class StanceMap(Mapping[str, StanceLabel]):
    """A quote's stance labels keyed by target name, like the JSON ``stance`` object.

    Read-only, ordered as classified, hashable and comparable (equal to any mapping with the same
    items), so a Quote holding one stays a frozen, hashable dataclass. Backed by a tuple of labels
    (each label knows its target); ``stance.labels`` gives that tuple, ``stance.values()`` the same.
    """

    __slots__ = ("_labels", "_index")

    def __init__(self, labels: "Iterable[StanceLabel] | Mapping[str, StanceLabel]" = ()) -> None:
        if isinstance(labels, Mapping):
            labels = labels.values()
        labels = tuple(labels)
        index: dict[str, StanceLabel] = {}
        for label in labels:
            if not isinstance(label, StanceLabel):
                raise TypeError(f"a stance map holds StanceLabel objects, not {type(label).__name__}")
            if label.target in index:
                raise ValueError(f"two stance labels for target {label.target!r}")
            index[label.target] = label
        object.__setattr__(self, "_labels", labels)
        object.__setattr__(self, "_index", index)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("StanceMap is read-only")

    @property
    def labels(self) -> tuple[StanceLabel, ...]:
        return self._labels

    def __getitem__(self, target: str) -> StanceLabel:
        try:
            return self._index[target]
        except KeyError:
            known = ", ".join(self._index) or "none (quote not classified)"
            raise KeyError(f"no stance label for target {target!r}; targets: {known}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._labels)

    def __hash__(self) -> int:
        return hash(frozenset(self._labels))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, StanceMap):
            return self._index == other._index
        if isinstance(other, Mapping):
            return self._index == dict(other)
        return NotImplemented

    def __reduce__(self):
        # pickling (worker processes, Dask) goes through the plain tuple of labels
        return (StanceMap, (self._labels,))

    def __repr__(self) -> str:
        return "{" + ", ".join(f"{t!r}: {s.label!r}" for t, s in self._index.items()) + "}"

    def to_dict(self) -> dict[str, Any]:
        return {t: s.to_dict() for t, s in self._index.items()}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> "StanceMap":
        return cls(StanceLabel.from_dict(t, s) for t, s in (d or {}).items())


@dataclass(frozen=True)
class Quote:
    """A quotation: direct (in quotation marks; kinds full, partial, heading, scare) or reported speech
    (kind ``indirect``: the reported clause of "X said Turkey would not back the bid", no marks).

    ``content`` is the quoted text without the marks; ``outer`` includes them.
    ``role`` is a tuple of spans because a role phrase need not be contiguous
    ("professor [Huseyin Bagci] of Ankara’s Middle East Technical University");
    ``role_text`` is its text, the parts joined by a space (the JSON ``role``).
    ``stance`` maps each target name to its StanceLabel (the JSON ``stance`` object); a tuple or
    list of labels given to the constructor or ``with_`` is turned into that mapping.
    A quote that runs over several paragraphs (news convention: an opening mark on
    each paragraph, a closing mark only on the last) has one entry per paragraph in
    ``parts``; ``content`` then covers all of them, inner marks included. A reported clause with the cue
    set into it ("The US, he said, would …") has its two pieces in ``parts`` the same way.
    """

    content: Span
    outer: Span
    kind: str
    paragraph: int
    depth: int = 0
    parts: tuple[Span, ...] = ()
    open_mark: str = ""
    close_mark: str = ""
    speaker: str | None = None
    speaker_mention: Span | None = None
    role: tuple[Span, ...] = ()
    cue: Span | None = None
    attribution: Attribution | None = None
    stance: StanceMap = field(default_factory=StanceMap)

    def __post_init__(self) -> None:
        if not isinstance(self.stance, StanceMap):
            object.__setattr__(self, "stance", StanceMap(self.stance))

    def __repr__(self) -> str:
        who = f", speaker={self.speaker!r}" if self.speaker else ""
        return f"Quote({self.start_char}:{self.end_char} {_short(self.text)}, kind={self.kind!r}{who})"

    @property
    def text(self) -> str:
        return self.content.text

    @property
    def statement_kind(self) -> str:
        """"indirect" for reported speech, "direct" for a quotation in marks (see STATEMENT_KINDS)."""
        return "indirect" if self.kind == "indirect" else "direct"

    @property
    def role_text(self) -> str | None:
        """The role as one string, parts joined by a space (None without a role), as in the JSON; any
        run of whitespace inside it is one space, as in ``speaker`` (web text puts non-breaking
        spaces in names and titles: "vice president at the\u00a0 U.S. Institute for Peace")."""
        return " ".join(w for p in self.role for w in p.text.split()) or None

    @property
    def start_char(self) -> int:
        return self.content.start_char

    @property
    def end_char(self) -> int:
        return self.content.end_char

    def with_(self, **changes: Any) -> "Quote":
        """A copy with some fields changed (the object itself is frozen)."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        # Flat, scorer-friendly keys first: text/start_char/end_char of the content,
        # speaker and role as plain strings; the spans behind them follow.
        return {
            "text": self.content.text,
            "start_char": self.content.start_char,
            "end_char": self.content.end_char,
            "outer": self.outer.to_dict(),
            "kind": self.kind,
            "paragraph": self.paragraph,
            "depth": self.depth,
            "parts": [p.to_dict() for p in self.parts],
            "open_mark": self.open_mark,
            "close_mark": self.close_mark,
            "speaker": self.speaker,
            "speaker_mention": _dict_or_none(self.speaker_mention),
            "role": self.role_text,
            "role_spans": [p.to_dict() for p in self.role],
            "cue": _dict_or_none(self.cue),
            "attribution": None if self.attribution is None else self.attribution.to_dict(),
            "stance": self.stance.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Quote":
        att = d.get("attribution")
        return cls(
            content=Span(int(d["start_char"]), int(d["end_char"]), str(d["text"])),
            outer=Span.from_dict(d["outer"]),
            kind=str(d["kind"]),
            paragraph=int(d["paragraph"]),
            depth=int(d.get("depth", 0)),
            parts=tuple(Span.from_dict(p) for p in d.get("parts", ())),
            open_mark=str(d.get("open_mark", "")),
            close_mark=str(d.get("close_mark", "")),
            speaker=d.get("speaker"),
            speaker_mention=_span_or_none(d.get("speaker_mention")),
            role=tuple(Span.from_dict(p) for p in d.get("role_spans", ())),
            cue=_span_or_none(d.get("cue")),
            attribution=None if att is None else Attribution.from_dict(att),
            stance=StanceMap.from_dict(d.get("stance")),
        )


@dataclass(frozen=True)
class DocResult:
    """Everything found in one document.

    ``records()`` gives one JSON-ready dict per quote (exactly the JSONL lines of ``stance quotes``),
    ``to_json()`` the whole result as one JSON object, ``to_dataframe()`` one pandas row per quote
    (nested fields flattened the way ``pandas.json_normalize`` does: ``stance.NATO.label``).
    """

    doc: str
    quotes: tuple[Quote, ...] = ()
    errors: tuple[str, ...] = field(default=())

    def __repr__(self) -> str:
        errors = f", errors={len(self.errors)}" if self.errors else ""
        return f"DocResult(doc={self.doc!r}, quotes={len(self.quotes)}{errors})"

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "quotes": [q.to_dict() for q in self.quotes], "errors": list(self.errors)}

    def to_json(self, **kwargs: Any) -> str:
        """The result as a JSON object (``to_dict``); keyword arguments go to ``json.dumps``."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "DocResult":
        return cls(
            doc=str(d["doc"]),
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes", ())),
            errors=tuple(d.get("errors", ())),
        )

    @classmethod
    def from_json(cls, text: str) -> "DocResult":
        return cls.from_dict(json.loads(text))

    def records(self) -> list[dict[str, Any]]:
        """One JSON-ready dict per quote, tagged with the document name: the JSONL rows of
        ``stance quotes --format jsonl`` (schema in the README)."""
        return [{"doc": self.doc, **q.to_dict()} for q in self.quotes]

    def to_dataframe(self):
        """One row per quote as a pandas DataFrame (see ``quotes_dataframe``)."""
        return quotes_dataframe([self])


def quote_records(results: Iterable[DocResult]) -> Iterator[dict[str, Any]]:
    """The per-quote records (JSONL rows) of many results, in order, lazily."""
    for r in results:
        yield from r.records()


def quotes_dataframe(results: Iterable[DocResult]):
    """One pandas row per quote over ``results``: the JSONL records flattened by
    ``pandas.json_normalize`` (columns ``doc``, ``text``, ``speaker``, ``role``, ``stance.NATO.label``,
    ``attribution.method``…; lists such as ``parts`` stay lists). Needs pandas:
    ``pip install "stance-engine[dataframe]"``."""
    try:
        import pandas as pd
    except ImportError as e:
        raise ImportError('quotes_dataframe() needs pandas: pip install "stance-engine[dataframe]"') from e
    return pd.json_normalize(list(quote_records(results)))
