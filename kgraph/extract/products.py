"""Products in Companies Identified: an entry that names a product, model or service rather than an
organization (`ChatGPT`, `Claude 3.5`, `**Grok** | AI chatbot by Elon Musk's xAI`), and products
named in parentheses after their maker (`### Anthropic (Claude)`, `### Acme (AcmeChat, AcmeCode)`).
A product's maker is kept only where the text says it (`Gemini (Google)`, `Microsoft's browser
automation framework`, `### OpenAI / Sora`); the shipped data never supplies one."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

from kgraph.extract.alternation import LiteralNames, one_of
from kgraph.extract.organization_names import acronym_fits, is_relation, opened_name, openings
from kgraph.extract.results import EntityEntry, EntityKind, listed_names
from kgraph.names import fold, looks_like_person_name
from kgraph.parse.document import LineKind, ParsedDocument


@dataclass(frozen=True)
class ProductWords:
    known: frozenset[str]  # folded names of well-known products
    families: tuple[str, ...]  # names whose numbered versions are products, as written (`Claude`, `DeepSeek`)
    nouns: frozenset[str]  # what an entry may say it is to be a product (`chatbot`, `app`)
    weak_nouns: frozenset[str]  # of those, the ones that also need a stated maker
    organization_nouns: frozenset[str]  # what makes an entry an organization (`company`, `exchange`)
    in_prose: frozenset[str]  # well-known products as written, that a text names by writing them
    word_names: frozenset[str]  # of those, everyday words too: a product only in running text
    tier_families: frozenset[str]  # families whose versions run 3 to 9 (Claude's `Sonnet 4.5`)


@cache
def product_words() -> ProductWords:
    text = resources.files("kgraph.data").joinpath("products.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    known = frozenset(fold(name) for name in data["known"])
    return ProductWords(
        known=known,
        families=tuple(dict.fromkeys((*data["known"], *data["versioned"]))),
        nouns=frozenset(data["nouns"]),
        weak_nouns=frozenset(data["weak_nouns"]),
        organization_nouns=frozenset(data["organization_nouns"]),
        in_prose=frozenset(data["known"]) - frozenset(data["not_in_prose"]),
        word_names=frozenset(data["word_names"]),
        tier_families=frozenset(data["tier_families"]),
    )


# A version after a family's name: `GPT-4o`, `Qwen3`, `DeepSeek-R1`, `Mistral 7B`, then sizes, tags and
# tiers (`Qwen3-VL-32B`, `GPT-4o-mini`, `Gemini 2.5 Pro`, `Llama 3.1 70B`). Two digits at most: a year
# after a name (`DeepSeek 2025`) is no version.
_NUMBER = (
    r"[- ]?(?:\d{1,3}(?:\.\d+)?[BM]|v?\d{1,2}(?:\.\d+)*[a-z]?|[A-Z]\d{1,2}(?:\.\d+)?)"
    # then a size and tags, a few at most (each read once: `Qwen3-Qwen3-...` stays linear)
    r"(?:[- ]\d{1,3}(?:\.\d+)?[BM])?(?:-(?:[A-Za-z][A-Za-z0-9]*(?:\.\d+)*|\d{1,3}(?:\.\d+)?[BM])){0,4}"
)
_TIERS = r"(?:\s+(?:Pro|Mini|Turbo|Ultra|Flash|Max|Plus|Nano|Next|Sonnet|Opus|Haiku|Instruct|Preview|Lite|Elite))*"
_VERSION = _NUMBER + _TIERS


def _longest_first(names: tuple[str, ...]) -> list[str]:
    """Names once each, the longest first (`Claude Code` before `Claude`): as an alternation's
    branches, each name's longest reading wins."""
    return sorted(set(names), key=lambda name: (-len(name), name))


@cache
def _versioned_name() -> re.Pattern[str]:
    """A whole entry name that is a version of a known family (`Claude 3.5 Sonnet`, `gpt-5`). (The
    families grouped by their first letters, `kgraph.extract.alternation`: tried at every entry's
    name and every name of the prose, a plain alternation tried each family in turn.)"""
    families = one_of("|".join(_longest_first(product_words().families)), ignore_case=True)
    return re.compile(rf"{families}{_VERSION}", re.IGNORECASE)


