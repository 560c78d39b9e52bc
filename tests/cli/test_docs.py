"""Every command and option a user can type is documented (in the README and in --help)."""

from __future__ import annotations

import re
from pathlib import Path

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_setup_commands() -> None:
    head = README[:2500]
    assert "pip install -e . && .venv/bin/touzi demo" in head
    assert "pip install -e '.[test]' && .venv/bin/pytest" in head
    ci = (Path(__file__).resolve().parents[2] / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/pytest" in ci


def test_every_command_is_in_the_readme_table() -> None:
    from touzi.commands.registry import COMMANDS

    documented = set(re.findall(r"^\| `touzi ([a-z-]+)", README, flags=re.M))
    missing = [name for name, _ in COMMANDS if name not in documented]
    assert not missing, f"commands missing from the README's table: {missing}"


def test_every_command_has_help(cli) -> None:
    from touzi.commands.registry import COMMANDS

    for name, func in COMMANDS:
        assert func.__doc__, f"touzi {name} has no docstring"
        result = cli([name, "--help"])
        assert result.exit_code == 0
        assert "Usage" in result.stdout


def test_every_option_is_in_the_readme(cli) -> None:
    from touzi.commands.registry import COMMANDS

    undocumented = []
    for name, _ in COMMANDS:
        text = cli([name, "--help"]).stdout
        for option in set(re.findall(r"(--[a-z][a-z-]+)", text)):
            if option in ("--help", "--db"):
                continue
            if option not in README:
                undocumented.append(f"touzi {name} {option}")
    assert not undocumented, undocumented
