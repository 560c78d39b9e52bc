"""The list of `touzi` commands, in the order `touzi --help` shows them.

Each entry names a command and the function that implements it. A command module imports
its stage lazily inside the function, so listing commands costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from touzi.commands import (
    articles,
    compare,
    crawl,
    demo,
    eval,
    explain,
    export,
    extract,
    ingest,
    mentions,
    projects,
    region,
    run,
    serve,
    show,
    sites,
)

COMMANDS: list[tuple[str, Callable[..., None]]] = [
    ("ingest", ingest.command),
    ("crawl", crawl.command),
    ("sites", sites.command),
    ("articles", articles.command),
    ("show", show.command),
    ("run", run.command),
    ("projects", projects.command),
    ("export", export.command),
    ("compare", compare.command),
    ("explain", explain.command),
    ("demo", demo.command),
    ("serve", serve.command),
    ("region", region.command),
    ("mentions", mentions.command),
    ("extract", extract.command),
    ("eval", eval.command),
]
