"""The store's entries, in packs found through indexes: read back whole, checked against their
checksum unless this store appended them and nothing has changed the pack since; damage anywhere
(a record, an index, a pack cut short or gone) is a miss made again, never an error."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kgraph
from kgraph.build import store as store_module
from kgraph.build.store import FOLDER, Store

from . import stored
from .conftest import synthetic_corpus

KEY, OTHER, THIRD = "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210", "1" * 32
CONTENT = b"an invented entry " * 100


@pytest.fixture()
def checksums(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys whose checksum was worked out."""
    keys: list[str] = []
    real = store_module._checksum

    def counting(namespace: str, key: str, content: bytes) -> bytes:
        keys.append(key)
        return real(namespace, key, content)

    monkeypatch.setattr(store_module, "_checksum", counting)
    return keys


def _two_entries(cache: Path) -> Store:
    store = Store(cache)
    with store.lock():
        store.put("nodes", KEY, CONTENT)
        store.put("nodes", OTHER, CONTENT)
    return store


def test_an_entry_this_store_wrote_is_read_back_without_hashing_it_again(tmp_path: Path, checksums: list[str]) -> None:
    store = Store(tmp_path / "cache")
    store.put("nodes", KEY, CONTENT)
    assert checksums == [KEY]
    assert store.get("nodes", KEY) == CONTENT
    assert checksums == [KEY]
    # another store (the next build) checks it
    assert Store(tmp_path / "cache").get("nodes", KEY) == CONTENT
    assert checksums == [KEY, KEY]


def _flip_in_place(cache: Path) -> None:
    with stored.packs(cache)[0].open("r+b") as stream:  # the last byte: KEY's, not yet in an index
        stream.seek(-1, os.SEEK_END)
        last = stream.read(1)
        stream.seek(-1, os.SEEK_END)
        stream.write(bytes([last[0] ^ 0xFF]))


def _flip_keeping_the_times(cache: Path) -> None:
    pack = stored.packs(cache)[0]
    status = pack.stat()
    _flip_in_place(cache)
    os.utime(pack, ns=(status.st_atime_ns, status.st_mtime_ns))  # the change time still moves


def _truncate(cache: Path) -> None:
    pack = stored.packs(cache)[0]
    os.truncate(pack, pack.stat().st_size - 1)


@pytest.mark.parametrize("change", [_flip_in_place, _flip_keeping_the_times, _truncate])
def test_an_entry_changed_after_this_store_wrote_it_is_damaged(tmp_path: Path, change) -> None:
    cache = tmp_path / "cache"
    store = Store(cache)
    with store.lock():
        store.put("nodes", OTHER, CONTENT)
        store.put("nodes", KEY, CONTENT)  # the last record: a cut pack loses it
        change(cache)
        assert store.get("nodes", KEY) is None
        assert store.damaged == 1 and not store.has("nodes", KEY)  # dropped, so that it is made again
        assert store.get("nodes", OTHER) == CONTENT
    assert stored.keys(cache, "nodes") == [OTHER]  # the index written without it


def test_bytes_appended_to_a_pack_are_checked_but_damage_nothing(tmp_path: Path, checksums: list[str]) -> None:
    store = _two_entries(tmp_path / "cache")
    with stored.packs(tmp_path / "cache")[0].open("ab") as stream:
        stream.write(b"!")
    assert store.get("nodes", KEY) == CONTENT and store.damaged == 0
    assert checksums == [KEY, OTHER, KEY]


# where to flip a byte of a record: its header (magic, lengths, checksum), its namespace and key, its content
RECORD_BYTES = [0, 3, 4, 6, 8, 15, 16, 47, 48, 52, 53, 84, 85, -1]


@pytest.mark.parametrize("at", RECORD_BYTES)
def test_a_flipped_byte_anywhere_in_a_record_is_one_damaged_entry(tmp_path: Path, at: int, caplog) -> None:
    cache = tmp_path / "cache"
    _two_entries(cache)
    stored.flip(cache, "nodes", KEY, at)
    again = Store(cache)  # the next build: nothing it wrote itself
    with again.lock():
        assert again.get("nodes", KEY) is None
        assert again.get("nodes", OTHER) == CONTENT
    assert again.damaged == 1 and caplog.text.count("damaged") == 1
    assert f"nodes/{KEY}" in caplog.text and str(stored.packs(cache)[0]) in caplog.text
    assert Store(cache).get("nodes", KEY) is None and stored.keys(cache, "nodes") == [OTHER]


