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

import importlib
import typing

if typing.TYPE_CHECKING:  # for type checkers; at run time each name is imported when first used
    from .changes import detect_changes, recorded_changes, start_tracking
    from .deliver import Alert, Deliverer, DeliveryError
    from .durations import parse_duration
    from .poll import Backoff, entry_key, poll_feed
    from .rules import EVERYTHING, EmailServer, Rule, load_rules
    from .serving import serving, watch_feeds
    from .stopping import stop_on_interrupt
    from .watcher import RoundReport, Watcher

# Where each public name lives. Imported on first use: the explorer reads the rules' filters
# without loading the pipeline that a watcher needs.
_HOMES = {
    "detect_changes": ".changes",
    "recorded_changes": ".changes",
    "start_tracking": ".changes",
    "Alert": ".deliver",
    "Deliverer": ".deliver",
    "DeliveryError": ".deliver",
    "parse_duration": ".durations",
    "Backoff": ".poll",
    "entry_key": ".poll",
    "poll_feed": ".poll",
    "EVERYTHING": ".rules",
    "EmailServer": ".rules",
    "Rule": ".rules",
    "load_rules": ".rules",
    "serving": ".serving",
    "watch_feeds": ".serving",
    "stop_on_interrupt": ".stopping",
    "RoundReport": ".watcher",
    "Watcher": ".watcher",
}

__all__ = [
    "EVERYTHING",
    "Alert",
    "Backoff",
    "Deliverer",
    "DeliveryError",
    "EmailServer",
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
    "stop_on_interrupt",
    "watch_feeds",
]


def __getattr__(name: str) -> typing.Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home, __name__), name)
