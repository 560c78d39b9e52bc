"""The list of `touzi` commands, in the order `touzi --help` shows them.

Each entry names a command and the function that implements it. A command module imports
its stage lazily inside the function, so listing commands costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from touzi.commands import articles, eval, ingest, mentions, region, show

COMMANDS: list[tuple[str, Callable[..., None]]] = [
    ("ingest", ingest.command),
    ("articles", articles.command),
    ("show", show.command),
    ("region", region.command),
    ("mentions", mentions.command),
    ("eval", eval.command),
]
