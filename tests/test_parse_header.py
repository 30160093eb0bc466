"""Header block: title line, `**Key:** value` fields, body field lines."""

from __future__ import annotations

from tests.parse_fixtures import parsed


def test_gen_a_link_title_decodes_entities_and_keeps_url() -> None:
    header = parsed("gen_a.md").header
    assert header.title == "Tidewater Robotics & the Future of Kelp"
    assert header.title_url == "https://www.youtube.com/watch?v=AbCdEfGhIjK"
    assert [field.key for field in header.fields] == [
        "podcast",
        "date",
        "participants",
        "region",
        "video id",
        "video url",
        "transcript",
    ]
    assert header.get("video id") == "AbCdEfGhIjK"


def test_gen_b_fields_in_order() -> None:
    header = parsed("gen_b.md").header
    assert header.title == "Counting Crows at Dawn"
    assert header.get("processed") == "2024-11-05T10:00:00Z"
    assert header.get("episode url") == "https://feeds.example.com/episode/991"
    assert header.get("youtube") == "[Watch on YouTube](https://youtube.com/watch?v=ZyXwVuTsRqP)"


def test_plain_title_and_body_field_line() -> None:
    header = parsed("newsletter.md").header
    assert header.title == "The Quiet Economics of Lighthouses"
    assert header.title_url is None
    assert header.get("source") == "newsletter"
    # the second `**Podcast:** X | **Participants:** ...` line sits in the body, not the header
    assert [(field.key, field.value) for field in header.body_fields] == [
        ("podcast", "Beacon Letters"),
        ("participants", "Ines Halvorsen, Pavel Drozdov"),
    ]
    assert header.get("participants") == "Beacon Letters"


def test_title_field_without_h1() -> None:
    header = parsed("unknown_title.md").header
    assert header.title is None
    assert header.get("title") == "Unknown"
    assert header.get("podcast") == "Mystery Cast"


def test_header_without_rule_runs_to_end() -> None:
    document = parsed("truncated.md")
    assert document.header.title == "Half a Header"
    assert document.header.get("date") == "2022-02-02"
    assert document.sections == ()
    assert "degenerate: no canonical section" in document.warnings
