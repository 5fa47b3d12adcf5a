"""Many documents: streaming, batched parsing, several processes, failures contained per document.

``analyze_many`` yields one DocResult per input, in input order, as it goes: memory stays flat
however long the corpus (only ``batch_size`` × ``n_process`` × a small window of documents are in
flight). A document whose analysis fails yields a DocResult with no quotes and the cause in
``errors``; the run goes on.
"""
from __future__ import annotations

import collections
import concurrent.futures as cf
import itertools
import multiprocessing
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping

from .classify import DEFAULT_CLASSIFIER
from .engine import analyze, analyze_parsed, finalize_kind, needs_parse, parse_input, require_text, too_long
from .errors import InputError
from .model import DocResult, parse_kinds
from .nlp import load, prepare
from .quotes import scan_quotes

if TYPE_CHECKING:  # pragma: no cover
    from .plugins import PluginHost

# Batches each worker may have queued ahead of the consumer: enough to keep it busy, bounded memory.
WINDOW_PER_PROCESS = 2


def _named(items: Iterable) -> Iterator[tuple[str, str]]:
    for i, item in enumerate(items):
        if isinstance(item, tuple) and len(item) == 2:
            yield str(item[0]), item[1]
        else:
            yield str(i), item


def _failed(name: str, e: BaseException) -> DocResult:
    return DocResult(doc=name, errors=(f"{type(e).__name__}: {e}",))


def analyze_many(
    items: Iterable,
    *,
    n_process: int = 1,
    batch_size: int = 16,
    nlp=None,
    model: str | None = None,
    classifier: str | None = DEFAULT_CLASSIFIER,
    targets=None,
    host=None,
    full_parse: bool = False,
    classifier_models: Mapping[str, str] | None = None,
    kinds=None,
) -> Iterator[DocResult]:
    """Analyse ``items`` (texts, or (name, text) pairs; a bare text is named by its position).

    ``n_process`` > 1 runs that many worker processes, each loading the pipeline ``model`` once
    (default: the project's pipeline); plugins then come from entry points, so ``host`` and ``nlp``
    objects cannot be passed. Results come back in input order either way.

    ``classifier_models`` maps a classifier name to the model file it should read instead of its
    own (``stance train`` output for ``linear.v1``; see ``PluginHost.use_model``). ``kinds``: as
    for ``analyze`` ("direct", the default; "indirect" adds reported speech).
    """
    if n_process < 1 or batch_size < 1:
        raise InputError("n_process and batch_size must be at least 1")
    kinds = parse_kinds(kinds)
    named = _named(items)
    if classifier_models and n_process == 1:
        host = _host_with_models(classifier_models, host)
    if n_process == 1:
        parse = prepare(nlp) if nlp is not None else load(model)
        yield from _serial(named, parse, batch_size, classifier=classifier, targets=targets, host=host, full_parse=full_parse, kinds=kinds)
        return
    if nlp is not None or host is not None:
        raise InputError("with n_process > 1 pass the pipeline by name (model=...) and register plugins as entry points")
    options = {"classifier": classifier, "targets": targets, "full_parse": full_parse, "classifier_models": classifier_models, "kinds": kinds}
    # The platform's default start method (fork on Linux: workers start in a fraction of a second).
    ctx = multiprocessing.get_context()
    with cf.ProcessPoolExecutor(n_process, mp_context=ctx, initializer=_init_worker, initargs=(model,)) as pool:
        window: collections.deque = collections.deque()
        batches = iter(lambda: list(itertools.islice(named, batch_size)), [])
        for batch in batches:
            window.append(([name for name, _ in batch], pool.submit(_worker_batch, batch, batch_size, options)))
            if len(window) >= n_process * WINDOW_PER_PROCESS:
                yield from _collect(*window.popleft())
        while window:
            yield from _collect(*window.popleft())


def _collect(names: list[str], future: cf.Future) -> list[DocResult]:
    try:
        return future.result()
    except Exception as e:  # a worker died (out of memory, killed): its documents fail, the run goes on
        return [_failed(name, e) for name in names]


def _serial(named: Iterator[tuple[str, str]], parse, batch_size: int, *, full_parse: bool, kinds, **options) -> Iterator[DocResult]:
    """One process: parse with nlp.pipe in batches, only the documents (and paragraphs) that need it."""
    while True:
        batch = list(itertools.islice(named, batch_size))
        if not batch:
            return
        prepared = []
        for name, text in batch:
            try:
                quotes = scan_quotes(require_text(text))
            except Exception as e:  # contain any failure to this document
                prepared.append((name, text, None, e))
                continue
            prepared.append((name, text, quotes, None))
        wanted = [
            i for i, (_, text, quotes, err) in enumerate(prepared)
            if err is None and needs_parse(quotes, kinds, text) and not too_long(text, parse)
        ]
        parsed = _parse_all(parse, [parse_input(prepared[i][1], prepared[i][2], full_parse, kinds) for i in wanted], batch_size)
        by_index = dict(zip(wanted, parsed))
        for i, (name, text, quotes, err) in enumerate(prepared):
            if err is not None:
                yield _failed(name, err)
                continue
            try:
                if not needs_parse(quotes, kinds, text):
                    yield DocResult(doc=name, quotes=tuple(finalize_kind(q) for q in quotes if "direct" in kinds))
                elif i not in by_index:  # longer than one parse: analysed in pieces
                    yield analyze(text, name, nlp=parse, full_parse=full_parse, kinds=kinds, **options)
                elif isinstance(by_index[i], Exception):
                    yield _failed(name, by_index[i])
                else:
                    yield analyze_parsed(by_index[i], name, quotes=quotes, text=text, kinds=kinds, **options)
            except Exception as e:  # one document's failure never loses the others
                yield _failed(name, e)


def _parse_all(parse, texts: list[str], batch_size: int) -> list:
    """Parsed docs in order; if the batch fails, each text alone, a failure standing in for its doc."""
    try:
        return list(parse.pipe(texts, batch_size=batch_size))
    except Exception:  # find the culprit: parse one by one
        out: list = []
        for t in texts:
            try:
                out.append(parse(t))
            except Exception as e:  # this document only
                out.append(e)
        return out


_WORKER_NLP = None


def _init_worker(model: str | None) -> None:
    global _WORKER_NLP
    _WORKER_NLP = load(model)


def _worker_batch(batch: list[tuple[str, str]], batch_size: int, options: dict) -> list[DocResult]:
    options = dict(options)
    models = options.pop("classifier_models", None)
    if models:
        options["host"] = _host_with_models(models)
    return list(_serial(iter(batch), _WORKER_NLP, batch_size, **options))


_HOSTS: dict[tuple, "PluginHost"] = {}


def _host_with_models(models: Mapping[str, str], host: "PluginHost | None" = None) -> "PluginHost":
    """``host`` (or, once per process and choice of models, a new one) with the models in use."""
    from .plugins import PluginHost

    if host is None:
        key = tuple(sorted(models.items()))
        if key not in _HOSTS:  # load each model file once per process
            _HOSTS[key] = _host_with_models(models, PluginHost())
        return _HOSTS[key]
    for name, path in models.items():
        host.use_model(name, path)
    return host
