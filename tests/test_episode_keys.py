"""Episode keys are cache keys: the rewritten `hash_parts` and `EpisodeKeys.key` must give the
values of the code they replaced (`tests/oracles/keys_930d819.py`), on any parts and on invented
corpora under every kind of alias file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kgraph.build.hashing import document_key, hash_parts
from kgraph.build.keys import EpisodeKeys
from kgraph.build.version import code_version
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.identities import Identities
from kgraph.sources.summary import SourceDocument
from kgraph.sources.transcript import TranscriptText

from .oracles import keys_930d819 as old
from .test_resolve_differential import RULES, _corpus

# any code point, lone surrogates and NUL among them (a NUL inside a part is what joins them)
_PARTS = st.lists(st.text(st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF)), max_size=8)


@given(_PARTS)
@example([])
@example([""])
@example(["", ""])
@example(["\ud83d", "\ude00"])  # the halves of one surrogate pair, in two parts
@example(["a\x00", "b"])
def test_hash_of_parts_is_the_old_one(parts: list[str]) -> None:
    assert hash_parts(parts) == old.hash_parts(parts)
    assert hash_parts(iter(parts)) == old.hash_parts(parts)  # parts handed as a generator


_TEXT = st.text(st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF))


@given(_TEXT, _TEXT, st.sampled_from(["none", "whole", "start", "problem"]))
@example("é", "\ud800中文", "whole")
@example("", "", "whole")
def test_document_key_is_the_hash_of_its_parts(text: str, transcript: str, read: str) -> None:
    """Hashed part by part, the transcript's start encoded once when it is the whole text: the
    key of `hash_parts`, however the transcript was read."""
    start = transcript[: len(transcript) // 2] if read in ("start", "problem") else transcript
    file = {
        "none": None,
        "whole": TranscriptText("t.md", transcript, transcript),  # the start is the text itself
        "start": TranscriptText("t.md", start, transcript),
        "problem": TranscriptText("t.md", start, problem="too large"),
    }[read]
    whole = "" if file is None else file.text or file.problem or ""
    document = SourceDocument("a/summary.md", Path("a/summary.md"), text, None if file is None else start, file)
    parts = ("document", code_version(), "a/summary.md", text, "" if file is None else start, whole)
    assert document_key(document) == hash_parts(parts)


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize(("merge", "separate"), RULES)
def test_episode_keys_are_the_old_ones(seed: int, merge: tuple, separate: tuple) -> None:
    identities = Identities(_corpus(seed), "https://example.org/kg/", AliasRules(merge=merge, separate=separate))
    keys = EpisodeKeys(identities)
    assert [keys.key(group) for group in identities.groups] == [
        old.episode_key(keys, group) for group in identities.groups
    ]
