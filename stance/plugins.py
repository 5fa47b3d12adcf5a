"""The plugin host: built-in and third-party targets and classifiers, loaded through the same hooks.

* Built-ins (``stance.classifiers.lexicon``) are ordinary plugins registered through the hooks.
* Installed packages publish plugins under the entry-point group ``stance``. The environment variable
  ``STANCE_LOAD_PLUGINS`` is an allow-list: unset loads every installed plugin, an empty value loads
  the built-ins only, ``a,b`` loads the plugins whose entry-point names are a and b.
* A misspelled hook, a duplicate target or classifier name, or a malformed contribution raises
  PluginError naming the plugin(s); a classifier that raises or returns garbage at run time only
  turns the affected items into error labels naming it.
* ``PluginHost(strict=False)`` (what ``stance plugins`` uses) never raises for a broken plugin: it
  keeps what works and records each plugin's error in ``info()``, as ``llm plugins`` does.
* A name in ``STANCE_LOAD_PLUGINS`` that matches no installed entry point is warned about
  (``stance.errors.PluginWarning``), so a typo or a package name does not silently load nothing.
* ``classify`` takes a classifier name, or a mapping target name → classifier name with ``"*"``
  for every other target (the CLI's ``--classifier TARGET=NAME``).
"""
from __future__ import annotations

import importlib
import importlib.metadata
import math
import os
import warnings
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

import pluggy

from . import hookspecs
from .classify import DEFAULT_CLASSIFIER, Prediction, StanceItem
from .errors import PluginError, PluginWarning
from .model import STANCE_LABELS, Span, StanceLabel
from .targets import Target

ENTRY_POINT_GROUP = "stance"
ALLOW_ENV = "STANCE_LOAD_PLUGINS"
BUILTIN_PLUGINS = ("stance.classifiers.lexicon", "stance.classifiers.linear")


@dataclass(frozen=True)
class PluginInfo:
    name: str
    version: str
    package: str
    hooks: tuple[str, ...]
    targets: tuple[str, ...]
    classifiers: tuple[str, ...]
    error: str | None = None  # why (part of) the plugin could not be used; None when it works

    def to_dict(self) -> dict[str, Any]:
        return {
            "plugin": self.name,
            "version": self.version,
            "package": self.package,
            "hooks": list(self.hooks),
            "targets": list(self.targets),
            "classifiers": list(self.classifiers),
            "error": self.error,
        }


def allowed_plugins(env: dict[str, str] | None = None) -> set[str] | None:
    """The entry-point names STANCE_LOAD_PLUGINS allows; None means all of them."""
    value = (os.environ if env is None else env).get(ALLOW_ENV)
    if value is None:
        return None
    return {name.strip() for name in value.split(",") if name.strip()}


