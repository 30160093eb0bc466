"""How name tokens are read, pinned to `name_tokens` of each text on its own (invented texts): the
digest's one pass over texts joined by line breaks, the matcher's reading piece by piece."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.resolve import mentions
from kgraph.resolve.mentions import NameMatcher, name_tokens, text_tokens

# Letters, CJK, the joiners a token may hold (`&.'’+-`), apostrophes, `s`, spaces and line breaks:
# the characters where splitting and possessive stripping could differ.
_TEXT = st.text(alphabet=st.sampled_from(list("aSsb&.'’+-_ \n1É中文")), max_size=30)


@given(st.lists(_TEXT, max_size=6))
@settings(max_examples=400, deadline=None)
def test_tokens_of_joined_texts_are_those_of_each_text(texts: list[str]) -> None:
    assert name_tokens("\n".join(texts)) == [token for text in texts for token in name_tokens(text)]


def test_possessive_in_one_text_is_stripped_only_where_written() -> None:
    texts = ["Sam's plan", "Bass was there", "Nomads'", "Jobs’s Apple"]
    assert name_tokens("\n".join(texts)) == ["Sam", "plan", "Bass", "was", "there", "Nomads", "Jobs", "Apple"]


@given(st.lists(_TEXT, max_size=6))
@settings(max_examples=400, deadline=None)
def test_tokens_read_piece_by_piece_are_those_of_the_text(texts: list[str]) -> None:
    """The matcher reads a text's tokens per whitespace-separated piece, each piece's remembered:
    pinned to reading the text whole, on first reading and when every piece is remembered."""
    for text in texts:
        assert text_tokens(text) == name_tokens(text)
        assert text_tokens(text) == name_tokens(text)


def test_every_whitespace_character_ends_a_token(monkeypatch) -> None:
    """What reading by pieces rests on; and the memo, emptied when full, answers alike."""
    monkeypatch.setattr(mentions, "_PIECES_KEPT", 3)
    for code in range(sys.maxunicode + 1):
        space = chr(code)
        if space.isspace():
            text = f"Sam's{space}co-op’s{space}中文{space}A.I."
            assert text_tokens(text) == name_tokens(text) == ["Sam", "co-op", "中文", "A.I"], repr(space)
    assert len(mentions._piece_tokens) <= 3


def test_a_piece_read_without_the_expression_has_the_tokens_it_finds() -> None:
    """`piece_tokens` reads letters and digits (`str.isalnum`), and those followed by one other
    character, without the regular expression: pinned to it at every character."""
    for code in range(sys.maxunicode + 1):
        piece = f"ab{chr(code)}"  # one piece of letters, or of letters and one other character
        if not chr(code).isspace():
            assert mentions.piece_tokens(piece) == tuple(name_tokens(piece)), repr(piece)


# What `str.isalnum` and `[^\W_]` could tell apart: digits that are not decimal, numerals, marks,
# the CJK symbols the expression reads as tokens, the underscore and the joiners.
_PIECE = st.text(alphabet=st.sampled_from(list("aS1_²Ⅻ\u0301䷀中'’s.&+-,é")), min_size=1, max_size=8)


@given(_PIECE)
@settings(max_examples=400, deadline=None)
def test_piece_tokens_are_the_expressions(piece: str) -> None:
    assert mentions.piece_tokens(piece) == tuple(name_tokens(piece))


def _find_before(matcher: NameMatcher, text: str) -> list[str]:
    """`NameMatcher.find` as it was before it found positions and joined tokens in C."""
    tokens = name_tokens(text)
    widths, own_widths, index, own_index = matcher._widths, matcher._own_widths, matcher._index, matcher._own_index
    found: set[str] = set()
    free = 0
    firsts = widths.keys() & tokens | own_widths.keys() & tokens
    if not firsts:
        return []
    for position in [position for position, token in enumerate(tokens) if token in firsts]:
        if position < free:
            continue
        widest = max(widths.get(tokens[position], 0), own_widths.get(tokens[position], 0))
        for width in range(min(widest, len(tokens) - position), 0, -1):
            key = " ".join(tokens[position : position + width])
            iri = own_index.get(key) or index.get(key)
            if iri is not None:
                found.add(iri)
                free = position + width
                break
    return sorted(found)


_WORD = st.sampled_from(["Sam", "Altman", "Open", "AI", "OpenAI", "Acme", "Labs", "the", "Sam's", "Acme,", "中文"])
_NAMES = {"Sam Altman": "urn:sam", "OpenAI": "urn:openai", "Open AI": "urn:openai2", "Acme Labs": "urn:acme"}


@given(st.lists(_WORD, max_size=12), st.sampled_from([" ", "\n", "  "]), st.booleans())
@settings(max_examples=300, deadline=None)
def test_find_is_what_it_was(words: list[str], space: str, own: bool) -> None:
    matcher = NameMatcher(_NAMES)
    if own:
        matcher = matcher.extended({"Sam": "urn:sam", "Acme": "urn:acme-own", "中文": "urn:zh"})
    text = space.join(words)
    assert matcher.find(text) == _find_before(matcher, text)
    assert matcher.find(text) == _find_before(matcher, text)  # every piece remembered


def _name_tokens_before(text: str) -> list[str]:
    """`name_tokens` as it was before it found the possessives in C."""
    tokens = mentions._TOKEN.findall(text)
    if "s" not in text or ("'" not in text and "’" not in text):
        return tokens
    return [token if not token.endswith(("'s", "’s")) else re.sub(r"(?:['’]s|['’])$", "", token) for token in tokens]


# Possessives and what resembles them: apostrophes before and after `s`, doubled, at a piece's end
# or within it (`a's's`, `'s'`), joiners and spaces.
_POSSESSIVE_TEXT = st.text(alphabet=st.sampled_from(list("aSs'’'’&.-_ \n中")), max_size=24)


@given(_POSSESSIVE_TEXT)
@settings(max_examples=1000, deadline=None)
def test_name_tokens_cut_the_possessives_the_expression_cut(text: str) -> None:
    assert name_tokens(text) == _name_tokens_before(text)


def test_name_tokens_cut_every_possessive_and_only_those() -> None:
    text = "Sam's a's's Bass’s 's s' Jo'S it’s’s"
    assert name_tokens(text) == _name_tokens_before(text) == ["Sam", "a's", "Bass", "s", "s", "Jo'S", "it’s"]


def test_a_numeral_after_a_numbering_word_names_no_one() -> None:
    matcher = NameMatcher({"VI": "urn:vi", "Orbex": "urn:orbex", "Section Nine": "urn:nine", "3M": "urn:3m"})
    assert matcher.find("Section VI describes Orbex") == ["urn:orbex"]
    assert matcher.find("VI raised a round") == ["urn:vi"]
    assert matcher.find("Part VI of the paper cites VI, the network") == ["urn:vi"]
    assert matcher.find("see Section Nine") == ["urn:nine"]  # a name that begins with the word still is one
    assert matcher.find("Table 3M compares") == ["urn:3m"]  # not a numeral
    vcx = NameMatcher({"VCX": "urn:vcx"})
    assert vcx.find("an Emerging Asset Class VCX represents") == ["urn:vcx"]  # no Roman numeral


def test_a_name_in_an_idea_named_after_someone_names_no_one() -> None:
    matcher = NameMatcher({"Tarn": "urn:tarn", "Orbex": "urn:orbex"})
    assert matcher.find("The Tarn test is passed, Orbex says") == ["urn:orbex"]
    assert matcher.find("The Tarn Test Has Been Passed") == []  # a heading's capitals
    assert matcher.find("Tarn tested it. Tests are hard") == ["urn:tarn"]  # another word
    assert matcher.find("Orbex sued Tarn. Tests followed") == ["urn:orbex", "urn:tarn"]  # not written together


def test_a_hyphen_before_a_relating_word_ends_the_name() -> None:
    """`Nvidia-powered`, `Y Combinator-backed`, `Samsung Catalyst Fund-led` name Nvidia, Y Combinator,
    Samsung Catalyst Fund; a hyphen inside a name or a word does not end it."""
    text = "A Nvidia-powered rig, a Y Combinator-backed firm, a Samsung Catalyst Fund-led round, Coca-Cola"
    assert name_tokens(text) == [
        *("A", "Nvidia", "powered", "rig", "a", "Y", "Combinator", "backed", "firm", "a", "Samsung", "Catalyst"),
        *("Fund", "led", "round", "Coca-Cola"),
    ]
    assert name_tokens("state-of-the-art, co-founder, X-backedness") == [
        "state-of-the-art",
        "co-founder",
        "X-backedness",
    ]
    matcher = NameMatcher({"Nvidia": "urn:nvidia", "Y Combinator": "urn:yc", "Samsung Catalyst Fund": "urn:fund"})
    assert matcher.find(text) == ["urn:fund", "urn:nvidia", "urn:yc"]
