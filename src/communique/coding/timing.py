"""When an event happened: the time expressions of the trigger's own clause, resolved
against the article's anchor, never a made-up day."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from spacy.tokens import Doc, Token

from . import clauses, merging
from .dates import Anchor, DateValue, around
from .dates.words import EXACT_NUMBERS, WEEKDAYS
from .lexicon import TriggerMatch


def is_deadline(time: Any) -> bool:
    """ "ordered to leave within seven days" gives a deadline, not the date of the order."""
    text = time.text.lower()
    return text.startswith(("within", "in the next", "by the end")) or time.preposition == "by"


def times_of(
    trigger: TriggerMatch, triggers: list[TriggerMatch], times: list, doc: Doc, text: str
) -> list:
    """The time expressions of the trigger's own clause that are nearer it than any other
    of `triggers`, else those of a trigger it is linked to ("talks during the visit")."""
    in_reach = [t for t in times if not in_another_clause(doc, t, trigger)]
    # "arrived in Ankara on Monday for talks": the parse hangs the day on the arrival, though
    # the talks stand nearer it
    own = [t for t in in_reach if _dates_the_verb(doc, t, trigger)] or [
        t for t in in_reach if closest_trigger(t, triggers, text) is trigger
    ]
    return (
        own
        or times_of_linked_trigger(trigger, triggers, in_reach, text)
        or times_of_coordination(trigger, in_reach, doc)
        or times_before_when(trigger, times, doc, text)
        or [t for t in in_reach if days_apart(t, trigger, text)]
    )


_THEN_WHEN = re.compile(r"^\s*,\s*when\b", re.IGNORECASE)


def times_before_when(trigger: TriggerMatch, times: list, doc: Doc, text: str) -> list:
    """ "after the attack a year ago, when Trump ordered a missile strike": the time a "when"
    clause follows dates the clause, wherever the parse hangs it."""
    root = clauses.root_at(doc, trigger.start, trigger.end)
    if root is None:
        return []
    for time in times:
        follows = _THEN_WHEN.match(text[time.end :])
        if not follows:
            continue
        when = time.end + follows.end() - 4
        verb = next((w for w in (root, *root.ancestors) if w.pos_ in {"VERB", "AUX"}), None)
        if verb is not None and any(
            c.lower_ == "when" and c.idx == when and c.dep_ == "advmod" for c in verb.children
        ):
            return [time]
    return []


def times_of_coordination(trigger: TriggerMatch, times: list, doc: Doc) -> list:
    """ "On Tuesday, he will visit Doha and will hold talks with the Emir": a time that opens a
    coordination of verbs dates each of them."""
    root = clauses.root_at(doc, trigger.start, trigger.end)
    if root is None:
        return []
    chain = [root, *root.ancestors]  # up to the sentence's root
    verb = next((w for w in chain if w.pos_ in {"VERB", "AUX"}), chain[-1])
    if verb.dep_ != "conj":
        return []
    first = verb.head
    return [t for t in times if t.end <= first.idx and _attached_to(doc, t, first)]


def _dates_the_verb(doc: Doc, time: Any, trigger: TriggerMatch) -> bool:
    """A time that modifies the trigger's own verb: "on Monday" or "last week" hung on it."""
    verb = clauses.root_at(doc, trigger.start, trigger.end)
    word = clauses.root_at(doc, time.start, time.end)
    if verb is None or word is None or verb.pos_ != "VERB" or word.i == verb.i:
        return False
    head = word.head.head if word.head.dep_ == "prep" else word.head
    return head.i == verb.i


def _attached_to(doc: Doc, time: Any, verb: Token) -> bool:
    word = clauses.root_at(doc, time.start, time.end)
    return word is not None and (word.i == verb.i or verb.is_ancestor(word))


CLAUSE_DEPS = {"advcl", "relcl", "ccomp", "acl", "pcomp"}


def in_another_clause(doc: Doc, time: Any, trigger: TriggerMatch) -> bool:
    """ "his first New Zealand visit since he took power in 2006": the year dates the taking
    of power, a clause of its own that does not hold the trigger."""
    word = clauses.root_at(doc, time.start, time.end)
    target = clauses.root_at(doc, trigger.start, trigger.end)
    if word is None or target is None:
        return False
    for head in [word, *word.ancestors][:-1]:  # the sentence's root heads no clause of its own
        if head.dep_ in CLAUSE_DEPS and head.pos_ in {"VERB", "AUX"}:
            return not (head.left_edge.i <= target.i <= head.right_edge.i)
    return False


# A pledge is dated by when it was made: "agreed to hold the next round in July" dates the
# round, not the agreement, so only time words before the trigger count.
DATED_BEFORE_TRIGGER_ONLY = {"PLEDGE_COOPERATION"}


