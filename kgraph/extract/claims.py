"""Claims: every quotation of five or more words, with its timestamp, the item it substantiates
and, where the text supports it, its speaker."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Sequence

from kgraph.extract.alternation import may_spell
from kgraph.extract.attribution import READ_OUT, Attribution, Attributor, ItemContext, entry_speaks
from kgraph.extract.insights import INSIGHT_KIND
from kgraph.extract.results import AboutRef, ClaimEntry, EntityEntry, EntityKind
from kgraph.extract.transcript_speakers import EXPLICIT_RULES
from kgraph.names import contains_word, plausible_new_person, word_at
from kgraph.parse.document import Item, Line, LineKind, ParsedDocument, Quote, SectionKind
from kgraph.parse.inline import single_spaced
from kgraph.parse.quotes import normalize_clock, quotes_in_line
from kgraph.unvalidated import made

# Bound once: on Python 3.11 each `LineKind.X` goes through the enum metaclass (a fifth of a
# microsecond), and the walk reads them for every line of every item.
_TEXT, _TABLE_ROW, _HEADING = LineKind.TEXT, LineKind.TABLE_ROW, LineKind.HEADING
_COMPANIES, _PEOPLE, _PERSON = SectionKind.COMPANIES, SectionKind.PEOPLE, EntityKind.PERSON


def _about(section: SectionKind, item: Item | None, entries: dict[int, EntityEntry]) -> AboutRef | None:
    if item is None:
        return None
    if section in INSIGHT_KIND:
        return _about_ref(insight=INSIGHT_KIND[section], rank=item.rank)
    entry = entries.get(item.line)
    return _about_ref(entity=entry.kind, name=entry.name) if entry else None


_ABOUT_DEFAULTS = {name: field.default for name, field in AboutRef.model_fields.items()}


def _about_ref(**values: object) -> AboutRef:
    """`AboutRef(**values)` without validation (one per item holding a quote mark): each value is
    already of its field's type, and the rest keep their default."""
    return made(AboutRef, {**_ABOUT_DEFAULTS, **values}, set(values))


class _ClaimCollector:
    def __init__(self, attributor: Attributor):
        self.attributor = attributor
        self.claims: list[ClaimEntry] = []

    def walk(self, lines: tuple[Line, ...], context: ItemContext, about: AboutRef | None) -> None:
        line_quotes = [quotes_in_line(line) for line in lines]
        # Only the rules of a later quote read the subject: after the last quote, nothing does
        # (a lead-in line is still read, for the people it may name).
        last = len(lines) - 1  # (the last line holding a quote; -1: none)
        while last >= 0 and not line_quotes[last]:
            last -= 1
        for index, line in enumerate(lines):
            quotes = line_quotes[index]
            if not quotes:
                if line.kind == _TEXT and line.text:
                    if index < last:
                        self.attributor.update_subject(context, line.text)
                    block_quote_follows = index + 1 < len(lines) and _block_quote_at(lines, line_quotes, index + 1)
                    self.attributor.lead_in_line(line.text, context, block_quote_follows)
                continue
            next_line = _next_in_block(lines, index)
            position = 0
            for quote in quotes:
                self.attributor.update_subject(context, line.text[position : quote.start])
                found = self.attributor.attribute(quote, context, next_line)
                self._add(quote, found, about)
                position = quote.end + 1
            if line.kind == _TEXT and index < last:
                self.attributor.update_subject(context, line.text[position:])
            tail = line.text[position:]
            if (
                line.kind == _TEXT
                and not line.quoted
                and tail.rstrip(" *_").endswith(":")
                and index + 1 < len(lines)
                and _block_quote_at(lines, line_quotes, index + 1)
            ):  # `... asking: "...?" Her answer was that ...:` above a block quote: the lead-in after the quote
                self.attributor.lead_in_line(tail, context, True)
            elif not line.quoted and line.kind != _TABLE_ROW and not _bare_quote_line(quotes):
                context.pending, context.pending_blocked = None, False

    def _add(self, quote: Quote, found: Attribution, about: AboutRef | None) -> None:
        timestamp, seconds = normalize_clock(quote.timestamp) if quote.timestamp else (None, None)
        # `ClaimEntry(text=..., ..., context_people=...)` without validation: every value is already
        # of its field's type (a claim per quote, thousands per build)
        values = {
            "text": quote.text,
            "line": quote.line,
            "position": len(self.claims),
            "timestamp": timestamp,
            "seconds": seconds,
            "speaker": found.speaker,
            "attribution": found.rule,
            "context_people": found.context,
            "about": about,
            "grounding": None,
            "speaker_evidence": None,
            "transcript_speaker": None,
        }
        self.claims.append(made(ClaimEntry, values, set(_CLAIM_FIELDS_GIVEN)))


