"""Pydantic models made without validation, for values already of their fields' types (the parser
and the model make hundreds of thousands per build): the state is the one pydantic's validation,
and its `__setstate__`, leave."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

_M = TypeVar("_M", bound=BaseModel)
_new = object.__new__
_set = object.__setattr__


def made(cls: type[_M], values: dict[str, Any], fields_set: set[str]) -> _M:
    """A `cls` holding `values` (every field, in field order), `fields_set` the ones given."""
    model = _new(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", fields_set)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model
