"""What resolution across documents reads of one extraction: everything but its insights and
claims, plus the hashes of the tokens its texts hold (which shared names can occur in them). A
rebuild loads every document's digest (a few KB) and the full extraction only of the episodes it
redoes."""

from __future__ import annotations

import string
import zlib
from array import array
from collections.abc import Collection, Iterable
from itertools import filterfalse

from pydantic import BaseModel, ConfigDict

from kgraph.extract.results import DocumentExtraction, EntityEntry, EpisodeInfo, Faithfulness, PersonName
from kgraph.names import vocabulary_of_pieces
from kgraph.resolve.mentions import name_tokens, text_tokens


class ExtractionDigest(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str  # what the extraction was cached under (its document's content); "" when not cached
    episode: EpisodeInfo
    participants: tuple[str, ...] = ()
    people: tuple[PersonName, ...] = ()
    entities: tuple[EntityEntry, ...] = ()
    warnings: tuple[str, ...] = ()
    content: int = 0  # insights + claims: the richest copy of an episode builds it
    speakers: tuple[str, ...] = ()  # the claims' speakers, all of them names from `people`
    vocabulary: str = ""  # the lower-case words of the insights and claims, space-separated
    # CRC-32 of every token that mention matching reads in the insights, claims and entries' texts,
    # sorted: a name can occur in them only if all its tokens are here (the episode key,
    # `kgraph.build.keys`).
    token_hashes: bytes = b""
    faithfulness: Faithfulness | None = None  # its quotes in its transcript, when it has one


def token_hash(token: str) -> int:
    return zlib.crc32(token.encode("utf-8", errors="surrogatepass"))


_LETTERS = frozenset(string.ascii_lowercase)  # a piece of one letter is no word


def sorted_token_hashes(tokens: Collection[str]) -> bytes:
    """The distinct `token_hash`es of `tokens` (none holding a space), sorted, as unsigned 32-bit
    words. Encoded in one piece and split at the spaces: each token's bytes, hashed in C."""
    if not tokens:
        return b""  # (the one case the split would not give back: one empty piece)
    pieces = " ".join(tokens).encode("utf-8", errors="surrogatepass").split(b" ")
    return array("I", sorted(set(map(zlib.crc32, pieces)))).tobytes()


def tokens_and_words(titles: Iterable[str], texts: Iterable[str]) -> tuple[set[str], frozenset[str]]:
    """The name tokens of the titles and texts, and the vocabulary of the texts. A token or a word
    never holds whitespace, and what either reads around it (a possessive `'s` is part of the
    token; the word's look-behind sees one character back, whitespace or the start) lies within
    its piece: so they are those of the texts' distinct pieces, read once each (an extraction's
    claims and insights repeat most of their words)."""
    pieces = set(" ".join(texts).split())
    headings = set(" ".join(titles).split()) - pieces  # what only the titles write
    # Most pieces are read without the expressions (their set operations run in C): one of letters
    # and digits is one token (`[^\W_]` is what `str.isalnum` tests), and one of two or more
    # lower-case ASCII letters also one word.
    tokens = set(filter(str.isalnum, pieces))
    lower = set(filter(str.islower, filter(str.isalpha, filter(str.isascii, tokens))))
    others = pieces - tokens
    others.update(filterfalse(str.isalnum, headings))
    tokens.update(filter(str.isalnum, headings))
    tokens.update(name_tokens(" ".join(others)))
    words = lower - _LETTERS
    words.update(vocabulary_of_pieces(pieces - lower))
    return tokens, frozenset(words)


def entry_texts(entities: Iterable[EntityEntry]) -> list[str]:
    """What the entries say of their entities (descriptions, reasons): an episode's mentions are
    found in them as in its insights and claims, so its key reads their tokens too."""
    return [text for entry in entities for text in (entry.description, entry.why_mentioned) if text]


def affiliated_organizations(people: Iterable[PersonName]) -> set[str]:
    """The organizations a document's people belong to, as it writes them: its episode mentions
    each, so its key holds each."""
    return {org for person in people for org in person.affiliations}


def digest_of(extraction: DocumentExtraction, key: str = "") -> ExtractionDigest:
    tokens, words = tokens_and_words(
        (entry.title for entry in extraction.insights),
        [*(entry.text for entry in extraction.insights), *(entry.text for entry in extraction.claims)],
    )
    # What the entries say of their entities is matched for names too (`kgraph.resolve.episode`):
    # its tokens go into the hashes (not its words into the vocabulary, which reads the texts).
    texts = entry_texts(extraction.entities)
    if texts:  # (read piece by piece through the matcher's memo: entries repeat their words)
        tokens.update(text_tokens(" ".join(texts)))
    return ExtractionDigest(
        key=key,
        episode=extraction.episode,
        participants=extraction.participants,
        people=extraction.people,
        entities=extraction.entities,
        warnings=extraction.warnings,
        content=len(extraction.insights) + len(extraction.claims),
        speakers=tuple(sorted({claim.speaker for claim in extraction.claims if claim.speaker})),
        vocabulary=" ".join(sorted(words)),
        token_hashes=sorted_token_hashes(tokens),
        faithfulness=Faithfulness.of(extraction),
    )
