"""Shared fixtures: the shared corpus, one pipeline per session, and tiny hand-written articles.

Loading the spaCy model takes seconds, so the pipeline is built once and the seed and sample
corpora are ingested once per session.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import communique
from communique import Database, IngestReport, Pipeline, Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"


def shared_path(*parts: str) -> Path:
    """A path in the shared folder beside the repository; a clear failure when it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(
            f"{path} is missing: the shared corpus and gold files must sit in {SHARED} "
            "(the folder next to the repository)",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def shared() -> Callable[..., Path]:
    """`shared("spec", "EXPORT.md")`: a path in the shared folder, failing clearly if missing."""
    return shared_path


# Two tiny invented articles (not real news): one saved text with a leading date marker and a
# dateline naming the outlet, one HTML page with navigation and a footer.
TINY_TXT = (
    " date 2025-03-04\n"
    "Finland and Chile Sign Polar Research Pact\n"
    "HELSINKI, March 4 (Nordic Ledger) - Finland and Chile signed a memorandum of understanding "
    "on polar research cooperation in Helsinki on Tuesday.\n"
    "Finnish Foreign Minister Elina Valtonen said the agreement would bring scientists from both "
    "countries together on Antarctic projects.\n"
    "The two sides also agreed to hold annual consultations on climate science.\n"
)

TINY_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Norway and Portugal hold talks on offshore wind - Atlantic Courier</title>
<meta property="og:site_name" content="Atlantic Courier">
<meta property="article:published_time" content="2025-05-20T09:00:00+00:00">
</head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Norway and Portugal hold talks on offshore wind</h1>
<p>LISBON - Norwegian Foreign Minister Espen Barth Eide met Portuguese officials in Lisbon on
Monday to discuss cooperation on offshore wind energy and shipping.</p>
<p>Norway and Portugal agreed to set up a joint working group on renewable energy, the two
governments said in a statement after the meeting.</p>
<p>Portugal also invited Norwegian companies to invest in its ports, officials said.</p>
</article>
<footer><p>Copyright 2025 Atlantic Courier. All rights reserved.</p></footer>
</body>
</html>
"""

TINY_TXT_NAME = "finland_chile.txt"
TINY_HTML_NAME = "norway_portugal.html"

# What a reader finds in the two tiny articles, in the gold format of EXPORT.md.
TINY_GOLD = [
    {
        "source_file": TINY_TXT_NAME,
        "published": "2025-03-04",
        "countries": ["CHL", "FIN"],
        "people": [{"name": "Elina Valtonen", "country": "FIN"}],
        "must_keep": ["polar research cooperation"],
        "must_remove": [" date 2025-03-04"],
        "events": [
            {
                "kind": "SIGN_AGREEMENT",
                "source": "CHL",
                "target": "FIN",
                "date": "2025-03-04",
                "status": "occurred",
                "sectors": ["science"],
            }
        ],
    },
    {
        "source_file": TINY_HTML_NAME,
        "published": "2025-05-20",
        "countries": ["NOR", "PRT"],
        "people": [{"name": "Espen Barth Eide", "country": "NOR"}],
        "must_remove": ["All rights reserved"],
        "events": [
            {
                "kind": "MEET",
                "source": "NOR",
                "target": "PRT",
                "date": "2025-05-19",
                "status": "occurred",
                "sectors": ["diplomacy", "energy", "transport"],
            }
        ],
    },
]


@pytest.fixture(scope="session")
def tiny_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the two tiny articles (read only: tests must not add files to it)."""
    folder = tmp_path_factory.mktemp("tiny") / "articles"
    folder.mkdir()
    (folder / TINY_TXT_NAME).write_text(TINY_TXT, encoding="utf-8")
    (folder / TINY_HTML_NAME).write_text(TINY_HTML, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def tiny_gold(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tiny-gold") / "gold.jsonl"
    lines = [json.dumps(article, ensure_ascii=False) for article in TINY_GOLD]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def export_shapes(shared: Callable[..., Path]) -> dict[str, dict[str, Any]]:
    """The example event and article of EXPORT.md, parsed: the contract's field names."""
    text = shared("spec", "EXPORT.md").read_text(encoding="utf-8")
    shapes = {}
    for what, heading in (
        ("events", "## One event per line"),
        ("articles", "## One article per line"),
    ):
        section = text[text.index(heading) :].split("\n", 1)[1]
        block = section[: section.index("\n- ")]
        shapes[what] = json.loads(" ".join(line.strip() for line in block.splitlines()))
    return shapes


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.load()


@pytest.fixture(scope="session")
def pipeline(settings: Settings) -> Pipeline:
    """One pipeline (spaCy model and knowledge loaded once) for every test that ingests."""
    return Pipeline(settings)


@dataclass
class Ingested:
    """A corpus ingested into its own database, with the gold file that annotates it."""

    db: Database
    report: IngestReport
    corpus: Path
    gold: Path


def _ingest_corpus(
    folder: Path, gold: Path, db_path: Path, settings: Settings, pipeline: Pipeline
) -> Iterator[Ingested]:
    with communique.open_db(db_path, settings) as db:
        report = communique.ingest([str(folder)], db=db, settings=settings, pipeline=pipeline)
        yield Ingested(db, report, folder, gold)


@pytest.fixture(scope="session")
def seeds(
    tmp_path_factory: pytest.TempPathFactory, settings: Settings, pipeline: Pipeline
) -> Iterator[Ingested]:
    """The shared seed corpus, ingested once."""
    folder = shared_path("corpus", "seeds")
    gold = shared_path("eval", "gold_seeds.jsonl")
    db_path = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    yield from _ingest_corpus(folder, gold, db_path, settings, pipeline)


@pytest.fixture(scope="session")
def sample(
    tmp_path_factory: pytest.TempPathFactory, settings: Settings, pipeline: Pipeline
) -> Iterator[Ingested]:
    """The repository's sample corpus, ingested once."""
    folder = REPO / "sample" / "articles"
    gold = REPO / "sample" / "gold.jsonl"
    db_path = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    yield from _ingest_corpus(folder, gold, db_path, settings, pipeline)


@pytest.fixture(scope="session")
def tiny(
    tmp_path_factory: pytest.TempPathFactory,
    tiny_folder: Path,
    tiny_gold: Path,
    settings: Settings,
    pipeline: Pipeline,
) -> Iterator[Ingested]:
    """The two tiny articles, ingested once through the library."""
    db_path = tmp_path_factory.mktemp("tiny-db") / "tiny.duckdb"
    yield from _ingest_corpus(tiny_folder, tiny_gold, db_path, settings, pipeline)


def below(metrics: dict[str, float | None], floors: dict[str, float]) -> dict[str, object]:
    """The metrics under their floors (a missing metric is under any floor)."""
    return {
        name: metrics[name]
        for name, floor in floors.items()
        if metrics[name] is None or metrics[name] < floor
    }


def native_events(
    coder: Any, text: str, language: str, published: Any
) -> list[tuple[str, str, str, str, str | None]]:
    """(kind, source, target, status, date) of each event a native coder finds in `text`,
    given a title line of its own."""
    article = coder.code(f"Tin\n\n{text}\n", language, published, "a-test", "test.txt")
    assert article is not None
    return [(e.kind, e.source, e.target, e.status, e.date) for e in article.events]


def language_report(language: str, folder: Path) -> dict[str, float | None]:
    """multilingual_dev's metrics for one language: its articles ingested, its gold lines
    scored (the floor tests of tests/test_multilingual_<language>.py)."""
    gold = folder / f"gold_{language}.jsonl"
    lines = shared_path("eval", "multilingual_dev", "gold_dev.jsonl").read_text("utf-8")
    kept = [line for line in lines.splitlines() if json.loads(line)["language"] == language]
    gold.write_text("\n".join(kept) + "\n", encoding="utf-8")
    articles = shared_path("eval", "multilingual_dev", "articles")
    db = folder / f"{language}.duckdb"
    communique.ingest([str(p) for p in sorted(articles.glob(f"{language}*.txt"))], db=db)
    with communique.open_db(db) as handle:
        report = communique.evaluate(gold, handle)
    print(f"\n{language}:\n" + communique.format_report(report, details=False))
    return dict(report.metrics)
