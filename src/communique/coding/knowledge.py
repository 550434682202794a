"""All the coder's knowledge, loaded once from the package's data files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..settings import DATA_DIR
from .actors import Gazetteer
from .frames import Frames
from .lexicon import SectorLexicon, StatusCues, TriggerRules
from .offices import OfficeHolders
from .roles import RoleKnowledge


@dataclass
class Knowledge:
    gazetteer: Gazetteer
    offices: OfficeHolders
    triggers: TriggerRules
    frames: Frames
    status: StatusCues
    sectors: SectorLexicon
    state_bodies: re.Pattern[str]
    roles: RoleKnowledge

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> Knowledge:
        return cls(
            gazetteer=Gazetteer(
                [data_dir / "countries.jsonl", data_dir / "igos.jsonl"],
                not_actors=data_dir / "not_actors.txt",
            ),
            offices=OfficeHolders(data_dir / "office_holders"),
            triggers=TriggerRules(data_dir / "triggers.toml"),
            frames=Frames(data_dir / "frames.toml"),
            status=StatusCues(data_dir / "status.toml"),
            sectors=SectorLexicon(data_dir / "sectors.toml"),
            state_bodies=_patterns(data_dir / "state_bodies.txt"),
            roles=RoleKnowledge.load(data_dir / "roles.toml"),
        )


def _patterns(path: Path) -> re.Pattern[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    patterns = [line for line in lines if line.strip() and not line.startswith("#")]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
