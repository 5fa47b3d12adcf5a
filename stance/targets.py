"""Stance targets: what a quote can be for or against.

A Target is plain data (name, description, alias phrases …). The built-ins come from
``stance.lexicons.targets`` and are registered by the built-in plugin; plugins add more through the
``register_targets`` hook, and users from a TOML file (``load_targets_toml``)::

    [[target]]
    name = "EU"
    description = "The European Union and its institutions."
    aliases = ["EU", "European Union", "Brussels"]
    implied = ["the bloc"]                  # optional
    opponents = []                          # optional

    [[target]]
    name = "nuclear_deal"
    kind = "proposition"                    # a course of action rather than an actor
    aliases = ["nuclear deal", "JCPOA"]
    patterns = [{actions = ["revive", "rejoin"], objects = ["deal", "agreement"]}]
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from .errors import InputError
from .lexicons.targets import BUILTIN_TARGETS

TARGET_KINDS = ("entity", "proposition")
_NAME = re.compile(r"^[A-Za-z][\w.-]*$")
TARGET_KEYS = ("name", "description", "kind", "aliases", "implied", "opponents", "patterns")
PATTERN_KEYS = ("actions", "objects", "scope")


def _no_unknown_keys(d: Mapping[str, Any], known: tuple[str, ...], what: str) -> None:
    """A misspelled key ("oponents") would otherwise be silently ignored."""
    if not isinstance(d, Mapping):
        raise InputError(f"{what} must be a table, not {d!r}")
    unknown = [k for k in d if k not in known]
    if unknown:
        import difflib

        hints = []
        for k in unknown:
            close = difflib.get_close_matches(k, known, n=1)
            hints.append(f"{k!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        raise InputError(f"{what}: unknown key {', '.join(hints)}; known keys: {', '.join(known)}")


@dataclass(frozen=True)
class Pattern:
    """An action word and, within its reach, an object phrase: "leave" + "NATO"."""

    actions: tuple[str, ...]
    objects: tuple[str, ...]
    scope: str = "subtree"  # the object must be in the action's subtree, or anywhere in the sentence

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Pattern":
        _no_unknown_keys(d, PATTERN_KEYS, "pattern")
        scope = str(d.get("scope", "subtree"))
        if scope not in ("subtree", "sentence"):
            raise InputError(f"pattern scope must be 'subtree' or 'sentence', not {scope!r}")
        return cls(_strings(d, "actions"), _strings(d, "objects"), scope)


@dataclass(frozen=True)
class Target:
    name: str
    description: str = ""
    kind: str = "entity"
    aliases: tuple[str, ...] = ()
    implied: tuple[str, ...] = ()
    opponents: tuple[str, ...] = ()
    patterns: tuple[Pattern, ...] = field(default=())

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise InputError(f"target name {self.name!r} must start with a letter and use letters, digits, _ . -")
        if self.kind not in TARGET_KINDS:
            raise InputError(f"target {self.name!r}: kind must be one of {', '.join(TARGET_KINDS)}, not {self.kind!r}")
        if not self.aliases and not self.patterns:
            raise InputError(f"target {self.name!r} needs at least one alias or pattern to be found in text")

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Target":
        _no_unknown_keys(d, TARGET_KEYS, f"target {d.get('name', '')!r}" if isinstance(d, Mapping) else "target")
        if "name" not in d:
            raise InputError(f"a target needs a name: {dict(d)!r}")
        return cls(
            name=str(d["name"]),
            description=str(d.get("description", "")),
            kind=str(d.get("kind", "entity")),
            aliases=_strings(d, "aliases"),
            implied=_strings(d, "implied"),
            opponents=_strings(d, "opponents"),
            patterns=tuple(Pattern.from_dict(p) for p in d.get("patterns", ())),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "description": self.description,
            "aliases": list(self.aliases),
            "implied": list(self.implied),
            "opponents": list(self.opponents),
            "patterns": [{"actions": list(p.actions), "objects": list(p.objects), "scope": p.scope} for p in self.patterns],
        }


def _strings(d: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = d.get(key, ())
    if isinstance(value, str) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{key} must be a list of strings, not {value!r}")
    return tuple(value)


def builtin_targets() -> tuple[Target, ...]:
    return tuple(Target.from_dict(d) for d in BUILTIN_TARGETS)


def load_targets_toml(path: str) -> tuple[Target, ...]:
    """The ``[[target]]`` tables of a TOML file; InputError says what is wrong and where."""
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError as e:
        raise InputError(f"{path}: cannot read targets file ({e.strerror or e})") from e
    except tomllib.TOMLDecodeError as e:
        raise InputError(f"{path}: not valid TOML ({e})") from e
    extra = [k for k in data if k != "target"]
    unknown = f"; unknown top-level key {', '.join(map(repr, extra))}" if extra else ""
    tables = data.get("target")
    if not isinstance(tables, list) or not tables:
        raise InputError(f"{path}: expected one or more [[target]] tables{unknown}")
    if extra:  # a stray key ("[[targets]]", a misplaced "name") would otherwise be ignored
        raise InputError(f"{path}: expected only [[target]] tables{unknown}")
    try:
        return tuple(Target.from_dict(t) for t in tables)
    except InputError as e:
        raise InputError(f"{path}: {e}") from e


def alias_regex(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One regex matching any phrase as whole words. Short all-capital aliases ("US") are matched
    case-sensitively so they do not match ordinary words ("us"); everything else ignores case."""
    return _alias_regex(tuple(sorted(set(phrases))))


@functools.lru_cache(maxsize=256)
def _alias_regex(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    # cached: classifiers ask for the same few targets' patterns for every quote
    sensitive, insensitive = [], []
    for p in sorted(phrases, key=len, reverse=True):
        body = re.escape(p).replace(r"\ ", r"\s+")
        (sensitive if len(p) <= 3 and p.isupper() else insensitive).append(body)
    parts = [rf"(?-i:{'|'.join(sensitive)})"] if sensitive else []
    if insensitive:
        parts.append("|".join(insensitive))
    if not parts:
        return None
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", re.IGNORECASE)
