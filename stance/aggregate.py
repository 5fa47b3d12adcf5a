"""Stage 6, aggregate: quotes from many documents → one row per speaker with stance counts per target.

Direct quotes and reported statements (kind "indirect") are counted in their own columns; the stance
counts are over both (``speaker_table(..., kinds=...)`` chooses which count).

Speakers are merged across documents: the same name, the same name spelled with or without accents,
or the same first name with a surname within a small edit distance ("Mevlut Cavusolgu" →
"Mevlut Cavusoglu"). A lone name ("Mikail") joins the one full name it is part of; a surname shared by several
full names, the one quoted five times as often as the next ("Obama": Barack, not Michelle). Two names whose
first names conflict never merge, however close the surnames. Only names are matched so: other speakers
("Russia’s foreign ministry", "US officials") merge only when spelled the same, and a description
("officials", "the agency", "a senior EU diplomat") is someone of its own document, never merged across
documents.
"""
from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from .model import STATEMENT_KINDS, DocResult, Quote, StanceLabel, parse_kinds
from .resolve import fold, is_description, is_name_word, names_compatible


@dataclass(frozen=True)
class Evidence:
    """The quote that speaks most strongly for a speaker's majority label on a target."""

    doc: str
    text: str
    start_char: int
    end_char: int
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "text": self.text, "start_char": self.start_char, "end_char": self.end_char, "score": self.score}


@dataclass(frozen=True)
class TargetSummary:
    target: str
    favor: int
    against: int
    none: int
    net: float  # (sum of favor scores - sum of against scores) / quotes, in [-1, 1]
    majority: str  # favor or against, whichever more quotes take; none if no quote takes a side or they tie
    evidence: Evidence | None
    # Quotes whose classifier failed on this target: not counted as favor/against/none (an error is
    # not an absence of stance) and shown in every format, so a broken classifier never looks like
    # a table of "none".
    failed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "favor": self.favor,
            "against": self.against,
            "none": self.none,
            "net": self.net,
            "majority": self.majority,
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "failed": self.failed,
        }

    def cell(self) -> str:
        """The Markdown cell: ``majority net (favor/against/none)``, plus ``N failed`` if any."""
        if self.failed and not (self.favor or self.against or self.none):
            return f"error [{self.failed} failed]"
        text = f"{self.majority} {self.net:+.2f} ({self.favor}/{self.against}/{self.none})"
        return text + (f" [{self.failed} failed]" if self.failed else "")


@dataclass(frozen=True)
class SpeakerRow:
    speaker: str
    names: tuple[str, ...]  # every spelling merged into this row, most frequent first
    roles: tuple[str, ...]  # roles seen, most frequent first
    quotes: int  # direct quotes (in quotation marks)
    docs: tuple[str, ...]
    stance: tuple[TargetSummary, ...]  # over every statement counted: quotes and reported speech
    indirect: int = 0  # reported statements ("X said Turkey would …"), counted apart from quotes

    @property
    def statements(self) -> int:
        """Quotes and reported statements together: what the stance counts are over."""
        return self.quotes + self.indirect

    def summary(self, target: str) -> TargetSummary | None:
        return next((s for s in self.stance if s.target == target), None)

    @property
    def label(self) -> str:
        """The speaker as the Markdown table shows it: a description with its document ("officials
        (d08)"), since it stands for someone of that document only."""
        return f"{self.speaker} ({self.docs[0]})" if is_description(self.speaker) and self.docs else self.speaker

    @property
    def role(self) -> str:
        """The most frequent role ("" without one): the ``role`` column of the tables."""
        return self.roles[0] if self.roles else ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "names": list(self.names),
            "role": self.role,
            "roles": list(self.roles),
            "quotes": self.quotes,
            "indirect": self.indirect,
            "docs": list(self.docs),
            "stance": {s.target: s.to_dict() for s in self.stance},
        }


