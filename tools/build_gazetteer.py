"""Build the actor gazetteer: src/communique/data/countries.jsonl and igos.jsonl.

Sources: pycountry, plus the hand-made alias table tools/country_aliases.json.
The actors are exactly the entries of the alias table: ISO alpha-3 codes go to
countries.jsonl, "IGO:..." codes to igos.jsonl; keys starting with "_" are notes.

For each actor the script writes one JSON line (sorted by code):
  {"code", "name", "names", "demonyms", "capitals", "case_sensitive"}

Rules, applied in this order:
- name: the alias "name", else pycountry's common_name, else its name.
- names: the display name, the alias names, then pycountry's common_name, name
  and official_name (states only), leaving out any with a comma or parentheses
  ("Korea, Republic of") and any listed under "drop"; a leading "the " is cut.
- Every form with diacritics also gets its plain spelling (Türkiye -> Turkiye),
  and every form with a straight apostrophe its typographic one (d'Ivoire -> d’Ivoire).
- A form is listed once per actor: names first, then demonyms, then capitals.
- case_sensitive: forms with no lowercase letter (acronyms: US, U.S., DPRK),
  the forms listed under "case_sensitive", and the variants of both.

Run from the repository root:  .venv/bin/python tools/build_gazetteer.py
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pycountry

ROOT = Path(__file__).resolve().parent.parent
ALIASES = ROOT / "tools" / "country_aliases.json"
DATA = ROOT / "src" / "communique" / "data"


def plain(form: str) -> str:
    """Return the form without diacritics ("Hà Nội" -> "Ha Noi")."""
    decomposed = unicodedata.normalize("NFKD", form)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def variants(form: str) -> list[str]:
    """Return the form with its plain and typographic-apostrophe spellings."""
    out = [form, plain(form)]
    out += [v.replace("'", "\u2019") for v in out if "'" in v]
    return list(dict.fromkeys(out))


def pycountry_names(code: str, drop: list[str]) -> list[str]:
    """Return pycountry's usable names for a state, display name first (none if unknown)."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return []
    found = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None)
        if not value or any(ch in value for ch in ",()") or value in drop:
            continue
        found.append(value[4:] if value.startswith("the ") else value)
    return found


def build_actor(code: str, entry: dict[str, Any]) -> dict[str, Any]:
    """Return one gazetteer line for an alias-table entry."""
    official = [] if code.startswith("IGO:") else pycountry_names(code, entry.get("drop", []))
    name = entry.get("name") or (official or entry["names"])[0]
    fields = {
        "names": [name, *entry.get("names", []), *official],
        "demonyms": entry.get("demonyms", []),
        "capitals": entry.get("capitals", []),
    }
    marked = set(entry.get("case_sensitive", []))
    seen: set[str] = set()
    out: dict[str, Any] = {"code": code, "name": name}
    case_sensitive: list[str] = []
    for field, forms in fields.items():
        out[field] = []
        for form in forms:
            strict = form in marked or not any(ch.islower() for ch in form)
            for variant in variants(form):
                if variant in seen:
                    continue
                seen.add(variant)
                out[field].append(variant)
                if strict:
                    case_sensitive.append(variant)
    out["case_sensitive"] = case_sensitive
    return out


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    """Write rows as UTF-8 JSON lines, sorted by code."""
    lines = [json.dumps(row, ensure_ascii=False) for row in sorted(rows, key=lambda r: r["code"])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    aliases = json.loads(ALIASES.read_text(encoding="utf-8"))
    actors = [build_actor(code, entry) for code, entry in aliases.items() if code[0] != "_"]
    DATA.mkdir(parents=True, exist_ok=True)
    write_jsonl(DATA / "countries.jsonl", [a for a in actors if not a["code"].startswith("IGO:")])
    write_jsonl(DATA / "igos.jsonl", [a for a in actors if a["code"].startswith("IGO:")])


if __name__ == "__main__":
    main()
