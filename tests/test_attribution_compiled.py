"""Attribution compiles fewer patterns at import: a name pattern followed by a fixed ending is `_NAME`
and then the ending, and patterns few documents need are compiled on first use behind a cheap test.
Each is pinned here against the single pattern it replaced, on generated text."""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.extract import attribution
from kgraph.extract.attribution import _COLON_END, NAME, _name_followed_by

# The patterns as they were (the oracles).
_OLD_NAME_LABEL = re.compile(rf"^(?P<name>{NAME})\s*:\s*$")
_OLD_LABEL = re.compile(
    rf"^\W*\*\*(?P<name>[^*]{{1,60}}?)\*\*\s*:\s*[*_]*\s*$"
    rf"|^\W*\*\*(?P<name2>[^*]{{1,60}}?):\*\*\s*[*_]*\s*$"
    rf"|^\s*(?P<name3>{NAME})\s*:\s*[*_]*\s*$"
)
_OLD_AFTER_DASH = re.compile(rf"^\s*[*_]*\s*(?:[—–]{{1,2}}|--?)\s*[*_]*\s*(?P<name>{NAME}|Speaker\s*\d+|SPEAKER_\d+)")
_OLD_INNER_ATTRIBUTION = re.compile(
    rf"^['‘](?P<words>[^'‘’]{{12,}}?)[,.!?]?['’][,.]?\s+(?P<who>(?:[A-Za-z][\w.&'’-]*\s+){{0,3}}?{NAME})\s+"
    rf"(?:said|says|wrote|writes|posted|posts|told|tweeted|added|adds|noted|notes|explained|explains|argued|argues)\b"
)
_OLD_CONTINUED = re.compile(
    rf"(?:said|says|added|adds|noted|notes|explained|explains|argued|argues|wrote|writes|continued)\s+"
    rf"(?P<name>{NAME})(?:,\s+[^\"“”:.!?]{{1,200}})?\."
    rf"|(?P<name2>{NAME})\s+(?:said|says|added|adds|wrote|writes)\."
)
_OLD_CJK_LEAD_IN = re.compile(
    r"(?P<run>[\u4e00-\u9fff]{2,12})(?:认为|说|表示|指出|提到|解释|强调|坦言|透露|补充|回忆|谈到|直言|介绍|分享|总结|感叹|追问|问)"
    r"道?\s*[:：,，]?\s*$"
)

# Pieces of names, labels, signatures and quotes, and what sits around them.
_PIECES = (
    "Jane|Roe|Dana Ruiz|O'Neil|Ruiz’s|Jean-Luc|A.|J.R.|Éva|de|van|la|del|dos|Speaker|SPEAKER_01|2|Host|CEO|"
    "李明|王小明|认为|说道|表示|介绍|问|abc|jo|the|said|says|wrote|told|notes|argues|it|is"
).split("|")
_GLUE = (" ", "  ", "\t", "\n", "\u00a0", ":", "：", ",", "，", ".", "*", "_", "**", "—", "–", "-", "--")
_GLUE += ("'", "‘", "’", '"', "/", "&", "(", ")", "")
_TEXT = st.lists(st.sampled_from(_PIECES + list(_GLUE)), max_size=14).map("".join)


def _read(match: re.Match[str] | None, reading: Callable[[re.Match[str]], object]) -> object:
    return reading(match) if match else None


def _groups_and_span(match: re.Match[str]) -> object:
    return match.groupdict(), match.span()


def _old_label(text: str) -> str | None:
    label = _OLD_LABEL.match(text)
    return (label.group("name") or label.group("name2") or label.group("name3")) if label else None


@settings(max_examples=1500, deadline=None)
@given(_TEXT)
def test_a_label_is_read_as_the_single_pattern_read_it(text: str) -> None:
    assert attribution._label(text) == _old_label(text)
    old = _OLD_NAME_LABEL.match(text)
    assert _name_followed_by(text, 0, _COLON_END) == (old.group("name") if old else None)


@settings(max_examples=1500, deadline=None)
@given(_TEXT)
def test_a_signature_is_read_as_the_single_pattern_read_it(text: str) -> None:
    new, old = attribution._signed_name(text), _OLD_AFTER_DASH.match(text)
    assert _read(new, lambda match: (match.group(0), match.end())) == _read(
        old, lambda match: (match.group("name"), match.end())
    )


