"""Countries, organisations and kinds as users type them: "South Korea", "kor", "IGO:UN",
"sign_agreement". Each resolves to its code, or fails with an error naming what was typed."""

from __future__ import annotations

import csv
import json
from functools import cache
from typing import Any

from .errors import CommuniqueError
from .schema import LEGACY_KINDS, kinds
from .settings import DATA_DIR


@cache
def _actor_names() -> dict[str, str]:
    """Every code, name and alias of a country or organisation, folded, to its code."""
    found: dict[str, str] = {}
    for name in ("countries.jsonl", "igos.jsonl"):
        with (DATA_DIR / name).open(encoding="utf-8") as handle:
            for entry in map(json.loads, handle):
                for alias in (entry["code"], entry["name"], *entry["names"]):
                    found.setdefault(alias.casefold(), entry["code"])
    return found


def actor_code(typed: str) -> str:
    """The code of a country or organisation given by code or by name ("South Korea": KOR)."""
    code = _actor_names().get(typed.strip().casefold())
    if code is None:
        raise CommuniqueError(
            f"unknown country or organisation {typed!r}: give a code such as KOR or IGO:UN, "
            "or a name such as South Korea"
        )
    return code


def kind_code(typed: str) -> str:
    """A kind as typed ("sign_agreement", or a former name such as DISAPPROVE) checked."""
    kind = typed.strip().upper()
    kind = LEGACY_KINDS.get(kind, kind)
    if kind not in kinds():
        raise CommuniqueError(
            f"unknown kind {typed!r}: `communique kinds` lists them ({', '.join(kinds())})"
        )
    return kind


@cache
def kind_table() -> list[dict[str, Any]]:
    """Each kind with its PLOVER type, CAMEO code, meaning, an example and a note, if any."""
    with (DATA_DIR / "kind_examples.csv").open(encoding="utf-8") as handle:
        examples = {row["kind"]: row for row in csv.DictReader(handle)}
    return [
        {
            "kind": info.kind,
            "plover_type": info.plover_type,
            "cameo": info.cameo,
            "meaning": info.meaning,
            "example": examples[info.kind]["example"],
            "note": examples[info.kind]["note"] or None,
        }
        for info in kinds().values()
    ]
