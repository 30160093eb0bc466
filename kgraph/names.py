"""What a name string is: a person, a placeholder, a role, a qualifier. Pure string functions
shared by the extractors and the resolver."""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Container, Iterable, Iterator

from kgraph.person_names import bare_person_name, person_name_problem

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Days and months, as a capitalized word names them: a time, never a name (`from June`, `the Monday`)
DAYS_AND_MONTHS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
_PLACEHOLDER = re.compile(
    r"^(?:unknown|unidentified|unnamed|anonymous|unspecified|n/?a|none|various|multiple|other|others|"
    r"et al\.?|and others|tbd|\?+)\b|\bet al\.?$|^\[.*\]$",
    re.I,
)
_ROLE_WORDS = (
    "host|hosts|co-host|cohost|guest|guests|speaker|speakers|panelist|panelists|participant|"
    "participants|interviewer|interviewee|moderator|narrator|announcer|producer|producers|voice|panel|"
    "voiceover|voice-over|audience|caller|callers|crowd|sponsor|music|intro|outro|disclaimer|"
    "credit|credits|ad|ads|advertisement|jingle|clip|video|audio|presenter|reporter|anchor|"
    "editor|editors|staff|team|unknown|unnamed|show|member|members|author|authors|writer|customer|customers|"
    "interjector|interjectors|listener|listeners|user|users|viewer|viewers|commenter|commenters|questioner|"
    "person|someone|somebody|everyone|man|woman|participant|attendee|attendees|student|students|employee|"
    "employees|representative|spokesperson|executive|expert|analyst|official|officials|voices|other"
)
# A show's or a role's voice: `Signal Hour Announcer`, `Morning Brief Host`, `The Narrator`.
_ROLE_LAST = re.compile(
    r"\b(?:announcer|narrator|voiceover|voice-over|interjector|caller|host|co-?host|moderator|"
    r"interviewer|interviewee|panelist|participant|speaker|guest|audience|crowd)$",
    re.I,
)
# A name made only of role words (and numbers / slashes): `Speaker 2`, `Intro/Outro Music`.
_ROLE_ONLY = re.compile(rf"^(?:(?:{_ROLE_WORDS}|[a-z]+\s+(?:host|announcer)|the|\d+|[/&+-])\s*)+$", re.I)
_SPEAKER_LABEL = re.compile(r"^speaker[\s_]*\d+$|^speaker_\d+$|^spk_?\d+$", re.I)
_PUBLICATION_WORDS = re.compile(
    r"\b(?:newsletter|podcast|show|weekly|daily|news|media|magazine|journal|digest|brief|report|"
    r"research|team|staff|editors|editorial|substack|corner|capital|management|ventures|partners|"
    r"group|inc|llc|ltd|corp|labs?|institute|university|press|times|post|review|insider|"
    r"brothers|bros|holdings|industries|technologies|therapeutics|robotics|motors|airlines|studios|pictures|"
    r"records|entertainment|"
    r"government|physical ai|arxiv|letter|chart|blog|podcasts?|channel|index|fund|foundation)\b|团队|编辑部",
    re.I,
)
_QUALIFIER = re.compile(r"\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*")
_HONORIFIC = re.compile(
    r"^(?:dr|mr|mrs|ms|prof|professor|sen|senator|rep|representative|gov|governor|sir|dame|lord|"
    r"president|judge|justice|secretary|chancellor|minister|prime minister|mayor|general|gen)\.?\s+(?=[A-Z])",
    re.I,
)
_LOWER_PARTICLES = {"de", "da", "van", "von", "der", "den", "la", "le", "du", "bin", "al", "di", "del", "dos", "y"}


