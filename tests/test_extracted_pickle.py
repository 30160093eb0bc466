"""An extraction pickled as two pickles (`kgraph.build.extracted`): read whole, it is what one
pickle of it gave back; the episode stage's reading of the first alone lacks only the transcript,
whose path the digest holds."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from kgraph.build.extracted import pickled, whole, without_transcript
from kgraph.extract.results import ClaimEntry, DocumentExtraction, EpisodeInfo, QuoteGrounding
from kgraph.model import Grounding
from kgraph.parse.document import Segment, Transcript
from kgraph.pickled import UNREADABLE
from kgraph.resolve.digest import digest_of

_INFO = EpisodeInfo(title="T", podcast="P", date=dt.date(2024, 5, 1), source_file="p/t/summary.md")
_TRANSCRIPT = Transcript(path="p/t/transcript.md", segments=(Segment(1, "Ann Lee", "we ship"), Segment(5, None, "ok")))
_CLAIM = ClaimEntry(
    text="we ship", line=9, position=0, speaker="Ann Lee", grounding=QuoteGrounding(grounding=Grounding.VERBATIM)
)


def _samples() -> list[DocumentExtraction]:
    return [
        DocumentExtraction(episode=_INFO, claims=(_CLAIM,), transcript=_TRANSCRIPT, labels_trusted=True),
        DocumentExtraction(episode=_INFO, claims=(_CLAIM,)),
        DocumentExtraction.model_construct(episode=_INFO, transcript=_TRANSCRIPT),  # defaults not set
        DocumentExtraction.model_construct(episode=_INFO),
    ]


def _same(back: DocumentExtraction, value: DocumentExtraction) -> None:
    assert type(back) is type(value)
    assert back == value
    assert back.__getstate__() == value.__getstate__()  # fields set, extra and private included
    assert list(back.__dict__) == list(value.__dict__)


@pytest.mark.parametrize("value", _samples())
def test_read_whole_it_is_what_one_pickle_gives_back(value: DocumentExtraction) -> None:
    once = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    _same(whole(pickled(value)), once)
    assert whole(pickled(value)).transcript == value.transcript


@pytest.mark.parametrize("value", _samples())
def test_the_episode_stage_reads_all_but_the_transcript_whose_path_the_digest_holds(value: DocumentExtraction) -> None:
    read = without_transcript(pickled(value))
    assert read.transcript is None
    if value.transcript is None:
        _same(read, pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
    assert read.__pydantic_fields_set__ == value.__pydantic_fields_set__
    assert {name: item for name, item in read.__dict__.items() if name != "transcript"} == {
        name: item for name, item in value.__dict__.items() if name != "transcript"
    }
    faithfulness = digest_of(value).faithfulness
    path = value.transcript.path if value.transcript is not None else None
    assert (faithfulness.transcript if faithfulness is not None else None) == path


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not a pickle",
        pickle.dumps(("a", "tuple")),
        pickled(_samples()[0]) + b"trailing",
        pickled(_samples()[0])[:-3],
        pickled(_samples()[1]) + pickle.dumps("not a transcript"),
        # junk after the extraction that claims an impossible length, or one past memory
        pickled(_samples()[1]) + b"\x96\xe8\xa4\xfe\xf2:\x0c\x9f\xc5\xaf\xd7",
        pickled(_samples()[1]) + b"\x8eYk\xfeq\xed\xafl?[",
        b"\x96\xe8\xa4\xfe\xf2:\x0c\x9f\xc5\xaf\xd7",
    ],
)
def test_what_is_not_an_extraction_is_unreadable(data: bytes) -> None:
    with pytest.raises(UNREADABLE):
        whole(data)


def test_unpickled_gives_the_first_pickle_of_its_kind_and_refuses_another(tmp_path) -> None:
    import pickle

    from kgraph.pickled import load, unpickled

    two = pickle.dumps({"a": 1}) + pickle.dumps([2])
    assert unpickled(two, dict) == {"a": 1}  # the first pickle only
    assert unpickled(memoryview(two)[len(pickle.dumps({"a": 1})) :], list) == [2]
    with pytest.raises(TypeError, match="not a dict: list"):
        unpickled(pickle.dumps([2]), dict)
    (tmp_path / "entry").write_bytes(pickle.dumps([2]))
    assert load(tmp_path / "entry", list) == [2]
    assert load(tmp_path / "entry", dict) is None
    (tmp_path / "entry").write_bytes(b"not a pickle")
    assert load(tmp_path / "entry", list) is None
