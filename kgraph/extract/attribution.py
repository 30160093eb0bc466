"""Who said a quote. Explicit patterns on the quote's own line first, then context (a lead-in
line above, the subject of the item, a pronoun, the owner of a People entry, a sole guest).
A wrong speaker is worse than none: every rule gives up when the text is ambiguous."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kgraph.document import Quote
from kgraph.extract.people import PeopleIndex
from kgraph.extract.results import PersonName
from kgraph.names import (
    fold,
    has_cjk,
    is_placeholder,
    is_possessive_phrase,
    plausible_new_person,
    split_camel_case,
    strip_honorific,
)
from kgraph.parse.inline import plain
from kgraph.parse.items import is_field_label
from kgraph.parse.quotes import strip_timestamps

_TOKEN = r"[A-Z\u00c0-\u00de][\w'’.\-]*"
_PARTICLE = r"(?:de|van|von|da|del|der|bin|al|le|la|di|dos)"
NAME = rf"(?:{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_TOKEN}){{0,3}}|[\u3400-\u9fff]{{2,4}})"

SPEECH_VERBS = (
    "says|said|say|notes|noted|note|explains|explained|explain|adds|added|add|argues|argued|argue|"
    "observes|observed|states|stated|puts it|put it|describes|described|recalls|recalled|admits|"
    "admitted|acknowledges|acknowledged|warns|warned|asks|asked|responds|responded|replies|replied|"
    "continues|continued|insists|insisted|predicts|predicted|claims|claimed|writes|wrote|tells|told|"
    "quips|quipped|jokes|joked|emphasizes|emphasized|stresses|stressed|suggests|suggested|concludes|"
    "concluded|reflects|reflected|remarks|remarked|declares|declared|muses|mused|summarizes|"
    "summarized|offers|offered|shares|shared|highlights|highlighted|points out|pointed out|cautions|"
    "cautioned|contends|contended|maintains|maintained|counters|countered|agrees|agreed|confirms|"
    "confirmed|reveals|revealed|calls it|called it|frames it|framed it|elaborates|elaborated|"
    "articulates|articulated|captures|captured|sums it up|summed it up|recounts|recounted|"
    "describes it|characterizes|characterized|mentions|mentioned|believes|believed|thinks|thought|"
    "answers|answered|opens|opened|closes|closed|urges|urged|advises|advised|speculates|"
    "speculated|questions|questioned|jokingly|puts|put|stated|framing|explaining|noting|adding|"
    "arguing|saying|describing|warning|asking|calling it|writing|telling|emphasizing|recalling"
)
_SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
_SPEECH_AT_END = re.compile(rf"\b(?:{SPEECH_VERBS})(?:\s+(?:that|it|this|how|as))?\s*[,:]?\s*$")
_PRONOUN = re.compile(r"^(?:he|she)\b", re.I)
_ROLE_NOUN = re.compile(
    r"^(?:the|a|an|one|another)\s+(?:[\w-]+\s+){0,3}?(?:host|hosts|guest|article|author|authors|paper|"
    r"report|newsletter|post|piece|story|team|researchers?|interviewer|moderator|narrator|writer|"
    r"editor|analysts?|expert|executive|founder|investor|source|sources|study|memo|filing|"
    r"statement|spokesperson|company|firm|lawsuit|complaint|judge|ruling|survey|email|release|"
    r"announcement|blog|letter|documents?|abstract|section|figure|table)\b",
    re.I,
)
_NON_PERSON = re.compile(
    r"^(?:section|table|appendix|figure|fig|abstract|introduction|conclusion|chapter|page|paper|"
    r"article|study|report|episode|transcript|source|sources|note|eq|equation|algorithm|p)\b",
    re.I,
)
_COMMON_WORDS = frozenset(
    """this that these those the it its but and or so yet as when while if then there here what
    which who why how where however also still even only just both each every some many most
    one two three first second third new our their his her my your we they i you he she
    source note notes quote translation context key overall meanwhile instead indeed because
    google apple meta amazon microsoft openai anthropic nvidia tesla ai ceo cto cfo vc us uk eu
    today yesterday tomorrow later earlier now again always never""".split()
)
_LEADING_PHRASE = re.compile(r"^(?:(?:as|but|and|so|yet|here|still|meanwhile|similarly|later|instead|indeed|"
                             r"then|again|finally|ultimately|also)\b,?\s+|[^,:\"]{1,80},\s+)")
# `shares an insight from Ann Lee`, `quoting Ann Lee`: the words are relayed, not the speaker's own.
_RELAYED = re.compile(
    r"\b(?:(?:insight|advice|words?|quote|line|lesson|story|wisdom|observation|point|maxim)\s+(?:\w+\s+){0,2}from"
    r"|quoting|quotes|citing|cites|paraphrasing)\s+(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)+)")
# A second speaker, named or by role, whose speech verb ends the lead-in: `He notes Acme's CTO agrees:`.
_RELAYED_SPEAKER = re.compile(
    rf"^(?i:he|she)\s+\S+\s+.*\b[A-Z][\w.&-]*(?:['’]s)?(?:\s+[\w-]+){{0,2}}\s+(?:{SPEECH_VERBS})\s*[:,]?\s*$"
)
_CJK_LEAD_IN = re.compile(
    r"(?P<run>[\u4e00-\u9fff]{2,12})(?:认为|说|表示|指出|提到|解释|强调|坦言|透露|补充|回忆|谈到|直言)道?\s*[:：,，]?\s*$")
_TITLE_AFTER_DASH = re.compile(r"^\s*[*_]*\s*(?:[—–]|--?)\s*(?:\*(?!\*)|_(?!_))[^*_]*?(?:\S+\s+){3}")
_OTHER_SOURCE = re.compile(
    r"(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s+(?:called|calls|dubbed|dubs|reported|reports|wrote|writes|"
    r"described|describes|put it|termed|terms)\b[^\"]*$")
# A quote framed as what "the narrative" / "the press" / "the conventional wisdom" says is nobody's
# in the episode, whoever the paragraph is about.
_HEARSAY_BEFORE = re.compile(
    r"\b(?:narratives?|conventional wisdom|consensus|common (?:belief|view|refrain)|mantras?|slogans?|"
    r"adage|saying)\s+(?:is|was|says|holds|goes)\b|\bso-called\s*$", re.I)
_HEARSAY_AFTER = re.compile(r"^\W*(?:press|media|headlines?|coverage|narratives?)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”*_)\]]*\s+(?=[\"“*_(\[]*[A-Z\u3400-\u9fff])")
# `Jane Roe explains`, `Jane, who ran X, notes`, `Jane Roe (CEO) adds`
_SUBJECT = re.compile(
    rf"^(?P<name>{NAME})(?:’s|'s)?(?:\s*\([^)]*\))?(?:,\s+[^,:]{{1,80}},)?\s+(?:\w+ly\s+)?(?P<verb>[a-z][\w-]*)"
)
_AS_PUT = re.compile(rf"\b(?i:as|in|per|according to|quoting|from)\s+(?P<name>{NAME})(?:’s|'s)?"
                     rf"(?:\s+(?:{SPEECH_VERBS}|words|view|telling|framing|account))?\s*[,:]?\s*$")
_LABEL = re.compile(rf"^\W*\*\*(?P<name>[^*]{{1,60}}?)\*\*\s*:\s*[*_]*\s*$|^\W*\*\*(?P<name2>[^*]{{1,60}}?):\*\*\s*[*_]*\s*$"
                    rf"|^\s*(?P<name3>{NAME})\s*:\s*[*_]*\s*$")
_AFTER_DASH = re.compile(rf"^\s*[*_]*\s*(?:[—–]|--?)\s*[*_]*\s*(?P<name>{NAME}|Speaker\s*\d+|SPEAKER_\d+)")
_AFTER_SAID = re.compile(
    rf"^\s*[*_]*\s*,?\s*(?:(?:said|says|wrote|writes|added|adds|explained|explains|noted|notes|told \w+)\s+"
    rf"(?P<name>{NAME})|(?P<name2>{NAME})\s+(?:said|says|added|adds|explained|explains|noted|notes|wrote|writes)\b"
    rf"|according to\s+(?P<name3>{NAME})|\((?P<name4>{NAME})\)\s*(?:$|[.,;]))"
)


@dataclass
class Attribution:
    speaker: str | None
    rule: str | None


NONE = Attribution(None, None)


@dataclass
class ItemContext:
    """What the attribution rules remember while walking one item (a section entry)."""

    subject: str | None = None
    owner: str | None = None  # People entry whose quotes may be the person's own
    pending: str | None = None  # a lead-in line above (`Jane explains:`) waiting for its quote
    pending_blocked: bool = False


@dataclass
class Attributor:
    people: PeopleIndex
    organizations: set[str] = field(default_factory=set)  # folded names that are not people
    sole_speaker: str | None = None
    participants: frozenset[str] = frozenset()
    conversation: bool = True  # a podcast (people talking) rather than an article or paper
    everyday_words: frozenset[str] = frozenset()  # lower-case words of the document
    created: list[PersonName] = field(default_factory=list)
    current_text: str = ""  # the quote being attributed

    # -- names ---------------------------------------------------------------------------------
    def person(self, text: str, allow_new: bool) -> str | None:
        """The full name `text` refers to, a new person for an unknown full name, or None."""
        text = strip_honorific(re.sub(r"(?:’s|'s)$", "", plain(text).strip(" ,.:;*_")))
        if not text or is_placeholder(text) or _NON_PERSON.match(text) or is_field_label(text):
            return None
        if is_possessive_phrase(text):
            return None
        resolved = self.people.resolve(text) or (self.people.resolve(split_camel_case(text)) if " " not in text else None)
        if resolved:  # `JaneQDoe` is how some participant lists write Jane Q Doe
            return resolved
        if not allow_new or fold(text) in self.organizations:
            return None
        tokens = text.split()
        if tokens[0].lower() in _COMMON_WORDS or any(t.lower() in _COMMON_WORDS for t in tokens):
            return None
        if plausible_new_person(text, self.everyday_words) or (has_cjk(text) and 2 <= len(text) <= 4):
            self.people.add(PersonName(name=text))
            self.created.append(PersonName(name=text))
            return text
        return None

    def single_name(self, text: str) -> str | None:
        """A lone first name in a strong pattern (`— Dave`, `**Dave:**`), kept as it is written."""
        text = plain(text).strip(" ,.:;*_")
        if not self.conversation or text.lower() in self.everyday_words or is_field_label(text):
            return None  # in articles and papers a lone capitalized word is an outlet or a source
        if self.people.ambiguous(text):
            return None
        if re.fullmatch(r"[A-Z][a-z]{2,}", text) and text.lower() not in _COMMON_WORDS and fold(text) not in self.organizations:
            self.people.add(PersonName(name=text))
            self.created.append(PersonName(name=text))
            return text
        return None

    def _names_in(self, text: str) -> set[str]:
        found = set()
        for match in re.finditer(NAME, text):
            resolved = self.people.resolve(match.group(0))
            if resolved:
                found.add(resolved)
            else:  # a capitalized run may start with a non-name word: `Building Rohan`
                for token in match.group(0).split():
                    resolved = self.people.resolve(token) if len(token) > 2 else None
                    if resolved and token.lower() not in _COMMON_WORDS:
                        found.add(resolved)
        return found

    # -- subject tracking ---------------------------------------------------------------------
    def update_subject(self, context: ItemContext, text: str) -> None:
        """Sentences that start with a person followed by a verb make that person the subject."""
        for sentence in _SENTENCE_END.split(plain(strip_timestamps(text))):
            subject = self._sentence_subject(sentence)
            if subject:
                context.subject = subject

    def _sentence_subject(self, sentence: str) -> str | None:
        sentence = sentence.strip(" *_\"")
        for candidate in (sentence, _LEADING_PHRASE.sub("", sentence, count=1)):
            match = _SUBJECT.match(candidate)
            if match and not match.group("verb").startswith(("and", "or")):
                name = self.people.resolve(match.group("name"))
                if name:
                    return name
        return None

    # -- the rules ----------------------------------------------------------------------------
    def attribute(self, quote: Quote, context: ItemContext, next_line: str | None) -> Attribution:
        self.current_text = quote.text
        if quote.location == "heading":
            return NONE  # a quoted title: the speaker, if any, is named in the body
        if _TITLE_AFTER_DASH.match(strip_timestamps(quote.after)):
            return NONE  # `— *Year Four of Platform Shifts* [Author]`: an article's words, not speech
        after = plain(strip_timestamps(quote.after)).strip()
        if not after and next_line is not None:
            after = plain(strip_timestamps(next_line)).strip()
        trailing = self._after(after)
        leading = self._before(quote, context)
        if trailing and leading and trailing.speaker and leading.speaker and trailing.speaker != leading.speaker:
            return NONE  # `Jane said: "..." — John`: the text contradicts itself
        for found in (trailing, leading):
            if found is not None:
                return found
        return self._context(quote, context)

    def _after(self, after: str) -> Attribution | None:
        match = _AFTER_DASH.match(after)
        if match:
            raw = match.group("name")
            if re.match(r"\s*(?:/|&|and\b)\s*[A-Z]", after[match.end():]):
                return NONE  # `— Ana Diaz / Ben Ode`: signed by two, spoken by one of them
            if re.match(r"speaker", raw, re.I):
                return NONE
            name = self.person(raw, allow_new=True) or self.single_name(raw)
            if name:
                return Attribution(name, "dash after")
            if _NON_PERSON.match(raw) or fold(raw) in self.organizations:
                return NONE
            return None
        match = _AFTER_SAID.match(after)
        if match and match.group("name2") and after.rstrip("*_ ").endswith(":"):
            match = None  # `"..." Jane adds: "..."` introduces Jane's next quote, not this one
        if match:
            raw = next(g for g in match.groups() if g)
            name = self.person(raw, allow_new=True)
            if name:
                return Attribution(name, "said after")
            if _NON_PERSON.match(raw) or fold(raw) in self.organizations:
                return NONE
        if re.match(r"^\s*\(\s*(?:section|table|appendix|figure|fig\.?|p\.|§)", after, re.I):
            return NONE
        return None

    def _before(self, quote: Quote, context: ItemContext) -> Attribution | None:
        before = strip_timestamps(quote.before)
        label = _LABEL.match(before)
        if label:
            raw = label.group("name") or label.group("name2") or label.group("name3")
            raw = re.sub(rf"\s+(?:{SPEECH_VERBS})$", "", plain(raw).strip())
            if is_placeholder(raw) or re.match(r"speaker", raw, re.I):
                return NONE
            name = self.person(raw, allow_new=True) or self.single_name(raw)
            if name:
                return Attribution(name, "speaker label")
        clause = _SENTENCE_END.split(plain(before))[-1].strip()
        field = re.match(r"^([^:]{1,40}):\s+(?=\S)", clause)
        if field and is_field_label(field.group(1)):  # `**Substantiation:** Lin Hai said "..."`
            clause = clause[field.end():]
        if not clause:
            return None
        found = self._lead_in(clause, context)
        if found is not None:
            return found
        return None

    def _lead_in(self, clause: str, context: ItemContext) -> Attribution | None:
        """`Jane Roe explains:`, `As Jane put it,`, `He adds:`; a role noun (`The host asks`) or
        an unnamed speaker (`An expert told Zach:`) means nobody we can name."""
        cjk = _CJK_LEAD_IN.search(clause)
        if cjk:  # `李明认为：` — the last two to four characters before the verb that name a known person
            run = cjk.group("run")
            for size in (2, 3, 4):
                name = self.person(run[-size:], allow_new=False) if len(run) >= size else None
                if name:
                    return Attribution(name, "lead-in")
        as_put = _AS_PUT.search(clause)
        if as_put:
            name = self.person(as_put.group("name"), allow_new=True)
            if name:
                return Attribution(name, "as X put it")
        speech_end = bool(_SPEECH_AT_END.search(clause))
        # `Jo said,` / `Jo explains:` introduce a quote; `Jo questions the Act, "a rule that..."`
        # glosses a noun with someone else's words: after a comma the speech verb must end the clause.
        colon = clause.rstrip(" *_").endswith(":") or (clause.rstrip(" *_").endswith(",") and speech_end)
        for candidate in (clause, _LEADING_PHRASE.sub("", clause, count=1)):
            match = _SUBJECT.match(candidate)
            if not match:
                continue
            if colon or speech_end or _SPEECH.search(candidate[match.end("verb") - len(match.group("verb")):]):
                name = self.person(match.group("name"), allow_new=speech_end or colon)
                relayed = _RELAYED.search(candidate[match.end("verb"):])
                if name and relayed and fold(relayed.group("name")) != fold(name):
                    return NONE  # `Jo shares an insight from Ann Lee: "..."`: Ann's words, Jo's voice
                if name:
                    return Attribution(name, "lead-in")
        for candidate in (clause, _LEADING_PHRASE.sub("", clause, count=1)):
            if _PRONOUN.match(candidate):
                if _RELAYED_SPEAKER.search(candidate):
                    return NONE  # `He notes Acme's CTO agrees:`: the words are the CTO's, relayed
                if context.subject and not _names_speaker(self.current_text, context.subject):
                    return Attribution(context.subject, "pronoun")
                return NONE
            if _ROLE_NOUN.match(candidate) and _SPEECH.search(candidate):
                return NONE
        if (colon or speech_end) and _SPEECH.search(clause):
            named = self._names_in(clause)
            if named - {context.subject}:
                return NONE  # someone else is named in the lead-in: not safe to guess
            if self._unknown_speaker(clause):
                return NONE  # `Amelia notes,` names a speaker we cannot resolve: not the paragraph's subject
        return None

    @staticmethod
    def _unknown_speaker(clause: str) -> bool:
        """The lead-in's subject is a capitalized word or name (not `He`, `This`) before its speech verb."""
        for candidate in (clause, _LEADING_PHRASE.sub("", clause, count=1)):
            match = _SUBJECT.match(candidate)
            if match and _SPEECH.match(match.group("verb")):
                first = plain(match.group("name")).split()[0].lower()
                if first not in _COMMON_WORDS and not _PRONOUN.match(first):
                    return True
        return False

    def _context(self, quote: Quote, context: ItemContext) -> Attribution:
        if context.pending:
            return Attribution(context.pending, "lead-in above")
        if context.pending_blocked:
            return NONE
        clause = _SENTENCE_END.split(plain(strip_timestamps(quote.before)))[-1]
        if self._names_in(clause) - {context.subject}:
            return NONE
        if _HEARSAY_BEFORE.search(clause) or _HEARSAY_AFTER.search(plain(quote.after)):
            return NONE
        if re.search(r"\(\s*[*_]*$", quote.before):
            return NONE  # `rejects the usual approach ("we can do it in 72 days")`: an illustration, not a claim
        source = _OTHER_SOURCE.search(clause)
        if source and not self.people.resolve(source.group("name")):
            return NONE  # `what the Wall Street Journal called "..."`: an outlet's words, not the subject's
        candidates = []
        if self.conversation and context.subject:
            candidates.append((context.subject, "item subject"))
        if context.owner and _first_person(quote.text):
            candidates.append((context.owner, "people entry"))
        if self.conversation and self.sole_speaker:
            candidates.append((self.sole_speaker, "sole speaker"))
        for speaker, rule in candidates[:1]:
            if not _names_speaker(quote.text, speaker):
                return Attribution(speaker, rule)
        return NONE

    def lead_in_line(self, text: str, context: ItemContext) -> None:
        """A prose line ending in `:` with no quote on it announces the speaker of what follows."""
        stripped = plain(strip_timestamps(text)).strip()
        context.pending, context.pending_blocked = None, False
        if not stripped.endswith(":"):
            return
        clause = _SENTENCE_END.split(stripped)[-1].strip()
        label = _LABEL.match(text)
        if label:
            raw = label.group("name") or label.group("name2") or label.group("name3")
            name = None if is_placeholder(plain(raw)) else self.person(raw, allow_new=True)
            if name:
                context.pending = name
            elif not re.match(r"(?:key |notable )?quotes?\b", plain(raw), re.I):
                context.pending_blocked = True
            return
        found = self._lead_in(clause, context)
        if found is not None:
            context.pending = found.speaker
            context.pending_blocked = found.speaker is None


# `I` / `we` as words: not the letters of an abbreviation such as "H.I.G." or "U.S.".
_FIRST_PERSON = re.compile(r"(?<![\w.])(?:I|I'm|I've|I'd|I'll|me|my|we|we're|we've|our|us)(?![\w]|\.\w)")
_THIRD_PERSON = re.compile(r"\b(?:he|him|his|she|her|hers)\b", re.I)


def _first_person(text: str) -> bool:
    """A quote in someone's People entry is theirs only if it speaks as `I` or `we`, and does not
    first speak of a `he` / `she` (usually the entry's owner, quoted by someone else: "bring him
    onto the cap table... we're excited"); otherwise it is the article's or a guest's words."""
    first = _FIRST_PERSON.search(text)
    third = _THIRD_PERSON.search(text)
    return bool(first) and not (third and third.start() < first.start())


def _names_speaker(text: str, speaker: str) -> bool:
    """Whether the quote names the candidate (`Morris is one of...`): then it is about them."""
    tokens = {token for token in fold(speaker).split() if len(token) >= 3}
    return bool(tokens & set(fold(text).split()))
