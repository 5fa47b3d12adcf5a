"""Scoring a run against a gold file (``stance evaluate``): quotes, speakers, roles, stance.

Gold: JSONL, one quotation per line::

    {"doc": "d01", "quote": "<the start of the quote's content>", "kind": "full", "optional": false,
     "speaker": "Anna Petrova", "speaker_alternatives": [], "role": "foreign minister",
     "stance": {"NATO": "favor", "Russia": "none"}, "start_char": 120, "end_char": 168}

``doc`` is the file name without extension; ``quote`` a prefix of the content (``start_char`` /
``end_char``, when given, locate it exactly); ``speaker`` null for quotation marks nobody speaks
through (headings, scare quotes), left out where speakers were not labelled (the quote and its
stance are scored, not its speaker or role); ``optional`` rows count when found but are not required; stance
labels favor|against|none, or ``?`` for not scored.

Metrics: quote recall over required attributed rows and precision of the attributed quotes found;
speaker accuracy (the surname must agree; pronoun-free names compared without accents and
honorifics) over required rows with a speaker; role token-F1 over matched rows with a gold role; stance per target
as a confusion matrix and F_avg, the mean F1 of favor and against (SemEval-2016 Task 6), and over
all targets together.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .errors import InputError
from .model import STANCE_LABELS, DocResult

_MARKS = "\"'“”‘’«»„‚‹›`´ "
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "the", "president", "minister", "general"})
_ROLE_STOP = frozenset({"the", "of", "a", "an", "and", "in", "s"})


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).strip(_MARKS).lower()


def _name_words(name: str | None) -> list[str]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name or "") if not unicodedata.combining(c))
    return [w for w in re.findall(r"[a-z]+", plain.lower()) if w not in _HONORIFICS]


def same_speaker(predicted: str | None, gold: Sequence[str]) -> bool:
    """The predicted name is one of the gold names: same surname (last word), or all words shared."""
    p = _name_words(predicted)
    if not p:
        return False
    for g in map(_name_words, gold):
        if g and (p[-1] == g[-1] or len(set(p) & set(g)) >= min(len(p), len(g))):
            return True
    return False


def role_f1(predicted: str | None, gold: str | None) -> float:
    """Token-overlap F1 of two role phrases (lowercase content words)."""
    p = [w for w in re.findall(r"[a-z0-9-]+", (predicted or "").lower()) if w not in _ROLE_STOP]
    g = [w for w in re.findall(r"[a-z0-9-]+", (gold or "").lower()) if w not in _ROLE_STOP]
    common = sum((Counter(p) & Counter(g)).values())
    if not common:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def f1_scores(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """F1 of favor and of against, and their mean F_avg, over (gold, predicted) label pairs."""
    pairs = list(pairs)
    out = {}
    for label in ("favor", "against"):
        tp = sum(g == label and p == label for g, p in pairs)
        fp = sum(g != label and p == label for g, p in pairs)
        fn = sum(g == label and p != label for g, p in pairs)
        out[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    out["f_avg"] = (out["favor"] + out["against"]) / 2
    return out


@dataclass
class Report:
    required: int = 0
    found: int = 0
    attributed: int = 0
    attributed_matched: int = 0
    speakers_right: int = 0
    speaker_rows: int = 0
    unspoken: int = 0
    unspoken_ok: int = 0
    role_sum: float = 0.0
    role_rows: int = 0
    documents: int = 0
    # gold documents that were not among the analysed ones (left out, not counted as missed), and
    # analysed documents the gold file has no rows for (not scored: nothing says what they quote)
    gold_documents_left_out: int = 0
    documents_without_gold: int = 0
    stance: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 0.0

    @property
    def precision(self) -> float:
        return self.attributed_matched / self.attributed if self.attributed else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speaker_rows if self.speaker_rows else 0.0

    @property
    def role_f1(self) -> float:
        return self.role_sum / self.role_rows if self.role_rows else 0.0

    def stance_scores(self) -> dict[str, dict[str, float]]:
        """Per target and over all targets (``"all"``): favor, against, f_avg."""
        out = {t: f1_scores(p) for t, p in sorted(self.stance.items())}
        out["all"] = f1_scores(p for pairs in self.stance.values() for p in pairs)
        return out

    def confusion(self, target: str) -> dict[str, dict[str, int]]:
        """gold label → predicted label → count."""
        counts = Counter(self.stance.get(target, ()))
        return {g: {p: counts[(g, p)] for p in STANCE_LABELS} for g in STANCE_LABELS}

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": {"scored": self.documents, "gold_left_out": self.gold_documents_left_out,
                          "without_gold": self.documents_without_gold},
            "quotes": {"required": self.required, "found": self.found, "recall": round(self.recall, 4),
                       "attributed": self.attributed, "attributed_matched": self.attributed_matched,
                       "precision": round(self.precision, 4)},
            "speakers": {"right": self.speakers_right, "rows": self.speaker_rows, "accuracy": round(self.speaker_accuracy, 4),
                         "unspoken_left_alone": self.unspoken_ok, "unspoken": self.unspoken},
            "roles": {"rows": self.role_rows, "token_f1": round(self.role_f1, 4)},
            "stance": {t: {k: round(v, 4) for k, v in s.items()} for t, s in self.stance_scores().items()},
            "confusion": {t: self.confusion(t) for t in sorted(self.stance)},
        }

    def to_text(self) -> str:
        lines = [_documents_line(self)] if self.gold_documents_left_out or self.documents_without_gold else []
        lines += [
            f"quotes    recall {self.found}/{self.required} = {self.recall:.3f}   "
            f"attributed precision {self.attributed_matched}/{self.attributed} = {self.precision:.3f}",
        ]
        if self.speaker_rows or self.unspoken:
            lines += [
                f"speakers  {self.speakers_right}/{self.speaker_rows} = {self.speaker_accuracy:.3f}   "
                f"unspoken quotes left unattributed {self.unspoken_ok}/{self.unspoken}",
                f"roles     token-F1 {self.role_f1:.3f} over {self.role_rows} rows",
            ]
        else:  # a gold file with quotes and stance only: no figure for what it does not label
            lines.append("speakers  not labelled in the gold file (no \"speaker\" key)")
        scores = self.stance_scores()
        for target in sorted(self.stance):
            s = scores[target]
            lines.append(f"stance    {target}: F_avg {s['f_avg']:.3f} (favor {s['favor']:.3f}, against {s['against']:.3f})")
            m = self.confusion(target)
            lines.append("          gold \\ predicted   " + "".join(f"{p:>9}" for p in STANCE_LABELS))
            for g in STANCE_LABELS:
                lines.append(f"          {g:<19}" + "".join(f"{m[g][p]:>9}" for p in STANCE_LABELS))
        if self.stance:
            a = scores["all"]
            lines.append(f"stance    all targets: F_avg {a['f_avg']:.3f} (favor {a['favor']:.3f}, against {a['against']:.3f})")
        return "\n".join(lines) + "\n"


def _documents_line(report: Report) -> str:
    parts = [f"documents {report.documents} scored"]
    if report.gold_documents_left_out:
        parts.append(f"{report.gold_documents_left_out} gold documents not among the FILEs left out")
    if report.documents_without_gold:
        parts.append(f"{report.documents_without_gold} FILEs without gold rows not scored")
    return "; ".join(parts)


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    rows = []
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read gold file ({getattr(e, 'strerror', None) or e})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}:{n}: not JSON ({e})") from None
        if not isinstance(row, dict) or not isinstance(row.get("doc"), str) or not isinstance(row.get("quote"), str):
            raise InputError(f"{path}:{n}: a gold row needs string fields 'doc' and 'quote'")
        rows.append(row)
    return rows


def matches_gold(gold: Mapping[str, Any], quote: Mapping[str, Any]) -> bool:
    """Whether a found quote (``Quote.to_dict()``) is the gold quotation ``gold``: the same place, or
    the gold words at its start (or inside it, for a longer gold quotation)."""
    if (gold.get("kind") == "indirect") != (quote.get("kind") == "indirect"):
        return False  # reported speech is scored against reported speech, quotations against quotations
    if isinstance(gold.get("start_char"), int) and abs(quote["start_char"] - gold["start_char"]) <= 2:
        return True  # the same place (give or take a space or mark)
    g, p = _norm(gold["quote"]), _norm(quote["text"])
    if not g or not (p.startswith(g) or (len(g) > 12 and g in p)):
        return False
    # a fragment's gold is the whole fragment: a much longer quote is another one
    return gold.get("kind") not in ("partial", "scare", "heading") or len(p) <= len(g) + 3


def find_gold(gold: Mapping[str, Any], quotes: Sequence[Mapping[str, Any]], used: set[int]) -> int | None:
    """The index of the first of ``quotes`` (``Quote.to_dict()``) not in ``used`` that is the gold
    quotation ``gold``, which then joins ``used`` (one found quote answers one gold row)."""
    hit = next((i for i, q in enumerate(quotes) if i not in used and matches_gold(gold, q)), None)
    if hit is not None:
        used.add(hit)
    return hit


def check_documents(gold_rows: Sequence[Mapping[str, Any]], docs: Iterable[str]) -> None:
    """InputError where none of ``docs`` has gold rows: the names do not meet (a gold file for other
    articles, or files renamed), and scoring would print zeros that mean nothing."""
    docs, gold_docs = set(docs), {g["doc"] for g in gold_rows}
    if gold_docs and docs and not gold_docs & docs:
        raise InputError(
            f"none of the {len(docs)} documents has gold rows: the gold file names documents such as "
            f"{min(gold_docs)!r}, and a FILE's document is its file name without extension (here e.g. {min(docs)!r})"
        )


def evaluate(gold_rows: Sequence[Mapping[str, Any]], results: Iterable[DocResult]) -> Report:
    """Score ``results`` against the gold rows of their documents (a document is its file name
    without extension). Only documents that are both analysed and in the gold file are scored:
    scoring a few articles of a larger gold file scores those articles (the gold rows of the others
    are left out, not counted as missed), and an analysed document without gold rows is not scored."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in results:
        by_doc.setdefault(r.doc, []).extend(q.to_dict() for q in r.quotes)
    check_documents(gold_rows, by_doc)
    gold_docs = {g["doc"] for g in gold_rows}
    scored = gold_docs & by_doc.keys()
    report = Report(documents=len(scored), gold_documents_left_out=len(gold_docs - scored),
                    documents_without_gold=len(by_doc.keys() - gold_docs))
    used: dict[str, set[int]] = {}
    for g in (g for g in gold_rows if g["doc"] in scored):
        quotes = by_doc[g["doc"]]
        hit = find_gold(g, quotes, used.setdefault(g["doc"], set()))
        q = quotes[hit] if hit is not None else None
        labelled = "speaker" in g  # no "speaker" key: speakers were not labelled, only quotes and stance
        if labelled and g["speaker"] is None:
            report.unspoken += 1
            report.unspoken_ok += q is None or not q.get("speaker")
            continue
        required = not g.get("optional")
        report.required += required
        report.found += required and q is not None
        if q is None:
            if required:
                report.errors.append(f"missed  {g['doc']}: {g['quote'][:60]!r}")
            continue
        if labelled:
            report.speaker_rows += required
            names = [g["speaker"], *g.get("speaker_alternatives", ())]
            if same_speaker(q.get("speaker"), names):
                report.speakers_right += required
            else:
                report.errors.append(f"speaker {g['doc']}: {g['quote'][:50]!r} gold={g['speaker']!r} got={q.get('speaker')!r}")
        if g.get("role"):
            report.role_rows += 1
            report.role_sum += role_f1(q.get("role"), g["role"])
        for target, label in (g.get("stance") or {}).items():
            if label in STANCE_LABELS:
                got = (q.get("stance") or {}).get(target) or {}
                predicted = got.get("label", "none")
                report.stance.setdefault(target, []).append((label, predicted))
                if predicted != label:
                    report.errors.append(f"stance  {g['doc']}: {g['quote'][:50]!r} {target} gold={label} got={predicted}")
    for doc in scored:
        for i, q in enumerate(by_doc[doc]):
            if q.get("speaker"):
                report.attributed += 1
                report.attributed_matched += i in used.get(doc, ())
    return report
