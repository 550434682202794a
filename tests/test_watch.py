"""Tests for `communique.watch`: rounds over feeds served on 127.0.0.1 that change between
rounds, what changed as data, feed state across restarts, back-off, rules and alerts."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import TINY_HTML
from intake_server import Answer, LocalServer
from smtp_server import LocalSmtp
from typer.testing import CliRunner

import communique
from communique import Database, Pipeline, Settings
from communique.cli import app
from communique.errors import CommuniqueError
from communique.store.watch import CHANGES, Change
from communique.watch import (
    Backoff,
    RoundReport,
    Watcher,
    load_rules,
    parse_duration,
    recorded_changes,
)

pytestmark = pytest.mark.slow  # rounds ingest through the spaCy pipeline

ATOM = "application/atom+xml"
runner = CliRunner()

# A visit announced, then reported done by another outlet, then the dyad raised a tier, and
# a syndicated copy of the second report (its text repeated under another outlet's name).
PLANNED = [
    "Vietnam President to Visit South Korea",
    "SEOUL, June 2, 2025 (Harbour Wire) - Vietnamese President Luong Cuong will pay a state "
    "visit to South Korea from June 9 to June 12, the foreign ministry in Seoul said on Monday.",
    "The two countries are expected to sign agreements on energy and trade during the visit.",
]
OCCURRED = [
    "Vietnam President Arrives in Seoul",
    "SEOUL, June 10, 2025 (Korea Ledger) - Vietnamese President Luong Cuong visited South "
    "Korea on Tuesday, holding talks with South Korean President Lee Jae-myung in Seoul.",
    "The two leaders signed a memorandum of understanding on energy cooperation.",
]
UPGRADE = [
    "Korea and Vietnam lift ties",
    "SEOUL, June 10, 2025 (Seoul Post) - South Korea and Vietnam upgraded their relations to "
    "a comprehensive strategic partnership on Tuesday, the two governments said.",
]
SYNDICATED = [*OCCURRED, "This story was syndicated from Korea Ledger."]


def entry(slug: str, paragraphs: list[str], updated: str = "2025-06-10T09:00:00Z") -> str:
    body = html.escape("".join(f"<p>{p}</p>" for p in paragraphs))
    return (
        f"<entry><title>{html.escape(paragraphs[0])}</title><id>urn:test:{slug}</id>"
        f'<link href="http://127.0.0.1/{slug}"/><updated>{updated}</updated>'
        f'<content type="html">{body}</content></entry>'
    )


def link_entry(slug: str, link: str) -> str:
    return (
        f'<entry><title>{slug}</title><id>urn:test:{slug}</id><link href="{link}"/>'
        "<updated>2025-05-20T09:00:00Z</updated><summary>A teaser.</summary></entry>"
    )


def atom(*entries: str, title: str = "Harbour Wire") -> Answer:
    body = (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title>{''.join(entries)}</feed>"
    )
    return Answer(body.encode(), content_type=ATOM)


SETTINGS = Settings.load().with_(fetch_timeout=0.5)


class Clock:
    """The watcher's time, moved by the test: back-off without real waiting."""

    def __init__(self) -> None:
        self.now = datetime(2025, 6, 10, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer({}) as local:
        yield local


@pytest.fixture
def smtp() -> Iterator[LocalSmtp]:
    with LocalSmtp() as local:
        yield local


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    with communique.open_db(tmp_path / "watch.duckdb", SETTINGS) as handle:
        yield handle


def watcher(
    feeds: list[str], db: Database, pipeline: Pipeline, clock: Clock | None = None, **options
) -> Watcher:
    lines: list[str] = []
    made = Watcher(
        feeds, db, SETTINGS, pipeline=pipeline, clock=clock or Clock(), echo=lines.append, **options
    )
    made.printed = lines  # type: ignore[attr-defined]
    return made


def changes_of(report: RoundReport, kind: str | None = None) -> list[Change]:
    return [c for c in report.changes if kind is None or c.kind == kind]


def summary(changes: list[Change]) -> set[tuple[str, str | None, str | None, str | None]]:
    return {(c.change, c.kind, c.before, c.after) for c in changes}


def test_each_round_reports_what_changed_with_its_evidence(
    server: LocalServer, db: Database, pipeline: Pipeline
) -> None:
    server.routes["/harbour.xml"] = atom(entry("planned", PLANNED, "2025-06-02T09:00:00Z"))
    server.routes["/ledger.xml"] = atom(title="Korea Ledger")  # nothing yet: no failure
    feeds = [server.url("/harbour.xml"), server.url("/ledger.xml")]
    with watcher(feeds, db, pipeline) as watch:
        first = watch.round()
        server.routes["/ledger.xml"] = atom(entry("occurred", OCCURRED), title="Korea Ledger")
        second = watch.round()
        server.routes["/harbour.xml"] = atom(
            entry("upgrade", UPGRADE),
            entry("syndicated", SYNDICATED, "2025-06-10T11:00:00Z"),
            entry("planned", PLANNED, "2025-06-02T09:00:00Z"),
        )
        third = watch.round()
    assert (first.new_entries, second.new_entries, third.new_entries) == (1, 1, 2)
    assert not first.feed_errors
    assert ("new_event", "VISIT", None, "planned") in summary(first.changes)
    dyads = [(c.dyad, c.before, c.after) for c in first.changes if c.change == "new_dyad"]
    assert dyads == [("KOR-VNM", None, None)]
    # The report that it happened moves the announced visit and counts as a second source.
    visit = changes_of(second, "VISIT")
    assert summary(visit) == {
        ("status_changed", "VISIT", "planned", "occurred"),
        ("new_source", "VISIT", "1", "2"),
    }
    moved = next(c for c in visit if c.change == "status_changed")
    assert "visited South Korea on Tuesday" in (moved.evidence or "")
    assert moved.dyad == "KOR-VNM" and moved.source_file == "http://127.0.0.1/occurred"
    # The upgrade raises the dyad's tier; the syndicated copy is no new source of anything.
    assert ("tier_changed", None, "comprehensive_strategic_partnership") in {
        (c.change, c.before, c.after) for c in third.changes
    }
    assert not [c for c in third.changes if c.change == "new_source"]
    assert recorded_changes(db) == sorted(
        first.changes + second.changes + third.changes, key=lambda c: (c.detected_at, c.change_id)
    )


def test_a_feed_unchanged_costs_one_request_and_entries_are_read_once(
    server: LocalServer, db: Database, pipeline: Pipeline
) -> None:
    norway = atom(link_entry("norway", server.url("/story/norway")), title="Atlantic Courier")
    server.routes["/wire.xml"] = Answer(norway.body, content_type=ATOM, headers={"ETag": '"v1"'})
    server.routes["/story/norway"] = Answer(TINY_HTML.encode(), content_type="text/html")
    with watcher([server.url("/wire.xml")], db, pipeline) as watch:
        reports = watch.run(rounds=3, every=0)
    assert [(r.new_entries, r.not_modified, r.ingest.stored) for r in reports] == [
        (1, 0, 1),
        (0, 1, 0),
        (0, 1, 0),
    ]
    paths = [path for path, _ in server.requests]
    assert paths.count("/wire.xml") == 3 and paths.count("/story/norway") == 1


def test_a_restarted_watcher_goes_on_where_it_stopped(
    server: LocalServer, db: Database, pipeline: Pipeline
) -> None:
    server.routes["/korea.xml"] = atom(entry("planned", PLANNED, "2025-06-02T09:00:00Z"))
    with watcher([server.url("/korea.xml")], db, pipeline) as watch:
        watch.round()
    server.routes["/korea.xml"] = atom(
        entry("planned", PLANNED, "2025-06-02T09:00:00Z"), entry("occurred", OCCURRED)
    )
    with watcher([server.url("/korea.xml")], db, pipeline) as again:
        report = again.round()
    assert report.new_entries == 1 and report.ingest.stored == 1
    assert ("status_changed", "VISIT", "planned", "occurred") in summary(report.changes)
    assert not [c for c in report.changes if c.change == "new_dyad"]


def test_a_database_watched_for_the_first_time_reports_only_what_comes_after(
    server: LocalServer, db: Database, pipeline: Pipeline, tiny_folder: Path
) -> None:
    communique.ingest([str(tiny_folder)], db=db, settings=SETTINGS, pipeline=pipeline)
    server.routes["/korea.xml"] = atom(entry("planned", PLANNED, "2025-06-02T09:00:00Z"))
    with watcher([server.url("/korea.xml")], db, pipeline) as watch:
        report = watch.round()
    assert report.changes and {c.dyad for c in report.changes} == {"KOR-VNM"}


def test_failing_feeds_are_backed_off_without_stopping_the_others(
    server: LocalServer, db: Database, pipeline: Pipeline
) -> None:
    server.routes["/korea.xml"] = atom(entry("planned", PLANNED, "2025-06-02T09:00:00Z"))
    server.routes["/broken.xml"] = Answer(b"oops", status=500, content_type="text/plain")
    server.routes["/json.xml"] = Answer(b'{"not": "xml"}', content_type=ATOM)
    server.routes["/slow.xml"] = Answer(b"", delay=1.0, content_type=ATOM)
    feeds = [server.url(p) for p in ("/broken.xml", "/json.xml", "/slow.xml", "/korea.xml")]
    clock = Clock()
    with watcher(feeds, db, pipeline, clock, backoff=Backoff(first=60, most=600)) as watch:
        first = watch.round()
        second = watch.round()  # the same minute: the three are left alone
        clock.now += timedelta(seconds=61)
        third = watch.round()
    assert first.ingest.stored == 1 and len(first.feed_errors) == 3
    assert "answered 500" in " ".join(first.feed_errors)
    assert "not an RSS or Atom feed" in " ".join(first.feed_errors)
    assert "timed out" in " ".join(first.feed_errors)
    assert (second.polled, second.backing_off) == (1, 3)
    assert (third.polled, len(third.feed_errors)) == (4, 3)
    assert [p for p, _ in server.requests].count("/broken.xml") == 2
    state = db.con.execute(
        "SELECT failures, next_attempt FROM watch_feeds WHERE url = ?", [feeds[0]]
    ).fetchone()
    # The second failure in a row doubles the wait.
    assert state[0] == 2
    assert datetime.fromisoformat(state[1]) == clock.now + timedelta(seconds=120)


def test_rules_send_each_alert_once_and_retry_a_webhook_that_was_down(
    server: LocalServer, db: Database, pipeline: Pipeline, tmp_path: Path, smtp: LocalSmtp
) -> None:
    alerts = tmp_path / "alerts.jsonl"
    rules = tmp_path / "watch.toml"
    rules.write_text(
        f"""
[email]
server = "{smtp.address}"
from = "watch@example.org"

[[rule]]
name = "Seoul moves"
countries = ["South Korea"]
changes = ["status_changed", "tier_changed"]
send_to = ["terminal", "{alerts}", "{server.url("/hook")}", "mailto:desk@example.org"]

[[rule]]
name = "Japan"
countries = ["JPN"]
send_to = ["{alerts}"]
""",
        encoding="utf-8",
    )
    server.routes["/hook"] = Answer(b"down", status=503, content_type="text/plain")
    server.routes["/korea.xml"] = atom(
        entry("planned", PLANNED, "2025-06-02T09:00:00Z"), entry("occurred", OCCURRED)
    )
    feed = server.url("/korea.xml")
    with watcher([feed], db, pipeline, rules=load_rules(rules)) as watch:
        watch.round()  # both reports at once: one visit, occurred, nothing moved yet
        server.routes["/korea.xml"] = atom(entry("upgrade", UPGRADE))
        down = watch.round()
        server.routes["/hook"] = Answer(b"ok", content_type="text/plain")
        up = watch.round()
        quiet = watch.round()
        printed = watch.printed  # type: ignore[attr-defined]
    written = [json.loads(line) for line in alerts.read_text(encoding="utf-8").splitlines()]
    assert [(a["rule"], a["change"], a["after"]) for a in written] == [
        ("Seoul moves", "tier_changed", "comprehensive_strategic_partnership")
    ]
    assert "upgraded their relations" in written[0]["evidence"]
    assert down.delivery_errors == [f"{server.url('/hook')}: the webhook answered 503"]
    posted = [json.loads(body) for _, body in server.posts]
    # Tried while down, then delivered once; the round after sends nothing again.
    assert [p["change"] for p in posted] == ["tier_changed", "tier_changed"]
    assert posted[-1]["text"].startswith("[Seoul moves] tier_changed KOR-VNM")
    assert (len(up.alerts), len(quiet.alerts), quiet.delivery_errors) == (1, 0, [])
    assert printed == [f"alert {posted[-1]['text']}"]
    [mail] = smtp.messages
    assert (mail["To"], mail["From"]) == ("desk@example.org", "watch@example.org")
    # A long subject comes folded over lines, as mail headers are.
    assert " ".join(mail["Subject"].split()) == f"communique {posted[-1]['text']}"[:200]
    assert json.loads(mail.get_payload(decode=True))["evidence"] == written[0]["evidence"]


def change(kind: str, dyad: str = "KOR-VNM", **fields: object) -> Change:
    values: dict[str, object] = {
        "change_id": "c-1",
        "detected_at": "2025-06-10T12:00:00+00:00",
        "change": "new_event",
        "subject": "c-0",
        "dyad": dyad,
        "kind": kind,
        "before": None,
        "after": "occurred",
        "evidence": "...",
        "source_file": None,
        "confidence": 0.7,
        "sectors": ["energy"],
    }
    return Change(**(values | fields))  # type: ignore[arg-type]


def test_a_rule_keeps_a_change_that_passes_every_filter_it_gives(tmp_path: Path) -> None:
    path = tmp_path / "watch.toml"
    path.write_text(
        '[[rule]]\ncountries = ["Vietnam"]\nplover_types = ["consult"]\nsectors = ["energy"]\n'
        "min_confidence = 0.6\n",
        encoding="utf-8",
    )
    [rule] = load_rules(path)
    assert rule.matches(change("VISIT")) and rule.matches(change("MEET", "JPN-VNM"))
    assert not rule.matches(change("SIGN_AGREEMENT"))  # SUPPORT, not CONSULT
    assert not rule.matches(change("VISIT", "JPN-KOR"))
    assert not rule.matches(change("VISIT", sectors=["defense"]))
    assert not rule.matches(change("VISIT", confidence=0.5))
    assert rule.send_to == ("terminal",)


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ('[[rule]]\nname = "x"\ncountry = ["KOR"]\n', "unknown key 'country'"),
        ('[[rule]]\ncountries = ["Atlantis"]\n', "unknown country or organisation 'Atlantis'"),
        ('[[rule]]\nchanges = ["new_thing"]\n', "unknown change 'new_thing'"),
        ('[[rule]]\ndyads = ["KOR"]\n', "two codes"),
        ('[[rule]]\nplover_types = ["FRIENDLY"]\n', "unknown PLOVER type 'FRIENDLY'"),
        ("name = 1\n", "no [[rule]] tables"),
        ('[[rule]]\nsend_to = ["mailto:a@example.org"]\n', "needs an [email] server"),
        ('[email]\nserver = "mail:smtp"\n[[rule]]\n', 'server = "host:port"'),
    ],
)
def test_a_mistake_in_the_rules_names_the_file_and_the_rule(
    tmp_path: Path, text: str, fault: str
) -> None:
    path = tmp_path / "watch.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommuniqueError, match=str(path)) as error:
        load_rules(path)
    assert fault in str(error.value)