def clean(text: str) -> str:
    """Decode entities, normalize Unicode (NFC) and spacing, drop stray Markdown emphasis."""
    if "&" in text:  # (`html.unescape` returns any other text as it is)
        text = html.unescape(text)
    if not text.isascii():  # ASCII is its own NFC, and holds no zero-width space
        text = unicodedata.normalize("NFC", text).replace("\u200b", "")
    text = text.replace("*", "").replace("`", "")
    if "  " not in text and text.isprintable():
        # the only white space a printable text holds is the space: spaced singly, the split and
        # join below would only strip it at the ends (as `parse.inline.single_spaced` spares it;
        # not called: a shared module may not import the parse stage)
        return text.strip(" ,;:-—–")
    return " ".join(text.split()).strip(" ,;:-—–")


def split_outside_parentheses(text: str, separators: str = ",;") -> list[str]:
    """`A, B (X, Y (Z)), C` -> [`A`, `B (X, Y (Z))`, `C`]."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        if char in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def split_qualifiers(text: str) -> tuple[str, list[str]]:
    """`Acme (acquired by X) (ACME)` -> (`Acme`, [`acquired by X`, `ACME`])."""
    if "（" in text and "）" in text:  # `大疆（DJI）`: a full-width parenthesis is one too
        text = text.replace("（", " (").replace("）", ") ")
    if "(" not in text:  # no qualifier: most names (the pattern needs a `(`)
        return " ".join(text.split()).strip(" ,;:"), []
    qualifiers = [match.group(1).strip() for match in _QUALIFIER.finditer(text)]
    name = _QUALIFIER.sub(" ", text)
    return " ".join(name.split()).strip(" ,;:"), [q for q in qualifiers if q]


def word_character(character: str) -> bool:
    """What `\\w` matches in a str pattern: a letter, a digit or numeric, or `_`."""
    return character.isalnum() or character == "_"


def word_character_at(text: str, index: int) -> bool:
    """Whether `text` has a word character at `index` (False outside the text)."""
    return 0 <= index < len(text) and word_character(text[index])


def word_boundary(text: str, index: int) -> bool:
    """Whether `\\b` matches at `index` of `text`: a word character on one side only."""
    return word_character_at(text, index - 1) != word_character_at(text, index)


def occurrences(text: str, literal: str, start: int = 0) -> Iterator[int]:
    """Where `literal` starts in `text` (from `start`), overlaps included, as a case-sensitive regex
    finds it."""
    start = text.find(literal, start)
    while start >= 0:
        yield start
        start = text.find(literal, start + 1)


def closing_name(words: list[str], names: Container[str]) -> str | None:
    """The most of `words`' last words that, folded, are one of `names` (`Ask NVIDIA` -> `NVIDIA`)."""
    return next(
        (" ".join(words[start:]) for start in range(len(words)) if fold(" ".join(words[start:])) in names), None
    )


def found_at_word_start(words: re.Pattern[str], text: str) -> bool:
    """Whether `words` (a pattern that ends on `\\b` and opens on its words' letters, not on `\\b`)
    matches in `text` where a word starts: the `\\b` before them checked apart (a pattern opening on
    `\\b` is tried at every character, one opening on letters only at those letters)."""
    found = words.search(text)
    while found is not None:
        if not word_character_at(text, found.start() - 1):
            return True
        found = words.search(text, found.start() + 1)
    return False


def contains_word(text: str, words: str) -> bool:
    """Whether `words` occurs in `text` with no word character right before or after it: the
    same answer as `re.search(rf"(?<!\\w){re.escape(words)}(?!\\w)", text)`, without compiling
    a pattern per string."""
    return word_at(text, words) >= 0


def word_at(text: str, words: str, start: int = 0) -> int:
    """Where `words` first occurs in `text` from `start` with no word character right before or
    after it (`contains_word`'s test), or -1."""
    for at in occurrences(text, words, start):
        if not word_character_at(text, at - 1) and not word_character_at(text, at + len(words)):
            return at
    return -1


def has_cjk(text: str) -> bool:
    return not text.isascii() and _CJK.search(text) is not None


