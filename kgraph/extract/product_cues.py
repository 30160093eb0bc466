"""Products the prose introduces by what they are, though no list knows their names: a maker's
product set beside its name (`Ledgerly's flagship product, Close Autopilot,`), a name before a
kind of product (`its Perch SDK`, `Halvard's Pay checkout product`), a launch with what was
launched (`launched FlexDispatch, a service that`), or a list of products (`products include
Juniper Sweep and Runway Forecast`). The maker is kept where a listed organization's possessive
says it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, cached_property

from kgraph.extract.alternation import one_of
from kgraph.extract.known_organizations import known_organizations
from kgraph.extract.organization_names import is_generic, openings
from kgraph.extract.results import MOST_NAMED, EntityEntry, EntityKind, listed_names
from kgraph.given_names import is_known_given_name
from kgraph.names import DAYS_AND_MONTHS, closing_name, fold, occurrences
from kgraph.parse.document import LineKind, ParsedDocument, SectionKind
from kgraph.person_names import is_place

# A product's name: capitalized words or a version (`Close Autopilot`, `GridBank 4`, `Wren-3B`).
_NAME = r"(?P<name>[A-Z][\w+.-]*[\w+](?:\s+(?:[A-Z][\w+.-]*[\w+]|\d[\w.]*)){0,2})"
_KIND_NAMES = (
    "product|products|model|models|app|apps|application|platform|service|tool|tools|runtime|agent|agents|assistant|"
    "chatbot|chip|chips|device|SDK|API|software|suite|system|line|card|brand|engine|copilot|checkout product|"
    "storage system|program|feature|sensor|arm|arms|robot|kit|camera|processor|accelerator|GPU|GPUs|wallet|"
    "offering|glove|pendant|ring|headset|wearable"
)
_KINDS = one_of(_KIND_NAMES)
# Words that make what an owner has someone else's (`its rival platform, Kajabi`, `its biggest partner app,
# Grubhub`, `its billing system, Zuora`: what it uses, buys or fights)
_OTHERS_WORDS = one_of(
    "rival|rivals|competitor|competitors|competing|partner|partners|customer|customers|client|clients|vendor|"
    "supplier|provider|third-party|outside|external|legacy|former|old|previous|existing|current|chosen|preferred|"
    "biggest|largest|favorite|favourite|billing|payroll|payments|payment|accounting|hosting|cloud|crm|erp|hr"
)
_ADJECTIVE_WORDS = "own|new|core|flagship|main|first|latest|patient|consumer|enterprise|signature"
_ADJECTIVES = rf"(?:(?:{_ADJECTIVE_WORDS})\s+){{0,2}}"
# What an owner's word (`its`, `their`, a possessive `'s`) may be followed by: a kind of product then
# its name (`flagship product, Close Autopilot,`, `own runtime, LanRT,`), or the name then a kind of
# product (`Perch SDK`, `Pay checkout product`). Matched where one of `_OWNERS` ends: the words are
# found with `str.find`, far faster than a pattern that opens on a choice of words.
_AFTER_OWNER = re.compile(
    # (`energy software, ColdTrace`, `own load-matching app, RigShare`: any words may say what kind)
    rf"{_ADJECTIVES}(?:(?:(?!{_OTHERS_WORDS}\b)[a-z][\w-]*\s+|[A-Z]{{2,3}}\s+){{0,2}}?(?:{_KINDS}),\s+(?:the\s+)?{_NAME}(?=\s*[,.;)]|\s+(?:is|was|which|that)\b)"
    rf"|{_NAME.replace('?P<name>', '?P<name2>')}(?:(?P<acronym>\s+(?:SDK|API))\b|\s+(?:[a-z][\w-]*\s+)?(?:{_KINDS})\b"
    # `Helix Bio's SepsiGuard, a model that flags sepsis`: the kind set beside the name
    rf"|,\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){{0,3}}?(?:{_KINDS})\b(?!\s+who\b))"
    # `Shopify's new Agent Checkout is now on`, `AMD's MI355X is in production`: a maker's name for
    # something it has, that goes on as a sentence does (kept only where the name says product: see
    # `_named_like_a_product`)
    rf"|{_NAME.replace('?P<name>', '?P<name3>')}"
    r"(?=\s+(?:is|was|has|had|now|can|will|lets|went|became|both|also)\b|,\s+which\b))"
)
_PLURAL_OWNERS = ("s' ", "s’ ")
# A product set beside its kind and its maker: `the Aura One, a pendant made by` (read back from `by`)
_MADE_BY_WORDS = (" made by ", " built by ", " developed by ", " designed by ", " sold by ")
_MADE_BY = re.compile(rf"{_NAME},\s+(?:a|an)\s+(?:[\w-]+\s+){{0,4}}?(?:[\w-]+)$")
# (the name ends there: `developed by Google engineers` is by people of Google)
_BY_NAME = re.compile(
    r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}(?=\s*(?:[,.;:)]|$)|\s+(?:and|in|for|to|that|which|since|from|as|with)\b)"
)
_BY_THE_KIND = re.compile(r"the\s+(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){1,2}")  # `by the Minnesota firm Thermocline`
# A name, then what it is to its maker: `Sentrel Guard, the company's product,`, `Sweep, its flagship
# service,` (read back from the owner's words)
_ITS_OWN = (", the company's ", ", the company’s ", ", the startup's ", ", the startup’s ", ", its ", ", their ")
_NAME_BEFORE_OWN = re.compile(rf"(?<![\w'’.-]){_NAME}$")
_OWN_KIND = re.compile(rf"{_ADJECTIVES}(?:[a-z][\w-]*\s+)?(?:{_KINDS})\s*,")
# What an organization's entry says it makes: `makes the Oakhaven Picker`, `maker of A and B`
_MAKES_WORDS = (  # (`It makes Tally look cheap`: `makes` alone is read in an entry only, see below)
    "makes ",
    "Makes ",
    "makes the ",
    "designs the ",
    "Designs the ",
    "builds the ",
    "Builds the ",
    "Maker of ",
    "Developer of ",
    "Creator of ",
    "maker of ",
    "developer of ",
    "creator of ",
    "makers of ",
    "developers of ",
    "creators of ",
)
# A kind after a made thing's name (`the KP-Bridge silicon interposer`): lower-case words, none of
# them a clause's (`Tessellate for banks`, `Tally look cheap` ends no name)
_KIND_TAIL = (
    r"(?:\s+(?!(?:and|or|for|that|which|used|to|in|of|with|from|by|on|at|as|is|are|was|were|look|looks|seem|"
    r"seems|feel|feels)\b)[a-z][\w-]*){0,3}"
)
_MAKES = re.compile(  # (`the leaked GPT-Image-2`, `the popular Tally app`: a word or two may say of it)
    rf"(?:the\s+(?:(?!(?:and|or|of|for|to|in|with)\b)[a-z][\w-]*\s+){{0,2}})?{_NAME}(?P<tail>{_KIND_TAIL})"
    rf"(?P<more>(?:,\s+(?:the\s+)?[A-Z][^,.;\0]{{0,40}}){{0,12}},?\s+and\s+(?:the\s+)?[A-Z][^,.;\0]{{0,40}})?"
    r"(?=\s*(?:[,;)]|\.(?!\w)|$|\s+(?:and|for|that|which|used|to)\b))"
)
# a list's further made things, each with its kind: `and the ColdTrace energy software`
_MORE_MADE = re.compile(
    r"(?:,\s+|,?\s+and\s+)(?:the\s+)?([A-Z][\w+.-]*[\w+](?:\s+(?:[A-Z][\w+.-]*[\w+]|\d[\w.]*)){0,2})"
    rf"(?:{_KIND_TAIL})(?=\s*(?:,|\band\b|[.;)\0]|$))"
)
_LOWER_WORD = re.compile(r"\s(?!and\b|the\b)[a-z]")
# An organization's name (its last three capitalized words at most), then a model's code: `Unitree G1
# humanoid`, `NVIDIA H100`, `Booster T1` (not a period of the year: `Tesla Q3`, `Nvidia H1 results`, `FY25`)
# (found code first, its maker then read back: a pattern opening on the maker's words was tried at every capital)
# (the space before is looked at after the first capital: a pattern opening on a look behind is tried at
# every character, one opening on a capital only at capitals)
_MODEL_CODE = re.compile(r"(?P<code>[A-Z](?<=\s[A-Z])[A-Z]{0,3}-?\d{1,4}[A-Za-z]{0,3})\b(?![-.]?\d)")
_MAKER_BEFORE = re.compile(r"(?<![\w&.-])(?P<maker>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s+$")
# (`Apple FY2025`, `Meta Q42024`; a course's number: `Stanford CS183B`, `Berkeley EE364A`)
_NOT_A_MODEL = re.compile(r"Q[1-4]|FY\d+|CY\d+|[A-Z]{1,2}\d{4}|(?:CS|EE|ME|MS|ECON|MATH|STAT|PHYS|BIO)\d{2,3}[A-Z]?")
_OWNER_REACH = 90  # characters after an owner's word within which a kind and its comma come (four words and more)
# a half of the year, as its words say (`Nvidia H1 results`, `Tesla H2 2025`; the Unitree H1 is a robot)
_HALF_YEAR = re.compile(r"H[12]\s+(?:(?:19|20)\d\d|results|earnings|revenue|sales|deliveries|guidance|report)\b")
# `a product called Benefits Buddy`, `a cooking robot called the Ladle Line`: read back from `called`
_CALLED = " called "
# (not a kind that names people too, `a model called Gigi Hadid`, nor one no product is of, `a program called
# Medicare`, `a feature called Dark Mode`)
_KIND_BEFORE = re.compile(
    rf"\b(?!(?:model|models|agent|agents|assistant|program|feature|line|card|brand|arm|arms|ring)$)(?:{_KINDS})$"
)
_CALLED_NAME = re.compile(rf"(?:the\s+)?{_NAME}(?=\s*[,.;)]|\s+(?:is|was|which|that|and|for|to)\b)")
_ITSELF = re.compile(r"\b(?:[Tt]he\s+(?:company|startup|firm)|[Ii]t|[Tt]hey)\s+(?:\w+ly\s+)?$")
_OWNERS = ("its ", "their ", "Its ", "Their ", "'s ", "’s ", *_PLURAL_OWNERS)
# The lower-case words that may open what follows an owner's word and lead to a name with no comma: an
# adjective or a kind of product (`its own GridBank 4 battery system`, `Shopify's new Agent Checkout is`).
_OWNER_WORDS = frozenset(
    word for words in f"{_ADJECTIVE_WORDS}|{_KIND_NAMES}".split("|") for word in words.split() if word.islower()
)
_NEXT_WORD = re.compile(r"[\w-]+")
# A launch with what was launched (`launched FlexDispatch, a service that`, `the launch of Close
# Autopilot, Ledgerly's flagship product`): matched where one of `_LAUNCHES` opens a word.
_LAUNCH = re.compile(
    r"(?i:launch(?:ed|es|ing)?|launch\s+of|release[sd]?|unveil(?:ed|s)|introduc(?:ed|es)|debut(?:ed|s)|rolled\s+out|"
    r"ship(?:ped|s))"
    rf"\s+(?:(?:its|their|the)\s+)?(?:new\s+)?{_NAME}(?=,\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:{_KINDS})\b|,\s+[A-Z][\w&.-]*['’]s\s+{_ADJECTIVES}(?:{_KINDS})\b|,\s+which\s+[a-z]+s\b)"
)
_LAUNCHES = (
    "launch",
    "Launch",
    "release",
    "Release",
    "unveil",
    "Unveil",
    "introduc",
    "Introduc",
    "debut",
    "rolled out",
    "ship",
    "Ship",
)
# `products include Juniper Sweep and Runway Forecast`
_PRODUCTS = re.compile(
    rf"products\s+(?:(?P<verb>include|including|such\s+as|are)\s+)?{_NAME}(?P<more>(?:,\s+[A-Z][^,.;\0]{{0,40}}){{0,12}},?\s+and\s+[A-Z][^,.;\0]{{0,40}})?"
)
_POSSESSOR = re.compile(r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}$")  # the capitalized words before `'s`
# a list's further names, each ending the item (`Juniper Sweep, Runway Forecast`; not `Paris offices`)
_MORE = re.compile(
    r"(?:,\s+|,?\s+and\s+)([A-Z][\w+.-]*[\w+](?:\s+(?:[A-Z][\w+.-]*[\w+]|\d[\w.]*)){0,2})(?=\s*(?:,|\band\b|[.;)\0]|$))"
)
_CAPITALIZED = re.compile(r"\b[A-Z][\w&-]*")
_CLAUSE_START = re.compile(r"[.!?|:;—]\s+")
_BEFORE = 200  # characters before a cue read for its possessor and its clause
_ACRONYM = re.compile(r"[A-Z]{2,3}")
_LOWER_PART = re.compile(r"-[a-z]+\b")
_PROSE_KINDS = frozenset((LineKind.TEXT, LineKind.TABLE_ROW))
# Parts that several cues have (`ts ` of `its `, `Its ` and `, its `; `'` of `'s `, `s' ` and `, the
# company's `): one search of the text for the part finds each of them where a search per cue read the
# whole text again (some fifty searches were most of the reader's time). Searched in this order, the
# first that a cue has stands for it.
_SHARED_PARTS = (
    "ts ",
    "heir ",
    "'",
    "’",
    "aunch",
    "elease",
    "nveil",
    "ntroduc",
    " by ",
    "ake",
    "esigns the ",
    "uilds the ",
    "eveloper",
    "reator",
)


@cache
def _shared_part(cue: str) -> str | None:
    return next((part for part in _SHARED_PARTS if part in cue), None)


class _Cues:
    """Where each cue (a literal) starts in a text, overlaps included, as `occurrences` finds it: from
    the places of its shared part (`_SHARED_PARTS`), each searched for once."""

    def __init__(self, text: str):
        self.text = text
        self._parts: dict[str, list[int]] = {}

    def at(self, cue: str) -> list[int]:
        part = _shared_part(cue)
        if part is None:
            return list(occurrences(self.text, cue))
        if part not in self._parts:
            self._parts[part] = list(occurrences(self.text, part))
        offset = cue.index(part)  # (the cue at `at` has its part at `at + offset`, and only there)
        return [
            found - offset
            for found in self._parts[part]
            if found >= offset and self.text.startswith(cue, found - offset)
        ]


# What a cue's name may not be: a word that opens a phrase, not a name.
_NOT_NAMES = DAYS_AND_MONTHS | frozenset(
    "The A An This That These Its Their Our Your His Her New Next First Last Q1 Q2 Q3 Q4 Section Sections "
    "Appendix Figure Fig Table Eq Equation Chapter Part Step Phase Algorithm Theorem Lemma Definition Proof "
    "Corollary Supplementary Ours Left Right Top Bottom Middle Alice Bob PhD MBA".split()
)


def products_introduced_in(
    document: ParsedDocument, entries: list[EntityEntry], people: set[str], everyday: frozenset[str]
) -> list[EntityEntry]:
    """Products the prose introduces that no entry lists (`entries`: the document's, with the
    known products it names; `people`: the folded names of its people): the episode mentions
    each, at the line it is first named on, made by the listed organization whose possessive says
    so."""
    listed = _Listed(entries)
    makers = _Makers(document, entries)
    prose = document.prose(_PROSE_KINDS)
    text = prose.text
    cues = _Cues(text)
    found: dict[str, tuple[int, tuple[str, ...]]] = {}

    def take(
        match: re.Match[str],
        names: list[str],
        owner: str | None = None,
        owned: bool = False,
        listed_maker: bool = False,
        by: str | None = None,  # the maker the cue names after `by`
    ) -> None:
        index = prose.index_at(match.start())
        # (a window before the cue: a line may be long)
        before = text[max(prose.starts[index], match.start() - _BEFORE) : match.start()]
        possessor = None
        if owner:
            possessor = _POSSESSOR.search(before, max(0, len(before) - 80 - len(owner)), len(before) - len(owner))
            if possessor is None:
                return  # `the company's flagship product`: nobody's name
        acronym = (match.group("acronym") or "") if "acronym" in match.re.groupindex else ""
        for name in names:
            if len(found) == MOST_NAMED:
                return  # more than a summary ever names: a hostile text, not read on
            name = name.rstrip(".-") + acronym
            if (
                _is_product_name(name, listed.names, people, everyday)
                and name not in found
                and not _with_its_kind(name, found, listed.products)
            ):
                number = prose.lines[index].number
                maker = _named_after(name, makers.of(possessor.group(0) if possessor else by, number, owned, before))
                if listed_maker and not maker:
                    continue  # a name after anyone's possessive could be anything: a listed maker's only
                found[name] = (number, maker)

    for sought in _OWNERS:
        # (found with `str.find`: a few literal words, far faster than a pattern opening on a choice;
        # a plural's bare apostrophe is looked for with its `s`: `Reuters' CoCounsel`, not a closing quote)
        owner = sought[1:] if sought in _PLURAL_OWNERS else sought
        skipped = len(sought) - len(owner)
        for found_at in cues.at(sought):
            at = found_at + skipped
            if owner[0] not in "'’" and at and text[at - 1].isalnum():
                continue  # `its`, not `fits`
            word = _NEXT_WORD.match(text, at + len(owner))
            if word is None or not (word.group()[:1].isupper() or word.group()[:1].islower()):
                continue  # `its 2024`, `Apple's $3T`: no cue (told without a pattern)
            if (
                word.group() not in _OWNER_WORDS
                and word.group()[:1].islower()
                and "," not in text[at : at + _OWNER_REACH]
            ):
                continue  # `its growth was`: other lower-case words lead to a name past a comma only (`energy app, X`)
            if after := _AFTER_OWNER.match(text, at + len(owner)):
                possessive = owner[0] in "'’"
                if (name := after.group("name3")) is not None:
                    if possessive and _named_like_a_product(name, everyday):
                        take(after, [name], owner, False, listed_maker=True)
                    continue
                name = after.group("name") or after.group("name2")
                take(after, [name], owner if possessive else None, not possessive)
    for stem in _LAUNCHES:
        for at in cues.at(stem):
            if not (at and text[at - 1].isalnum()) and (launch := _LAUNCH.match(text, at)):
                # `the company launched Spillway, a service` in an organization's entry: the entry's
                take(launch, [launch.group("name")], owned=_ITSELF.search(text, max(0, at - 30), at) is not None)
    for cue in _MADE_BY_WORDS:  # `the Aura One, a pendant made by Hearthstone Devices`: read back from `by`
        for at in cues.at(cue):
            made = _MADE_BY.search(text, max(0, at - _BEFORE), at)
            after = _BY_NAME.match(text, at + len(cue))
            if after is None and (kind := _BY_THE_KIND.match(text, at + len(cue))):
                after = _BY_NAME.match(text, kind.end())  # `made by the Minnesota firm Thermocline`
            if made is None or after is None:
                continue
            words = after.group(0).split()  # `Hearthstone Devices that`, or its listed `Hearthstone`
            by = next(
                (" ".join(words[:n]) for n in range(len(words), 0, -1) if makers.of(" ".join(words[:n]), 0, False, "")),
                None,
            )
            if by is not None:
                take(made, [made.group("name")], by=by, listed_maker=True)
    for cue in _ITS_OWN:  # `Sentrel Guard, the company's product, issues`: read back from the owner's words
        for at in cues.at(cue):
            named = _NAME_BEFORE_OWN.search(text, max(0, at - _BEFORE), at)
            if named is not None and _OWN_KIND.match(text, at + len(cue)):
                take(named, [named.group("name")], owned=True)
    for cue in _MAKES_WORDS:  # `makes the Oakhaven Picker`, `maker of Harbor Router and Spillway`: in an entry
        for at in cues.at(cue):
            if (not at or not text[at - 1].isalnum()) and (makes := _MAKES.match(text, at + len(cue))):
                line = prose.lines[prose.index_at(at)].number
                in_entry = line in makers.entry_lines
                if not _made_things(cue, makes, in_entry):
                    continue
                more = makes.group("more")
                things = [makes.group("name"), *(_MORE_MADE.findall(more) if more else ())]
                maker_words = {word for name in makers.of(None, line, True, "") for word in fold(name).split()}
                take(
                    makes,
                    # (not `designs the Tesla Model battery packs`: another company's thing it works on)
                    [name for name in things if not _opens_with_another(name, maker_words)],
                    owned=True,
                    listed_maker=not in_entry,  # (an entry says what it makes, whoever of two it is)
                )
    for at in cues.at(_CALLED):  # `a product called Benefits Buddy`
        called = _CALLED_NAME.match(text, at + len(_CALLED)) if _KIND_BEFORE.search(text, max(0, at - 20), at) else None
        if called is not None and not is_known_given_name(called.group("name").split()[0]):  # (`a model called Gigi`)
            take(called, [called.group("name")])
    # `its own AI assistant "Sparky"`, `hardware (the Orb)`: each mark found with `str.find` (a character
    # searched for alone is found far faster than by a pattern opening on a choice of them)
    for at in sorted(at for mark in _NAME_MARKS for at in cues.at(mark)):
        if not at or not (text[at - 1].isspace() or text[at - 1] == ",") or not _AFTER_MARK.match(text, at + 1):
            continue  # (what `(?<=[\s,])` would ask)
        kind_at = _kind_before_mark(text, at)
        named = _MARKED_NAME.match(text, at) if kind_at is not None else None
        if kind_at is not None and named is not None and named.group("close") == _CLOSING[named.group("open")]:
            window = max(0, kind_at - _KIND_REACH)
            if _CHARACTERIZED.search(text, window, kind_at) or _spelled_out_before(
                named.group("name"), text[window:at]
            ):
                continue  # `called the tool "Useless."`, `mixture-of-experts model (MoE)`: no product's name
            take(named, [named.group("name")], owned=True)
    organizations: frozenset[str] | None = None  # (worked out at the first code that has a name before it)
    for model in _MODEL_CODE.finditer(text):  # `Unitree G1`, `NVIDIA H100`: a maker's name, a model's code
        before = _MAKER_BEFORE.search(text, max(0, model.start() - 80), model.start())
        if before is None:
            continue
        if organizations is None:
            organizations = _known_organizations() | {
                fold(form)
                for entry in entries
                if entry.kind == EntityKind.ORGANIZATION
                for form in (entry.name, *entry.aliases)
            }
        code, maker = model.group("code"), closing_name(before.group("maker").split(), organizations)
        code = code[:-1] if code.endswith("s") and code[-2].isdigit() else code  # `H100s`: the chips
        period = _NOT_A_MODEL.fullmatch(code) or _HALF_YEAR.match(text, model.start("code"))
        if maker is not None and not period and fold(code) not in listed.names:
            # (a code of four characters or more is a name of its own, `NDP120`, `V100`; a short one is
            # written with its maker's, `Unitree G1`)
            take(model, [code if len(code) >= 4 else f"{maker} {code}"], by=maker)
    for listed_products in _PRODUCTS.finditer(text):
        more = listed_products.group("more")
        if listed_products.group("verb") is None and not more:
            continue  # `products Sentrel Guard and Tollgate` lists them; `whose products Fundrise uses` not
        take(listed_products, [listed_products.group("name"), *(_MORE.findall(more) if more else ())])
    return [
        EntityEntry(kind=EntityKind.PRODUCT, name=name, own_entry=False, line=number, rank=0, made_by=maker)
        for name, (number, maker) in found.items()
    ]


# A name set in quotation marks or parentheses right after a kind of product (`its own AI assistant,
# 'Sparky,'`, `next model family "Spud"`, `its model — currently branded 'Mythos'`, `iris-scanning
# hardware (the Orb)`, `a face-based product (FaceCheck)`): what the kind is called.
# (the mark first, what stands before it told in Python: a pattern opening on a look behind is tried
# at every character)
_NAME_MARKS = ('"', "“", "'", "‘", "(")
_AFTER_MARK = re.compile(r"[A-Z]|the\s+[A-Z]|[\"“][A-Z]")
_KIND_REACH = 60
_KIND_WORDS = frozenset((*_KIND_NAMES.split("|"), "hardware", "family"))
_NAMING_WORDS = frozenset("branded called named dubbed codenamed code-named".split())
_LEAD_WORDS = frozenset("currently now internally".split())


def _kind_before_mark(text: str, at: int) -> int | None:
    """Where the kind of product right before the mark at `at` starts: `assistant, '` or `model —
    currently branded '` (read back word by word: a pattern searched from every character of the
    window cost more than the rest of the reader)."""
    words = text[max(0, at - _KIND_REACH) : at].split()
    if words and words[-1] in _NAMING_WORDS:  # `— currently branded`
        words.pop()
        if words and words[-1] in _LEAD_WORDS:
            words.pop()
        if not words or words[-1] not in ("—", "–"):
            return None
        words.pop()
    if not words:
        return None
    last = words[-1].removesuffix(",")
    if last not in _KIND_WORDS and " ".join(words[-2:]).removesuffix(",") not in _KIND_WORDS:
        return None
    return text.rfind(last, max(0, at - _KIND_REACH), at)


_MARKED_NAME = re.compile(rf"(?P<open>[\"“'‘(])[\"“]?(?:the\s+)?{_NAME}[,.]?[\"”]?(?P<close>[\"”'’)])")
# A kind named to characterize it (`Thompson called the tool "Useless"`), not to name it
_CHARACTERIZED = re.compile(
    r"\b(?:called|calls|calling|deemed|deems|labell?ed|dubbed it|described)\s+(?:[\w'’-]+\s+){0,3}$"
)


def _spelled_out_before(name: str, text: str) -> bool:
    """`mixture-of-experts model (MoE)`, `a doctoral program (PhD)`: an acronym of the words before."""
    if not (name.isalnum() and len(name) <= 6 and sum(character.isupper() for character in name) >= 2):
        return False
    words = re.findall(r"[A-Za-z]+", text[-120:])[-len(name) - 3 :]
    initials = "".join(word[0].lower() for word in words)
    return name.lower() in initials


_CLOSING = {'"': '"', "“": "”", "'": "'", "‘": "’", "(": ")"}


def _made_things(cue: str, makes: re.Match[str], in_entry: bool) -> bool:
    """Whether what follows a maker's word (`maker of`, `makes`) names things it makes."""
    more, tail = makes.group("more"), makes.group("tail")
    if cue in ("makes ", "Makes ") and (not in_entry or tail or (more and _LOWER_WORD.search(more))):
        return False  # `It makes Tally and Spillway look cheap`; and in prose `makes` says too little
    # (`developer of GLP-1 drugs`: a kind of thing, no product; `builds the Haas VF-2 vertical mills`: its product)
    return not (tail and tail.endswith("s") and not cue.endswith("the ") and not makes.group().startswith("the "))


