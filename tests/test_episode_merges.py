"""Episodes merge only on strong evidence (video id, episode URL, show + title + date, a shared
transcript body), and every merge is reported with both paths. Invented summaries and transcripts."""

from __future__ import annotations

import json
import random
from pathlib import Path

import kgraph
from kgraph.build.report import BuildReport
from kgraph.extract.episode import episode_url_key

SUMMARY = """# {title}

**Podcast:** {podcast}
**Date:** {date}
**Participants:** {participants}
{extra}**Transcript:** [View Transcript](./transcript.md)

---

## 1. Key Themes

### **{title}**
Dana Ruiz argues the point at length.

## 4. People Identified

### **Dana Ruiz**
Founder of Orbex.
"""

_WORDS = (
    "orbex halden corvo ledger margin churn quarter fleet robot warehouse lender pricing "
    "founder seed round customer pilot contract renewal budget forecast hiring board "
    "market tariff supply freight port crane tidewell lumen capital vintage fund weekly yield "
    "workflow volatility knowledge kayak wayward yearly avowed week key value view"
).split()


def _speech(seed: int, words: int) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(_WORDS) for _ in range(words)]


def _transcript(opening: list[str], body: list[str], noise: int = 0) -> str:
    """Speaker turns of 60 words with timestamps; `noise` replaces every noise-th word (another
    speech-to-text run of the same audio)."""
    words = [*opening, *body]
    if noise:
        words = [word if index % noise else "uh" for index, word in enumerate(words)]
    lines = ["# Transcript", "", "---", ""]
    for turn, start in enumerate(range(0, len(words), 60)):
        stamp = f"[{turn // 60:02d}:{turn % 60:02d}]"
        lines.append(f"**Speaker {turn % 2 + 1}:** {stamp} {' '.join(words[start : start + 60])}")
    return "\n".join(lines) + "\n"


def _write(
    root: Path,
    folder: str,
    *,
    title: str,
    podcast: str = "Signal Hour",
    date: str = "2025-03-01",
    participants: str = "Dana Ruiz",
    extra: str = "",
    transcript: str | None = None,
) -> None:
    path = root / folder
    path.mkdir(parents=True)
    (path / "summary.md").write_text(
        SUMMARY.format(title=title, podcast=podcast, date=date, participants=participants, extra=extra),
        encoding="utf-8",
    )
    if transcript is not None:
        (path / "transcript.md").write_text(transcript, encoding="utf-8")


def _episodes(root: Path) -> tuple[list[tuple[str, ...]], BuildReport]:
    graph = kgraph.build([root])
    return sorted(episode.source_files for episode in graph.model.episodes), graph.report


SPONSOR = _speech(1, 500)  # a sponsor read and the show's intro, about three minutes


def test_a_shared_sponsor_opening_does_not_merge_different_episodes(tmp_path: Path) -> None:
    for number in range(3):
        _write(
            tmp_path,
            f"Signal Hour/Episode {number}",
            title=f"Ports and Cranes {number}",
            date=f"2025-03-0{number + 1}",
            transcript=_transcript(SPONSOR, _speech(100 + number, 3000)),
        )
    files, report = _episodes(tmp_path)
    assert len(files) == 3
    assert report.duplicates == {}


def test_a_passage_recurring_across_a_shows_episodes_is_boilerplate(tmp_path: Path) -> None:
    # The same long sponsor block opens, interrupts and closes every episode: it is a quarter of
    # each body, yet only one stretch of it, and found in three episodes.
    block = _speech(2, 700)
    for number in range(3):
        body = _speech(200 + number, 1500)
        _write(
            tmp_path,
            f"Signal Hour/Episode {number}",
            title=f"Freight {number}",
            date=f"2025-04-0{number + 1}",
            transcript=_transcript(block, [*body[:750], *block, *body[750:], *block]),
        )
    files, _ = _episodes(tmp_path)
    assert len(files) == 3


