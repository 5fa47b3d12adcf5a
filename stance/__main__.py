"""``python -m stance``: the same command line as the ``stance`` console script."""
import sys

from .cli import main

sys.exit(main())
