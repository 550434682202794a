"""The explorer's web application: pages, the JSON API, static files and the safety rules.

Safety, because article text is untrusted: templates autoescape, the scripts build the DOM with
`textContent`, and a Content-Security-Policy allows only the package's own scripts and styles,
so markup smuggled into an article cannot run even if something slipped through. The database
is opened read-only and no endpoint writes.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import RequestResponseEndpoint

from ..errors import CommuniqueError
from ..store.snapshot import Following
from . import api_routes, pages
from .explorer import Explorer, actor_name, date_precision, open_explorer
from .params import BadParameter

HERE = Path(__file__).parent
log = logging.getLogger("communique.serve")

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(db: str | Path | Explorer | Following[Explorer]) -> FastAPI:
    """The explorer of one database (a path, opened read-only, or an open Explorer), or of
    the snapshot another process writes it to (see `open_explorer`), each new copy read as
    it appears.

    Example: `uvicorn.run(create_app("news.duckdb"), host="127.0.0.1", port=8000)`
    """
    source = open_explorer(db) if isinstance(db, str | Path) else db
    explorer = source.current() if isinstance(source, Following) else source

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        source.close()

    app = FastAPI(
        title="communique explorer",
        summary="Relations between countries, coded from the news, with the evidence.",
        version="1",
        # The interactive docs load their scripts from a CDN; /api describes the API offline.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.explorer = explorer
    app.state.templates = _templates(explorer)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api_routes.router)
    app.include_router(pages.router)
    _add_error_handlers(app)
    app.middleware("http")(_security_headers)
    if isinstance(source, Following):
        following = source

        async def newest_copy(request: Request, call_next: RequestResponseEndpoint) -> Response:
            request.app.state.explorer = following.current()
            return await call_next(request)

        app.middleware("http")(newest_copy)
    return app


def _templates(explorer: Explorer) -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals |= {
        "actor_name": actor_name,
        "date_precision": date_precision,
        "with_query": with_query,
        "db_name": Path(explorer.path).name,
    }
    env.filters |= {"label": label, "number": number, "percent": percent}
    return Jinja2Templates(env=env)


def with_query(query: dict[str, str], **changes: Any) -> str:
    """The current query string with some parameters changed (None drops one)."""
    merged = {**query, **{k: v for k, v in changes.items()}}
    kept = {k: v for k, v in merged.items() if v not in (None, "")}
    return "?" + urlencode(kept) if kept else "?"


def label(code: str | None) -> str:
    """`comprehensive_strategic_partnership` -> `comprehensive strategic partnership`."""
    return (code or "").replace("_", " ")


def number(value: int | float | None) -> str:
    return "" if value is None else f"{value:,}"


def percent(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


async def _security_headers(request: Request, call_next: RequestResponseEndpoint) -> Response:
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _answer(request: Request, status_code: int, message: str, **extra: Any) -> Response:
    """An error as JSON for the API, as a page for a person; never a stack trace."""
    if _wants_json(request):
        return JSONResponse({"detail": message, **extra}, status_code=status_code)
    return pages.error_page(request, status_code, message)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, error: BadParameter) -> Response:
        return _answer(request, 422, str(error), parameter=error.name)

    @app.exception_handler(CommuniqueError)
    async def communique_error(request: Request, error: CommuniqueError) -> Response:
        return _answer(request, 400, str(error))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        return _answer(request, 422, _validation_message(error))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        return _answer(request, error.status_code, str(error.detail))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("error answering %s", request.url.path)
        return _answer(request, 500, "internal error: the server log has the details")


def _validation_message(error: RequestValidationError) -> str:
    """`page: Input should be a valid integer` for each parameter FastAPI refused."""
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where or 'request'}: {item.get('msg', 'invalid')}")
    return "; ".join(parts)


def run(
    db: str | Path | Explorer | Following[Explorer], host: str = "127.0.0.1", port: int = 8000
) -> None:
    """Serve the explorer of `db` (a path or an open Explorer) until interrupted; binds to
    the loopback address unless told.

    Example: `communique.serve.run("news.duckdb", port=8080)`
    """
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
