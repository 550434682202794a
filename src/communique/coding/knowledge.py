"""All the coder's knowledge, loaded once from the package's data files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import CommuniqueError
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
    def load(cls, data_dir: Path = DATA_DIR, language: str = "en") -> Knowledge:
        """The knowledge for news in `language`: the words (frames, trigger phrases, status
        cues, sectors, state bodies, roles' prepositions) are in `data/<language>/`; countries,
        organisations and office holders are shared by every language."""
        words = data_dir / language
        if not words.is_dir():
            raise CommuniqueError(
                f"no coding knowledge for language {language!r}: add its files to {words}"
            )
        return cls(
            gazetteer=Gazetteer(
                [data_dir / "countries.jsonl", data_dir / "igos.jsonl"],
                not_actors=words / "not_actors.txt",
            ),
            offices=OfficeHolders(data_dir / "office_holders"),
            triggers=TriggerRules(words / "triggers.toml"),
            frames=Frames(words / "frames.toml"),
            status=StatusCues(words / "status.toml"),
            sectors=SectorLexicon(words / "sectors.toml"),
            state_bodies=_patterns(words / "state_bodies.txt"),
            roles=RoleKnowledge.load(words / "roles.toml"),
        )


def _patterns(path: Path) -> re.Pattern[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    patterns = [line for line in lines if line.strip() and not line.startswith("#")]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
