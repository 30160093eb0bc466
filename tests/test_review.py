"""`kgraph aliases` and kgraph.resolve.review: a build's identity decisions, read back from report.json,
shown for a person and as an alias file whose commented-out rules work once uncommented."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import kgraph
from kgraph.build.report import BuildReport
from kgraph.cli import main
from kgraph.errors import UsageError
from kgraph.resolve.aliases import load_aliases
from kgraph.resolve.decisions import Decision, DecisionLog
from kgraph.resolve.review import alias_toml, decisions_from_json, read_decisions, review_text, toml_string


def sample_log() -> DecisionLog:
    log = DecisionLog()
    log.record("organization", "merged", ["Acme", "Acme Inc"], "suffix form", ["both in Signal Hour 2025-01-10"])
    log.record(
        "person",
        "candidate",
        ["Dana Ruiz", "Dana Ruis"],
        "spelling variant, same show",
        ["score 94", "both on Signal Hour"],
    )
    log.record("person", "merged", ["Jie Tan", "Tan Jie"], "reordered name", ["same episode"])
    log.record("person", "separated", ["Mark Chen", "Marc Chen"], "alias file [[separate]]")
    log.record("episode", "merged", ["signal/2025-01-10.md", "copies/signal-1.md"], "same video id", ["abc123"])
    return log


def write_report(folder: Path, log: DecisionLog) -> Path:
    report = BuildReport(identity=[decision.to_json() for decision in log.decisions()])
    path = folder / "report.json"
    path.write_text(report.to_json(), encoding="utf-8")
    return path


def invoke(*args: str):
    return CliRunner().invoke(main, ["aliases", *args])


def uncommented(toml: str) -> str:
    """What a user gets by deleting the "# " before every rule line."""
    rule = ("# [[", "# names = ")
    return "\n".join(line[2:] if line.startswith(rule) else line for line in toml.split("\n"))


def test_report_round_trip_keeps_every_decision(tmp_path):
    log = sample_log()
    assert read_decisions(write_report(tmp_path, log)) == log.decisions()


def test_review_text_groups_by_kind_with_reason_and_evidence():
    text = review_text(sample_log().decisions(), "output/report.json")
    lines = text.splitlines()
    assert lines[0] == "identity in output/report.json: 3 merges, 1 candidate, 1 kept apart"
    headings = [line for line in lines if line and not line.startswith(" ") and ":" in line][1:]
    assert headings == ["episode: 1 merge", "person: 1 merge, 1 candidate, 1 kept apart", "organization: 1 merge"]
    person = lines[lines.index(headings[1]) :]
    assert person[1:4] == [
        "  merged     Jie Tan | Tan Jie",
        "             reordered name",
        "             - same episode",
    ]
    assert person[4:8] == [
        "  candidate  Dana Ruiz | Dana Ruis",
        "             spelling variant, same show",
        "             - score 94",
        "             - both on Signal Hour",
    ]
    assert "  separated  Mark Chen | Marc Chen" in person


def test_review_text_without_decisions_says_so():
    assert review_text([], "r.json") == "no identity decisions in r.json: nothing was merged, no near misses\n"


def test_alias_toml_is_a_valid_alias_file_with_every_rule_commented_out(tmp_path):
    toml = alias_toml(sample_log().decisions(), "output/report.json")
    assert tomllib.loads(toml) == {}
    assert "# candidate: spelling variant, same show\n#   - score 94\n#   - both on Signal Hour\n# [[merge]]\n" in toml


def test_uncommented_candidates_merge_and_uncommented_merges_separate(tmp_path):
    decisions = sample_log().decisions()
    path = tmp_path / "aliases.toml"
    path.write_text(uncommented(alias_toml(decisions)), encoding="utf-8")
    rules = load_aliases(path)
    assert rules.merge == (("Dana Ruiz", "Dana Ruis"),)
    assert set(rules.separate) == {
        ("Acme", "Acme Inc"),
        ("Jie Tan", "Tan Jie"),
        ("signal/2025-01-10.md", "copies/signal-1.md"),
    }
    assert ("Mark Chen", "Marc Chen") not in rules.separate  # already a rule of the file that made it
    assert rules.merged_label("dana ruis") == "Dana Ruiz" and rules.kept_apart("Acme Inc", "Acme")


SIGNAL = """# {show}: {title}

**Podcast:** {show}
**Date:** {date}
**Participants:** Priya Nandakumar, {guest}

---

## 1. Key Themes

