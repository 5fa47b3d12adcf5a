"""Seeds → per-speaker stance table: Markdown on stdout, CSV to a file.

    python examples/speaker_table.py [ARTICLES_DIR] [--csv PATH]
"""
from __future__ import annotations

import argparse
from pathlib import Path

import stance
from stance.io import read_document

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT / "seeds"))
    ap.add_argument("--csv", default="speaker_table.csv")
    args = ap.parse_args()
    paths = sorted(Path(args.folder).glob("*.txt"))
    results = [stance.analyze(read_document(p), doc=p.stem) for p in paths]
    table = stance.speaker_table(results)
    print(table.to_markdown())
    Path(args.csv).write_text(table.to_csv(), encoding="utf-8")
    print(f"{len(table.rows)} speakers from {len(paths)} articles; CSV written to {args.csv}")


if __name__ == "__main__":
    main()