@dataclass(frozen=True)
class SpeakerTable:
    targets: tuple[str, ...]
    rows: tuple[SpeakerRow, ...]
    unattributed: int = 0  # statements with no speaker (headings, scare quotes, unresolved mentions)
    kinds: tuple[str, ...] = STATEMENT_KINDS  # which statements were counted (see stance.model.STATEMENT_KINDS)

    def to_dict(self) -> dict[str, Any]:
        return {
            "targets": list(self.targets),
            "kinds": list(self.kinds),
            "rows": [r.to_dict() for r in self.rows],
            "unattributed": self.unattributed,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_markdown(self) -> str:
        """A Markdown table; each target cell is ``majority net (favor/against/none)``. The ``indirect``
        column (reported statements) is there when the table counts some (CSV and JSON always have it)."""
        counts = ["quotes", "indirect"] if any(r.indirect for r in self.rows) else ["quotes"]
        head = ["speaker", "role", *counts, "docs", *self.targets]
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for r in self.rows:
            cells = [r.label, r.role, str(r.quotes), *([str(r.indirect)] if len(counts) > 1 else []), str(len(r.docs))]
            for t in self.targets:
                s = r.summary(t)
                cells.append(s.cell() if s else "")
            lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
        lines.append("")
        statements = "quotes and reported statements" if len(counts) > 1 else "quotes"
        lines.append(
            f"Cells: the side most of the speaker's {statements} take (none: no side, or a tie), net = (favor − against)"
            f" / {statements} in [-1, 1] with each weighed by its stance score, and the (favor/against/none)"
            f" counts. {self.unattributed} {statements} had no speaker."
        )
        return "\n".join(lines) + "\n"

    def to_csv(self) -> str:
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        # The Markdown columns first, with the same names and meanings (docs: a count), then the lists
        # behind them; in JSON (nested, like the Python objects) docs and roles are the lists.
        head = ["speaker", "role", "quotes", "indirect", "docs", "roles", "doc_names"]
        per_target = ["favor", "against", "none", "net", "majority", "evidence", "failed"]
        for t in self.targets:
            head += [f"{t}_{c}" for c in per_target]
        w.writerow(head)
        for r in self.rows:
            row: list[Any] = [r.speaker, r.role, r.quotes, r.indirect, len(r.docs), "; ".join(r.roles), "; ".join(r.docs)]
            for t in self.targets:
                s = r.summary(t)
                if s is None:
                    row += [""] * len(per_target)
                    continue
                row += [s.favor, s.against, s.none, s.net, s.majority, s.evidence.text if s.evidence else "", s.failed]
            w.writerow(row)
        return out.getvalue()

    def to_dataframe(self):
        """The CSV columns as a pandas DataFrame (pandas is optional: ``pip install pandas``)."""
        try:
            import pandas as pd
        except ImportError as e:
            raise ImportError("to_dataframe() needs pandas: pip install pandas") from e
        return pd.read_csv(io.StringIO(self.to_csv()), keep_default_na=False)


def _md(cell: str) -> str:
    return " ".join(cell.split()).replace("|", "\\|")


# -- merging speakers ------------------------------------------------------------
# A lone surname shared by several people quoted in full ("Obama": Barack and Michelle) is the one
# quoted at least this many times as often as any other: a document that names a person only by
# surname names the one its readers know, and within each document the resolver has already
# given a surname to the full name the document states.
LONE_NAME_DOMINANCE = 5

def same_person(a: str, b: str) -> bool:
    """Whether two full speaker names can be one person: the same rule as within a document
    (surnames equal or one misspelled, first names not in conflict), over accent-folded names.
    Speakers that are not names ("US officials", "Ukrainian officials") are one only when spelled
    the same: read as names they would share a "surname" and an "initial"."""
    ta, tb = tuple(fold(a).split()), tuple(fold(b).split())
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if len(ta) == 1 or len(tb) == 1:
        return False  # a lone name joins only through merge_names' unique-containment rule
    return is_full_name(a) and is_full_name(b) and names_compatible(ta, tb)


def _is_lone_name(name: str) -> bool:
    """A single word that can be a given name or a surname: capitalised, not an acronym ("US", "EU")."""
    return len(name.split()) == 1 and name[:1].isupper() and any(c.islower() for c in name)


def is_full_name(name: str) -> bool:
    """Whether ``name`` reads as a person's full name: two words or more, each capitalised or a name
    particle. "Double standards’ Russia" (a crosshead run into the sentence) is a phrase, not a name."""
    words = name.split()
    return len(words) > 1 and all(map(is_name_word, words))


def merge_names(counts: Counter) -> dict[str, str]:
    """Map every speaker name to its row's canonical name (the most frequent spelling in the group)."""
    names = sorted(counts, key=lambda n: (-counts[n], -len(n), n))
    groups: list[list[str]] = []
    for n in names:
        home = next((g for g in groups if all(same_person(n, m) for m in g)), None)
        if home is None:
            groups.append([n])
        else:
            home.append(n)
    # A lone name ("Mikail") joins the group of the one full name that contains it; of several
    # ("Obama": Barack Obama, Michelle Obama), the one the corpus quotes far more often than the others.
    singles = [g for g in groups if len(g) == 1 and _is_lone_name(g[0])]
    for g in singles:
        token = fold(g[0])
        # a lone name that joined its home already is an emptied group: no home for another
        homes = [h for h in groups if h and h is not g and is_full_name(h[0]) and token in fold(h[0]).split()]
        homes.sort(key=lambda h: -sum(counts[n] for n in h))
        if len(homes) == 1 or _surname_of_the_best_known(g[0], homes, counts):
            homes[0].append(g[0])
            g.clear()
    return {n: g[0] for g in groups if g for n in g}


def _surname_of_the_best_known(name: str, homes: list[list[str]], counts: Counter) -> bool:
    """Whether the lone ``name`` is the surname of the first of ``homes`` (most quoted first), which
    is quoted LONE_NAME_DOMINANCE times as often as the next. Only a capitalised last word: a given
    name alone ("James") or a first word ("GOP" of "GOP Candidates") says too little."""
    if len(homes) < 2 or not name[:1].isupper() or fold(homes[0][0]).split()[-1] != fold(name):
        return False
    quoted = [sum(counts[n] for n in h) for h in homes[:2]]
    return quoted[0] >= LONE_NAME_DOMINANCE * quoted[1]


# -- the table -------------------------------------------------------------------
def speaker_table(results: Iterable[DocResult], targets: Sequence[str] | None = None, kinds=STATEMENT_KINDS) -> SpeakerTable:
    """One row per speaker over all ``results``, the most statements first.

    ``targets``: the columns, in order (default: every target seen, in first-seen order).
    ``kinds``: which statements count, "direct" quotes and/or "indirect" reported speech (default:
    both, each counted in its own column; a result has reported speech only if it was analysed with
    ``kinds`` including "indirect").
    """
    kinds = parse_kinds(kinds)
    quotes: list[tuple[str, Quote]] = []
    unattributed = 0
    seen_targets: dict[str, None] = {}
    for r in results:
        for q in r.quotes:
            if q.statement_kind not in kinds:
                continue
            for target in q.stance:
                seen_targets.setdefault(target, None)
            if q.speaker:
                quotes.append((r.doc, q))
            elif q.depth == 0:
                unattributed += 1
    columns = tuple(targets) if targets is not None else tuple(seen_targets)
    canonical = merge_names(Counter(q.speaker for _, q in quotes if not is_description(q.speaker)))
    # a row per name, and per document for a description: the officials of one article are not another's
    grouped: dict[tuple[str, str], list[tuple[str, Quote]]] = defaultdict(list)
    for doc, q in quotes:
        key = (q.speaker, doc) if is_description(q.speaker) else (canonical[q.speaker], "")
        grouped[key].append((doc, q))
    rows = [_row(name, items, columns) for (name, _), items in grouped.items()]
    rows.sort(key=lambda r: (-r.statements, -len(r.docs), r.speaker, r.docs))
    return SpeakerTable(columns, tuple(rows), unattributed, kinds)


def _row(name: str, items: list[tuple[str, Quote]], targets: Sequence[str]) -> SpeakerRow:
    names = Counter(q.speaker for _, q in items)
    roles = Counter(q.role_text for _, q in items if q.role_text)
    docs = tuple(dict.fromkeys(doc for doc, _ in items))
    summaries = tuple(_summary(t, [(doc, q, _label(q, t)) for doc, q in items]) for t in targets)
    return SpeakerRow(
        speaker=name,
        names=tuple(n for n, _ in names.most_common()),
        roles=tuple(r for r, _ in roles.most_common()),
        quotes=sum(1 for _, q in items if q.statement_kind == "direct"),
        docs=docs,
        stance=summaries,
        indirect=sum(1 for _, q in items if q.statement_kind == "indirect"),
    )


def _label(q: Quote, target: str) -> StanceLabel | None:
    return q.stance.get(target)


def _summary(target: str, labelled: list[tuple[str, Quote, StanceLabel | None]]) -> TargetSummary:
    failed = sum(1 for _, _, s in labelled if s is not None and s.error)
    counts = Counter(s.label if s is not None else "none" for _, _, s in labelled if s is None or not s.error)
    favor, against, none = counts["favor"], counts["against"], counts["none"]
    total = max(1, favor + against + none)
    # The side most of the speaker's quotes on this target take; none when no quote takes a side or
    # the sides tie. (Quotes without a position are counted in ``none`` and dilute ``net``.)
    majority = "none" if favor == against else ("favor" if favor > against else "against")
    best = None
    if majority != "none":
        doc, q, s = max(
            ((d, q, s) for d, q, s in labelled if s is not None and not s.error and s.label == majority), key=lambda x: x[2].score
        )
        best = Evidence(doc, q.text, q.start_char, q.end_char, s.score)
    # net weighs each quote by the classifier's confidence in its side (a probability for the
    # trained classifiers): two sure quotes for outweigh three hesitant ones against.
    weight = sum((s.score if s.label == "favor" else -s.score) for _, _, s in labelled if s is not None and not s.error and s.label != "none")
    return TargetSummary(target, favor, against, none, round(weight / total, 3), majority, best, failed)