def is_cjk_character(char: str) -> bool:
    """A character of the CJK blocks names are written in, U+3400-U+9FFF (compared, not matched: a
    pattern's CJK range costs the compiler a Python step per character)."""
    return "\u3400" <= char <= "\u9fff"


def is_cjk_name(text: str) -> bool:
    """Two to four characters of the CJK blocks names are written in."""
    return 2 <= len(text) <= 4 and all(map(is_cjk_character, text))


# `林舒怡 Lin Shuyi`, `Voltaro / 沃拓能源`: a name in CJK characters, then in Latin letters, or the reverse
_CJK_RUN = "[\u3400-\u9fff·・]{2,12}"
_LATIN_RUN = r"[A-Za-zÀ-ɏ][A-Za-z0-9À-ɏ.&'’-]*(?:\s+[A-Za-z0-9À-ɏ.&'’-]+){0,5}"
_TWO_SCRIPTS = re.compile(
    rf"(?P<cjk>{_CJK_RUN})\s*(?:[/／|｜]\s*)?(?P<latin>{_LATIN_RUN})|(?P<latin2>{_LATIN_RUN})\s*(?:[/／|｜]\s*)?(?P<cjk2>{_CJK_RUN})"
)


_VOWEL_RUN = re.compile(r"[aeiouüvAEIOUÜV]+")


def romanizes(latin: str, cjk: str) -> bool:
    """Whether `latin` may spell the CJK name `cjk` in pinyin: as many syllables (runs of vowels,
    `Lin Shu-yi`: three) as characters, `Zhou Lan` for 周岚 but not for 主持人 (`host`)."""
    cjk = cjk.strip()
    return all(map(is_cjk_character, cjk)) and len(_VOWEL_RUN.findall(latin)) == len(cjk)


def names_in_two_scripts(name: str) -> tuple[str, str] | None:
    """(the Latin-letter name, the CJK one) of a name written in both, side by side or across a
    slash (`比亚迪 BYD`, `Voltaro / 沃拓能源`); None for anything else (`Kimi 开头`, a phrase)."""
    if not has_cjk(name):
        return None
    found = _TWO_SCRIPTS.fullmatch(name.strip())
    if found is None:
        return None
    latin, cjk = (found["latin"], found["cjk"]) if found["cjk"] else (found["latin2"], found["cjk2"])
    return (latin, cjk) if not has_cjk(latin) and latin[:1].isupper() else None


@functools.lru_cache(maxsize=1 << 16)  # attribution asks about the same speaker names many times
def is_placeholder(name: str) -> bool:
    """`Unknown Host`, `Speaker 2`, `Host (Unnamed)`, `et al.`, `Intro/Outro Music`."""
    bare, qualifiers = split_qualifiers(name)
    if not bare:
        return True
    if _PLACEHOLDER.search(bare) or _SPEAKER_LABEL.match(bare) or _ROLE_ONLY.match(bare) or _ROLE_LAST.search(bare):
        return True
    return any(re.search(r"\b(?:unnamed|unknown|show credit|credit)\b", q, re.I) for q in qualifiers) and (
        _ROLE_ONLY.match(bare) is not None
    )


def looks_like_publication(name: str, podcast: str | None = None) -> bool:
    """A show, outlet or team standing where a person should be."""
    bare = split_qualifiers(name)[0]
    if podcast and fold(bare) == fold(podcast):
        return True
    return bool(_PUBLICATION_WORDS.search(bare))


@functools.lru_cache(maxsize=1 << 16)  # a pure function of the name, asked of the same names again
def strip_honorific(name: str) -> str:
    """`Sen. Jane Roe`, `Deputy Commissioner Jane Roe`, `Ledger's Jane Roe` -> `Jane Roe`."""
    return _HONORIFIC.sub("", bare_person_name(name)[0])


_POSSESSIVE = re.compile(r"\w['’]s\s|s['’]$")