@pytest.mark.parametrize(
    ("typed", "seconds"),
    [("0s", 0), ("1s", 1), ("30s", 30), ("15m", 900), ("1h", 3600), ("1h30m", 5400), ("2", 2)],
)
def test_durations_read_as_people_type_them(typed: str, seconds: float) -> None:
    assert parse_duration(typed) == seconds


@pytest.mark.parametrize("typed", ["", "soon", "15 minutes", "m15", "1x"])
def test_a_duration_that_is_not_one_is_refused(typed: str) -> None:
    with pytest.raises(CommuniqueError, match="not a duration"):
        parse_duration(typed)


def test_watch_and_changes_from_the_command_line(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/harbour.xml"] = atom(entry("planned", PLANNED, "2025-06-02T09:00:00Z"))
    server.routes["/broken.xml"] = Answer(b"oops", status=500, content_type="text/plain")
    feeds = [server.url("/harbour.xml"), server.url("/broken.xml")]
    db = str(tmp_path / "cli.duckdb")
    first = runner.invoke(app, ["watch", *feeds, "--every", "0s", "--rounds", "2", "--db", db])
    server.routes["/harbour.xml"] = atom(entry("occurred", OCCURRED), title="Korea Ledger")
    again = runner.invoke(app, ["watch", *feeds, "--every", "1s", "--rounds", "1", "--db", db])
    assert (first.exit_code, again.exit_code) == (0, 0)
    assert f"error: {feeds[1]}: the server answered 500" in first.output
    assert "round 2: 1 feeds polled (0 not modified, 0 failed, 1 backing off)" in first.output
    assert "alert [all] status_changed KOR-VNM VISIT: planned -> occurred" in again.output
    listed = runner.invoke(app, ["changes", "--format", "jsonl", "--db", db])
    records = [json.loads(line) for line in listed.stdout.splitlines()]
    assert {r["change"] for r in records} >= {"new_event", "new_dyad", "status_changed"}
    since = runner.invoke(app, ["changes", "--since", "2000-01-01", "--format", "csv", "--db", db])
    header, *rows = since.stdout.strip().splitlines()
    assert header == ",".join(c for c, *_ in CHANGES.columns) and len(rows) == len(records)
    later = runner.invoke(app, ["changes", "--since", "2999-01-01", "--format", "csv", "--db", db])
    assert (later.exit_code, later.stdout.strip()) == (0, "")


@pytest.mark.parametrize(
    ("args", "fault"),
    [
        (["--every", "soon"], "'soon': not a duration"),
        (["--rules", "missing.toml"], "missing.toml"),
    ],
)
def test_watch_refuses_what_it_cannot_use(args: list[str], fault: str, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.duckdb")
    result = runner.invoke(app, ["watch", "http://127.0.0.1:9/feed.xml", *args, "--db", db])
    assert result.exit_code == 2 and fault in result.output


def test_watch_polls_urls_only(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.duckdb")
    result = runner.invoke(app, ["watch", "feed.xml", "--rounds", "1", "--db", db])
    assert result.exit_code == 2
    assert "feed.xml: not an http(s) URL" in result.output


def test_a_page_is_read_again_when_its_bytes_change(
    server: LocalServer, db: Database, pipeline: Pipeline
) -> None:
    server.routes["/norway"] = Answer(TINY_HTML.encode(), content_type="text/html")
    with watcher([server.url("/norway")], db, pipeline) as watch:
        first, same = watch.round(), watch.round()
        changed = TINY_HTML.replace("offshore wind energy", "offshore wind and fisheries")
        server.routes["/norway"] = Answer(changed.encode(), content_type="text/html")
        edited = watch.round()
    assert [(r.new_entries, r.ingest.stored) for r in (first, same, edited)] == [
        (1, 1),
        (0, 0),
        (1, 1),
    ]
