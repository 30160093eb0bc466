"""Who said a quote. Explicit patterns on the quote's own line first, then context (a lead-in
line above, the subject of the item, a pronoun, the owner of a People entry, a sole guest).
A wrong speaker is worse than none: every rule gives up when the text is ambiguous."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from rapidfuzz import fuzz

from kgraph.data import organization_words
from kgraph.extract.alternation import may_spell, one_of, with_capitals
from kgraph.extract.people import PeopleIndex
from kgraph.extract.results import PersonName
from kgraph.names import (
    contains_word,
    fold,
    has_cjk,
    is_placeholder,
    is_possessive_phrase,
    looks_like_person_name,
    plausible_new_person,
    split_camel_case,
    strip_honorific,
)
from kgraph.parse.document import Quote
from kgraph.parse.inline import plain
from kgraph.parse.items import is_field_label
from kgraph.parse.quotes import find_timestamp_start, strip_timestamps, strip_timestamps_ending_sentences

_TOKEN = r"[A-Z\u00c0-\u00de][\w'’.\-]*"
_PARTICLE = r"(?:de|van|von|da|del|der|bin|al|le|la|di|dos)"
# A parenthesis after a name (`Jane Roe (CEO) said`): a line's words at most, so that a name before
# `(` again and again is not read to the end of the text each time
_PARENTHESIS = r"(?:\s*\([^()\n]{0,80}\))?"
NAME = rf"(?:{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_TOKEN}){{0,3}}|[\u3400-\u9fff]{{2,4}})"
# Each pattern that writes NAME costs the compiler a Python step per character of its CJK range
# (over 11 million instructions a copy, at every start): where the name ends the match, or only a
# fixed ending follows it, the code matches `_NAME` and then the ending (see `_name_followed_by`).
_NAME = re.compile(NAME)

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
# Each long list of words is compiled as a tree of shared prefixes (see kgraph.extract.alternation).
_SPEECH_VERB = one_of(SPEECH_VERBS)
_SPEECH = re.compile(rf"\b{_SPEECH_VERB}\b")
_PRONOUN_SPEAKS = re.compile(rf"\b(?:[Hh]e|[Ss]he)\s+(?:\w+ly\s+)?{_SPEECH_VERB}\b")
SOMEONE = "?"  # in `Attribution.context`: a speaker the text names that no known person is
_SPEECH_AT_END = re.compile(rf"\b{_SPEECH_VERB}(?:\s+(?:that|it|this|how|as))?\s*[,:]?\s*$")
_PRONOUN = re.compile(r"^(?:he|she)\b", re.I)
# A clause that opens on its verb of speech, the subject left out (in a person's entry: theirs), not
# a passive (`Described as "..."`, `Quoted by X`).
# (past forms only: `Shares fell`, `Highlights include` open on nouns)
_SUBJECTLESS_SPEECH = re.compile(
    r"^[\W_]*(?:\w+ly\s+)?(?i:said|told|noted|added|explained|argued|warned|wrote|recalled|stated|claimed|predicted|"
    r"insisted|observed|remarked|admitted|acknowledged|emphasized|stressed|suggested|described|asked|answered|"
    r"replied|responded|conceded|countered|quipped|joked|cautioned|declared|confirmed|revealed)\b"
    r"(?!\s+(?i:as|by|in|for|to|of)\b)"
)
# Nouns for what someone said: `Okafor's answer was blunt:`, `His response:`, `her take:`. Any other
# noun after a possessive makes a thing of the person's the subject (`Lena's new chain praised:`,
# `a lesson from Alex's father:`): the words are not theirs.
SPEECH_NOUNS = (
    "answer|answers|response|responses|reply|replies|retort|rejoinder|take|takes|view|views|verdict|advice|point|"
    "points|argument|arguments|words|comment|comments|remark|remarks|message|summary|assessment|explanation|"
    "reasoning|conclusion|rationale|quip|framing|description|prediction|predictions|warning|warnings|pitch|thesis|"
    "pushback|rebuttal|counter|counterpoint|counterargument|observation|observations|insight|insights|"
    "perspective|position|stance|recollection|recommendation|recommendations|suggestion|critique|caution|"
    "reaction|question|questions|line|claim|claims|note|philosophy|mantra|motto|rule|rules|principle|framework|"
    "approach|story|account|logic|case|diagnosis|read|prescription|formula|test|heuristic|vision|bet|thinking|"
    "belief|conviction|promise|admission|confession|estimate|forecast|math|definition|analogy|metaphor|example|"
    "lesson|lessons|takeaway|tip|tips|playbook|strategy|bottom line|characterization|complaint|concern|worry|"
    "hope|experience|anecdote|defense|defence|instruction|instructions|guidance|"
    "quote|quotes|statement|testimony|thoughts|opinion|opinions|sentiment|closing|opening|final|parting|analysis|"
    "methodology|method|process|mindset|outlook|worldview|commentary|breakdown|reflection|reflections|caveat|"
    "caveats|objection|objections|challenge|assertion|contention|hypothesis|theory|proposal|idea|ideas|recipe|"
    "secret|evidence|substantiation|instinct|intuition|rebuke|praise|criticism|retelling|memory|memories|recap|"
    "version"
)
_SPEECH_NOUN = re.compile(rf"^(?:[a-z][\w-]*\s+){{0,2}}?{one_of(SPEECH_NOUNS)}\b")
# A writing of someone's that speaks is theirs: `Dana Ruiz's annual letter warns that`, `Ruiz's memo
# argues:` (a writing that is praised or described is not: `Ruiz's letter was praised:`).
WRITING_NOUNS = (
    "letter|memo|memos|essay|essays|post|posts|tweet|tweets|note|notes|book|books|blog|blog post|newsletter|op-ed|"
    "column|thread|email|e-mail|manifesto|substack|piece|article|paper|report|speech|keynote|talk|testimony|"
    "filing|shareholder letter|investor letter|pitch deck|deck|slide|slides|presentation|lecture|sermon|podcast|"
    "video|interview|remarks|statement|reply|rebuttal|announcement|message|missive|dispatch"
)
_WRITING_SPEAKS = re.compile(
    rf"^(?:[a-z][\w-]*\s+){{0,2}}?{one_of(WRITING_NOUNS)}\s+(?:\w+ly\s+)?"
    + one_of(
        f"{SPEECH_VERBS}|implies|implied|concedes|conceded|proclaims|proclaimed|announces|announced|opens with|"
        "ends with|closes with"
    )
    + r"\b"
)
# `framework argues`, `core thesis holds`: after a possessive name, a word of theirs and its verb
_OWN_WORDS_VERB = re.compile(rf"(?:[a-z][\w-]*\s+){{0,2}}?{one_of(SPEECH_NOUNS)}\s+(?:\w+ly\s+)?(?P<verb>[a-z]+)\b")
# `His response:`, `Her blunt take on it:`: a possessive pronoun and a speech noun stand for a `he` / `she`.
_POSSESSIVE_PRONOUN = re.compile(rf"^(?:his|her)\s+(?:[a-z][\w-]*\s+){{0,2}}?{one_of(SPEECH_NOUNS, True)}\b", re.I)
# Words written about someone, not by them: `Praised for "..."`, `Priya was dubbed "..."`.
_ABOUT_VERBS = (
    "praised|lauded|hailed|celebrated|criticized|criticised|slammed|panned|mocked|ridiculed|described|billed|"
    "touted|labeled|labelled|branded|dubbed|nicknamed|called|credited|blamed|accused|ranked|rated|named|"
    "profiled|featured|cited|applauded|derided|dismissed|characterized|characterised|portrayed|depicted"
)
_ABOUT = re.compile(
    rf"^(?:(?:widely|often|once|long|also|repeatedly|publicly|roundly)\s+)?"
    rf"{one_of(f'{_ABOUT_VERBS}|known|famous|remembered', True)}\b"
    r"|^(?:(?:also|widely|often)\s+)?(?:noted|notable|noteworthy|recognized|recognised|singled out|flagged|valued|"
    r"admired|respected)\s+for\b"
    rf"|\b{one_of('is|was|were|are|been|being|be|gets|got|get', True)}\s+(?:\w+ly\s+)?{one_of(_ABOUT_VERBS, True)}\b",
    re.I,
)
# A speech verb ending the clause, after a conjunction or comma: `Brightwell Bank wants a co-signer,
# but Okafor insists:` — the last clause's speaker, not the sentence's first subject.
_PHRASAL_SPEECH = (
    "pushes back|pushed back|fires back|fired back|shoots back|shot back|weighs in|weighed in|chimes in|"
    "chimed in|cuts in|jumps in|interjects|interjected|retorts|retorted|objects|objected|recalls|concedes|conceded"
)
_CLOSING_SPEAKER = re.compile(
    rf"(?:[,;]\s*|\s+\b(?:but|and|while|yet|whereas|so|then)\s+|\s+[—–]\s+)(?:(?:but|and|while|yet|whereas|so|then)\s+)?"
    rf"(?P<name>{NAME}){_PARENTHESIS}\s+(?:\w+ly\s+)?{one_of(f'{SPEECH_VERBS}|{_PHRASAL_SPEECH}')}"
    rf"(?:\s+[a-z][\w-]*){{0,6}}\s*[:,]\s*$"
)
# Verbs that report a finding or a post rather than speech, yet give the subject the words that
# follow: `Altimeter's Meghan Reynolds calculated that "..."`.
_REPORTING_VERBS = (
    "calculated|calculates|estimated|estimates|projected|found|finds|reported|reports|tweeted|tweets|"
    "posted|posts|testified|testifies|conceded|concedes|announced|announces|vowed|vows|boasted|boasts"
)
# The verbs of speech proper: a stance (`believes`, `thinks`) or a gesture (`shares`, `opens`) after a
# name inside the clause is often the summary's gloss of what someone else said about them.
_TELLING_VERBS = (
    "said|says|told|tells|wrote|writes|noted|notes|added|adds|argued|argues|explained|explains|warned|"
    "warns|stated|states|predicted|predicts|claimed|claims|insisted|insists|cautioned|cautions|stressed|"
    "stresses|observed|observes|remarked|remarks|recalled|recalls|admitted|admits|acknowledged|"
    "acknowledges|declared|declares|emphasized|emphasizes|quipped|quips|joked|jokes|replied|replies|"
    "responded|responds|countered|counters|contended|contends|put it|puts it"
)
# A name right before the verb that ends the lead-in, wherever the clause puts it: `Altimeter partner
# Jo Lee said that`, `Jo Lee of Altimeter calculated`, `Reuters reports Jo Lee, its source, said:`.
# Latin letters only (see NAME): CJK lead-ins have their own rule. `_CAPITALIZED_END`: the text
# before such a name ends in a capitalized word (`Dana Ruiz and Jo Lee said`: the match is `Lee`).
_CAPITALIZED_END = re.compile(rf"{_TOKEN}\s+$")
# `The chair of the Utility Commission said`, `Officials at the Fed said`: a name after a preposition
# or an article is an organization's or a thing's, not the speaker's
_NOT_AFTER_A_PREPOSITION = "".join(
    rf"(?<!\b{word} )" for word in ("of", "at", "for", "from", "with", "in", "by", "the", "The", "to")
)
_NAMED_BEFORE_VERB = re.compile(
    rf"(?<![\w'’.\-])(?<!and )(?<!or )(?<!& ){_NOT_AFTER_A_PREPOSITION}"
    rf"(?P<name>{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_TOKEN}){{0,3}})"
    rf"(?:\s+(?:of|at|from)\s+{_TOKEN}(?:\s+{_TOKEN}){{0,3}})?{_PARENTHESIS}(?:,\s+(?!and\b|or\b)[^,:]{{1,80}},)?"
    rf"\s+(?:\w+ly\s+)?{one_of(f'{_TELLING_VERBS}|{_REPORTING_VERBS}')}"
    r"(?:\s+(?:that|it|this|how|as))?\s*[,:]?\s*[*_]*\s*$"
)
# `Dana credits founder Raj Patel as "..."`, `Dana calls the plan "..."`: the subject's own words
# characterizing someone or something, right before the quote.
_CHARACTERIZES = re.compile(
    r"(?:credits|credited|calls|called|dubs|dubbed|labels|labeled|labelled|brands|branded|hails|hailed|deems|deemed)"
    r"(?:\s+[\w'’.-]+){1,7}\s*[*_]*$"
)
# Verbs that take a stance in words: with a colon they introduce the subject's own quote, so an
# unknown name before them may be a new person (`Harry Stebbings pushed back:`), unlike a verb of
# doing (`Bending Spoons operates as a hybrid:`).
_STANCE = re.compile(
    r"\b"
    + one_of(
        f"{_PHRASAL_SPEECH}|challenges|challenged|defends|defended|rejects|rejected|disagrees|disagreed|"
        "doubles down|doubled down|crystallizes|crystallized|illustrates|illustrated|underscores|underscored|"
        "clarifies|clarified|reasons|reasoned|proposes|proposed|recommends|recommended|advocates|advocated|"
        "frames|framed|sums up|summed up|gives|gave|offers|offered|pushes|pushed|reiterates|reiterated|"
        "acknowledges|acknowledged|reveals|revealed|describes|described|summarizes|summarized|signals|signaled|"
        "signalled|inverts|inverted|reframes|reframed|flips|flipped|distills|distilled|implies|implied|recasts|"
        "rephrases|rephrased|restates|restated|boils it down|boiled it down|condenses|condensed|reverses|reversed|"
        "turns it around|turned it around|turns this around|sharpens|sharpened|refines|refined|generalizes|"
        "generalized|extends|extended|qualifies|qualified|nuances|complicates|complicated|simplifies|simplified|"
        "translates|diagnoses|diagnosed|spells out|spelled out|lays out|laid out|draws|drew|distinguishes|"
        "distinguished"
    )
    + r"\b"
)
# What an analyst's paragraph says its subject does with a view of theirs (`Thompson maps three
# shifts`, `makes a brief but notable point`), read only for a paragraph above a block quote.
_ANALYZES = re.compile(
    r"(?:maps|mapped|outlines|outlined|traces|traced|sketches|sketched|identifies|identified|asserts|asserted|"
    r"breaks from|broke from|walks through|walked through|unpacks|unpacked|dissects|dissected|contrasts|contrasted|"
    r"critiques|critiqued|(?:makes|made)\s+(?:[\w-]+\s+){0,4}?(?:point|case|argument|observation|prediction))\b"
)
# A sentence opening with a subordinate clause: the main clause, and its subject, follow a comma.
_SUBORDINATE = re.compile(
    r"^(?:"
    + one_of(
        "while|as|when|after|although|though|because|since|if|despite|unlike|like|before|once|even as|rather than|"
        "where|whereas|given|beyond|besides|in contrast to|compared to|compared with|on|in|for|with|contrary to|"
        "against|instead of|far from|in response to|asked about|when asked",
        True,
    )
    + r"|[a-z]{3,}ing)\b",
    re.I,
)
# A saying the text cites rather than anyone's claim: `the old creed of "..."`, `a familiar mantra: "..."`.
_SAYING_BEFORE = re.compile(
    r"\b"
    + one_of("the|a|an|that|this|old|familiar|classic|popular|common|famous|tired|standard|usual|conventional", True)
    + r"\s+(?:[\w-]+\s+){0,2}"
    + one_of(
        "creed|mantra|slogan|adage|saying|motto|maxim|proverb|cliche|cliché|refrain|catchphrase|dictum|trope|axiom|"
        "truism|meme|platitude|rallying cry|bromide|aphorism|orthodoxy|dogma|doctrine|gospel|ethos|credo|ideology|"
        "phrase|expression|buzzword|byword|watchword",
        True,
    )
    + r"s?\s*(?:of|that|is|was|goes|says|holds|[:,—–-])?\s*[*_]*\s*$",
    re.I,
)
_POSSESSIVE_NAME = re.compile(r"(?P<name>[A-Z\u00c0-\u00de][\w.\-]*(?:\s+[A-Z\u00c0-\u00de][\w.\-]*){0,3})['’]s\s+")
_RELATIVES = (
    "father|mother|dad|mom|mum|wife|husband|son|daughter|brother|sister|parents|grandfather|grandmother|"
    "uncle|aunt|partner|co-?founder|boss|mentor|friend|colleague|coach|teacher|investors?|board"
)
# `his father's advice:`, `her mentor told her:`: someone else of the subject's speaks.
_RELATIVE = re.compile(rf"\b(?:his|her|their)\s+(?:late\s+|own\s+|old\s+|former\s+)?(?:{_RELATIVES})\b(?!['’]s)", re.I)
# `He references William Macy's line from Magnolia:`: someone else's words, relayed (but `Jo
# challenges Lee's assertion:` answers them in Jo's own words).
_RELAYED_POSSESSIVE = re.compile(
    r"\b"
    + one_of(
        "quot|cit|referenc|recall|repeat|invok|borrow|paraphras|shar|echo|channel|recount|remember|learn|read|adopt|"
        "relay|pass"
    )
    + r"\w*\s+(?:[\w-]+\s+){0,3}?"
    rf"[A-Z\u00c0-\u00de][\w.\-]*['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}?{one_of(SPEECH_NOUNS)}\b"
)
# `Priya quotes Lee's memo:`, `Priya reads Lee's bio:`: a host reading out a text of someone else's; the
# text is its author's when it is a writing or words of theirs (`memo`, `letter`, `words`), nobody's
# otherwise (a bio is written about Lee, not by him).
_READS_OUT = re.compile(
    r"\b"
    + one_of(
        "quotes|quoted|quoting|cites|cited|citing|reads|read|reading|recites|recited|reciting|excerpts|excerpted|"
        "reads out|read out|reads aloud|read aloud|paraphrases|paraphrased|relays|relayed"
    )
    + r"\s+(?:from\s+)?"
    r"(?P<name>(?:[A-Z\u00c0-\u00de][\w.\-]*\s+){0,3}[A-Z\u00c0-\u00de][\w.\-]*)['’]s\s+"
    r"(?P<noun>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)(?:\s+(?:aloud|out))?"
    r"(?:\s+(?:on|at|in|during|to)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?"
    r"\s*[*_]*\s*[:,]?\s*[*_]*\s*$"  # (`Yusra's closing line on stage:`)
)
# Words read out or quoted from a text or someone the lead-in does not name as their own: `Harlan
# quoted:`, `He continued reading:`, `Bee read from his note:`, `Reading from the post-mortem, ...
# quoted:`; `read a question from Wren, a founder in Tulsa:` and `read out the email her co-founder
# Reuben Lind sent her:` name whose words they are.
_READ_FROM_TEXT = re.compile(
    r"\b(?:quoted|quoting|continued\s+reading|kept\s+reading|(?:reads|read|reading)\s+(?:aloud|out)|reading)\s*[*_]*:"
    r"|\b(?:reads|read|reading|quotes|quoted|quoting|recites|recited|reciting)(?:\s+(?:aloud|out|on\s+air))?\s+"
    r"(?:from\s+(?P<source>(?:the|a|an|his|her|their|its)\s+[^\"“”:]{1,100})"
    # (`a LinkedIn post`: a platform's name may say what it is)
    r"|(?:a|an|the|one)\s+(?:[a-z][\w-]*\s+|[A-Z][\w-]*\s+){0,2}?(?:question|email|e-mail|message|text|letter|note|"
    r"review|comment|voicemail|tweet|post|reply|excerpt|passage|statement)s?(?P<tail>\s+[^\"“”:]{1,200})?)\s*[*_]*:"
)


# The patterns this module compiles on first use (`@cache` functions) are asked only by rare
# lead-ins, none in most builds: compiled at import, each (a copy of the speech verbs, a class with
# `’` or a CJK range) would cost every build a millisecond or so.
@cache  # compiled on first use: asked only once a lead-in reads from a text (`_READ_FROM_TEXT`)
def _then_speaks() -> re.Pattern[str]:
    """Someone else speaking after the reading (`read a listener question and Jo Lee answered:`)."""
    return re.compile(rf"\b(?:and|then|but|before|while)\s+(?:[A-Z][\w'’.-]*\s+){{0,3}}(?:\w+ly\s+)?{_SPEECH_VERB}\b")


@cache  # compiled on first use: asked only once a lead-in reads from a text (`_READ_FROM_TEXT`)
def _read_author() -> re.Pattern[str]:
    return re.compile(
        r"^\s+(?:(?:written|posted|sent|shared|left)\s+by|from)\s+(?P<from>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
        # (`that Ernesto Valdivia, operations manager at Farmacias Almara, sent her`: past an apposition)
        r"|\s(?P<writer>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?:,[^,:\"“”]{1,80},)?\s+(?:had\s+)?"
        r"(?:sent|wrote|posted|texted|emailed|left)\b"
    )


@cache  # compiled on first use: only a lead-in that reads out someone's text asks (few documents have one)
def _own_words() -> re.Pattern[str]:
    return re.compile(
        r"(?:[a-z][\w-]*\s+){0,2}?"
        + one_of(f"{WRITING_NOUNS}|words|line|lines|quote|quotes|advice|maxim|warning|prediction|tweet|answer|response")
    )


# `companies that were initially saying they "..."`: a group's words, not the paragraph subject's.
_GROUP_SAYING = re.compile(
    r"\b"
    + one_of(
        "companies|firms|bidders|buyers|sellers|rivals|competitors|incumbents|regulators|lawmakers|politicians|"
        "governments|banks|funds|VCs|startups|people|critics|investors|founders",
        True,
    )
    + r"\s+(?:that|who)\s+(?:[\w'’-]+\s+){0,3}?"
    + one_of("saying|say|said|claiming|claim|claimed|insisting|arguing|argued|calling|called", True)
    + r"\b",
    re.I,
)
# `Winston, the founder, noted as having "..."`: words describing the subject, said by someone else.
_DESCRIBED_AS = re.compile(
    r"\b(?:noted|seen|regarded|viewed|described|cited|known|remembered|hailed|billed|touted|praised|credited)\s+"
    r"(?:as|for)\s+(?:having|being)\b",
    re.I,
)
# `Students consistently report that "..."`: a crowd's words, not the paragraph subject's.
_CROWD_SOURCE = re.compile(
    r"\b"
    + one_of(
        "students|critics|analysts|skeptics|sceptics|observers|commentators|fans|detractors|supporters|reviewers|"
        "customers|users|employees|insiders|people|everyone|many|others|respondents|experts|economists|researchers|"
        "investors|founders|executives|engineers|lawyers|teachers|parents|viewers|listeners|readers",
        True,
    )
    + r"\s+(?:\w+ly\s+)?"
    + one_of(
        "report|reported|reports|say|said|says|argue|argued|call|called|describe|described|note|noted|claim|claimed|"
        "complain|complained|tell|told|agree|agreed|insist|insisted|warn|warned|write|wrote|joke|joked|ask|asked|"
        "describe|quip|quipped",
        True,
    )
    + r"\b",
    re.I,
)


_INNER_VERBS = (
    "said|says|wrote|writes|posted|posts|told|tweeted|added|adds|noted|notes|explained|explains|argued|argues"
)
_INNER_VERB_WORDS = tuple(_INNER_VERBS.split("|"))


@cache  # compiled on first use: it is tried only on a quote that opens with a long single-quoted run
def _inner_attribution() -> re.Pattern[str]:
    """`"'Spreadsheets are dead,' CEO Ruth Amsel wrote on LinkedIn."`: the attribution inside the quote."""
    return re.compile(
        rf"^['‘](?P<words>[^'‘’]{{12,}}?)[,.!?]?['’][,.]?\s+(?P<who>(?:[A-Za-z][\w.&'’-]*\s+){{0,3}}?{NAME})\s+"
        rf"(?:{_INNER_VERBS})\b"
    )


_SINGLE_QUOTES = frozenset("'‘’")
# A quote that opens by reporting someone: up to three words of organization or title, a full name,
# a verb of speech (`Rivian founder RJ Scaringe says`, `CEO Jensen Huang said that`).
_REPORTED_OPENING = re.compile(
    r"(?:(?:[A-Z][\w&.'’-]*|founder|co-founder|cofounder|chief|partner|president|chair|head|executive|"
    r"investor|analyst|director)\s+){0,3}?"
    rf"(?P<name>{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_TOKEN}){{1,2}})\s+"
    r"(?:says|said|told|tells|argues|argued|warns|warned|wrote|writes|adds|added|notes|noted|explains|explained)\b"
)


def _attribution_inside(text: str) -> re.Match[str] | None:
    """`_inner_attribution().match(text)`, tried only on a text that has what the pattern needs: an
    opening single quote, then twelve characters that are none, and one of its verbs (so that most
    builds never compile the pattern)."""
    if not (text.startswith(("'", "‘")) and len(text) > 13 and _SINGLE_QUOTES.isdisjoint(text[1:13])):
        return None
    if not any(verb in text for verb in _INNER_VERB_WORDS):
        return None
    return _inner_attribution().match(text)


# `One early customer told her "..."`: someone unnamed speaks inside a named person's paragraph.
_UNNAMED_SOURCE = re.compile(
    r"\b"
    + one_of("a|an|one|another|some|his|her|their", True)
    + r"\s+(?:[\w-]+\s+){0,2}?"
    + one_of(
        "customer|client|investor|founder|friend|user|employee|executive|engineer|banker|partner|analyst|reporter|"
        "journalist|critic|colleague|source|person|woman|man|buyer|seller|rival|competitor|manager|director|staffer|"
        "insider|official|lp|backer|board member|skeptic|sceptic",
        True,
    )
    + r"\s+(?:\w+ly\s+)?"
    + one_of(
        "told|tells|said|says|asked|asks|wrote|writes|put it|called|calls|described|joked|warned|warns|replied|"
        "insisted|complained|admitted",
        True,
    )
    + r"\b",
    re.I,
)
# `Orbex engineers told him "..."`, `A customer once told Tove:`: the words are the teller's, whom
# the quote follows; the one told is only listening.
_TOLD_END = re.compile(
    r"(?:\s+(?:has|have|had|once|often|always|\w+ly))*\s+"
    r"(?:told|tells|asked|asks|warned|warns|reminded|reminds|texted|texts|emailed|emails|messaged|wrote\s+to|writes\s+to)\s+"
    r"(?:him|her|them|me|us|you|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?|(?:the|his|her|their|a|an)\s+[\w-]+(?:\s+[A-Z][\w'’-]*)?"
    # `reporters`, `new staff`, `"The Orbex Show"`
    r"|(?:[a-z]+\s+)?(?:[a-z]+s|staff|team|audience|crowd)\b|[*_\"“]+[A-Z][^*_\"“”]{0,40}[*_\"”]+)"
    # (then when: `told him after the first month`, `told her the week before the layoff`)
    r"(?:\s+(?:after|before|during|when|once|on|in|at|over|the|that|last|early|later)(?:\s+[a-z][\w'’-]*){0,5})?"
    r"(?:\s+that)?\s*[:,]?\s*$"
)
# One of these is in every lead-in `_TOLD_END` finds (tested first: most lead-ins have none).
_TELLING_STEMS = ("told", "tells", "ask", "warn", "remind", "text", "mail", "messaged", "wrote", "writes")


# A teller set with a description between commas: the name, then the description, or a description
# naming them (`her lead investor, Thaddeus Greer of Sablecrest Partners,`; its organization left out).
@cache  # compiled on first use: asked only of a teller followed by a comma (`_teller`)
def _apposed_teller() -> re.Pattern[str]:
    return re.compile(
        r"(?:,\s+(?P<named>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})(?:\s+(?:of|at|from)\s+[^,]{1,60})?"
        r"|(?P<name_before>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}),\s+(?:(?:a|an|the|his|her|their)\s+|(?=[a-z]))[^,]{1,80}),$"
    )


# Words that end the teller's noun phrase, read backwards from `told`.
_TELLER_BOUNDARY = frozenset(
    "that who which what when and but as because after while says said mentions mentioned recalls recalled explains "
    "explained notes noted adds added reveals revealed shares shared describes described how where".split()
)


_ROLE_NOUN = re.compile(
    r"^(?:the|a|an|one|another)\s+(?:[\w-]+\s+){0,3}?(?:(?:co-?)?hosts?|guest|article|author|authors|paper|"
    r"report|newsletter|post|piece|story|team|researchers?|interviewer|moderator|narrator|writer|"
    r"editor|analysts?|expert|executive|founder|investor|source|sources|study|memo|filing|"
    r"statement|spokesperson|company|firm|lawsuit|complaint|judge|ruling|survey|email|release|"
    r"announcement|blog|letter|documents?|abstract|section|figure|table|listeners?|callers?|viewers?|readers?|"
    r"panelists?|audience)\b",
    re.I,
)
# Job titles written before a name: the name is what follows (`CEO Ruth Amsel`, `Host Priya Nandakumar`).
# (each word also capitalized, grouped by first letters: at each word a title may open on, the
# engine tests a branch per letter, not each of 45 branches in turn)
_TITLE_WORD = one_of(
    with_capitals(
        "CEO|CTO|CFO|COO|CPO|CMO|GP|VP|SVP|EVP|host|co-host|cohost|guest|founder|co-founder|cofounder|managing|"
        "general|senior|chief|executive|partner|chairman|chairwoman|chair|director|analyst|investor|author|"
        "reporter|editor|deputy|commissioner|associate|"
        # (the words of a chief officer's title: `chief financial officer`)
        "financial|operating|technology|product|marketing|revenue|investment|officer|vice|president|"
        "spokesperson|spokeswoman|spokesman"
    )
)
# (after the organization whose title it is: `Brisa CEO Devika Rao`, `Orbex's chief Jo Lee`)
_JOB_TITLE = re.compile(rf"^(?:(?:[A-Z][\w&.+-]*(?:['’]s)?\s+){{1,3}}(?={_TITLE_WORD}\s))?(?:{_TITLE_WORD}\s+)+")
# A name opening on a post's words (`Chief Scientist`, `Host Priya`), not a surname that is one (`Jennifer Senior`)
_OPENS_ON_A_POST = re.compile(rf"(?:{_TITLE_WORD}\s+)+")
# A title and the organization it is at, before a name: `Greywater managing director `, `CEO `.
_TITLE_BEFORE_NAME = rf"(?:[A-Z][\w&.+-]*(?:['’]s)?\s+){{0,3}}(?:{_TITLE_WORD}\s+)+"
# A title set before a name between commas: `Its CEO, `, `Acme's chief financial officer, `.
# (a firm may be a partner or an investor: `Its investor, Andreessen Horowitz, wrote` names one, which
# `person` tells by the data or by the kind word its name ends on: `Corvane Capital`)
_PERSONS_TITLE = (
    r"(?:CEO|CTO|CFO|COO|CPO|CMO|[Ff]ounder|[Cc]o-?founder|[Cc]hairman|[Cc]hairwoman|[Pp]resident|"
    r"[Cc]hief\s+(?:[a-z]+\s+){0,2}officer|[Mm]anaging\s+director|(?:[Gg]eneral\s+)?[Pp]artner|[Ii]nvestor)"
)
_APPOSED_TITLE = re.compile(
    rf"^(?:(?:[Ii]ts|[Tt]heir|[Tt]he|[Hh]is|[Hh]er|[A-Z][\w&.+-]*['’]s)\s+)?(?:[Cc]o-?founder\s+and\s+)?{_PERSONS_TITLE},\s+(?=[A-Z])"
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
# (grouped by first letter: a clause's first word is tested against the few words that open on its letter)
_LEADING = (
    "as|but|and|so|yet|here|still|meanwhile|similarly|later|instead|indeed|then|again|finally|ultimately|also|"
    "one of|among"
)
_LEADING_WORDS = rf"(?i:{one_of(_LEADING, True)})\b,?\s+"
_LEADING_PHRASE = re.compile(rf"^(?:{_LEADING_WORDS}|[^,:\"]{{1,80}},\s+)")
# (without a comma, only a leading word can match: the phrase's 80 characters are not read)
_LEADING_WORD = re.compile(rf"^{_LEADING_WORDS}")
# `shares an insight from Ann Lee`, `quoting Ann Lee`: the words are relayed, not the speaker's own.
_RELAYED = re.compile(
    r"\b(?:(?:insight|advice|words?|quote|line|lesson|story|wisdom|observation|point|maxim)\s+(?:\w+\s+){0,2}from"
    r"|quoting|quotes|citing|cites|paraphrasing)\s+(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)+)"
)
# A subject's verb that relays the words of whoever it names next (`Jane Roe quoted Steve Jobs:`).
_QUOTING_VERBS = frozenset(
    "quoted quotes quoting cited cites citing invoked invokes paraphrased paraphrases channeled channels".split()
)
_RELAY_TAIL_WORDS = 3  # after the person relayed: `as saying:`, `'s line:`
_NAMED_NEXT = re.compile(r"\s+(?:the\s+late\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
# Someone the sentence does not name, as its subject: `One physician`, `A buyer`, `Another founder`.
_INDEFINITE_SUBJECT = re.compile(
    r"^(?:(?:A|An|One|Another|Some)\s+(?:of\s+)?[a-z]|(?:Someone|Somebody|Anyone|Everyone|Nobody|No one)\b)"
)
# An unnamed person opening a lead-in (`An airline planner she works with put it bluntly:`), not
# an unnamed thing (`A brief but significant comment:`)
_SOMEONE_UNNAMED = re.compile(
    r"\b(?i:a|an|one|another|some)\s+(?:[\w-]+\s+){0,3}?"
    + one_of(
        "planner|engineer|customer|client|investor|founder|executive|manager|director|analyst|banker|partner|friend|"
        "colleague|user|employee|official|spokesperson|spokeswoman|spokesman|source|farmer|dealer|doctor|physician|"
        "nurse|veterinarian|vet|teacher|student|buyer|seller|operator|owner|competitor|rival|regulator|lawyer|"
        "consultant|advisor|adviser|reporter|journalist|listener|viewer|reader|worker|driver|pilot|technician|"
        "scientist|researcher|professor|economist|trader|broker|landlord|tenant|parent|mother|father|person|woman|"
        "man|guy|executives|customers|investors|founders|engineers|officials",
        True,
    )
    + r"s?\b"
)
# A sentence whose subject addresses someone else as `him` or `her`: `Li Wen asks him to ...`.
# (`her` only before a word an object takes: `pressed her on`, not the possessive `her plan`)
_ADDRESSED = re.compile(r"\b(?:(?P<he>him)|(?P<she>her)\s+(?:on|to|about|whether|if|why|how|what|for|with|again))\b")
# An answer opening a sentence: `Her answer was`, `His reply:`, `She responded that`.
_ANSWER_OPENS = re.compile(
    r"(?:(?:His|Her|Their)\s+(?:\w+\s+)?(?:answer|response|reply|retort|rejoinder)"
    r"|(?:He|She|They)\s+(?:\w+ly\s+)?(?:answered|replied|responded|retorted|countered|shot\s+back))\b"
)
_GENDERED_PRONOUN = re.compile(r"^(?:(?P<he>he|his)|(?P<she>she|her))\b", re.I)
# A quote field that credits its speaker in parentheses: `Quote (Okonjo, recalling the pitch)`.
_CREDITED_FIELD = re.compile(
    r"^(?i:(?:key\s+|notable\s+)?quotes?)\s*\((?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?:[,;][^()]*)?\)$"
)
# A sentence opening on its source, then a colon before the quote: `According to Adebayo, this was ...:`.
# (a capital: the sentence's own start, not the rest of one after a quote: `"..." according to X, who`)
_ACCORDING_OPENS = re.compile(r"^According\s+to\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}),\s")
# Words the subject passes on from someone the text does not name: `quotes a former colleague
# describing ...:`, `cites an investor who put it this way:` (not `his own memo`).
_QUOTES_UNNAMED = re.compile(
    r"\b(?:quotes|quoted|quoting|cites|cited|citing|paraphrases|paraphrased|relays|relayed)\s+"
    r"(?:a|an|one|another|his|her|their)\s+(?!own\b)[^\"“”:]*:\s*[*_]*\s*$"
)


def _search_before_the_colon(pattern: re.Pattern[str], clause: str) -> re.Match[str] | None:
    """`pattern.search(clause)` for a pattern that ends on the clause's final colon, read from its last
    quotation mark or colon before that one: what the pattern can match lies there, and a search over
    the whole clause would rescan it from every verb (quadratic in a hostile clause)."""
    end = len(clause.rstrip(" *_"))
    if not clause.endswith(":", 0, end):
        return None
    start = max(clause.rfind(mark, 0, end - 1) for mark in ':"“”') + 1
    return pattern.search(clause, start)


def _quotes_unnamed(clause: str) -> bool:
    """`_QUOTES_UNNAMED.search(clause)`, read as `_search_before_the_colon` reads."""
    return _search_before_the_colon(_QUOTES_UNNAMED, clause) is not None


# `He references Dario from Anthropic:`: someone named, whose words the pronoun's person relays.
_RELAYS_NAMED = re.compile(
    r"^(?i:he|she|they)\s+(?:\w+ly\s+)?(?i:references|referenced|cites|cited|quotes|quoted|invokes|invoked|"
    r"recalls|recalled|paraphrases|paraphrased|channels|channeled|echoes|echoed|borrows|borrowed)\s+"
    # the name ends the lead-in (`He cites Acme, where` relays none); `Acme's CTO` is left to the quote
    r"(?:the\s+)?[A-Z][\w.&-]*\b(?!['’]s)[^\"“”:]*:\s*[*_]*\s*$"
)
# A second speaker, named or by role, whose speech verb ends the lead-in: `He notes Acme's CTO agrees:`.
_RELAYED_SPEAKER = re.compile(
    rf"^(?i:he|she)\s+\S+\s+.*\b[A-Z][\w.&-]*(?:['’]s)?(?:\s+[\w-]+){{0,2}}\s+{_SPEECH_VERB}\s*[:,]?\s*$"
)


@cache  # compiled on first use, for a clause holding CJK: its range costs the compiler a step a character
def _cjk_lead_in_pattern() -> re.Pattern[str]:
    return re.compile(
        r"(?P<run>[\u4e00-\u9fff]{2,12}?)(?:认为|说|表示|指出|提到|解释|强调|坦言|透露|补充|回忆|谈到|直言|介绍|分享|总结|感叹|追问|问|回答|答|回应|反问|承认|笑称|坦承|警告|预测|写|声称|宣称)道?\s*[:：,，]?\s*$"
    )


def _cjk_lead_in(clause: str) -> re.Match[str] | None:
    """`李明认为：`: a CJK name run before a speech verb ending the clause."""
    return _cjk_lead_in_pattern().search(clause) if has_cjk(clause) else None


# A relative clause telling what the person before it said: `Mara Lind, who told him that`.
_WHO_TOLD = re.compile(
    r",\s+who\s+(?:had\s+|has\s+)?(?:told|tells|said|says|explained|explains|warned|warns|noted|notes|added|adds|"
    r"wrote|writes|argued|argues|put\s+it)\b[^\"“”:]{0,40}(?::\s*[*_]*\s*)?$"  # (`, who told her:` too)
)
_PARENTHESES = re.compile(r"\s*\([^()]{0,60}\)")
# Endings of a firm's name the data's lists leave out, that tell an antecedent is no person.
_FIRM_ENDINGS = frozenset(
    "securities bank holdings associates research analytics media news times journal post".split()
)
_ANTECEDENT_TAIL = re.compile(r"(?:,?\s+(?:of|at|from|with)\s+[^,]{1,60})$")  # `of Zhongtai Securities`
# `, business manager of X`, `, a cardiologist`: a description of the name before it (an article, or a
# post among its first words), not a clause of its own (`, she phoned her accountant`)
_DESCRIPTION_TAIL = re.compile(
    r",\s+(?:(?:a|an|the|his|her|their)\s+[a-z][^,]{0,100}|(?:[a-z][\w-]*\s+){0,2}"
    r"(?:manager|founder|partner|director|head|chief|officer|president|executive|analyst|investor|engineer|"
    r"researcher|scientist|professor|editor|reporter|lead|leader|owner|chair|secretary)\b[^,]{0,100})$"
)
_ANTECEDENT_WINDOW = 300


@cache  # compiled on first use: asked only of a `, who told` clause (`Attributor._antecedent`)
def _antecedent_name() -> re.Pattern[str]:
    return re.compile(r"(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}|[\u4e00-\u9fff]{2,4})$")


# A Chinese sentence ends at these marks; its lead-in to a quote at a colon (or a comma).
_CJK_SENTENCE_END = re.compile(r"[。！？；!?;]\s*")
_CJK_LEAD_END = re.compile(r"(?:[：:，,]|——)\s*[*_]*\s*$")
# `她补充道：`, `她的理由是…：`: she or he (not 她们 / 他们, they; not 其他, other) opens the sentence.
_CJK_PRONOUN = re.compile(r"^[*_]*(?:她|他)(?![们們人])")
# What a person's `的` may open that is their words: `宋予安的回答是`, `她的判断是`.
_CJK_OWN_WORDS = re.compile(r"(?:回答|判断|看法|观点|说法|解释|理由|回应|结论|意思|原话)")
# Words of speech or opinion: those that make a given name alone the person speaking (`予安认为`),
# then those a sentence a person opens may hold besides (`宋予安持相反观点`).
_CJK_SAYS = "认为|说|表示|指出|称|提到|解释|强调|坦言|透露|补充|回忆|谈到|直言|判断|觉得|相信"
_CJK_GIVEN_NAME_SPEAKS = re.compile(rf"的{_CJK_OWN_WORDS.pattern}|(?:{_CJK_SAYS})")
_CJK_SPEECH_WORDS = re.compile(rf"{_CJK_SAYS}|介绍|分享|总结|观点|看来|承认|预测|反驳|回答")
# `罗安然问陈慕瑶…。她回答道：`: the one asked answers; `罗安然引用了乔布斯的一句话：` relays another's words.
_CJK_ANSWER = re.compile(r"回答|答道|答复|回应")


@cache  # compiled on first use: asked only of a Chinese lead-in that answers (`Attributor._cjk_lead_in_sentence`)
def _cjk_asked() -> re.Pattern[str]:
    return re.compile(r"问(?!题)(?P<run>[\u4e00-\u9fff]{2,4})")


# relaying someone's words (`引用了乔布斯的一句话`), not citing data (`引用了一组内部数据`)
_CJK_RELAYS = re.compile(r"(?:引用|引述|转述|援引).*(?:的话|一句话|名言|说过|的观点)")


# A clause of a Chinese sentence, and the conjunction opening it (`…，但陈慕瑶认为…`: but 陈慕瑶 thinks).
_CJK_CLAUSE = re.compile(r"[，,、]\s*(?:但是|但|而且|而|并且|不过|可是|然而|因此|所以|同时)?")


def _cjk_sentences(clause: str) -> list[str]:
    return [sentence for sentence in _CJK_SENTENCE_END.split(clause) if sentence.strip()]


# After a quote, words that make it an example of a kind (`"where did I put my keys" style questions`).
# (possessive runs of space and emphasis: two runs of white space in a row made a long run quadratic)
_EXAMPLE_AFTER = re.compile(r"^[\s*_]*+-?(?:style|type|kind of|sort of)\b(?!\s+(?:the|a|an|his|her|their)\b)")
_TITLE_AFTER_DASH = re.compile(r"^[\s*_]*+(?:[—–]|--?)\s*+(?:\*(?!\*)|_(?!_))[^*_]*?(?:\S+\s+){3}")
_OTHER_SOURCE = re.compile(
    # (a name opens a word: tried from every capital inside one long word, the search was quadratic)
    r"(?<![\w&.'’-])(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s+(?:called|calls|dubbed|dubs|reported|reports|wrote|writes|"
    r"described|describes|put it|termed|terms)\b[^\"]*$"
)
# A quote framed as what "the narrative" / "the press" / "the conventional wisdom" says is nobody's
# in the episode, whoever the paragraph is about.
_HEARSAY_BEFORE = re.compile(
    r"\b(?:narratives?|conventional wisdom|consensus|common (?:belief|view|refrain)|mantras?|slogans?|"
    r"adage|saying)\s+(?:is|was|says|holds|goes)\b|\bso-called\s*$",
    re.I,
)
_HEARSAY_AFTER = re.compile(r"^\W*(?:press|media|headlines?|coverage|narratives?)\b", re.I)
# A sentence's end mark, then (group 1) the closing marks and spaces between it and the next
# sentence. The end mark is matched, not looked behind for: a pattern that starts with a
# character class is searched for twice as fast as one that starts with a look-behind.
_SENTENCE_END = re.compile(
    r"[.!?…](?<!\b(?:Sen|Rep|Gov|Mrs|Gen)\.)(?<!\b(?:Dr|Mr|Ms|St)\.)(?<!\bProf\.)"
    r"([\"'”*_)\]]*\s+)(?=[\"“*_(\[]*[A-Z\u3400-\u9fff])"
)
# Where the subject works, set after the name: `of the Public Utility Commission of Texas`, `at Affirm`
_SUBJECTS_ORGANIZATION = (
    rf"\s+(?:of|at|from)\s+(?:the\s+)?{_TOKEN}(?:\s+(?:(?:of|for|&)\s+(?:the\s+)?)?{_TOKEN}){{0,5}}"
)
# `Jane Roe explains`, `Jane, who ran X, notes`, `Jane Roe (CEO) adds`
_SUBJECT = re.compile(
    # (an apposition of up to two parts: `Ana Beltrão, a partner at Corvid, which invested in X, pushed back`;
    # an organization: `Rosa Delgado-Finch of the Utility Commission defended it`)
    rf"^(?P<name>{NAME})(?P<possessive>’s|'s)?{_PARENTHESIS}(?:{_SUBJECTS_ORGANIZATION})?"
    rf"(?:(?:,\s+(?!and\b|or\b)[^,:]{{1,160}}){{1,2}},|\s+[—–]\s+[^—–:]{{1,60}}?\s+[—–])?\s+(?:\w+ly\s+)?"
    r"(?P<verb>(?!(?:and|or|all|both|who|whom|whose|which|the|a|an|of|in|at|on|for|to|with|from|by|nor|each)\b)[a-z][\w-]*)"
)
_AS_PUT = re.compile(
    # (a title may come between: `Per Greywater managing director Colm Fitzhugh:`)
    rf"\b(?i:as|in|per|according to|quoting|from)\s+(?:{_TITLE_BEFORE_NAME})?"
    rf"(?P<name>{NAME})(?:’s|'s)?"
    rf"(?:\s+{one_of(f'{SPEECH_VERBS}|words|view|telling|framing|account')})?\s*[,:]?\s*$"
)
# `Revenue grew "faster than planned," with Ruiz confirming "..."`: the participle's subject speaks the
# quote that follows it.
_WITH_PARTICIPLE = re.compile(
    rf"\bwith\s+(?P<name>{NAME})\s+(?:\w+ly\s+)?(?:confirming|adding|noting|saying|explaining|arguing|warning|"
    r"insisting|observing|conceding|quipping|joking|predicting|countering|responding|replying|admitting|"
    r"acknowledging|stressing|emphasizing|pointing out|calling it|writing|describing it|recalling|promising|"
    r"cautioning|remarking|declaring|vowing|boasting|conceding)(?:\s+that)?\s*[,:]?\s*[*_]*$"
)
# `..., which Ruiz credits with "..."`, `a rule that Ruiz calls "..."`, `..., which Ruiz notes "..."`:
# the characterization (or the remark) is Ruiz's words.
_RELATIVE_CHARACTERIZES = re.compile(
    rf"\b(?:which|that|what)\s+(?P<name>{NAME})\s+(?:\w+ly\s+)?(?:credits|credited|calls|called|dubs|dubbed|"
    r"labels|labeled|labelled|describes as|described as|likens to|likened to|brands|branded|terms|termed|"
    r"notes|noted|says|said|argues|argued|observes|observed|warns|warned|adds|added|points out|pointed out)"
    r"(?:\s+(?:it|this|that|them|him|her|with|as|to))?\s*[*_]*$"
)
# A short quoted phrase (no claim) right before a quote: it belongs to the lead-in of the quote
# (`Jo described her "aha moment": "..."`, `Noted for "organic growth" and "..."`).
# (possessive runs: three runs of white space in a row made a search of a long run cubic)
_PHRASE_BEFORE = re.compile(r'"(?P<words>[^"]{1,60})"[\s*_]*+(?:[:,]|(?:,[\s*_]*+)?(?:and|or))[\s*_]*+$')


_WORD_CHAR = re.compile(r"[^\W_]")
_SPEECH_VERB_ENDS = re.compile(rf"\s+{_SPEECH_VERB}$")
# A letter or digit outside the words `and` and `or`: found where the text with those words taken
# out has one, without taking them out (a run of word characters is `and` whole, or no part of it is)
_WORD_BESIDES_AND_OR = re.compile(r"\b(?!(?:and|or)\b)\w*[^\W_]")
# A pronoun answering the sentence before it against its subject: of two who talk, the other one
_DISAGREES = re.compile(
    r"[*_]*(?:she|he|She|He)\s+(?:\w+ly\s+)?(?:disagreed|disagrees|countered|counters|objected|objects|pushed\s+back|"
    r"pushes\s+back|demurred|demurs|shot\s+back|retorted|retorts)\b"
)
# Someone else's words the lead-in's subject relays, named in it: `Castellane quoted its owner, Shay
# Brennan, from their first meeting:`, `Henrik quoted him from memory:` (the sentence's other person),
# `one of the first farmers, Tormod Haugli, who milks 240 cows, put it this way:`, `played a clip from
# an interview she recorded with the union's chairwoman, Joyce Nabwire:`
_RELAYED_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}"
_QUOTED_SOMEONE = re.compile(
    r"\b(?:quoted|quotes|quoting)\s+(?:(?:its|their|his|her|the|a)\s+(?:[\w'’-]+\s+){0,3}?[a-z][\w-]*,\s+"
    rf"(?P<name>{_RELAYED_NAME})|(?P<pronoun>him|her))\b[^:\"“”]{{0,80}}:$"
)
_PUT_IT = re.compile(
    rf"(?P<name>{_RELAYED_NAME})(?:,[^:\"“”]{{0,120}},)?\s+put\s+it\s+(?:this\s+way|like\s+this|simply|bluntly|plainly)\s*:$"
)
_CLIP_WITH = re.compile(
    rf"\b(?:clip|recording|interview)\b[^:\"“”]{{0,160}}\bwith\s+(?:[^,:\"“”]{{0,60}},\s+)?(?P<name>{_RELAYED_NAME})\s*:$"
)
# `She credits a line from Pascal Odent, her former boss at Veolia, for her view:`: his saying
_LINE_FROM = re.compile(
    r"\b(?:a|the|one|an\s+old)\s+(?:[a-z][\w-]*\s+)?(?:line|saying|maxim|motto|rule|remark|mantra|adage|quip)\s+"
    rf"(?:from|by|of)\s+(?P<name>{_RELAYED_NAME})(?:,[^:\"“”]{{0,120}},)?(?:\s+[a-z][^:\"“”]{{0,60}})?\s*:$"
)
_SENTENCE_OPENER = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}")
# `Dave Morin on Altman's pitch to Jony Ive:`: a known person's words on a topic, as a list item heads them
_NAME_ON_TOPIC = re.compile(r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s+on\s+[^:\"“”]{1,120}:$")
_POSSESSIVE_S = re.compile(r"(?:’s|'s)$")
_OPEN_PARENTHESIS_END = re.compile(r"\(\s*[*_]*$")


def _with_phrase_before(quote: Quote, before: str) -> str:
    """`before` holds only the text since the previous quote; when that is mere punctuation or
    `and` after a short quoted phrase, the lead-in is the line's text before both."""
    if _WORD_BESIDES_AND_OR.search(plain(before)):
        return before
    prefix = strip_timestamps(quote.source[: quote.start])
    phrase = _PHRASE_BEFORE.search(prefix)
    return prefix if phrase and len(phrase.group("words").split()) < 5 else before


