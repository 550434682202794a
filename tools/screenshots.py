"""Screenshots of the explorer for the README: docs/overview.png and docs/article.png.

Usage: .venv/bin/python tools/screenshots.py [--db DB] [--out docs]

Without --db it ingests sample/articles and ../shared/corpus/seeds into a temporary database.
Needs the `serve` extra and Debian's chromium and chromium-driver.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import communique
from communique.serve import Explorer, create_app
from communique.serve.headless import BackgroundServer, chromium_driver

REPO = Path(__file__).resolve().parents[1]
CORPORA = [REPO / "sample" / "articles", REPO.parent / "shared" / "corpus" / "seeds"]


def build_database(folder: Path) -> Path:
    path = folder / "explorer.duckdb"
    # Paths as a person would type them, so the article page shows `sample/articles/...`.
    communique.ingest([os.path.relpath(c) for c in CORPORA if c.exists()], db=path)
    return path


def busiest_article(explorer: Explorer) -> str:
    """The titled article with the most coded events: the one that shows the most highlights."""
    rows = explorer.articles(page_size=200)["rows"]
    return max(rows, key=lambda row: (bool(row["title"]), row["events"], row["article_id"]))[
        "article_id"
    ]


def wait_ready(driver: object, selector: str) -> None:
    WebDriverWait(driver, 20).until(
        lambda d: d.find_element(By.CSS_SELECTOR, selector).get_attribute("data-ready") == "true"
    )


def take(db: Path, out: Path) -> None:
    explorer = Explorer.open(db)
    article_id = busiest_article(explorer)
    try:
        # Tall enough for the whole graph and the start of the table below it.
        with (
            chromium_driver(1360, 1180) as driver,
            BackgroundServer(create_app(explorer)) as server,
        ):
            driver.get(server.url + "/")
            wait_ready(driver, "#graph")
            driver.save_screenshot(str(out / "overview.png"))
            driver.set_window_size(1360, 1020)
            driver.get(f"{server.url}/article/{article_id}")
            wait_ready(driver, "#article-text")
            mark = driver.find_element(By.CSS_SELECTOR, "mark.evidence")
            ActionChains(driver).move_to_element(mark).perform()
            driver.save_screenshot(str(out / "article.png"))
    finally:
        explorer.close()
    print(f"wrote {out / 'overview.png'} and {out / 'article.png'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="A communique database (default: build one).")
    parser.add_argument("--out", type=Path, default=REPO / "docs", help="Output folder.")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.db:
        take(args.db, args.out)
        return
    with tempfile.TemporaryDirectory() as folder:
        take(build_database(Path(folder)), args.out)


if __name__ == "__main__":
    main()
