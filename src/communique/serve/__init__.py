"""See it: `communique serve` explores a database in a browser.

A FastAPI application with pages for the network, countries, dyads, event search and articles
(with each event's evidence highlighted), and the JSON API under /api that the pages use.
Needs the `serve` extra: `pip install 'communique[serve]'`.

Example:
    from communique.serve import run
    run("news.duckdb", port=8000)
"""

from .app import create_app, run
from .explorer import Explorer

__all__ = ["Explorer", "create_app", "run"]