# `The first question Jo asks every founder is "..."`: the words of whoever asks, gives or repeats.
_NOUN_OF_NAME = re.compile(
    rf"\b{one_of(SPEECH_NOUNS)}\s+(?:that\s+)?(?P<name>{NAME})\s+(?:\w+ly\s+)?(?:asks|asked|gives|gave|uses|used|"
    r"repeats|repeated|offers|offered|says|said|tells|told|shares|shared|likes|liked|loves|loved|keeps|kept)\b"
    r"[^\"]{0,60}?\b(?:is|was|are|were)\s*[:,]?\s*[*_]*$"
)
# after a name: `Jane Roe:`, `Jane Roe (Acme):` (the parenthesis says who she is)
_COLON_END = re.compile(r"(?:\s*\([^()\n]{1,60}\))?\s*:\s*$")
_CLAUSE_END = re.compile(r"\s*$")  # a name and nothing else
# A quote that opens with its speaker's verb of speech, the name before it: `Jo Lee "warned ..."`
_REPORTED_SPEECH = re.compile(
    r"(?:warned|said|says|argued|argues|noted|notes|added|adds|explained|explains|claimed|claims|predicted|"
    r"predicts|insisted|insists|cautioned|cautions|stressed|stresses|wrote|writes|told|tells)\b"
)
_BOLD_LABEL = re.compile(
    r"^\W*\*\*(?P<name>[^*]{1,60}?)\*\*\s*:\s*[*_]*\s*$|^\W*\*\*(?P<name2>[^*]{1,60}?):\*\*\s*[*_]*\s*$"
)
_LABEL_END = re.compile(r"(?:\s*\([^()\n]{1,60}\))?\s*:\s*[*_]*\s*$")  # after a name: `Jane Roe (Acme): *`


