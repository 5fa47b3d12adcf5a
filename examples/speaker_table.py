"""Seeds → per-speaker stance table: Markdown on stdout, CSV to a file.

    python examples/speaker_table.py [ARTICLES_DIR] [--csv PATH]

Like the ``stance`` command: a folder that does not exist or holds no .txt file is an error (exit 2);
a file that cannot be read is reported on stderr, naming it, the others are still used (exit 1).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import stance
from stance.errors import InputError
from stance.io import read_document, write_atomic

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT / "seeds"), help="a folder of .txt articles (default: seeds/)")
    ap.add_argument("--csv", default="speaker_table.csv", help="where to write the CSV (default: %(default)s)")
    args = ap.parse_args()
    folder = Path(args.folder)
    if not folder.is_dir():
        ap.error(f"{folder}: no such folder")
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        ap.error(f"{folder}: no .txt files in it")
    results, failed = [], 0
    for p in paths:
        try:
            # quotations and reported speech, as `stance table` counts them
            results.append(stance.analyze(read_document(p), doc=p.stem, kinds="direct,indirect"))
        except InputError as e:  # the same one-line report as the CLI, and go on
            print(f"speaker_table.py: error: {e}", file=sys.stderr)
            failed += 1
    table = stance.speaker_table(results)
    print(table.to_markdown())
    write_atomic(args.csv, [table.to_csv()])
    print(f"{len(table.rows)} speakers from {len(results)} of {len(paths)} articles; CSV written to {args.csv}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
