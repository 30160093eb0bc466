"""How a document's extraction is pickled for the store and the episode stage: as two pickles, one
after the other, the extraction without its transcript and then the transcript.

The episode stage reads only the first (`pickle.loads` stops at its end): of the transcript it
needs only the path, which the digest holds (`ExtractionDigest.faithfulness`), and unpickling the
transcript's segments was most of what reading an extraction cost there. The library API reads
both (`whole`)."""

from __future__ import annotations

import io
import pickle

from kgraph.extract.results import DocumentExtraction
from kgraph.parse.document import Transcript
from kgraph.pickled import unpickled
from kgraph.unvalidated import made


def pickled(extraction: DocumentExtraction) -> bytes:
    transcript = extraction.transcript
    if transcript is None:
        return pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL)
    return pickle.dumps(_with(extraction, None), protocol=pickle.HIGHEST_PROTOCOL) + pickle.dumps(
        transcript, protocol=pickle.HIGHEST_PROTOCOL
    )


def without_transcript(data: bytes) -> DocumentExtraction:
    """The extraction with no transcript (the first pickle only)."""
    return unpickled(data, DocumentExtraction)


def whole(data: bytes) -> DocumentExtraction:
    """The extraction as it was pickled, transcript and all."""
    stream = io.BytesIO(data)
    extraction = pickle.load(stream)
    if not isinstance(extraction, DocumentExtraction):
        raise TypeError(f"not an extraction: {type(extraction).__name__}")
    if stream.tell() == len(data):  # it had no transcript
        return extraction
    transcript = pickle.load(stream)
    if not isinstance(transcript, Transcript) or stream.tell() != len(data):
        raise TypeError("not an extraction's transcript")
    return _with(extraction, transcript)


def _with(extraction: DocumentExtraction, transcript: Transcript | None) -> DocumentExtraction:
    """The extraction with another transcript; which fields were set is unchanged."""
    values = {**extraction.__dict__, "transcript": transcript}
    return made(type(extraction), values, set(extraction.__pydantic_fields_set__))
