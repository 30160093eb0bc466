"""Adversarial documents: each per-document stage stays near linear in the document, and what is
over a limit is skipped with a line, fast. Each row is a whole `kgraph build` process, timed with
the operating system's accounting (CPU of the process and its workers, and wall), median of runs.

    PYTHONPATH=. python bench/bench_adversarial.py [--runs 3] [--only TEXT]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HEADER = "# Adversarial\n\n**Podcast:** Bench Show\n**Date:** 2025-01-01\n**Participants:** Dana Ruiz\n\n---\n\n"


def _quotes(count: int) -> str:
    lines = [
        f'- "Quote {n} says something long enough to be a claim." [00:{n % 60:02d}:00] - Dana Ruiz\n'
        for n in range(count)
    ]
    return HEADER + "## 1. Key Themes\n\n### Theme\n" + "".join(lines)


def _headings(count: int) -> str:
    return HEADER + "## 1. Key Themes\n\n" + "".join(f"### Theme {n}\nA line.\n" for n in range(count))


def _nesting(depth: int) -> str:
    return (
        HEADER
        + "## 1. Key Themes\n\n### Theme\n"
        + "> " * depth
        + "deep\n"
        + "".join("  " * n + "- item\n" for n in range(depth))
    )


def _long_line(size: int) -> str:
    return HEADER + "## 1. Key Themes\n\n### Theme\n" + ("word " * (size // 5)) + "\n"


def _named_title(size: int) -> str:
    """A title naming its guest over and over, with a role and an organization each time: the
    title's affiliations read a few of the names, each in a bounded window."""
    title = "# " + "Orbex CEO, Dana Ruiz: " * (size // 22)
    return HEADER.replace("# Adversarial", title) + "## 1. Key Themes\n\n### T\nA.\n"


def _products(size: int) -> str:
    """Prose naming well-known products and people over and over (one search of the prose)."""
    return HEADER + "## 1. Key Themes\n\n### Theme\n" + "ChatGPT and Claude Shannon, Siri " * (size // 32) + "\n"


def _relayed_lead_in(size: int) -> str:
    """One lead-in sentence repeating `quotes a` before its quote: the relayed-words rule reads the
    sentence's tail, not the sentence again from every verb."""
    lead_in = "Dana Ruiz quotes a " * (size // 19)
    return HEADER + "## 1. Key Themes\n\n### Theme\n" + lead_in + 'colleague: "we wove it all by hand, every bolt."\n'


def _version_chain(size: int) -> str:
    """A product's version tags chained without end (`Qwen3-Qwen3-...-`): a name reads a few tags,
    not the rest of the chain again from each one."""
    return HEADER + "## 1. Key Themes\n\n### Theme\n" + "Qwen3" + "-Qwen3" * (size // 6) + "-\n"


def _posts_in_an_entry(size: int) -> str:
    """A Companies entry naming posts and people over and over: whose each post is, is read in a
    window before it, not in the entry from its start."""
    entry = "CEO Dana Ruiz, former Orbex CTO Jo Lee, co-founded by Dana Ruiz and Jo Lee; " * (size // 78)
    return HEADER + "## 1. Key Themes\n\n### T\nA.\n\n## 2. Companies Identified\n\n### Acme Labs\n" + entry + "\n"


def _semicolons(size: int) -> str:
    """One sentence of clauses after semicolons, each with a speaker: the subject rule reads the last
    few clauses, not a copy of the sentence's rest at each semicolon."""
    sentence = "Dana Ruiz said" + "; Jo Lee said x" * (size // 15)
    return HEADER + "## 1. Key Themes\n\n### Theme\n" + sentence + ': "the end of the whole thing is here now."\n'


def _marks_before_a_time(size: int) -> str:
    """A clock, then a long run of closing marks: a time before a capital ends a sentence, and what
    ended it is read back from the time, not tried again at every mark."""
    return HEADER + "## 1. Key Themes\n\n### Theme\nDana says 12:30 " + "*" * size + "x\n"


def _distinct(template: str, size: int) -> str:
    """`template` with `{n}` written as distinct letters, repeated up to `size` characters."""
    parts, total, number = [], 0, 0
    while total < size:
        letters, count = "", number + 1
        while count:
            count, rest = divmod(count - 1, 26)
            letters = chr(97 + rest) + letters
        part = template.format(n=letters)
        parts.append(part)
        total += len(part)
        number += 1
    return "".join(parts)


def _owners_in_an_entry(size: int) -> str:
    """A Companies entry naming a new owner again and again (`acquired by Aba.`): the names written in
    passing are a hundred at most, not thousands of organizations for the corpus to resolve."""
    entry = "- Description: " + _distinct("Acquired by Ab{n}. ", size)
    return HEADER + "## 1. Key Themes\n\n### T\nA.\n\n## 3. Companies Identified\n\n### Acme Labs\n" + entry + "\n"


def _products_in_an_entry(size: int) -> str:
    """A Companies entry introducing product after product (`its Pab platform`): each cue reads a
    window before it, not the entry from its start."""
    entry = _distinct("its P{n} platform ", size)
    return HEADER + "## 1. Key Themes\n\n### T\nA.\n\n## 3. Companies Identified\n\n### Acme Labs\n" + entry + "\n"


def _posts_beside_a_name(size: int) -> str:
    """A person's name set beside a new post again and again (`Dana Ruiz, CEO of Orgab.`)."""
    return HEADER + "## 1. Key Themes\n\n### Theme\n" + _distinct("Dana Ruiz, CEO of Org{n}. ", size) + "\n"


def _clauses_after_a_role(size: int) -> str:
    """A People entry's description of one role and thousands of clauses: joined once, not one by one."""
    return HEADER + "## 4. People Identified\n\n**Dana Ruiz**\nFormer CEO" + ", abc" * (size // 5) + "\n"


def _hosts_in_a_note(size: int) -> str:
    """A note under the title naming host after guest (`the host, Dana Ab, and the guest, Bo Ab`): a
    hundred participants at most, each name checked against the ones kept, not against every one."""
    note = "> **Note:** " + _distinct("the host, Dana R{n}, and the guest, Bo L{n}, ", size)
    return HEADER.replace("**Participants:** Dana Ruiz\n", "") + note + "\n\n## 1. Key Themes\n\n### T\nA.\n"


def _products_after_possessives(size: int) -> str:
    """A listed maker's possessive before product after product (`Acme's Agent Checkab is live`)."""
    prose = _distinct("Acme Labs's Agent Check{n} is live. ", size)
    return HEADER + "## 1. Key Themes\n\n### T\n" + prose + "\n\n## 3. Companies Identified\n\n### Acme Labs\nA.\n"


def _former_posts(size: int) -> str:
    """A People entry's description of post after post left behind (`Former CEO of Orgab, previously at
    Halab;`): a hundred affiliations at most, not thousands of organizations for the corpus to resolve."""
    posts = _distinct("Former CEO of Org{n}, previously at Hal{n}; ", size)
    return HEADER + "## 1. Key Themes\n\n### T\nA.\n\n## 4. People Identified\n\n**Dana Ruiz**\n" + posts + "\n"


def _full_width_names(size: int) -> str:
    """People entries written `罗景明N（Luo Jingming）`: one romanisation for thousands of names, whose
    spellings are not weighed against each other's descriptions past a few dozen."""
    entries = "".join(f"**罗景明{n}（Luo Jingming）**\nCEO of 大疆（DJI）.\n\n" for n in range(size // 40))
    return HEADER + "## 1. Key Themes\n\n### T\n大疆（DJI）。\n\n## 4. People Identified\n\n" + entries


def _posts_then_names(size: int) -> str:
    """A post then a new name again and again (`its head of compliance, Fatima Elab, said so.`): the
    people named in passing are a hundred at most."""
    return (
        HEADER
        + "## 1. Key Themes\n\n### T\n"
        + _distinct("its head of compliance, Fatima El{n}, said so. ", size)
        + "\n"
    )


def _capitalized_words(size: int) -> str:
    """A People entry's first sentence of capitalized words: a department's words are read from the
    end once, not from every word."""
    return (
        HEADER
        + "## 1. Key Themes\n\n### T\nA.\n\n## 4. People Identified\n\n**Dana Ruiz**\n"
        + "Aa " * (size // 3)
        + "lead\n"
    )


def _long_word_in_a_note(size: int) -> str:
    """A note under the title of long capitalized words: a name starts only at a word's start."""
    note = "The host is here. " + ("Ab" * 1000 + " ") * (size // 2001)
    return HEADER.replace("**Participants:** Dana Ruiz\n", "") + note + "\n\n## 1. Key Themes\n\n### T\nA.\n"


def _open_parentheses_after_a_name(size: int) -> str:
    """The title's guest's first name before open parentheses again and again (`Mira (`)."""
    head = HEADER.replace("**Participants:** Dana Ruiz\n", "").replace("# Adversarial", "# A talk with Mira Solberg")
    return head + "## 1. Key Themes\n\n### T\n" + "Mira (" * (size // 6) + "\n"


def _open_parentheses_after_a_participants_surname(size: int) -> str:
    """A participant listed by first name, named in full once, then its surname before open
    parentheses again and again (`Solberg (`): whether the full name speaks reads each."""
    head = HEADER.replace("**Participants:** Dana Ruiz", "**Participants:** Mira")
    return head + "## 1. Key Themes\n\n### T\nMira Solberg founded Vela. " + "Solberg (" * (size // 9) + "\n"


def _open_parentheses_in_a_heading(size: int) -> str:
    """A section heading ending in open parentheses (its count suffix was read from each)."""
    return HEADER + "## Key Themes " + "(" * size + "\n\n### T\nA line.\n"


def _one_name_of_many_words(size: int) -> str:
    """A Companies entry whose name, qualifiers set apart, is one word again and again."""
    return HEADER + "## Companies Identified\n\n1. " + "Acme (" * (size // 6) + "\n"


def _names_before_open_parentheses_in_a_lead_in(size: int) -> str:
    """A lead-in of names before open parentheses, then a quote (`Jo Ek (Jo Ek (... said: "..."`)."""
    lead_in = "Mira Lee " + "Jo Ek (" * (size // 7)
    return HEADER + "## 1. Key Themes\n\n### T\n" + lead_in + ' said: "This quote is long enough to be a claim."\n'


def _short_quotes_after_a_hosts_sentence(size: int) -> str:
    """One line: a host's sentence, then short quotes again and again (each quote read the line before it)."""
    unit = 'then "tiny point here we go now again" ' + "x" * 300 + " "
    return (
        HEADER
        + "## 1. Key Themes\n\n### T\nDana Ruiz argued this. The host expanded this. "
        + unit * (size // len(unit))
        + "\n"
    )


def _one_long_word_before_a_teller(size: int) -> str:
    """A lead-in of one long capitalized word before `, who told her:` (a name tried from each capital)."""
    word = "A'" * (size // 2)
    return (
        HEADER
        + "## 1. Key Themes\n\n### T\nmet X"
        + word
        + ', who told her: "This quote is long enough to be a claim."\n'
    )


def _prose_without_a_comma(size: int) -> str:
    """Long sentences with no comma (a comma list was looked for from every character of them)."""
    sentence = "word " * 2000 + ". "
    return HEADER + "## 1. Key Themes\n\n### T\n" + sentence * (size // len(sentence)) + "\n"


def _names_ending_in_their_kind(size: int) -> str:
    """Name after name ending in an organization's kind (`Pab Quab Capital, `): each read back over a
    window before its ending, and a hundred at most kept."""
    return HEADER + "## 1. Key Themes\n\n### T\n" + _distinct("Pa{n} Qu{n} Capital, ", size) + "\n"


def _versions_spelled_out(size: int) -> str:
    """Version after version of a known product with its spelling-out in parentheses (`FSD 1.4 (Full
    Self-Driving)`): no version takes the spelling as its alias, and a product's names are read once."""
    sentences = "".join(
        f"We tried FSD 1.{n} (Full Self-Driving) today. We tried Full Self-Driving 2.{n} (FSD) too. "
        for n in range(size // 92)
    )
    return HEADER + "## 1. Key Themes\n\n### T\n" + sentences + "\n"


def _brackets_after_quotes(size: int) -> str:
    """One line of quote marks each followed by a bracket and a long word (`"[a]—xxxx...`): a
    signature's look for a lone first name reads a bounded run after each, not the line's rest."""
    return HEADER + "## 1. Key Themes\n\n### T\n" + ('"[a]—' + "x" * 95) * (size // 100) + "\n"


def _spaces_between_quotes(size: int) -> str:
    """A run of spaces between two quotes, and between a short quoted phrase and the next quote."""
    first = '"The first quote is long enough to be a claim here, and longer than sixty."'
    phrase = '"A short phrase"'
    second = '"The second quote is long enough to be a claim too."'
    return (
        HEADER
        + "## 1. Key Themes\n\n### T\n"
        + first
        + " " * (size // 2)
        + second
        + "\n\n"
        + phrase
        + " " * (size // 2)
        + second
        + "\n"
    )


def _made_things_in_an_entry(size: int) -> str:
    """A Companies entry naming thing after thing it makes, each with its kind (`maker of the Pa1
    silicon interposer and the Qu1 energy software`): each list read once, a hundred kept."""
    entry = _distinct("maker of the Pa{n} silicon interposer and the Qu{n} energy software, ", size)
    return HEADER + "## 3. Companies Identified\n\n### Orbex\n- Description: " + entry + "\n"


def _two_script_headings(size: int) -> str:
    """Companies headings in two scripts across a slash, and the prose writing one beside the other:
    the text's parentheses are read once for all the headings."""
    headings = _distinct("### 潮汐能源 / Pa{n}\n- Description: x.\n\n", 1_500 * 40)  # (under the headings' limit)
    prose = _distinct("Pa{n} (潮汐能源) ", size - len(headings))
    return HEADER + "## 1. Key Themes\n\n### T\n" + prose + "\n\n## 3. Companies Identified\n\n" + headings


def _capitals_beside_a_cjk_name(size: int) -> str:
    """One CJK name, then lines of capitals: a Latin name beside a CJK one is read from word starts
    only (from each capital, 80,000 of them took 78 s)."""
    return HEADER + "## 1. Key Themes\n\n### T\n林舒怡 " + ("A" * 2000 + "\n\n") * (size // 2002) + "\n"


def _small_words_before_acronyms(size: int) -> str:
    """Names with runs of small words before an acronym in parentheses: the initials are read in one
    pass over a bounded run (a search of every choice took seconds at 40 words, and raised at 2,000)."""
    line = "The Alpha " + "of " * 40 + "Beta (AOOOOOOX) and Carnegie Loom University (CLU). "
    return HEADER + "## 1. Key Themes\n\n### T\n" + line * (size // len(line)) + "\n"


def _elided_copies_of_a_signed_quote(size: int) -> str:
    """A signed quote and thousands of copies cut with `...`: each copy is held against the few signed
    quotes holding its rarest word (each looked for in every quote's text: 10,000 took 5.3 s)."""
    signed = '- "the long signed quote a b c d e f g h i j and the long signed quote again" - Dana Ruiz\n'
    padding = " and more words here" * 9  # (under the document's 20,000 quotation marks)
    copies = _distinct('- "a b c d...e f g h {n}' + padding + '"\n', size - len(signed))
    return HEADER + "## 1. Key Themes\n\n### T\n" + signed + copies


def _funding_cues_and_marks(size: int) -> str:
    """Rounds led by lists of names and kinds of products before marked names: each cue found by its
    last word, each mark's kind read back word by word."""
    line = _distinct("Pa{n} raised $9M led by Qa{n}, Ra{n} and Sa{n}. Its own AI assistant (the Ta{n}) ships. ", size)
    return HEADER + "## 1. Key Themes\n\n### T\n" + line + "\n"


ROWS: list[tuple[str, Callable[[], str]]] = [
    ("9,000 quotes (under the quotation-mark limit)", lambda: _quotes(9_000)),
    ("12,000 quotes (over the limit: skipped)", lambda: _quotes(12_000)),
    ("1,900 headings (under the limit)", lambda: _headings(1_900)),
    ("50,000 headings (over the limit: skipped)", lambda: _headings(50_000)),
    ("nesting 600 deep", lambda: _nesting(600)),
    ("one 1.9 MB line", lambda: _long_line(1_900_000)),
    ("a 1.9 MB title naming its guest 86,000 times", lambda: _named_title(1_900_000)),
    ("1.9 MB of prose naming products 59,000 times", lambda: _products(1_900_000)),
    ("a 1.9 MB lead-in repeating `quotes a` 100,000 times", lambda: _relayed_lead_in(1_900_000)),
    ("a 1.9 MB chain of product version tags", lambda: _version_chain(1_900_000)),
    ("a 1.9 MB Companies entry of posts and foundings", lambda: _posts_in_an_entry(1_900_000)),
    ("a 1.9 MB sentence of semicolon clauses", lambda: _semicolons(1_900_000)),
    ("a 1.9 MB run of marks after a clock", lambda: _marks_before_a_time(1_900_000)),
    ("a 1.9 MB Companies entry of distinct owners", lambda: _owners_in_an_entry(1_900_000)),
    ("a 1.9 MB Companies entry of distinct products", lambda: _products_in_an_entry(1_900_000)),
    ("1.9 MB of one name beside distinct posts", lambda: _posts_beside_a_name(1_900_000)),
    ("a 1.9 MB description of one role's clauses", lambda: _clauses_after_a_role(1_900_000)),
    ("a 1.9 MB note naming hosts and guests", lambda: _hosts_in_a_note(1_900_000)),
    ("1.9 MB of products after a maker's possessive", lambda: _products_after_possessives(1_900_000)),
    ("a 1.9 MB description of posts left behind", lambda: _former_posts(1_900_000)),
    ("1.1 MB of People entries sharing one romanisation", lambda: _full_width_names(700_000)),
    ("1.9 MB of posts then distinct names", lambda: _posts_then_names(1_900_000)),
    ("a 1.9 MB first sentence of capitalized words", lambda: _capitalized_words(1_900_000)),
    ("a 1.9 MB note of long capitalized words", lambda: _long_word_in_a_note(1_900_000)),
    ("1.9 MB of open parentheses after a name", lambda: _open_parentheses_after_a_name(1_900_000)),
    (
        "1.9 MB of open parentheses after a participant's surname",
        lambda: _open_parentheses_after_a_participants_surname(1_900_000),
    ),
    (
        "a 1.9 MB lead-in of names before open parentheses",
        lambda: _names_before_open_parentheses_in_a_lead_in(1_900_000),
    ),
    ("a 1.9 MB heading of open parentheses", lambda: _open_parentheses_in_a_heading(1_900_000)),
    ("a 1.9 MB line of short quotes after a host's sentence", lambda: _short_quotes_after_a_hosts_sentence(1_900_000)),
    ("a 1 MB word before a teller", lambda: _one_long_word_before_a_teller(1_000_000)),
    ("1.9 MB of sentences without a comma", lambda: _prose_without_a_comma(1_900_000)),
    ("a 1.9 MB organization's name of one word again and again", lambda: _one_name_of_many_words(1_900_000)),
    ("1 MB of spaces between quotes", lambda: _spaces_between_quotes(1_000_000)),
    ("1.9 MB of names ending in an organization's kind", lambda: _names_ending_in_their_kind(1_900_000)),
    ("1.9 MB of product versions spelled out in parentheses", lambda: _versions_spelled_out(1_900_000)),
    ("a 1.9 MB line of quote marks before brackets", lambda: _brackets_after_quotes(1_900_000)),
    ("a 1.9 MB Companies entry of made things with their kinds", lambda: _made_things_in_an_entry(1_900_000)),
    ("1.8 MB of Companies headings in two scripts", lambda: _two_script_headings(1_200_000)),
    ("1.9 MB of capitals beside a CJK name", lambda: _capitals_beside_a_cjk_name(1_900_000)),
    ("1.9 MB of small words before acronyms", lambda: _small_words_before_acronyms(1_900_000)),
    ("1.9 MB of copies of a signed quote cut with `...`", lambda: _elided_copies_of_a_signed_quote(1_900_000)),
    ("1.9 MB of rounds' backers and marked product names", lambda: _funding_cues_and_marks(1_900_000)),
]


def _run(folder: Path, out: Path) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "kgraph", "build", str(folder), "-o", str(out), "-q", "--no-cache"],
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="", help="run only the rows whose label holds this text")
    arguments = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores\n")
    print("| document | size | exit | CPU s (median, min-max) | wall s (median) |")
    print("|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as work:
        for label, make in (row for row in ROWS if arguments.only in row[0]):
            folder = Path(work) / "corpus" / "show" / "episode"
            folder.mkdir(parents=True, exist_ok=True)
            text = make()
            (folder / "summary.md").write_text(text, encoding="utf-8")
            runs = [_run(folder.parent.parent, Path(work) / "out") for _ in range(arguments.runs)]
            cpus = [cpu for cpu, _, _ in runs]
            print(
                f"| {label} | {len(text.encode()) / 1e6:.2f} MB | {runs[0][2]} | {statistics.median(cpus):.2f} "
                f"({min(cpus):.2f}-{max(cpus):.2f}) | {statistics.median(w for _, w, _ in runs):.2f} |"
            )
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