class _Listed:
    """The folded names of the document's entries, and of its products (each worked out when first
    asked: most documents have no cue that needs them)."""

    def __init__(self, entries: list[EntityEntry]):
        self._entries = entries

    @cached_property
    def names(self) -> set[str]:
        return listed_names(self._entries)

    @cached_property
    def products(self) -> set[str]:
        return listed_names(entry for entry in self._entries if entry.kind == EntityKind.PRODUCT)


class _Makers:
    """The listed organization a product's possessive names (`Petrel's`, for `Petrel Labs` when it is
    the one listed organization so named), or whose Companies entry says `its`."""

    # (each worked out when first asked: most documents have no cue that needs them)
    def __init__(self, document: ParsedDocument, entries: list[EntityEntry]):
        self._document = document
        self._listed = [entry for entry in entries if entry.kind == EntityKind.ORGANIZATION and entry.own_entry]

    @cached_property
    def names(self) -> dict[str, str]:
        return {fold(form): entry.name for entry in self._listed for form in (entry.name, *entry.aliases)}

    @cached_property
    def openings(self) -> dict[str, set[str]]:
        return openings(self.names)  # (`petrel` of `Petrel Labs`: the names it opens)

    @cached_property
    def entry_lines(self) -> set[int]:
        section = self._document.section(SectionKind.COMPANIES)
        return {line.number for line in section.lines} if section else set()

    @cached_property
    def entries(self) -> list[tuple[int, str]]:
        return sorted((entry.line, entry.name) for entry in self._listed)

    def of(self, possessor: str | None, line: int, owned: bool, before: str) -> tuple[str, ...]:
        """The listed organizations that make it: the one a possessive names, or the entry's it is in
        (both of `Microsoft / Nuance — Maker of DAX Copilot`: the entry is the two's)."""
        if possessor:
            key = fold(possessor)
            if key in self.names:
                return (self.names[key],)
            longer = self.openings.get(key, set())
            return (next(iter(longer)),) if len(longer) == 1 else ()
        if owned and line in self.entry_lines:  # `its LoadLens platform` in Ferrovia's entry
            index = bisect_right(self.entries, (line, "\uffff")) - 1
            if index < 0:
                return ()
            heading = self.entries[index][0]
            entries = tuple(name for at, name in self.entries[bisect_left(self.entries, (heading, "")) : index + 1])
            # not where the clause names another first (`invest in PMI Electro Mobility and its Allfleet`)
            own = {word for name in entries for word in fold(name).split()}
            capitalized = [  # (not its first word, nor a date's: `In March the company launched`)
                word for word in _CAPITALIZED.findall(_CLAUSE_START.split(before)[-1])[1:] if word not in _NOT_NAMES
            ]
            if all(fold(word) in own for word in capitalized):
                return entries
        return ()


