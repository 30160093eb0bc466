"""Write a synthetic corpus of summaries in every FORMAT.md variant, with made-up names.

Deterministic for a seed; independent of kgraph (it only writes files). Names are built from
syllables; a shared pool of people and companies makes entities recur across documents, so the
resolver has realistic work. Sizes are near the real corpus (median about 12-14 KB). Podcasts have
transcripts in which, as in the real corpus, most of the summary's quotes are heard near their
timestamps (most word for word, some with a slip, a few nowhere), so grounding does the work it does
on real documents.

    python bench/synthetic.py /tmp/corpus 10000 --seed 7
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

_ONSETS = "b c d f g h j k l m n p r s t v z br ch cl dr fr gr kr pl pr sh st tr th".split()
_VOWELS = "a e i o u a e i o ai ea io ou".split()
_CODAS = ["", "", "", "n", "r", "s", "l", "m", "x", "nd", "rt", "ck"]
_WORDS = (
    "model data compute market customer platform revenue growth team product capital margin agent "
    "inference training cost scale pricing distribution software hardware robot chip network user "
    "workflow enterprise startup founder investor fund round valuation moat feedback loop benchmark "
    "latency energy supply demand regulation policy research paper method result evaluation dataset"
).split()
_VERBS = "drives changes shapes limits unlocks compresses expands rewards punishes favours".split()
_ADJECTIVES = "durable fragile early late cheap expensive narrow general quiet loud slow fast".split()
_EMOJI = ["🚀", "⚡️", "🧠", "📈", "🔥", "🤖"]
_SECTIONS = [
    "Key Themes",
    "Contrarian Perspectives",
    "Companies Identified",
    "People Identified",
    "Operating Insights",
    "Overlooked Insights",
]
_ITEM_PREFIX = {
    "Key Themes": "Theme",
    "Contrarian Perspectives": "Contrarian",
    "Operating Insights": "Insight",
    "Overlooked Insights": "Overlooked Insight",
}
_VERBS_OF_SPEECH = ["explains", "notes", "argues", "says", "adds"]


def _syllable(rng: random.Random) -> str:
    return rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)


def _word(rng: random.Random, syllables: tuple[int, int]) -> str:
    return "".join(_syllable(rng) for _ in range(rng.randint(*syllables))).capitalize()


@dataclass(frozen=True)
class _Show:
    name: str
    kind: str  # podcast | newsletter | paper
    hosts: tuple[str, ...]


class _Pools:
    """Names shared by every document, so the same people and companies recur."""

    def __init__(self, rng: random.Random, documents: int):
        firsts = sorted({_word(rng, (1, 2)) for _ in range(400)})
        lasts = sorted({_word(rng, (2, 3)) for _ in range(2000)})
        people = max(300, documents // 3)
        self.people = sorted({f"{rng.choice(firsts)} {rng.choice(lasts)}" for _ in range(people)})
        suffixes = ["", "", " Labs", " AI", " Capital", " Systems", " Robotics", " Ventures"]
        self.companies = sorted({_word(rng, (2, 3)) + rng.choice(suffixes) for _ in range(max(300, documents // 2))})
        shows = []
        for index in range(max(12, documents // 60)):
            kind = ("podcast", "podcast", "newsletter", "paper")[index % 4]
            name = f"{_word(rng, (2, 3))} {'Weekly' if kind == 'newsletter' else 'Research' if kind == 'paper' else 'Show'}"
            shows.append(_Show(name, kind, tuple(rng.sample(self.people, 2))))
        self.shows = shows


def _sentence(rng: random.Random, names: list[str]) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 12))]
    if names and rng.random() < 0.35:
        words.insert(rng.randrange(len(words)), rng.choice(names))
    words.insert(rng.randrange(1, len(words)), rng.choice(_VERBS))
    words.insert(0, rng.choice(_ADJECTIVES))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, names: list[str], sentences: tuple[int, int] = (3, 6)) -> str:
    return " ".join(_sentence(rng, names) for _ in range(rng.randint(*sentences)))


def _quote_text(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(9, 22))).capitalize()


class _Document:
    def __init__(self, rng: random.Random, pools: _Pools, number: int):
        self.rng = rng
        self.show = rng.choice(pools.shows)
        self.kind = self.show.kind
        self.generation = {"newsletter": "C", "paper": "D"}.get(self.kind) or rng.choice("AAB")
        guests = rng.sample(pools.people, rng.randint(1, 3))
        self.participants = [*self.show.hosts[: rng.randint(1, 2)], *guests] if self.kind == "podcast" else guests
        self.people = list(dict.fromkeys([*guests, *rng.sample(pools.people, rng.randint(1, 4))]))
        self.companies = rng.sample(pools.companies, rng.randint(3, 8))
        self.names = self.people + self.companies
        self.title = f"{_word(rng, (2, 3))} and the {rng.choice(_ADJECTIVES)} {rng.choice(_WORDS)} {number}"
        self.date = f"20{rng.choice(['24', '25', '26'])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        self.video_id = "".join(rng.choice("abcdefghijkLMNOPQ0123456789_-") for _ in range(11))
        self.timestamp_style = "double" if self.generation == "A" else rng.choice(["bare", "bare", "none"])
        self.quotes: list[tuple[str, str, int]] = []  # (speaker, text, second) of each quote, for the transcript

    # -- header ---------------------------------------------------------------------------------
    def header(self, has_transcript: bool) -> list[str]:
        rng, g = self.rng, self.generation
        lines = [
            f"# [{self.title}](https://www.youtube.com/watch?v={self.video_id})" if g == "A" else f"# {self.title}",
            "",
        ]
        lines += [f"**Podcast:** {self.show.name}", f"**Date:** {self.date}"]
        if g != "A":
            lines.append(f"**Processed:** {self.date}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z")
        if g != "A" or rng.random() < 0.85:
            lines.append(f"**Participants:** {', '.join(self.participants)}")
        if g == "A":
            lines += [
                "**Region:** Western",
                f"**Video ID:** {self.video_id}",
                f"**Video URL:** https://www.youtube.com/watch?v={self.video_id}",
            ]
        elif g == "B":
            lines.append(f"**Episode URL:** https://feeds.example.com/{self.video_id}")
        elif g == "C":
            lines.append("**Source:** newsletter")
        else:
            arxiv = f"26{rng.randint(1, 12):02d}.{rng.randint(10000, 99999)}"
            lines += ["**Source:** paper", f"**arXiv:** {arxiv}", f"**PDF:** https://arxiv.org/pdf/{arxiv}"]
        if has_transcript:
            lines.append("**Transcript:** [View Transcript](./transcript.md)")
        return [*lines, "", "---", "", f"# Podcast Summary: {self.title}", ""]

    # -- quotes ---------------------------------------------------------------------------------
    def _timestamp(self, second: int) -> str:
        m, s = divmod(second, 60)
        shown = f"00:{m:02d}:{s:02d}"
        if self.timestamp_style == "double":
            earlier = max(0, second - 10)
            return f" [[{shown}]](https://www.youtube.com/watch?v={self.video_id}&t={earlier // 60}m{earlier % 60}s)"
        return f" [{shown}]" if self.timestamp_style == "bare" else ""

    def _said(self, name: str) -> str:
        """A quote of an entity's section: said by that person (someone else for a company)."""
        rng = self.rng
        text = _quote_text(rng)
        speaker = name if name in self.participants else rng.choice(self.participants)
        self.quotes.append((speaker, text, rng.randint(0, 59 * 60 + 59)))
        return text

    def quote(self) -> str:
        rng = self.rng
        speaker = rng.choice(self.participants)
        text = _quote_text(rng)
        style = rng.random()
        second = rng.randint(0, 59 * 60 + 59)
        self.quotes.append((speaker, text, second))
        if self.kind != "podcast" or style < 0.2:
            return f'> "{text}."{self._timestamp(second)}'
        if style < 0.55:
            return f'> "{text}." — {speaker}{self._timestamp(second)}'
        if style < 0.7:
            return f'"{text}." - {speaker}{self._timestamp(second)}'
        return f'{speaker} {rng.choice(_VERBS_OF_SPEECH)}: "{text}."{self._timestamp(second)}'

    # -- sections -------------------------------------------------------------------------------
    def insight_section(self, name: str, level: int, items: int) -> list[str]:
        rng = self.rng
        item_level = level if level == 3 else level + 1
        style = rng.choices(["heading", "bold-heading", "bold-line"], [6, 3, 1])[0]
        lines = []
        for rank in range(1, items + 1):
            title = f"The {rng.choice(_ADJECTIVES)} {rng.choice(_WORDS)} {rng.choice(_VERBS)} {rng.choice(_WORDS)}"
            if rng.random() < 0.3:
                title = f"{_ITEM_PREFIX.get(name, 'Insight')} {rank}: {title}"
            elif rng.random() < 0.05:
                title = f"{rng.choice(_EMOJI)} {title}"
            if style == "bold-line":
                lines += [f"**{title}**", ""]
            elif style == "bold-heading":
                lines += [f"{'#' * item_level} **{title}**", ""]
            else:
                lines += [f"{'#' * item_level} {title}", ""]
            lines += [_paragraph(rng, self.names), "", self.quote(), ""]
            if rng.random() < 0.5:
                lines += [f"**Substantiation:** {_paragraph(rng, self.names, (1, 2))}", ""]
            lines += [_paragraph(rng, self.names, (2, 4)), ""]
        return lines

    def _label(self, label: str, value: str) -> str:
        style = self.rng.choices(["bold", "italic-bullet", "plain", "bold-outside"], [6, 3, 2, 1])[0]
        return {
            "bold": f"**{label}:** {value}",
            "italic-bullet": f"- *{label}:* {value}",
            "plain": f"{label}: {value}",
            "bold-outside": f"**{label}**: {value}",
        }[style]

    def entity_section(self, names: list[str], header: str) -> list[str]:
        rng = self.rng
        style = rng.choices(["table", "bold", "heading", "bold-heading", "dash"], [3, 4, 2, 2, 1])[0]
        if style == "table":
            lines = [f"| {header} | Description | Why Mentioned | Quote |", "|---|---|---|---|"]
            for name in names:
                lines.append(
                    f'| **{name}** | {_sentence(rng, [])} | {_sentence(rng, self.names)} | *"{self._said(name)}."* |'
                )
            return [*lines, ""]
        lines = []
        for name in names:
            shown = f"{name} (acquired by {rng.choice(self.companies)})" if rng.random() < 0.05 else name
            if style == "dash":
                lines += [f"**{shown}** — {_sentence(rng, self.names)}", ""]
                continue
            lines.append({"bold": f"**{shown}**", "heading": f"### {shown}", "bold-heading": f"### **{shown}**"}[style])
            lines += [
                self._label("Description", _sentence(rng, self.names)),
                self._label("Why mentioned", _paragraph(rng, self.names, (1, 3))),
                self._label("Quote", f'"{self._said(name)}."'),
                "",
            ]
        return lines

    def body(self) -> list[str]:
        rng = self.rng
        level = rng.choices([2, 3, 1], [90, 6, 4])[0]
        present = list(_SECTIONS)
        if self.generation == "A" and rng.random() < 0.3:
            present.remove("People Identified")
        lines = []
        for number, name in enumerate(present, start=1):
            heading = f"{'#' * level} {name}" if level == 1 else f"{'#' * level} {number}. {name}"
            lines += [heading, ""]
            if name == "Companies Identified":
                lines += self.entity_section(self.companies, "Company")
            elif name == "People Identified":
                lines += self.entity_section(self.people, "Person")
            else:
                count = 2 if name == "Overlooked Insights" else rng.randint(2, 4)
                lines += self.insight_section(name, level, count)
            lines += ["---", ""]
        return lines

    def degenerate(self) -> list[str]:
        rng = self.rng
        lines = [
            "## Unable to Complete Analysis",
            "",
            _paragraph(rng, []),
            "",
            "## What the Article Actually Contains",
            "",
        ]
        lines += [f"- **{name}**" for name in self.companies[:3]]
        return [*lines, "", "## Recommendation", "", _paragraph(rng, [])]

    def transcript(self) -> str:
        """Lines every 30 seconds; as in real transcripts, most of the summary's quotes are heard
        near their timestamp (most word for word, some with a slip), a few nowhere."""
        rng = self.rng
        spoken: dict[int, list[tuple[str, str]]] = {}
        for speaker, text, second in self.quotes:
            roll = rng.random()
            if roll < 0.02:
                continue  # a paraphrase the summary put in quotation marks
            if roll < 0.17:  # a speech-to-text slip: one word heard differently
                words = text.split()
                words[rng.randrange(len(words))] = rng.choice(_WORDS)
                text = " ".join(words)
            spoken.setdefault(second // 30, []).append((speaker, f"{text}."))
        lines = [f"# {self.title}", "", f"**Podcast:** {self.show.name}", "", "---", ""]
        for index in range(max([rng.randint(60, 120), *(number + 1 for number in spoken)])):
            stamp = f"[00:{index // 2:02d}:{(index * 30) % 60:02d}]"
            said = spoken.get(index) or [(rng.choice(self.participants), _sentence(rng, []))]
            lines += [f"{stamp} {speaker}: {text}" for speaker, text in said]
        return "\n".join(lines) + "\n"

    def summary(self, has_transcript: bool) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.01:  # degenerate: the model declined
            return "\n".join([*self.header(False), *self.degenerate()]) + "\n"
        text = "\n".join([*self.header(has_transcript), *self.body()]) + "\n"
        if roll < 0.04:  # truncated at an output cap, mid-sentence
            text = text[: rng.randint(len(text) // 2, len(text) - 200)]
        elif roll < 0.045:
            text += "\n<budget_used>\nThe model notes it used most of its budget.\n</budget_used>\n"
        return text


def _folder(name: str) -> str:
    return "".join("_" if char in ':?/|*<>"' else char for char in name)


def write_corpus(root: Path, documents: int, seed: int = 7) -> list[Path]:
    """Write `documents` summaries under `root` (`<Podcast>/<Episode>/summary.md`); returns them."""
    rng = random.Random(seed)
    pools = _Pools(rng, documents)
    written = []
    previous: tuple[_Document, str] | None = None
    for number in range(documents):
        document = _Document(rng, pools, number)
        has_transcript = document.kind == "podcast"
        folder = root / _folder(document.show.name) / _folder(document.title)
        folder.mkdir(parents=True, exist_ok=True)
        summary = document.summary(has_transcript)  # first: the transcript says its quotes
        transcript = document.transcript() if has_transcript else None
        if previous is not None and has_transcript and rng.random() < 0.01:
            transcript = previous[1]  # the same episode filed again under another title
        if transcript is not None:
            (folder / "transcript.md").write_text(transcript, encoding="utf-8")
            previous = (document, transcript)
        path = folder / "summary.md"
        path.write_text(summary, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("documents", type=int)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    paths = write_corpus(options.root, options.documents, options.seed)
    sizes = sorted(path.stat().st_size for path in paths)
    print(f"wrote {len(paths)} summaries under {options.root} (median {sizes[len(sizes) // 2] / 1024:.1f} KB)")


if __name__ == "__main__":
    main()