@pytest.mark.parametrize("at", [0, 14, 15, 40, -33, -1])
def test_a_flipped_byte_in_an_index_loses_only_its_packs_entries(tmp_path: Path, at: int, caplog) -> None:
    cache = tmp_path / "cache"
    Store(cache).put("nodes", KEY, CONTENT)  # one pack each
    Store(cache).put("nodes", OTHER, CONTENT)
    index = stored.locate(cache, "nodes", KEY)[0]
    data = bytearray(index.read_bytes())
    data[at] ^= 0x01
    index.write_bytes(bytes(data))
    again = Store(cache)
    with again.lock():
        assert again.get("nodes", KEY) is None
        assert again.get("nodes", OTHER) == CONTENT
    assert again.damaged == 1 and caplog.text.count("damaged") == 1 and str(index) in caplog.text
    assert not index.exists() and not index.with_suffix(".pack").exists()  # deleted, made again
    assert len(stored.packs(cache)) == 1


def test_a_pack_without_index_is_never_read_and_goes_with_the_next_lock(tmp_path: Path) -> None:
    """What a build killed before its lock was released leaves."""
    cache = tmp_path / "cache"
    Store(cache).put("nodes", THIRD, CONTENT)
    _two_entries(cache)
    orphan = stored.locate(cache, "nodes", KEY)[1]
    orphan.with_suffix(".index").unlink()
    assert Store(cache).get("nodes", KEY) is None and orphan.exists()  # read without the lock: left
    again = Store(cache)
    with again.lock():
        assert not orphan.exists()
        assert again.get("nodes", THIRD) == CONTENT and again.get("nodes", OTHER) is None
        assert again.damaged == 0


def test_a_pack_deleted_under_a_reader_is_a_miss_without_a_warning(tmp_path: Path, caplog) -> None:
    cache = tmp_path / "cache"
    _two_entries(cache)
    reader = Store(cache)
    assert reader.has("nodes", KEY)  # its indexes are read
    stored.packs(cache)[0].unlink()  # another build compacted it away
    assert reader.get("nodes", KEY) is None and reader.get("nodes", OTHER) is None
    assert reader.damaged == 0 and "damaged" not in caplog.text