def test_two_episodes_with_the_same_ad_breaks_stay_apart(tmp_path: Path) -> None:
    # Only two episodes, so the ads are not boilerplate by count: they are a fifth of each body,
    # but in three stretches, not all along it.
    ads = [_speech(10 + number, 250) for number in range(3)]
    for number in range(2):
        body = _speech(400 + number, 3000)
        spoken = [*body[:600], *ads[0], *body[600:1500], *ads[1], *body[1500:2400], *ads[2], *body[2400:]]
        _write(
            tmp_path,
            f"Signal Hour/Episode {number}",
            title=f"Tariffs {number}",
            date=f"2025-05-0{number + 1}",
            transcript=_transcript(_speech(5, 300), spoken),
        )
    files, report = _episodes(tmp_path)
    assert len(files) == 2
    (near,) = [d for d in report.identity if d["kind"] == "episode"]
    assert near["verdict"] == "candidate" and near["reason"] == "transcripts share passages"


def test_a_republished_episode_with_the_same_transcript_body_merges(tmp_path: Path) -> None:
    body = _speech(300, 4000)
    _write(
        tmp_path,
        "Signal Hour/Dana Ruiz on Ports",
        title="Dana Ruiz on Ports",
        date="2025-03-01",
        transcript=_transcript(SPONSOR, body),
    )
    _write(
        tmp_path,
        "Ledger Talk/Why Ports Matter (rerun)",
        title="Why Ports Matter",
        podcast="Ledger Talk",
        date="2025-05-20",
        participants="Dana Ruiz, Omar Pike",
        transcript=_transcript(_speech(3, 400), body, noise=13),
    )
    files, report = _episodes(tmp_path)
    assert files == [("Ledger Talk/Why Ports Matter (rerun)/summary.md", "Signal Hour/Dana Ruiz on Ports/summary.md")]
    (merge,) = [d for d in report.identity if d["kind"] == "episode" and d["verdict"] == "merged"]
    assert merge["reason"] == "transcript bodies overlap"
    assert merge["names"][0] in files[0] and set(merge["names"]) == set(files[0])
    lines = report.summary_lines()
    (line,) = [line for line in lines if line.startswith("  merged ")]
    assert "Ledger Talk/Why Ports Matter (rerun)/summary.md" in line
    assert "Signal Hour/Dana Ruiz on Ports/summary.md" in line
    assert "(transcript bodies overlap)" in line


def test_the_same_title_on_two_shows_stays_apart(tmp_path: Path) -> None:
    for podcast in ("Signal Hour", "Ledger Talk"):
        _write(
            tmp_path,
            f"{podcast}/The Year in Review 2025",
            title="The Year in Review 2025",
            podcast=podcast,
            date="2025-12-30",
        )
    files, report = _episodes(tmp_path)
    assert len(files) == 2
    (near,) = [d for d in report.identity if d["kind"] == "episode"]
    assert near["verdict"] == "candidate" and near["reason"] == "same title, different shows"


def test_same_show_and_title_on_another_date_stays_apart(tmp_path: Path) -> None:
    _write(tmp_path, "Signal Hour/Mailbag", title="Listener Mailbag", date="2025-03-01")
    _write(tmp_path, "Signal Hour/Mailbag again", title="Listener Mailbag", date="2025-04-01")
    files, _ = _episodes(tmp_path)
    assert len(files) == 2


def test_same_show_title_and_date_merges_unless_the_guests_differ(tmp_path: Path) -> None:
    _write(tmp_path, "a/Signal Hour/Mailbag", title="Listener Mailbag", participants="Dana Ruiz, Omar Pike")
    _write(tmp_path, "b/Signal Hour/Mailbag", title="Listener Mailbag", participants="Omar Pike")
    _write(tmp_path, "c/Signal Hour/Mailbag", title="Listener Mailbag", participants="Dana Ruiz, Rhea Talbot")
    files, report = _episodes(tmp_path)
    assert files == [
        ("a/Signal Hour/Mailbag/summary.md", "b/Signal Hour/Mailbag/summary.md"),
        ("c/Signal Hour/Mailbag/summary.md",),
    ]
    (merge,) = [d for d in report.identity if d["verdict"] == "merged"]
    assert merge["reason"] == "same show, title and date"