PAST_STATUSES = {"occurred", "agreed", "negated"}
# Kinds whose happening is the agreeing itself; any other kind "agreed" is one agreed to.
AGREEING_KINDS = {
    "PLEDGE_COOPERATION",
    "AGREE",
    "SIGN_AGREEMENT",
    "UPGRADE_RELATIONS",
    "ESTABLISH_RELATIONS",
    "JOINT_STATEMENT",
}


def dated_to_come(trigger: TriggerMatch, times: list, anchor: Anchor | None) -> bool:
    """Whether a time near the trigger names a day after the article was written ("said on
    Wednesday it would recognise Palestine on May 28": the day after the act's word)."""
    if anchor is None:
        return False
    near = [t for t in times if t.value is not None and distance(t.start, t.end, trigger) <= 120]
    return any(within_anchor(t, anchor).start > anchor.latest for t in near)


def date_for(
    trigger: TriggerMatch,
    times: list,
    anchor: Anchor | None,
    kind: str,
    status: str,
    text: str = "",
) -> tuple[DateValue | None, bool]:
    """The time expression nearest the trigger, else the anchor (never a made-up day)."""
    dated = [t for t in times if t.value is not None]
    if kind in DATED_BEFORE_TRIGGER_ONLY:
        dated = [t for t in dated if t.end <= trigger.end]
    if dated:
        nearest = min(dated, key=lambda t: distance(t.start, t.end, trigger))
        if distance(nearest.start, nearest.end, trigger) <= 120:
            value = within_anchor(nearest, anchor)
            # "agreed to hold talks in July": the talks are to come, the agreement is past
            to_come = status == "planned" or (status == "agreed" and kind not in AGREEING_KINDS)
            if to_come and dates_the_saying(nearest, trigger, text):
                later = [
                    t
                    for t in dated
                    if t.start >= trigger.end and distance(t.start, t.end, trigger) <= 120
                ]
                if not later:
                    # "Chile said on Tuesday it would impose sanctions": the day it was said
                    return in_the_past(value, nearest, anchor, status), True
                # "said on Wednesday it would recognise Palestine on May 28": the act's own day
                nearest = min(later, key=lambda t: distance(t.start, t.end, trigger))
                value = within_anchor(nearest, anchor)
            if to_come:
                return in_the_future(value, nearest, anchor), True
            return shifted(
                in_the_past(value, nearest, anchor, status), nearest, trigger, text
            ), True
    if anchor is None:
        return None, False
    durations = [t for t in times if t.value is None and getattr(t, "days", None)]
    if durations and kind == "VISIT":
        return around(anchor, durations[0].days), False
    return DateValue.between(anchor.earliest, anchor.latest), False


# "rallied on Tuesday, a day after China fired on a boat", "two weeks before", "a month
# after": the act after "after" is that long before the time, the act after "before" that
# long after it.
_DAYS_APART = re.compile(
    r"\b(a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(days?|weeks?|months?)\s+(after|before)\b",
    re.IGNORECASE,
)
_DAYS_IN = {"day": 1, "week": 7}


def days_apart(time: Any, trigger: TriggerMatch, text: str) -> re.Match[str] | None:
    """ "on Tuesday, a day after ... fired": the words that put the trigger some days from a
    time before it."""
    if time.end > trigger.start:
        return None
    found = list(_DAYS_APART.finditer(text, time.end, trigger.start))
    return found[-1] if found else None