def is_possessive_phrase(text: str) -> bool:
    """`Jo Lee's Wife`, `Garrett's PDDLStream`, `Bending Spoons'`: something of someone's, not a name."""
    return bool(_POSSESSIVE.search(text))


_CAMEL_PARTS = re.compile(r"[A-Z][a-z]*|[a-z]+")


def split_camel_case(token: str) -> str:
    """`LinxiJimFan` -> `Linxi Jim Fan`; two-part forms such as `DeSantis` stay as they are."""
    parts = _CAMEL_PARTS.findall(token)
    if (
        len(parts) >= 3
        and "".join(parts) == token
        and all(p[0].isupper() for p in parts)
        and len(parts[0]) > 1
        and len(parts[-1]) > 1
    ):
        return " ".join(parts)
    return token


_INITIAL = re.compile(r"[A-Z]\.?")
_ELIDED_PARTICLE = re.compile(r"[a-z]{1,4}['’][A-Z\u00c0-\u00de][\w'’\-]*[a-z\u00df-\u00ff][\w'’\-]*")
# A particle written onto the name it opens: `Neil deGrasse Tyson`, `Pierre duPont`, `Jo vanDyke`
_JOINED_PARTICLE = re.compile(
    r"(?:de|di|da|du|del|della|van|von|le|la)[A-Z\u00c0-\u00de][\w'’\-]*[a-z\u00df-\u00ff][\w'’\-]*"
)
# `J.`, or two initials written together (`J.P. Mbeki-Hart`, `C.K. Liu`), but not a place (`U.S. Senator`)
_DOTTED_INITIAL = re.compile(r"(?!(?:U\.[SKN]|E\.U|D\.C|N\.[YDJ]|S\.[FD]|L\.A)\.)[A-Z]\.(?:[A-Z]\.)?")
_NAME_TOKEN = re.compile(r"[A-Z\u00c0-\u00de][\w'’.\-]*[a-z\u00df-\u00ff][\w'’.\-]*")


def name_shaped(name: str) -> bool:
    """Written like a name (one to four capitalized tokens, particles allowed, or 2-4 CJK
    characters), whatever it names: `Lisbon` and `Host` are name-shaped, and so not an
    organization's bare name either."""
    name = strip_honorific(name.strip())
    if not name or len(name) > 60:
        return False
    if has_cjk(name):
        return is_cjk_name(name)
    tokens = name.split()
    if not 1 <= len(tokens) <= 4:
        return False
    for index, token in enumerate(tokens):
        if token.lower() in _LOWER_PARTICLES and 0 < index < len(tokens) - 1:
            continue
        if index and (_ELIDED_PARTICLE.fullmatch(token) or _JOINED_PARTICLE.fullmatch(token)):  # `Russ d'Sa`
            continue
        initial = (_INITIAL.fullmatch(token) and 0 < index < len(tokens) - 1) or (
            _DOTTED_INITIAL.fullmatch(token) and index < len(tokens) - 1
        )  # `J. R. Smith`
        if not (initial or _NAME_TOKEN.fullmatch(token)):
            return False
    return not _PUBLICATION_WORDS.search(name)


_GENERATION = re.compile(r"\s+(?:II|III|IV)$")
_PAIRED_INITIALS = re.compile(r"[A-Z]{2}")


def listed_person_name(name: str) -> str | None:
    """The name a People entry gives a person (the heading says it is one): a person-like name,
    without a generation (`Monroe Kennedy III` -> `Monroe Kennedy`), or two initials before a
    surname (`JD Vance`: in prose such a run is as often an acronym and a word); else None."""
    name = _GENERATION.sub("", name)
    if looks_like_person_name(name):
        return name
    tokens = name.split()
    if 2 <= len(tokens) <= 3 and _PAIRED_INITIALS.fullmatch(tokens[0]) and looks_like_person_name(" ".join(tokens[1:])):
        return name
    return None