### **Night Shifts**
{guest} explains: "Robots earn their keep at night." [00:04:12]
"""


def test_an_adopted_merge_suggestion_makes_one_node(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # Two shows: a close spelling on one show is merged today, on two it is only a candidate.
    for number, (show, guest) in enumerate((("Signal Hour", "Dana Ruiz"), ("Night Desk", "Dana Ruis")), start=1):
        text = SIGNAL.format(show=show, title=f"Episode {number}", date=f"2025-01-1{number}", guest=guest)
        (corpus / f"signal-{number}.md").write_text(text, encoding="utf-8")
    log = DecisionLog()
    log.record("person", "candidate", ["Dana Ruiz", "Dana Ruis"], "spelling variant, same show")
    before = {person.label for person in kgraph.build([corpus]).model.people}
    assert {"Dana Ruiz", "Dana Ruis"} <= before  # two nodes today (else the test proves nothing)
    rules = tmp_path / "aliases.toml"
    rules.write_text(uncommented(alias_toml(log.decisions())), encoding="utf-8")
    after = kgraph.build([corpus], aliases=rules).model.people
    dana = [person for person in after if person.label == "Dana Ruiz"]
    assert len(dana) == 1 and "Dana Ruis" in dana[0].alt_labels
    assert "Dana Ruis" not in {person.label for person in after}


names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30).map(str.strip).filter(bool)


@given(st.lists(names, min_size=2, max_size=4), st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_any_names_and_reasons_give_a_file_whose_rules_parse_back(group, reason):
    toml = alias_toml([Decision("person", "candidate", tuple(group), reason, (reason,))])
    assert tomllib.loads(toml) == {}
    assert all(line.isprintable() for line in toml.split("\n"))  # no editor sees another line break
    assert tomllib.loads(uncommented(toml)) == {"merge": [{"names": group}]}


@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_toml_string_round_trips(text):
    assert tomllib.loads(f"value = {toml_string(text)}")["value"] == text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "report not found"),
        ("{not json", "cannot read the report"),
        ('{"documents": {}}', "not a kgraph report with an identity section"),
        ("[1, 2]", "not a kgraph report with an identity section"),
        (
            '{"identity": {"merges": [{"kind": "person", "verdict": "merged", "names": []}]}}',
            "malformed identity section",
        ),
        ('{"identity": {"merges": 3}}', "malformed identity section"),
        (
            '{"identity": {"merges": [{"kind": "planet", "verdict": "merged", "names": ["A", "B"]}]}}',
            "malformed identity section",
        ),
    ],
)
def test_a_bad_report_is_a_one_line_usage_error(tmp_path, content, message):
    path = tmp_path / "report.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        read_decisions(path)
    result = invoke("--report", str(path))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr and str(path) in result.stderr
    assert result.stdout == ""


def test_cli_reads_a_report_filters_by_kind_and_prints_toml(tmp_path):
    path = write_report(tmp_path, sample_log())
    result = invoke("--report", str(path))
    assert result.exit_code == 0
    assert result.stdout == review_text(sample_log().decisions(), str(path))
    people = invoke("--report", str(path), "--kind", "person", "--toml")
    assert people.exit_code == 0
    assert "Jie Tan" in people.stdout and "Acme" not in people.stdout and "signal/" not in people.stdout
    assert tomllib.loads(uncommented(people.stdout))["merge"] == [{"names": ["Dana Ruiz", "Dana Ruis"]}]


def test_cli_default_report_is_output_report_json(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    missing = invoke()
    assert missing.exit_code == 2 and "output/report.json: report not found" in missing.stderr
    (tmp_path / "output").mkdir()
    write_report(tmp_path / "output", sample_log())
    assert invoke().stdout.startswith("identity in output/report.json: 3 merges")


def test_cli_mistakes_are_usage_errors(tmp_path):
    path = write_report(tmp_path, sample_log())
    both = invoke(str(tmp_path), "--report", str(path))
    assert both.exit_code == 2 and "not both" in both.stderr
    rules = tmp_path / "aliases.toml"
    rules.write_text("", encoding="utf-8")
    no_build = invoke("--report", str(path), "--aliases", str(rules))
    assert no_build.exit_code == 2 and "--aliases applies when building from PATHS" in no_build.stderr


def test_building_from_paths_shows_what_the_built_report_holds(tmp_path):
    # The same decisions whether `kgraph aliases` builds or reads the report `kgraph build` wrote.
    corpus = Path(__file__).parent / "fixtures" / "query_corpus"
    built = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "out"), "-q"])
    assert built.exit_code == 0, built.output
    report = tmp_path / "out" / "report.json"
    from_report = invoke("--report", str(report), "--toml")
    from_paths = invoke(str(corpus), "--toml")
    assert from_paths.exit_code == 0, from_paths.output
    assert from_paths.stdout == from_report.stdout.replace(f" from {report}", "")
    assert from_paths.stderr.startswith("documents: 4 read, 4 built, 0 skipped")


def test_decisions_from_json_reads_what_the_build_report_holds():
    log = sample_log()
    report = BuildReport(identity=[decision.to_json() for decision in log.decisions()])
    assert decisions_from_json(report.identity) == log.decisions()
    identity = json.loads(report.to_json())["identity"]
    assert [len(identity[key]) for key in ("merges", "candidates", "separated")] == [3, 1, 1]


def test_console_summary_has_one_identity_line():
    report = BuildReport(identity=[decision.to_json() for decision in sample_log().decisions()])
    lines = [line for line in report.summary_lines() if line.startswith("identity")]
    assert lines == ["identity: 3 merges, 1 candidate, 1 kept apart (see `kgraph aliases`)"]
    assert not [line for line in BuildReport().summary_lines() if line.startswith("identity")]


def test_a_decision_with_one_name_is_shown_but_makes_no_rule():
    toml = alias_toml([Decision("episode", "merged", ("signal/2025-01-10.md",), "same video id")])
    assert '#   names: ["signal/2025-01-10.md"]' in toml
    assert tomllib.loads(uncommented(toml)) == {}


def test_the_readme_example_is_what_kgraph_aliases_prints():
    log = DecisionLog()
    log.record("person", "merged", ["Jie Tan", "Tan Jie"], "reordered name", ["same episode"])
    log.record("person", "candidate", ["Dana Ruiz", "Dana Ruis"], "spelling variant, same show", ["score 94"])
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "$ kgraph aliases --kind person\n" + review_text(log.decisions(), "output/report.json") in readme
    candidate = alias_toml(log.decisions()).split("\n\n")[-1]
    assert candidate in readme


COMPANY_EPISODE = """# {show}: Episode {number}

