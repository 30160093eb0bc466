"""Review what resolution decided about identity: every merge and every near miss of a build (the
"identity" section of its report.json), printed for a person to read, or as alias-file TOML with
each suggestion commented out, ready to become a rule.

>>> from kgraph.resolve.review import read_decisions, review_text, alias_toml
>>> decisions = read_decisions("output/report.json")
>>> print(review_text(decisions))      # grouped by kind, each with its reason and evidence
>>> print(alias_toml(decisions))       # candidates as [[merge]], merges as [[separate]] (to undo)
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TypeGuard, cast, get_args

from kgraph.errors import UsageError
from kgraph.resolve.decisions import Decision, Kind, Verdict

KINDS: tuple[str, ...] = get_args(Kind)  # the order kinds are shown in
VERDICTS: tuple[str, ...] = get_args(Verdict)
_SECTIONS = {"merges": "merged", "candidates": "candidate", "separated": "separated"}  # report.json keys
_SHOWN = {
    "merged": ("merge", "merges"),
    "candidate": ("candidate", "candidates"),
    "separated": ("kept apart", "kept apart"),
}


def read_decisions(report: Path | str) -> list[Decision]:
    """The identity decisions in a report.json written by `kgraph build`, sorted."""
    path = Path(report)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError("report not found (run `kgraph build` first, or give PATHS)", path) from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise UsageError(f"cannot read the report ({reason})", path) from None
    identity = data.get("identity") if isinstance(data, dict) else None
    if not isinstance(identity, dict):
        raise UsageError("not a kgraph report with an identity section (build again with this kgraph)", path)
    sections = [identity.get(key, []) for key in _SECTIONS]
    try:
        if not all(isinstance(section, list) for section in sections):
            raise ValueError(f"{', '.join(_SECTIONS)} must be lists")
        return decisions_from_json([item for section in sections for item in section])
    except ValueError as error:
        raise UsageError(f"malformed identity section ({error})", path) from None


def decisions_from_json(items: list[dict[str, object]]) -> list[Decision]:
    """`Decision.to_json()` dicts (a report's identity lists, or `BuildReport.identity`) back to
    decisions, sorted; ValueError on an entry that is not one."""
    decisions = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise ValueError(f"entry {number} is not an object")
        kind, verdict, names = item.get("kind"), item.get("verdict"), item.get("names")
        reason, evidence = item.get("reason", ""), item.get("evidence", [])
        if (
            kind not in KINDS
            or verdict not in VERDICTS
            or not _strings(names)
            or not names
            or not isinstance(reason, str)
            or not _strings(evidence)
        ):
            raise ValueError(f"entry {number} is not a decision (kind, verdict, names, reason, evidence)")
        decisions.append(Decision(cast(Kind, kind), cast(Verdict, verdict), tuple(names), reason, tuple(evidence)))
    return sorted(decisions)


def _strings(value: object) -> TypeGuard[list[str]]:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def count_verdicts(verdicts: Iterable[str]) -> str:
    """`merged`, `candidate`, ... verdicts -> "3 merges, 1 candidate" (the console's identity line)."""
    counted = Counter(verdicts)
    parts = []
    for verdict in VERDICTS:
        if counted[verdict]:
            one, many = _SHOWN[verdict]
            parts.append(f"{counted[verdict]} {one if counted[verdict] == 1 else many}")
    return ", ".join(parts) or "nothing"


def _counts(decisions: list[Decision]) -> str:
    return count_verdicts(decision.verdict for decision in decisions)


def _by_kind(decisions: list[Decision]) -> list[tuple[str, list[Decision]]]:
    """Kinds in KINDS order; in a kind, merges, then candidates, then separations."""
    order = {verdict: number for number, verdict in enumerate(VERDICTS)}
    groups = []
    for kind in KINDS:
        chosen = sorted((d for d in decisions if d.kind == kind), key=lambda d: (order[d.verdict], d))
        if chosen:
            groups.append((kind, chosen))
    return groups


def _one_line(text: str) -> str:
    """Text fit for one line of a terminal or a TOML comment: no line breaks, no control characters."""
    return "".join(c if c.isprintable() else " " for c in " ".join(text.split()))


def review_text(decisions: list[Decision], source: str = "") -> str:
    """The decisions for a person: a count line, then kind by kind each decision's names (the
    kept label first), its reason and its evidence."""
    where = f" in {source}" if source else ""
    if not decisions:
        return f"no identity decisions{where}: nothing was merged, no near misses\n"
    lines = [f"identity{where}: {_counts(decisions)}"]
    for kind, chosen in _by_kind(decisions):
        lines += ["", f"{kind}: {_counts(chosen)}"]
        for decision in chosen:
            lines.append(f"  {decision.verdict:<10} {' | '.join(_one_line(name) for name in decision.names)}")
            if decision.reason:
                lines.append(f"  {'':<10} {_one_line(decision.reason)}")
            lines += [f"  {'':<10} - {_one_line(item)}" for item in decision.evidence]
    lines += ["", "`kgraph aliases --toml` prints these as alias-file rules, commented out, to adopt one by one."]
    return "\n".join(lines) + "\n"


def toml_string(text: str) -> str:
    """`text` as a TOML basic string."""
    escapes = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
    body = "".join(escapes.get(c) or (c if c.isprintable() else _escape(c)) for c in text)
    return f'"{body}"'


def _escape(character: str) -> str:
    """A \\u escape: control characters are not allowed raw, and editors may break lines at others
    (U+0085, U+2028)."""
    code = ord(character)
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


_TOML_HEADER = """\
# kgraph alias-file suggestions{source}.
# Every rule is commented out: to adopt one, delete the "# " before its [[...]] and names lines,
# then build with `kgraph build --aliases THIS_FILE`.
#   a candidate (a near miss left apart) -> [[merge]]: one node, the first name is its label
#   a merge resolution made             -> [[separate]]: keeps the names apart, undoing the merge
"""
_TABLE = {"candidate": "merge", "merged": "separate"}


def alias_toml(decisions: list[Decision], source: str = "") -> str:
    """The decisions as an alias file (see `kgraph.resolve.aliases`) whose rules are all commented
    out: candidates as [[merge]] blocks, merges as [[separate]] blocks; separations the alias file
    already made are listed as comments."""
    lines = [_TOML_HEADER.format(source=f" from {source}" if source else "").rstrip("\n")]
    for kind, chosen in _by_kind(decisions):
        lines += ["", f"# ---- {kind}: {_counts(chosen)} ----"]
        for decision in chosen:
            lines += [""] + [f"# {decision.verdict}: {_one_line(decision.reason)}".rstrip()]
            lines += [f"#   - {_one_line(item)}" for item in decision.evidence]
            names = ", ".join(toml_string(name) for name in decision.names)
            table = _TABLE.get(decision.verdict)
            if decision.verdict == "separated":  # already a [[separate]] rule of the alias file
                lines.append(f"#   kept apart by the alias file: [{names}]")
            elif table is None or len(decision.names) < 2:  # no rule can name a single name
                lines.append(f"#   names: [{names}]")
            else:
                lines += [f"# [[{table}]]", f"# names = [{names}]"]
    return "\n".join(lines) + "\n"