@functools.lru_cache(maxsize=1 << 16)  # a pure function of the name, asked of the same names across documents
def looks_like_person_name(name: str) -> bool:
    """Name-shaped (see `name_shaped`; a single token is a first name, callers decide whether to
    trust it) and never a placeholder, a place, a sentence opener, a phrase or a run across a
    sentence end (see `kgraph.person_names`). Every place that creates a person asks this."""
    if not name_shaped(name) or is_placeholder(name):
        return False
    return has_cjk(name) or person_name_problem(strip_honorific(name.strip())) is None


_WORD_RUN = re.compile(r"\w+")


@functools.lru_cache(maxsize=1 << 17)  # resolution folds the same names hundreds of thousands of times
def fold(text: str) -> str:
    """A matching key: case, accents, punctuation and spacing folded away."""
    text = unicodedata.normalize("NFKD", html.unescape(text))
    if not text.isascii():  # drop the accents NFKD split off (the few distinct characters checked)
        accents = [ord(char) for char in set(text) if unicodedata.combining(char)]
        text = text.translate(dict.fromkeys(accents)) if accents else text
    text = text.lower().replace("’", "").replace("'", "").replace("`", "")
    # The word runs, one space between: what replacing each run of other characters by a space
    # and splitting at white space leaves (no word character is white space).
    return " ".join(_WORD_RUN.findall(text))


def slug(text: str, limit: int = 60) -> str:
    """A readable IRI path segment: folded, hyphenated, ASCII where the text allows."""
    return slug_characters(fold(text).replace(" ", "-"))[:limit].strip("-")


_SLUG_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
_NOT_SLUG_ASCII = bytes(byte for byte in range(128) if chr(byte) not in _SLUG_ASCII)


def slug_characters(text: str) -> str:
    """`text` with a-z, 0-9, `-` and CJK characters kept."""
    if text.isascii():
        return text.encode("ascii").translate(None, _NOT_SLUG_ASCII).decode("ascii")
    return "".join(char for char in text if char in _SLUG_ASCII or is_cjk_character(char))


# A lower-case letter with no word character or apostrophe before it, then more: the first letter
# is matched before the look-behind checks the one before it (the look-behind, `[\w'’][a-z]`,
# reads it again), so the search skips from letter to letter instead of testing every position.
# Not a word of an address (`desk@orbex.com`, `www.orbex.com`, `github.com/orbex`, `./notes.md`):
# one document's email would make `orbex` an everyday word, and `Orbex` unmatched in every other.
_EVERYDAY_WORD = re.compile(r"[a-z](?<![\w'’@/.][a-z])[a-z'’-]++(?!\.[A-Za-z]|[@/]|:/)")


@functools.lru_cache(maxsize=4)  # the extractors of one document each ask it of the same text
def vocabulary(text: str) -> frozenset[str]:
    """Words the text writes in lower case: everyday words, unlike most surnames."""
    # A word holds no whitespace and its look-behind reads one character back (whitespace, or
    # the start, before a piece): the words are those of the distinct pieces, read once each.
    return vocabulary_of_pieces(set(text.split()))


def vocabulary_of_pieces(pieces: Iterable[str]) -> frozenset[str]:
    """`vocabulary` of a text whose whitespace-separated pieces are `pieces` (each given once)."""
    return frozenset(_EVERYDAY_WORD.findall(" ".join(pieces)))


def plausible_new_person(name: str, everyday_words: frozenset[str]) -> bool:
    """A name never seen in a participants list or People entry: two to four name-like tokens,
    none after the first written in lower case elsewhere in the document (`Supporting Evidence`,
    `PitchBook Chart`, `Year Four` are not people)."""
    tokens = name.split()
    if not 2 <= len(tokens) <= 4 or tokens[0].lower() in ("the", "a", "an", "this", "our", "their"):
        return False
    if any(token.lower().strip(".") in everyday_words for token in tokens[1:]):
        return False  # the cheap test first: most capitalized runs of a text fail it
    return looks_like_person_name(name)