# Where what an entry says it is ends: `AI chatbot` of `AI chatbot by Anthropic, launched in 2023`.
_HEAD_END = re.compile(
    r"\s+(?:by|from|of|for|that|which|who|with|in|at|on|to|used|built|powered|developed|founded|backed|"
    r"acquired|owned|launched|and|or|&|is|was|are|builds|building|makes|making|uses|using|helps|lets|enables|"
    r"provides|offers|turns|runs|shapes|—|–|-)\s|[,;:.(|/]|\s[—–-]\s"
)
_HEAD_WORDS = 6  # what a thing is comes first: `DeepMind's reinforcement learning system`
_WORD = re.compile(r"[a-z][a-z-]*")
# A name as a maker is written: `Anthropic`, `Google DeepMind`, `xAI`, `a16z`.
_MAKER_NAME = r"(?:[A-Z0-9][\w.&+-]*|[a-z]+[A-Z0-9][\w.&+-]*)(?:\s+(?:[A-Z0-9][\w.&+-]*|[a-z]+[A-Z0-9][\w.&+-]*)){0,3}"
_POSSESSIVE_MAKER = re.compile(rf"^(?P<maker>{_MAKER_NAME})['’]s?\s")
_BY_MAKER = re.compile(
    rf"(?<!\w)(?P<verb>[\w-]+\s+)?(?:by|from)\s+(?:(?:{_MAKER_NAME})['’]s?\s+)?(?P<maker>{_MAKER_NAME})(?![\w'’])"
)
# `acquired by X`, `backed by X`, `spun out from X`: X owns, funds or left it; it need not make it.
# Words before `by X` / `from X` that make X something other than the maker: an owner, a user, or
# what the product was before (`rebranded from X`, `distilled from X`: its former name, its origin).
_NOT_MAKING = frozenset(
    "acquired backed owned funded led founded run operated bought invested out off hired "
    "used adopted cited mentioned endorsed praised replaced sued "
    "rebranded renamed changed switched moved migrated pivoted evolved transitioned converted "
    "graduated forked derived distilled inspired separate separately different distinct apart away".split()
)
_OWNED = re.compile(rf"^(?P<maker>{_MAKER_NAME})['’]s\s+(?P<product>\S.*)$")
_QUALIFIER_MAKER = re.compile(rf"^{_MAKER_NAME}$")
# What a firm built for itself: `Earlybird internal platform`, `Earlybird's internal investment platform`
_INTERNAL_TOOL = re.compile(
    rf"^(?P<maker>{_MAKER_NAME})(?:['’]s)?\s+(?:internal|in-house|proprietary)\s+(?:[a-z-]+\s+){{0,2}}"
    r"(?:platform|tool|system|software|database|dashboard|app)(?=\s*(?:$|[,;.(]))"  # (not `... platform vendor`)
)
_QUALIFIER_BY = re.compile(rf"^(?:(?:made|built|developed|created)\s+)?by\s+(?P<maker>{_MAKER_NAME})$")
_LIST = re.compile(r",\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")


def known_product(name: str) -> bool:
    """A well-known product's name, or one of its versions (`Claude 3.5 Sonnet`, `GPT-5`)."""
    return fold(name) in product_words().known or _versioned_name().fullmatch(name) is not None


def _head_noun(about: str) -> str | None:
    """The last noun the data knows in what a description or qualifier first says the thing is:
    `chatbot` of `AI chatbot by Anthropic`, `company` of `AI video generation company building`."""
    words = product_words()
    head = _HEAD_END.split(about.strip(), maxsplit=1)[0]
    found = None
    for word in _WORD.findall(" ".join(head.lower().split()[:_HEAD_WORDS])):
        if word in words.nouns or word in words.organization_nouns:
            found = word
    return found


def _maker_in(about: str) -> str | None:
    """`AI chatbot by Elon Musk's xAI` -> xAI; `Microsoft's browser automation framework` -> Microsoft."""
    if is_relation(about):
        return None
    for pattern in (_BY_MAKER, _POSSESSIVE_MAKER):
        match = pattern.search(about)
        if match is None or (" " in match.group("maker") and looks_like_person_name(match.group("maker"))):
            continue
        verb = match.groupdict().get("verb")
        if verb and verb.strip().lower() in _NOT_MAKING:
            continue
        return match.group("maker")
    return None


