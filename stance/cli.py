"""Command line: a thin layer over the library (argument parsing and output only).

Each subcommand is one ``add_*`` function (its arguments) and one ``cmd_*`` function (its run);
``SUBCOMMANDS`` lists them, and the options every corpus command shares come from
``add_corpus_options``. ``-`` is standard input as a FILE and standard output as ``--out``.
"""
from __future__ import annotations

import argparse
import collections
import contextlib
import os
import sys
import warnings
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

from tqdm import tqdm

from . import __version__
from .aggregate import speaker_table
from .batch import analyze_many
from .classify import DEFAULT_CLASSIFIER
from .errors import InputError, PluginError, PluginWarning, StanceError
from .io import doc_name, jsonl_lines, read_document, write_output
from .model import STANCE_LABELS, STATEMENT_KINDS, DocResult, parse_kinds
from .plot import PLOT_FORMATS, plot_format, plot_table
from .plugins import PluginHost, default_host, parse_classifier_choice
from .targets import load_targets_toml

# Exit codes: 0 all files processed, 1 some failed (or a classifier failed, with --errors fail),
# 2 bad usage (arguments, unknown classifier, invalid targets file, broken plugin).
EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def say(kind: str, message: str) -> None:
    """One line on stderr, ``stance: KIND: message``, the way every CLI message looks."""
    print(f"stance: {kind}: {message}", file=sys.stderr)


# -- the shared corpus run ------------------------------------------------------------------------
def stance_options(args: argparse.Namespace) -> dict:
    """analyze() keyword arguments for --classifier and --targets (checked before any file is read)."""
    host = default_host()
    choice = parse_classifier_choice(args.classifier or [DEFAULT_CLASSIFIER])
    if choice is None:
        return {"classifier": None}
    targets = list(host.targets.values())
    for path in args.targets or ():
        for t in load_targets_toml(path):
            if any(t.name == known.name for known in targets):
                raise InputError(f"{path}: target {t.name!r} is already registered")
            targets.append(t)
    if isinstance(choice, dict):
        names = {t.name for t in targets}
        for target in choice.keys() - {"*"} - names:
            raise PluginError(f"--classifier {target}=…: unknown target {target!r}; targets: {', '.join(sorted(names))}")
        # TARGET=none (or a bare none beside TARGET=NAME, for the rest) leaves those targets out
        keep = {t for t, n in choice.items() if n != "none"}
        targets = [t for t in targets if (t.name in keep if t.name in choice else "*" in keep)]
        choice = {t: n for t, n in choice.items() if n != "none"}
        if not targets:
            return {"classifier": None}
        for name in set(choice.values()):
            host.classifier(name)
    else:
        host.classifier(choice)
    models = _models(args, host, choice)
    if models:
        # A host of its own (the process-wide one keeps the shipped models); loading the file here
        # reports a missing or corrupt one before any document is read.
        host = PluginHost()
        for name, path in models.items():
            host.use_model(name, path)
    if args.processes > 1:  # workers load plugins (and the models) themselves
        return {"classifier": choice, "targets": targets, "classifier_models": models}
    return {"classifier": choice, "targets": targets, "host": host}


def kinds_option(args: argparse.Namespace) -> tuple[str, ...]:
    """--kinds as a tuple of statement kinds (InputError naming an unknown one)."""
    try:
        return parse_kinds(args.kinds)
    except InputError as e:
        raise InputError(f"--kinds {args.kinds}: {e}") from None


def _models(args: argparse.Namespace, host: PluginHost, choice) -> dict[str, str]:
    """--model PATH for each chosen classifier that reads a model file: classifier name → PATH."""
    if not getattr(args, "model", None):
        return {}
    names = sorted(set(choice.values()) if isinstance(choice, dict) else {choice})
    takers = [n for n in names if callable(getattr(host.classifier(n), "with_model", None))]
    if not takers:
        raise PluginError(
            f"--model: the chosen classifier{'s' * (len(names) > 1)} ({', '.join(names)}) read no model file; "
            f"pick one that does, e.g. --classifier linear.v1"
        )
    return {n: args.model for n in takers}


