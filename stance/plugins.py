"""The plugin host: built-in and third-party targets and classifiers, loaded through the same hooks.

* Built-ins (``stance.classifiers.lexicon``) are ordinary plugins registered through the hooks.
* Installed packages publish plugins under the entry-point group ``stance``. The environment variable
  ``STANCE_LOAD_PLUGINS`` is an allow-list: unset loads every installed plugin, an empty value loads
  the built-ins only, ``a,b`` loads the plugins whose entry-point names are a and b.
* A misspelled hook, a duplicate target or classifier name, or a malformed contribution raises
  PluginError naming the plugin(s); a classifier that raises or returns garbage at run time only
  turns the affected items into error labels naming it.
"""
from __future__ import annotations

import importlib
import importlib.metadata
import math
import os
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import pluggy

from . import hookspecs
from .classify import Prediction, StanceItem
from .errors import PluginError
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

    def to_dict(self) -> dict[str, Any]:
        return {
            "plugin": self.name,
            "version": self.version,
            "package": self.package,
            "hooks": list(self.hooks),
            "targets": list(self.targets),
            "classifiers": list(self.classifiers),
        }


def allowed_plugins(env: dict[str, str] | None = None) -> set[str] | None:
    """The entry-point names STANCE_LOAD_PLUGINS allows; None means all of them."""
    value = (os.environ if env is None else env).get(ALLOW_ENV)
    if value is None:
        return None
    return {name.strip() for name in value.split(",") if name.strip()}


class PluginHost:
    """Owns a pluggy PluginManager and the targets and classifiers its plugins contribute."""

    def __init__(self, *, entry_points: bool = True, allow: set[str] | None = None) -> None:
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self._packages: dict[str, tuple[str, str]] = {}  # plugin name -> (package, version)
        self._registry: tuple[dict[str, Target], dict[str, Any], dict[tuple[str, str], str]] | None = None
        for module in BUILTIN_PLUGINS:
            self.register(importlib.import_module(module), name=module, package="stance-engine")
        if entry_points:
            self._load_entry_points(allowed_plugins() if allow is None else allow, allow is None)

    # -- loading -------------------------------------------------------------
    def _load_entry_points(self, allow: set[str] | None, from_env: bool) -> None:
        for dist in importlib.metadata.distributions():
            for ep in dist.entry_points:
                if ep.group != ENTRY_POINT_GROUP or (allow is not None and ep.name not in allow):
                    continue
                if self.pm.get_plugin(ep.name) is not None:
                    continue
                package = dist.metadata["Name"]
                try:
                    plugin = ep.load()
                except Exception as e:  # any import-time failure of foreign code
                    hint = f"uninstall {package} or leave {ep.name!r} out of {ALLOW_ENV}"
                    raise PluginError(f"plugin {ep.name!r} ({package}) failed to load: {type(e).__name__}: {e}; {hint}") from e
                self.register(plugin, name=ep.name, package=package, version=dist.version)

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
    def _collect(self, hook_name: str, check: Callable[[str, Any], str]) -> tuple[dict[str, Any], dict[str, str]]:
        found: dict[str, Any] = {}
        owner: dict[str, str] = {}
        hook = getattr(self.pm.hook, hook_name)
        # get_hookimpls() lists in registration order (pluggy *calls* newest first): built-ins,
        # registered first, own their names and a later plugin is the one reported as the duplicate.
        for impl in hook.get_hookimpls():
            plugin = impl.plugin_name

            def register(obj: Any, _plugin: str = plugin) -> None:
                key = check(_plugin, obj)
                if key in found:
                    first, second = owner[key], _plugin
                    raise PluginError(
                        f"{hook_name}: name {key!r} is registered twice, by plugin {first!r} "
                        f"({self._packages[first][0]}) and by plugin {second!r} ({self._packages[second][0]})"
                    )
                found[key], owner[key] = obj, _plugin

            try:
                impl.function(register=register)
            except PluginError:
                raise
            except Exception as e:  # a plugin's own hook code failed
                raise PluginError(f"plugin {plugin!r} failed in {hook_name}: {type(e).__name__}: {e}") from e
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
        try:
            return self._reg[1][name]
        except KeyError:
            raise PluginError(
                f"unknown classifier {name!r}; registered: {', '.join(sorted(self._reg[1]))} "
                f"(see `stance plugins`)"
            ) from None

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
                )
            )
        return out

    # -- running a classifier -------------------------------------------------
    def classify(self, name: str, items: Sequence[StanceItem]) -> list[StanceLabel]:
        """One StanceLabel per item. Failures of the classifier become error labels naming its plugin."""
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
