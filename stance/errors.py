"""The exceptions stance raises. Every one derives from StanceError."""
from __future__ import annotations


class StanceError(Exception):
    """Base class: catch this to handle any failure of the library."""


class InputError(StanceError, ValueError):
    """The input is not something stance can read (not text, not UTF-8, a directory...)."""


class ModelNotFoundError(StanceError):
    """The spaCy pipeline named is not installed."""


class PluginError(StanceError):
    """A plugin is broken: a misspelled hook, a duplicate name, an invalid result."""


class ModelError(StanceError):
    """A stance model file is missing, corrupt, foreign or from an incompatible version."""


class PluginWarning(UserWarning):
    """Something about the plugins is probably not what was meant (an allow-list name that matches
    no installed plugin); nothing failed."""
