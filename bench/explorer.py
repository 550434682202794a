"""The explorer over a corpus of 2,000 articles: how long each page and API call takes.

Ingests `--articles` stories of the benchmark corpus (Reuters and Guardian, from
../shared/corpus/bench; repeated past its 1,249 stories, each copy with a line of its own so it
is new content) into a temporary database (or `--db`, made if missing). That corpus is mostly
business news (some 500 events in 2,000 articles), so `--events-per-article N` stores the
stories instead with N made-up events each, among 40 countries with a few busy dyads, as a
desk's corpus would have: the pages with the most rows to show. Then it asks the explorer for
every kind of page in turn (overview, country, dyad, search with filters, articles, an article,
what's new, and their API calls) `--repeat` times each, in process, and prints the median, 95th
percentile and slowest time of each, with the size of the answer.

    .venv/bin/python bench/explorer.py [--articles 2000] [--repeat 20] [--db news.duckdb]
    .venv/bin/python bench/explorer.py --events-per-article 4
    .venv/bin/python bench/explorer.py --while-ingesting

With `--while-ingesting`, `communique ingest --snapshot` stores the articles in another process
while this one serves the explorer from the snapshot and asks for pages throughout: their
latency while the writer runs, any error, and the counts it shows before and after.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from run import DEFAULT_CORPUS, load_stories, write_inputs

import communique
from communique import Article, Database, Event, Evidence, Settings
from communique.relations import update_canonical
from communique.schema import kinds
from communique.serve.app import create_app
from communique.watch import detect_changes, start_tracking

COUNTRIES = [
    "USA",
    "CHN",
    "RUS",
    "JPN",
    "KOR",
    "VNM",
    "IND",
    "IDN",
    "PHL",
    "THA",
    "TUR",
    "DEU",
    "FRA",
    "GBR",
    "ITA",
    "ESP",
    "POL",
    "UKR",
    "BRA",
    "MEX",
    "ARG",
    "ZAF",
    "NGA",
    "EGY",
    "SAU",
    "IRN",
    "ISR",
    "PAK",
    "AUS",
    "CAN",
    "SGP",
    "MYS",
    "KAZ",
    "UZB",
    "QAT",
    "ARE",
    "ETH",
    "KEN",
    "CHL",
    "NZL",
]


def build(folder: Path, db_path: Path, articles: int) -> None:
    inputs = folder / "inputs"
    write_inputs(load_stories(DEFAULT_CORPUS), inputs, articles, vary=True)
    started = time.perf_counter()
    settings = Settings.load(progress=False)
    report = communique.ingest([str(inputs)], db=str(db_path), settings=settings)
    took = time.perf_counter() - started
    print(f"ingested {report.stored:,} articles, {report.events:,} events in {took:.0f} s")


def build_synthetic(db_path: Path, articles: int, per_article: int) -> None:
    """The stories as articles, each with `per_article` made-up events: kinds, statuses,
    sectors and dates drawn at random, pairs drawn so that a few dyads are busy. Written 250
    articles a round with the changes recorded, as a watcher would."""
    chance = random.Random(7)
    stories = load_stories(DEFAULT_CORPUS)
    kind_names = [k for k, info in kinds().items() if info.plover_type]
    statuses = ["occurred"] * 6 + ["planned", "agreed", "proposed", "negated", "ongoing"]
    sectors = ["defense", "trade", "energy", "education", "health", "maritime", "diplomacy"]
    weights = [1 / (rank + 1) for rank in range(len(COUNTRIES))]  # Zipf: busy and quiet states
    started = time.perf_counter()
    with Database(db_path) as db:
        start_tracking(db)  # watched from the start: what's new and the dyads' changes fill up
        for first in range(0, articles, 250):
            batch_articles, batch_events = [], []
            for n in range(first, min(first + 250, articles)):
                story = stories[n % len(stories)]
                day = date(2015, 1, 1) + timedelta(days=chance.randrange(3650))
                article_id = f"a-{n:016x}"
                batch_articles.append(
                    Article(
                        article_id=article_id,
                        source_file=f"corpus/{article_id}.txt",
                        url=f"https://news.example/{article_id}",
                        title=story.text.split("\n", 1)[0][:120],
                        outlet=f"Outlet {n % 37}",
                        published=day.isoformat(),
                        language="en",
                        clean_text=story.text,
                        ingested_at="2025-12-01T10:00:00+00:00",
                    )
                )
                for m in range(per_article):
                    kind = kinds()[chance.choice(kind_names)]
                    source, target = chance.choices(COUNTRIES, weights, k=2)
                    if source == target:
                        continue
                    if not kind.directed:
                        source, target = sorted((source, target))
                    when = (day - timedelta(days=chance.randrange(5))).isoformat()
                    end = min(len(story.text), 200)
                    batch_events.append(
                        Event(
                            event_id=f"e-{n:014x}{m:02x}",
                            article_id=article_id,
                            source_file=f"corpus/{article_id}.txt",
                            kind=kind.kind,
                            plover_type=kind.plover_type,
                            cameo=kind.cameo,
                            source=source,
                            target=target,
                            directed=kind.directed,
                            date=when,
                            date_start=when,
                            date_end=when,
                            status=chance.choice(statuses),
                            sectors=[chance.choice(sectors)],
                            evidence=Evidence(story.text[:end], 0, end),
                            confidence=round(chance.uniform(0.4, 0.95), 2),
                            plover_mode=kind.plover_mode,
                        )
                    )
            db.write_batch(batch_articles, batch_events)
            update_canonical(db, [e.event_id for e in batch_events])
            detect_changes(db, f"2025-12-01T10:{first // 250:02d}:00+00:00")
    took = time.perf_counter() - started
    print(
        f"stored {articles:,} articles with {per_article} made-up events each, "
        f"watched a batch of 250 a round, in {took:.0f} s"
    )


def paths(client: TestClient) -> dict[str, list[str]]:
    """Each kind of request, with the ids, countries and dyads the corpus has."""
    graph = client.get("/api/graph").json()
    edges = graph["edges"][:10]
    countries = [node["id"] for node in graph["nodes"][:10]]
    rows = client.get("/api/articles", params={"page_size": 200}).json()["rows"]
    article_ids = [row["article_id"] for row in rows[:: max(1, len(rows) // 10)]]
    events = client.get("/api/events", params={"page_size": 1}).json()
    last_page = max(1, events["total"] // 50)
    return {
        "/ (overview)": ["/"],
        "/api/meta": ["/api/meta"],
        "/api/graph": ["/api/graph", "/api/graph?since=1987&kind=MEET"],
        "/country/X": [f"/country/{code}" for code in countries],
        "/api/countries/X": [f"/api/countries/{code}" for code in countries],
        "/dyad/A/B": [f"/dyad/{e['a']}/{e['b']}" for e in edges],
        "/api/dyads/A/B": [f"/api/dyads/{e['a']}/{e['b']}" for e in edges],
        "/search": ["/search", "/search?q=minister&sort=-confidence", f"/search?page={last_page}"],
        "/api/events": [
            "/api/events",
            "/api/events?level=reports",
            f"/api/events?country={countries[0]}&sort=date",
            f"/api/events?page={last_page}",
        ],
        "/api/events/export": ["/api/events/export?format=csv"],
        "/articles": ["/articles", "/articles?q=bank", "/articles?flag=no_date"],
        "/api/articles": ["/api/articles", "/api/articles?q=oil&page=2"],
        "/article/X": [f"/article/{i}" for i in article_ids],
        "/api/articles/X": [f"/api/articles/{i}" for i in article_ids],
        "/changes": ["/changes", "/api/changes"],
    }


def measure(client: TestClient, urls: list[str], repeat: int) -> tuple[list[float], int]:
    times, size = [], 0
    for n in range(repeat):
        url = urls[n % len(urls)]
        started = time.perf_counter()
        answer = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if answer.status_code != 200:
            raise SystemExit(f"{url}: {answer.status_code} {answer.text[:200]}")
        size = max(size, len(answer.content))
    return times, size


def while_ingesting(folder: Path, articles: int) -> None:
    inputs, db_path = folder / "inputs", folder / "written.duckdb"
    write_inputs(load_stories(DEFAULT_CORPUS), inputs, articles, vary=True)
    command = ["ingest", str(inputs), "--db", str(db_path), "--snapshot"]
    writer = subprocess.Popen(
        [sys.executable, "-m", "communique.cli", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    snapshot = Path(f"{db_path}.snapshot")
    while not snapshot.exists() and writer.poll() is None:
        time.sleep(0.05)  # the writer's first copy, made before it stores anything
    urls = ["/", "/api/meta", "/api/graph", "/api/events", "/search", "/articles", "/changes"]
    times: list[float] = []
    statuses: dict[int, int] = {}
    with TestClient(create_app(db_path)) as client:
        before = client.get("/api/meta").json()["articles"]
        started = time.perf_counter()
        while writer.poll() is None:
            for url in urls:
                asked = time.perf_counter()
                status = client.get(url).status_code
                times.append((time.perf_counter() - asked) * 1000)
                statuses[status] = statuses.get(status, 0) + 1
        took = time.perf_counter() - started
        after = client.get("/api/meta").json()
    p95 = statistics.quantiles(times, n=20)[-1]
    print(
        f"another process ingested {after['articles'] - before:,} articles in {took:.0f} s "
        f"(exit {writer.returncode}); meanwhile {len(times):,} requests answered "
        f"{statuses}, median {statistics.median(times):.1f} ms, 95% under {p95:.1f} ms, "
        f"slowest {max(times):.1f} ms; the explorer then showed {after['articles']:,} articles "
        f"and {after['events']:,} events (read from {after['database']})"
    )


def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as work:
        if args.while_ingesting:
            while_ingesting(Path(work), args.articles)
            return
        db_path = Path(args.db or Path(work) / "explorer.duckdb")
        if not db_path.exists() and args.events_per_article:
            build_synthetic(db_path, args.articles, args.events_per_article)
        elif not db_path.exists():
            build(Path(work), db_path, args.articles)
        with TestClient(create_app(db_path)) as client:
            meta: dict[str, Any] = client.get("/api/meta").json()
            counts = {k: meta[k] for k in ("articles", "reports", "events")}
            print(f"database: {counts}, {len(meta['actors'])} actors")
            print(f"{'request':<20} {'median':>8} {'p95':>8} {'slowest':>8} {'largest':>10}")
            for name, urls in paths(client).items():
                times, size = measure(client, urls, args.repeat)
                p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
                print(
                    f"{name:<20} {statistics.median(times):>6.1f}ms {p95:>6.1f}ms "
                    f"{max(times):>6.1f}ms {size / 1024:>8.1f}kB"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--events-per-article", type=int, default=0)
    parser.add_argument("--while-ingesting", action="store_true")
    parser.add_argument("--db", help="the database to ask; made from the corpus if missing")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
