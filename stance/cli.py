"""Command line: a thin layer over the library (argument parsing and output only)."""
from __future__ import annotations

import argparse
import sys
from typing import Sequence

from . import __version__
from .engine import analyze
from .errors import InputError
from .io import doc_name, jsonl_lines, read_document, write_atomic
from .model import DocResult

# Exit codes: 0 all files processed, 1 some failed; argparse exits 2 on a usage error.
EXIT_OK, EXIT_SOME_FAILED = 0, 1


def _results(paths: Sequence[str], errors: str) -> tuple[list[DocResult], int]:
    results, failed = [], 0
    for path in paths:
        try:
            text = read_document(path)
        except InputError as e:
            failed += 1
            print(f"stance: error: {e}", file=sys.stderr)
            if errors == "fail":
                break
            continue
        results.append(analyze(text, doc_name(path)))
    return results, failed


def _table(results: Sequence[DocResult]) -> str:
    def cut(s: str, n: int) -> str:
        s = " ".join(s.split())
        return s[:n] + ("…" if len(s) > n else "")

    rows = [("doc", "para", "kind", "speaker", "role", "quote")]
    for r in results:
        for q in r.quotes:
            role = " ".join(p.text for p in q.role)
            rows.append((r.doc[:24], str(q.paragraph), q.kind, q.speaker or "-", cut(role, 32) or "-", cut(q.text, 60)))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)) + "  " + row[5] for row in rows]
    return "\n".join(lines) + "\n"


def cmd_quotes(args: argparse.Namespace) -> int:
    results, failed = _results(args.files, args.errors)
    chunks = list(jsonl_lines(results)) if args.format == "jsonl" else [_table(results)]
    if args.out:
        write_atomic(args.out, chunks)
    else:
        sys.stdout.writelines(chunks)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="stance", description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--version", action="version", version=f"stance {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    q = sub.add_parser("quotes", help="list the quotations in FILEs (one JSON object per quote, or a table)")
    q.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files, one article each")
    q.add_argument("--format", choices=["jsonl", "table"], default="table")
    q.add_argument("--out", metavar="PATH", help="write here (atomically) instead of stdout")
    q.add_argument(
        "--errors",
        choices=["skip", "fail"],
        default="skip",
        help="on an unreadable file: report it and go on (skip, default) or stop (fail); exit 1 either way",
    )
    q.set_defaults(func=cmd_quotes)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
