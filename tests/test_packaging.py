"""The package ships what it needs: every module folder is listed, data files are included."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MAPPING = {"touzi": "touzi", "touzi.corpus": "corpus", "touzi.extract": "extract",
           "touzi.schema": "schema", "touzi.spiders": "spiders"}


def _packages_on_disk() -> set[str]:
    found = set()
    for name, folder in MAPPING.items():
        for init in (REPO / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(REPO / folder)
            found.add(".".join([name, *rel.parts]) if rel.parts else name)
    return found


def test_every_package_folder_is_listed_in_pyproject() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    assert _packages_on_disk() <= listed, sorted(_packages_on_disk() - listed)
    assert config["tool"]["setuptools"]["package-dir"] == {**MAPPING}


def test_the_installed_namespace_resolves_to_the_repository_folders() -> None:
    import touzi.corpus
    import touzi.extract
    import touzi.schema
    import touzi.spiders

    for module, folder in ((touzi.corpus, "corpus"), (touzi.extract, "extract"),
                           (touzi.schema, "schema"), (touzi.spiders, "spiders")):
        assert Path(module.__file__).parent == REPO / folder


def test_sample_articles_are_package_data() -> None:
    from touzi.runner import sample_dir

    files = sorted(p.name for p in sample_dir().iterdir())
    assert len([f for f in files if f.endswith((".txt", ".html", ".jsonl"))]) >= 10
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "articles/*" in config["tool"]["setuptools"]["package-data"]["touzi.sample"]