def test_a_pack_deleted_after_it_was_opened_is_still_read(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _two_entries(cache)
    reader = Store(cache)
    assert reader.get("nodes", KEY) == CONTENT
    stored.packs(cache)[0].unlink()
    assert reader.get("nodes", OTHER) == CONTENT  # the same file, intact, through its open descriptor


def test_an_entry_copied_into_another_namespace_is_damaged_not_read(tmp_path: Path) -> None:
    """Each namespace keys an episode alike: `page`'s bytes under `page_nodes` passed a checksum
    over the key alone, and its reader raised on bytes of another shape (the build failed, exit 3)."""
    cache = tmp_path / "cache"
    store = Store(cache)
    with store.lock():
        store.put("page", KEY, CONTENT)
        store.put("page_nodes", KEY, b"the right bytes")
    stored.point(cache, "page_nodes", KEY, at=("page", KEY))
    again = Store(cache)  # another build: nothing it wrote itself
    assert again.get("page_nodes", KEY) is None
    assert again.damaged == 1
    assert again.get("page", KEY) == CONTENT


def test_an_entry_under_another_key_is_damaged_not_read(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _two_entries(cache)
    stored.point(cache, "nodes", KEY, at=("nodes", OTHER))
    again = Store(cache)
    assert again.get("nodes", KEY) is None and again.damaged == 1


def test_entries_in_the_previous_layout_are_never_read_and_go_with_the_first_prune(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    Store(cache).put("nodes", OTHER, CONTENT)  # makes the folder
    digest = hashlib.sha256(f"nodes/{KEY}".encode("ascii"))  # format 4: one file per entry
    digest.update(b"\x00")
    digest.update(CONTENT)
    old = cache / "nodes" / KEY
    old.parent.mkdir()
    old.write_bytes(b"kgraph-entry-4\n" + digest.digest() + CONTENT)
    foreign = cache / "nodes" / "README.md"
    foreign.write_text("not the store's", encoding="utf-8")
    store = Store(cache)
    assert store.get("nodes", KEY) is None and not store.has("nodes", KEY) and store.damaged == 0
    assert store.prune(["nodes"]) == 2  # the old entry and OTHER (read by nobody in this build)
    assert not old.exists() and foreign.exists()


def test_the_checksum_covers_the_namespace_the_key_and_every_byte() -> None:
    checksum = store_module._checksum
    assert len(checksum("nodes", KEY, CONTENT)) == store_module._CHECKSUM
    assert checksum("nodes", KEY, CONTENT) != checksum("nodes", OTHER, CONTENT)
    assert checksum("nodes", KEY, CONTENT) != checksum("page", KEY, CONTENT)
    assert checksum("nodes", KEY, CONTENT) != checksum("nodes", KEY, CONTENT[:-1] + b"!")
    assert checksum("nodes", KEY, CONTENT) != checksum("nodes", KEY[:-1], b"f" + CONTENT)  # the separator
    assert checksum("ab", "c" + KEY, CONTENT) != checksum("abc", KEY, CONTENT)  # the slash


@pytest.mark.parametrize(
    "junk",
    [b"\x96\xe8\xa4\xfe\xf2:\x0c\x9f\xc5\xaf\xd7", b"\x8eYk\xfeq\xed\xafl?[", b"not a pickle", b""],
    ids=["impossible length", "past memory", "text", "empty"],
)
def test_an_entry_that_is_no_pickle_is_damaged_not_an_error(tmp_path: Path, junk: bytes) -> None:
    store = Store(tmp_path / "cache")
    store.put("nodes", KEY, junk)  # its checksum is right: only unpickling it fails
    assert store.get_object("nodes", KEY, dict) is None
    assert store.damaged == 1
    assert store.get("nodes", KEY) is None  # dropped, so that it is made again


def test_a_build_from_nothing_looks_up_no_digest_it_found_missing(tmp_path: Path, monkeypatch) -> None:
    looked_up: list[str] = []
    real = Store.get

    def get(self: Store, namespace: str, key: str) -> bytes | None:
        looked_up.append(namespace)
        return real(self, namespace, key)

    monkeypatch.setattr(Store, "get", get)
    corpus = synthetic_corpus(tmp_path / "corpus", 3, seed=5)
    kgraph.build([corpus], jobs=1, cache=tmp_path / "out" / FOLDER)
    assert "digests" not in looked_up


def _build_round(cache: Path, live: dict[str, bytes], namespace: str = "extractions") -> Store:
    """One build: reads what it keeps, writes what is new, prunes the rest."""
    store = Store(cache)
    with store.lock():
        for key, content in live.items():
            if store.get(namespace, key) != content:
                store.put(namespace, key, content)
        store.prune([namespace])
    return store


def test_prune_keeps_what_the_build_used_and_the_folder_stays_within_twice_the_live_data(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    live = {f"{number:032x}": os.urandom(64) * (1 + number % 50) for number in range(200)}
    for round_number in range(20):
        for number in range(round_number * 7, round_number * 7 + 40):  # a fifth of the entries change
            live.pop(f"{number:032x}", None)
            live[f"{number + 1000 * (round_number + 1):032x}"] = os.urandom(64) * (1 + number % 50)
        store = _build_round(cache, live)
        assert store.damaged == 0
        assert stored.keys(cache, "extractions") == sorted(live)
        live_bytes = sum(len(content) + 100 for content in live.values())
        assert sum(path.stat().st_size for path in stored.packs(cache)) <= 2 * live_bytes
        assert len(stored.packs(cache)) <= 8
    again = Store(cache)
    assert all(again.get("extractions", key) == content for key, content in live.items())
    assert again.damaged == 0


_NAMESPACES = st.sampled_from(["nodes", "page", "page_nodes"])
_KEYS = st.sampled_from([KEY, OTHER, "0" * 32, "1" * 32])
_OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("put"), _NAMESPACES, _KEYS, st.binary(max_size=300)),
        st.tuples(st.just("get"), _NAMESPACES, _KEYS),
        st.tuples(st.just("prune"), st.lists(_NAMESPACES, unique=True)),
        st.tuples(st.just("reopen"), st.booleans()),  # a new store (the next build), holding the lock or not
    ),
    max_size=40,
)


@settings(max_examples=60)
@given(operations=_OPERATIONS)
def test_the_store_behaves_as_a_dict_through_puts_gets_prunes_and_reopens(tmp_path_factory, operations) -> None:
    cache = tmp_path_factory.mktemp("property") / "cache"
    model: dict[tuple[str, str], bytes] = {}
    used: set[tuple[str, str]] = set()
    with contextlib.ExitStack() as stack:
        store = Store(cache)
        for operation in operations:
            if operation[0] == "put":
                _, namespace, key, content = operation
                store.put(namespace, key, content)
                model[(namespace, key)] = content
                used.add((namespace, key))
            elif operation[0] == "get":
                _, namespace, key = operation
                assert store.get(namespace, key) == model.get((namespace, key))
                used.add((namespace, key))
            elif operation[0] == "prune":
                store.prune(operation[1])
                model = {
                    entry: content for entry, content in model.items() if entry[0] not in operation[1] or entry in used
                }
            else:
                stack.close()
                store, used = Store(cache), set()
                if operation[1]:
                    stack.enter_context(store.lock())
        assert store.damaged == 0
    final = Store(cache)
    assert all(final.get(*entry) == content for entry, content in model.items())
    assert not any(final.has(namespace, key) for namespace, key in _all_entries() if (namespace, key) not in model)


def _all_entries() -> list[tuple[str, str]]:
    return [
        (namespace, key) for namespace in ("nodes", "page", "page_nodes") for key in (KEY, OTHER, "0" * 32, "1" * 32)
    ]


def test_a_warning_names_the_pack_and_the_entry(tmp_path: Path, caplog) -> None:
    caplog.set_level(logging.WARNING)
    cache = tmp_path / "cache"
    _two_entries(cache)
    stored.flip(cache, "nodes", OTHER)
    Store(cache).get("nodes", OTHER)
    assert "made again" in caplog.text and f"nodes/{OTHER}" in caplog.text and ".pack" in caplog.text


def _key(number: int) -> str:
    return f"{number:032x}"


def test_puts_outside_a_holding_share_a_few_small_packs_and_stay_durable(tmp_path: Path) -> None:
    """A notebook making shares one by one: each put takes the lock and writes its pack's index,
    so a put may neither start a pack of its own nor rewrite a big index."""
    cache = tmp_path / "cache"
    _two_entries(cache)  # a build's pack, kept out of the puts below once they reach it
    store = Store(cache)
    count = 2 * store_module.RESUMED_ENTRIES + 10
    for number in range(count):
        store.put("page_nodes", _key(number), CONTENT)
    assert len(stored.packs(cache)) == 1 + 3  # the build's, then one per RESUMED_ENTRIES puts
    again = Store(cache)
    assert all(again.get("page_nodes", _key(number)) == CONTENT for number in range(count))
    assert again.get("nodes", KEY) == CONTENT and again.damaged == 0


@pytest.mark.parametrize("touch", ["append to pack", "rewrite index", "delete pack"])
def test_a_pack_touched_between_holdings_is_not_appended_to_again(tmp_path: Path, touch: str) -> None:
    cache = tmp_path / "cache"
    store = Store(cache)
    store.put("nodes", KEY, CONTENT)
    index, pack, _offset, _size = stored.locate(cache, "nodes", KEY)
    if touch == "append to pack":
        with pack.open("ab") as stream:
            stream.write(b"another writer")
    elif touch == "rewrite index":
        stored.drop(cache, "nodes", THIRD)  # same entries, a new file
    else:
        index.unlink()
        pack.unlink()
    store.put("nodes", OTHER, CONTENT)
    assert stored.locate(cache, "nodes", OTHER)[1] != pack
    again = Store(cache)
    assert again.get("nodes", OTHER) == CONTENT
    assert again.get("nodes", KEY) == (None if touch == "delete pack" else CONTENT)
    assert again.damaged == 0


def test_a_store_reading_many_packs_keeps_a_bounded_number_open(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    count = store_module.OPEN_PACKS + 6
    for number in range(count):
        Store(cache).put("nodes", _key(number), CONTENT)  # a store each: a pack each
    assert len(stored.packs(cache)) == count
    reader = Store(cache)
    for _round in range(2):
        assert all(reader.get("nodes", _key(number)) == CONTENT for number in range(count))
    assert len(reader._descriptors) <= store_module.OPEN_PACKS and reader.damaged == 0
