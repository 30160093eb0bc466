"""Write `t2s.txt`, traditional to simplified Chinese characters (one to one), from OpenCC's
character table (Apache-2.0, through opencc-python-reimplemented): `python -m kgraph.data.t2s`
after upgrading it (a test checks the file is current). Summaries and transcripts mix both scripts;
quotes are found in transcripts after mapping both to simplified."""

from __future__ import annotations

from pathlib import Path

T2S = Path(__file__).with_name("t2s.txt")


def t2s_text() -> str:
    import opencc  # type: ignore[import-untyped]  # a development dependency: the shipped file is what runs

    table = Path(opencc.__file__).with_name("dictionary") / "TSCharacters.txt"
    pairs = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        first = simplified.split(" ")[0]
        if len(traditional) == 1 and len(first) == 1 and traditional != first:
            pairs[traditional] = first
    return "# traditional simplified (from OpenCC TSCharacters.txt, Apache-2.0)\n" + "".join(
        f"{t} {s}\n" for t, s in sorted(pairs.items())
    )


if __name__ == "__main__":
    T2S.write_text(t2s_text(), encoding="utf-8")
    print(f"wrote {T2S}")
