"""Command line: a thin layer over the library (argument parsing and output only)."""
from __future__ import annotations

import argparse
import collections
import json
import sys
from typing import Sequence

from tqdm import tqdm

from . import __version__
from .aggregate import speaker_table
from .classify import DEFAULT_CLASSIFIER
from .batch import analyze_many
from .errors import InputError, StanceError
from .io import doc_name, jsonl_lines, read_document, write_atomic
from .model import DocResult
from .plugins import default_host
from .plot import plot_table
from .targets import load_targets_toml

# Exit codes: 0 all files processed, 1 some failed, 2 bad usage (arguments, unknown classifier,
# invalid targets file, broken plugin).
EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _stance_options(args: argparse.Namespace) -> dict:
    """analyze() keyword arguments for --classifier and --targets."""
    host = default_host()
    if args.classifier == "none":
        return {"classifier": None}
    host.classifier(args.classifier)  # fail before reading any file
    targets = list(host.targets.values())
    for path in args.targets or ():
        for t in load_targets_toml(path):
            if any(t.name == known.name for known in targets):
                raise InputError(f"{path}: target {t.name!r} is already registered")
            targets.append(t)
    if args.processes > 1:  # workers load plugins from entry points themselves
        return {"classifier": args.classifier, "targets": targets}
    return {"classifier": args.classifier, "targets": targets, "host": host}


def _results(
    paths: Sequence[str], errors: str, options: dict, quiet: bool = False, processes: int = 1
) -> tuple[list[DocResult], int]:
    """Analyse every readable file; report each failure on stderr, naming the file, and go on
    (``errors="skip"``) or stop at the first (``"fail"``). Returns the results and the failure count."""
    failed = 0
    stop = False
    # A progress bar only for a person watching: not when stderr is a file or pipe, not with --quiet.
    bar = tqdm(total=len(paths), unit="doc", file=sys.stderr, disable=quiet or not sys.stderr.isatty() or len(paths) < 2)

    def report(message: str) -> None:
        nonlocal failed, stop
        failed += 1
        bar.write(f"stance: error: {message}", file=sys.stderr)
        stop = errors == "fail"

    pending: collections.deque[str] = collections.deque()  # paths handed to analyze_many, in order

    def readable():
        for path in paths:
            if stop:
                return
            try:
                text = read_document(path)
            except InputError as e:
                report(str(e))
                bar.update(1)
                continue
            pending.append(path)
            yield doc_name(path), text

    results = []
    with bar:
        for result in analyze_many(readable(), n_process=processes, **options):
            path = pending.popleft()
            bar.update(1)
            if result.errors and not result.quotes:
                report(f"{path}: analysis failed: {'; '.join(result.errors)}")
            results.append(result)
            if stop:
                break
    return results, failed


_SIGN = {"favor": "+", "against": "-"}


def _table(results: Sequence[DocResult]) -> str:
    def cut(s: str, n: int) -> str:
        s = " ".join(s.split())
        return s[:n] + ("…" if len(s) > n else "")

    rows = [("doc", "para", "kind", "speaker", "role", "stance", "quote")]
    for r in results:
        for q in r.quotes:
            role = " ".join(p.text for p in q.role)
            stance = " ".join(f"{s.target}:{_SIGN[s.label]}" for s in q.stance if s.label != "none")
            rows.append(
                (r.doc[:24], str(q.paragraph), q.kind, q.speaker or "-", cut(role, 32) or "-", stance or "-", cut(q.text, 60))
            )
    widths = [max(len(row[i]) for row in rows) for i in range(6)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)) + "  " + row[6] for row in rows]
    return "\n".join(lines) + "\n"


def cmd_quotes(args: argparse.Namespace) -> int:
    results, failed = _results(args.files, args.errors, _stance_options(args), args.quiet, args.processes)
    chunks = list(jsonl_lines(results)) if args.format == "jsonl" else [_table(results)]
    if args.out:
        write_atomic(args.out, chunks)
    else:
        sys.stdout.writelines(chunks)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _corpus_arguments(q: argparse.ArgumentParser) -> None:
    q.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files, one article each")
    q.add_argument("--out", metavar="PATH", help="write here (atomically) instead of stdout")
    q.add_argument(
        "--errors",
        choices=["skip", "fail"],
        default="skip",
        help="on an unreadable file: report it and go on (skip, default) or stop (fail); exit 1 either way",
    )
    q.add_argument(
        "--classifier",
        default=DEFAULT_CLASSIFIER,
        metavar="NAME",
        help=f"stance classifier (default {DEFAULT_CLASSIFIER}; `stance plugins` lists them; none: no stance)",
    )
    q.add_argument(
        "--targets", action="append", metavar="FILE.toml", help="add the [[target]] tables of a TOML file (repeatable)"
    )
    q.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    q.add_argument("--processes", "-p", type=_positive, default=1, metavar="N", help="worker processes (default 1)")


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def cmd_table(args: argparse.Namespace) -> int:
    results, failed = _results(args.files, args.errors, _stance_options(args), args.quiet, args.processes)
    table = speaker_table(results)
    out = {"md": table.to_markdown, "csv": table.to_csv, "json": table.to_json}[args.format]()
    if args.out:
        write_atomic(args.out, [out])
    else:
        sys.stdout.write(out)
    if args.plot:
        plot_table(table, args.plot)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="stance", description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--version", action="version", version=f"stance {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    t = sub.add_parser("table", help="one row per speaker over FILEs: roles, quotes, documents, stance per target")
    _corpus_arguments(t)
    t.add_argument("--format", choices=["md", "csv", "json"], default="md")
    t.add_argument("--plot", metavar="PATH.png", help="also write a speakers × targets heatmap (PNG)")
    t.set_defaults(func=cmd_table)
    q = sub.add_parser("quotes", help="list the quotations in FILEs (one JSON object per quote, or a table)")
    _corpus_arguments(q)
    q.add_argument("--format", choices=["jsonl", "table"], default="table")
    q.set_defaults(func=cmd_quotes)
    pl = sub.add_parser("plugins", help="list the loaded plugins, their hooks, targets and classifiers as JSON")
    pl.set_defaults(func=cmd_plugins)
    return p


def cmd_plugins(args: argparse.Namespace) -> int:
    print(json.dumps([info.to_dict() for info in default_host().info()], indent=2, ensure_ascii=False))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except StanceError as e:
        print(f"stance: error: {e}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