def shifted(value: DateValue, time: Any, trigger: TriggerMatch, text: str) -> DateValue:
    """The day of an act told as some days or weeks after or before the dated one; the
    month of one told as months apart (a month from a day is no exact day)."""
    apart = days_apart(time, trigger, text)
    if value.precision not in {"day", "month"} or apart is None:
        return value
    count_word, unit, direction = (g.lower() for g in apart.groups())
    count = int(count_word) if count_word.isdigit() else EXACT_NUMBERS[count_word]
    if direction == "after":
        count = -count
    if unit.startswith("month"):
        months = value.start.year * 12 + value.start.month - 1 + count
        return DateValue.month(months // 12, months % 12 + 1)
    if value.precision != "day":
        return value
    return DateValue.day(value.start + timedelta(days=count * _DAYS_IN[unit.rstrip("s")]))


# Verbs that report a commitment: a time said with them dates the saying.
SAYING = re.compile(
    r"\b(?:said|says|announced|vowed|warned|stated|declared|pledged|promised|told|agreed|"
    r"decided)\b",
    re.IGNORECASE,
)


def dates_the_saying(time: Any, trigger: TriggerMatch, text: str) -> bool:
    """Whether a time before the trigger goes with the verb that reports it ("said on
    Tuesday it would", "on Tuesday ... and said he would"), not with the act to come."""
    if time.end > trigger.start:
        return False
    return bool(
        SAYING.search(text, time.end, trigger.start)
        or SAYING.search(text[max(0, time.start - 12) : time.start])
    )


TEMPORAL_LINK = re.compile(
    r"\b(?:during|amid|at|on\s+the\s+sidelines\s+of|in\s+the\s+course\s+of)\b", re.IGNORECASE
)


def times_of_linked_trigger(
    trigger: TriggerMatch, triggers: list[TriggerMatch], times: list[Any], text: str
) -> list[Any]:
    """ "a joint statement issued during the visit in November 2023": the statement takes the
    visit's date when a temporal link ("during", "at") joins the two."""
    for other in triggers:
        if other.start > trigger.end and TEMPORAL_LINK.search(text[trigger.end : other.start]):
            return [t for t in times if closest_trigger(t, triggers, text) is other]
    return []


def closest_trigger(time: Any, triggers: list[TriggerMatch], text: str) -> TriggerMatch:
    """A time expression belongs to the trigger nearest to it in the same clause."""

    def remoteness(trigger: TriggerMatch) -> tuple[int, int, int]:
        lo, hi = sorted((min(time.start, trigger.start), max(time.end, trigger.end)))
        crosses = bool(clauses.CLAUSE_BREAK.search(text[lo:hi]))
        return (int(crosses), distance(time.start, time.end, trigger), trigger.start)

    return min(triggers, key=remoteness)


_WEEKDAY_ALONE = re.compile(rf"^(?:on\s+)?(?:{'|'.join(WEEKDAYS)})$", re.IGNORECASE)


def in_the_future(value: DateValue, time: Any, anchor: Anchor | None) -> DateValue:
    """ "will visit Qatar on Tuesday", written on a Monday: the Tuesday to come, not the one
    past (a weekday alone names the nearest one the sentence's tense points to); "will hold
    talks in July", written in April, this July, not last."""
    if anchor is None or value.end >= anchor.earliest:
        return value
    if time.kind == "relative" and _WEEKDAY_ALONE.match(time.text.strip()):
        return DateValue(
            value.start + timedelta(days=7), value.end + timedelta(days=7), value.precision
        )
    if value.precision == "month" and not re.search(r"\d{4}", time.text):
        return DateValue.month(value.start.year + 1, value.start.month)
    return value


def in_the_past(value: DateValue, time: Any, anchor: Anchor | None, status: str) -> DateValue:
    """ "agreed in January", written in November: the January before, not the next one."""
    if anchor is None or status not in PAST_STATUSES or value.start <= anchor.latest:
        return value
    if re.search(r"\d{4}", time.text) or value.precision not in {"month", "day"}:
        return value
    try:
        return DateValue(
            value.start.replace(year=value.start.year - 1),
            value.end.replace(year=value.end.year - 1),
            value.precision,
        )
    except ValueError:  # 29 February
        return value


def within_anchor(time: Any, anchor: Anchor | None) -> DateValue:
    """For an undated article bounded by office terms, "on Thursday" happened while those
    officials held office: keep a relative date inside the bound when it overlaps it."""
    value: DateValue = time.value
    if anchor is None or anchor.earliest == anchor.latest or time.kind != "relative":
        return value
    return value.intersect(DateValue.between(anchor.earliest, anchor.latest)) or value


def distance(start: int, end: int, trigger: TriggerMatch) -> int:
    """Characters between a span and a trigger; 0 when they overlap."""
    if end <= trigger.start:
        return trigger.start - end
    return max(0, start - trigger.end)


STORY_WINDOW_DAYS = 7


def date_follow_ups(candidates: list[merging.Candidate], published: DateValue | None) -> None:
    """News tells one occasion: what happened with no date of its own happened when the first
    dated happening of the story did ("met on Tuesday ... signed a memorandum")."""
    if published is None:
        return
    story = next(
        (
            c.date
            for c in candidates
            if c.date_explicit
            and c.date is not None
            and c.status == "occurred"
            and 0 <= (published.end - c.date.end).days <= STORY_WINDOW_DAYS
        ),
        None,
    )
    for c in candidates:
        answered = c.answers_date
        if not c.date_explicit and answered is not None and answered.start <= published.end:
            # "Erdogan rejected the demands" made on Monday: between then and the writing
            c.date = DateValue(answered.start, published.end, "interval")
            if c.date.start == c.date.end:
                c.date = DateValue.day(c.date.start)
            continue
        # What was agreed or proposed on that occasion is dated by it too; plans are not.
        said_then = c.status in {"occurred", "agreed", "proposed", "negated"}
        if story is not None and not c.date_explicit and said_then and c.kind != "VISIT":
            c.date = story
