"""Staying current: rounds of polling feeds, what changed as data, and alerts on it.

    from communique.watch import Watcher, load_rules
    rules = load_rules("watch.toml")
    with Watcher(["https://example.org/rss.xml"], db, settings, rules=rules) as watcher:
        watcher.run(rounds=4, every=900)

`poll` reads one feed (conditional requests, only new entries, back-off), `changes` compares
the relations after a round with the round before, `rules` says which changes matter and
`deliver` sends them; `watcher` runs the rounds; `serving` serves the explorer from the
watcher's process, so it answers while news arrives.
"""

from .changes import detect_changes, recorded_changes, start_tracking
from .deliver import Alert, Deliverer, DeliveryError
from .durations import parse_duration
from .poll import Backoff, entry_key, poll_feed
from .rules import EVERYTHING, Rule, load_rules
from .serving import serving, watch_feeds
from .watcher import RoundReport, Watcher

__all__ = [
    "EVERYTHING",
    "Alert",
    "Backoff",
    "Deliverer",
    "DeliveryError",
    "RoundReport",
    "Rule",
    "Watcher",
    "detect_changes",
    "entry_key",
    "load_rules",
    "parse_duration",
    "poll_feed",
    "recorded_changes",
    "serving",
    "start_tracking",
    "watch_feeds",
]
