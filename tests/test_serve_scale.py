"""The explorer on 50,000 synthetic events: pages and searches answer fast and return one page.

The events are written with `Database.write_batch` and never fused, so this also covers a
database without current canonical events (each report then stands for itself).
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from communique import Database
from communique.schema import SECTORS, STATUSES, Article, Event, Evidence, Person, kinds
from communique.serve import create_app

pytestmark = pytest.mark.slow

EVENTS = 50_000
PER_ARTICLE = 50
COUNTRIES = [
    "ARG", "AUS", "BRA", "CAN", "CHN", "DEU", "EGY", "ESP", "FRA", "GBR", "IDN", "IND", "IRN",
    "ITA", "JPN", "KEN", "KOR", "MEX", "NGA", "PAK", "PHL", "POL", "RUS", "SAU", "THA", "TUR",
    "UKR", "USA", "VNM", "ZAF",
]  # fmt: skip
# A page must come back well within what a person waits for; generous for a slow CI machine.
FAST_SECONDS = 2.0


def synthetic_batch(
    rng: random.Random, first_article: int, articles: int
) -> tuple[list[Article], list[Event]]:
    batch_articles: list[Article] = []
    batch_events: list[Event] = []
    info = list(kinds().values())
    for number in range(first_article, first_article + articles):
        article_id = f"a-{number:016x}"
        published = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
        text = " ".join(f"Sentence {i} about relations." for i in range(PER_ARTICLE))
        batch_articles.append(
            Article(
                article_id=article_id,
                source_file=f"synthetic/{number}.txt",
                url=f"https://news.example/{number}",
                title=f"Synthetic report {number}",
                outlet=f"Outlet {number % 40}",
                published=published.isoformat(),
                language="en",
                clean_text=text,
                countries=[],
                people=[Person(f"Minister {number % 97}", COUNTRIES[number % 30], "Minister")],
            )
        )
        for i in range(PER_ARTICLE):
            kind = rng.choice(info)
            source, target = rng.sample(COUNTRIES, 2)
            if not kind.directed:
                source, target = sorted((source, target))
            day = published - timedelta(days=rng.randrange(30))
            start = text.index(f"Sentence {i} ")
            evidence = text[start : start + len(f"Sentence {i} about relations.")]
            batch_events.append(
                Event(
                    event_id=f"e-{number:010x}{i:06x}",
                    article_id=article_id,
                    source_file=f"synthetic/{number}.txt",
                    kind=kind.kind,
                    plover_type=kind.plover_type,
                    cameo=kind.cameo,
                    source=source,
                    target=target,
                    directed=kind.directed,
                    date=day.isoformat(),
                    date_start=day.isoformat(),
                    date_end=day.isoformat(),
                    status=rng.choice(STATUSES),
                    sectors=rng.sample(SECTORS, rng.randrange(3)),
                    evidence=Evidence(evidence, start, start + len(evidence)),
                    confidence=round(rng.random(), 2),
                )
            )
    return batch_articles, batch_events


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.duckdb"
    rng = random.Random(8)
    with Database(path) as db:
        for first in range(0, EVENTS // PER_ARTICLE, 100):
            db.write_batch(*synthetic_batch(rng, first, 100))
    return path


@pytest.fixture(scope="module")
def client(big_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(big_db)) as test_client:
        yield test_client


def timed_get(client: TestClient, path: str, **params: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    response = client.get(path, params=params)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, response.text
    return response, elapsed


def test_the_database_holds_fifty_thousand_unfused_events(client: TestClient) -> None:
    meta = client.get("/api/meta").json()
    assert meta["reports"] == meta["events"] == EVENTS and meta["fused"] is False


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"page": 900},
        {"country": "KOR", "kind": "MEET", "sort": "-confidence"},
        {"q": "sentence 7 ", "min_confidence": 0.5, "since": "2020", "until": "2022-06"},
        {"sector": "energy", "status": "occurred", "level": "reports"},
    ],
)
def test_search_answers_one_page_quickly(client: TestClient, params: dict[str, Any]) -> None:
    response, elapsed = timed_get(client, "/api/events", page_size=50, **params)
    answer = response.json()
    assert len(answer["rows"]) == min(50, max(0, answer["total"] - 50 * (answer["page"] - 1)))
    assert len(answer["rows"]) <= 50 and answer["total"] > 0
    assert elapsed < FAST_SECONDS, f"{params}: {elapsed:.2f}s"


def test_the_unfiltered_total_counts_everything_but_returns_a_page(client: TestClient) -> None:
    answer = client.get("/api/events", params={"page_size": 200, "page": 3}).json()
    assert answer["total"] == EVENTS and len(answer["rows"]) == 200


@pytest.mark.parametrize(
    "path",
    [
        "/api/graph",
        "/api/graph?since=2024&sector=trade&limit=50",
        "/api/countries/KOR",
        "/api/dyads/KOR/USA",
        "/api/articles?page=7",
        "/",
        "/search?country=KOR",
        "/country/KOR",
        "/dyad/KOR/USA",
        "/articles",
        "/article/a-0000000000000007",
    ],
)
def test_pages_and_answers_stay_fast(client: TestClient, path: str) -> None:
    response, elapsed = timed_get(client, path)
    assert elapsed < FAST_SECONDS, f"{path}: {elapsed:.2f}s"
    if path.startswith("/api/"):
        assert len(json.dumps(response.json())) < 2_000_000, "an answer should not hold everything"


def test_graph_keeps_only_the_busiest_dyads(client: TestClient) -> None:
    graph = client.get("/api/graph", params={"limit": 40}).json()
    assert len(graph["edges"]) == 40 and graph["total_edges"] == len(COUNTRIES) * 29 // 2


def test_dyad_pages_its_timeline(client: TestClient) -> None:
    dyad = client.get("/api/dyads/KOR/USA", params={"page_size": 25}).json()
    assert len(dyad["timeline"]) == 25 and dyad["events"] > 25 and dyad["pages"] > 1


def test_the_unfused_database_says_so_on_its_pages(client: TestClient) -> None:
    assert "no current canonical events" in client.get("/").text


def test_export_streams_a_large_selection(client: TestClient) -> None:
    response, elapsed = timed_get(client, "/api/events/export", format="jsonl", country="KOR")
    total = client.get("/api/events", params={"country": "KOR"}).json()["total"]
    lines = response.text.splitlines()
    assert len(lines) == total > 2000
    assert json.loads(lines[0])["id"].startswith("e-")
