"""Shared fixtures: the shared corpus, one pipeline per session, and tiny hand-written articles.

Loading the spaCy model takes seconds, so the pipeline is built once and the seed and sample
corpora are ingested once per session.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

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


@pytest.fixture
def tiny_folder(tmp_path: Path) -> Path:
    """A folder holding the two tiny articles."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / TINY_TXT_NAME).write_text(TINY_TXT, encoding="utf-8")
    (folder / TINY_HTML_NAME).write_text(TINY_HTML, encoding="utf-8")
    return folder


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
