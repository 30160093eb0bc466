"""Inline Markdown to plain text (labels, titles, field values) with markdown-it-py."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from kgraph.parse.emphasis import decode_entities, unpaired_stars

_SPACES = re.compile(r"\s+")
_OTHER_SPACE = re.compile(r"[^\S ]")  # white space other than a space (`\s` is `str.split`'s set)
# A `*` run that is not exactly two stars. With `**` runs of exactly two stars only (`**Acme**
# said`, the commonest case), the parser would take each run as a strong delimiter or leave it
# literal, and either way it goes (see the unbalanced-emphasis step below).
# (Written to open with the `*`, not a look-behind, so that the regex engine skips to each star.)
_NOT_A_STAR_PAIR = re.compile(r"\*(?:(?<!\*\*)(?!\*)|\*\*)")


# A link the parser makes and shows as its label alone: a label without markup but entities, or
# a timestamp (`[[00:12:34]](https://...&t=754)`, the commonest markup after `**`), and a plain
# destination (no space, parenthesis, angle bracket, backslash, bracket, backtick or control
# character, and no scheme but http(s): markdown-it refuses `javascript:` and its kin); not after
# `!`, an image (the look-behind follows the `[`, so that the regex engine skips to each `[`).
_SIMPLE_LINK = re.compile(
    r"\[(?<!!\[)(\[\d[\d:.]*\]|[^\[\]*_`<>\\]*)\]"
    r"\((?:(?=https?://)|(?![A-Za-z][A-Za-z0-9+.-]*:))[^\s()<>\\\[\]`\x00-\x1f\x7f]*\)"
)
# Markup other than `*`, `&` and brackets: brackets with no `](` anywhere are text, since without
# link reference definitions (the inline parser here has none) only `[...](...)` makes a link or an image.
_MARKUP_BUT_BRACKETS = re.compile(r"[_`<>\\]")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark")


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """`**Acme** [site](url) &amp; *co*` -> `Acme site & co`: no Markdown, entities decoded."""
    text = text.replace("\0", "\ufffd")  # NUL: as the parser has it
    # markup other than `*` and `&` (which are resolved without the parser), as `in` tests: each a
    # memchr, where a regex class tests every character against a set (the commonest texts, without
    # markup, take every test)
    other_markup = "[" in text or "_" in text or "`" in text or "<" in text or ">" in text or "]" in text
    if not (other_markup or "\\" in text):
        if "*" not in text and "&" not in text:
            return single_spaced(text)
        if "&" not in text and not _NOT_A_STAR_PAIR.search(text):
            return single_spaced(text.replace("**", ""))
        # emphasis and entities only (`*Description:* text`): the stars the parser pairs go
        text = unpaired_stars(text)
        return single_spaced((html.unescape(text) if "&" in text else text).replace("**", ""))
    if "[" in text or "]" in text:
        linked = _linked_plain(text)
        if linked is not None:
            return linked
    return parsed_plain(text)


def single_spaced(text: str) -> str:
    """`" ".join(text.split())`, without the split when there is nothing to collapse."""
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        return " ".join(text.split())
    if text.isascii():  # (a flag of the string) ASCII's other white space: nine control characters,
        # looked for with memchr each (half the instructions of `isprintable`'s look-up per character)
        other_space = "\t" in text or "\n" in text or "\r" in text or "\x0b" in text or "\x0c" in text
        if other_space or "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text:
            return " ".join(text.split())
        return text
    # every white space character but the space is unprintable: `isprintable` spares most texts the regex
    if not text.isprintable() and _OTHER_SPACE.search(text):
        return " ".join(text.split())
    return text


def _linked_plain(text: str) -> str | None:
    """The plain text of `text` with links and brackets in it, when they are the only markup but
    entities and `**` pairs; None for the parser to decide."""
    # Links become their label; then brackets are text if no `](` is left. What remains must be
    # free of markup but for `**` pairs and entities, judged with each bracket or link standing
    # as one letter (so `*[[..]](..)*`, an emphasis, still goes to the parser).
    pieces = _SIMPLE_LINK.split(text) if "](" in text else [text]
    joined = "".join(pieces)
    if "](" in joined:
        return None
    outside = "x".join(pieces[::2])  # (brackets left: they are no markup, nor a star's neighbour)
    if _MARKUP_BUT_BRACKETS.search(outside) or _NOT_A_STAR_PAIR.search(outside):
        return None
    if "&" in joined and "**" in joined:
        return None  # a `**` pair the parser takes away joins what is around it: `**&l**[t](u)` reads `&lt`
    # entities decode within a label or the text between links, never across (an `&` in a link's
    # destination, `&t=754`, is gone with it)
    linked = html.unescape("".join(map(decode_entities, pieces))) if "&" in joined else joined
    return single_spaced(linked.replace("**", ""))


def parsed_plain(text: str) -> str:
    """`plain` through markdown-it's inline parser, whatever the text."""
    parts: list[str] = []
    # The inline parser alone: `parseInline` adds core rules that only normalize line ends (none
    # are left by now) and NUL, and join text tokens, which the concatenation below does anyway.
    parser = _parser()
    tokens: list[Token] = []
    parser.inline.parse(text.replace("\0", "\ufffd"), parser, {}, tokens)
    for child in tokens:
        if child.type in ("text", "text_special", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    result = html.unescape("".join(parts))
    # Unbalanced emphasis (truncated documents) survives the parser as literal asterisks.
    result = result.replace("**", "")
    return _SPACES.sub(" ", result).strip()


_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")


def link_target(text: str) -> str | None:
    """The URL of the first Markdown link in `text`, if any."""
    match = _LINK.search(text)
    return match.group(2) if match else None


_URL = re.compile(r"https?://[^\s)\]>]+")


def urls(text: str) -> list[str]:
    """Every http(s) URL in `text`, in order, link syntax or bare."""
    return _URL.findall(text)
