"""`communique serve` in a real headless Chromium, clicked through as a person would.

The explorer runs in a thread on a free loopback port; Debian's chromium is driven through its
own chromedriver. Screenshots land in test-artifacts/. The tests skip only when chromium or
chromedriver is not installed (`bash tools/ensure_chromium.sh` installs them).
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select, WebDriverWait
from test_serve_api import build_explorer_db

from communique import Pipeline, Settings
from communique.serve import create_app
from communique.serve.headless import BackgroundServer, chromium_driver, find_chromium

if find_chromium() is None:
    pytest.skip(
        "chromium and chromedriver not found: run `bash tools/ensure_chromium.sh` "
        "(apt-get install chromium chromium-driver) to run the browser tests",
        allow_module_level=True,
    )

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
WAIT_SECONDS = 20


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, settings: Settings, pipeline: Pipeline
) -> Iterator[BackgroundServer]:
    db = build_explorer_db(tmp_path_factory.mktemp("browser"), settings, pipeline)
    with BackgroundServer(create_app(db)) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    with chromium_driver(1360, 1000) as driver:
        driver.set_page_load_timeout(WAIT_SECONDS)
        yield driver


@pytest.fixture(scope="module")
def hostile_ids(server: BackgroundServer) -> list[str]:
    rows = api(server, "/api/articles?page_size=200")["rows"]
    return [row["article_id"] for row in rows if "hostile" in row["source_file"]]


def api(server: BackgroundServer, path: str) -> Any:
    with urllib.request.urlopen(server.url + path, timeout=WAIT_SECONDS) as response:
        return json.load(response)


def open_page(browser: WebDriver, server: BackgroundServer, path: str, ready: str) -> None:
    """Load a page and wait until its script marks `ready` as drawn from the API."""
    browser.get(server.url + path)
    wait_ready(browser, ready)


def wait_ready(browser: WebDriver, selector: str) -> None:
    WebDriverWait(browser, WAIT_SECONDS).until(
        lambda d: d.find_element(By.CSS_SELECTOR, selector).get_attribute("data-ready") == "true"
    )


def shot(browser: WebDriver, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def nothing_ran(browser: WebDriver) -> None:
    """No script smuggled in through an article ran: no flag set, no dialog open."""
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    with pytest.raises(NoAlertPresentException):
        _ = browser.switch_to.alert.text


def no_script_errors(browser: WebDriver) -> None:
    errors = [
        entry["message"]
        for entry in browser.get_log("browser")
        if entry["level"] == "SEVERE" and entry.get("source") != "network"
    ]
    assert not errors, errors


def test_overview_draws_the_network(browser: WebDriver, server: BackgroundServer) -> None:
    open_page(browser, server, "/", "#graph")
    nodes = browser.find_elements(By.CSS_SELECTOR, "#graph a.node circle")
    edges = browser.find_elements(By.CSS_SELECTOR, "#graph a.edge line.visible")
    graph = api(server, "/api/graph?limit=150")
    assert len(nodes) == len(graph["nodes"]) >= 3
    assert len(edges) == len(graph["edges"]) >= 2
    assert browser.find_elements(By.CSS_SELECTOR, "#dyad-table tbody tr")
    assert "Partnership tier" in browser.find_element(By.ID, "legend").text
    no_script_errors(browser)
    shot(browser, "overview")


def test_colouring_by_balance_recolours_the_edges(
    browser: WebDriver, server: BackgroundServer
) -> None:
    open_page(browser, server, "/", "#graph")
    line = browser.find_element(By.CSS_SELECTOR, "#graph a.edge line.visible")
    Select(browser.find_element(By.ID, "colour")).select_by_value("balance")
    assert line.get_attribute("stroke").startswith("rgb(")
    assert "Cooperation and conflict" in browser.find_element(By.ID, "legend").text


def test_filters_redraw_the_network(browser: WebDriver, server: BackgroundServer) -> None:
    open_page(browser, server, "/?kind=MEET&since=2025", "#graph")
    edges = browser.find_elements(By.CSS_SELECTOR, "#graph a.edge")
    assert len(edges) == len(api(server, "/api/graph?kind=MEET&since=2025&limit=150")["edges"])


def test_edge_to_dyad_to_article_with_the_evidence_highlighted(
    browser: WebDriver, server: BackgroundServer
) -> None:
    open_page(browser, server, "/", "#graph")
    busiest = browser.find_element(By.CSS_SELECTOR, "#graph a.edge")
    dyad = busiest.get_attribute("data-dyad")
    busiest.find_element(By.CSS_SELECTOR, "line.hit").click()
    WebDriverWait(browser, WAIT_SECONDS).until(lambda d: "/dyad/" in d.current_url)
    assert browser.current_url.endswith("/dyad/" + dyad.replace("-", "/"))
    events = browser.find_elements(By.CSS_SELECTOR, "#timeline > li")
    assert events and browser.find_elements(By.CSS_SELECTOR, "#timeline .mentions li")
    shot(browser, "dyad")

    browser.find_element(By.CSS_SELECTOR, "#timeline a.mention").click()
    wait_ready(browser, "#article-text")
    focused = browser.find_element(By.CSS_SELECTOR, "mark.evidence.focus")
    assert focused.is_displayed() and focused.text.strip()
    ActionChains(browser).move_to_element(focused).perform()
    popover = browser.find_element(By.ID, "popover")
    WebDriverWait(browser, WAIT_SECONDS).until(lambda d: popover.is_displayed())
    kinds = [
        card.get_attribute("data-kind") for card in popover.find_elements(By.CSS_SELECTOR, ".event")
    ]
    assert kinds and all(kind in popover.text for kind in kinds)
    no_script_errors(browser)
    shot(browser, "article")


def test_clicking_evidence_pins_the_coded_event(
    browser: WebDriver, server: BackgroundServer
) -> None:
    articles = api(server, "/api/articles?q=poland")["rows"]
    open_page(browser, server, f"/article/{articles[0]['article_id']}", "#article-text")
    mark = browser.find_element(By.CSS_SELECTOR, "mark.evidence")
    mark.click()
    popover = browser.find_element(By.ID, "popover")
    assert popover.is_displayed()
    active = browser.find_elements(By.CSS_SELECTOR, "#events-list li.active")
    assert active, "the coded event is picked out in the list too"
    browser.find_element(By.ID, "article-title").click()
    assert not popover.is_displayed()


def test_node_to_country_with_its_chart(browser: WebDriver, server: BackgroundServer) -> None:
    open_page(browser, server, "/", "#graph")
    node = browser.find_element(By.CSS_SELECTOR, "#graph a.node")
    code = node.get_attribute("data-id")
    node.find_element(By.CSS_SELECTOR, "circle").click()
    wait_ready(browser, "#chart")
    assert browser.current_url.endswith("/country/" + code)
    assert browser.find_elements(By.CSS_SELECTOR, "#chart rect")
    assert browser.find_elements(By.CSS_SELECTOR, "#partners tbody tr")
    browser.find_element(By.CSS_SELECTOR, "button[data-by='sector']").click()
    legend = browser.find_element(By.ID, "chart-legend").text
    assert legend and "SIGN_AGREEMENT" not in legend
    shot(browser, "country")


def test_search_filters_pages_and_exports(browser: WebDriver, server: BackgroundServer) -> None:
    open_page(browser, server, "/search", "#results")
    Select(browser.find_element(By.NAME, "country")).select_by_value("KOR")
    browser.find_element(By.CSS_SELECTOR, "#search-form button[type='submit']").click()
    WebDriverWait(browser, WAIT_SECONDS).until(lambda d: "country=KOR" in d.current_url)
    wait_ready(browser, "#results")
    assert "partner=" not in browser.current_url, "empty fields stay out of the address"
    rows = browser.find_elements(By.CSS_SELECTOR, "#results tbody tr")
    assert rows and all("KOR" in row.text for row in rows)
    export = browser.find_element(By.ID, "export-csv").get_attribute("href")
    assert "country=KOR" in export and "format=csv" in export
    shot(browser, "search")

    open_page(browser, server, "/search?page_size=5", "#results")
    browser.find_element(By.LINK_TEXT, "next ›").click()
    WebDriverWait(browser, WAIT_SECONDS).until(lambda d: "page=2" in d.current_url)
    wait_ready(browser, "#results")
    assert "page 2 of" in browser.find_element(By.ID, "result-summary").text
    assert len(browser.find_elements(By.CSS_SELECTOR, "#results tbody tr")) == 5


def test_a_bad_filter_shows_its_message(browser: WebDriver, server: BackgroundServer) -> None:
    browser.get(server.url + "/search?since=2025-13")
    summary = browser.find_element(By.ID, "result-summary")
    WebDriverWait(browser, WAIT_SECONDS).until(lambda d: "since" in summary.text)
    assert "not an ISO 8601 date" in summary.text


def test_hostile_articles_run_nothing(
    browser: WebDriver, server: BackgroundServer, hostile_ids: list[str]
) -> None:
    assert len(hostile_ids) == 2
    titles = []
    for article_id in hostile_ids:
        open_page(browser, server, f"/article/{article_id}", "#article-text")
        titles.append(browser.find_element(By.ID, "article-title").text)
        for mark in browser.find_elements(By.CSS_SELECTOR, "mark.evidence"):
            ActionChains(browser).move_to_element(mark).click().send_keys(Keys.ESCAPE).perform()
        nothing_ran(browser)
    shown = " ".join(titles)
    assert "<b onmouseover=" in shown and "<script>" in shown, "the markup is shown as text"
    shot(browser, "hostile-article")
    open_page(browser, server, "/search?q=onerror", "#results")
    cell = browser.find_element(By.CSS_SELECTOR, "#results td.evidence")
    assert '<img src=x onerror="window.pwned=2">' in cell.text, "the markup is shown as text"
    assert not browser.find_elements(By.CSS_SELECTOR, "#results img, #results iframe")
    nothing_ran(browser)
    for path, ready in [("/search?q=iframe&level=reports", "#results"), ("/", "#graph")]:
        open_page(browser, server, path, ready)
        nothing_ran(browser)
    for path in ["/dyad/CHL/FIN", "/dyad/NOR/PRT", "/articles?q=norway", "/country/NOR"]:
        browser.get(server.url + path)
        assert not browser.find_elements(By.CSS_SELECTOR, "main script, main img, main iframe")
        nothing_ran(browser)
