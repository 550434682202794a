"""`communique serve` in process: every API endpoint and page, bad parameters, and safety.

The database is the shared seed corpus plus the sample articles plus two hostile articles whose
title, outlet, URL and text carry markup that would run if any page failed to escape it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import communique
from communique import Pipeline, Settings
from communique.cli import app as cli_app
from communique.relations.periods import period_bounds
from communique.schema import SECTORS, STATUSES
from communique.serve import Explorer, create_app
from communique.serve.explorer import SEARCH_COLUMNS, date_precision, safe_url
from communique.serve.highlight import evidence_span, runs
from communique.serve.params import BadParameter, EventQuery

REPO = Path(__file__).resolve().parents[1]

# Invented articles: markup in the title, the text, the evidence, a link and the outlet.
HOSTILE_TXT = (
    "Finland and Chile <script>window.pwned = 1</script> sign polar research pact\n"
    "HELSINKI, March 4 (Nordic Ledger) - Finland and Chile signed a memorandum of "
    'understanding <img src=x onerror="window.pwned=2"> on polar research cooperation in '
    "Helsinki on Tuesday 4 March 2025.\n"
    "Finnish Foreign Minister Elina Valtonen said the agreement would bring scientists "
    'together. <a href="javascript:window.pwned=3">Read more</a>\n'
    "The two sides also agreed to hold annual consultations on climate science.\n"
)
HOSTILE_JSONL = {
    "url": "javascript:window.pwned=4",
    "title": 'Norway <b onmouseover="window.pwned=5">and</b> Portugal hold talks',
    "outlet": "<svg onload=window.pwned=6>",
    "published": "2025-05-20",
    "text": (
        "LISBON - Norwegian Foreign Minister Espen Barth Eide met Portuguese officials in "
        "Lisbon on Monday 19 May 2025 to discuss cooperation on offshore wind energy "
        '<iframe src="javascript:window.pwned=7"></iframe> and shipping. Norway and Portugal '
        "agreed to set up a joint working group on renewable energy."
    ),
}
# None of these may appear in any page: each would be live markup there.
RAW_MARKUP = [
    "<script>window.pwned",
    "<img src=x",
    'onerror="window',
    'href="javascript:',
    "<iframe",
    "<svg onload",
    "<b onmouseover",
]


KOR_VNM = {"KOR", "VNM"}


def build_explorer_db(folder: Path, settings: Settings, pipeline: Pipeline) -> Path:
    """Seeds, sample articles and the hostile articles ingested into a fresh database."""
    (folder / "hostile.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    (folder / "hostile.jsonl").write_text(json.dumps(HOSTILE_JSONL) + "\n", encoding="utf-8")
    seeds = REPO.parent / "shared" / "corpus" / "seeds"
    if not seeds.exists():
        pytest.fail(f"{seeds} is missing: the shared corpus must sit beside the repository")
    path = folder / "explorer.duckdb"
    inputs = [seeds, REPO / "sample" / "articles", folder / "hostile.txt", folder / "hostile.jsonl"]
    report = communique.ingest(
        [str(p) for p in inputs], db=path, settings=settings, pipeline=pipeline
    )
    assert not report.errors, report.errors
    return path


@pytest.fixture(scope="module")
def db_path(
    tmp_path_factory: pytest.TempPathFactory, settings: Settings, pipeline: Pipeline
) -> Path:
    return build_explorer_db(tmp_path_factory.mktemp("serve"), settings, pipeline)


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db_path)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def graph(client: TestClient) -> dict[str, Any]:
    return ok(client, "/api/graph")


@pytest.fixture(scope="module")
def busiest(graph: dict[str, Any]) -> dict[str, Any]:
    edge: dict[str, Any] = graph["edges"][0]
    return edge


@pytest.fixture(scope="module")
def hostile_ids(client: TestClient) -> list[str]:
    rows = ok(client, "/api/articles", page_size=200)["rows"]
    ids = [r["article_id"] for r in rows if "hostile" in r["source_file"]]
    assert len(ids) == 2
    return ids


def ok(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


# ---- the whole database --------------------------------------------------------------------


def test_meta_counts_the_database_and_lists_filter_values(client: TestClient) -> None:
    meta = ok(client, "/api/meta")
    assert meta["read_only"] is True and meta["fused"] is True
    assert meta["articles"] >= 20 and meta["events"] > 0 and meta["reports"] >= meta["events"]
    assert meta["statuses"] == list(STATUSES) and meta["sectors"] == list(SECTORS)
    assert {"code", "name", "events"} <= set(meta["actors"][0])


def test_openapi_describes_every_api_endpoint(client: TestClient) -> None:
    paths = set(ok(client, "/openapi.json")["paths"])
    assert paths == {
        "/api/meta",
        "/api/graph",
        "/api/countries/{code}",
        "/api/dyads/{a}/{b}",
        "/api/events",
        "/api/events/export",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/changes",
        "/api/vocabulary",
    }


def test_the_api_page_lists_the_endpoints_offline(client: TestClient) -> None:
    page = client.get("/api")
    assert page.status_code == 200
    assert "/api/events/export" in page.text and "min_confidence" in page.text
    # FastAPI's interactive docs load scripts from a CDN, so they are switched off.
    assert client.get("/docs").status_code == 404


def test_nothing_changes_data(client: TestClient) -> None:
    methods = {m for route in client.app.routes for m in getattr(route, "methods", set())}
    assert methods <= {"GET", "HEAD"}
    assert client.post("/api/events").status_code == 405
    with pytest.raises(duckdb.Error):
        client.app.state.explorer.db.con.execute("CREATE TABLE intruder (x INTEGER)")


def test_vocabulary_explains_the_codes(client: TestClient) -> None:
    vocabulary = ok(client, "/api/vocabulary")
    sign = next(k for k in vocabulary["kinds"] if k["kind"] == "SIGN_AGREEMENT")
    assert sign["plover_type"] == "SUPPORT" and sign["cameo"] == "057"


# ---- graph -----------------------------------------------------------------------------------


def test_graph_edges_join_its_nodes(graph: dict[str, Any]) -> None:
    nodes = {node["id"] for node in graph["nodes"]}
    assert len(nodes) >= 3 and graph["edges"]
    for edge in graph["edges"]:
        assert {edge["a"], edge["b"]} <= nodes and edge["a"] < edge["b"]
        assert edge["events"] >= edge["cooperative"] + edge["conflictual"]
    assert [e["events"] for e in graph["edges"]] == sorted(
        (e["events"] for e in graph["edges"]), reverse=True
    )


def test_graph_filters_match_the_event_search(client: TestClient) -> None:
    filters = {"kind": "MEET", "since": "2025"}
    graph = ok(client, "/api/graph", **filters)
    found = ok(client, "/api/events", page_size=200, **filters)
    between_two = [r for r in found["rows"] if r["source"] != r["target"]]
    assert sum(e["events"] for e in graph["edges"]) == len(between_two)


def test_graph_keeps_the_busiest_dyads(client: TestClient, graph: dict[str, Any]) -> None:
    one = ok(client, "/api/graph", limit=1)
    assert one["edges"] == graph["edges"][:1]
    assert one["total_edges"] == graph["total_edges"] == len(graph["edges"])


def test_some_edge_has_a_partnership_tier(graph: dict[str, Any]) -> None:
    assert any(edge["tier"] for edge in graph["edges"])


# ---- country and dyad ------------------------------------------------------------------------


def test_country_ranks_partners_consistently_with_the_graph(
    client: TestClient, graph: dict[str, Any]
) -> None:
    node = graph["nodes"][0]
    country = ok(client, f"/api/countries/{node['id']}")
    assert country["name"] == node["name"]
    assert sum(p["events"] for p in country["partners"]) == node["events"]
    assert [p["events"] for p in country["partners"]] == sorted(
        (p["events"] for p in country["partners"]), reverse=True
    )
    dated = sum(row["n"] for row in country["by_year_kind"])
    assert 0 < dated <= country["events"]
    assert all(row["category"] in SECTORS for row in country["by_year_sector"])


def test_country_names_the_people_who_act_for_it(client: TestClient) -> None:
    people = ok(client, "/api/countries/FIN")["people"]
    assert any(person["name"] == "Elina Valtonen" for person in people)


def test_dyad_timeline_lists_every_report_of_each_event(
    client: TestClient, busiest: dict[str, Any]
) -> None:
    dyad = ok(client, f"/api/dyads/{busiest['a']}/{busiest['b']}")
    assert dyad["events"] == busiest["events"] == len(dyad["timeline"])
    assert dyad["tier"] == busiest["tier"]
    for event in dyad["timeline"]:
        assert event["status"] in STATUSES
        assert event["date_precision"] == date_precision(event["date"])
        assert len(event["mentions"]) == event["n_mentions"] >= 1
        assert all(m["article_id"].startswith("a-") for m in event["mentions"])


def test_dyad_is_the_same_from_either_side(client: TestClient, busiest: dict[str, Any]) -> None:
    forward = ok(client, f"/api/dyads/{busiest['a']}/{busiest['b']}")
    backward = ok(client, f"/api/dyads/{busiest['b'].lower()}/{busiest['a']}")
    assert forward == backward


def test_dyad_timeline_pages(client: TestClient, busiest: dict[str, Any]) -> None:
    first = ok(client, f"/api/dyads/{busiest['a']}/{busiest['b']}", page_size=1)
    second = ok(client, f"/api/dyads/{busiest['a']}/{busiest['b']}", page_size=1, page=2)
    assert first["pages"] == busiest["events"]
    assert first["timeline"][0]["canonical_id"] != second["timeline"][0]["canonical_id"]


# ---- event search ----------------------------------------------------------------------------


def test_search_pages_in_the_database(client: TestClient) -> None:
    first = ok(client, "/api/events", page_size=5)
    second = ok(client, "/api/events", page_size=5, page=2)
    assert len(first["rows"]) == 5 and first["total"] > 10
    assert first["pages"] == -(-first["total"] // 5)
    assert not {r["id"] for r in first["rows"]} & {r["id"] for r in second["rows"]}
    beyond = ok(client, "/api/events", page_size=5, page=first["pages"] + 1)
    assert beyond["rows"] == [] and beyond["total"] == first["total"]


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"country": "kor"}, lambda r: "KOR" in (r["source"], r["target"])),
        (
            {"country": "KOR", "partner": "VNM"},
            lambda r: {r["source"], r["target"]} == {"KOR", "VNM"},
        ),
        ({"kind": "visit"}, lambda r: r["kind"] == "VISIT"),
        ({"plover_type": "CONSULT"}, lambda r: r["plover_type"] == "CONSULT"),
        ({"status": "agreed"}, lambda r: r["status"] == "agreed"),
        ({"sector": "defense_industry"}, lambda r: "defense_industry" in r["sectors"]),
        ({"since": "2025-08", "until": "2025-09"}, lambda r: r["date"] is not None),
        ({"min_confidence": 0.8}, lambda r: r["confidence"] >= 0.8),
        ({"max_confidence": 0.6}, lambda r: r["confidence"] <= 0.6),
        (
            {"q": "MEMORANDUM"},
            lambda r: "memorandum" in f"{r['evidence']} {r['instrument']}".lower(),
        ),
        ({"level": "reports"}, lambda r: r["level"] == "report" and r["n_mentions"] == 1),
    ],
)
def test_search_filters_keep_only_matching_events(
    client: TestClient, params: dict[str, Any], check: Callable[[dict[str, Any]], bool]
) -> None:
    found = ok(client, "/api/events", page_size=200, **params)
    assert found["rows"], f"no events for {params}"
    assert found["total"] == len(found["rows"])
    assert all(check(row) for row in found["rows"])
    assert all(set(row) == set(SEARCH_COLUMNS) for row in found["rows"])


def test_search_dates_reach_into_the_period(client: TestClient) -> None:
    rows = ok(client, "/api/events", since="2025-08", until="2025-09", page_size=200)["rows"]
    assert rows
    for row in rows:
        first, last = period_bounds(row["date"])
        assert first <= date(2025, 9, 30) and last >= date(2025, 8, 1)


def test_search_sorts(client: TestClient) -> None:
    rows = ok(client, "/api/events", sort="confidence", page_size=200)["rows"]
    values = [r["confidence"] for r in rows]
    assert values == sorted(values)


def test_export_streams_the_whole_selection(client: TestClient) -> None:
    selection = {"country": "KOR", "sort": "date"}
    total = ok(client, "/api/events", **selection)["total"]
    as_csv = client.get("/api/events/export", params={**selection, "format": "csv"})
    assert as_csv.status_code == 200 and as_csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in as_csv.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert len(rows) == total and list(rows[0]) == SEARCH_COLUMNS
    as_jsonl = client.get("/api/events/export", params={**selection, "format": "jsonl"})
    lines = [json.loads(line) for line in as_jsonl.text.splitlines()]
    assert [line["id"] for line in lines] == [row["id"] for row in rows]


# ---- articles --------------------------------------------------------------------------------


def test_articles_list_filters_by_words_and_flag(client: TestClient) -> None:
    poland = ok(client, "/api/articles", q="poland")
    assert poland["total"] == 2
    undated = ok(client, "/api/articles", flag="no_date", page_size=200)
    assert undated["rows"] and all("no_date" in r["flags"] for r in undated["rows"])


def test_article_evidence_spans_point_into_the_clean_text(client: TestClient) -> None:
    for row in ok(client, "/api/articles", page_size=200)["rows"]:
        article = ok(client, f"/api/articles/{row['article_id']}")
        for event in article["events"]:
            assert event["span"], f"{row['source_file']}: evidence not found"
            start, end = event["span"]
            assert article["clean_text"][start:end].strip() == event["evidence"]["text"].strip()


def test_article_shows_quality_reasons_and_duplicates(client: TestClient) -> None:
    rows = ok(client, "/api/articles", q="poland")["rows"]
    copy = next(r for r in rows if r["duplicate_of"])
    article = ok(client, f"/api/articles/{copy['article_id']}")
    assert article["original"]["article_id"] == copy["duplicate_of"]
    original = ok(client, f"/api/articles/{copy['duplicate_of']}")
    assert [d["article_id"] for d in original["duplicates"]] == [copy["article_id"]]
    for flag in original["quality"]["flags"]:
        assert original["quality"]["reasons"][flag]


# ---- bad parameters --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/events?page=0", 422),
        ("/api/events?page=abc", 422),
        ("/api/events?page_size=5000", 422),
        ("/api/events?kind=FLY", 422),
        ("/api/events?plover_type=NOPE", 422),
        ("/api/events?status=maybe", 422),
        ("/api/events?sector=space_opera", 422),
        ("/api/events?since=2025-13", 422),
        ("/api/events?until=yesterday", 422),
        ("/api/events?since=2025&until=2024", 422),
        ("/api/events?min_confidence=2", 422),
        ("/api/events?min_confidence=lots", 422),
        ("/api/events?min_confidence=0.9&max_confidence=0.1", 422),
        ("/api/events?country=Korea", 422),
        ("/api/events?partner=KOR", 422),
        ("/api/events?level=everything", 422),
        ("/api/events?sort=price", 422),
        ("/api/events?q=" + "x" * 500, 422),
        ("/api/events/export?format=xlsx", 422),
        ("/api/graph?limit=0", 422),
        ("/api/graph?since=never", 422),
        ("/api/countries/K0R", 422),
        ("/api/countries/ATA", 404),
        ("/api/dyads/KOR/KOR", 422),
        ("/api/dyads/KOR/ATA", 404),
        ("/api/dyads/KOR/VNM?page=-1", 422),
        ("/api/articles?flag=boring", 422),
        ("/api/articles/not-an-id", 422),
        ("/api/articles/a-0000000000000000", 404),
        ("/api/nothing-here", 404),
    ],
)
def test_bad_parameters_get_a_message_not_a_stack_trace(
    client: TestClient, path: str, status: int
) -> None:
    response = client.get(path)
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail and "Traceback" not in response.text


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/country/K0R", 422),
        ("/country/ATA", 404),
        ("/dyad/KOR/KOR", 422),
        ("/dyad/KOR/VNM?page=x", 422),
        ("/article/a-0000000000000000", 404),
        ("/articles?flag=boring", 422),
        ("/no/such/page", 404),
    ],
)
def test_bad_page_addresses_get_an_error_page(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert 'id="error-message"' in response.text and "Traceback" not in response.text


def test_an_unexpected_error_is_a_500_without_details(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(db_path)

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(app.state.explorer, "graph", broken)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        response = test_client.get("/api/graph")
    assert response.status_code == 500
    assert "secret internals" not in response.text and "Traceback" not in response.text


# ---- pages -----------------------------------------------------------------------------------


def test_pages_render(client: TestClient, busiest: dict[str, Any], hostile_ids: list[str]) -> None:
    for path in [
        "/",
        "/?since=2025&kind=MEET&colour=balance",
        "/search",
        "/search?country=KOR&level=reports",
        "/articles",
        "/articles?q=poland",
        f"/country/{busiest['a']}",
        f"/dyad/{busiest['a']}/{busiest['b']}",
        f"/article/{hostile_ids[0]}",
        "/api",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")


def test_dyad_page_links_each_report_to_its_evidence(
    client: TestClient, busiest: dict[str, Any]
) -> None:
    page = client.get(f"/dyad/{busiest['a']}/{busiest['b']}").text
    dyad = ok(client, f"/api/dyads/{busiest['a']}/{busiest['b']}")
    for event in dyad["timeline"]:
        for mention in event["mentions"]:
            assert f"/article/{mention['article_id']}?event={mention['event_id']}" in page


def test_article_page_marks_the_evidence_of_the_chosen_event(
    client: TestClient, hostile_ids: list[str]
) -> None:
    article = ok(client, f"/api/articles/{hostile_ids[0]}")
    event = article["events"][0]
    page = client.get(f"/article/{hostile_ids[0]}", params={"event": event["event_id"]}).text
    assert page.count('class="evidence') >= 1 and "evidence focus" in page


# ---- safety ----------------------------------------------------------------------------------


def test_no_page_carries_the_hostile_markup(client: TestClient, hostile_ids: list[str]) -> None:
    pages = [
        "/",
        "/search?q=onerror",
        "/articles",
        "/articles?q=norway",
        "/country/FIN",
        "/country/NOR",
        "/dyad/CHL/FIN",
        "/dyad/NOR/PRT",
        *(f"/article/{article_id}" for article_id in hostile_ids),
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        for markup in RAW_MARKUP:
            assert markup not in response.text, f"{path} carries {markup!r} unescaped"
    article = (
        client.get(f"/article/{hostile_ids[0]}").text
        + client.get(f"/article/{hostile_ids[1]}").text
    )
    # The words are shown, escaped, not silently dropped.
    assert "&lt;script&gt;window.pwned" in article
    assert "&lt;svg onload=window.pwned=6&gt;" in article


def test_a_javascript_url_never_becomes_a_link(client: TestClient, hostile_ids: list[str]) -> None:
    norway = next(
        ok(client, f"/api/articles/{i}")
        for i in hostile_ids
        if ok(client, f"/api/articles/{i}")["outlet"]
    )
    assert norway["url"] is None
    assert safe_url("javascript:alert(1)") is None and safe_url(" JAVASCRIPT:x") is None
    assert safe_url("https://example.org/a") == "https://example.org/a"


def test_every_answer_carries_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ["/", "/api/meta", "/static/app.css", "/api/nothing"]:
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_templates_have_no_inline_scripts_or_unsafe_sinks() -> None:
    serve = REPO / "src" / "communique" / "serve"
    for template in (serve / "templates").glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "<script>" not in text and "|safe" not in text and " on" + "click=" not in text
    for script in (serve / "static").glob("*.js"):
        text = script.read_text(encoding="utf-8")
        for sink in (".innerHTML", ".outerHTML", ".insertAdjacentHTML", "document.write", "eval("):
            assert sink not in text, f"{script.name} uses {sink}"


# ---- the parts ------------------------------------------------------------------------------


def test_runs_split_overlapping_evidence_without_nesting() -> None:
    text = "Alpha signed. Beta met Gamma."
    pieces = runs(text, [(0, 13), (6, 29), None])
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.events) for p in pieces] == [
        ("Alpha ", [0]),
        ("signed.", [0, 1]),
        (" Beta met Gamma.", [1]),
    ]


def test_evidence_span_falls_back_to_finding_the_words() -> None:
    text = "One. Two signed a pact. Three."
    assert evidence_span(text, {"text": "Two signed a pact.", "start": 5, "end": 23}) == (5, 23)
    assert evidence_span(text, {"text": "Two signed a pact.", "start": 0, "end": 3}) == (5, 23)
    assert evidence_span(text, {"text": "Nowhere", "start": 90, "end": 99}) is None


def test_event_query_names_the_bad_parameter() -> None:
    with pytest.raises(BadParameter) as caught:
        EventQuery.parse(kind="SIGN_AGREEMENT", sector="moon")
    assert caught.value.name == "sector" and "moon" in str(caught.value)
    query = EventQuery.parse(country="igo:un", kind="sign_agreement", q="  pact ")
    assert (query.country, query.kind, query.text) == ("IGO:UN", "SIGN_AGREEMENT", "pact")


def test_explorer_refuses_a_file_that_is_not_a_communique_database(tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(communique.StoreError, match="not a communique database"):
        Explorer.open(other)


# ---- the command -----------------------------------------------------------------------------


def test_serve_command_binds_to_loopback_by_default(
    monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    calls: list[tuple[Explorer, str, int]] = []
    monkeypatch.setattr(
        "communique.serve.run", lambda db, host, port: calls.append((db, host, port))
    )
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    [(explorer, host, port)] = calls
    assert (explorer.db.path, host, port) == (str(db_path), "127.0.0.1", 8000)
    explorer.close()


def test_serve_command_checks_the_database_before_saying_it_serves(tmp_path: Path) -> None:
    locked = tmp_path / "locked.duckdb"
    with communique.open_db(locked), duckdb.connect(str(locked)):  # an ingest writing to it
        result = CliRunner().invoke(cli_app, ["serve", "--db", str(locked)])
    assert result.exit_code == 2
    assert "serving" not in result.output
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {locked}: cannot open the database")


def test_serve_command_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "none.duckdb" in result.output


def test_organisations_have_pages_too(client: TestClient) -> None:
    organisations = [a["code"] for a in ok(client, "/api/meta")["actors"] if ":" in a["code"]]
    if not organisations:
        pytest.skip("the corpus names no organisation as an actor")
    code = organisations[0]
    assert ok(client, f"/api/countries/{code}")["code"] == code
    page = client.get(f"/country/{code}")
    assert page.status_code == 200 and f'data-code="{code}"' in page.text
