"""One language's coding knowledge, loaded once from data/<lang>/*.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import CommuniqueError
from ...settings import DATA_DIR
from .actors import ActorFinder
from .dates import DateFinder
from .frames import Frames
from .people import PeopleFinder
from .roles import RoleMarkers
from .sectors import SectorWords
from .status import StatusCues


@dataclass
class NativeKnowledge:
    language: str
    actors: ActorFinder
    people: PeopleFinder
    roles: RoleMarkers
    frames: Frames
    status: StatusCues
    dates: DateFinder
    sectors: SectorWords

    @classmethod
    def load(cls, language: str, data_dir: Path = DATA_DIR) -> NativeKnowledge:
        folder = data_dir / language
        actors = _toml(folder / "actors.toml")
        roles = RoleMarkers(_toml(folder / "roles.toml"))
        return cls(
            language=language,
            actors=ActorFinder(language, actors),
            people=PeopleFinder(actors, roles.particles, data_dir / "office_holders"),
            roles=roles,
            frames=Frames(_toml(folder / "frames.toml")),
            status=StatusCues(_toml(folder / "status.toml")),
            dates=DateFinder(_toml(folder / "dates.toml")),
            sectors=SectorWords(_toml(folder / "sectors.toml")),
        )


def _toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as exc:
        raise CommuniqueError(f"no coding knowledge file {path}: write it (see data/ko/)") from exc
    except tomllib.TOMLDecodeError as exc:
        raise CommuniqueError(f"{path} is not valid TOML: {exc}") from exc
