"""Who does what to whom: the two states of one trigger's event, from the actors of its
sentence, the roles their markers give them and how near the trigger they stand."""

from __future__ import annotations

from ...language.native import Token
from ...schema import kinds
from .actors import Mention
from .frames import Trigger
from .roles import GOAL, NONE, OBJECT, OWNER, PARTNER, PLACE, SUBJECT, TOPIC, RoleMarkers

Cast = list[tuple[Mention, str]]  # the sentence's actors, each with its role

# Doers, most telling first: the owner written right onto the trigger noun ("일본의 제재"), the
# topic (the main clause's doer), a subject (perhaps of an embedded clause), any owner.
_NEXT_TO_TRIGGER = "owner next to the trigger"
DOER_ROLES = (_NEXT_TO_TRIGGER, TOPIC, SUBJECT, OWNER)
RECEIVER_ROLES = (OBJECT, GOAL, PARTNER)
CONTEXT = "context"
# Conflict is coded only between states the sentence names: no party from the context.
_CONFLICT = (3, 4)  # kinds.csv quad classes


def cast(
    mentions: list[Mention], tokens: list[Token], trigger: Trigger, roles: RoleMarkers
) -> Cast:
    """The actors that may be parties, nearest the trigger first (those before it first: the
    languages we code put the parties of a trigger noun before it, or the subject does)."""
    token = trigger.token
    found = []
    for m in sorted(mentions, key=lambda m: _distance(m, token)):
        role = roles.role(m.start, m.end, tokens, token)
        if role == OWNER and roles.owns_trigger(m.end, tokens, token):
            role = _NEXT_TO_TRIGGER
        if role == PLACE and trigger.frame.place_is:  # "한국에서 구매": bought from Korea
            role = trigger.frame.place_is
        if role not in (PLACE, NONE) and m.codes and roles.within_reach(m.start, tokens, token):
            found.append((m, role))
    return found


def _distance(mention: Mention, token: Token) -> tuple[int, int]:
    if mention.end <= token.start:
        return (0, token.start - mention.end)
    return (1, mention.start - token.end)


def with_context(actors: Cast, dyad: tuple[str, ...], trigger: Trigger) -> Cast:
    """A sentence that names one state of the article's main pair, and no other, is about
    the pair: the other one is the party it leaves unsaid ("the firm signed the contract")."""
    codes = set(_codes(actors))
    if len(dyad) != 2 or len(codes) != 1 or not codes <= set(dyad):
        return actors
    if kinds()[trigger.frame.kind].quad_class in _CONFLICT:
        return actors
    named = codes.pop()
    other = dyad[1] if named == dyad[0] else dyad[0]
    doer = any(r in DOER_ROLES[:3] for _, r in actors)
    implicit = Mention(-1, -1, "", (other,), CONTEXT)
    return [*actors, (implicit, OBJECT if doer else SUBJECT)]


def pair(trigger: Trigger, actors: Cast) -> tuple[str, str] | None:
    """(source, target) of the trigger's event, or None when it has no two states."""
    frame = trigger.frame
    if frame.implied:
        source = _first(_codes(actors), avoid=frame.implied)
        return (source, frame.implied) if source else None
    if not kinds()[frame.kind].directed:
        codes = list(dict.fromkeys(_codes(actors)))
        return (codes[0], codes[1]) if len(codes) >= 2 else None
    doers = [c for role in DOER_ROLES for c in _codes(actors, role)]
    receivers = [c for role in RECEIVER_ROLES for c in _codes(actors, role)]
    if frame.subject_is == "target":
        doers, receivers = receivers, doers
    source = _first(doers)
    target = _first(_receivers_first(actors, receivers, trigger.token), avoid=source)
    if source is None:
        source = _first(_codes(actors), avoid=target)
    return (source, target) if source and target and source != target else None


# The roles of states that do a symmetric thing together: "미국과 일본, 한국은 훈련을 했다".
_TOGETHER = (TOPIC, SUBJECT, PARTNER)
_LISTED_GAP = 3  # characters between two listed names: "과 ", ", "


def together(trigger: Trigger, actors: Cast) -> list[tuple[str, str]]:
    """Every pair of three or more states listed together as doing a symmetric thing (a
    trilateral exercise is three pairs); none for fewer, or for a directed kind."""
    frame = trigger.frame
    if frame.implied or kinds()[frame.kind].directed:
        return []
    doing = sorted((m for m, r in actors if r in _TOGETHER and m.start >= 0), key=lambda m: m.start)
    listed: list[Mention] = []
    for m in doing:
        if listed and m.start - listed[-1].end > _LISTED_GAP:
            if len({c for x in listed for c in x.codes}) >= 3:
                break
            listed = []
        listed.append(m)
    codes = list(dict.fromkeys(c for m in listed for c in m.codes))
    if len(codes) < 3:
        return []
    return [(a, b) for i, a in enumerate(codes) for b in codes[i + 1 :]]


def _receivers_first(actors: Cast, receivers: list[str], token: Token) -> list[str]:
    """Codes in the order a receiver is looked for: on the side where a trigger's parties
    stand (before it), receivers (most telling role first) and then anyone nearest first;
    only then after it."""
    before = set(_codes([(m, r) for m, r in actors if m.end <= token.start]))
    ordered = _codes(actors)  # nearest first, those before the trigger first
    return [
        *(c for c in receivers if c in before),
        *(c for c in ordered if c in before),
        *receivers,
        *ordered,
    ]


def _codes(actors: Cast, role: str | None = None) -> list[str]:
    return [c for m, r in actors if role is None or r == role for c in m.codes]


def _first(codes: list[str], avoid: str | None = None) -> str | None:
    return next((c for c in codes if c != avoid), None)