@dataclass
class Run:
    """What happened over one corpus run, for the summary on stderr and the exit code."""

    documents: int = 0
    quotes: int = 0
    failed_files: int = 0
    # classifier name -> number of stance labels it failed on, and the first message
    classifier_failures: collections.Counter = field(default_factory=collections.Counter)
    first_failure: dict[str, str] = field(default_factory=dict)
    stopped: bool = False

    def count(self, result: DocResult) -> int:
        """Record a result; the number of stance labels in it that carry an error."""
        self.documents += 1
        self.quotes += len(result.quotes)
        n = 0
        for q in result.quotes:
            for label in q.stance.values():
                if label.error:
                    n += 1
                    self.classifier_failures[label.classifier] += 1
                    self.first_failure.setdefault(label.classifier, label.error)
        return n

    def report(self, args: argparse.Namespace) -> int:
        """The closing lines on stderr; returns the exit code."""
        host = default_host() if self.classifier_failures else None
        for name, n in self.classifier_failures.most_common():
            try:
                plugin = host.owner("classifier", name) if host else "?"
            except KeyError:
                plugin = "?"
            say(
                "error" if args.errors == "fail" else "warning",
                f"classifier {name!r} (plugin {plugin!r}) failed on {n} stance label{'s' * (n != 1)}; "
                f"those cells are marked as errors, not counted as none. First error: {self.first_failure[name]}",
            )
        if not self.quotes and not self.stopped:
            say("note", f"no quotes found in {self.documents} document{'s' * (self.documents != 1)}")
        if self.failed_files or (self.classifier_failures and args.errors == "fail"):
            return EXIT_SOME_FAILED
        return EXIT_OK


def analysed(args: argparse.Namespace, run: Run) -> Iterator[DocResult]:
    """Analyse every readable FILE (``-``: stdin), yielding each result as soon as it is ready.

    A failure is reported on stderr, naming the file, and the run goes on (``--errors skip``) or
    stops there (``--errors fail``; a classifier failure stops it too).
    """
    options = {**stance_options(args), "kinds": kinds_option(args)}
    paths = args.files
    # A progress bar only for a person watching: not when stderr is a file or pipe, not with --quiet.
    bar = tqdm(total=len(paths), unit="doc", file=sys.stderr, disable=args.quiet or not sys.stderr.isatty() or len(paths) < 2)

    def report(message: str) -> None:
        run.failed_files += 1
        bar.write(f"stance: error: {message}", file=sys.stderr)
        run.stopped = run.stopped or args.errors == "fail"

    pending: collections.deque[str] = collections.deque()  # paths handed to analyze_many, in order

    def readable():
        for path in paths:
            if run.stopped:
                return
            try:
                text = read_document(path)
            except InputError as e:
                report(str(e))
                bar.update(1)
                continue
            pending.append(path)
            yield doc_name(path), text

    with bar:
        for result in analyze_many(readable(), n_process=args.processes, **options):
            path = pending.popleft()
            bar.update(1)
            if result.errors and not result.quotes:
                report(f"{path}: analysis failed: {'; '.join(result.errors)}")
            elif run.count(result) and args.errors == "fail":
                run.stopped = True
            yield result
            if run.stopped:
                break


# -- stance quotes --------------------------------------------------------------------------------
_SIGN = {"favor": "+", "against": "-"}


def quotes_table(results: Iterable[DocResult]) -> str:
    """The ``--format table`` text: one row per quote ("" when there is none)."""

    def cut(s: str, n: int) -> str:
        s = " ".join(s.split())
        return s[:n] + ("…" if len(s) > n else "")

    rows = [("doc", "para", "kind", "speaker", "role", "stance", "quote")]
    for r in results:
        for q in r.quotes:
            # a failed classification is shown as such, never as a quiet "no stance"
            stance = " ".join(
                f"{t}:{'error' if s.error else _SIGN[s.label]}" for t, s in q.stance.items() if s.error or s.label != "none"
            )
            rows.append(
                (r.doc[:24], str(q.paragraph), q.kind, q.speaker or "-", cut(q.role_text or "", 32) or "-", stance or "-", cut(q.text, 60))
            )
    if len(rows) == 1:
        return ""
    widths = [max(len(row[i]) for row in rows) for i in range(6)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)) + "  " + row[6] for row in rows]
    return "\n".join(lines) + "\n"