def _name_followed_by(text: str, start: int, ending: re.Pattern[str]) -> str | None:
    """The name at `start` of `text` when `ending` matches right after it: what `{NAME}` followed by
    `ending` in one pattern finds, for an ending whose first character after any white space (`:`)
    is in no name (inside a name's longest reading such an ending never matches: only that reading,
    the one `_NAME` finds, can be followed by it)."""
    name = _NAME.match(text, start)
    return name.group(0) if name and ending.match(text, name.end()) else None


def _label(text: str) -> str | None:
    """The speaker a line or lead-in labels (`**Jane Roe:**`, `Jane Roe:`), as written."""
    bold = _BOLD_LABEL.match(text)
    if bold:
        return bold.group("name") or bold.group("name2")
    # `str.lstrip` strips exactly the characters `\s` matches
    return _name_followed_by(text, len(text) - len(text.lstrip()), _LABEL_END)


# A sentence end inside a signature's capitalized run: `— Brooks. The fix is` (not `— Rep. Jo Lee`).
_SIGNATURE_END = re.compile(r"\b(?!(?:Rep|Sen|Gov|Gen|Mrs|Col|Capt|Sgt|Rev|Hon|Jr|Sr|St|Dr|Mr|Ms)\.)\w*[a-z]{2}\.\s+")
_DASH_BEFORE = re.compile(r"^\s*[*_]*\s*(?:[—–]{1,2}|--?)\s*[*_]*\s*")  # `——`: the Chinese dash