class PluginHost:
    """Owns a pluggy PluginManager and the targets and classifiers its plugins contribute.

    ``strict`` (default): a broken plugin raises PluginError. ``strict=False``: it is left out (or
    the part of it that clashes) and its error is recorded in ``errors`` and shown by ``info()``.
    """

    def __init__(self, *, entry_points: bool = True, allow: set[str] | None = None, strict: bool = True) -> None:
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.strict = strict
        self._packages: dict[str, tuple[str, str]] = {}  # plugin name -> (package, version)
        # plugin name -> what is wrong with it (only filled when not strict)
        self.errors: dict[str, str] = {}
        self._registry: tuple[dict[str, Target], dict[str, Any], dict[tuple[str, str], str]] | None = None
        # classifier name -> the same classifier reading another model file (use_model)
        self._with_model: dict[str, Any] = {}
        for module in BUILTIN_PLUGINS:
            self.register(importlib.import_module(module), name=module, package="stance-engine")
        if entry_points:
            self._load_entry_points(allowed_plugins() if allow is None else allow, allow is None)

    # -- loading -------------------------------------------------------------
    def _load_entry_points(self, allow: set[str] | None, from_env: bool) -> None:
        installed: dict[str, str] = {}  # entry-point name -> package, to explain an allow-list miss
        for dist in importlib.metadata.distributions():
            for ep in dist.entry_points:
                if ep.group != ENTRY_POINT_GROUP:
                    continue
                package = dist.metadata["Name"]
                installed.setdefault(ep.name, package)
                if (allow is not None and ep.name not in allow) or self.pm.get_plugin(ep.name) is not None:
                    continue
                try:
                    plugin = ep.load()
                except Exception as e:  # any import-time failure of foreign code
                    hint = f"uninstall {package} or leave {ep.name!r} out of {ALLOW_ENV}"
                    message = f"plugin {ep.name!r} ({package}) failed to load: {type(e).__name__}: {e}; {hint}"
                    if self.strict:
                        raise PluginError(message) from e
                    self.errors[ep.name] = message
                    self._packages[ep.name] = (package, dist.version)
                    continue
                try:
                    self.register(plugin, name=ep.name, package=package, version=dist.version)
                except PluginError as e:
                    if self.strict:
                        raise
                    self.errors[ep.name] = str(e)
                    self._packages[ep.name] = (package, dist.version)
        for name in sorted((allow or set()) - set(installed)):
            self._warn_unmatched(name, installed, from_env)

    @staticmethod
    def _warn_unmatched(name: str, installed: dict[str, str], from_env: bool) -> None:
        by_package = {p.lower().replace("_", "-"): ep for ep, p in installed.items()}
        hint = ""
        if name.lower().replace("_", "-") in by_package:
            hint = f"; {name!r} is a package, its entry-point name is {by_package[name.lower().replace('_', '-')]!r}"
        elif installed:
            hint = "; installed: " + ", ".join(f"{ep} ({p})" for ep, p in sorted(installed.items()))
        else:
            hint = "; no plugin is installed"
        source = f"{ALLOW_ENV}" if from_env else "the allow-list"
        warnings.warn(f"{source} names {name!r}, which matches no installed plugin entry point{hint}", PluginWarning, stacklevel=3)

    def register(self, plugin: object, name: str | None = None, *, package: str = "", version: str = "") -> str:
        """Register a plugin object or module in-process; returns its name. Hooks are checked at once."""
        try:
            name = self.pm.register(plugin, name=name)
            self.pm.check_pending()
        except (ValueError, pluggy.PluginValidationError) as e:
            if name is not None and self.pm.get_plugin(name) is plugin:
                self.pm.unregister(plugin)
            raise PluginError(f"plugin {name or plugin!r} cannot be registered: {e}") from e
        assert name is not None
        from . import __version__

        self._packages[name] = (package or getattr(plugin, "__name__", name), version or __version__)
        self._registry = None
        return name

    def unregister(self, name: str) -> None:
        plugin = self.pm.get_plugin(name)
        if plugin is not None:
            self.pm.unregister(plugin)
            self._packages.pop(name, None)
            self._registry = None

    # -- what the plugins contribute ------------------------------------------
    def _problem(self, plugin: str, message: str, cause: BaseException | None = None) -> None:
        """A broken contribution: raise (strict) or record it against the plugin and go on."""
        if self.strict:
            raise PluginError(message) from cause
        self.errors[plugin] = f"{self.errors[plugin]}; {message}" if plugin in self.errors else message

    def _collect(self, hook_name: str, check: Callable[[str, Any], str]) -> tuple[dict[str, Any], dict[str, str]]:
        found: dict[str, Any] = {}
        owner: dict[str, str] = {}
        hook = getattr(self.pm.hook, hook_name)
        # get_hookimpls() lists in registration order (pluggy *calls* newest first): built-ins,
        # registered first, own their names and a later plugin is the one reported as the duplicate.
        for impl in hook.get_hookimpls():
            plugin = impl.plugin_name

            def register(obj: Any, _plugin: str = plugin) -> None:
                try:
                    key = check(_plugin, obj)
                except PluginError as e:
                    self._problem(_plugin, str(e), e)
                    return
                if key in found:
                    first, second = owner[key], _plugin
                    self._problem(
                        second,
                        f"{hook_name}: name {key!r} is registered twice, by plugin {first!r} "
                        f"({self._packages[first][0]}) and by plugin {second!r} ({self._packages[second][0]}); "
                        f"rename one of them",
                    )
                    return  # not strict: the first registration keeps the name
                found[key], owner[key] = obj, _plugin

            try:
                impl.function(register=register)
            except PluginError:
                raise
            except Exception as e:  # a plugin's own hook code failed
                self._problem(plugin, f"plugin {plugin!r} failed in {hook_name}: {type(e).__name__}: {e}", e)
        return found, owner

    @property
    def _reg(self):
        if self._registry is None:
            targets, t_owner = self._collect("register_targets", _check_target)
            classifiers, c_owner = self._collect("register_classifiers", _check_classifier)
            owners = {("target", k): v for k, v in t_owner.items()} | {("classifier", k): v for k, v in c_owner.items()}
            self._registry = (targets, classifiers, owners)
        return self._registry

    @property
    def targets(self) -> dict[str, Target]:
        return dict(self._reg[0])

    @property
    def classifiers(self) -> dict[str, Any]:
        return dict(self._reg[1])

    def target(self, name: str) -> Target:
        try:
            return self._reg[0][name]
        except KeyError:
            raise PluginError(f"unknown target {name!r}; registered: {', '.join(sorted(self._reg[0]))}") from None

    def classifier(self, name: str) -> Any:
        if name in self._with_model:
            return self._with_model[name]
        try:
            return self._reg[1][name]
        except KeyError:
            raise PluginError(
                f"unknown classifier {name!r}; registered: {', '.join(sorted(self._reg[1]))} "
                f"(see `stance plugins`)"
            ) from None

    def use_model(self, name: str, model: str) -> None:
        """From now on classifier ``name`` reads the model file ``model`` (``--model``), e.g. one
        trained by ``stance train``. The classifier must offer ``with_model(path)``; the file is
        loaded here, so a missing or corrupt one fails before any document is read."""
        base = self._reg[1].get(name) or self.classifier(name)
        make = getattr(base, "with_model", None)
        if not callable(make):
            raise PluginError(f"classifier {name!r} (plugin {self.owner('classifier', name)!r}) takes no model file")
        self._with_model[name] = make(model)

    def owner(self, kind: str, name: str) -> str:
        return self._reg[2][(kind, name)]

    def info(self) -> list[PluginInfo]:
        """What is loaded, for `stance plugins`."""
        targets, classifiers, owners = self._reg
        out = []
        for name, plugin in sorted(self.pm.list_name_plugin(), key=lambda np: np[0]):
            package, version = self._packages.get(name, (name, ""))
            hooks = tuple(sorted(c.name for c in self.pm.get_hookcallers(plugin) or ()))
            out.append(
                PluginInfo(
                    name,
                    version,
                    package,
                    hooks,
                    tuple(t for t in targets if owners[("target", t)] == name),
                    tuple(c for c in classifiers if owners[("classifier", c)] == name),
                    self.errors.get(name),
                )
            )
        # plugins that failed to load at all: listed with their error, nothing contributed
        for name in sorted(set(self.errors) - {n for n, _ in self.pm.list_name_plugin()}):
            package, version = self._packages.get(name, (name, ""))
            out.append(PluginInfo(name, version, package, (), (), (), self.errors[name]))
        return sorted(out, key=lambda i: i.name)

    # -- running a classifier -------------------------------------------------
    def classify(self, name: str | Mapping[str, str], items: Sequence[StanceItem]) -> list[StanceLabel]:
        """One StanceLabel per item. Failures of the classifier become error labels naming its plugin.

        ``name`` is a classifier name, used for every target, or a mapping target name → classifier
        name; ``"*"`` in it covers the targets it does not name (default: DEFAULT_CLASSIFIER, linear.v1).
        """
        if isinstance(name, Mapping):
            return self._classify_per_target(name, items)
        classifier = self.classifier(name)
        who = f"classifier {name!r} (plugin {self.owner('classifier', name)!r})"
        items = list(items)
        try:
            raw = list(classifier.classify(items))
        except Exception:  # foreign code: retry one by one so only the items that fail are lost
            return [self._classify_one(classifier, name, who, it) for it in items]
        if len(raw) != len(items):
            msg = f"{who} returned {len(raw)} results for {len(items)} items"
            return [_error_label(it, name, msg) for it in items]
        return [_validated(it, name, who, r) for it, r in zip(items, raw)]

    def _classify_per_target(self, choice: Mapping[str, str], items: Sequence[StanceItem]) -> list[StanceLabel]:
        default = choice.get("*", DEFAULT_CLASSIFIER)
        groups: dict[str, list[int]] = {}
        for i, item in enumerate(items):
            groups.setdefault(choice.get(item.target.name, default), []).append(i)
        out: list[StanceLabel | None] = [None] * len(items)
        # one call per classifier, so each still sees whole batches
        for name, indices in groups.items():
            for i, label in zip(indices, self.classify(name, [items[i] for i in indices])):
                out[i] = label
        return [label for label in out if label is not None]

    @staticmethod
    def _classify_one(classifier: Any, name: str, who: str, item: StanceItem) -> StanceLabel:
        try:
            raw = list(classifier.classify([item]))
        except Exception as e:  # foreign code: contain it and say whose it was
            return _error_label(item, name, f"{who} raised {type(e).__name__}: {e}")
        if len(raw) != 1:
            return _error_label(item, name, f"{who} returned {len(raw)} results for 1 item")
        return _validated(item, name, who, raw[0])


