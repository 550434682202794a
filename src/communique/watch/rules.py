"""Which changes matter and where they go, from a TOML file an analyst can read:

    [[rule]]
    name = "Seoul's partners"
    countries = ["KOR"]                  # either side; codes or names ("South Korea")
    dyads = ["KOR-VNM"]                  # a pair, either order
    kinds = ["SIGN_AGREEMENT", "VISIT"]
    plover_types = ["COOPERATE"]         # the kinds of these PLOVER types
    changes = ["new_event", "status_changed", "tier_changed"]
    sectors = ["energy"]
    min_confidence = 0.6
    send_to = ["terminal", "alerts.jsonl", "https://chat.example.org/hook",
               "mailto:desk@example.org"]

    [email]                              # the SMTP server for mailto: destinations
    server = "mail.example.org:25"
    from = "communique@example.org"

A filter left out keeps everything; a change must pass every filter given.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import CommuniqueError
from ..names import actor_code, kind_code
from ..schema import kinds
from ..store.watch import CHANGE_KINDS, Change

_FILTERS = ("countries", "dyads", "kinds", "plover_types", "changes", "sectors")
_KEYS = {"name", "min_confidence", "send_to", *_FILTERS}


@dataclass(frozen=True)
class EmailServer:
    """Where alerts to mailto: destinations are handed over (plain SMTP, no login)."""

    host: str
    port: int = 25
    sender: str = "communique@localhost"


@dataclass(frozen=True)
class Rule:
    name: str
    send_to: tuple[str, ...] = ("terminal",)
    email: EmailServer | None = None
    countries: frozenset[str] | None = None
    dyads: frozenset[str] | None = None
    kinds: frozenset[str] | None = None
    plover_types: frozenset[str] | None = None
    changes: frozenset[str] | None = None
    sectors: frozenset[str] | None = None
    min_confidence: float = 0.0

    def matches(self, change: Change) -> bool:
        sides = set(change.dyad.split("-", 1))
        return (
            (self.countries is None or bool(sides & self.countries))
            and (self.dyads is None or change.dyad in self.dyads)
            and (self.kinds is None or change.kind in self.kinds)
            and (self.plover_types is None or _plover_type(change.kind) in self.plover_types)
            and (self.changes is None or change.change in self.changes)
            and (self.sectors is None or bool(self.sectors & set(change.sectors)))
            and (change.confidence or 0.0) >= self.min_confidence
        )

    def where(self) -> tuple[str, dict[str, Any]]:
        """`matches` as a WHERE clause on the recorded changes, with its parameters: so the
        explorer reads a page of what a rule keeps, not every change ever recorded."""
        sides = "[split_part(dyad, '-', 1), substr(dyad, strpos(dyad, '-') + 1)]"
        tests = {
            "countries": f"list_has_any({sides}, $rule_countries)",
            "dyads": "list_contains($rule_dyads, dyad)",
            "kinds": "list_contains($rule_kinds, kind)",
            "plover_types": "list_contains($rule_plover_kinds, kind)",
            "changes": "list_contains($rule_changes, change)",
            "sectors": "list_has_any(coalesce(sectors, []), $rule_sectors)",
        }
        conditions = ["coalesce(confidence, 0.0) >= $rule_min_confidence"]
        params: dict[str, Any] = {"rule_min_confidence": self.min_confidence}
        for name, test in tests.items():
            chosen = getattr(self, name)
            if chosen is None:
                continue
            if name == "plover_types":
                name, chosen = "plover_kinds", [k for k in kinds() if _plover_type(k) in chosen]
            conditions.append(test.replace(f"$rule_{name}", f"CAST($rule_{name} AS VARCHAR[])"))
            params[f"rule_{name}"] = sorted(chosen)
        return " AND ".join(f"coalesce({c}, false)" for c in conditions), params


EVERYTHING = Rule("all")
"""Without a rules file, every change goes to the terminal."""


def load_rules(path: str | Path) -> list[Rule]:
    """The rules of a watch.toml; a mistake is a CommuniqueError naming the file and rule."""
    try:
        with Path(path).open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise CommuniqueError(f"{path}: not valid TOML ({error})") from error
    tables = data.get("rule")
    if not isinstance(tables, list) or not tables:
        raise CommuniqueError(f"{path}: no [[rule]] tables")
    email = _email(data.get("email"), path)
    return [_rule(table, number, path, email) for number, table in enumerate(tables, 1)]


def _email(table: Any, path: str | Path) -> EmailServer | None:
    if table is None:
        return None
    server = str(table.get("server", "")) if isinstance(table, dict) else ""
    host, _, port = server.partition(":")
    if not host or not (port or "25").isdigit():
        raise CommuniqueError(f'{path}: [email] needs server = "host:port"')
    sender = str(table.get("from") or "communique@localhost")
    return EmailServer(host, int(port or 25), sender)


def _rule(table: dict[str, Any], number: int, path: str | Path, email: EmailServer | None) -> Rule:
    name = str(table.get("name") or f"rule {number}")
    where = f"{path}: rule {name!r}"
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise CommuniqueError(f"{where}: unknown key {unknown[0]!r} (known: {sorted(_KEYS)})")
    send_to = _strings(table, "send_to", where) or ["terminal"]
    if email is None and any(target.startswith("mailto:") for target in send_to):
        raise CommuniqueError(f"{where}: a mailto: destination needs an [email] server")
    try:
        return Rule(
            name=name,
            send_to=tuple(send_to),
            email=email,
            countries=_set(table, "countries", where, actor_code),
            dyads=_set(table, "dyads", where, _dyad),
            kinds=_set(table, "kinds", where, kind_code),
            plover_types=_set(table, "plover_types", where, _plover_type_name),
            changes=_set(table, "changes", where, _change_kind),
            sectors=_set(table, "sectors", where, str),
            min_confidence=float(table.get("min_confidence", 0.0)),
        )
    except (CommuniqueError, ValueError) as error:
        raise CommuniqueError(f"{where}: {error}") from error


def _strings(table: dict[str, Any], key: str, where: str) -> list[str] | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CommuniqueError(f"{where}: {key} must be a list of strings")
    return value


def _set(table: dict[str, Any], key: str, where: str, check: Any) -> frozenset[str] | None:
    values = _strings(table, key, where)
    return None if values is None else frozenset(check(v) for v in values)


def _dyad(typed: str) -> str:
    sides = typed.split("-")
    if len(sides) != 2:
        raise CommuniqueError(f"dyad {typed!r}: write it as two codes, such as KOR-VNM")
    return "-".join(sorted(actor_code(side) for side in sides))


def _plover_type(kind: str | None) -> str | None:
    info = kinds().get(kind or "")
    return info.plover_type if info else None


def _plover_type_name(typed: str) -> str:
    known = sorted({info.plover_type for info in kinds().values()})
    name = typed.strip().upper()
    if name not in known:
        raise CommuniqueError(f"unknown PLOVER type {typed!r} (known: {', '.join(known)})")
    return name


def _change_kind(typed: str) -> str:
    if typed not in CHANGE_KINDS:
        raise CommuniqueError(f"unknown change {typed!r} (known: {', '.join(CHANGE_KINDS)})")
    return typed
