"""The code version behind every cache key: library versions read from their metadata folders
agree with `importlib.metadata`, on this environment and on invented ones."""

from __future__ import annotations

import sys
from importlib import metadata

import pytest

from kgraph.build import version
from kgraph.build.version import _LIBRARIES, _metadata_versions, installed_versions


def test_every_installed_distribution_reads_as_importlib_metadata_reads_it():
    names = tuple(sorted({dist.metadata["Name"] for dist in metadata.distributions()}))
    assert len(names) > 10
    assert installed_versions(names) == _metadata_versions(names)


def test_the_libraries_in_the_key_are_read_without_importlib_metadata(monkeypatch):
    monkeypatch.setattr(version, "_metadata_versions", lambda libraries: pytest.fail("fell back"))
    assert installed_versions(_LIBRARIES) == {library: metadata.version(library) for library in _LIBRARIES}


def _site(tmp_path, folders: dict[str, str | dict[str, str]]):
    """A folder of metadata folders: name -> METADATA text (dist-info) or PKG-INFO text
    (egg-info), or -> {file name: text}."""
    for name, content in folders.items():
        files = content if isinstance(content, dict) else {_metadata_file(name): content}
        (tmp_path / name).mkdir()
        for file, text in files.items():
            (tmp_path / name / file).write_text(text)
    return tmp_path


def _metadata_file(folder: str) -> str:
    return "METADATA" if folder.endswith(".dist-info") else "PKG-INFO"


@pytest.mark.parametrize(
    "folders",
    [
        {"Invented_Lib-1.0.dist-info": "Metadata-Version: 2.1\nName: invented-lib\nVersion: 1.0\n\nVersion: 9\n"},
        {"invented.lib-2.0rc1.dist-info": "Name: invented.lib\nversion:  2.0rc1  \nSummary: x\n"},
        {"invented_lib-2.1.dist-info": "Name: invented.lib\r\nVersion: 2.1\r\nSummary: folded\r\n  on two lines\r\n"},
        {"invented_lib-3.egg-info": "Metadata-Version: 1.0\nName: invented_lib\nVersion: 3\n"},
        {"invented_lib-3.1.egg-info": {"METADATA": "Version: 3.1\n", "PKG-INFO": "Version: 3.2\n"}},
        {"invented_lib-3.3.dist-info": {"PKG-INFO": "Name: invented_lib\nVersion: 3.3\n"}},
        {"invented_lib-6.dist-info": "Name: a\nVersion: 6\n", "INVENTED-LIB-7.dist-info": "Name: b\nVersion: 7\n"},
        {"other-1.dist-info": "Name: other\nVersion: 1\n"},
    ],
)
def test_invented_metadata_folders_read_as_importlib_metadata_reads_them(tmp_path, monkeypatch, folders):
    monkeypatch.setattr(sys, "path", [str(_site(tmp_path, folders)), *sys.path])
    libraries = ("invented-lib", "pydantic")
    expected = {library: _metadata_versions((library,))[library] for library in libraries}
    assert installed_versions(libraries) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Name: invented_lib\nSummary: no version field\n",
        "Name: invented_lib\n\nVersion: 5 (the body)\n",
        "Name: invented_lib\nVersion: 5\n  folded onto a second line\n",
        "Name: invented_lib\nnot a field\nVersion: 5\n",
        "Name: invented_lib\nVersion : 5\n",
        "",
    ],
)
def test_a_header_this_reading_does_not_follow_is_left_to_importlib_metadata(tmp_path, monkeypatch, text):
    monkeypatch.setattr(sys, "path", [str(_site(tmp_path, {"invented_lib-4.dist-info": text})), *sys.path])
    monkeypatch.setattr(version, "_metadata_versions", lambda libraries: {"asked": "importlib.metadata"})
    assert installed_versions(("invented-lib",)) == {"asked": "importlib.metadata"}


def test_the_code_version_is_the_one_importlib_metadata_gives(monkeypatch):
    fast = version.code_version()
    version.code_version.cache_clear()
    monkeypatch.setattr(version, "installed_versions", _metadata_versions)
    try:
        assert version.code_version() == fast
    finally:
        version.code_version.cache_clear()