def _check_target(plugin: str, obj: Any) -> str:
    if not isinstance(obj, Target):
        raise PluginError(f"plugin {plugin!r} registered {obj!r} as a target; register a stance.Target")
    return obj.name


def _check_classifier(plugin: str, obj: Any) -> str:
    name = getattr(obj, "name", None)
    if not isinstance(name, str) or not name or not callable(getattr(obj, "classify", None)):
        raise PluginError(
            f"plugin {plugin!r} registered {obj!r} as a classifier; a classifier needs a string `name` "
            f"(e.g. 'mine.v1') and a `classify(items)` method"
        )
    return name


def _error_label(item: StanceItem, classifier: str, message: str) -> StanceLabel:
    return StanceLabel(item.target.name, "none", 0.0, classifier, (), message)


def _validated(item: StanceItem, classifier: str, who: str, r: Any) -> StanceLabel:
    label = getattr(r, "label", None)
    score = getattr(r, "score", None)
    evidence = getattr(r, "evidence", ())
    if not isinstance(r, Prediction) and isinstance(r, dict):
        label, score, evidence = r.get("label"), r.get("score"), r.get("evidence", ())
    if label not in STANCE_LABELS:
        return _error_label(item, classifier, f"{who} returned invalid label {label!r} (expected one of {', '.join(STANCE_LABELS)})")
    if isinstance(score, bool) or not isinstance(score, (int, float)) or math.isnan(score) or not 0.0 <= score <= 1.0:
        return _error_label(item, classifier, f"{who} returned invalid score {score!r} (expected a number in [0, 1])")
    evidence = tuple(evidence or ())
    if not all(isinstance(e, Span) for e in evidence):
        return _error_label(item, classifier, f"{who} returned evidence that is not a tuple of stance.Span")
    return StanceLabel(item.target.name, label, round(float(score), 4), classifier, evidence)


