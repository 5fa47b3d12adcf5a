"""stance: direct quotes, their speakers and their stance on NATO, Russia and alliance shifts."""
from .model import Attribution, DocResult, Quote, Span, StanceLabel
from .quotes import scan_quotes
from .engine import analyze

__version__ = "0.1.0"
__all__ = ["analyze", "Attribution", "DocResult", "Quote", "Span", "StanceLabel", "scan_quotes", "__version__"]