**Podcast:** {show}
**Date:** 2025-02-1{number}
**Participants:** Priya Nandakumar, Dana Ruiz

---

## 1. Key Themes

### **Night Shifts**
Dana Ruiz explains: "Robots earn their keep at night." [00:04:12]

## 3. Companies Identified

### **{company}**
{description}
"""


def company_corpus(folder: Path) -> Path:
    """Corvo / Corvo Capital on one show (a suffix form with shared context: merged today);
    Lumen / Lumen Ventures on two shows with nothing in common (a near miss)."""
    folder.mkdir()
    episodes = [
        ("Signal Hour", "Corvo", "An investor in robot fleets."),
        ("Signal Hour", "Corvo Capital", "Backs warehouse robotics."),
        ("Loom Stories", "Lumen", "A lamp maker from Halden."),
        ("Orbex Weekly", "Lumen Ventures", "An agent for tax returns."),
    ]
    for number, (show, company, description) in enumerate(episodes, start=1):
        text = COMPANY_EPISODE.format(show=show, number=number, company=company, description=description)
        (folder / f"episode-{number}.md").write_text(text, encoding="utf-8")
    return folder


def organization_labels(corpus: Path, aliases: Path | None = None) -> set[str]:
    return {org.label for org in kgraph.build([corpus], aliases=aliases).model.organizations}


def test_suggestions_from_a_build_undo_its_merge_and_make_its_near_miss_one_node(tmp_path):
    corpus = company_corpus(tmp_path / "corpus")
    review = invoke(str(corpus), "--kind", "organization")
    assert review.exit_code == 0, review.output
    if "Corvo | Corvo Capital" not in review.stdout or "Lumen | Lumen Ventures" not in review.stdout:
        pytest.skip("the organization resolver no longer merges/keeps apart this pair (see test_organizations)")
    labels = organization_labels(corpus)
    assert len(labels & {"Corvo", "Corvo Capital"}) == 1 and {"Lumen", "Lumen Ventures"} <= labels
    rules = tmp_path / "aliases.toml"
    rules.write_text(uncommented(invoke(str(corpus), "--toml").stdout), encoding="utf-8")
    adopted = organization_labels(corpus, rules)
    assert {"Corvo", "Corvo Capital"} <= adopted  # the merge undone
    assert "Lumen" in adopted and "Lumen Ventures" not in adopted  # the near miss is one node
    again = invoke(str(corpus), "--aliases", str(rules), "--kind", "organization")
    assert "  separated  Corvo | Corvo Capital" in again.stdout
