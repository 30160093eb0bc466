"""Name shapes: what may be written as a person's name."""

from __future__ import annotations


def test_two_initials_written_together_open_a_person_name_but_a_place_does_not() -> None:
    from kgraph.names import looks_like_person_name

    assert looks_like_person_name("J.P. Mbeki-Hart") and looks_like_person_name("C.K. Liu")
    assert not looks_like_person_name("U.S. Senator") and not looks_like_person_name("D.C. Circuit")
    assert not looks_like_person_name("H.I.G. Capital")