def _read_out_mark(copies: list[ClaimEntry]) -> str | None:
    return READ_OUT if any(copy.attribution == READ_OUT for copy in copies) else None


# The fields `_add` gives a claim (the others keep their defaults, as a validated claim has them).
_CLAIM_FIELDS_GIVEN = frozenset(
    ("text", "line", "position", "timestamp", "seconds", "speaker", "attribution", "context_people", "about")
)
_LIST_NUMBER = re.compile(r"^\s*\d{1,3}[.)]\s")
_WORD_CHAR = re.compile(r"[^\W_]")
_WORD = re.compile(r"\w+")  # a run of what `names.word_character` accepts


def _bare_quote_line(quotes: list[Quote]) -> bool:
    """A line holding one quote and nothing else (`"..."`, `- "..."`): a lead-in line above
    (`Ruiz argues two things:`) also announces the next such line, until a prose line comes."""
    if len(quotes) != 1:
        return False
    # the parser's `plain(strip_timestamps(...))` of the text before and after the quote
    before = _LIST_NUMBER.sub("", quotes[0].before_spoken)
    after = quotes[0].after_spoken
    return not _WORD_CHAR.search(before) and not _WORD_CHAR.search(after)


def _block_quote_at(lines: tuple[Line, ...], line_quotes: list[list[Quote]], index: int) -> bool:
    """Line `index` opens a block quote holding a quotation (`Ruiz argues the opposite.` then
    `> "..."`)."""
    return lines[index].quoted and not lines[index - 1].quoted and bool(line_quotes[index])


def _next_in_block(lines: tuple[Line, ...], index: int) -> str | None:
    if index + 1 < len(lines) and lines[index + 1].block == lines[index].block:
        return lines[index + 1].text
    return None


_TITLE_NAME = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?:\s+[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?){1,2}(?![\w-])")


def title_names(document: ParsedDocument, attributor: Attributor) -> tuple[str, ...]:
    """Person-shaped full names in the document's titles (H1 lines), most used spelling first."""
    titles = [document.header.title or ""]
    titles += [line.plain for line in document.preamble if line.kind == _HEADING and line.level == 1]
    found: dict[str, int] = {}
    body = None  # the items' text, joined only for a title that names someone new (a list, not a generator)
    for title in titles:
        for match in _TITLE_NAME.finditer(title):
            name = match.group(0)
            if name in found:
                continue
            if attributor.people.resolve(name) is None and plausible_new_person(name, attributor.everyday_words):
                if body is None:
                    body = "\n".join(
                        [line.text for section in document.sections for item in section.items for line in item.lines]
                    )
                found[name] = body.count(name)
    return tuple(sorted(found, key=lambda name: -found[name]))


# A quote signed with a lone first name: `..." — Amelia [00:12:01]`, `..." - Amelia`
_SIGNED_FIRST_NAME = re.compile(
    r"[”\"]\*?\s*(?:\[[^\]\n]{0,40}\]\S{0,80}\s*)?(?:[—–]|-(?=\s))\s*\**([A-Z][a-z]{2,})\**(?=\s*(?:\[|\(|$|[,.;]))",
    re.M,
)


def signed_first_names(document: ParsedDocument) -> frozenset[str]:
    """The lone first names the document signs quotes with (`— Amelia`): so it names a speaker, who
    may then be called so elsewhere (`Amelia notes, "..."`)."""
    lines = (line.text for section in document.sections for item in section.items for line in item.lines)
    signed = (line for line in lines if "—" in line or "–" in line or " - " in line)
    return frozenset(match.group(1) for line in signed for match in _SIGNED_FIRST_NAME.finditer(line))


# What an entry says of a sponsor or advertiser (not `sponsored the study`, a deed in the news).
_SPONSOR = re.compile(
    r"\b(?:newsletter|episode|issue|podcast|show)(?:['’]s)?\s+(?:sponsor|advertiser)s?\b"
    r"|\bsponsor(?:ed)?\s+(?:of|by)\s+(?:this|the)\s+(?:newsletter|episode|issue|podcast|show)\b"
    r"|^(?:[\w ]{0,20}:\s*)?(?:paid\s+)?(?:sponsor|advertiser|advertisement)\b",
    re.I | re.M,
)


