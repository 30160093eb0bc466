"""Person identity across documents on invented summaries: first names, spelling variants and
CJK names merge only on evidence, and every decision is in the report."""

from __future__ import annotations

from pathlib import Path

import kgraph

TEMPLATE = """# [{title}](https://example.org/{slug})

**Podcast:** {podcast}
**Date:** 2025-03-{day:02d}
**Participants:** {participants}

---

## 1. Key Themes

### What changed
{body}

## 2. People Identified

{people}
"""


def write(
    folder: Path,
    name: str,
    *,
    title: str,
    participants: str,
    podcast: str = "Signal Hour",
    day: int = 1,
    body: str = "Nothing new this week.",
    people: str = "None identified.",
) -> None:
    text = TEMPLATE.format(
        title=title,
        slug=name.removesuffix(".md"),
        podcast=podcast,
        day=day,
        participants=participants,
        body=body,
        people=people,
    )
    (folder / name).write_text(text, encoding="utf-8")


def build(folder: Path) -> kgraph.KnowledgeGraph:
    return kgraph.build([folder])


def people(graph: kgraph.KnowledgeGraph) -> dict[str, tuple[str, ...]]:
    return {person.label: person.alt_labels for person in graph.model.people}


def decisions(graph: kgraph.KnowledgeGraph, verdict: str) -> list[tuple[list[str], str]]:
    return [
        (d["names"], d["reason"]) for d in graph.report.identity if d["kind"] == "person" and d["verdict"] == verdict
    ]


def speakers(graph: kgraph.KnowledgeGraph) -> dict[str, str]:
    labels = {person.iri: person.label for person in graph.model.people}
    return {claim.text: labels.get(claim.speaker, "") for claim in graph.model.claims}


NOVELIST = "- **Nora Whitcombe** — Novelist and essayist, author of *Quiet Rooms*"


# -- first names across the episodes of a show ---------------------------------------------------
def test_a_first_name_with_another_affiliation_is_not_the_shows_famous_namesake(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Signals I",
        participants="Dana Ruiz (Host), Ilse Marrow",
        body="Dana and Ilse discussed Nora Whitcombe's essays.",
        people=NOVELIST,
    )
    write(
        tmp_path,
        "two.md",
        title="Signals II",
        day=2,
        participants="Dana Ruiz (Host), Nora (from Halden Ventures)",
        body='Nora explains: "We rebuilt the diligence process from scratch." [00:02:00]',
    )
    graph = build(tmp_path)
    assert {"Nora", "Nora Whitcombe"} <= set(people(graph))
    assert speakers(graph)["We rebuilt the diligence process from scratch."] == "Nora"
    assert (["Nora Whitcombe", "Nora"], "first name, same show, other affiliation") not in decisions(graph, "merged")
    assert any(names == ["Nora Whitcombe", "Nora"] for names, _ in decisions(graph, "candidate"))


