"""The HTML pages: Jinja2 templates (autoescaped) around the same answers the API gives."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ..schema import QUALITY_FLAGS
from ..store.watch import CHANGE_KINDS
from . import params
from .api_routes import ChangeFilters, Explore, Page, article, changes, country, dyad
from .highlight import runs

router = APIRouter(include_in_schema=False)

SORT_LABELS = {
    "-date": "newest first",
    "date": "oldest first",
    "-confidence": "most confident",
    "confidence": "least confident",
    "-sources": "most sources",
    "kind": "by kind",
}


class QueryValues(dict[str, str]):
    """The request's query parameters; one not given reads as None in a template."""

    def __missing__(self, key: str) -> None:
        return None


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    explorer = request.app.state.explorer
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request,
        name,
        {"meta": explorer.meta(), "query": QueryValues(request.query_params), **context},
        status_code=status_code,
    )
    return response


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request) -> HTMLResponse:
    return render(request, "overview.html")


@router.get("/country/{code}", response_class=HTMLResponse)
def country_page(request: Request, code: str, ex: Explore) -> HTMLResponse:
    return render(request, "country.html", country=country(code, ex))


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, a: str, b: str, ex: Explore, page: Page = 1) -> HTMLResponse:
    return render(request, "dyad.html", dyad=dyad(a, b, ex, page, 100))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request) -> HTMLResponse:
    # The results come from /api/events in the browser, so the page and a script see the same.
    return render(request, "search.html", sorts=SORT_LABELS)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(
    request: Request,
    ex: Explore,
    q: Annotated[str | None, Query()] = None,
    flag: Annotated[str | None, Query()] = None,
    page: Page = 1,
) -> HTMLResponse:
    chosen_flag = params.choice("flag", flag, QUALITY_FLAGS)
    found = ex.articles(params.text("q", q), chosen_flag, page, 50)
    return render(request, "articles.html", articles=found, flags=QUALITY_FLAGS)


@router.get("/changes", response_class=HTMLResponse)
def changes_page(
    request: Request, ex: Explore, query: ChangeFilters, page: Page = 1
) -> HTMLResponse:
    found = changes(ex, query, page, 50)
    return render(request, "changes.html", changes=found, change_kinds=CHANGE_KINDS)


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request,
    article_id: str,
    ex: Explore,
    event: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    found = article(article_id, ex)
    focus = [i for i, e in enumerate(found["events"]) if e["event_id"] == event]
    pieces = runs(found["clean_text"], [e["span"] for e in found["events"]])
    return render(request, "article.html", article=found, runs=pieces, focus=focus)


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    """The API described from its own OpenAPI schema, readable offline (no CDN docs UI)."""
    schema = request.app.openapi()
    endpoints = [
        {
            "path": path,
            "method": method.upper(),
            "description": operation.get("description") or operation.get("summary", ""),
            "parameters": [_parameter(p) for p in operation.get("parameters", [])],
        }
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]
    return render(request, "api.html", endpoints=endpoints)


def _parameter(spec: dict[str, Any]) -> dict[str, str]:
    schema = spec.get("schema", {})
    # Optional parameters are `anyOf: [{type}, {type: null}]` in FastAPI's schema.
    types = [s.get("type", "") for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    return {
        "name": spec["name"],
        "in": spec.get("in", ""),
        "type": ", ".join(t for t in types if t),
        "description": spec.get("description", ""),
    }


def error_page(request: Request, status_code: int, message: str) -> HTMLResponse:
    return render(
        request, "error.html", status_code=status_code, status=status_code, message=message
    )