def _makers(entry: EntityEntry, beside: list[str]) -> tuple[str, ...]:
    """Who makes it, where the entry says so: a name in parentheses, `by X` / `X's` in what it
    says the product is, or the organizations its heading names beside it (`OpenAI / Sora`)."""
    found = [q for q in entry.qualifiers if _QUALIFIER_MAKER.match(q) and not is_relation(q)]
    found += [  # `Scout (by Harmonic)`; not a person's (`Lovable (by Anton Osika)`)
        by.group("maker")
        for q in entry.qualifiers
        if (by := _QUALIFIER_BY.match(q))
        and not (" " in by.group("maker") and looks_like_person_name(by.group("maker")))
    ]
    found += [
        tool.group("maker")
        for about in (*entry.qualifiers, entry.description or "")
        if (tool := _INTERNAL_TOOL.match(about))
    ]
    for about in (entry.description or "", *entry.qualifiers):
        maker = _maker_in(about)
        if maker:
            found.append(maker)
    found.extend(beside)
    own = {fold(name) for name in (entry.name, *entry.aliases)}  # `WindSurf (formerly Codium)`: never its own maker
    return tuple(dict.fromkeys(name for name in found if fold(name) not in own))


def _is_product(entry: EntityEntry, beside: list[str]) -> bool:
    words = product_words()
    if beside:
        return True  # a known name beside its maker (`OpenAI / Sora`): what the entry says is the maker's
    if any(_INTERNAL_TOOL.match(about) for about in (*entry.qualifiers, entry.description or "")):
        return True  # `EagleEye (Earlybird internal platform)`: a firm's own tool, not a firm
    nouns = [noun for about in (*entry.qualifiers, entry.description or "") if (noun := _head_noun(about))]
    if any(noun in words.organization_nouns for noun in nouns):
        return False  # `Gemini (crypto exchange)`, `Subnet 3 | Decentralized crypto-AI project`
    if known_product(entry.name):
        return True
    if not nouns:
        return False
    strong = any(noun not in words.weak_nouns for noun in nouns)
    return strong or bool(_makers(entry, beside))


def _parenthetical(entry: EntityEntry) -> list[str]:
    """Products named in parentheses after their maker: known or versioned names, or names made
    from the maker's first word (`HaldenChat` of Halden Mills)."""
    found = []
    stem = (fold(entry.name).split() or [""])[0]  # `Halden` of Halden Mills
    for qualifier in entry.qualifiers:
        if is_relation(qualifier) or ":" in qualifier:
            continue
        parts = [part.strip() for part in _LIST.split(qualifier) if part.strip()]
        if not parts or not all(_QUALIFIER_MAKER.match(part) for part in parts):
            continue
        for part in parts:
            if known_product(part) or _made_from(part, stem) or _written_as_a_product(part):
                first, _, rest = part.partition(" ")
                # `Fourier Intelligence (Fourier GR-1)`: the model's name, its maker's word left out
                found.append(rest if fold(first) == stem and _MODEL_NUMBER.fullmatch(rest) else part)
    return found


# A name written as only a product's is: a model number (`GR-1`, `Star-1`, `Fourier GR-1`) or one
# word with a capital inside (`IsaacGym`, `RealSense`, `LeRobot`); not a well-known organization's
# (`Google (DeepMind)`) nor a disease's (`COVID-19`)
_MODEL_NUMBER = re.compile(r"(?:[A-Z][\w]*\s)?[A-Z][A-Za-z]+-\d+(?:\.\d+)?[A-Za-z]?")
_INNER_CAPITAL = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")
_NOT_PRODUCTS = frozenset({"COVID-19", "SARS-2", "MERS-1"})


def _written_as_a_product(part: str) -> bool:
    from kgraph.extract.known_organizations import known_organizations  # (it reads this module's words)

    if part in _NOT_PRODUCTS or part in known_organizations().name_set:
        return False
    return bool(_MODEL_NUMBER.fullmatch(part) or _INNER_CAPITAL.fullmatch(part))


def _made_from(part: str, stem: str) -> bool:
    """`HaldenChat`, `WAN2.2`: one word, the maker's first word joined to a capital or a digit (not
    `AgiBot Inc.`, the maker's legal name)."""
    return (
        len(stem) >= 3
        and " " not in part
        and len(part) > len(stem) + 1
        and fold(part[: len(stem)]) == stem
        and (part[len(stem)].isupper() or part[len(stem)].isdigit())
    )


