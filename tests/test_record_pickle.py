"""Frozen models pickle as their field values (`kgraph.model.Record`): unpickled, each is what
pydantic's own state pickling gives back, down to which fields were set."""

from __future__ import annotations

import copyreg
import datetime as dt
import pickle

import pytest
from pydantic import BaseModel

from kgraph.extract.results import ClaimEntry, DocumentExtraction, EntityEntry, EntityKind, EpisodeInfo, QuoteGrounding
from kgraph.model import Claim, Episode, Grounding, Record, _dict_maker, _names, _rebuild


def _state_pickled(value: object) -> object:
    """The same value through pydantic's `__getstate__` / `__setstate__` (the old format)."""
    if isinstance(value, Record):
        made = copyreg.__newobj__(type(value))  # type: ignore[attr-defined]
        made.__setstate__(
            {key: _state_pickled(item) for key, item in value.__getstate__().items()}
            | {"__dict__": {name: _state_pickled(item) for name, item in value.__dict__.items()}}
        )
        return made
    if isinstance(value, tuple):
        return tuple(_state_pickled(item) for item in value)
    return value


def _samples() -> list[Record]:
    grounding = QuoteGrounding(grounding=Grounding.APPROXIMATE, heard_at=61, score=87.5, label="A")
    claim = ClaimEntry(text="we ship", line=9, position=0, speaker="Ann Lee", grounding=grounding)
    entity = EntityEntry(kind=EntityKind.ORGANIZATION, name="Acme", aliases=("ACME",), line=3, rank=1)
    info = EpisodeInfo(
        title="T", podcast="P", date=dt.date(2024, 5, 1), source_file="p/t.md", transcript_anchors=b"\0x"
    )
    return [
        Claim(iri="urn:c", label="l", text="t", episode="urn:e", seconds=3, match_score=None),
        Claim.model_construct(iri="urn:c", label="l", text="t", episode="urn:e"),  # defaults not filled in
        Episode(iri="urn:e", label="E", podcast="urn:p", graph="urn:g", urls=("https://x",)),
        DocumentExtraction(episode=info, entities=(entity,), claims=(claim,), warnings=("w",)),
        DocumentExtraction.model_construct(episode=info),
    ]


@pytest.mark.parametrize("value", _samples(), ids=lambda value: type(value).__name__)
def test_a_record_comes_back_as_pydantic_state_pickling_would_give_it(value: Record) -> None:
    back = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    old = _state_pickled(value)
    assert type(back) is type(value)
    assert back == value == old
    assert back.__getstate__() == old.__getstate__()  # fields set, extra and private included
    assert list(back.__dict__) == list(value.__dict__)
    assert back.model_dump(exclude_unset=True) == value.model_dump(exclude_unset=True)


def test_records_pickle_as_values_not_as_state_dictionaries() -> None:
    claim = _samples()[0]
    assert claim.__reduce__()[0] is _rebuild
    assert b"__pydantic_fields_set__" not in pickle.dumps(claim)


def _records(cls: type = Record) -> list[type]:
    return [cls, *(found for sub in cls.__subclasses__() for found in _records(sub))]


@pytest.mark.parametrize("cls", _records()[1:], ids=lambda cls: cls.__name__)
def test_each_record_class_s_dict_is_made_as_zip_made_it(cls: type) -> None:
    names = _names(cls)
    values = tuple(object() for _ in names)  # (each its own object)
    made = _dict_maker(cls)(*values)
    assert list(made.items()) == list(dict(zip(names, values, strict=True)).items())
    assert all(made[name] is value for name, value in zip(names, values, strict=True))


def test_values_of_another_shape_are_refused_as_unreadable() -> None:
    with pytest.raises(TypeError):
        _rebuild(Claim, ("urn:c", "l"))


_UPDATES = ({}, {"label": "m"}, {"text": "other", "seconds": 5}, {"warnings": ("x",), "participants": ("Ann",)})


@pytest.mark.parametrize("value", _samples(), ids=lambda value: type(value).__name__)
@pytest.mark.parametrize("update", _UPDATES)
def test_a_record_copies_as_pydantic_copies_it(value: Record, update: dict[str, object]) -> None:
    """`Record.model_copy`, in one step, gives what pydantic's copy gives, fields set included."""
    update = {key: item for key, item in update.items() if key in type(value).model_fields}
    mine = value.model_copy(update=update)
    theirs = BaseModel.model_copy(value, update=update)
    assert type(mine) is type(theirs)
    assert mine.__getstate__() == theirs.__getstate__()  # dict, fields set, extra and private
    assert list(mine.__dict__) == list(theirs.__dict__)
    assert mine.__dict__ is not value.__dict__ and mine.__pydantic_fields_set__ is not value.__pydantic_fields_set__
    assert value.model_copy(update=update, deep=True).__getstate__() == theirs.__getstate__()
