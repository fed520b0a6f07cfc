"""Turning command-line strings into option values, typed by the option's own declaration."""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from newsprism.options import Options
from newsprism.stages import DOCUMENT_STAGES, GROUPERS, STORY_STAGES, discover_stages

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
_NONE = {"", "none", "null"}


def parse_setting(text: str) -> tuple[str, Any]:
    """Split ``"nlp.batch_size=64"`` into the dotted option name and a value of its type.

    Raises:
        ValueError: when the name is not an option or the value does not fit its type.
    """
    name, sep, raw = text.partition("=")
    name = name.strip()
    if not sep or not name:
        raise ValueError(f"{text!r}: use OPTION=VALUE, e.g. nlp.batch_size=64")
    hint = _hint(name)
    try:
        return name, _convert(raw.strip(), hint)
    except ValueError as error:
        raise ValueError(f"{name}: {error}") from error


def option_names(obj: Any = None, prefix: str = "") -> list[str]:
    """Every settable dotted option name, sections expanded."""
    obj = obj if obj is not None else Options()
    names = []
    for field in dataclasses.fields(obj):
        value = getattr(obj, field.name)
        if dataclasses.is_dataclass(value):
            names += option_names(value, f"{prefix}{field.name}.")
        else:
            names.append(prefix + field.name)
    return names


def stage_names() -> set[str]:
    """Names of every registered per-document and per-story stage."""
    discover_stages()
    return set(DOCUMENT_STAGES) | set(STORY_STAGES)


def grouping_names() -> set[str]:
    """Names of every registered way of grouping articles into stories."""
    discover_stages()
    return set(GROUPERS)


def _hint(dotted: str) -> Any:
    obj: Any = Options()
    hint: Any = Options
    for part in dotted.split("."):
        if not dataclasses.is_dataclass(obj):
            raise ValueError(f"unknown option {dotted!r}")
        hints = typing.get_type_hints(type(obj))
        if part not in hints:
            raise ValueError(f"unknown option {dotted!r}; options: {', '.join(option_names())}")
        hint, obj = hints[part], getattr(obj, part)
    if dataclasses.is_dataclass(obj):
        raise ValueError(f"{dotted!r} is a section; set one of its options, e.g. {dotted}."
                         f"{dataclasses.fields(obj)[0].name}=...")
    return hint


def _convert(raw: str, hint: Any) -> Any:
    args = typing.get_args(hint)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if type(None) in args and raw.lower() in _NONE:
            return None
        (hint,) = [a for a in args if a is not type(None)] or (str,)
        return _convert(raw, hint)
    if origin in (frozenset, set, tuple, list):
        items = [item.strip() for item in raw.split(",") if item.strip()]
        item_type = args[0] if args else str
        return origin(_convert(item, item_type) for item in items)
    if hint is bool:
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        raise ValueError(f"{raw!r} is not true or false")
    if hint in (int, float):
        try:
            return hint(raw)
        except ValueError:
            raise ValueError(f"{raw!r} is not {'an integer' if hint is int else 'a number'}") from None
    return raw