def find_products(entries: list[EntityEntry]) -> list[EntityEntry]:
    """The entries with every product entry made a product (in place: mention numbers stay), and
    the products named in an organization's heading added at the end, made by that organization."""
    organizations_on_line: dict[int, list[str]] = {}
    for entry in entries:
        if entry.kind == EntityKind.ORGANIZATION:
            organizations_on_line.setdefault(entry.line, []).append(entry.name)
    # a maker written short is the listed organization its name opens, where only one does
    # (`Earlybird internal platform` beside an entry for, or a person of, Earlybird Venture Capital)
    listed = [entry.name for entry in entries if entry.kind == EntityKind.ORGANIZATION]
    listed += [name for entry in entries if entry.kind == EntityKind.PERSON for name in entry.affiliations]
    opened = openings({fold(name): name for name in listed})
    result, named_inside = [], []
    for entry in entries:
        if entry.kind != EntityKind.ORGANIZATION:
            result.append(entry)
            continue
        owned = _OWNED.match(entry.name)
        if owned and known_product(owned.group("product")):  # `OpenAI's Sora`
            product, maker = owned.group("product"), owned.group("maker")
            aliases = tuple(dict.fromkeys((*entry.aliases, entry.name)))
            update = {"kind": EntityKind.PRODUCT, "name": product, "aliases": aliases, "made_by": (maker,)}
            result.append(entry.model_copy(update=update))
            continue
        beside = [name for name in organizations_on_line[entry.line] if name != entry.name]
        # Only a known or versioned name beside an organization is made by it (`OpenAI / Sora`).
        makers_beside = beside if known_product(entry.name) else []
        if _is_product(entry, makers_beside):
            makers = tuple(opened_name(maker, opened) for maker in _makers(entry, makers_beside))
            result.append(entry.model_copy(update={"kind": EntityKind.PRODUCT, "made_by": makers}))
            continue
        result.append(entry)
        for name in _parenthetical(entry):
            named_inside.append(entry.named_inside(name, EntityKind.PRODUCT, made_by=(entry.name,)))
    return result + _unique(named_inside, result)


def _unique(named_inside: list[EntityEntry], entries: list[EntityEntry]) -> list[EntityEntry]:
    """A product named inside a heading once, and not when it has an entry of its own."""
    seen = {fold(entry.name) for entry in entries if entry.kind == EntityKind.PRODUCT}
    kept = []
    for entry in named_inside:
        if fold(entry.name) not in seen:
            seen.add(fold(entry.name))
            kept.append(entry)
    return kept


@cache
def _known_name() -> LiteralNames:
    """A well-known product's name or a family's, the longest first (`Claude Code`, not `Claude`),
    then its version and tier if any (`GPT-4o-mini`, `Qwen3`, `GPT-5 Pro`), a plural `s` (`H100s`),
    and the capitalized word after it (`Claude Shannon` is a person). The names are grouped by
    their first letters (`kgraph.extract.alternation`): a pattern that opens on a choice of
    characters is searched three times faster than one that opens on a choice of names, and one
    that opens on a choice of patterns thirty times slower. (The word start is checked after the
    match, for the same reason.)"""
    words = product_words()
    return LiteralNames(
        _longest_first((*words.families, *words.in_prose)),
        lambda names: re.compile(
            rf"(?P<name>(?P<base>{names})(?P<number>{_NUMBER})?{_TIERS})(?P<plural>s?)(?![\w-]|\.\d)"
            rf"(?P<next>\s+[A-Z][\w'’-]*)?"
        ),
    )


_TIER_VERSION = re.compile(r"[- ]?[3-9](?:\.\d)?(?!\d)")
_WORD_BEFORE = re.compile(r"(\S+)\s+$")


def _capitalized_context(text: str, start: int, organizations: dict[str, str]) -> bool:
    """Whether a name at `start` opens a sentence or follows a capitalized word (a title's
    capitals, `The Chrome finish`), as an everyday word written so would; not its maker's name
    (`Microsoft Excel`, where the document lists Microsoft)."""
    before = text[max(0, start - 40) : start]
    if not before.strip() or before.rstrip()[-1:] in '.!?:\n"“':
        return True
    word = _WORD_BEFORE.search(before)
    if word is None or not word.group(1)[:1].isupper() or word.group(1).endswith(("'s", "’s")):
        return False
    return fold(word.group(1)) not in organizations


def _first_name_shaped(name: str) -> bool:
    """`Claude`, `Gemma`: a product name that could be a person's first name, before a surname."""
    return name.isalpha() and name[:1].isupper() and name[1:].islower()


_PROSE_KINDS = frozenset((LineKind.TEXT, LineKind.HEADING, LineKind.TABLE_ROW))


