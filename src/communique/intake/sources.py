"""Turn what the user typed (files, folders, globs, URLs) into a stream of inputs."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import InputError

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
JSONL_SUFFIXES = {".jsonl"}
CSV_SUFFIXES = {".csv", ".tsv"}
WARC_SUFFIXES = {".warc", ".warc.gz"}
READABLE_SUFFIXES = (
    TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | WARC_SUFFIXES
)

_CONTAINER_SUFFIXES = READABLE_SUFFIXES - TEXT_SUFFIXES - HTML_SUFFIXES


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def suffix_of(name: str) -> str:
    """The lower-case type suffix of a path or URL, counting `.warc.gz` as one suffix."""
    path = urlsplit(name).path if is_url(name) else name
    lower = path.lower()
    if lower.endswith(".warc.gz"):
        return ".warc.gz"
    # pathlib's rule without a path object a call (three a file of a large folder).
    name = lower.rsplit("/", 1)[-1]
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def expand_inputs(inputs: Iterable[str]) -> Iterator[str | InputError]:
    """Yield every file or URL named by `inputs`, in a stable order.

    Folders are walked recursively for readable files; globs are expanded. An input that
    names nothing, or that cannot be listed, is yielded as an InputError so the caller can
    report it and go on.
    """
    for value in inputs:
        try:
            yield from _expand(value)
        except (OSError, ValueError) as error:  # a name the system refuses, say
            yield InputError(value, f"cannot read ({error})")


def _expand(value: str) -> Iterator[str | InputError]:
    if is_url(value):
        yield value
        return
    path = Path(value)
    if path.is_dir():
        yield from _walk(path)
    elif path.is_file():
        yield value
    elif glob.has_magic(value):
        matches = sorted(glob.glob(value, recursive=True))
        if not matches:
            yield InputError(value, "the pattern matches no file")
        for match in matches:
            yield from _walk(Path(match)) if Path(match).is_dir() else [match]
    else:
        yield InputError(value, "no such file, folder or URL")


def _walk(folder: Path) -> Iterator[str | InputError]:
    """The readable files under `folder`, in path order, however deep it goes.

    A link to a file inside the folder is read; one that leads out of it is not (a corpus
    prepared by someone else could link to /etc/passwd or a private key) and is named as an
    error. Links to folders are not walked, so a loop of links ends.
    """
    root = folder.resolve()
    files: list[Path] = []
    folders = [folder]
    while folders:  # a stack, not recursion: a folder may nest deeper than Python recurses
        current = folders.pop()
        try:
            entries = list(os.scandir(current))
        except OSError as error:
            yield InputError(str(current), f"cannot read the folder ({error.strerror or error})")
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                folders.append(Path(entry.path))
            elif suffix_of(entry.name) in READABLE_SUFFIXES and entry.is_file():
                files.append(Path(entry.path))
    for path in sorted(files):
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            yield InputError(str(path), "a link to a file outside the folder; not followed")
        else:
            yield str(path)


def count_inputs(inputs: Iterable[str]) -> int | None:
    """How many inputs `expand_inputs` will give, when each is one article (files and folders
    of them); None when a URL, feed, JSON Lines, CSV or WARC file holds an unknown number."""
    count = 0
    for item in expand_inputs(inputs):
        if isinstance(item, str) and (is_url(item) or suffix_of(item) in _CONTAINER_SUFFIXES):
            return None
        count += 1
    return count
