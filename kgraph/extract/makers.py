"""Makers the text gives a product in so many words, where nothing read before said it: the
product's own name opening on its maker's (`Stripe Connect`, `Google Pay`), the maker written right
before it (`NVIDIA Isaac Sim`) or owning it (`Meta's Llama 4 as a replacement`, not `Dell's Windows
laptops`), a kind set beside it that says who makes it (`USDC, the dollar
stablecoin issued by Circle`), an organization's entry calling it the maker (`maker of Tessellate
Router and Spillway`, `other products including Tidal`), or a product line it is a model of (`Jetson
Orin` of NVIDIA's `Jetson`). The maker is an organization the document has; none comes from knowing the
world (see `kgraph/data/products.toml`)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from kgraph.extract.products import product_words
from kgraph.extract.results import MOST_NAMED, EntityEntry, EntityKind
from kgraph.names import closing_name, fold, occurrences
from kgraph.parse.document import LineKind, ParsedDocument

_PROSE_KINDS = frozenset((LineKind.TEXT, LineKind.TABLE_ROW))
_MOST_NAME_WORDS = 8  # of an organization's or a product line's name opening a product's
_OCCURRENCES_READ = 20  # a product's first few mentions say who makes it, if the text does
_BEFORE = 60  # characters before a mention read for the maker written there
# `, the dollar stablecoin issued by Circle`: a kind set beside the product, and its maker
_BY_MAKER = re.compile(
    r",\s+(?:a|an|the|its)\s+[^,.;:\"“”]{0,80}?\b(?:issued|made|built|developed|created|offered|operated|sold|"
    r"designed|produced|launched|released|published|trained)\s+by\s+(?P<org>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})"
    # (the name ends there: `developed by Google engineers` is by people of Google)
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|in|for|to|that|which|since|from|as|with)\b)"
)
# `NVIDIA ` before `Isaac Sim` (not a possessive: `Dell's Windows laptops` are no Dell product; not
# across a full stop: `sold to Google. Azure grew`)
_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w&-]*[ \t]+){1,3}$")
# `NVIDIA's H200 against it`, `Meta's Llama 4 as a replacement`: a possessive's product, where no noun
# follows that the possessive could own instead (`Dell's Windows laptops`)
_POSSESSOR = re.compile(r"([A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,2})['’]s[ \t]+$")
_NO_NOUN_AFTER = re.compile(
    r"\s*(?:[,.;:)!?]|$)|\s+(?:is|was|are|were|has|had|as|against|and|or|to|in|on|for|with|that|which|from|at|by|"
    r"over|now|can|will)\b"
)
# `maker of Tessellate Router and Spillway`, `makes Ferrule Close and Tally`
_MAKER_OF = re.compile(
    # (a dot inside a name is no stop: `Qwen2.5`)
    r"\b(?i:makers?|developers?|creators?|providers?)\s+of\s+(?P<list>(?:[^.;:()]|\.(?=\w)){1,200})|\bmakes\s+(?P<made>[^.;:()]{1,200})"
    # `among other products including Tidal and BitKey`: its own products, in its entry
    r"|\b(?:other\s+|its\s+)products\s+(?:include|including|such\s+as)\s+(?P<products>[^.;:()]{1,200})"
)
_LIST_PARTS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# What a list's part may say after a product's name: the kind of thing it is (`the Qwen2.5 language
# model series used as the backbone`, `SigLIP vision-language model`, `pi0.5 VLA models`, `the Ferryman
# agent`): a few words ending on a kind, none making it another's (`Claude rival models`); in the
# plural a kind of model only, not things built on someone else's (`Android devices`, `iPhone apps`)
_KIND_AFTER_NAME = re.compile(
    r"(?!.*\b(?:rivals?|competitors?|competing|alternatives?|clones?|like|based)\b)"
    r"(?:\s+(?!(?:as|an?|the|in|on|of|for|with|and|or|to|by|from|at|is|are|was)\b)[\w-]+){0,2}?\s+"
    r"(?:models?|series|family|encoders?|platform|chip|robot|app|tool|assistant|agent|system|device|processor|"
    r"software|product)\b"
)
# A name, then words in lower case: what `makes` does to it (`Spillway look cheap`, `AI feel safe`)
_NAME_THEN_PREDICATE = re.compile(r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*\s+[a-z]")


def with_makers(document: ParsedDocument, entities: list[EntityEntry]) -> list[EntityEntry]:
    """`entities` with makers the text states given to its products that had none."""
    # (the first hundred: more than a summary ever names, each read in the whole text)
    products = [entry for entry in entities if entry.kind == EntityKind.PRODUCT and not entry.made_by][:MOST_NAMED]
    if not products:
        return entities  # (most documents: nothing to work out)
    organizations = {
        fold(form): entry.name
        for entry in entities
        if entry.kind == EntityKind.ORGANIZATION
        for form in (entry.name, *entry.aliases)
    }
    if not organizations:
        return entities
    text = document.prose(_PROSE_KINDS).text
    listed_by = _listed_makers(entities, organizations)
    known = _known_openings()
    makers: dict[str, str] = {}
    for product in products:
        maker = (
            _named_in_the_name(product.name, organizations)
            or listed_by.get(fold(product.name))
            or _listed_with_its_kind(product.name, listed_by)
            or _written_beside(text, product.name, organizations, _opening(product.name) in known)
        )
        if maker and fold(maker) != fold(product.name):
            makers[product.name] = maker
    # `Jetson Orin NX` beside `Jetson`, NVIDIA's: a model of a product line is its maker's
    lines = {
        fold(entry.name): entry.made_by[0] for entry in entities if entry.kind == EntityKind.PRODUCT and entry.made_by
    }
    lines |= {fold(name): maker for name, maker in makers.items()}
    for product in products:
        if product.name not in makers and (maker := _named_in_the_name(product.name, lines)):
            makers[product.name] = maker
    if not makers:
        return entities
    return [
        entry.model_copy(update={"made_by": (makers[entry.name],)})
        if entry.kind == EntityKind.PRODUCT and entry.name in makers and not entry.made_by
        else entry
        for entry in entities
    ]


@cache
def _known_openings() -> frozenset[str]:
    """The first words of the products and families the data knows (`gr00t` of `GR00T N1.6`)."""
    return frozenset(_opening(name) for name in product_words().families)


def _opening(name: str) -> str:
    return fold(name).replace("-", " ").split(" ")[0]


def _named_in_the_name(name: str, names: dict[str, str]) -> str | None:
    """`Stripe Connect` -> `Stripe`: what `names` (folded) gives the longest opening of the name, with
    more of the name after it (the document's organizations, or its product lines' makers)."""
    words = name.split()[: _MOST_NAME_WORDS + 1]  # (a name of thousands of words: its opening only)
    for count in range(len(words) - 1, 0, -1):
        if (found := names.get(fold(" ".join(words[:count])))) is not None:
            return found
    return None


def _written_beside(text: str, name: str, organizations: dict[str, str], known: bool) -> str | None:
    """The organization written right before a mention of the product (`NVIDIA Isaac Sim`), or named
    as its maker in a kind set beside it (`USDC, the dollar stablecoin issued by Circle`)."""
    for read, start in enumerate(occurrences(text, name)):
        if read == _OCCURRENCES_READ:
            break
        end = start + len(name)
        if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue  # inside a word
        # (a name the data knows: `Analysts at Gartner Tally` is no Gartner product; `Ask NVIDIA Isaac Sim`:
        # the most of the words right before it that name an organization)
        before = _WORDS_BEFORE.search(text, max(0, start - _BEFORE), start) if known else None
        if before is not None and (named := closing_name(before.group().split(), organizations)) is not None:
            return organizations[fold(named)]
        possessor = _POSSESSOR.search(text, max(0, start - _BEFORE), start)
        if (
            possessor is not None
            and _NO_NOUN_AFTER.match(text, end)
            and (maker := organizations.get(fold(possessor.group(1)))) is not None
        ):
            return maker
        if (by := _BY_MAKER.match(text, end)) is not None:
            org = by.group("org")
            for count in range(len(org.split()), 0, -1):  # `Circle Internet` or `Circle`
                if (maker := organizations.get(fold(" ".join(org.split()[:count])))) is not None:
                    return maker
    return None


def _listed_makers(entities: list[EntityEntry], organizations: dict[str, str]) -> dict[str, str]:
    """Folded product names an organization's entry calls it the maker of (`maker of Tessellate
    Router and Spillway`), with the organization's name."""
    made: dict[str, str] = {}
    # an entry of several organizations (`### OpenAI and Meta`) gives each the same text: what it
    # lists (`Developers of GPT-4 and Llama 3`) may be one's each, or both's, so no one of them is read
    # here as the maker (the first took all)
    shared = Counter(
        (entry.description, entry.why_mentioned)
        for entry in entities
        if entry.kind == EntityKind.ORGANIZATION and entry.own_entry
    )
    for entry in entities:
        if entry.kind != EntityKind.ORGANIZATION or not entry.own_entry or " and " in entry.name:
            continue  # (`### Microsoft and OpenAI` read as one: two, whichever made it)
        if shared[entry.description, entry.why_mentioned] > 1:
            continue
        text = ". ".join(filter(None, (entry.description, entry.why_mentioned)))  # (no list runs from one to the other)
        if not any(cue in text for cue in ("ake", "evelop", "reator", "rovider", "roducts")):
            continue  # (what `_MAKER_OF` needs: most entries name no product they make)
        for found in _MAKER_OF.finditer(text):
            if _NOT_THE_MAKER.search(text, max(0, found.start() - _BEFORE_CUE), found.start()):
                continue  # `Largest investor in the creators of ChatGPT`, `hosts the developers of Grok`
            parts = _LIST_PARTS.split(found.group("list") or found.group("made") or found.group("products"))
            if found.group("made") and any(_NAME_THEN_PREDICATE.match(part.strip()) for part in parts):
                continue  # `It makes Tally and Spillway look cheap`: made to seem, not made
            for part in parts:
                key = fold(_ARTICLE.sub("", part.strip()))
                if key and key not in organizations:
                    made.setdefault(key, entry.name)
    return made


_ARTICLE = re.compile(r"^(?:the|its|their)\s+", re.I)
# A word right before the cue (an article between) that makes the maker another: a preposition or a
# verb whose object the makers are (`investor in the creators of`, `hosts the developers of`)
_NOT_THE_MAKER = re.compile(
    r"\b(?i:in|of|for|with|to|by|from|at|on|into|behind|hosts?|hosting|backs?|backed|backing|funds?|funded|funding|"
    r"invests?|invested|investing|supports?|supported|partners?|partnered|acquired|acquires|bought|buys|owns|"
    r"serves?|sells?|sold)\s+(?:(?i:the|a|an)\s+)?$"
)
_BEFORE_CUE = 24


def _listed_with_its_kind(name: str, listed_by: dict[str, str]) -> str | None:
    """The maker an entry lists the product for, written with its kind (`developer of the Qwen2.5
    language model series`): a listed part that is the name, then a few words ending on a kind."""
    key = fold(name)
    for part, maker in listed_by.items():
        if part.startswith(key) and part[len(key) : len(key) + 1] == " " and _KIND_AFTER_NAME.match(part, len(key)):
            return maker
    return None