def cmd_quotes(args: argparse.Namespace) -> int:
    run = Run()
    results = analysed(args, run)
    if args.format == "jsonl":
        write_output(args.out, jsonl_lines(results))  # streamed: one document at a time
    else:
        write_output(args.out, [quotes_table(list(results))])
    return run.report(args)


def add_quotes(sub) -> None:
    q = sub.add_parser(
        "quotes",
        help="list the quotations in FILEs (a table, or one JSON object per quote)",
        description="List the quotations in FILEs with speaker, role and stance.",
    )
    add_corpus_options(q)
    q.add_argument(
        "--format",
        choices=["table", "jsonl"],
        default="table",
        help="table: one aligned row per quote; jsonl: one JSON object per quote, streamed document by "
        "document (schema in the README) (default: %(default)s)",
    )
    q.set_defaults(func=cmd_quotes)


# -- stance table ---------------------------------------------------------------------------------
def cmd_table(args: argparse.Namespace) -> int:
    if args.plot:
        plot_format(args.plot)  # refuse an unknown image format before analysing anything
    run = Run()
    table = speaker_table(analysed(args, run), kinds=kinds_option(args))
    if table.rows or args.format != "md":  # md is for people: a message instead of an empty table
        write_output(args.out, [{"md": table.to_markdown, "csv": table.to_csv, "json": table.to_json}[args.format]()])
    elif run.quotes:
        say("note", f"{run.quotes} statement{'s' * (run.quotes != 1)} found, none with a speaker: no table")
    if args.plot:
        try:
            plot_table(table, args.plot)
        except InputError as e:
            say("warning", str(e))
    return run.report(args)


def add_table(sub) -> None:
    t = sub.add_parser(
        "table",
        help="one row per speaker over FILEs: roles, quotes, reported statements, documents, stance per target",
        description="One row per speaker over all FILEs: roles, quotes and reported statements (counted "
        "apart), documents and stance per target.",
    )
    add_corpus_options(t, kinds="direct,indirect")
    t.add_argument(
        "--format",
        choices=["md", "csv", "json"],
        default="md",
        help="md: a Markdown table; csv: one row per speaker with per-target columns; json: nested, "
        "like the Python objects (default: %(default)s)",
    )
    t.add_argument(
        "--plot",
        metavar="PATH",
        help=f"also write a speakers × targets heatmap; the extension picks the format "
        f"({', '.join(f[1:] for f in PLOT_FORMATS)}) (default: no plot)",
    )
    t.set_defaults(func=cmd_table)


# -- stance plugins -------------------------------------------------------------------------------
def cmd_plugins(args: argparse.Namespace) -> int:
    import json

    # Not strict: a broken plugin is listed with its error instead of hiding every other one.
    infos = PluginHost(strict=False).info()
    write_output(None, [json.dumps([i.to_dict() for i in infos], indent=2, ensure_ascii=False) + "\n"])
    for info in infos:
        if info.error:
            say("warning", f"plugin {info.name!r} ({info.package}): {info.error}")
    return EXIT_OK


def add_plugins(sub) -> None:
    pl = sub.add_parser(
        "plugins",
        help="list the installed plugins with their hooks, targets, classifiers and errors, as JSON",
        description="List the installed plugins as JSON; a broken plugin is listed with its error.",
    )
    pl.set_defaults(func=cmd_plugins)


# -- stance train ---------------------------------------------------------------------------------
def cmd_train(args: argparse.Namespace) -> int:
    from .classifiers.lexicon import LexiconClassifier
    from .train import held_out_scores, read_examples, train

    examples = read_examples(args.data)
    known = dict(default_host().targets)
    for path in args.targets or ():
        known.update({t.name: t for t in load_targets_toml(path)})
    priors = _none_shares(args.none_share or [], sorted({e.target for e in examples}), args.against_share or [])
    # As linear.v1 reads a corpus item: without the entity-to-proposition transfer, which linear.v1
    # makes only in an article that discusses the proposition (an item is one or two sentences).
    lexicon = None if args.no_lexicon else LexiconClassifier(contrary=False)
    model = train(
        examples, known, C=args.C, seed=args.seed, priors=priors, lexicon=lexicon, holdout=args.holdout, rules=args.rule or (),
        sources=[os.path.basename(p) for p in args.data], progress=None if args.quiet else lambda m: say("info", m),
    )
    model.save(args.out)
    info = (lambda message: None) if args.quiet else (lambda message: say("info", message))
    info(f"wrote {args.out} ({len(model.targets)} target{'s' * (len(model.targets) != 1)}: {', '.join(sorted(model.targets))})")
    for target, (n, f) in held_out_scores(model, examples, known, args.holdout).items():
        info(f"held out {target}: {n} examples, F_avg {f['f_avg']:.3f} (favor {f['favor']:.3f}, against {f['against']:.3f})")
    return EXIT_OK