def _names_a_sponsor(item: Item) -> bool:
    """Whether the entry's own words say it is a sponsor's."""
    return says_sponsor("\n".join(line.plain for line in item.lines))


def says_sponsor(text: str) -> bool:
    """Whether `text`, its quotes left out, says what `_SPONSOR` finds."""
    # every branch of the pattern spells `sponsor` or `advertis`, a word the quotes left out cannot
    # make (they leave a space): most entries lack both
    if not may_spell(text, ("sponsor", "advertis")):
        return False
    return _SPONSOR.search(_unquoted(text)) is not None


def _unquoted(text: str) -> str:
    """An entry's own words, its quotes left out."""
    return re.sub(r'"[^"]*"', " ", text)


def extract_claims(document: ParsedDocument, attributor: Attributor, entities: list[EntityEntry]) -> list[ClaimEntry]:
    attributor.title_names = title_names(document, attributor)
    attributor.signed_names = signed_first_names(document)
    collector = _ClaimCollector(attributor)
    collector.walk(tuple(document.preamble), ItemContext(), None)
    entries: dict[int, EntityEntry] = {}
    names_on_line: dict[int, tuple[str, ...]] = {}  # (`Anthropic / Claude`: an entry for each)
    for entry in entities:
        entries.setdefault(entry.line, entry)
        names_on_line[entry.line] = (*names_on_line.get(entry.line, ()), entry.name, *entry.aliases)
    for section in document.sections:
        collector.walk(section.intro, ItemContext(), None)
        for item in section.items:
            if not any('"' in line.text for line in item.lines):  # no quote mark: no claim to be about it
                collector.walk(item.lines, ItemContext(), None)
                continue
            if section.kind == _COMPANIES and _names_a_sponsor(item):
                continue  # `Why Mentioned: Newsletter sponsor`: its quote is the ad's copy, no claim
            about = _about(section.kind, item, entries)
            context = ItemContext()
            if section.kind == _COMPANIES:
                context.organization_entry = names_on_line.get(item.line, ())
            if section.kind == _PEOPLE and about and about.entity == _PERSON:
                owner = attributor.people.resolve(about.name or "")
                context.entry_person = owner
                # In a podcast, quotes under a third party's entry are usually the guests' words.
                if owner in attributor.participants or not attributor.conversation:
                    context.owner = owner
                    context.owner_speaks = owner in attributor.participants or entry_speaks(
                        " ".join(line.text for line in item.lines)
                    )
            collector.walk(item.lines, context, about)
    return merge_repeated_quotes(collector.claims)


def _quote_key(text: str) -> str:
    """Spacing, case and the punctuation around the words do not tell two quotes apart."""
    # `str.split()` splits where `\s+` matches; the spaces it drops at the ends, `strip` would drop
    return single_spaced(text).strip(" .,;:!?…*_\"'").casefold()


def merge_repeated_quotes(claims: list[ClaimEntry]) -> list[ClaimEntry]:
    """Identical quotes in one document are one claim (a summary often repeats a quote under a
    theme and again in a People entry). It keeps the first copy's place and the speaker its
    attributed copies agree on; copies naming different speakers leave it unattributed. A quote
    whose words are contained in a longer one (a truncated copy, one sentence of it) is that
    longer claim and takes its speaker, unless the shorter names a speaker the longer does not."""
    groups: dict[str, list[ClaimEntry]] = {}
    key_length: dict[int, int] = {}  # by id() of the claim
    for claim in claims:
        key = _quote_key(claim.text)
        groups.setdefault(key, []).append(claim)
        key_length[id(claim)] = len(key)
    for short, long in _contained(groups):
        groups[long] = groups[long] + groups.pop(short)
    merged: list[ClaimEntry] = []
    for copies in sorted(groups.values(), key=_first_position):
        if len(copies) == 1:  # most quotes: the rules below, for one copy
            # `keeper.model_copy(update=...)` as below, made directly (a claim per quote): its
            # timestamp and seconds stay; unattributed, only a read-out mark stays
            keeper = copies[0]
            speaker, attribution = keeper.speaker, keeper.attribution
            if not speaker:
                speaker, attribution = None, _read_out_mark(copies)
            values = {
                **keeper.__dict__,
                "position": len(merged),
                "speaker": speaker,
                "attribution": attribution,
                "about": keeper.about or None,
            }
            merged.append(made(ClaimEntry, values, keeper.__pydantic_fields_set__ | _MERGED_FIELDS))
            continue
        first = min(copies, key=lambda copy: copy.position)
        keeper = max(copies, key=lambda copy: (key_length[id(copy)], -copy.position))
        attributed = [copy for copy in copies if copy.speaker]
        speakers = {copy.speaker for copy in attributed}
        chosen = attributed[0] if len(speakers) == 1 else None
        timed = next((copy for copy in copies if copy.timestamp), first)
        merged.append(
            keeper.model_copy(
                update={
                    "position": len(merged),
                    "speaker": chosen.speaker if chosen else None,
                    # (unattributed: still words read out, where a copy's lead-in says so)
                    "attribution": chosen.attribution if chosen else _read_out_mark(copies),
                    "timestamp": timed.timestamp,
                    "seconds": timed.seconds,
                    "about": next((copy.about for copy in copies if copy.about), None),
                }
            )
        )
    return merged