def _signed_name(after: str) -> re.Match[str] | None:
    """The name signing a quote, right after it: `— Jane Roe` (`— Speaker 2` reads as `Speaker`)."""
    dash = _DASH_BEFORE.match(after)
    return _NAME.match(after, dash.end()) if dash else None


# `— Ana Diaz / Ben Ode`: a second signer after the name.
_SECOND_SIGNER = re.compile(r"\s*(?:/|&|and\b)\s*[A-Z]")
_SPEAKER_WORD = re.compile(r"speaker", re.I)  # `Speaker 2`, `SPEAKER_01`: a label, not a name
_REFERENCE_AFTER = re.compile(r"^\s*\(\s*(?:section|table|appendix|figure|fig\.?|p\.|§)", re.I)
# `", said Jo Lee"`, `"Jo Lee adds"`, `"according to Jo Lee"`, `"(Jo Lee)."`: the lead-ins start with
# different characters, so at most one can match; NAME is written once (each copy of its CJK range
# costs the compiler a Python step per character) and the lead-in that matched picks what follows it.
_AFTER_SAID = re.compile(
    r"^\s*[*_]*\s*,?\s*(?:(?P<lead>(?:said|says|wrote|writes|added|adds|explained|explains|noted|notes|stated|states|"
    r"told \w+|according to)\s+)|(?P<open>\()|)"
    rf"(?P<name>{NAME})"
    r"(?(lead)|(?(open)\)\s*(?:$|[.,;])|\s+(?P<verb>said|says|added|adds|explained|explains|noted|notes|wrote|writes|"
    r"stated|states|argued|argues|insisted|insists|recalled|recalls|observed|observes|remarked|remarks|warned|warns|"
    r"admitted|admits|concluded|concludes|emphasized|emphasizes|quipped|quips|continued|continues|replied|replies|"
    r"told)\b))"
)
# After a quote, its speaker credited in parentheses with where they work: `(Luka Petrović, Brindle
# Labs)` (not a citation's year: `(Kaplan, 2020)`).
_CREDIT_OPEN = re.compile(r"\s*[*_]*\s*\(\s*")
_CREDITED_WITH = re.compile(rf"(?:[A-Z]|{_TITLE_WORD}\b)")
_CITATION = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:et\s+al\.?|[A-Z&][\w'’.-]*))*,?\s+(?:19|20)\d\d[a-z]?\s*\)")
_CREDIT_TAIL = re.compile(r",\s*(?!\d)[^()\n]{1,80}\)\s*[*_]*\s*(?:$|[.,;])")
# After a quote, what stands between it and its speaker's name (`"...," Ferrostack CEO Ansel Mbeki
# told Reuters`) or between the name and the verb (`"...," Sofia Lind, Keelson's CFO, told Reuters`).
_TITLED_AFTER = re.compile(rf"^(\s*[*_]*\s*,?\s*){_TITLE_BEFORE_NAME}(?=[A-Z])")
_APPOSITION_AFTER = re.compile(
    r"^(\s*[*_]*\s*,?\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}),\s+[^,\"“”]{2,80},"
    r"(?=\s+(?:said|says|told|added|adds|wrote|writes|noted|notes|explained|explains)\b)"
)


Search = Callable[[str], "re.Match[str] | None"]
# Texts recur within a document (a quote's lead-in is read by several rules, a line's sentences by
# the subject rule and the lead-in rule) and a few across documents (`Quote:`). A small cache keeps
# those; a large one would keep garbage collection walking hundreds of thousands of entries.
_TEXTS_KEPT = 256


@lru_cache(maxsize=_TEXTS_KEPT)
def _teller(clause: str) -> str | None:
    """Who tells, where the lead-in ends `X told her` (`One early customer`, `Tove`), as written."""
    told = _TOLD_END.search(clause) if any(verb in clause for verb in _TELLING_STEMS) else None
    if told is None:
        return None
    before = plain(clause[: told.start()]).rstrip()
    if before.endswith(",") and (apposed := _apposed_teller().search(before, max(0, len(before) - 200))):
        # `Dr. Ambrose Liang-Fairweather, a Larkspur cardiologist, told him`: the name before the
        # description; `her lead investor, Thaddeus Greer of Sablecrest Partners, told her`: the name in it
        before = apposed.group("named") or apposed.group("name_before")
    words: list[str] = []
    for word in reversed(before.split()[-6:]):
        if word.lower() in _TELLER_BOUNDARY or word.endswith((",", ";", ":", ".")):
            break
        words.insert(0, word)
    return " ".join(words).strip(' *_"“”') or None


def _remembered(pattern: re.Pattern[str]) -> Search:
    """`pattern.search`, remembered per text: a lead-in is read by several rules of a quote, and
    the same lead-ins recur (`Quote:`, `He adds:`)."""
    return lru_cache(maxsize=_TEXTS_KEPT)(pattern.search)


# A clause's subject, matched once per clause start: the subject rule reads each sentence of a
# paragraph, then the lead-in rules of the block quote below it read the same clause starts again.
_subject_match = lru_cache(maxsize=_TEXTS_KEPT)(_SUBJECT.match)

_WITH_PARTICIPLE_IN = _remembered(_WITH_PARTICIPLE)
_NOUN_OF_NAME_IN = _remembered(_NOUN_OF_NAME)
_RELATIVE_CHARACTERIZES_IN = _remembered(_RELATIVE_CHARACTERIZES)
_READS_OUT_IN = _remembered(_READS_OUT)
# What stands between a quote and the next in one sentence pair: the first's attribution after it,
# then a full stop (`"A," said Marta Lind, who heads credit at Aldgate. "B."`, `"A," Lind said. "B."`)
# (matched on the text stripped of white space and emphasis at both ends, its opening comma taken off)
_CONTINUED = re.compile(
    rf"(?:said|says|added|adds|noted|notes|explained|explains|argued|argues|wrote|writes|continued)\s+"
    rf"(?P<name>{NAME})(?:,\s+[^\"“”:.!?]{{1,200}})?\."
)
# (or the name, then its verb: `Lind said.`; matched after `_NAME`, its one reading that can be
# followed by white space and a lower-case verb: a longer one goes on with a capital or a particle)
_SAID_END = re.compile(r"\s+(?:said|says|added|adds|wrote|writes)\.\Z")


def _continued_speaker(between: str) -> str | None:
    """The name, as written, of a first quote's attribution that is all `between` holds before the
    next quote (`said Marta Lind, who heads credit at Aldgate.`, `Lind said.`)."""
    continued = _CONTINUED.fullmatch(between)
    return continued.group("name") if continued else _name_followed_by(between, 0, _SAID_END)


# After a quote, words that attribute it (`, replied Jo Lee`, `— Jo Lee`, `(Jo Lee)`): it is not the
# previous quote going on, whatever stands before it
_ATTRIBUTED_AFTER = re.compile(r"[—–(-]|,|[a-z]|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+[a-z]")


def _attributed_after(text: str, after: str) -> bool:
    """Whether the words after a quote attribute it (`, replied Jo Lee`, `— Jo Lee`, `(Jo Lee)`,
    `Jo Lee noted`); after a quote that ends its sentence (`"B."`) capitalized words open the next."""
    found = _ATTRIBUTED_AFTER.match(after)
    if found is None:
        return False
    return found.group(0)[:1] in "—–(-" or not text.rstrip(" *_").endswith((".", "!", "?", "…"))


# `Leah read her statement from the FDA announcement:`: someone reading out another's words (`her own`
# would be the reader's)
_READS_PRONOUNS_OWN = re.compile(
    r"\b(?:reads|read|reading|recites|recited|quotes|quoted)\s+(?:out\s+|aloud\s+)?(?:from\s+)?(?:his|her|their)\s+"
    r"(?!own\b)(?P<noun>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\b[^\"“:]*:\s*[*_]*\s*$"
)
# `..., in which CEO Tobias Reinholt said:`: a relative clause ending the lead-in, with its own speaker
_RELATIVE_SPEAKER = re.compile(
    r",\s+(?:in\s+which|where|when|after\s+which)\s+(?P<name>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*)\s+"
    r"(?:\w+ly\s+)?(?:said|says|wrote|writes|stated|states|added|adds|declared|declares|noted|notes)\s*[*_]*:\s*[*_]*\s*$"
)
_AS_PUT_IN = _remembered(_AS_PUT)
_DESCRIBED_AS_IN = _remembered(_DESCRIBED_AS)


def _described_as(clause: str) -> bool:
    """Whether the clause says what `_DESCRIBED_AS` finds (`noted as having`): each of its matches
    ends on `having` or `being`, a pair most clauses lack."""
    return may_spell(clause, ("having", "being")) and _DESCRIBED_AS_IN(clause) is not None


_CLOSING_SPEAKER_IN = _remembered(_CLOSING_SPEAKER)


def _closing_speaker(clause: str) -> re.Match[str] | None:
    """`_CLOSING_SPEAKER` in the clause, tried only where it can match: its match ends on a colon
    or a comma, then white space at most, which most lead-ins before a quote lack."""
    return _CLOSING_SPEAKER_IN(clause) if clause.rstrip().endswith((":", ",")) else None


_SPEECH_AT_END_IN = _remembered(_SPEECH_AT_END)
_SPEECH_IN = _remembered(_SPEECH)
_HEARSAY_BEFORE_IN = _remembered(_HEARSAY_BEFORE)
_OTHER_SOURCE_IN = _remembered(_OTHER_SOURCE)
_PRONOUN_SPEAKS_IN = _remembered(_PRONOUN_SPEAKS)
# A lead-in that passes on words someone else told, wrote or said (`recounts what an engineer told
# her`, `reads the memo`, `quotes a customer`): the voice heard relays them
_RELAYING = re.compile(r"\b(?:told|tells|what|quot(?:es|ed|ing)|reads?|reading|wrote|writes)\b", re.I)
# Someone the text describes without a name (`Haulwise's first finance hire`, `one LP`, `the CFO`): a
# `he` after them may be theirs
_SOMEONE_DESCRIBED = re.compile(
    r"\b(?i:hires?|cfo|ceo|cto|coo|lps?|customers?|clients?|investors?|founders?|engineers?|analysts?|executives?|"
    r"managers?|bankers?|partners?|employees?|colleagues?|friends?|mentors?|boss|buyers?|sellers?|officials?|"
    r"spokesperson|reporters?|lawyers?|doctors?|professors?|experts?|advis[eo]rs?|staffers?|critics?|"
    r"directors?|operators?|owners?|users?)\b"
)


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    rule: str | None
    # Whom the text around the quote points at, whether or not a rule named the speaker (people
    # named in the sentence before it and just after it, a `he`/`she`'s referent, or SOMEONE):
    # a transcript's label may give the speaker only where this does not point elsewhere.
    context: tuple[str, ...] = ()


NONE = Attribution(None, None)
# Words the lead-in says are read out or quoted from someone it does not name (`Harlan quoted:`):
# nobody's here, and the transcript's label (the reader's voice) does not make them the reader's
READ_OUT = "read out"
READ_OUT_BY_NOBODY = Attribution(None, READ_OUT)
# A quote that opens telling in the first person what someone said to the speaker: `She told me, '...'`
_TOLD_ME = re.compile(
    r"[\W_]*(?:She|He|They)\s+(?:once\s+)?(?:told|tells|asked|asks|said\s+to|wrote\s+to|warned)\s+(?:me|us)\b"
)
# A quote's translation on the lines below it: `Translation: "..."`, `*English translation:* "..."`,
# `译文："..."`.
_TRANSLATION_LEAD = re.compile(r"^[\W_]*(?:(?:English|Eng\.)\s+)?(?i:translation|translated|译文|翻译)[\W_]*$")
_TRANSLATION_GAP = 3  # lines between a quote and its translation, at most
# A participle of speech ending the words between two quotes: `..., arguing that "..."`.
_CONTINUING = re.compile(
    r"\b(?:arguing|adding|noting|saying|explaining|warning|insisting|concluding|stressing|writing|predicting|"
    r"calling it)(?:\s+that)?\s*[,:]?\s*[*_“\"]*\s*$"
)
_SENTENCE_STOP = re.compile(r"[.!?;]\s")
# Rules that name the speaker in the text around the quote (not guesses from context).
_NAMING_RULES = frozenset({"dash after", "said after", "speaker label", "lead-in", "as X put it", "inside quote"})


@dataclass
class ItemContext:
    """What the attribution rules remember while walking one item (a section entry)."""

    subject: str | None = None
    owner: str | None = None  # People entry whose quotes may be the person's own
    entry_person: str | None = None  # the person whose People entry this is (a third party's too)
    owner_speaks: bool = False  # the entry says the person said something (`Argued that...`)
    # An organization's entry, by the names it goes by: its first-person quotes that do not name it
    # are the firm's (`Our return rate is under four percent`), not a newsletter author's
    organization_entry: tuple[str, ...] = ()
    pending: str | None = None  # a lead-in line above (`Jane explains:`) waiting for its quote
    pending_blocked: bool = False
    # Whom a `he` / `she` / `his response` last pointed at: the latest sentence subject or named
    # speaker (`Jane Roe: "..."` then `She continued:`).
    referent: str | None = None
    # How the subject's sentence addressed someone else (`he` for `Li Wen asks him ...`, `she` for
    # `pressed her on`): a `he` (a `she`) next is not surely anyone
    addressed_as: str | None = None
    last_quote: tuple[int, Attribution] | None = None  # the line and attribution of the item's last quote
    asker: str | None = None  # who asked the item's last question (`"Why ...?" asked Feld`)
    answerer: str | None = None  # who the text says answers it (`Her answer was ...`), for the next quote

    def set_subject(self, name: str) -> None:
        self.subject = self.referent = name
        self.addressed_as = None

    def pronoun_target(self) -> str | None:
        """The person a pronoun refers to, unless the latest named speaker and the paragraph's
        subject differ (then `he` could be either)."""
        if self.referent and self.subject and self.referent != self.subject:
            return None
        return self.referent or self.subject


@dataclass
class Attributor:
    people: PeopleIndex
    organizations: set[str] = field(default_factory=set)  # folded names that are not people
    sole_speaker: str | None = None
    sole_author: str | None = None  # a newsletter's bylined writer: its first-person quotes are theirs
    participants: frozenset[str] = frozenset()
    conversation: bool = True  # a podcast (people talking) rather than an article or paper
    everyday_words: frozenset[str] = frozenset()  # lower-case words of the document
    created: list[PersonName] = field(default_factory=list)
    # Full names the document's titles give (`# Summary: Wabi Podcast with Dana Ruiz`), most used
    # spelling first: a lone `Dana explains:` is that guest when no listed person is a Dana.
    title_names: tuple[str, ...] = ()
    # Lone first names the document signs quotes with (`— Amelia`): `Amelia notes, "..."` is hers.
    signed_names: frozenset[str] = frozenset()
    current_text: str = ""  # the quote being attributed
    current_before: str = ""  # the text of its line before it
    # the line and speaker of the last quote a rule named the speaker of (for `..., arguing that "..."`)
    named_last: tuple[int, str] | None = None

    # -- names ---------------------------------------------------------------------------------
    def person(self, text: str, allow_new: bool) -> str | None:
        """The full name `text` refers to, a new person for an unknown full name, or None."""
        text = strip_honorific(_POSSESSIVE_S.sub("", plain(text).strip(" ,.:;*_")))
        text = _untitled(text)
        if not text or is_placeholder(text) or _NON_PERSON.match(text) or is_field_label(text):
            return None
        if is_possessive_phrase(text):
            return None
        camel = self.people.resolve(split_camel_case(text)) if " " not in text else None
        resolved = self.people.resolve(text) or camel
        if resolved:  # `JaneQDoe` is how some participant lists write Jane Q Doe
            return resolved
        if not allow_new or fold(text) in self.organizations or fold(text) in organization_words().named_like_people:
            return None  # (`J.P. Morgan said`: a firm)
        tokens = text.split()
        if len(tokens) == 1 and self.conversation:
            titled = self._title_name(tokens[0])
            if titled:
                return titled
            if tokens[0] in self.signed_names:
                return self.single_name(tokens[0])
        if tokens[0].lower() in _COMMON_WORDS or any(t.lower() in _COMMON_WORDS for t in tokens):
            return None
        if _OPENS_ON_A_POST.match(f"{text} "):
            return None  # `The company's Chief Scientist said`, `Host Priya`: a post, or a post and a first name
        if plausible_new_person(text, self.everyday_words) or (has_cjk(text) and 2 <= len(text) <= 4):
            self.people.add(PersonName(name=text))
            self.created.append(PersonName(name=text))
            return text
        return None

    def _title_name(self, first: str) -> str | None:
        """The one full name in the titles whose first name is `first` (spelling variants of one
        surname count as one: the first listed, the most used, wins)."""
        matches = [name for name in self.title_names if name.split()[0] == first]
        if not matches or any(fuzz.ratio(fold(matches[0]), fold(other)) < 80 for other in matches[1:]):
            return None
        if self.people.ambiguous(first) or fold(matches[0]) in self.organizations:
            return None
        self.people.add(PersonName(name=matches[0]))
        self.created.append(PersonName(name=matches[0]))
        return matches[0]

    def single_name(self, text: str) -> str | None:
        """A lone first name in a strong pattern (`— Dave`, `**Dave:**`), kept as it is written."""
        text = plain(text).strip(" ,.:;*_")
        if not self.conversation or text.lower() in self.everyday_words or is_field_label(text):
            return None
        if not looks_like_person_name(text):  # `— Host`, `— Lisbon`: a role or a place signs no quote
            return None  # in articles and papers a lone capitalized word is an outlet or a source
        if self.people.ambiguous(text):
            return None
        if (
            re.fullmatch(r"[A-Z][a-z]{2,}", text)
            and text.lower() not in _COMMON_WORDS
            and fold(text) not in self.organizations
        ):
            self.people.add(PersonName(name=text))
            self.created.append(PersonName(name=text))
            return text
        return None

    def _names_in(self, text: str) -> set[str]:
        found = set()
        for run, tokens in _name_runs(text):
            resolved = self.people.resolve(run)
            if resolved:
                found.add(resolved)
            else:  # a capitalized run may start with a non-name word: `Building Rohan`
                for token in tokens:
                    resolved = self.people.resolve(token)
                    if resolved:
                        found.add(resolved)
        return found

    # -- subject tracking ---------------------------------------------------------------------
    def update_subject(self, context: ItemContext, text: str) -> None:
        """Sentences that start with a person followed by a verb make that person the subject, and
        so do those that open on a person as their source (`According to Adebayo, ...`). An answer
        to a question (`Her answer was that ...`) is not the asker's: in a conversation of two, it
        is the other's; else nobody's surely."""
        if not text:
            return  # (the stretch before a quote that opens its line: no sentence)
        if context.asker is not None and _ANSWER_OPENS.match(text.lstrip(" *_")):
            # (where the answer opens the paragraph: `Altman has been asked this. His answer` is his)
            other = [person for person in self.participants if person != context.asker]
            if self.conversation and len(self.participants) == 2 and len(other) == 1:
                context.set_subject(other[0])
                context.answerer = other[0]
            else:
                context.subject = context.referent = None
            context.asker = None
        if "ccording to" in text or " him" in text or " her " in text:  # (their sentences read one by one)
            for sentence in spoken_sentences(text):
                according = _ACCORDING_OPENS.match(sentence)
                before = context.subject
                if according and (name := self.people.resolve(according.group("name"))):
                    context.set_subject(name)
                else:
                    self._subject_of(context, _subject_candidates(sentence))
                if context.subject != before:
                    # `Li Wen asks him to put a number on it. He estimates ...`: `he` is the one
                    # addressed, not the new subject (nor surely the old one)
                    object_pronoun = _ADDRESSED.search(sentence) if before else None
                    context.addressed_as = object_pronoun.lastgroup if object_pronoun else None
        else:
            for candidates in _subject_candidates_of(text):
                self._subject_of(context, candidates)
        if ("He " in text or "She " in text) and (named := self._named_before_pronoun(text)):
            context.set_subject(named)

    def _person_subject(self, sentence: str) -> bool:
        """Whether the sentence's subject is a person we know or a full name."""
        return any(
            self.people.resolve(name) or (" " in name and looks_like_person_name(name))
            for name, _ in _subject_candidates(sentence)
        )

    def _named_before_pronoun(self, text: str) -> str | None:
        """The one person a sentence names, not as its subject, right before the text's last sentence
        opening on `He` or `She` that no later sentence gives another subject: whom that pronoun
        means (`Clearline was founded by Meera Chaudhuri-Voss. She will stay on ...`)."""
        sentences = spoken_sentences(text)
        for number in range(len(sentences) - 1, 0, -1):
            sentence = sentences[number].lstrip(" *_")
            if not (sentence.startswith(("He ", "She "))):
                if self._person_subject(sentences[number]):
                    return None  # a later sentence has a person for its subject
                continue
            previous = sentences[number - 1]
            if self._person_subject(previous):
                return None  # the sentence before has a person for its subject: the tracking read it
            named = self._names_in(previous)
            if len(named) != 1:
                return None
            # written by its surname (`David Friedberg challenged` names no David Sacks we know)
            person = next(iter(named))
            return person if contains_word(previous, person.split()[-1]) else None
        return None

    def _subject_of(self, context: ItemContext, candidates: tuple[tuple[str, bool], ...]) -> None:
        for name_text, thing in candidates:  # the first that is someone
            name = self.people.resolve(name_text)
            # `Jensen's management structure is...` keeps a participant the subject; `Adam's new
            # venture defended:` does not make a third party the speaker of what follows.
            if name and (not thing or name in self.participants):
                context.set_subject(name)
                break

    # -- the rules ----------------------------------------------------------------------------
    def attribute(self, quote: Quote, context: ItemContext, next_line: str | None) -> Attribution:
        translated = context.last_quote if _TRANSLATION_LEAD.match(quote.before) else None
        if translated and 0 < quote.line - translated[0] <= _TRANSLATION_GAP:
            # `Translation: "..."` under a quote: the same words, so the same speaker (or none)
            found = Attribution(translated[1].speaker, translated[1].rule, translated[1].context)
        else:
            ruled = self._attribute(quote, context, next_line)
            pointed = self._pointed_at(quote, context)
            if ruled.speaker is not None and ruled.speaker == context.answerer:
                # the text said who answers: the words point at them (a transcript's label lagging
                # a line at the turn change, still the asker's, does not take the quote)
                pointed = tuple(sorted({*pointed, ruled.speaker}))
            context.answerer = None
            found = Attribution(ruled.speaker, ruled.rule, pointed)
        if found.speaker and found.rule in _NAMING_RULES:
            context.referent = found.speaker  # `Jane Roe: "..."` then `She continued:` is Jane
            self.named_last = (quote.line, found.speaker)
        context.last_quote = (quote.line, found)
        if quote.text.rstrip(" ,.\"”'’").endswith("?"):
            context.asker = found.speaker
        return found

    def _pointed_at(self, quote: Quote, context: ItemContext) -> tuple[str, ...]:
        before = spoken_sentences(quote.before)[-1]
        after = quote.after_spoken[:120]  # `plain(strip_timestamps(quote.after))`, as the parser made it
        if _RELAYS_NAMED.search(before) or (_PRONOUN.match(before) and _RELAYED_POSSESSIVE.search(before)):
            return (SOMEONE,)  # `He references Dario:`, `He cites Macy's line:`: the voice heard relays
        teller = _teller(before)
        if teller is not None and not _PRONOUN.match(teller):
            # `Jo says Orbex engineers told him "..."`: only the teller speaks (someone unnamed here)
            return (self.person(teller, allow_new=False) or SOMEONE,)
        if before.rstrip(" *_").endswith(":") and _SOMEONE_UNNAMED.match(before.lstrip(" *_")):
            return (SOMEONE,)  # `An airline planner she works with put it bluntly:`: the guest relays
        named = self._names_in(before) | self._names_in(after)
        if _PRONOUN_SPEAKS_IN(before) or _PRONOUN_SPEAKS_IN(after):
            named.update(self._pronoun_candidates(quote, context))  # `He elaborated: "..."`
        if not named and (subject := _speaking_subject(before)) is not None and not self._not_someone(subject):
            named.add(SOMEONE)  # `Friedberg emphasized:` with no Friedberg known
        return tuple(sorted(named))

    def _pronoun_candidates(self, quote: Quote, context: ItemContext) -> tuple[str, ...]:
        """Whom a speaking `he` or `she` may be: the one the text points at; either of two it may
        mean (the latest named speaker and the paragraph's subject: the transcript's label may tell);
        none the text names when the line names nobody (the voice heard); else someone unnamed (an
        unknown person is the subject: `David Friedberg challenged Burry's claims. He explained:`, or
        someone is described, unnamed: `The first finance hire thought it reckless. He argued:`; or the
        lead-in relays another's words: `She recounts what an engineer, unnamed, told her team:`)."""
        if target := context.pronoun_target():
            return (target,)
        if context.referent and context.subject:
            return (context.referent, context.subject)
        # (here neither is set: one alone, or both alike, is the pronoun's target)
        sentences = spoken_sentences(quote.before)
        if (
            not _RELAYING.search(sentences[-1])
            and not any(map(_SOMEONE_DESCRIBED.search, sentences))
            and not any(map(self._person_subject, sentences))
        ):
            return ()
        return (SOMEONE,)

    def _attribute(self, quote: Quote, context: ItemContext, next_line: str | None) -> Attribution:
        self.current_text, self.current_before = quote.text, quote.before_spoken
        inner = self._inner(quote.text)
        if inner is not None:
            return inner
        if quote.location == "heading":
            return NONE  # a quoted title: the speaker, if any, is named in the body
        continued = self._continued(quote)
        if continued:
            return Attribution(continued, "lead-in")
        if _TITLE_AFTER_DASH.match(strip_timestamps(quote.after)):
            return NONE  # `— *Year Four of Platform Shifts* [Author]`: an article's words, not speech
        if _EXAMPLE_AFTER.match(quote.after_spoken):
            return NONE  # `asking "where did I put my keys" style questions`: a kind of words, no one's
        after = quote.after_spoken.strip()
        if not after and next_line is not None:
            after = plain(strip_timestamps(next_line)).strip()
        stamp = find_timestamp_start(quote.after)
        trailing = self._after(after, plain(quote.after[:stamp]).strip() if stamp else "")
        if trailing is None and not _attributed_after(quote.text, after) and (said := self._said_before(quote)):
            return said  # `"A," said Marta Lind, who heads credit. "B."`: the quote goes on, hers
        leading = self._before(quote, context)
        if trailing and leading and trailing.speaker and leading.speaker and trailing.speaker != leading.speaker:
            return NONE  # `Jane said: "..." — John`: the text contradicts itself
        for found in (trailing, leading):
            if found is not None:
                return found
        return self._context(quote, context)

    def _said_before(self, quote: Quote) -> Attribution | None:
        """The speaker of the quote before this one, where only that quote's attribution and a full
        stop stand between them (`"A," said Marta Lind, who heads credit at Aldgate. "B."`)."""
        between = strip_timestamps(quote.before).strip(" \t\n*_")
        if (
            not between.startswith((",", "said", "says", "add", "not", "expl", "arg", "wr", "cont"))
            and not between[:1].isupper()
        ):
            return None  # (most quotes: told without the pattern)
        raw = _continued_speaker(between.removeprefix(",").lstrip())
        if raw is None:
            return None
        name = self.person(raw, allow_new=True)
        return Attribution(name, "said after") if name else NONE

    def _continued(self, quote: Quote) -> str | None:
        """`Fink warns that "...," calling for more investors and arguing that "..."`: the words
        between two quotes of one sentence go on with the first one's speaker, naming nobody else."""
        if not quote.index_on_line or self.named_last is None or self.named_last[0] != quote.line:
            return None
        between = quote.before_spoken
        if not _CONTINUING.search(between) or _SENTENCE_STOP.search(between):
            return None
        if between.lstrip(" *_\"”’'")[:1].isupper():
            return None  # `"...here." The board disagreed, arguing`: the first quote ended a sentence
        if self._names_in(between) or self._someone_new_in(between):
            return None
        return self.named_last[1]

    def _inner(self, text: str) -> Attribution | None:
        """`"'Spreadsheets are dead,' CEO Ruth Amsel wrote."`: the quote carries its own attribution;
        the name may follow a title (`CEO`, `Acme founder`)."""
        match = _attribution_inside(text)
        if not match:
            # `"Nvidia CEO Jensen Huang said the company now sees..."`: an article's words reporting his.
            # In talk, `"Sarah said, I think..."` is the speaker recounting: not hers.
            reported = _REPORTED_OPENING.match(text) if text[:1].isupper() and not self.conversation else None
            if reported and not _first_person(text):
                name = self.person(reported.group("name"), allow_new=True)
                if name:
                    return Attribution(name, "inside quote")
            return None
        tokens = match.group("who").split()
        for index in range(len(tokens)):
            rest = " ".join(tokens[index:])
            if index and len(tokens) - index < 2 and not self.people.resolve(rest):
                break  # a lone last word after a title is not enough to name someone new
            name = self.person(rest, allow_new=True)
            if name:
                return Attribution(name, "inside quote")
        return NONE

    def _after(self, after: str, signed: str = "") -> Attribution | None:
        """`signed`: `after` up to its first timestamp, where a signature's name ends (`— Wen Zhao
        [00:01:05] Kestrel builds...` is signed by Wen Zhao, not a `Wen Zhao Kestrel`)."""
        match = _signed_name(signed) if signed else None
        if match is None:
            match = _signed_name(after)
        else:
            after = signed
        if match:
            raw = match.group(0)
            end = _SIGNATURE_END.search(raw)  # `— Brooks. The fix is...`
            raw = raw[: end.end()].rstrip(" .") if end else raw
            tokens = raw.split()
            while len(tokens) > 1 and tokens[-1].lower() in _COMMON_WORDS:
                tokens.pop()  # `— Luca [00:10:55] The transcript...`: the timestamp ended the name
            raw = " ".join(tokens)
            if _SECOND_SIGNER.match(after, match.end()):
                return NONE  # `— Ana Diaz / Ben Ode`: signed by two, spoken by one of them
            if _SPEAKER_WORD.match(raw):
                return NONE
            name = self.person(raw, allow_new=True) or self.single_name(raw)
            if name:
                return Attribution(name, "dash after")
            if _NON_PERSON.match(raw) or fold(raw) in self.organizations:
                return NONE
            return None
        if titled := _TITLED_AFTER.match(after):  # (sliced, not substituted: most quotes have neither)
            after = titled.group(1) + after[titled.end() :]
        if apposed := _APPOSITION_AFTER.match(after):
            after = apposed.group(1) + after[apposed.end() :]
        match = _AFTER_SAID.match(after)
        if match and match.group("verb") and after.rstrip("*_ ").endswith(":"):
            match = None  # `"..." Jane adds: "..."` introduces Jane's next quote, not this one
        if match and match.group("verb") and self.current_text.rstrip("*_ ").endswith((".", "?", "!")):
            match = None  # `"...bankers." Ruiz notes the terms were never public`: a new sentence
        if match:
            raw = match.group("name")
            name = self.person(raw, allow_new=True)
            if name:
                return Attribution(name, "said after")
            if _NON_PERSON.match(raw) or fold(raw) in self.organizations:
                return NONE
        credit = _CREDIT_OPEN.match(after)
        opened = credit.end() if credit else 0
        credited = _name_followed_by(after, opened, _CREDIT_TAIL) if credit else None
        if credited:
            # `"..." (Luka Petrović, Brindle Labs)`: a person the document knows, or a new one credited with
            # their organization or title (not `(Goldman Sachs, research note)`)
            tail = after[opened + len(credited) :].lstrip(" ,")
            name = self.person(credited, allow_new=bool(_CREDITED_WITH.match(tail)))
            return Attribution(name, "said after") if name else NONE
        if credit and _CITATION.match(after, opened):
            return NONE  # `"..." (Kaplan, 2020)`: a source's words, not the paragraph's subject's
        if _REFERENCE_AFTER.match(after):
            return NONE
        return None

    def _before(self, quote: Quote, context: ItemContext) -> Attribution | None:
        before = strip_timestamps(quote.before)
        raw = _label(before)
        if raw and raw.startswith("Per ") and (according := self.people.resolve(raw[4:])):
            return Attribution(according, "as X put it")  # `Per Mbeki-Hart:`, not a Per Mbeki-Hart
        if raw:
            raw = _SPEECH_VERB_ENDS.sub("", plain(raw).strip())
            if is_placeholder(raw) or _SPEAKER_WORD.match(raw):
                return NONE
            if credited := _CREDITED_FIELD.match(raw):  # `**Quote (Okonjo, recalling the pitch):**`
                name = self.person(credited.group("name"), allow_new=False)
                return Attribution(name, "speaker label") if name else NONE
            name = self.person(raw, allow_new=True) or self.single_name(raw)
            if name:
                return Attribution(name, "speaker label")
            if self.people.ambiguous(raw):
                return NONE  # `**Wren:** "..."` where two people are Wren: one of them, not the context's
        before = _with_phrase_before(quote, before)
        # (an emphasis opened before the quote, `Per McNeill: *"..."*`, is no part of the lead-in)
        clause = _without_field(_last_sentence(before).strip()).rstrip("*_ ")
        if not clause or clause.endswith(":") and is_field_label(clause.rstrip(": *_")):
            return None  # `**Tactical takeaway:** "..."`: a field label alone names no one
        labelled = _name_followed_by(clause, 0, _COLON_END)
        if labelled and labelled.startswith("Per "):  # `Per McNeill:`: according to him (`as X put it`)
            labelled = None
        if labelled:  # `**Evidence:** Dana Ruiz: "..."`: a speaker label after a field label
            name = self.person(labelled, allow_new=True)
            if name:
                return Attribution(name, "speaker label")
        if " on " in clause and (topic := _NAME_ON_TOPIC.match(clause)):
            name = self.person(topic.group("name"), allow_new=False)  # `Dave Morin on Altman's pitch:`
            if name:
                return Attribution(name, "speaker label")
        if _REPORTED_SPEECH.match(quote.text) and (bare := _name_followed_by(clause, 0, _CLAUSE_END)):
            name = self.person(bare, allow_new=True)  # `Dana Ruiz "warned the terms ..."`: her words, reported
            if name:
                return Attribution(name, "speaker label")
        if "; " in clause:  # `Corinne asked X; Ferrante said scribes are "..."`: the nearer clause speaks
            found = self._lead_in(clause.rsplit("; ", 1)[1], context)
            if found is not None:
                return found
        return self._lead_in(clause, context)

    def _antecedent(self, text: str) -> Attribution:
        """The person a relative clause's `who told ...` is about: the name right before it, past a
        parenthesis and an organization (`an analyst, 齐若兰 (Qi Ruolan) of Zhongtai Securities`)."""
        # (a name ends the text: its last few hundred characters are read, not a whole long clause)
        text = _PARENTHESES.sub("", text[-_ANTECEDENT_WINDOW:]).rstrip(" ,")
        # the name before its organization, or before a description of them set between commas
        # (`with Dwayne Kettleby, business manager of the local`), or the one the text ends on
        # (`meeting with Dwayne Kettleby`: no organization)
        undescribed = _DESCRIPTION_TAIL.sub("", text).rstrip(" ,")
        forms = (_ANTECEDENT_TAIL.sub("", text).rstrip(" ,"), _ANTECEDENT_TAIL.sub("", undescribed).rstrip(" ,"))
        named = next(filter(None, map(_antecedent_name().search, (*forms, undescribed, text))), None)
        if named is None:
            return NONE  # `an analyst at a bank, who told him`: someone unnamed
        words = organization_words()
        last = fold(named.group(0).split()[-1])
        firm = last in _FIRM_ENDINGS or last in words.kind_suffixes or last in words.investment_suffixes
        name = self.people.resolve(named.group(0)) or (None if firm else self.person(named.group(0), allow_new=True))
        return Attribution(name, "lead-in") if name else NONE  # (`Zhongtai Securities, who told him`: a firm)

    def _cjk_opening_person(self, sentence: str) -> str | None:
        """The known person whose two to four characters open a Chinese sentence (`林舟提出…`), not
        as the owner of something (`林舟的公司`)."""
        sentence = sentence.lstrip(" *_")
        for size in (4, 3, 2):
            name = self.person(sentence[:size], allow_new=False) if len(sentence) > size else None
            if name and not self.people.written(sentence[:size]) and not _CJK_GIVEN_NAME_SPEAKS.match(sentence, size):
                continue  # a given name alone (`予安`) only before words of speech: `海洋产业` is no 王海洋
            if name and (sentence[size] != "的" or _CJK_OWN_WORDS.match(sentence, size + 1)):
                return name  # (`宋予安的回答是`: his answer, his words)
        return None

    def _cjk_speaking_opener(self, text: str) -> str | None:
        """The known person who opens the last Chinese sentence of `text` holding a word of speech or
        opinion (`宋予安称…`, `他认为` in a sentence she opens)."""
        for sentence in reversed(_cjk_sentences(text)):
            opener = self._cjk_opening_person(sentence) if has_cjk(sentence.lstrip(" *_")[:2]) else None
            if opener is not None:
                return opener if _CJK_SPEECH_WORDS.search(sentence) else None
        return None

    def _cjk_lead_in_sentence(self, clause: str, context: ItemContext) -> Attribution | None:
        """The Chinese sentence that leads into a quote: opened by a known person (`林舟提出一个观点：`)
        or by she or he (`她补充道：`, `她的理由是…：`), whom the quote's earlier sentences or speakers
        name (`陈慕瑶认为…。她的理由是…：`)."""
        if not _CJK_LEAD_END.search(clause):
            return None
        sentences = _cjk_sentences(clause)
        if not sentences:
            return None
        last = sentences[-1]
        if _CJK_RELAYS.search(last):
            return NONE  # `罗安然引用了乔布斯的一句话：`: someone else's words, relayed
        if _CJK_ANSWER.search(last):  # the one the text last asked answers (`罗安然问陈慕瑶…，得到的回答是：`)
            for sentence in reversed(sentences):
                asked = _cjk_asked().search(sentence)
                answerer = self._cjk_opening_person(asked.group("run") + "。") if asked else None
                if answerer:
                    return Attribution(answerer, "lead-in")
        opener = None if _CJK_PRONOUN.match(last.lstrip()) else self._cjk_opening_person(last)
        if not _CJK_PRONOUN.match(last.lstrip()):
            return Attribution(opener, "lead-in") if opener else None
        for sentence in reversed(sentences[:-1]):  # the nearest clause a person opens, in this text
            for part in reversed(_CJK_CLAUSE.split(sentence)):
                name = self._cjk_opening_person(part)
                if name:
                    return Attribution(name, "pronoun")
        target = context.pronoun_target()
        return Attribution(target, "pronoun") if target else NONE

    def _relayed(self, clause: str) -> Attribution | None:
        """Whose words the lead-in relays when its subject quotes, recalls or plays someone it names
        (`_QUOTED_SOMEONE`, `_PUT_IT`, `_CLIP_WITH`, `_LINE_FROM`); None when it relays nobody so."""
        if "quot" in clause and (quoted := _search_before_the_colon(_QUOTED_SOMEONE, clause)):
            if quoted.group("name"):
                name = self.person(quoted.group("name"), allow_new=True)
            else:  # `Kowalczyk was skeptical ..., and Henrik quoted him`: the sentence's first person, not Henrik
                opener = _SENTENCE_OPENER.match(clause)
                quoter = clause[: quoted.start()].rstrip().rsplit(" ", 1)[-1]
                name = self.person(opener.group(), allow_new=False) if opener else None
                name = None if name is not None and self.people.resolve(quoter) == name else name
            return Attribution(name, "lead-in") if name else NONE
        for cue, pattern in (
            (" put it ", _PUT_IT),
            (" with ", _CLIP_WITH),
            (" from ", _LINE_FROM),
            (" by ", _LINE_FROM),
        ):
            if cue in clause and (found := _search_before_the_colon(pattern, clause)):
                name = self.person(found.group("name"), allow_new=True)
                if name:
                    return Attribution(name, "lead-in")
        return None

    def _lead_in(self, clause: str, context: ItemContext) -> Attribution | None:
        """`Jane Roe explains:`, `As Jane put it,`, `He adds:`; a role noun (`The host asks`) or
        an unnamed speaker (`An expert told Zach:`) means nobody we can name."""
        if ", who " in clause and (who := _WHO_TOLD.search(clause)):  # `an analyst, Mara Lind of X, who told him that`
            return self._antecedent(clause[: who.start()])
        relaying = self._relayed(clause)
        if relaying is not None:
            return relaying
        cjk = _cjk_lead_in(clause)
        if cjk:  # `李明认为：` — the last two to four characters before the verb that name a known person
            run = cjk.group("run")
            for size in (2, 3, 4):
                name = self.person(run[-size:], allow_new=False) if len(run) >= size else None
                if name:
                    return Attribution(name, "lead-in")
        if cjk or has_cjk(clause):
            found = self._cjk_lead_in_sentence(clause, context)
            if found is not None:
                return found
        opening = _SUBJECTLESS_SPEECH.match(clause) if context.entry_person else None
        if opening and not _SPEECH.search(clause, opening.end()):
            # `**Tim Cook** — CEO of Apple. Told analysts "..."`: the entry's person, whoever they are
            # (not `Responded after critics said "..."`: another's words, named later in the clause)
            return Attribution(context.entry_person, "people entry")
        teller = _teller(clause)
        if teller is not None and not _PRONOUN.match(teller):  # (`He told her:` is the pronoun's)
            name = self.person(teller, allow_new=len(teller.split()) >= 2)
            return Attribution(name, "lead-in") if name else NONE  # `One early customer told him`
        with_participle = _WITH_PARTICIPLE_IN(clause)
        if with_participle:  # `..., with Ruiz confirming "..."`
            name = self.person(with_participle.group("name"), allow_new=True)
            return Attribution(name, "lead-in") if name else NONE
        noun_of = _NOUN_OF_NAME_IN(clause)
        if noun_of:  # `The first question Jo asks every founder is "..."`
            raw = noun_of.group("name")
            name = self.person(raw, allow_new=len(raw.split()) >= 2)
            if name:
                return Attribution(name, "lead-in")
        relative = _RELATIVE_CHARACTERIZES_IN(clause)
        if relative:  # `..., which Ruiz credits with "..."`
            raw = relative.group("name")
            name = self.person(raw, allow_new=len(raw.split()) >= 2)
            if name:
                return Attribution(name, "lead-in")
        # (`relayed a line from a customer: "She told me, 'It's a toy'"`: the quote is the relayer's telling)
        retold = bool(_TOLD_ME.match(self.current_text))
        if not retold and _quotes_unnamed(clause):  # `Asante quotes a former colleague describing it:`
            return READ_OUT_BY_NOBODY
        read_out = None if retold else _READS_OUT_IN(clause)
        if read_out:  # `Priya quotes Lee's memo:` is Lee's; `Priya reads Lee's bio:` nobody's
            if not _own_words().fullmatch(read_out.group("noun")):
                return READ_OUT_BY_NOBODY
            raw = read_out.group("name")
            name = self.person(raw, allow_new=len(raw.split()) >= 2)
            return Attribution(name, READ_OUT) if name else READ_OUT_BY_NOBODY
        if (pronoun_read := _search_before_the_colon(_READS_PRONOUNS_OWN, clause)) and _own_words().fullmatch(
            pronoun_read.group("noun")
        ):
            # `Leah read her statement from the FDA announcement:` in Dr. Rao's entry: the entry's
            # person's words; elsewhere whose they are is not said
            person = context.entry_person
            subject = _subject_match(_untitled_clause(clause))
            reader = self.people.resolve(_bare(subject.group("name"))) if subject else None
            return Attribution(person, READ_OUT) if person and person != reader else READ_OUT_BY_NOBODY
        if (", in which " in clause or ", where " in clause or ", when " in clause or ", after which " in clause) and (
            relative_speaker := _RELATIVE_SPEAKER.search(clause)
        ) is not None:
            # `Jasper read the announcement, in which CEO Tobias Reinholt said:`: the clause's own subject
            raw = _untitled(relative_speaker.group("name"))
            name = self.person(raw, allow_new=len(raw.split()) >= 2)
            return Attribution(name, "lead-in") if name else NONE
        if (
            not retold
            and ("read" in clause or "quot" in clause or "recit" in clause)
            and (read_from := _search_before_the_colon(_READ_FROM_TEXT, clause.rstrip(" *_")))
            and not _then_speaks().search(read_from.group("tail") or read_from.group("source") or "")
        ):
            author = _read_author().search(read_from.group("tail") or "")
            raw = (author.group("from") or author.group("writer")) if author else None
            name = self.person(raw, allow_new=len(raw.split()) >= 2) if raw else None
            return Attribution(name, READ_OUT) if name else READ_OUT_BY_NOBODY
        according = _ACCORDING_OPENS.match(clause) if clause.rstrip(" *_").endswith(":") else None
        if according:  # `According to Adebayo, this was Marchetti's idea and it changed everything:`
            name = self.person(according.group("name"), allow_new=False)
            if name:
                return Attribution(name, "lead-in")
        as_put = _AS_PUT_IN(clause)
        if as_put:
            name = self.person(as_put.group("name"), allow_new=True)
            if name:
                return Attribution(name, "as X put it")
        starts = _clause_starts(clause)
        if _about_start(clause) or _described_as(clause):
            return NONE  # `Priya was praised by her investors:`: words about the subject, not hers
        closing = _closing_speaker(clause)
        if closing:  # `Brightwell Bank wants a co-signer, but Okafor insists:`
            name = self.person(closing.group("name"), allow_new=True)
            return Attribution(name, "lead-in") if name else NONE
        speech_end = bool(_SPEECH_AT_END_IN(clause))
        # `Jo said,` / `Jo explains:` introduce a quote; `Jo questions the Act, "a rule that..."`
        # glosses a noun with someone else's words: after a comma the speech verb must end the clause.
        colon = clause.rstrip(" *_").endswith(":") or (clause.rstrip(" *_").endswith(",") and speech_end)
        for candidate in starts:
            candidate = _untitled_clause(candidate)  # `Harrowgate CFO Tomás Ibarra tells ...:`
            match = _subject_match(candidate)
            if not match:
                continue
            if _thing_of(match, candidate):
                if colon and self.people.resolve(_bare(match.group("name"))):
                    return NONE  # `Lena Osei's new chain praised at length:`: the chain is the subject
                continue
            verb_phrase = candidate[match.start("verb") :]
            spoken = _SPEECH.search(verb_phrase) or _CHARACTERIZES.match(verb_phrase)
            if colon or speech_end or spoken:
                # `Bending Spoons operates as a hybrid:` introduces a quote but names no new person.
                stance = bool(spoken or _STANCE.search(verb_phrase))
                characterizes = bool(_CHARACTERIZES.match(verb_phrase))  # `Dana Ruiz credits Lee as`
                name = self.person(match.group("name"), allow_new=speech_end or characterizes or (colon and stance))
                bare = _bare(match.group("name"))
                if name is None and (colon or spoken) and self._unplaced_person(bare):
                    return NONE  # a named speaker we cannot place: not the paragraph's subject either
                if name is None and colon and self._unplaced_first_name(bare):
                    return NONE
                relayed = _RELAYED.search(candidate[match.end("verb") :])
                if name and relayed and fold(relayed.group("name")) != fold(name):
                    return NONE  # `Jo shares an insight from Ann Lee: "..."`: Ann's words, Jo's voice
                if name and match.group("verb") in _QUOTING_VERBS and self._person_next(candidate, match.end("verb")):
                    return READ_OUT_BY_NOBODY  # `Jane Roe quoted Steve Jobs:`: his words, relayed (not `cited Siri as`)
                if name and _RELAYED_POSSESSIVE.search(candidate[match.start("verb") :]):
                    return NONE  # `Jo quotes Buffett's advice:`
                if name:
                    return Attribution(name, "lead-in")
        further_in = _NAMED_BEFORE_VERB.search(clause)
        if further_in and not _CAPITALIZED_END.search(clause, 0, further_in.start()):  # not a run's tail
            # `Altimeter partner Jo Lee said that`: a subject further in
            found = self._named_before_verb(further_in.group("name"))
            if found is not None:
                return found
        for candidate in starts:
            # `He admits:`, `His answer:`, `In her words:`
            if _PRONOUN.match(candidate) or (colon and _POSSESSIVE_PRONOUN.match(candidate.removeprefix("In "))):
                if _RELAYED_SPEAKER.search(candidate) or _RELAYED_POSSESSIVE.search(candidate):
                    return NONE  # `He notes Acme's CTO agrees:`, `He cites Macy's line:`: relayed words
                teller = _teller(candidate) if colon else None
                if teller is not None and not _PRONOUN.match(teller):
                    # `She recalls what a publisher she worked for, Anton Vasquez-Lehr, told new staff:`
                    name = self.person(teller, allow_new=len(teller.split()) >= 2)
                    return Attribution(name, "lead-in") if name else NONE
                if _RELAYS_NAMED.match(candidate):
                    return NONE  # `He references Dario from Anthropic:`
                pronoun = _GENDERED_PRONOUN.match(candidate.removeprefix("In "))
                if context.addressed_as and pronoun and pronoun.lastgroup == context.addressed_as:
                    return NONE  # `Li Wen asks him ... He estimates`, `Marcus pressed her on it. Her answer:`
                if pronoun and _other_gender_brings_someone(self.current_before, pronoun.lastgroup):
                    return NONE  # `He read out an email from a test engineer. She wrote:`: the engineer
                target = context.pronoun_target()
                if target is None and context.subject is None and context.referent is None and self.conversation:
                    target = self.sole_speaker  # `He admits:` where the one guest is the only speaker
                if target and _DISAGREES.match(candidate):  # `Rutger suggested ... She disagreed:`: not Rutger
                    others = self.participants - {target}
                    two = self.conversation and len(self.participants) == 2 and target in self.participants
                    target = next(iter(others)) if two else None
                if target and not _names_speaker(self.current_text, target):
                    return Attribution(target, "pronoun")
                return NONE
            if _ROLE_NOUN.match(candidate) and (colon or _SPEECH.search(candidate)):
                return NONE  # `The co-host read a listener question:`: someone unnamed speaks
            if colon and (_INDEFINITE_SUBJECT.match(candidate) or _SOMEONE_UNNAMED.match(candidate)):
                return NONE  # `One physician at St. Aurelia told the team:`, `A Hanoi dealer he met told him:`
        if (colon or speech_end) and _SPEECH_IN(clause):
            named = self._names_in(clause)
            if named - {context.subject}:
                return NONE  # someone else is named in the lead-in: not safe to guess
            if _unknown_speaker(clause):
                return NONE  # `Amelia notes,` names a speaker we cannot resolve: not the paragraph's subject
        return None

    def _named_before_verb(self, run: str) -> Attribution | None:
        """The speaker a name right before the lead-in's verb gives (`Altimeter's Jo Lee` is Jo
        Lee); an organization gives nobody, and so does an unknown name (not the context's speaker)."""
        tokens = run.split()
        owned = max((index + 1 for index, token in enumerate(tokens) if token.endswith(_POSSESSIVE_ENDS)), default=0)
        rest = " ".join(tokens[owned:])
        if not rest:
            return None
        name = self.person(_untitled(rest), allow_new=len(tokens) - owned >= 2)  # `Brisa CEO Devika Rao said`
        if name:
            return Attribution(name, "lead-in")
        if len(tokens) - owned >= 2 or fold(rest) in self.organizations:
            return NONE  # `Orbex Capital estimated that`, `Altimeter's Meghan said`: not the context's speaker
        return None

    def _arguing_subject(self, sentence: str, analysis: bool = False) -> str | None:
        """`Ruiz argues that pricing is the moat.`: a known person saying or arguing something,
        with nobody else named in the sentence; with `analysis`, also laying out a view of theirs
        (`Ruiz maps three shifts:`, `Ruiz makes a brief point`)."""
        sentence = _without_field(sentence)
        for candidate in _clause_starts(sentence):
            match = _subject_match(candidate)
            if not match:
                continue
            verb, verb_at = match.group("verb"), match.start("verb")
            if match.group("possessive") or match.group("name").endswith(_POSSESSIVE_ENDS):
                # `Palihapitiya's framework argues that`: his words; `Jo's new venture defended`: not his
                owned = _OWN_WORDS_VERB.match(candidate, match.start("verb"))
                if owned is None:
                    continue
                verb, verb_at = owned.group("verb"), owned.start("verb")
            said = _SPEECH.fullmatch(verb) or _STANCE.fullmatch(verb)
            # with `analysis`, a phrase too: `lays out`, `makes a brief point`
            laid_out = analysis and (_ANALYZES.match(candidate, verb_at) or _STANCE.match(candidate, verb_at))
            if not (said or laid_out):
                continue
            name = self.person(match.group("name"), allow_new=False)
            rest = candidate[match.end("verb") :]
            if name and not (self._names_in(sentence) - {name}) and not self._someone_new_in(rest):
                # Asked last (every test here is a pure reading of the sentence): few sentences
                # name a known speaker, and these are the costliest tests.
                about = _about_start(sentence) or self._about_someone_else(sentence)
                return None if about else name
        return None

    def _someone_new_in(self, text: str) -> bool:
        """`...that Halden's Raj Patel saw it first`: a full name we do not know yet."""
        for match in _NAME.finditer(text):
            raw = _bare(match.group(0))
            if len(raw.split()) >= 2 and self._unplaced_person(_untitled(raw)):
                return True
        return False

    def _not_someone(self, name: str) -> bool:
        """A speaking subject that is no person: one of the document's organizations (by its name,
        or a lone word its name starts with: `Acme` for Acme Capital), or a lone word the document
        also writes in lower case (`Durable writes memos:` where the text says `at durable`)."""
        key = fold(name)
        if key in self.organizations:
            return True
        return " " not in key and (
            key in self.everyday_words
            or any(organization.split(" ", 1)[0] == key for organization in self.organizations)
        )

    def _person_next(self, text: str, position: int) -> bool:
        """Whether a person is named at `position`: one the document knows, or a full name that is
        none of its organizations (`quoted Steve Jobs`, not `cited Siri`)."""
        named = _NAMED_NEXT.match(text, position)
        if named is None or len(text[named.end() :].split()) > _RELAY_TAIL_WORDS:
            return False  # (`cited Andy Grove and then gave her own view:` goes on to her words)
        name = named.group("name")
        if self.people.resolve(name):
            return True
        return " " in name and fold(name) not in self.organizations and looks_like_person_name(name)

    def _unplaced_person(self, name: str) -> bool:
        """A full name that is no organization of the document (nor the opening words of one:
        `Halyard Peak` of Halyard Peak Capital) and no person we know."""
        key = fold(name)
        if key in self.organizations or any(organization.startswith(key + " ") for organization in self.organizations):
            return False
        return plausible_new_person(plain(name), self.everyday_words)

    def _unplaced_first_name(self, name: str) -> bool:
        """In a conversation, a lone name we cannot place (`Nora pushed further:` where Nora is in
        no list and no entry): someone speaks, not the paragraph's subject."""
        word = plain(name).strip()
        return (
            self.conversation
            and " " not in word
            and word.isalpha()
            and word.lower() not in _COMMON_WORDS
            and looks_like_person_name(word)
            and not self._not_someone(word)
        )

    def _about_someone_else(self, clause: str) -> bool:
        """The clause before the quote makes it words about the subject or someone of theirs: a
        passive (`Praised for`), a cited saying (`the old creed of`), `Alex's father:`."""
        if _words_about(clause):
            return True
        for names, speaks in _possessive_names(clause):
            if not speaks and any(self.people.resolve(name) for name in names):
                return True  # `a lesson from Alex's father:`, `Lena's new chain praised:`
        return False

    def _context(self, quote: Quote, context: ItemContext) -> Attribution:
        if _mentioned_phrase(quote):
            return NONE  # `The ability to say "fold this with seams in" or ...`: a phrase mentioned, nobody's words
        if context.pending and not _names_speaker(quote.text, context.pending):
            # (not `"Cheng believes AI studios ..."`: words about the one announced)
            if _opens_its_line(quote):  # not `His comments came after Anthropic drew red lines for "..."`
                return Attribution(context.pending, "lead-in above")
        elif context.pending:
            return NONE
        if context.pending_blocked:
            return NONE
        if _unnamed_role_spoke_last(quote.source[max(0, quote.start - _ROLE_WINDOW) : quote.start], context.subject):
            return NONE  # `Kerner mentioned X. The host expanded this ... The pattern: "..."`
        clause = _last_sentence(_with_phrase_before(quote, strip_timestamps(quote.before)))
        if self._names_in(clause) - {context.subject}:
            return NONE
        if self._about_someone_else(clause):
            return NONE
        if _HEARSAY_BEFORE_IN(clause) or _HEARSAY_AFTER.search(plain(quote.after)):
            return NONE
        if _OPEN_PARENTHESIS_END.search(quote.before):
            return NONE  # `rejects the usual approach ("we can do it in 72 days")`: an illustration, not a claim
        source = _OTHER_SOURCE_IN(clause)
        if source and not self.people.resolve(source.group("name")):
            return NONE  # `what the Wall Street Journal called "..."`: an outlet's words, not the subject's
        candidate = self._context_candidate(quote, context)
        if candidate and not _names_speaker(quote.text, candidate[0]):
            return Attribution(*candidate)
        return NONE

    def _context_candidate(self, quote: Quote, context: ItemContext) -> tuple[str, str] | None:
        """The speaker the context gives the quote, with its rule: the first that applies (the
        later tests read the quote, and are made only when the earlier ones fail)."""
        if self.conversation and context.subject:
            return context.subject, "item subject"
        if context.owner and (
            _first_person(quote.text) or (_quote_field(quote) and (self.conversation or context.owner_speaks))
        ):
            return context.owner, "people entry"
        if self.conversation and self.sole_speaker:
            return self.sole_speaker, "sole speaker"
        if self.sole_author and _first_person(quote.text):  # `"I'm not an employment doomer."`
            if context.organization_entry and not any(name in quote.text for name in context.organization_entry):
                return None  # (`Crunchbase was our baseline`, in Crunchbase's entry: the author's)
            return self.sole_author, "sole author"
        return None

    def lead_in_line(self, text: str, context: ItemContext, block_quote_follows: bool = False) -> None:
        """A prose line ending in `:` with no quote on it announces the speaker of what follows; so
        does, right before a block quote, a sentence whose known subject argues or says something."""
        context.pending, context.pending_blocked = None, False
        if not block_quote_follows and ":" not in text and "&" not in text and "：" not in text:
            return  # no colon, and no entity to write one: most prose lines
        stripped = plain(strip_timestamps(text)).strip()
        if block_quote_follows and has_cjk(stripped):
            # `宋予安称这比任何演示都有说服力。` above a block quote: the nearest sentence a known person
            # opens with a word of speech or opinion (a colon's lead-in is read so too)
            context.pending = self._cjk_speaking_opener(stripped)
            if context.pending is not None or not stripped.endswith(("：", ":")):
                return
        if not stripped.endswith(":"):
            if block_quote_follows:
                sentences = _sentences(stripped)
                context.pending = self._arguing_subject(sentences[-1].strip())
                if context.pending is None and len(sentences) > 1:
                    # `Thompson warns that X. Agents move the point down.` above a block quote: the
                    # paragraph says what he argues (`The consensus is X. Thompson pushes back: Y. Z.`)
                    # and names nobody else
                    first = next(
                        filter(None, (self._arguing_subject(s.strip(), analysis=True) for s in sentences[:-1])), None
                    )
                    if first and not (self._names_in(stripped) - {first}) and not self._someone_new_in(stripped):
                        context.pending = first
            return
        clause = _without_field(_sentences(stripped)[-1].strip())
        raw = _label(text)
        if raw:
            name = None if is_placeholder(plain(raw)) else self.person(raw, allow_new=True)
            if name:
                context.pending = name
            elif not re.match(r"(?:key |notable )?quotes?\b", plain(raw), re.I) and not is_field_label(plain(raw)):
                context.pending_blocked = True  # (`**Substantiation:**` names no one: the item's context speaks)
            return
        found = self._lead_in(clause, context)
        if found is not None:
            context.pending = found.speaker
            context.pending_blocked = found.speaker is None


_FIELD_LEAD = re.compile(r"^([^:]{1,40}):\s+(?=\S)")


def _without_field(clause: str) -> str:
    """`Substantiation: Lin Hai said` -> `Lin Hai said`: a field label is no part of the sentence."""
    field = _FIELD_LEAD.match(clause) if ":" in clause else None
    return clause[field.end() :] if field and is_field_label(field.group(1)) else clause


_DASH_CLAUSE = re.compile(r"\s[—–]\s+(?=[A-Z])")
_COMMA = re.compile(r",\s+")
# a second main clause: after a comma, or `but` alone (`Plover's team spends heavily but Hannah insists`)
_COORDINATED = re.compile(r",\s+(?:but|yet|and|so|whereas)\s+|\s(?:but|whereas)\s+(?=[A-Z])")
_SEMICOLON = re.compile(r";\s+")


@lru_cache(maxsize=_TEXTS_KEPT)  # the same lead-in is read by several rules of one quote
def _clause_starts(clause: str) -> tuple[str, ...]:
    """Where a clause's subject may start: at its start, after a leading phrase (`But`, `In 2020,`),
    or, after a subordinate clause (`While the world debated A, B and C, Jensen argues`), after
    any of its commas."""
    # (anchored: a substitution could only remove this)
    comma = "," in clause  # most clauses have none: a leading phrase, a subordinate clause, a title apposed need one
    leading = _LEADING_PHRASE.match(clause) if comma else _LEADING_WORD.match(clause)
    starts = [clause]
    if leading and leading.end():
        starts.append(clause[leading.end() :])
    # `This is no abstract risk — Dylan projects...`: a new clause after a dash
    if "—" in clause or "–" in clause:
        starts += [clause[match.end() :] for match in _DASH_CLAUSE.finditer(clause)]
    if comma and _SUBORDINATE.match(clause):
        starts += [clause[match.end() :] for match in _COMMA.finditer(clause)]
    apposed = _APPOSED_TITLE.match(clause) if comma else None
    if apposed:  # `Its CEO, Bram Okafor, told The Wafer:` reads as `Bram Okafor told The Wafer:`
        rest = clause[apposed.end() :]
        name = _NAME.match(rest)
        if name and rest.startswith(",", name.end()):
            starts.append(rest[: name.end()] + rest[name.end() + 1 :])
    return tuple(dict.fromkeys(starts)) if len(starts) > 2 else tuple(starts)


def _sentences(text: str) -> list[str]:
    """`text` cut into sentences; a sentence ends only after `.`, `!`, `?` or `…`, so a text
    without any is one sentence, told without the expression."""
    if "." not in text and "!" not in text and "?" not in text and "…" not in text:
        return [text]
    sentences = []
    start = 0
    for end in _SENTENCE_END.finditer(text):  # a sentence keeps its end mark; the spaces go
        sentences.append(text[start : end.start(1)])
        start = end.end()
    sentences.append(text[start:])
    return sentences


@lru_cache(maxsize=_TEXTS_KEPT)  # the lead-in rule and the context rule read the same text
def _last_sentence(text: str) -> str:
    """The last sentence of `text` as plain words."""
    return _sentences(plain(text))[-1]


@lru_cache(maxsize=_TEXTS_KEPT)  # prose is read once per line; the subject rule asks again per quote
def spoken_sentences(text: str) -> tuple[str, ...]:
    """`text` as plain words without timestamps, cut into sentences (a timestamp before a
    capitalized word ends one)."""
    return tuple(_sentences(plain(strip_timestamps_ending_sentences(text))))


def _subject_candidates(sentence: str) -> tuple[tuple[str, bool], ...]:
    """The names a sentence may have as its subject (`Jane Roe explains`), in the order the
    subject rule tries them, each with whether it is a thing of theirs (`Jane's new venture`).
    Not cached itself: its text's answers are (`_subject_candidates_of`), and a sentence seldom
    recurs in another text."""
    sentence = sentence.strip(' *_"')
    if ":" in sentence:
        sentence = _without_field(sentence)  # `Why Mentioned: Kerner identifies...`
    starts = _clause_starts(sentence)
    if ", " in sentence or " but " in sentence:  # `Most firms start with rigid objects, but Jo chose towels`
        starts += tuple(sentence[match.end() :] for match in _last(_COORDINATED.finditer(sentence)))
    found = []
    if "; " in sentence:  # `Harry raised Pilot; Mara responded that ...`: the nearer clause's speaker first
        for match in reversed(_last(_SEMICOLON.finditer(sentence))):
            subject = _clause_subject(sentence[match.end() :], speaking=True)
            if subject:
                found.append(subject)
    for candidate in starts:
        subject = _clause_subject(candidate)
        if subject:
            found.append(subject)
    return tuple(found)


_CLAUSES_READ = 3  # a sentence's last few clauses after a semicolon or `but`: a hostile one has thousands


def _last(matches: Iterator[re.Match[str]]) -> list[re.Match[str]]:
    return list(deque(matches, maxlen=_CLAUSES_READ))


def _clause_subject(candidate: str, speaking: bool = False) -> tuple[str, bool] | None:
    """The subject a clause opens on, with whether it is a thing of theirs (`Jane's new venture`);
    `speaking`: only one whose verb is a verb of speech."""
    match = _subject_match(candidate)
    if match is None:
        return None
    name, verb, possessive = match.group("name", "verb", "possessive")
    if verb.startswith(("and", "or")) or speaking and not _SPEECH.match(verb):
        return None
    # `_thing_of` reads on only after a possessive (`Jane's new venture`): most subjects have none
    thing = bool(possessive or name.endswith(_POSSESSIVE_ENDS)) and _thing_of(match, candidate)
    return _subject_name(name), thing


@lru_cache(maxsize=1 << 12)  # a sentence seldom recurs, its subject's name often does
def _subject_name(name: str) -> str:
    """A subject as the name it may be: `CEO Ruth Amsel's` -> `Ruth Amsel`."""
    return _untitled(_bare(name))


@lru_cache(maxsize=_TEXTS_KEPT)
def _subject_candidates_of(text: str) -> tuple[tuple[tuple[str, bool], ...], ...]:
    """Each sentence's subject candidates, for the sentences of `text` that have any."""
    found = []
    for sentence in spoken_sentences(text):
        candidates = _subject_candidates(sentence)
        if candidates:
            found.append(candidates)
    return tuple(found)


def _untitled_clause(clause: str) -> str:
    """A clause without the job title its subject's name follows (`Harrowgate chief financial
    officer Tomás Ibarra tells ...` -> `Tomás Ibarra tells ...`), when a two-word name follows it."""
    if not clause[:1].isupper():
        return clause
    titled = _JOB_TITLE.match(clause)
    return clause[titled.end() :] if titled and _TWO_NAMES.match(clause, titled.end()) else clause


_TWO_NAMES = re.compile(r"[A-Z\u00c0-\u00de][\w'’-]+\s+[A-Z\u00c0-\u00de][\w'’-]+\b")


# An unnamed host or interviewer opening a sentence as its subject (`The host expanded this into`),
# looked for in the stretch of the line before a quote (a window: a long line's quotes each read it)
_ROLE_WINDOW = 600
# (not one who asks: the answer after `The host asked about X.` is the guest's)
_ROLE_SUBJECT = re.compile(
    r"(?:^|[.!?]\s+)[Tt]he\s+(?:co-?host|host|interviewer|moderator)s?\s+(?:\w+ly\s+)?"
    r"(?!of\b|and\b|ask|question|press|prob|wonder|quer|challeng|invit|introduc|turn)[a-z]"
)


def _unnamed_role_spoke_last(before: str, subject: str | None) -> bool:
    """A sentence of the line before the quote has an unnamed host or interviewer as its subject
    (`The host expanded this ...`), and no later one names the paragraph's subject again."""
    if "host" not in before and "interviewer" not in before and "moderator" not in before:
        return False  # (most lines)
    roles = list(_ROLE_SUBJECT.finditer(before))
    if not roles:
        return False
    later = before[roles[-1].end() :]
    return not (subject and any(part in later for part in subject.split() if len(part) > 2))


# A short quote the sentence uses as a phrase rather than reports: an utterance given as an example
# (`The ability to say "fold this with seams in" or ...`), or a phrase set before a noun like an
# adjective (`the entire "services are low margin" bias in venture`): no context makes it anyone's.
_MENTION_WORDS = 8
_EXAMPLE_WINDOW = 200
_TO_SAY = r"\b(?:to|can|could|would|will|might|must|should)\s+(?:say|ask|tell)"
_SAYING_AS_A_THING = re.compile(rf"{_TO_SAY}\s*$")
# (and the next example of a list: `to say "fold this" or "separate that"`)
_NEXT_EXAMPLE = re.compile(rf"{_TO_SAY}\s+[*_]*[\"“][^\"“”]{{1,120}}[\"”][*_]*\s*(?:,|or|and|,\s*or|,\s*and)\s*[*_]*$")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|their|his|her|our)(?:\s+[a-z]+){0,2}\s*$")
_NOUN_AFTER = re.compile(r"^[*_]*\s*[a-z]+\s+(?:in|of|for|as|that|which|among|across|is|was|has)\b")


