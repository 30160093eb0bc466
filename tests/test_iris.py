"""IRIs: one per key, never shared, independent of the order keys were requested in."""

from itertools import permutations

from kgraph.names import slug
from kgraph.resolve.iris import IriMinter

BASE = "https://example.org/kg/"


def _mint(names: list[str]) -> dict[str, str]:
    minter = IriMinter(BASE)
    for name in names:
        minter.request("org", name, slug(name))
    return {name: minter.iri("org", name) for name in names}


def test_names_that_slug_alike_and_a_numbered_name_get_distinct_iris():
    # `Foo_Bar` and `FooBar` both slug to `foobar`; a `-2` suffix would be `FooBar 2`'s own IRI.
    iris = _mint(["FooBar 2", "Foo_Bar", "FooBar"])
    assert len(set(iris.values())) == 3
    assert iris["FooBar 2"] == f"{BASE}org/foobar-2"


def test_the_first_key_in_sorted_order_keeps_the_readable_path():
    iris = _mint(["Foo_Bar", "FooBar"])
    assert iris["FooBar"] == f"{BASE}org/foobar"  # 'FooBar' < 'Foo_Bar'
    assert iris["Foo_Bar"].startswith(f"{BASE}org/foobar-") and iris["Foo_Bar"] != iris["FooBar"]


def test_iris_do_not_depend_on_request_order():
    names = ["FooBar 2", "Foo_Bar", "FooBar", "Foo-Bar", "foo bar"]
    first = _mint(names)
    assert all(_mint(list(order)) == first for order in permutations(names))
    assert len(set(first.values())) == len(names)


def test_an_empty_path_gets_a_hash_of_the_key():
    minter = IriMinter(BASE)
    minter.request("person", "张", "")
    minter.request("person", "李", "")
    assert minter.iri("person", "张") != minter.iri("person", "李")