# The fields merging gives a claim (set, as `model_copy(update=...)` sets them).
_MERGED_FIELDS = frozenset(("position", "speaker", "attribution", "timestamp", "seconds", "about"))


def _first_position(copies: list[ClaimEntry]) -> int:
    return copies[0].position if len(copies) == 1 else min(copy.position for copy in copies)


def _contained(groups: dict[str, list[ClaimEntry]]) -> list[tuple[str, str]]:
    """(short key, long key) pairs, shortest first: each short quote folds into the longest quote
    that contains its words and names no other speaker; a chain (A in B in C) folds into C."""
    keys = sorted(groups, key=lambda key: (len(key), key))
    # a key holds no newline (`_quote_key` splits at white space): a safe separator of joined keys
    few = len(keys) <= _SCANNED_KEYS and not any("\n" in key for key in keys)
    later_holders = _scanned_holders(keys) if few else _indexed_holders(keys)
    target: dict[str, str] = {}
    for index, short in enumerate(keys):
        later = later_holders(index)
        if not later:
            continue
        short_speakers = {copy.speaker for copy in groups[short] if copy.speaker}
        for number in reversed(later):
            long = keys[number]
            if len(long) <= len(short) or short not in long or not contains_word(long, short):
                continue
            long_speakers = {copy.speaker for copy in groups[long] if copy.speaker}
            # the longer copy's speaker stands: a short copy's own speaker may be that of a quote
            # nested in the longer one (an article's sentence quoting someone)
            if short_speakers <= long_speakers and len(long_speakers) <= 1:
                target[short] = long
                break
    _fold_elided(groups, keys, target)
    pairs = []
    for short in keys:  # shortest first, so a chain's middle still holds its folded copies
        if short in target:
            long = target[short]
            while long in target:
                long = target[long]
            pairs.append((short, long))
    return pairs


# A copy cut short inside (`mission...Not just`) or with an editor's words (`[Nvidia's unit] does`):
# its fragments are the longer quote's words, in order.
_ELISION = re.compile(r"\.{3}|…|\[[^\]]*\]")


def _may_be_elided(key: str) -> bool:
    """Whether `_ELISION` can match: its literals found in C (most quotes have none, and the
    pattern tried at each of their characters cost more than the rest of the fold)."""
    return "..." in key or "…" in key or "[" in key


_FRAGMENT_WORDS = 3  # a shorter fragment (`it`, `and so`) is no evidence it is the same quote
_ELIDED_WORDS = 6  # what an elided copy keeps, in all, to be the same quote
_ELIDED_HOLDERS = 64  # the keys holding its longest fragment, at most, that one copy is compared with
_SCANNED_SIGNED = _ELIDED_HOLDERS  # up to this many signed quotes, each is tried without a word index
# (and up to this many pairs of a copy and a signed quote: past it, copies whose words no signed quote
# holds are told apart at once by the index, not each held against every signed quote)
_SCANNED_PAIRS = 1024


