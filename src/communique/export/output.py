"""Where an export lands: never on the database, never half-written, never over a file unasked.

Every file is written to a temporary file in the target's folder and renamed over the target
when complete, so an interrupted export leaves the old file (or none), and a target that is a
symbolic link is replaced, not written through. A partitioned export is a folder: it is built
beside the target and swapped in, and replaces only a folder that a previous export made.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from ..errors import CommuniqueError

# The file names of a partitioned export, by which a later export knows the folder as its own.
# (A marker file would do it too, but Polars refuses a folder holding anything but Parquet.)
PART_TEMPLATE = "communique-{i}.parquet"
_PART = re.compile(r"communique-\d+\.parquet")


class ExportTargetError(CommuniqueError):
    """The export's target cannot be written without losing something."""


def database_files(db_path: str) -> tuple[str, ...]:
    """The files of an open database an export must never replace (none for `:memory:`)."""
    if db_path == ":memory:":
        return ()
    return (db_path, db_path + ".wal")


def check_target(out: str, force: bool, protected: Sequence[str]) -> Path:
    """The file `out` names, if writing it loses nothing the user did not give up."""
    target = Path(out)
    if any(_same_file(target, Path(p)) for p in protected):
        raise ExportTargetError(f"{out}: that is the database (or its log); choose another --out")
    if not target.parent.is_dir():
        raise ExportTargetError(f"{out}: the folder {target.parent} does not exist")
    if target.is_dir() and not target.is_symlink():
        raise ExportTargetError(f"{out}: is a folder; give a file name")
    if (target.exists() or target.is_symlink()) and not force:
        raise ExportTargetError(f"{out}: exists; add --force to replace it")
    return target


def _same_file(a: Path, b: Path) -> bool:
    """Whether `a` and `b` are one file, through links and relative paths alike."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return a.samefile(b)
    except OSError:  # one of them does not exist
        return False


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` to write; renamed over `target` once the block ends."""
    temporary = _beside(target)
    temporary.touch(exist_ok=False)  # with the umask's mode, where mkstemp would give 0600
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        with suppress(FileNotFoundError):
            temporary.unlink()


def _beside(target: Path) -> Path:
    """A new hidden name in the folder of `target`, so a rename onto it never crosses disks."""
    return target.parent / f".{target.name}.{secrets.token_hex(6)}.part"


def check_folder(out: str, protected: Sequence[str]) -> Path:
    """The folder `out` names, if it is new, empty or a previous export of ours (which the
    new export replaces whole); a folder holding anything else is never touched."""
    folder = Path(out)
    if any(_same_file(folder, Path(p)) for p in protected):
        raise ExportTargetError(f"{out}: that is the database (or its log); choose another --out")
    if not folder.parent.is_dir():
        raise ExportTargetError(f"{out}: the folder {folder.parent} does not exist")
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise ExportTargetError(f"{out}: is not a folder; a partitioned export is a folder")
    if folder.is_dir() and not _is_our_export(folder):
        raise ExportTargetError(
            f"{out}: holds files that are not a communique export; give a new or empty folder"
        )
    return folder


def _is_our_export(folder: Path) -> bool:
    """Whether `folder` holds nothing but `field=value` folders of our Parquet parts."""
    for partition in folder.iterdir():
        if partition.is_symlink() or not partition.is_dir() or "=" not in partition.name:
            return False
        if not all(_PART.fullmatch(part.name) and part.is_file() for part in partition.iterdir()):
            return False
    return True


@contextmanager
def replacing_folder(folder: Path) -> Iterator[Path]:
    """A new folder beside `folder` to fill; swapped in for `folder` once the block ends."""
    building = _beside(folder)
    building.mkdir()
    old = building.with_name(building.name + ".old")
    try:
        yield building
        if folder.exists():
            folder.rename(old)
        building.rename(folder)
    finally:
        shutil.rmtree(building, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