def test_a_shared_channel_url_stays_apart(tmp_path: Path) -> None:
    for number, url in enumerate(
        ["https://www.youtube.com/@signalhour", "https://open.spotify.com/show/4xQ9", "https://signalhour.example.org/"]
    ):
        for copy in range(2):
            _write(
                tmp_path,
                f"Signal Hour/{number}-{copy}",
                title=f"Cranes {number}-{copy}",
                date=f"2025-0{copy + 1}-1{number}",
                extra=f"**Episode URL:** {url}\n",
            )
    files, _ = _episodes(tmp_path)
    assert len(files) == 6


def test_the_same_video_id_merges_with_its_reason_in_report_json(tmp_path: Path) -> None:
    extra = "**Video ID:** dQw4w9WgXcQ\n**Video URL:** https://www.youtube.com/watch?v=dQw4w9WgXcQ\n"
    _write(tmp_path, "Signal Hour/Cranes", title="Cranes", extra=extra)
    _write(
        tmp_path,
        "Ledger Talk/Cranes, again",
        title="Cranes, again",
        podcast="Ledger Talk",
        date="2025-06-01",
        extra=extra,
    )
    graph = kgraph.build([tmp_path])
    (episode,) = graph.model.episodes
    assert len(episode.source_files) == 2
    out = tmp_path / "out"
    graph.write(out, ("turtle",))
    merges = json.loads((out / "report.json").read_text(encoding="utf-8"))["identity"]["merges"]
    assert [(m["kind"], m["reason"]) for m in merges] == [("episode", "same video id")]
    assert any("dQw4w9WgXcQ" in evidence for evidence in merges[0]["evidence"])


def test_channel_and_show_pages_are_not_episode_urls() -> None:
    for page in [
        "https://www.youtube.com/@signalhour",
        "https://youtube.com/channel/UC123",
        "https://example.org/",
        "https://open.spotify.com/show/4xQ9",
        "https://podcasts.apple.com/us/podcast/signal/id12",
        "https://www.xiaoyuzhoufm.com/podcast/abc",
        "https://example.org/podcast",
        "https://example.org/feed",
    ]:
        assert episode_url_key(page) is None, page
    for episode in [
        "https://open.spotify.com/episode/4xQ9",
        "https://podcasts.apple.com/us/podcast/signal/id12?i=7",
        "https://www.xiaoyuzhoufm.com/episode/abc",
        "https://example.org/p/dana-ruiz-on-ports",
    ]:
        assert episode_url_key(episode), episode


def test_the_alias_file_keeps_two_files_apart_whatever_the_evidence(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    extra = "**Video ID:** dQw4w9WgXcQ\n**Video URL:** https://www.youtube.com/watch?v=dQw4w9WgXcQ\n"
    _write(corpus, "Signal Hour/Cranes", title="Cranes", extra=extra)
    _write(
        corpus,
        "Ledger Talk/Cranes, again",
        title="Cranes, again",
        podcast="Ledger Talk",
        date="2025-06-01",
        extra=extra,
    )
    (episode,) = kgraph.build([corpus]).model.episodes  # one video id: one episode without the rule
    sources = sorted(episode.source_files)
    rules = tmp_path / "aliases.toml"
    rules.write_text(f"[[separate]]\nnames = {json.dumps(sources)}\n", encoding="utf-8")
    graph = kgraph.build([corpus], aliases=rules)
    assert len(graph.model.episodes) == 2
    separated = [d for d in graph.report.identity if d["verdict"] == "separated"]
    assert [(d["kind"], sorted(d["names"])) for d in separated] == [("episode", sources)]
