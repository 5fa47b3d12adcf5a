"""Beyond one machine: map the engine over a Dask bag, one pipeline load per worker process.

    import dask.bag as db
    from distributed import Client
    from stance.dask import analyze_bag

    client = Client("scheduler-address:8786")          # or a LocalCluster
    texts = db.from_sequence(pairs, npartitions=64)    # (name, text) pairs, or texts
    results = analyze_bag(texts).compute()             # DocResults, in order

Each partition runs ``stance.analyze_many`` (batched parsing, per-document failure records). The
spaCy pipeline and plugins load once per worker process (``stance.nlp.load`` is cached there) and
plugins come from the workers' installed entry points. Results are plain frozen dataclasses, so they
travel between processes as cheaply as their JSON would.
"""
from __future__ import annotations

from typing import Iterable

from .classify import DEFAULT_CLASSIFIER
from .model import DocResult


def analyze_partition(items: Iterable, *, model: str | None = None, classifier: str | None = DEFAULT_CLASSIFIER,
                      targets=None, batch_size: int = 16, kinds=None) -> list[DocResult]:
    """analyze_many over one partition, in the worker (the pipeline is loaded there once)."""
    from .batch import analyze_many

    return list(analyze_many(items, model=model, classifier=classifier, targets=targets, batch_size=batch_size, kinds=kinds))


def analyze_bag(bag, *, model: str | None = None, classifier: str | None = DEFAULT_CLASSIFIER, targets=None,
                batch_size: int = 16, kinds=None):
    """A Dask bag of DocResults from a bag of texts or (name, text) pairs (``kinds`` as for ``analyze``)."""
    return bag.map_partitions(
        analyze_partition, model=model, classifier=classifier, targets=targets, batch_size=batch_size, kinds=kinds
    )