def _none_shares(values: Sequence[str], targets: Sequence[str], against: Sequence[str] = ()) -> dict[str, dict[str, float]]:
    """--none-share [TARGET=]P: the share of quotes with no stance in the text the model will read;
    --against-share [TARGET=]R: of the quotes that do take a side, the share against (default: half).
    A bare value is for every target not given its own."""
    nones = _per_target(values, targets, "--none-share")
    sides = _per_target(against, targets, "--against-share")
    out = {}
    for t in targets:
        p, r = nones.get(t), sides.get(t)
        if p is None and r is None:
            continue
        p = 1 / 3 if p is None else p  # no none share given: as many quotes without a side as with each side
        r = 0.5 if r is None else r
        out[t] = {"none": p, "favor": (1 - p) * (1 - r), "against": (1 - p) * r}
    return out


def _per_target(values: Sequence[str], targets: Sequence[str], option: str) -> dict[str, float]:
    """``[TARGET=]P`` values as {target: P}; a bare P is for every target not given its own."""
    default, own = None, {}
    for value in values:
        target, _, number = value.rpartition("=")
        try:
            p = float(number)
        except ValueError:
            raise InputError(f"{option} {value}: expected [TARGET=]P with P a number") from None
        if not 0.0 < p < 1.0:
            raise InputError(f"{option} {value}: P must be between 0 and 1")
        if target and target not in targets:
            raise InputError(f"{option} {value}: no training examples for target {target!r}")
        if target:
            own[target] = p
        else:
            default = p
    return {t: own.get(t, default) for t in targets if own.get(t, default) is not None}


def add_train(sub) -> None:
    from .train import DEFAULT_C

    t = sub.add_parser(
        "train",
        help="train a linear.v1 model from labelled JSONL (use it with --classifier linear.v1 --model PATH)",
        description="Train a linear.v1 stance model from labelled examples, one JSON object per line: "
        '{"target", "label" (favor|against|none), "text", "context" (the sentence; default: text), '
        '"before" (the sentence before; optional), "kind" (full|partial; default full)}.',
    )
    t.add_argument("data", nargs="+", metavar="DATA.jsonl", help="labelled examples (JSONL)")
    t.add_argument("--out", required=True, metavar="MODEL", help="where to write the model (JSON)")
    t.add_argument("--holdout", type=float, default=0.0, metavar="F",
                   help="keep this share of examples aside, report the model on them and calibrate its "
                   "scores on them (default: %(default)s)")
    t.add_argument("--none-share", action="append", metavar="[TARGET=]P",
                   help="the share of quotes without stance in the text the model will read (news: most); "
                   "shifts the model's scores to it (repeatable) (default: as in the training data)")
    t.add_argument("--against-share", action="append", metavar="[TARGET=]R",
                   help="of the quotes that take a side in the text the model will read, the share against "
                   "(news on Russia: about two in three); shifts the model's scores to it (repeatable) "
                   "(default: half)")
    t.add_argument("--C", type=float, default=DEFAULT_C, help="inverse regularisation strength (default: %(default)s)")
    t.add_argument("--seed", type=int, default=0, help="random seed (same data and seed: same file) (default: %(default)s)")
    t.add_argument("--no-lexicon", action="store_true", help="without the lexicon's verdicts as features (default: with)")
    t.add_argument("--rule", action="append", metavar="[TARGET=]RULE",
                   help=f"a decision rule the model applies on top of its weights, for every target or for "
                   f"TARGET only (repeatable): lexicon-first (the lexicon's label wherever it finds a cue), "
                   f"unmentioned-none (none for an entity target the quote, its sentence and the one before "
                   f"never mention); the shipped model uses unmentioned-none, NATO=lexicon-first and "
                   f"alliance_shift=lexicon-first (default: none)")
    t.add_argument("--targets", action="append", metavar="FILE.toml",
                   help="aliases for your own targets (default: a target's name is its only alias)")
    t.add_argument("--quiet", "-q", action="store_true", help="no progress messages (default: messages on stderr)")
    t.set_defaults(func=cmd_train)


