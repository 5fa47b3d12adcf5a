"""Public data model: frozen dataclasses of plain Python values.

Every span carries ``start_char``/``end_char`` into the ORIGINAL text, so that
``text[span.start_char:span.end_char] == span.text`` always holds. No spaCy object
ever appears in a public result, and every object round-trips losslessly through
``to_dict``/``from_dict`` (and therefore through JSON).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Mapping

QUOTE_KINDS = ("full", "partial", "heading", "scare")
STANCE_LABELS = ("favor", "against", "none")


@dataclass(frozen=True)
class Span:
    """A stretch of the original text."""

    start_char: int
    end_char: int
    text: str

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


@dataclass(frozen=True)
class Quote:
    """A direct quotation.

    ``content`` is the quoted text without the marks; ``outer`` includes them.
    ``role`` is a tuple of spans because a role phrase need not be contiguous
    ("professor [Huseyin Bagci] of Ankara’s Middle East Technical University");
    its text is the parts joined by a space.
    A quote that runs over several paragraphs (news convention: an opening mark on
    each paragraph, a closing mark only on the last) has one entry per paragraph in
    ``parts``; ``content`` then covers all of them, inner marks included.
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
    stance: tuple[StanceLabel, ...] = ()

    @property
    def text(self) -> str:
        return self.content.text

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
            "role": " ".join(p.text for p in self.role) or None,
            "role_spans": [p.to_dict() for p in self.role],
            "cue": _dict_or_none(self.cue),
            "attribution": None if self.attribution is None else self.attribution.to_dict(),
            "stance": {s.target: s.to_dict() for s in self.stance},
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
            stance=tuple(StanceLabel.from_dict(t, s) for t, s in (d.get("stance") or {}).items()),
        )


@dataclass(frozen=True)
class DocResult:
    """Everything found in one document."""

    doc: str
    quotes: tuple[Quote, ...] = ()
    errors: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "quotes": [q.to_dict() for q in self.quotes], "errors": list(self.errors)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "DocResult":
        return cls(
            doc=str(d["doc"]),
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes", ())),
            errors=tuple(d.get("errors", ())),
        )

    def records(self) -> list[dict[str, Any]]:
        """One JSON-ready dict per quote, each tagged with the document name (JSONL rows)."""
        return [{"doc": self.doc, **q.to_dict()} for q in self.quotes]