def _fold_elided(groups: dict[str, list[ClaimEntry]], keys: list[str], target: dict[str, str]) -> None:
    """Adds to `target` each elided copy not folded yet whose fragments a longer quote holds in
    order (found among the longer quotes holding the rarest word of its longest fragment), where
    the text names the longer one's speaker (`"..." — Kevin Cook`) and the copy names no other.
    (Only then: the same words in another entry, unsigned, may be the summary's own use of them.)"""
    elided = [
        number
        for number, short in enumerate(keys)
        if short not in target and _may_be_elided(short) and _ELISION.search(short) is not None
    ]
    if not elided:
        return  # (no quote cut short: nothing to fold)
    signed = [
        number
        for number, key in enumerate(keys)
        if len({copy.speaker for copy in groups[key] if copy.speaker}) == 1
        and any(copy.attribution in EXPLICIT_RULES for copy in groups[key] if copy.speaker)
    ]
    if not signed:
        return  # (most documents: no quote a copy could take a named speaker from)
    holding: dict[str, list[int]] | None = None  # word -> the signed keys holding it, made once
    scanned = len(signed) <= _SCANNED_SIGNED and len(elided) * len(signed) <= _SCANNED_PAIRS
    for number in elided:
        short = keys[number]
        fragments = _fragments(short)
        if sum(len(fragment.split()) for fragment in fragments) < _ELIDED_WORDS:
            continue
        longest = max(fragments, key=len)
        if scanned:
            # A quote holding the fragment as whole words holds each of its words: with this few
            # signed quotes, the index below would offer every longer one holding them, so each
            # longer one is tried, the longest first, without indexing their words.
            if _WORD.search(longest) is None:
                continue
            later: Iterable[int] = [index for index in reversed(signed) if index > number]
        else:
            if holding is None:
                holding = {}
                for index in signed:
                    for word in set(_WORD.findall(keys[index])):
                        holding.setdefault(word, []).append(index)
            words = set(_WORD.findall(longest))
            if not words or not words <= holding.keys():
                continue  # a word no signed quote holds: none holds the fragment
            rarest = holding[min(words, key=lambda word: (len(holding[word]), word))]
            # the longer keys (keys run shortest first), the longest first, a bounded few
            first = max(bisect.bisect_right(rarest, number), len(rarest) - _ELIDED_HOLDERS)
            later = reversed(rarest[first:])
        short_speakers = {copy.speaker for copy in groups[short] if copy.speaker}
        for long in (keys[index] for index in later):
            if len(long) <= len(short) or not _holds_in_order(long, fragments):
                continue
            if short_speakers <= {copy.speaker for copy in groups[long] if copy.speaker}:
                target[short] = long
                break


def _fragments(key: str) -> list[str]:
    parts = (part.strip(" .,;:!?*_\"'") for part in _ELISION.split(key))
    return [part for part in parts if len(part.split()) >= _FRAGMENT_WORDS]


def _holds_in_order(text: str, fragments: list[str]) -> bool:
    """Whether `text` holds each fragment as whole words, each after the one before."""
    at = 0
    for fragment in fragments:
        if (start := word_at(text, fragment, at)) < 0:
            return False
        at = start + len(fragment)
    return True


# Up to this many quotes, looking for each in the text of all the longer ones beats indexing
# their words (a document's 30 quotes: an eighth of the time); past it the scans grow as its square.
_SCANNED_KEYS = 256


def _scanned_holders(keys: list[str]) -> Callable[[int], Sequence[int]]:
    """The numbers of the keys after key `index` that hold it (as a substring), each found with one
    scan of the keys joined by a character no key holds."""
    joined = "\n".join(keys)
    starts = list(itertools.accumulate((len(key) + 1 for key in keys[:-1]), initial=0))

    def later_holders(index: int) -> list[int]:
        short, found = keys[index], []
        at = joined.find(short, starts[index] + len(short) + 1)
        while at >= 0:
            number = bisect.bisect_right(starts, at) - 1
            found.append(number)
            if number + 1 == len(keys):
                break
            at = joined.find(short, starts[number + 1])
        return found

    return later_holders


def _indexed_holders(keys: list[str]) -> Callable[[int], Sequence[int]]:
    """The keys after key `index` that may hold it: those holding its rarest word. A key that
    holds another with no word character on either side holds each of its words whole: linear in
    the quotes of a document, where comparing every pair made 9,000 quotes cost seconds."""
    words_of = [set(_WORD.findall(key)) for key in keys]
    holding: dict[str, list[int]] = {}
    for number, words in enumerate(words_of):
        for word in words:
            holding.setdefault(word, []).append(number)

    def later_holders(index: int) -> Sequence[int]:
        if not (words := words_of[index]):
            return range(index + 1, len(keys))
        holders = holding[min(words, key=lambda word: (len(holding[word]), word))]
        return holders[bisect.bisect_right(holders, index) :]

    return later_holders
