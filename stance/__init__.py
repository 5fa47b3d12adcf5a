"""stance: direct quotes, their speakers and their stance on NATO, Russia and alliance shifts."""
from .hookspecs import hookimpl
from .model import Attribution, DocResult, Quote, Span, StanceLabel, StanceMap, quote_records, quotes_dataframe
from .quotes import scan_quotes
from .targets import Pattern, Target, load_targets_toml
from .classify import Prediction, StanceItem, classify_text
from .engine import analyze
from .batch import analyze_many
from .aggregate import SpeakerTable, speaker_table

__version__ = "0.1.0"
__all__ = [
    "analyze",
    "analyze_many",
    "Attribution",
    "classify_text",
    "DocResult",
    "hookimpl",
    "Pattern",
    "Prediction",
    "Quote",
    "quote_records",
    "quotes_dataframe",
    "scan_quotes",
    "speaker_table",
    "SpeakerTable",
    "Span",
    "StanceItem",
    "StanceLabel",
    "StanceMap",
    "Target",
    "load_targets_toml",
    "__version__",
]
