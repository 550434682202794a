"""How long a watcher's change detection takes with a long history on record: a round that
brings one report, read incrementally (what moved since the last round) and by rereading the
whole history, in turns.

    .venv/bin/python bench/changes.py [--events 20000]
"""

from __future__ import annotations

import argparse
import random
import time

from communique import Article, Database, Event, Evidence
from communique.relations import update_canonical
from communique.schema import kinds
from communique.watch import detect_changes, start_tracking

COUNTRIES = ["FRA", "DEU", "USA", "CHN", "JPN", "KOR", "VNM", "TUR", "IND", "BRA"]
COUNTRIES += ["ZAF", "EGY", "MEX", "CAN", "AUS", "IDN", "PHL", "THA", "GBR", "ITA"]


def report(number: int, source: str, target: str, kind: str, day: str) -> tuple[Article, Event]:
    info = kinds()[kind]
    if not info.directed:
        source, target = sorted((source, target))
    article_id, event_id = f"a-{number:016x}", f"e-{number:016x}"
    article = Article(article_id, f"in/{number}.txt", None, None, f"Outlet {number % 7}", day,
                      "en", "text")  # fmt: skip
    event = Event(event_id, article_id, article.source_file, kind, info.plover_type, info.cameo,
                  source, target, info.directed, day, day, day, "occurred",
                  evidence=Evidence("text", 0, 4), plover_mode=info.plover_mode)  # fmt: skip
    return article, event


def run(events: int, rounds: int) -> None:
    chance = random.Random(1)
    db = Database(":memory:")
    for first in range(0, events, 500):
        made = [
            report(n, *chance.sample(COUNTRIES, 2), chance.choice(["MEET", "VISIT"]),
                   f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}")
            for n in range(first, min(first + 500, events))
        ]  # fmt: skip
        db.write_batch([a for a, _ in made], [e for _, e in made])
        update_canonical(db, [e.event_id for _, e in made])
    start_tracking(db)
    for n in range(rounds):
        for incremental in (True, False):
            number = events + 2 * n + incremental
            article, event = report(number, "FRA", "BRA", "MEET", "2025-11-30")
            db.write_batch([article], [event])
            update_canonical(db, [event.event_id])
            started = time.perf_counter()
            found = detect_changes(db, f"2025-12-01T10:{n:02d}:0{incremental:d}", incremental)
            took = (time.perf_counter() - started) * 1000
            way = "incremental" if incremental else "full reread"
            print(f"{events:,} events, {way:<12} {took:7.0f} ms  {len(found)} changes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    run(args.events, args.rounds)


if __name__ == "__main__":
    main()
