"""Which fields of which fact kinds a rule may read, and of what type.

Types come from the pydantic fact models, so a rule is checked against the same definitions the
extractors fill. Only scalar fields are visible to rules; ``id`` and ``sid`` are reserved by the engine.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from functools import cache

from factcheck.model.facts import FACT_TYPES

RESERVED = frozenset({"id", "sid", "kind", "_k"})
HIDDEN = frozenset({"span"})


@dataclass(frozen=True)
class FieldType:
    """``base`` is ``number``, ``string`` or ``bool``; ``choices`` lists a Literal's allowed values."""

    base: str
    choices: tuple[object, ...] | None = None
    optional: bool = False


def _classify(annotation: object) -> FieldType | None:
    optional = False
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional = len(args) < len(typing.get_args(annotation))
        if len(args) != 1:
            return None
        annotation = args[0]
        origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        values = typing.get_args(annotation)
        if all(isinstance(v, str) for v in values):
            return FieldType("string", tuple(values), optional)
        return None
    if annotation is bool:
        return FieldType("bool", None, optional)
    if annotation in (int, float):
        return FieldType("number", None, optional)
    if annotation is str:
        return FieldType("string", None, optional)
    return None


@cache
def fields_of(kind: str) -> dict[str, FieldType]:
    """Scalar fields of a fact kind (including computed fields) that rules may use."""
    model = FACT_TYPES[kind]
    out: dict[str, FieldType] = {}
    for name, info in model.model_fields.items():
        if name in RESERVED or name in HIDDEN:
            continue
        ft = _classify(info.annotation)
        if ft is not None:
            out[name] = ft
    for name, cinfo in model.model_computed_fields.items():
        ft = _classify(cinfo.return_type)
        if ft is not None:
            out[name] = ft
    return out


def all_fields_of(kind: str) -> frozenset[str]:
    """Every field name of a kind, scalar or not (message templates may show lists)."""
    model = FACT_TYPES[kind]
    return frozenset(model.model_fields) | frozenset(model.model_computed_fields)


@cache
def may_be_unset(kind: str, name: str) -> bool:
    """True if a fact of ``kind`` may have no value for ``name`` (its type admits None)."""
    model = FACT_TYPES[kind]
    if name in model.model_fields:
        annotation: object = model.model_fields[name].annotation
    elif name in model.model_computed_fields:
        annotation = model.model_computed_fields[name].return_type
    else:
        return True
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return type(None) in typing.get_args(annotation)
    return annotation is None or annotation is type(None)
