"""Names written in two scripts (a Chinese show summarized in English): `林舒怡 Lin Shuyi` in a
heading, `Voltaro / 沃拓能源` across a slash, `Lin Shuyi (林舒怡)` in the prose. One person or
organization each, named as the English text names it, the CJK name an alias that resolves quotes
led in with it (`林舒怡回答：`)."""

from __future__ import annotations

import pytest

from kgraph.extract import extract_document
from kgraph.extract.people import PeopleIndex, spelled_in_two_scripts
from kgraph.extract.results import PersonName
from kgraph.names import names_in_two_scripts
from kgraph.parse import parse_document


def _extract(participants: str, body: str, sections: str = ""):
    text = f"""# [EP 9｜和罗晓岚聊储能](https://example.com/ep/9)

**Podcast:** 夜谈 Night Talk
**Date:** 2026-01-10
**Participants:** {participants}

---

## 1. Key Themes

### Theme 1: Storage

{body}

{sections}
"""
    return extract_document(parse_document("fixture.md", text))


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("罗晓岚 Luo Xiaolan", ("Luo Xiaolan", "罗晓岚")),
        ("Luo Xiaolan 罗晓岚", ("Luo Xiaolan", "罗晓岚")),
        ("Tidewell / 潮汐能源", ("Tidewell", "潮汐能源")),
        ("潮汐能源／Tidewell Energy", ("Tidewell Energy", "潮汐能源")),
        ("青石资本 Bluestone Capital", ("Bluestone Capital", "青石资本")),
        ("Tidewell", None),  # one script
        ("罗晓岚", None),
        ("Kimi 开头的名字 and more", None),  # a phrase, not a name beside its other spelling
        ("罗晓岚 and 宋安 Luo", None),
        ("罗晓岚 luo xiaolan", None),  # the Latin part is no name
    ],
)
def test_a_name_in_two_scripts_is_read_as_its_two_spellings(written: str, expected: tuple[str, str] | None) -> None:
    assert names_in_two_scripts(written) == expected


def test_prose_pairs_read_either_order_and_not_a_cjk_word_before_the_name() -> None:
    text = "Host Zhou Lan (周岚) talks with Luo Xiaolan（罗晓岚）. 宋安 (Song An) joined. 我和罗晓岚（Luo Xiaolan）聊"
    assert spelled_in_two_scripts(text) == [
        ("Host Zhou Lan", "周岚"),
        ("Luo Xiaolan", "罗晓岚"),
        ("Song An", "宋安"),
    ]
    assert spelled_in_two_scripts("Li Auto (Lixiang) and Acme (ACME)") == []  # no CJK: nothing read


def test_headings_in_two_scripts_name_one_entity_each() -> None:
    extraction = _extract(
        "Zhou Lan, Luo Xiaolan",
        "Luo Xiaolan of Tidewell (潮汐能源) said storage is a software business now.",
        """## 3. Companies Identified

### Tidewell / 潮汐能源
- **Description:** Shenzhen battery maker.

### 星河集团 / Nova
- **Description:** Nova is the group's headset unit.

### 比亚迪 BYD
- **Description:** Chinese EV and battery manufacturer.

## 4. People Identified

### 罗晓岚 Luo Xiaolan
- **Role:** Co-founder of Tidewell; formerly at BYD.
""",
    )
    entities = {entry.name: entry.aliases for entry in extraction.entities}
    assert entities["Tidewell"] == ("潮汐能源",)
    assert entities["BYD"] == ("比亚迪",)
    assert "潮汐能源" not in entities and "比亚迪 BYD" not in entities
    # a slash with no other evidence may join a parent and its unit: not one's other name
    assert all("星河集团" not in aliases for aliases in entities.values())
    people = {person.name: person for person in extraction.people}
    assert "罗晓岚 Luo Xiaolan" not in people
    assert "罗晓岚" in people["Luo Xiaolan"].aliases


