"""The pipeline, stage by stage: scan quotes → (later stages) → DocResult."""
from __future__ import annotations

from .model import DocResult
from .quotes import scan_quotes


def analyze(text: str, doc: str = "") -> DocResult:
    """All quotations in ``text`` as a DocResult named ``doc``."""
    return DocResult(doc=doc, quotes=tuple(scan_quotes(text)))
