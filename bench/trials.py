"""Reliability trials on the build store, as a hostile user or an unlucky machine would run them:
random byte flips in cache entries, `kill -9` at a random moment of a build, and two builds into
one folder at once. Each trial ends with a rebuild whose outputs must be byte-identical to a fresh
build's; the script counts what happened and exits 1 if any trial broke that.

    PYTHONPATH=. python bench/trials.py [--documents 60] [--flips 72] [--kills 48] [--concurrent 10]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_corpus  # noqa: E402

from kgraph.build.packs import INDEX, PACK, PACKS, read_index, write_index  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
OUTPUTS = ("graph.ttl", "graph.html", "report.json")
CACHE = ".kgraph-cache"


def _build(corpus: Path, out: Path) -> subprocess.Popen[str]:
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "kgraph", "build", str(corpus), "-o", str(out), "-q"]
    return subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _run(corpus: Path, out: Path) -> tuple[int, str]:
    process = _build(corpus, out)
    output, _ = process.communicate()
    return process.returncode, output


def _digest(out: Path) -> dict[str, str | None]:
    return {
        name: hashlib.sha256((out / name).read_bytes()).hexdigest() if (out / name).exists() else None
        for name in OUTPUTS
    }


def _entries(out: Path) -> list[Path]:
    """The cache's pack and index files (not the marker or the lock, which say whose the folder is)."""
    return sorted(path for path in (out / CACHE / PACKS).iterdir() if path.suffix in (PACK, INDEX))


def _drop(out: Path, namespaces: tuple[str, ...]) -> None:
    """The namespaces' entries gone from every index (their records left in the packs)."""
    for index in (out / CACHE / PACKS).glob(f"*{INDEX}"):
        entries = read_index(index.read_bytes())
        assert entries is not None, index
        write_index(str(index), {name: keys for name, keys in entries.items() if name not in namespaces})


def flips(corpus: Path, base: Path, reference: dict, work: Path, trials: int, rng: random.Random) -> Counter:
    """One flipped byte in one pack or index file, then a rebuild. A rebuild with nothing changed reads
    only the run's own entries, so odd trials also drop those: the rebuild then reads every entry."""
    tally: Counter = Counter()
    for trial in range(trials):
        out = work / f"flip-{trial}"
        shutil.copytree(base, out)
        if trial % 2:
            _drop(out, ("runs", "pages"))
        entry = rng.choice(_entries(out))
        data = bytearray(entry.read_bytes())
        if data:
            data[rng.randrange(len(data))] ^= rng.randrange(1, 256)
            entry.write_bytes(bytes(data))
        code, output = _run(corpus, out)
        tally["trials"] += 1
        tally[f"exit {code}"] += 1
        tally["outputs identical"] += _digest(out) == reference
        tally["damage reported"] += "damaged" in output
        tally["traceback"] += "Traceback" in output
        shutil.rmtree(out)
    return tally


def kills(corpus: Path, base: Path, reference: dict, work: Path, trials: int, rng: random.Random) -> Counter:
    """`kill -9` at a random moment of a cold build (even trials) or of a rebuild over a complete
    earlier build of other documents (odd trials), then a rebuild."""
    started = time.perf_counter()
    _run(corpus, work / "timing")
    cold = time.perf_counter() - started
    shutil.rmtree(work / "timing")
    tally: Counter = Counter()
    for trial in range(trials):
        out = work / f"kill-{trial}"
        before = dict.fromkeys(OUTPUTS)
        if trial % 2:
            shutil.copytree(base, out)
            victim = sorted(corpus.rglob("*.md"))[trial % 7]
            original = victim.read_text(encoding="utf-8")
            victim.write_text(original + "\n", encoding="utf-8")  # this build has work to do
            before = _digest(out)
        process = _build(corpus, out)
        time.sleep(rng.uniform(0.05, cold))
        process.send_signal(signal.SIGKILL)
        process.communicate()
        after_kill = _digest(out) if out.exists() else dict.fromkeys(OUTPUTS)
        if trial % 2:
            victim.write_text(original, encoding="utf-8")
        present = [value is not None for value in after_kill.values()]
        tally["trials"] += 1
        tally["killed before finishing"] += process.returncode == -signal.SIGKILL
        tally["outputs all or none after kill"] += all(present) or not any(present)
        tally["outputs unchanged or complete after kill"] += after_kill == before or all(present)
        code, output = _run(corpus, out)
        tally[f"rebuild exit {code}"] += 1
        tally["rebuild identical to fresh"] += _digest(out) == reference
        tally["traceback"] += "Traceback" in output
        shutil.rmtree(out)
    return tally


def concurrent(corpus: Path, reference: dict, work: Path, trials: int) -> Counter:
    """Two builds started together into one (empty, then already built) folder."""
    tally: Counter = Counter()
    for trial in range(trials):
        out = work / f"together-{trial // 2}"
        first, second = _build(corpus, out), _build(corpus, out)
        outputs = [first.communicate()[0], second.communicate()[0]]
        tally["trials"] += 1
        tally["both exit 0"] += first.returncode == 0 and second.returncode == 0
        tally["false damage report"] += any("damaged" in text for text in outputs)
        tally["outputs identical to fresh"] += _digest(out) == reference
        tally["traceback"] += any("Traceback" in text for text in outputs)
        if trial % 2:
            shutil.rmtree(out)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=60)
    parser.add_argument("--flips", type=int, default=72)
    parser.add_argument("--kills", type=int, default=48)
    parser.add_argument("--concurrent", type=int, default=10)
    parser.add_argument("--seed", type=int, default=13)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    broken = 0
    with tempfile.TemporaryDirectory(prefix="kgraph-trials-") as temporary:
        work = Path(temporary)
        corpus = work / "corpus"
        write_corpus(corpus / "synthetic", options.documents, seed=options.seed)
        shutil.copytree(REPO / "seeds", corpus / "seeds")
        code, output = _run(corpus, work / "base")
        assert code == 0, output
        reference = _digest(work / "base")
        results = {
            "cache byte flips": flips(corpus, work / "base", reference, work, options.flips, rng),
            "kill -9": kills(corpus, work / "base", reference, work, options.kills, rng),
            "concurrent builds": concurrent(corpus, reference, work, options.concurrent),
        }
    for name, tally in results.items():
        print(f"{name}: " + ", ".join(f"{key} {value}" for key, value in sorted(tally.items())))
        broken += tally["traceback"]
    broken += results["cache byte flips"]["trials"] - results["cache byte flips"]["outputs identical"]
    broken += results["kill -9"]["trials"] - results["kill -9"]["rebuild identical to fresh"]
    broken += results["concurrent builds"]["trials"] - results["concurrent builds"]["outputs identical to fresh"]
    broken += results["concurrent builds"]["false damage report"]
    print("all trials held" if not broken else f"{broken} trial results broke an expectation")
    sys.exit(1 if broken else 0)


if __name__ == "__main__":
    main()