def test_a_first_name_folds_into_the_shows_recurring_host(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Signals I", participants="Dana Ruiz (Host), Ilse Marrow")
    write(tmp_path, "two.md", title="Signals II", day=2, participants="Dana Ruiz (Host), Oskar Lind")
    write(
        tmp_path,
        "three.md",
        title="Signals III",
        day=3,
        participants="Dana (Host), Petra Vance",
        body='Dana asks: "Where does the margin come from?" [00:03:00]',
    )
    graph = build(tmp_path)
    assert "Dana" not in people(graph)
    assert "Dana" in people(graph)["Dana Ruiz"]
    assert speakers(graph)["Where does the margin come from?"] == "Dana Ruiz"
    assert (["Dana Ruiz", "Dana"], "first name, same show") in decisions(graph, "merged")


def test_a_first_name_folds_on_a_shared_affiliation(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Signals I", participants="Dana Ruiz, Nora Lindqvist (Partner at Halden Ventures)")
    write(tmp_path, "two.md", title="Signals II", day=2, participants="Ilse Marrow, Nora (from Halden Ventures)")
    assert "Nora" in people(build(tmp_path))["Nora Lindqvist"]


def test_a_one_off_guest_does_not_absorb_a_first_name_without_context(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Signals I", participants="Dana Ruiz, Sam Okafor")
    write(tmp_path, "two.md", title="Signals II", day=2, participants="Ilse Marrow, Sam")
    graph = build(tmp_path)
    assert {"Sam", "Sam Okafor"} <= set(people(graph))
    assert (["Sam Okafor", "Sam"], "first name, same show, no agreeing context") in decisions(graph, "candidate")


def test_a_first_name_two_people_of_the_show_share_stays_apart(tmp_path: Path) -> None:
    for day, guest in enumerate(["Sam Okafor", "Sam Okafor", "Sam Brightwell", "Sam Brightwell"], start=1):
        write(tmp_path, f"{day}.md", title=f"Signals {day}", day=day, participants=f"Dana Ruiz, {guest}")
    write(tmp_path, "5.md", title="Signals 5", day=5, participants="Dana Ruiz, Sam")
    assert "Sam" in people(build(tmp_path))


def test_a_document_that_names_both_keeps_them_apart(tmp_path: Path) -> None:
    # `Marek Dell` and `Marek (Orbex co-founder)` in one entry list are two people.
    write(
        tmp_path,
        "one.md",
        title="Signals I",
        participants="Dana Ruiz",
        people="- **Marek Dell** — veteran of two booms\n- **Marek** (Orbex co-founder) — met Dana at a fair",
    )
    write(tmp_path, "two.md", title="Signals II", day=2, participants="Dana Ruiz, Marek Dell")
    write(tmp_path, "three.md", title="Signals III", day=3, participants="Dana Ruiz, Marek Dell")
    assert {"Marek", "Marek Dell"} <= set(people(build(tmp_path)))


# -- first names within one document -------------------------------------------------------------
def test_a_listed_affiliation_keeps_a_first_name_from_a_namesake_in_the_same_document(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Signals I",
        participants="Dana Ruiz, Nora (from Halden Ventures)",
        body='Nora explains: "We rebuilt the diligence process from scratch." [00:02:00]',
        people=NOVELIST,
    )
    graph = build(tmp_path)
    assert {"Nora", "Nora Whitcombe"} <= set(people(graph))
    assert speakers(graph)["We rebuilt the diligence process from scratch."] == "Nora"


def test_a_first_name_expands_to_the_entry_that_shares_its_affiliation(tmp_path: Path) -> None:
    entries = NOVELIST + "\n- **Nora Lindqvist** — Partner at Halden Ventures, leads diligence"
    write(
        tmp_path,
        "one.md",
        title="Signals I",
        participants="Dana Ruiz, Nora (from Halden Ventures)",
        body='Nora explains: "We rebuilt the diligence process from scratch." [00:02:00]',
        people=entries,
    )
    graph = build(tmp_path)
    assert "Nora" not in people(graph)
    assert speakers(graph)["We rebuilt the diligence process from scratch."] == "Nora Lindqvist"


def test_a_first_name_expands_to_the_namesake_its_qualifier_describes(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Widgets I",
        participants="Dana Ruiz (Host), Peter (creator of WidgetOS)",
        body='Peter explains: "The kernel was the easy part of the whole thing." [00:02:00]',
        people="- **Peter Stone** — creator of WidgetOS, now building tools\n"
        "- **Peter Halvorsen** — investor at Corvo Capital",
    )
    graph = build(tmp_path)
    assert "Peter" in people(graph)["Peter Stone"] and "Peter" not in people(graph)
    assert speakers(graph)["The kernel was the easy part of the whole thing."] == "Peter Stone"


def test_a_first_name_whose_qualifier_fits_no_namesake_stays_as_written(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Widgets I",
        participants="Dana Ruiz (Host), Peter (creator of WidgetOS)",
        people="- **Peter Stone** — investor at Halden Ventures\n- **Peter Halvorsen** — investor at Corvo Capital",
    )
    assert {"Peter", "Peter Stone", "Peter Halvorsen"} <= set(people(build(tmp_path)))


def test_a_nickname_with_the_real_name_in_parentheses_is_the_real_person(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Signals I",
        participants="Dana Ruiz (Host), Bubba (Robert Smith)",
        body='Bubba explains: "The kernel was the easy part of the whole thing." [00:02:00]',
    )
    write(
        tmp_path,
        "two.md",
        title="Kilns I",
        podcast="Kiln Talk",
        participants="Ilse Marrow",
        people="- **Bubba (Robert Smith)** — founder of Orbex",
    )
    write(tmp_path, "three.md", title="Ports I", podcast="Port Hour", participants="Bo Li, Robert Smith")
    graph = build(tmp_path)
    assert people(graph)["Robert Smith"] == ("Bubba",)
    assert "Bubba" not in people(graph)
    assert speakers(graph)["The kernel was the easy part of the whole thing."] == "Robert Smith"


def test_an_organization_in_parentheses_is_no_real_name() -> None:
    from kgraph.extract.people import real_name_in_parentheses

    assert real_name_in_parentheses("Bubba", "Robert Smith") == "Robert Smith"
    assert real_name_in_parentheses("Bubba", "aka Robert Smith") == "Robert Smith"
    assert real_name_in_parentheses("Kimi", "Zhilin Yang", known_people=["Zhilin Yang"]) == "Zhilin Yang"
    assert real_name_in_parentheses("Kimi", "Zhilin Yang") is None  # nothing says it is a person
    assert real_name_in_parentheses("Sam", "Open Philanthropy") is None
    assert real_name_in_parentheses("Nora", "Halden Ventures") is None
    assert real_name_in_parentheses("Dana Ruiz", "Robert Smith") is None
    assert real_name_in_parentheses("Massa", "Masayoshi Son") == "Masayoshi Son"  # the name it shortens
    assert real_name_in_parentheses("Zuck", "Marek Zuckerman") == "Marek Zuckerman"
    assert real_name_in_parentheses("Nora", "Nordic Ventures") is None
    assert real_name_in_parentheses("Halden", "Halden Ventures") is None


def test_a_company_named_like_a_person_in_parentheses_stays_an_affiliation(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Signals I",
        participants="Dana Ruiz (Host), Mike (Robert Halden)",
        body="## 3. Companies Identified\n\n### Robert Halden\nA staffing firm.",
    )
    assert {"Mike", "Dana Ruiz"} <= set(people(build(tmp_path)))


def test_a_co_hosts_first_name_is_the_shows_regular_not_a_namesake_the_episode_mentions(tmp_path: Path) -> None:
    write(tmp_path, "1.md", title="Pods I", podcast="Pod Hour", participants="Sean Puri, Ben Wilson, Ilse Marrow")
    write(tmp_path, "2.md", title="Pods II", day=2, podcast="Pod Hour", participants="Sean Puri, Ben Wilson, Bo Li")
    write(
        tmp_path,
        "3.md",
        title="Pods III",
        day=3,
        podcast="Pod Hour",
        participants="Sean, Ben, Petra Vance",
        body='Sean explains: "Distribution beats product in every single consumer market." [00:02:00]',
        people="- **Sean Parker** — Napster co-founder, an example of a founder who moved fast",
    )
    graph = build(tmp_path)
    assert people(graph)["Sean Puri"] == ("Sean",) and people(graph)["Sean Parker"] == ()
    assert speakers(graph)["Distribution beats product in every single consumer market."] == "Sean Puri"


def test_a_first_name_expands_to_an_entry_the_text_has_speak(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Signals I",
        participants="Dana Ruiz (Host), Bill",
        body='Bill Peebles explains: "Patches are a reusable representation of video." [00:02:00]',
        people="- **Bill Peebles** — researcher",
    )
    assert people(build(tmp_path))["Bill Peebles"] == ("Bill",)


# -- spelling variants ---------------------------------------------------------------------------
def test_a_spelling_variant_in_the_same_show_merges_under_the_most_frequent_spelling(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Signals I", participants="Dana Ruiz, Ingrid Solberg")
    write(tmp_path, "two.md", title="Signals II", day=2, participants="Dana Ruiz, Ingrid Solberg")
    write(tmp_path, "three.md", title="Signals III", day=3, participants="Dana Ruiz, Ingred Solberg")
    graph = build(tmp_path)
    assert people(graph)["Ingrid Solberg"] == ("Ingred Solberg",)
    assert any(
        names == ["Ingrid Solberg", "Ingred Solberg"] and reason == "spelling variant"
        for names, reason in decisions(graph, "merged")
    )


def test_a_spelling_variant_without_context_is_only_a_candidate(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Signals I", participants="Dana Ruiz, Kenji Nakamura")
    write(tmp_path, "two.md", title="Kilns I", podcast="Kiln Talk", participants="Ilse Marrow, Kenji Nakamora")
    graph = build(tmp_path)
    assert {"Kenji Nakamura", "Kenji Nakamora"} <= set(people(graph))
    assert any(sorted(names) == ["Kenji Nakamora", "Kenji Nakamura"] for names, _ in decisions(graph, "candidate"))


def test_a_spelling_variant_described_alike_in_two_shows_merges(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Signals I",
        participants="Dana Ruiz",
        people="- **Kenji Nakamura** — Founder of Tidewell Robotics",
    )
    write(
        tmp_path,
        "two.md",
        title="Kilns I",
        podcast="Kiln Talk",
        participants="Ilse Marrow",
        people="- **Kenji Nakamora** — Tidewell founder, on kiln automation",
    )
    assert len([label for label in people(build(tmp_path)) if label.startswith("Kenji")]) == 1


def test_different_first_names_with_one_surname_in_two_shows_stay_apart(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Signals I", participants="Dana Ruiz, Marta Quint")
    write(tmp_path, "two.md", title="Kilns I", podcast="Kiln Talk", participants="Ilse Marrow, Marta Quinn")
    assert {"Marta Quint", "Marta Quinn"} <= set(people(build(tmp_path)))


# -- CJK names and their romanization ------------------------------------------------------------
def test_a_cjk_participant_and_its_romanized_speaker_are_one_person(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Signals I",
        participants="Dana Ruiz, 张伟",
        body='Wei Zhang explains: "Robots now learn from video." [00:03:00]',
    )
    graph = build(tmp_path)
    assert people(graph)["Wei Zhang"] == ("张伟",)
    assert speakers(graph)["Robots now learn from video."] == "Wei Zhang"
    assert (["Wei Zhang", "张伟"], "romanization in the same document") in decisions(graph, "merged")


def test_a_cjk_name_and_an_unrelated_romanization_in_other_shows_stay_apart(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Signals I", participants="Dana Ruiz, 张伟")
    write(tmp_path, "two.md", title="Kilns I", podcast="Kiln Talk", participants="Ilse Marrow, Wei Zhang")
    graph = build(tmp_path)
    assert {"张伟", "Wei Zhang"} <= set(people(graph))
    assert (["Wei Zhang", "张伟"], "romanization without agreeing context") in decisions(graph, "candidate")


def test_romanization_matches_in_either_name_order() -> None:
    from kgraph.resolve.people import romanization_matches

    assert romanization_matches("张伟", "Wei Zhang")
    assert romanization_matches("张伟", "Zhang Wei")
    assert romanization_matches("王佳佳", "Wang Jiajia")
    assert not romanization_matches("张伟", "Wei Zhao")
    assert not romanization_matches("张伟", "Dana Ruiz")


def test_a_quote_given_only_to_an_ambiguous_first_name_stays_unattributed(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Signals I",
        participants="Dana Ruiz, Nora Whitcombe, Nora Lindqvist",
        body='> "Diligence is a habit, not a phase." — Nora\n\n'
        '> "Margins follow focus, and focus follows the customer." — Dana Ruiz',
    )
    graph = build(tmp_path)
    assert "Nora" not in people(graph)
    assert speakers(graph)["Diligence is a habit, not a phase."] == ""
    assert speakers(graph)["Margins follow focus, and focus follows the customer."] == "Dana Ruiz"


def test_a_name_that_only_sounds_alike_merges_where_its_title_writes_the_other_spelling(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Orbex's Karel Vantongeren on Robot Hands",
        participants="Dana Ruiz, Carel Vantongeren",
    )
    write(
        tmp_path,
        "two.md",
        title="Kilns I",
        podcast="Kiln Talk",
        participants="Ilse Marrow",
        people="- **Karel Vantongeren** — Robotics researcher at Orbex",
    )
    write(
        tmp_path,
        "three.md",
        title="Kilns II",
        day=2,
        podcast="Kiln Talk",
        participants="Ilse Marrow, Karel Vantongeren",
    )
    graph = build(tmp_path)
    assert people(graph)["Karel Vantongeren"] == ("Carel Vantongeren",)


def test_names_that_only_sound_alike_stay_apart_without_the_other_spelling(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Signals I", participants="Dana Ruiz, Carel Vantongeren")
    write(tmp_path, "two.md", title="Kilns I", podcast="Kiln Talk", participants="Ilse Marrow, Karel Vantongeren")
    graph = build(tmp_path)
    assert {"Carel Vantongeren", "Karel Vantongeren"} <= set(people(graph))


def test_a_first_name_never_folds_into_another_shows_namesake_but_may_be_suggested(tmp_path: Path) -> None:
    write(
        tmp_path, "one.md", title="Signals I", participants="Dana Ruiz", people="- **Shona Vale** — Founder of Quillpay"
    )
    write(
        tmp_path,
        "two.md",
        title="Kilns I",
        podcast="Kiln Talk",
        participants="Ilse Marrow",
        people="- **Shona** — Quillpay founder, on payments for potters",
    )
    graph = build(tmp_path)
    assert {"Shona", "Shona Vale"} <= set(people(graph))
    assert (["Shona Vale", "Shona"], "first name, another show") in decisions(graph, "candidate")


def test_resolution_and_its_decisions_do_not_depend_on_the_order_of_sightings() -> None:
    import random

    from kgraph.resolve.aliases import AliasRules
    from kgraph.resolve.decisions import DecisionLog
    from kgraph.resolve.people import PersonSighting, resolve_people

    sightings = [
        PersonSighting("Ingrid Solberg", (), "Signal Hour", "a.md", participant=True, spoke=True),
        PersonSighting("Ingred Solberg", (), "Signal Hour", "b.md", participant=True),
        PersonSighting("Solberg Ingrid", (), "Kiln Talk", "c.md"),
        PersonSighting("Dana Ruiz", (), "Signal Hour", "a.md", participant=True),
        PersonSighting("Dana Ruiz", (), "Signal Hour", "b.md", participant=True),
        PersonSighting("Dana", (), "Signal Hour", "d.md", participant=True),
        PersonSighting("Nora", (), "Signal Hour", "d.md", affiliations=("halden ventures",)),
        PersonSighting("Nora Whitcombe", (), "Signal Hour", "e.md", context=("quarry",)),
        PersonSighting("张伟", (), "Kiln Talk", "f.md", participant=True),
        PersonSighting("Wei Zhang", (), "Kiln Talk", "f.md", spoke=True),
        PersonSighting("Kenji Nakamora", (), "Kiln Talk", "g.md"),
        PersonSighting("Kenji Nakamura", (), "Signal Hour", "h.md"),
    ]
    results = []
    for seed in range(5):
        shuffled = sightings[:]
        random.Random(seed).shuffle(shuffled)
        log = DecisionLog()
        identities = resolve_people(shuffled, AliasRules(), log)
        results.append((sorted((key, identity) for key, identity in identities.items()), log.decisions()))
    assert all(result == results[0] for result in results)
    labels = {identity.label for _, identity in results[0][0]}
    assert {
        "Ingrid Solberg",
        "Dana Ruiz",
        "Nora",
        "Nora Whitcombe",
        "Wei Zhang",
        "Kenji Nakamora",
        "Kenji Nakamura",
    } == labels


def test_a_first_name_folds_into_a_participant_described_as_the_host(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Signals I",
        participants="Dana Ruiz, Ilse Marrow",
        people="- **Dana Ruiz** — Host of the show, former Orbex engineer",
    )
    write(tmp_path, "two.md", title="Signals II", day=2, participants="Dana, Oskar Lind")
    assert "Dana" in people(build(tmp_path))["Dana Ruiz"]


def test_a_first_name_does_not_fold_into_a_host_of_another_show_mentioned_here(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Signals I",
        participants="Dana Ruiz, Ilse Marrow",
        people="- **Sam Harlow** — Host of the Quiet Rooms podcast, quoted on pricing",
    )
    write(tmp_path, "two.md", title="Signals II", day=2, participants="Sam (Host), Oskar Lind")
    assert {"Sam", "Sam Harlow"} <= set(people(build(tmp_path)))


def test_a_lone_surname_or_a_first_name_spelled_alike_folds_into_the_shows_recurring_guest(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Signals I", participants="Dana Ruiz, Kenji Nakamura, Ingrid Solberg")
    write(tmp_path, "two.md", title="Signals II", day=2, participants="Dana Ruiz, Kenji Nakamura, Ingrid Solberg")
    write(tmp_path, "three.md", title="Signals III", day=3, participants="Dana Ruiz, Nakamura, Ingred")
    graph = build(tmp_path)
    assert "Nakamura" in people(graph)["Kenji Nakamura"]
    assert "Ingred" in people(graph)["Ingrid Solberg"]
    assert (["Ingrid Solberg", "Ingred"], "first name spelled alike, same show") in decisions(graph, "merged")


def test_the_alias_files_separate_rule_keeps_people_apart_whatever_would_join_them(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus, "one.md", title="Signals I", participants="Dana Ruiz, Ingrid Solberg")
    write(corpus, "two.md", title="Signals II", day=2, participants="Dana Ruiz, Ingrid Solberg")
    write(corpus, "three.md", title="Signals III", day=3, participants="Dana Ruiz, Solberg Ingrid")
    assert people(build(corpus))["Ingrid Solberg"] == ("Solberg Ingrid",)  # one key joins a reordered name
    rules = tmp_path / "aliases.toml"
    rules.write_text('[[separate]]\nnames = ["Ingrid Solberg", "Solberg Ingrid"]\n', encoding="utf-8")
    graph = kgraph.build([corpus], aliases=rules)
    found = people(graph)
    assert found["Ingrid Solberg"] == () and found["Solberg Ingrid"] == ()
    assert [sorted(names) for names, _ in decisions(graph, "separated")] == [["Ingrid Solberg", "Solberg Ingrid"]]