# -- stance examples ------------------------------------------------------------------------------
def cmd_examples(args: argparse.Namespace) -> int:
    from .evaluate import read_gold
    from .examples import examples_from_articles, gold_labels
    from .nlp import load

    gold = read_gold(args.gold)
    labelled = {t for row in gold for t in gold_labels(row)}
    unknown = sorted(set(args.target or ()) - labelled)
    if unknown:
        raise InputError(f"--target {unknown[0]}: no gold quotation in {args.gold} is labelled for it (labelled: {', '.join(sorted(labelled)) or 'none'})")
    articles = [(doc_name(path), read_document(path)) for path in args.files]
    got = examples_from_articles(gold, tqdm(articles, unit="doc", file=sys.stderr, disable=args.quiet or not sys.stderr.isatty()),
                                 load(), args.target)
    for row in got.missing:
        say("warning", f"{row['doc']}: gold quotation not found: {row['quote'][:60]!r}")
    for row in got.unclassified:
        say("warning", f"{row['doc']}: not a quotation the classifier reads (scare quote, heading or nested): {row['quote'][:60]!r}")
    write_output(args.out, [e.to_json() for e in got.examples])
    if not args.quiet:
        counts = collections.Counter((e.target, e.label) for e in got.examples)
        per_target = "; ".join(
            f"{t} " + " ".join(f"{label} {counts[t, label]}" for label in STANCE_LABELS if counts[t, label])
            for t in sorted({t for t, _ in counts})
        )
        say("info", f"{len(got.examples)} examples from {got.quotations} quotations in {len(articles)} files ({per_target or 'none'})")
    # like a file that could not be read: the examples that could be made are written, the exit says some were not
    return EXIT_SOME_FAILED if got.missing else EXIT_OK


def add_examples(sub) -> None:
    x = sub.add_parser(
        "examples",
        help="turn labelled articles (a gold file and its texts) into training examples for `stance train`",
        description="Find each quotation of a gold file (the format `stance evaluate` reads) in its article, "
        "as the engine does, and write one training example (JSONL, the format `stance train` reads) per "
        "quotation and labelled target, with the sentence around it and the sentence before. Exit 1 if a gold "
        "quotation is not found in its article.",
    )
    x.add_argument("files", nargs="+", metavar="FILE", help="the articles (UTF-8 text); a file's name without extension is its doc")
    x.add_argument("--gold", required=True, metavar="GOLD.jsonl", help="the labelled quotations (doc, quote, stance)")
    x.add_argument("--target", action="append", metavar="TARGET", help="only these targets' labels (repeatable) (default: all)")
    x.add_argument("--out", metavar="PATH", help="write here (atomically) instead of standard output (default: -)")
    x.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary (default: both on stderr)")
    x.set_defaults(func=cmd_examples)


# -- stance evaluate ------------------------------------------------------------------------------
def cmd_evaluate(args: argparse.Namespace) -> int:
    import json

    from .evaluate import check_documents, evaluate, read_gold

    gold = read_gold(args.gold)
    check_documents(gold, map(doc_name, args.files))  # before the run, not after it
    run = Run()
    report = evaluate(gold, analysed(args, run))
    if args.format == "json":
        text = json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
    else:
        text = report.to_text() + "".join(f"  {e}\n" for e in report.errors[: args.show])
    write_output(args.out, [text])
    return run.report(args)


