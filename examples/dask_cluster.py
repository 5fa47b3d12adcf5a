"""Analyse articles on a Dask cluster (here a LocalCluster with two workers on loopback).

    python examples/dask_cluster.py [ARTICLES_DIR]

Point ``Client`` at a real scheduler to use many machines; each worker needs stance installed.
"""
from __future__ import annotations

import sys
from pathlib import Path

import dask.bag as db
from distributed import Client, LocalCluster

import stance
from stance.dask import analyze_bag
from stance.io import read_document

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "seeds"
    pairs = [(p.stem, read_document(p)) for p in sorted(folder.glob("*.txt"))]
    with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                      processes=True) as cluster, Client(cluster):
        results = analyze_bag(db.from_sequence(pairs, npartitions=2)).compute()
    table = stance.speaker_table(results)
    print(f"{len(results)} documents, {sum(len(r.quotes) for r in results)} quotes, {len(table.rows)} speakers")
    print(table.to_markdown())


if __name__ == "__main__":
    main()