def test_a_participant_named_in_cjk_in_a_heading_leads_quotes_in_with_that_name() -> None:
    extraction = _extract(
        "Zhou Lan, Luo Xiaolan",
        '罗晓岚回答："他们卖的是电池，我们卖的是安装商的时间。"\n\n'
        '周岚问："你们还算一家中国公司吗？"\n\n'
        '罗晓岚说："认证比价格重要，德国的安装商先问的是证书。"',
        """## 4. People Identified

### 罗晓岚 Luo Xiaolan
- **Role:** Co-founder of Tidewell.

### 周岚 Zhou Lan
- **Role:** Host.
""",
    )
    speakers = {claim.text: claim.speaker for claim in extraction.claims}
    assert speakers["他们卖的是电池，我们卖的是安装商的时间。"] == "Luo Xiaolan"
    assert speakers["你们还算一家中国公司吗？"] == "Zhou Lan"
    assert speakers["认证比价格重要，德国的安装商先问的是证书。"] == "Luo Xiaolan"


def test_the_prose_spelling_names_a_person_and_folds_a_participant_listed_twice() -> None:
    extraction = _extract(
        "Zhou Lan, 周岚, Luo Xiaolan",
        "*Host Zhou Lan (周岚) talks with Luo Xiaolan (罗晓岚), co-founder of Tidewell.*\n\n"
        "Zhou Lan asked how a small company competes.\n\n"
        '罗晓岚回答："两条路，谁也抢不了谁的。"',
    )
    assert extraction.participants == ("Zhou Lan", "Luo Xiaolan")
    people = {person.name: person.aliases for person in extraction.people}
    assert "周岚" in people["Zhou Lan"] and "罗晓岚" in people["Luo Xiaolan"]
    assert {claim.text: claim.speaker for claim in extraction.claims}["两条路，谁也抢不了谁的。"] == "Luo Xiaolan"


def test_a_prose_spelling_of_someone_not_of_the_document_adds_nobody() -> None:
    extraction = _extract(
        "Zhou Lan, Luo Xiaolan",
        '*Zhou Lan talks with Luo Xiaolan about Li Auto (理想汽车) and Wang Kai (王凯).*\n\n王凯说："增程是过渡。"',
    )
    people = {person.name: person.aliases for person in extraction.people}
    assert "理想汽车" not in {alias for aliases in people.values() for alias in aliases}
    assert all("王凯" not in aliases for aliases in people.values())  # Wang Kai is nobody listed


def test_a_latin_named_person_opens_a_chinese_sentence_by_full_or_given_name() -> None:
    extraction = _extract(
        "Zhou Lan, Luo Xiaolan",
        "罗晓岚在节目中提到，早期最容易出故障的场景，恰恰是数据最有价值的场景。\n\n"
        '> "哪里最容易坏，哪里的数据就最值钱，这是我们三年学到的。"',
        """## 4. People Identified

### 罗晓岚 Luo Xiaolan
- **Role:** Co-founder of Tidewell.
""",
    )
    speakers = {claim.text: claim.speaker for claim in extraction.claims}
    assert speakers["哪里最容易坏，哪里的数据就最值钱，这是我们三年学到的。"] == "Luo Xiaolan"


def test_a_cjk_alias_names_its_person_by_its_given_name_too() -> None:
    index = PeopleIndex([PersonName(name="Luo Xiaolan"), PersonName(name="Zhou Lan", aliases=("周岚",))])
    index.add(PersonName(name="Luo Xiaolan", aliases=("罗晓岚",)))  # her People entry, `罗晓岚 Luo Xiaolan`
    assert index.resolve("罗晓岚") == "Luo Xiaolan"
    assert index.resolve("晓岚") == "Luo Xiaolan"  # `晓岚说：`
    assert index.written("罗晓岚") and not index.written("晓岚")
    assert index.resolve("周岚") == "Zhou Lan" and index.resolve("岚") is None


def test_a_role_or_a_company_in_parentheses_is_no_persons_other_name() -> None:
    extraction = _extract(
        "Zhou Lan, Luo Xiaolan",
        "*Zhou Lan (主持人) talks with Luo Xiaolan (嘉宾). Later Luo Xiaolan (潮汐) argued for storage.*",
        "## 3. Companies Identified\n\n### Tidewell / 潮汐\n- Description: Luo Xiaolan of Tidewell (潮汐).\n",
    )
    aliases = {alias for person in extraction.people for alias in person.aliases}
    assert not aliases & {"主持人", "嘉宾", "潮汐"}