def _first_word(name: str) -> str:
    """The name's first word, folded ("" for none)."""
    return next(iter(fold(name).split()), "")


def _opens_with_another(name: str, maker_words: set[str]) -> bool:
    """Whether a made thing's name opens with an organization the shipped list knows that is not its
    maker (`Tesla Model` in Orbex's entry)."""
    first = _first_word(name)
    return first not in maker_words and first in _known_organizations()


def _named_after(product: str, makers: tuple[str, ...]) -> tuple[str, ...]:
    """Of an entry's organizations (`Veridian Semiconductor / Sabre Micro`), the one whose first word
    opens the product's name (`Sabre S9`); all of them where none or several do."""
    first = _first_word(product)
    named = tuple(maker for maker in makers if fold(maker).split()[:1] == [first])
    return named if len(named) == 1 else makers


@cache
def _known_organizations() -> frozenset[str]:
    return frozenset(map(fold, known_organizations().names))


# Words a name after a possessive ends on that make it an event or a part of the organization, not a product
_NOT_PRODUCT_WORDS = frozenset(
    "day days summit conference week awards award prize fund foundation school institute lab labs team group "
    "division unit board office council committee center centre college department ban bans report reports "
    "keynote event expo festival campus summer winter spring fall earnings results deal lawsuit".split()
)
_YEAR_OR_SITE = re.compile(r"(?:19|20)\d\d|HQ\d*")


