"""Consistency of the knowledge files shipped in communique/data/."""

from __future__ import annotations

import csv
import json
import re
import tomllib
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from communique.coding.dates import parse_iso
from communique.coding.knowledge import Knowledge
from communique.errors import CommuniqueError
from communique.schema import SECTORS, STATUSES, kinds
from communique.settings import DATA_DIR

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
OFFICES = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister",
           "party_leader"}  # fmt: skip
OFFICE_HEADER = ["country", "office", "title", "name", "aliases", "start", "end", "source"]
OFFICE_FILES = sorted((DATA_DIR / "office_holders").glob("*.csv"))


def read_toml(name: str) -> dict[str, Any]:
    with (DATA_DIR / "en" / name).open("rb") as handle:
        return tomllib.load(handle)


def read_jsonl(name: str) -> list[dict[str, Any]]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def crosswalk(shared: Callable[..., Path]) -> dict[str, set[str]]:
    """CAMEO code -> PLOVER types, from the 2021 CAMEO-to-PLOVER table ("057: SUPPORT, ...")."""
    table: dict[str, set[str]] = defaultdict(set)
    text = shared("spec", "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    for match in re.finditer(r"^(\d{2,4}):\s*([A-Z]+)", text, re.MULTILINE):
        table[match.group(1)].add(match.group(2))
    return table


# ---- kinds.csv ---------------------------------------------------------------------------------


def test_crosswalk_names_the_sixteen_plover_types(crosswalk: dict[str, set[str]]) -> None:
    roots = {t for code, types in crosswalk.items() if len(code) == 2 for t in types}
    assert roots == PLOVER_TYPES


def test_every_kind_has_one_of_the_sixteen_plover_types() -> None:
    assert len(kinds()) >= 16
    for info in kinds().values():
        assert info.plover_type in PLOVER_TYPES, info.kind


def test_plain_kinds_have_their_cameo_root(crosswalk: dict[str, set[str]]) -> None:
    """A kind named after its PLOVER type carries a two-digit CAMEO root of that type."""
    plain = [info for info in kinds().values() if info.kind == info.plover_type]
    assert {info.kind for info in plain} == PLOVER_TYPES
    wrong = [
        (info.kind, info.cameo, sorted(crosswalk.get(info.cameo, ())))
        for info in plain
        if len(info.cameo) != 2 or info.plover_type not in crosswalk.get(info.cameo, ())
    ]
    assert wrong == []


def test_finer_kinds_agree_with_the_crosswalk_on_their_code(
    crosswalk: dict[str, set[str]],
) -> None:
    finer = [info for info in kinds().values() if info.kind != info.plover_type]
    wrong = [
        (info.kind, info.cameo, sorted(crosswalk.get(info.cameo, ())))
        for info in finer
        if info.plover_type not in crosswalk.get(info.cameo, ())
    ]
    assert wrong == []


def test_kind_columns_are_well_formed() -> None:
    with (DATA_DIR / "kinds.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len({row["kind"] for row in rows}) == len(rows)
    for row in rows:
        assert row["directed"] in ("true", "false"), row["kind"]
        assert int(row["quad_class"]) in (1, 2, 3, 4), row["kind"]
        assert -10.0 <= float(row["goldstein"]) <= 10.0, row["kind"]
        assert row["meaning"].strip(), row["kind"]


def test_symmetric_kinds_are_undirected() -> None:
    for kind in ("MEET", "JOINT_STATEMENT", "SIGN_AGREEMENT"):
        assert kinds()[kind].directed is False
    assert kinds()["VISIT"].directed is True


# ---- triggers, sectors, status -----------------------------------------------------------------


def test_every_trigger_rule_names_a_known_kind() -> None:
    rules = read_toml("triggers.toml")["rule"]
    assert rules
    unknown = [(r["name"], r["kind"]) for r in rules if r["kind"] not in kinds()]
    assert unknown == []


def test_trigger_rules_have_unique_names_and_valid_patterns() -> None:
    rules = read_toml("triggers.toml")["rule"]
    names = [r["name"] for r in rules]
    assert len(set(names)) == len(names)
    for rule in rules:
        re.compile(rule["pattern"], re.IGNORECASE)
        assert 0 < float(rule.get("confidence", 0.6)) <= 1, rule["name"]
        assert rule.get("subject_is", "source") in ("source", "target"), rule["name"]


def test_sector_words_cover_exactly_the_schema_sectors() -> None:
    data = read_toml("sectors.toml")
    assert set(data["words"]) == set(SECTORS)
    for pattern in data["words"].values():
        re.compile(pattern, re.IGNORECASE)


def test_sectors_toml_names_only_known_kinds() -> None:
    assert set(read_toml("sectors.toml")["diplomatic_kinds"]) <= set(kinds())


def test_status_cues_name_exactly_the_statuses() -> None:
    data = read_toml("status.toml")
    assert set(data["precedence"]) == set(data["cues"])
    assert set(data["cues"]) | {"occurred"} == set(STATUSES)


# ---- countries and organisations ---------------------------------------------------------------


def test_countries_have_198_unique_codes() -> None:
    codes = [entry["code"] for entry in read_jsonl("countries.jsonl")]
    assert len(codes) == 198
    assert len(set(codes)) == 198
    assert {"TWN", "XKX", "HKG", "PSE", "VAT", "TUR", "VNM", "KOR", "PRK"} <= set(codes)
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in codes)


def test_every_country_and_igo_entry_is_well_formed() -> None:
    for name in ("countries.jsonl", "igos.jsonl"):
        for entry in read_jsonl(name):
            assert entry["name"], entry["code"]
            assert entry["names"], entry["code"]
            forms = entry["names"] + entry.get("demonyms", []) + entry.get("capitals", [])
            forms += entry.get("seats", [])  # "the Kremlin", "the White House"
            assert set(entry.get("case_sensitive", [])) <= set(forms), entry["code"]


def test_igo_codes_are_prefixed_and_unique() -> None:
    codes = [entry["code"] for entry in read_jsonl("igos.jsonl")]
    assert len(set(codes)) == len(codes)
    assert all(code.startswith("IGO:") for code in codes)
    assert {"IGO:UN", "IGO:ASEAN", "IGO:EU", "IGO:NATO"} <= set(codes)


# ---- office holders ----------------------------------------------------------------------------


def test_there_are_office_holder_files() -> None:
    assert len(OFFICE_FILES) >= 50


@pytest.mark.parametrize("path", OFFICE_FILES, ids=lambda p: p.stem)
def test_office_holder_file(path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        assert next(reader) == OFFICE_HEADER
        rows = list(reader)
    assert rows, f"{path.name} lists nobody"
    for number, row in enumerate(rows, 2):
        where = f"{path.name}:{number}"
        assert len(row) == len(OFFICE_HEADER), where
        record = dict(zip(OFFICE_HEADER, row, strict=True))
        assert record["country"] == path.stem, where
        assert record["office"] in OFFICES, where
        assert record["title"].strip() and record["name"].strip(), where
        start = parse_iso(record["start"])
        assert start is not None, f"{where}: start {record['start']!r}"
        if record["end"]:
            end = parse_iso(record["end"])
            assert end is not None, f"{where}: end {record['end']!r}"
            assert end.end >= start.start, f"{where}: ends before it starts"


def test_knowledge_for_a_language_without_files_is_one_clear_error() -> None:
    with pytest.raises(CommuniqueError, match="no coding knowledge for language 'xx'"):
        Knowledge.load(language="xx")
