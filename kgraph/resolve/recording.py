"""A link that plays an episode's recording at a given second, where the host's time parameter is
known (YouTube's `&t=Ns`); None otherwise."""

from __future__ import annotations

import re
from collections.abc import Iterable

_VIDEO_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_YOUTUBE = re.compile(
    r"^https?://(?:(?:www\.|m\.)?youtube\.com/(?:watch\?(?:[^#\s]*&)?v=|live/|shorts/|embed/)|youtu\.be/)"
    r"(?P<id>[A-Za-z0-9_-]{11})(?![A-Za-z0-9_-])"
)


def youtube_id(urls: Iterable[str], video_id: str | None) -> str | None:
    """The episode's YouTube video: from a YouTube URL, else a `**Video ID:**` of YouTube's shape
    when no URL points elsewhere."""
    urls = list(urls)
    for url in urls:
        if match := _YOUTUBE.match(url):
            return match["id"]
    if video_id and _VIDEO_ID.fullmatch(video_id) and not urls:
        return video_id
    return None


def at_second(video: str | None, seconds: int | None) -> str | None:
    """The YouTube `video` (`youtube_id`) played from `seconds`: one video per episode, found once."""
    if video is None or seconds is None:
        return None
    return f"https://www.youtube.com/watch?v={video}&t={seconds}s"