def products_named_in(
    document: ParsedDocument, entries: list[EntityEntry], everyday: frozenset[str]
) -> list[EntityEntry]:
    """Well-known products the document's text names with no entry of their own (`users moved
    from Siri to ChatGPT`): the episode mentions each, at the line it is first named on. Not a
    word the document also writes in lower case, nor a person's first name (`Claude Shannon`)."""
    prose = document.prose(_PROSE_KINDS, "\n", written=True)
    text = prose.text
    matches = list(_known_name().for_text(text).finditer(text))
    if not matches:
        return []  # (most documents: nothing more to work out)
    words = product_words()
    in_prose = words.in_prose
    listed = listed_names(entries)
    organizations = {
        fold(form): entry.name
        for entry in entries
        if entry.kind == EntityKind.ORGANIZATION
        for form in (entry.name, *entry.aliases)
    }
    found: dict[str, int] = {}
    makers: dict[str, str] = {}
    spelled_out = _spelled_out(matches, text)  # `FSD (Full Self-Driving)`: one product, two names
    spellings = set(spelled_out.values())
    for match in matches:
        name, after, start = match.group("name"), match.group("next"), match.start()
        if name in spellings:
            continue
        if start and (text[start - 1].isalnum() or text[start - 1] in "_-"):
            continue  # inside a word: `xGPT-5`, `Jean-Claude`
        if match.group("number") is None and match.group("base") not in in_prose:
            continue  # a family whose versions only are products (`DeepSeek`), or an everyday word
        if match.group("base") in words.tier_families and not _TIER_VERSION.match(match.group("number") or ""):
            continue  # `Sonnet 4.5`, not `Sonnet 18`
        if fold(name) in listed or name.lower() in everyday:
            continue
        if after and _first_name_shaped(name) and looks_like_person_name(name + after):
            continue
        if match.group("plural") and name in words.word_names:
            continue  # `H100s`, `iPhones`; not `Excels`, a verb
        if name in words.word_names and _capitalized_context(text, start, organizations):
            continue  # `Short Windows` in a title, `Whisper networks` opening a sentence: the words
        owned = name not in makers and not _MODIFIES_NOUN.match(text, match.end("name") + len(match.group("plural")))
        if owned and (maker := _possessive_maker(text, start, organizations)):
            makers[name] = maker  # `NVIDIA's H100`, where the document lists NVIDIA (not `Dell's Windows laptops`)
        found.setdefault(name, prose.line_at(start).number)
    return [
        EntityEntry(
            kind=EntityKind.PRODUCT,
            name=name,
            own_entry=False,
            line=number,
            rank=0,
            made_by=(makers[name],) if name in makers else (),
            aliases=(spelled_out[name],) if name in spelled_out else (),
        )
        for name, number in found.items()
    ]


def _spelled_out(matches: list[re.Match[str]], text: str) -> dict[str, str]:
    """Known products written with the other's name in parentheses right after, one the acronym of
    the other (`FSD (Full Self-Driving)`): the first name, with the second as its alias."""
    pairs: dict[str, str] = {}
    for first, second in pairwise(matches):
        end = first.end("name")
        if text.startswith(" (", end) and second.start() == end + 2 and text.startswith(")", second.end("name")):
            short, long = sorted((first.group("name"), second.group("name")), key=len)
            # (not `FSD 1.4 (Full Self-Driving)` nor `Full Self-Driving 1.4 (FSD)`: a version is not the line)
            if re.fullmatch(r"[A-Z]{2,6}", short) and not any(c.isdigit() for c in long) and acronym_fits(short, long):
                pairs.setdefault(first.group("name"), second.group("name"))
    return pairs


# After a product's name, a noun it modifies (`Dell's Windows laptops`, `Oracle's H100 clusters`): the
# possessive's thing is the noun, not the product. A function word or a mark ends the noun phrase.
_MODIFIES_NOUN = re.compile(
    r"\s+(?!(?:is|was|are|were|has|had|and|or|to|in|on|for|with|which|that|as|at|by|from|will|can|could|would|"
    r"may|might|now|also|still|remains|became|launched|shipped|runs|ran|does|did)\b)"
    r"(?![a-z]+(?:ing|ed)\b)[a-z][\w-]*"  # (`Merck's Keytruda losing patent protection`: a verb, not a noun)
)
# The capitalized words, then a possessive, right before a product's name: `Google DeepMind's `.
_POSSESSOR = re.compile(r"((?:[A-Z][\w&.-]*\s+){0,2}[A-Z][\w&.-]*)['’]s?\s+$")


def _possessive_maker(text: str, start: int, organizations: dict[str, str]) -> str | None:
    """The organization of the document (`organizations`: folded name -> name) whose possessive
    stands right before `start` (`Google DeepMind's Gemini`, `NVIDIA's H100`), its longest name."""
    possessor = _POSSESSOR.search(text, max(0, start - 60), start)
    if possessor is None:
        return None
    words = possessor.group(1).split()
    for first in range(len(words)):  # `Meanwhile NVIDIA's`: the words that name it
        maker = organizations.get(fold(" ".join(words[first:])))
        if maker:
            return maker
    return None
