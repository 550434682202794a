"""Who does what to whom: the two states of one trigger's event, from the actors of its
sentence, the roles their markers give them and how near the trigger they stand."""

from __future__ import annotations

from collections.abc import Iterable

from ...language.native import Token
from ...schema import kinds
from .actors import Mention
from .frames import Trigger
from .roles import PLACE, SOURCE_ROLES, TARGET_ROLES, RoleMarkers

Cast = list[tuple[Mention, str]]  # the sentence's actors, each with its role


def cast(
    mentions: list[Mention], tokens: list[Token], trigger: Trigger, roles: RoleMarkers
) -> Cast:
    """The actors that may be parties, nearest the trigger first (those before it first: the
    languages we code put the parties of a trigger noun before it, or the subject does)."""
    token = trigger.token
    with_roles = [(m, roles.role(m.start, m.end, tokens, token)) for m in mentions]
    parties = [(m, r) for m, r in with_roles if r != PLACE and m.codes]
    return sorted(parties, key=lambda mr: _distance(mr[0], token))


def _distance(mention: Mention, token: Token) -> tuple[int, int]:
    if mention.end <= token.start:
        return (0, token.start - mention.end)
    return (1, mention.start - token.end)


def pair(trigger: Trigger, actors: Cast) -> tuple[str, str] | None:
    """(source, target) of the trigger's event, or None when it has no two states."""
    frame = trigger.frame
    if frame.implied:
        source = _first(_codes(actors), avoid=frame.implied)
        return (source, frame.implied) if source else None
    if not kinds()[frame.kind].directed:
        codes = list(dict.fromkeys(_codes(actors)))
        return (codes[0], codes[1]) if len(codes) >= 2 else None
    doers: tuple[str, ...] = SOURCE_ROLES
    receivers: tuple[str, ...] = TARGET_ROLES
    if frame.subject_is == "target":
        doers, receivers = receivers, doers
    source = _first(_codes(actors, doers))
    target = _first(_codes(actors, receivers), avoid=source)
    if source is None:
        source = _first(_codes(actors), avoid=target)
    if target is None:
        target = _first(_codes(actors), avoid=source)
    return (source, target) if source and target and source != target else None


def _codes(actors: Cast, roles: Iterable[str] | None = None) -> list[str]:
    wanted = set(roles) if roles is not None else None
    return [c for m, r in actors if wanted is None or r in wanted for c in m.codes]


def _first(codes: list[str], avoid: str | None = None) -> str | None:
    return next((c for c in codes if c != avoid), None)
