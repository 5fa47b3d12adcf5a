"""Analyse articles on a Dask cluster (here a LocalCluster with two workers on loopback).

    python examples/dask_cluster.py [ARTICLES_DIR]

Point ``Client`` at a real scheduler to use many machines; each worker needs stance installed.
A file that cannot be read is reported on stderr and left out (exit 1), as the CLI does.
"""
from __future__ import annotations

import sys
from pathlib import Path

import dask.bag as db
from distributed import Client, LocalCluster

import stance
from stance.dask import analyze_bag
from stance.errors import InputError
from stance.io import read_document

ROOT = Path(__file__).resolve().parent.parent


def read_folder(folder: Path) -> tuple[list[tuple[str, str]], int]:
    """(name, text) of every readable .txt file; each bad one is reported on stderr, as the CLI does."""
    pairs, failed = [], 0
    for p in sorted(folder.glob("*.txt")):
        try:
            pairs.append((p.stem, read_document(p)))
        except InputError as e:
            print(f"dask_cluster.py: error: {e}", file=sys.stderr)
            failed += 1
    return pairs, failed


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "seeds"
    if not folder.is_dir():
        print(f"dask_cluster.py: error: {folder}: no such folder", file=sys.stderr)
        return 2
    pairs, failed = read_folder(folder)
    if not pairs:
        print(f"dask_cluster.py: error: {folder}: no readable .txt files", file=sys.stderr)
        return 2
    with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                      processes=True) as cluster, Client(cluster):
        results = analyze_bag(db.from_sequence(pairs, npartitions=2)).compute()
    table = stance.speaker_table(results)
    print(f"{len(results)} documents, {sum(len(r.quotes) for r in results)} quotes, {len(table.rows)} speakers")
    print(table.to_markdown())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
