"""Characters beyond ASCII replaced at C speed, for the normalizations of transcripts (grounding's
words, the duplicate-episode fingerprints): an expression would test every character of a
transcript, while a transcript holds only a few distinct characters beyond ASCII, and one
`str.replace` pass each replaces them wherever they are."""

from __future__ import annotations

from collections.abc import Callable

# Past this many distinct characters to replace, the passes would be quadratic in hostile text
# (100,000 distinct symbols: seconds): the caller's expression does it in one pass instead.
MAX_DISTINCT = 64
_ASCII = bytes(range(128))


def replace_beyond_ascii(
    data: bytes, replacement: Callable[[str], str | None], expression: Callable[[str], str]
) -> str:
    """`data` (UTF-8, lone surrogates passed) as text, each character beyond ASCII that
    `replacement` gives a string for (None: kept) replaced by it; `expression(text)` must do the
    same to the whole text in one pass (what it does where one replacement holds a character another
    replaces: passes one after another would replace it again). Its bytes alone find the characters:
    UTF-8 puts no ASCII byte in one."""
    text = data.decode("utf-8", "surrogatepass")
    replaced: list[tuple[str, str]] = []
    for character in set(data.translate(None, _ASCII).decode("utf-8", "surrogatepass")):
        if (new := replacement(character)) is not None:
            if len(replaced) == MAX_DISTINCT:
                return expression(text)
            replaced.append((character, new))
    if not {*"".join(new for _character, new in replaced)}.isdisjoint(character for character, _new in replaced):
        return expression(text)  # a replacement holding a replaced character: the passes' order would matter
    for character, new in replaced:
        text = text.replace(character, new)
    return text