def _mentioned_phrase(quote: Quote) -> bool:
    if len(quote.text.split()) > _MENTION_WORDS:
        return False
    before = _last_sentence(plain(strip_timestamps(quote.before))).rstrip(" *_")
    # (the example just before, in a window: each quote of a long line reads only its own stretch)
    window = max(0, quote.start - _EXAMPLE_WINDOW)
    if _SAYING_AS_A_THING.search(before) or _NEXT_EXAMPLE.search(quote.source, window, quote.start):
        return True
    return bool(_DETERMINER_BEFORE.search(before) and _NOUN_AFTER.match(plain(quote.after)))


@lru_cache(maxsize=1 << 12)  # a document names its people again and again
def _untitled(name: str) -> str:
    """`CEO Ruth Amsel` -> `Ruth Amsel`; a lone name after a title stays as written (`Host Priya`)."""
    titled = _JOB_TITLE.match(name)
    return name[titled.end() :] if titled and len(name[titled.end() :].split()) >= 2 else name


@lru_cache(maxsize=_TEXTS_KEPT)
def _name_runs(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Capitalized runs that may name someone, each with its words that may name someone alone
    (longer than two letters, no common word)."""
    return tuple(
        (run, tuple(token for token in run.split() if len(token) > 2 and token.lower() not in _COMMON_WORDS))
        for run in (match.group(0) for match in _NAME.finditer(text))
    )


def _unknown_speaker(clause: str) -> bool:
    """The lead-in's subject is a capitalized word or name (not `He`, `This`) before its speech verb."""
    return _speaking_subject(clause) is not None


@lru_cache(maxsize=_TEXTS_KEPT)
def _speaking_subject(clause: str) -> str | None:
    """The capitalized word or name (not `He`, `This`) before the lead-in's speech verb, as written."""
    for candidate in _clause_starts(clause):
        match = _subject_match(candidate)
        if match and _SPEECH.match(match.group("verb")):
            name = plain(match.group("name"))
            first = name.split()[0].lower()
            if first not in _COMMON_WORDS and not _PRONOUN.match(first):
                return name
    return None


@lru_cache(maxsize=_TEXTS_KEPT)
def _about_start(clause: str) -> bool:
    """A clause start reads as words about someone (`Praised for`, `Priya was dubbed`)."""
    return any(map(_says_about, _clause_starts(clause)))


def _says_about(candidate: str) -> bool:
    """Whether `_ABOUT` finds words about someone in the clause start."""
    # Past the start, it finds only a passive of one of `_ABOUT_VERBS` (`Priya was dubbed`), which
    # all end in `ed`: a start that lacks it is matched where it opens, not searched through.
    if "ed" not in candidate.lower():
        return _ABOUT.match(candidate) is not None
    return _ABOUT.search(candidate) is not None


@lru_cache(maxsize=_TEXTS_KEPT)
def _words_about(clause: str) -> bool:
    """The clause makes what follows words about the subject: a passive, a cited saying, a
    relative's, a crowd's or an unnamed source's words, a description."""
    if _about_start(clause.strip(" *_\"'")):
        return True
    if _SAYING_BEFORE.search(clause) or _RELATIVE.search(clause) or _CROWD_SOURCE.search(clause):
        return True
    return bool(_UNNAMED_SOURCE.search(clause) or _GROUP_SAYING.search(clause) or _described_as(clause))


@lru_cache(maxsize=_TEXTS_KEPT)
def _possessive_names(clause: str) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """Each possessive name of the clause (`Alex Lee's father`) as the names it may be (`Alex
    Lee`, `Lee`), with whether a word of theirs follows (`Lee's answer`, `Lee's memo argues`)."""
    found = []
    for match in _POSSESSIVE_NAME.finditer(clause):
        tokens = match.group("name").split()
        rest = clause[match.end() :]
        speaks = bool(_SPEECH_NOUN.match(rest) or _WRITING_SPEAKS.match(rest))
        found.append((tuple(" ".join(tokens[i:]) for i in range(len(tokens))), speaks))
    return tuple(found)


_POSSESSIVE_ENDS = ("'s", "’s")


def _bare(name: str) -> str:
    """`Ruiz's` -> `Ruiz` (a name found by `NAME`: it never ends in a newline, which `$` allows)."""
    return name[:-2] if name.endswith(_POSSESSIVE_ENDS) else name


def _thing_of(match: re.Match[str], candidate: str) -> bool:
    """`Lena Osei's new chain ...`: a possessive subject whose noun is not something said."""
    # a name ends in a name character, never in a newline: `endswith` is the pattern `['’]s$`
    if not (match.group("possessive") or match.group("name").endswith(_POSSESSIVE_ENDS)):
        return False
    rest = candidate[match.start("verb") :]
    return not (_SPEECH_NOUN.match(rest) or _WRITING_SPEAKS.match(rest))


# `I` / `we` as words: not the letters of an abbreviation such as "H.I.G." or "U.S.".
_FIRST_PERSON = re.compile(
    r"(?<![\w.])" + one_of("I|I'm|I've|I'd|I'll|me|my|My|we|We|we're|We're|we've|We've|our|Our|us") + r"(?![\w]|\.\w)"
)
_THIRD_PERSON = re.compile(r"\b(?:he|him|his|she|her|hers)\b", re.I)


def _first_person(text: str) -> bool:
    """A quote in someone's People entry is theirs only if it speaks as `I` or `we`, and does not
    first speak of a `he` / `she` (usually the entry's owner, quoted by someone else: "bring him
    onto the cap table... we're excited"); otherwise it is the article's or a guest's words."""
    first = _FIRST_PERSON.search(text)
    third = _THIRD_PERSON.search(text)
    return first is not None and not (third is not None and third.start() < first.start())


_TITLED = re.compile(r"[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){0,3}:\s")  # `OmniH2O: ...`, `Year Four: ...`
_QUOTE_FIELD = re.compile(r"(?:key |notable |signature |memorable |best |representative )?quotes?|in (?:his|her) words")


def _quote_field(quote: Quote) -> bool:
    """`- Key quote: "..."` in someone's entry (or a Quote column of a People table, or a block quote
    standing alone) gives the entry person's words, unless the quote speaks of a `he` / `she` (then
    it is about them)."""
    field = quote.field or (quote.table_header if quote.location == "table" else None) or ""
    standing = quote.location == "blockquote" and not field  # `> "..."` alone under the entry's person
    if standing and _TITLED.match(quote.text):
        return False  # `OmniH2O: Universal humanoid teleoperation`: a paper's title under its author
    if not standing and not _QUOTE_FIELD.fullmatch(plain(field).strip(" *_:").lower()):
        return False
    before = plain(quote.before)
    if quote.location == "field":
        before = before.split(":", 1)[-1]
    if _WORD_CHAR.search(before):
        return False  # `Legislation would require chatbots to "..."`: the quote is part of a sentence
    text = quote.text
    return not (_THIRD_PERSON.search(text) or _DESCRIPTION_FRAGMENT.match(text) or _REPORTED_ROLE.search(text))


# `BlackRock's CEO called for...`, `The Microsoft CEO was a hero`: the article reporting on the person.
_REPORTED_ROLE = re.compile(
    r"\b"
    + one_of(
        "CEO|CTO|CFO|founder|co-founder|chairman|chairwoman|chair|president|chief executive|executive|billionaire|"
        "investor|professor|senator|judge|boss",
        True,
    )
    + r"\s+(?:\w+ly\s+)?"
    + one_of(
        "said|says|called|calls|was|is|has|had|warned|argued|told|wrote|announced|stepped|joined|left|wants|plans|will",
        True,
    )
    + r"\b",
    re.I,
)
# What a People entry says of its person when its quote is their own words (an article's entry).
_SPEECH_CUE = re.compile(
    r"\b"
    + one_of(
        "said|says|argued|argues|warned|warns|explained|explains|articulated|articulates|articulating|commentary|"
        "comments|comment|commented|quoted|called|calls|told|tells|predicted|predicts|described|describes|noted|notes|"
        "stated|states|expressed|expresses|flagged|flags|framing|voice|spokesperson|spoke|speaks|interview|"
        "interviewed|wrote|writes|posted|posts|tweeted|testified|remarks|remarked|characterizing|characterized|"
        "emphasized|stressed|cautioned|claimed|insisted|pushed back|admitted|conceded|recalled|author of the|"
        "author of this|predicting|arguing|warning|saying|claiming|claim|claims|stating|noting|explaining|"
        "insisting|emphasizing|asserting|asserts|asserted|contends|contended|contending|declared|declares|declaring|"
        "quipped|quips|joked|jokes|observed|observes|observing|suggested|suggests|suggesting|recounting|recounts",
        True,
    )
    + r"\b",
    re.I,
)


def entry_speaks(text: str) -> bool:
    """Whether a People entry's own words (its quotes left out) say the person spoke or wrote."""
    return bool(_SPEECH_CUE.search(re.sub(r'"[^"]*"', " ", text)))


# `Joined Halden as head of sales.`, `Seeking to raise $1 billion.`: a subjectless line about the
# entry's person, copied from the article, not their words.
_DESCRIPTION_FRAGMENT = re.compile(
    r"^[\W_]*(?!(?:Everything|Nothing|Something|Anything|Indeed|Agreed)\b)"
    r"(?:[A-Z][a-z]{2,}ed|[A-Z][a-z]{2,}ing\s+(?:to|as|at|for|in|on)|Led|Left|Ran|Took|Became|Built|Won|Sold|Bought|Leads|Runs|Joins|Serves|Oversees|"
    r"Heads|Co-founded|Spent|Grew|Made|Has|Had|Was|Is|Will|Now|Previously|Formerly|Also)\b"
)


# `Hi, I'm Andre and welcome`: a speaker naming themself, not the quote naming its subject
_SELF_INTRODUCTION = re.compile(r"\b(?:I['’]m|I am|[Mm]y name is)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?")


def _other_gender_brings_someone(before: str, gender: str | None) -> bool:
    """The sentence before the lead-in opens on a pronoun of the other gender and brings in someone
    unnamed (`He read out a listener email from a test engineer.` before `She wrote:`)."""
    sentences = spoken_sentences(before) if gender and ("He " in before or "She " in before) else ()
    if len(sentences) < 2:
        return False
    previous = _GENDERED_PRONOUN.match(sentences[-2].lstrip(" *_"))
    return bool(previous and previous.lastgroup != gender and _SOMEONE_UNNAMED.search(sentences[-2], previous.end()))


def _opens_its_line(quote: Quote) -> bool:
    """The quote is what its line says, after at most a word or two (`> "..."`, `- Also: "..."`),
    not a phrase quoted inside a sentence of its own, nor one its line goes on to give someone
    (`"...," the company's CFO told analysts.`)."""
    return (
        not quote.index_on_line
        and len(quote.before_spoken.split()) <= 2
        and not _TAGGED_AFTER.match(quote.after_spoken)
    )


# after a quote, a speaker's tag: `," the company's CFO told analysts`, `, one analyst wrote`
_TAGGED_AFTER = re.compile(
    r"[\s,.;:!?”\"'’*_]*(?:[\w'’.-]+\s+){0,5}?(?:said|says|told|tells|wrote|writes|added|adds|noted|notes|"
    r"argued|argues|warned|warns|explained|explains)\b"
)


def _names_speaker(text: str, speaker: str) -> bool:
    """Whether the quote names the candidate (`Morris is one of...`): then it is about them."""
    tokens = {token for token in fold(speaker).split() if len(token) >= 3}
    if "I" in text or "y name" in text:
        text = _SELF_INTRODUCTION.sub(" ", text)
    return bool(tokens & set(fold(text).split()))
