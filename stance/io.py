"""Reading documents and writing results: UTF-8 text in, JSONL/table out, never a half-written file.

``-`` is standard input as a document path and standard output as an output path, as in most Unix
tools. A UTF-8 byte-order mark is kept as the first character of the text, so offsets count it
exactly as in ``open(path, encoding="utf-8").read()``; it is read as a space (U+0020), because the
analysis treats it as whitespace and would otherwise take it for the start of a word.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, TextIO

from .errors import InputError
from .model import DocResult


STDIO = "-"
STDIN_NAME = "stdin"
BOM = "\ufeff"


def read_document(path: str | os.PathLike, stdin: BinaryIO | None = None) -> str:
    """The text of a UTF-8 file, line ends untouched (offsets are into exactly this string).

    ``-`` reads standard input (or ``stdin``, a binary stream). A leading byte-order mark stays one
    character long but becomes a space: offsets equal those into the file read as UTF-8.
    """
    if os.fspath(path) == STDIO:
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            data = stream.read()
        except OSError as e:
            raise InputError(f"-: cannot read standard input: {e.strerror or e}") from e
        return _decode(data, "-")
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a directory; pass the files in it (e.g. {p}/*.txt)")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}: cannot read: {e.strerror or e}") from e
    return _decode(data, str(p))


def _decode(data: bytes, label: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{label}: looks like a binary file (NUL bytes); pass UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"{label}: not valid UTF-8 (byte {e.start}); convert it, e.g. iconv -t UTF-8") from e
    # Same length, so every offset still counts the mark; a space is what the analysis should see.
    return " " + text[1:] if text.startswith(BOM) else text


def doc_name(path: str | os.PathLike) -> str:
    """The document name used in results: the file name without its extension (``stdin`` for ``-``)."""
    return STDIN_NAME if os.fspath(path) == STDIO else Path(path).stem


def jsonl_lines(results: Iterable[DocResult]) -> Iterator[str]:
    for r in results:
        for rec in r.records():
            yield json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n"


def write_atomic(path: str | os.PathLike, chunks: Iterable[str]) -> None:
    """Write text to a temporary file beside ``path`` and rename it into place when complete."""
    _write_atomic(path, (c.encode("utf-8") for c in chunks))


def write_output(path: str | os.PathLike | None, chunks: Iterable[str], stdout: TextIO | None = None) -> None:
    """Write ``chunks`` to ``path`` atomically, or to standard output (``path`` None or ``-``) as they
    come, flushing each, so a reader downstream of a pipe sees every document when it is done."""
    if path is not None and os.fspath(path) != STDIO:
        write_atomic(path, chunks)
        return
    out = stdout if stdout is not None else sys.stdout
    for c in chunks:
        out.write(c)
        out.flush()


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