_DEFAULT: dict[str | None, PluginHost] = {}


def default_host() -> PluginHost:
    """The process-wide host for the current STANCE_LOAD_PLUGINS value (built once per value)."""
    key = os.environ.get(ALLOW_ENV)
    if key not in _DEFAULT:
        _DEFAULT[key] = PluginHost()
    return _DEFAULT[key]


def parse_classifier_choice(values: Sequence[str]) -> str | dict[str, str] | None:
    """``--classifier`` values → what ``analyze(classifier=...)`` takes.

    ``NAME`` applies to every target (the last one given wins); ``TARGET=NAME`` to that target only
    and may be repeated; ``none`` turns stance off (for every target, or for one: ``TARGET=none``).
    Only plain NAMEs: that name (None for ``none``); any TARGET=NAME: a mapping with ``"*"`` for the
    rest, whose ``"none"`` entries the caller turns into leaving those targets out.
    """
    every: str | None = None
    per_target: dict[str, str] = {}
    for value in values:
        target, sep, name = value.partition("=")
        if not sep:
            every = value.strip()
            continue
        target, name = target.strip(), name.strip()
        if not target or not name:
            raise PluginError(f"--classifier {value!r}: expected NAME or TARGET=NAME")
        if target in per_target and per_target[target] != name:
            raise PluginError(f"--classifier: target {target!r} is given two classifiers, {per_target[target]!r} and {name!r}")
        per_target[target] = name
    if not per_target:
        return None if every == "none" else (every or DEFAULT_CLASSIFIER)
    # "none" for a target (or for "*", the rest) leaves it out; the caller drops those targets
    return {**per_target, "*": every or DEFAULT_CLASSIFIER}
