"""The hooks a stance plugin can implement (pluggy project name "stance").

A plugin is a module or object with functions decorated by ``stance.hookimpl`` and named exactly as
below; a misspelled hook name makes loading fail with PluginError. Publish it under the entry-point
group ``stance``::

    [project.entry-points.stance]
    my_plugin = "my_package.plugin"

Both hooks receive a ``register`` callable; call it once per object you contribute.
"""
from __future__ import annotations

import pluggy

PROJECT = "stance"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def register_targets(register):
    """Contribute stance targets: call ``register(target)`` with a ``stance.Target`` for each one.

    Target names must be unique across all loaded plugins (built-ins: NATO, Russia, alliance_shift).
    """


@hookspec
def register_classifiers(register):
    """Contribute stance classifiers: call ``register(classifier)`` for each one.

    A classifier is any object with a ``name`` attribute, a versioned string such as ``"lexicon.v1"``,
    and a method ``classify(items) -> list`` that takes a list of ``stance.StanceItem`` (the quote,
    its sentence and paragraph, speaker and role, and one ``Target``) and returns exactly one
    ``stance.Prediction`` (label in favor|against|none, score in [0, 1], optional evidence spans) per
    item, in order. Items arrive in batches so that model-based classifiers can batch too.
    """
