"""Relations: from reports to canonical events to the state of every dyad.

Reports of one happening fuse into a canonical event (`fusion.py`), stored and updated batch by
batch (`store.py`); dyad states (`dyads.py`) and the queries people ask (`queries.py`) are
derived from the canonical events.
"""

from .dyads import DyadState, Instrument, TierStep, dyad_states
from .fusion import CanonicalEvent, Mention
from .queries import (
    EventFilter,
    canonical_events,
    dyad,
    dyads,
    find_events,
    partners,
    timeline,
)
from .store import CanonicalView, canonical_view, rebuild_canonical, update_canonical

__all__ = [
    "CanonicalEvent",
    "CanonicalView",
    "DyadState",
    "EventFilter",
    "Instrument",
    "Mention",
    "TierStep",
    "canonical_events",
    "canonical_view",
    "dyad",
    "dyad_states",
    "dyads",
    "find_events",
    "partners",
    "rebuild_canonical",
    "timeline",
    "update_canonical",
]
