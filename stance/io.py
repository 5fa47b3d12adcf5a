"""Reading documents and writing results: UTF-8 text in, JSONL/table out, never a half-written file."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError
from .model import DocResult


def read_document(path: str | os.PathLike) -> str:
    """The text of a UTF-8 file, line ends untouched (offsets are into exactly this string)."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a directory; pass the files in it (e.g. {p}/*.txt)")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}: cannot read: {e.strerror or e}") from e
    if b"\x00" in data[:8192]:
        raise InputError(f"{p}: looks like a binary file (NUL bytes); pass UTF-8 text")
    try:
        # utf-8-sig: a byte-order mark is not part of the article
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{p}: not valid UTF-8 (byte {e.start}); convert it, e.g. iconv -t UTF-8") from e


def doc_name(path: str | os.PathLike) -> str:
    """The document name used in results: the file name without its extension."""
    return Path(path).stem


def jsonl_lines(results: Iterable[DocResult]) -> Iterator[str]:
    for r in results:
        for rec in r.records():
            yield json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n"


def write_atomic(path: str | os.PathLike, chunks: Iterable[str]) -> None:
    """Write text to a temporary file beside ``path`` and rename it into place when complete."""
    _write_atomic(path, (c.encode("utf-8") for c in chunks))


def write_atomic_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write bytes to a temporary file beside ``path`` and rename it into place when complete."""
    _write_atomic(path, (data,))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_atomic(path: str | os.PathLike, chunks: Iterable[bytes]) -> None:
    p = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=p.parent or ".", prefix=f".{p.name}.", suffix=".tmp")
    except OSError as e:
        raise InputError(f"{p}: cannot write here ({e.strerror or e})") from e
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would have
        os.chmod(tmp, p.stat().st_mode & 0o777 if p.exists() else 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            for c in chunks:
                f.write(c)
        os.replace(tmp, p)
    except BaseException:
        # an interrupted or failed write leaves the previous file (or none), never half a file
        Path(tmp).unlink(missing_ok=True)
        raise