def _named_like_a_product(name: str, everyday: frozenset[str]) -> bool:
    """`MI355X`, `SepsiGuard`, `Agent Checkout`: a digit, a capital inside a word, or a word the
    document also writes in lower case (`agent`, `checkout`) with no first name the data knows; not
    `Sundar Pichai`, `Demo Day`, `Kennedy School`, an event or a place of a year (`GTC 2025`, `HQ2`,
    `Editions Summer 2025`), nor something said of the maker (`H20 Ban`, `McKinsey Report`)."""
    words = name.split()
    if is_known_given_name(words[0]) or any(
        word.lower() in _NOT_PRODUCT_WORDS or _YEAR_OR_SITE.fullmatch(word) for word in words
    ):
        return False
    if any(character.isdigit() for character in name) or any(_INNER_CAPITAL.search(word) for word in words):
        return True
    return len(words) >= 2 and any(word.lower() in everyday for word in words)


_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


def _with_its_kind(name: str, found: dict[str, tuple[int, tuple[str, ...]]], products: set[str]) -> bool:
    """`Brightdesk Resolve AI` (`the Brightdesk Resolve AI agent`) beside Brightdesk Resolve: a product
    listed or found already, then an acronym of its kind (not `Toast POS` beside Toast, its maker)."""
    named, _, last = name.rpartition(" ")
    return bool(named) and _ACRONYM.fullmatch(last) is not None and (named in found or fold(named) in products)


def _is_product_name(name: str, listed: set[str], people: set[str], everyday: frozenset[str]) -> bool:
    key = fold(name)
    first = name.split()[0]
    if not key or key in listed or key in people or first in _NOT_NAMES:
        return False
    if " " not in name and name.lower() in everyday:
        return False  # `Agent`, written lower case elsewhere: a word
    if _ACRONYM.fullmatch(name) or _LOWER_PART.search(name):
        return False  # `CRM system`, `CPU product`, `IP-licensing model`: a kind of thing
    # (a name written like a person's is one here, `Juniper Sweep`, unless the document has that person)
    if fold(name) in _known_organizations():
        return False  # `launched Stripe, a payments platform`, `their Salesforce platform`: the company
    return not (is_place(name) or is_generic(name))