def add_evaluate(sub) -> None:
    e = sub.add_parser(
        "evaluate",
        help="score a run over FILEs against a gold file: quotes, speakers, roles, stance per target",
        description="Analyse FILEs and score the result against gold quotations (JSONL: doc, quote, kind, "
        "optional, speaker, speaker_alternatives, role, stance), with a confusion matrix per target.",
    )
    e.add_argument("--gold", required=True, metavar="GOLD.jsonl", help="the gold quotations")
    add_corpus_options(e)
    e.add_argument("--format", choices=["text", "json"], default="text",
                   help="text: a report for people; json: every figure (default: %(default)s)")
    e.add_argument("--show", type=int, default=0, metavar="N", help="also list N misses, wrong speakers and wrong stance labels (default: %(default)s)")
    e.set_defaults(func=cmd_evaluate)


# -- parser ---------------------------------------------------------------------------------------
def add_corpus_options(q: argparse.ArgumentParser, kinds: str = "direct") -> None:
    """The FILE arguments and options every command over a corpus takes; ``kinds`` is the command's
    default for --kinds."""
    q.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files, one article each; - reads standard input")
    q.add_argument(
        "--kinds",
        default=kinds,
        metavar="KIND[,KIND]",
        help=f"which statements: direct (quotations in marks), indirect (reported speech, \"X said Turkey "
        f"would …\"), or both, comma-separated ({', '.join(STATEMENT_KINDS)}) (default: %(default)s)",
    )
    q.add_argument("--out", metavar="PATH", help="write here (atomically) instead of standard output; - is standard output (default: -)")
    q.add_argument(
        "--errors",
        choices=["skip", "fail"],
        default="skip",
        help="on an unreadable file: report it and go on (skip) or stop (fail), exit 1 either way; on a "
        "classifier failure: warn (skip) or stop and exit 1 (fail) (default: %(default)s)",
    )
    q.add_argument(
        "--classifier",
        action="append",
        metavar="[TARGET=]NAME",
        help=f"stance classifier: NAME for every target, TARGET=NAME for one target (repeatable; a plain NAME "
        f"covers the targets not given); none: no stance (TARGET=none: leave that target out); "
        f"`stance plugins` lists the classifiers (default: {DEFAULT_CLASSIFIER})",
    )
    q.add_argument(
        "--targets",
        action="append",
        metavar="FILE.toml",
        help="add the [[target]] tables of a TOML file (repeatable) (default: only the registered targets)",
    )
    q.add_argument(
        "--model",
        metavar="PATH",
        help="a model file for the chosen classifier (one trained by `stance train`, for linear.v1) "
        "(default: the model the classifier ships with)",
    )
    q.add_argument("--quiet", "-q", action="store_true", help="no progress bar (default: a bar when stderr is a terminal)")
    q.add_argument("--processes", "-p", type=_positive, default=1, metavar="N", help="worker processes (default: %(default)s)")


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


# Each: a function adding one subparser (its arguments and its cmd_* as ``func``).
SUBCOMMANDS: list[Callable] = [add_table, add_quotes, add_evaluate, add_examples, add_train, add_plugins]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="stance",
        description="Find direct quotes in news, link them to their speakers and label their stance.",
        epilog="Exit codes: 0 ok, 1 a file (or, with --errors fail, a classifier) failed, 2 bad usage.",
    )
    p.add_argument("--version", action="version", version=f"stance {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in SUBCOMMANDS:
        add(sub)
    return p


@contextlib.contextmanager
def _warnings_as_messages():
    """Library warnings (an allow-list name that matches no plugin) as one ``stance: warning:`` line."""
    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, PluginWarning):
            say("warning", str(message))
        else:
            print(warnings.formatwarning(message, category, filename, lineno, line), file=sys.stderr, end="")

    with warnings.catch_warnings():
        warnings.simplefilter("default")
        warnings.showwarning = show
        yield


def _stdout_closed() -> int:
    """The reader of our output went away (``| head``): stop quietly, like other Unix tools.

    Later writes, including the interpreter's own flush at exit, go to /dev/null instead of
    raising again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    with _warnings_as_messages():
        try:
            return args.func(args)
        except BrokenPipeError:
            return _stdout_closed()
        except StanceError as e:
            hint = "; `stance plugins` shows every plugin and its state" if isinstance(e, PluginError) else ""
            say("error", f"{e}{hint}")
            return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
