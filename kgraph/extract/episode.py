"""Episode and podcast metadata from the header fields."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath

from kgraph.extract.results import EpisodeInfo
from kgraph.names import clean
from kgraph.parse.document import Field, ParsedDocument
from kgraph.parse.inline import link_target, urls

_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$|^[0-9a-f]{24}$")
_YOUTUBE_ID = re.compile(r"(?:youtube\.com/watch\?v=|youtu\.be/)([A-Za-z0-9_-]{11})")
_ARXIV = re.compile(r"\d{4}\.\d{4,5}(?:v\d+)?")
_SUMMARY_PREFIX = re.compile(r"^(?:podcast |episode |newsletter |paper )?summary\s*[:—–-]\s*", re.I)
_UNKNOWN = {"unknown", "n/a", "none", ""}


def _field(document: ParsedDocument, key: str) -> str | None:
    field = _known(document, key)
    return field.value if field else None


def _plain_field(document: ParsedDocument, key: str) -> str:
    field = _known(document, key)
    return field.plain if field else ""


def _known(document: ParsedDocument, key: str) -> Field | None:
    field = document.header.field(key)
    return None if field is None or field.plain.lower() in _UNKNOWN else field


def _date(document: ParsedDocument) -> dt.date | None:
    value = _field(document, "date")
    match = re.search(r"\d{4}-\d{2}-\d{2}", value or "")
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(0))
    except ValueError:
        return None


def _title(document: ParsedDocument) -> str:
    """Header title; else the episode folder (named after the title); else the body's display
    title; else the file name."""
    if document.header.title:
        return clean(document.header.title)
    path = PurePosixPath(document.source)
    if path.stem.lower() == "summary" and len(path.parts) > 1:
        return clean(path.parent.name)
    for line in document.preamble:
        if line.kind.value == "heading" and line.level == 1:
            title = _SUMMARY_PREFIX.sub("", line.plain)
            if title:
                return clean(title)
    return clean(path.stem)


def _urls(document: ParsedDocument) -> list[str]:
    found: list[str] = []
    for key in ("video url", "episode url", "youtube", "url", "pdf"):
        value = _field(document, key)
        if value:
            found.extend(urls(link_target(value) or value))
    if document.header.title_url:
        found.append(document.header.title_url)
    unique: list[str] = []
    for url in found:
        if url not in unique:
            unique.append(url)
    return unique


# A channel's, a show's or a site's page is shared by all its episodes: never an episode's identity.
_SHOW_PAGE = re.compile(
    r"^[^/?#]+/?$"  # a home page
    r"|^(?:m\.)?youtube\.com/(?:@|channel/|c/|user/|playlist|results)"
    r"|^open\.spotify\.com/(?:show|artist|playlist)/"
    r"|^podcasts\.apple\.com/(?:[^?#]*)$"  # a show page; an episode has `?i=`
    r"|^(?:www\.)?xiaoyuzhoufm\.com/podcast/"
    r"|^[^/]+/(?:podcasts?|shows?|episodes|videos|feed|rss|about|home|archive|subscribe|newsletters?|p|blog|"
    r"channel|series|author|authors|category|tag)/?$"
    r"|(?:/feed|/rss|\.rss|\.xml)/?$",
    re.I,
)


def episode_url_key(url: str) -> str | None:
    """The identity key of an episode's own URL, or None for a channel, show or home page."""
    bare = re.sub(r"^https?://(?:www\.)?", "", url.strip(), flags=re.I).rstrip("/")
    if not bare or _SHOW_PAGE.search(bare):
        return None
    return "url:" + bare


def _identity(urls_found: list[str], video_id: str | None, arxiv: str | None) -> list[str]:
    """Keys that only copies of one episode share: its video id, arXiv id and own URLs. Titles
    are not among them (`The Year in Review` recurs); see `kgraph.resolve.episodes`."""
    keys = []
    for url in urls_found:
        match = _YOUTUBE_ID.search(url)
        key = f"video:{match.group(1)}" if match else episode_url_key(url)
        if key:
            keys.append(key)
    if video_id:
        keys.append(f"video:{video_id}")
    if arxiv:
        keys.append(f"arxiv:{arxiv}")
    return sorted(set(keys))


def extract_episode(document: ParsedDocument) -> EpisodeInfo:
    title = _title(document)
    podcast = clean(_plain_field(document, "podcast")) or clean(PurePosixPath(document.source).parts[0])
    found_urls = _urls(document)
    video_id = _plain_field(document, "video id") or None
    if video_id and not _VIDEO_ID.match(video_id):
        video_id = None
    if video_id is None:
        youtube = next((m.group(1) for url in found_urls if (m := _YOUTUBE_ID.search(url))), None)
        video_id = youtube
    arxiv_value = _field(document, "arxiv")
    arxiv = arxiv_match.group(0) if arxiv_value and (arxiv_match := _ARXIV.search(arxiv_value)) else None
    source = _plain_field(document, "source").lower() or None
    kind = source or ("paper" if arxiv else "podcast")
    region = _plain_field(document, "region") or None
    return EpisodeInfo(
        title=title,
        podcast=podcast,
        date=_date(document),
        urls=tuple(found_urls),
        video_id=video_id,
        region=region,
        source_kind=kind,
        arxiv_id=arxiv,
        source_file=document.source,
        identity=tuple(_identity(found_urls, video_id, arxiv)),
    )