_QUOTE = st.tuples(
    st.sampled_from(("'", "‘", "’", '"', "")),
    # the quoted words: around the twelve characters they need, with or without a single quote among them
    st.text(alphabet="ab ,.!?\n", min_size=10, max_size=15) | st.text(alphabet="ab ,.!?'‘’\n", max_size=16),
    st.sampled_from(("'", "’", "‘", ",'", ".’", "")),
    st.sampled_from((" CEO Ruth Amsel wrote.", " Jo said", " Jo  says", "\tthe frontman said", " Jo\nnoted", "")),
    _TEXT,
).map("".join)


# A run of name pieces, then a verb and an ending: `Jane Roe said.`, `said Jane.`, `Jane said. Then`
_ATTRIBUTION = st.tuples(
    st.sampled_from(("", "said ", "noted  ", "continued\n", "Said ")),
    st.lists(st.sampled_from(("Jane", "Roe", "A.", "O'Neil", "de", "李明", "x", " ", "  ", "\n", ", who", "."))).map(
        "".join
    ),
    st.sampled_from((" ", "  ", "\n", "", ",")),
    st.sampled_from(("said", "adds", "wrote", "noted", "Said", "de", "")),
    st.sampled_from((".", "", ". Then", ".x", "..")),
).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_ATTRIBUTION | _TEXT)
def test_a_continued_attribution_names_whom_the_single_pattern_named(text: str) -> None:
    old = _OLD_CONTINUED.fullmatch(text)
    assert attribution._continued_speaker(text) == (old.group("name") or old.group("name2") if old else None)


@settings(max_examples=1500, deadline=None)
@given(_QUOTE)
def test_an_attribution_inside_a_quote_is_found_as_the_pattern_found_it(text: str) -> None:
    new, old = attribution._attribution_inside(text), _OLD_INNER_ATTRIBUTION.match(text)
    assert _read(new, _groups_and_span) == _read(old, _groups_and_span)


@settings(max_examples=1500, deadline=None)
@given(_TEXT)
def test_a_cjk_lead_in_is_found_as_the_pattern_found_it(text: str) -> None:
    new, old = attribution._cjk_lead_in(text), _OLD_CJK_LEAD_IN.search(text)
    assert _read(new, _groups_and_span) == _read(old, _groups_and_span)


def test_the_replaced_patterns_still_read_their_examples() -> None:
    """The generated text above must reach every branch: examples of each."""
    assert attribution._label("**Jane Roe:**") == "Jane Roe"
    assert attribution._label("  Dana de la Ruiz: *") is None  # `la` is a particle only before a name
    assert attribution._label("  Dana van Ruiz: *") == "Dana van Ruiz"
    assert _name_followed_by("Jane Roe :", 0, _COLON_END) == "Jane Roe"
    assert _name_followed_by("Jane Roe Doe Smith Lee:", 0, _COLON_END) is None  # five words: no name
    assert attribution._continued_speaker("said Marta Lind, who heads credit.") == "Marta Lind"
    assert attribution._continued_speaker("Dana de Ruiz said.") == "Dana de Ruiz"
    assert attribution._continued_speaker("李明 said.") == "李明"
    assert attribution._continued_speaker("Dana de said.") is None
    assert attribution._continued_speaker("Lind said. Then") is None
    signed = attribution._signed_name(" *— Speaker 2")
    assert signed is not None and signed.group(0) == "Speaker"
    inside = attribution._attribution_inside("'Spreadsheets are dead,' CEO Ruth Amsel wrote on LinkedIn.")
    assert inside is not None and inside.group("who") == "CEO Ruth Amsel"
    assert attribution._attribution_inside("'It's not just work,' the frontman said.") is None
    twelve = attribution._attribution_inside("‘aaaaaaaaaaaa’ Jo said")  # the shortest quoted words
    assert twelve is not None and twelve.group("words") == "aaaaaaaaaaaa"
    signed = attribution._signed_name(" —— 李明")
    assert signed is not None and signed.group(0) == "李明"
    lead_in = attribution._cjk_lead_in("李明认为：")
    assert lead_in is not None and lead_in.group("run") == "李明"
