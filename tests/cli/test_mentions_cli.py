"""`touzi mentions`: JSON lines (the debugging and checking interface) and a table."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from touzi.cli import build
from touzi.extract.mention_type import FIELDS

runner = CliRunner()


def _json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_text_argument_prints_one_object_per_mention() -> None:
    result = runner.invoke(
        build(), ["mentions", "2018年2月，总投资326亿元的项目，年产15万辆乘用车", "--pub-date",
                  "2020-04-05"],
    )
    assert result.exit_code == 0, result.output
    rows = _json_lines(result.stdout)
    assert [r["kind"] for r in rows] == ["date", "money", "capacity"]
    assert all(tuple(r) == FIELDS for r in rows)
    assert rows[0]["date"] == "2018-02" and rows[0]["precision"] == "month"
    assert rows[1]["amount_cny"] == 32600000000 and rows[1]["role"] == "total"
    assert rows[2]["value"] == 150000 and rows[2]["product"] == "乘用车"
    assert rows[2]["per"] == "year"


def test_dash_reads_stdin_and_pub_date_resolves_relative_dates() -> None:
    result = runner.invoke(build(), ["mentions", "-", "--pub-date", "2015-08-11"],
                           input="1至7月,今年5月28日")
    assert result.exit_code == 0, result.output
    rows = _json_lines(result.stdout)
    assert [(r["date"], r["date_end"], r["year_inferred"]) for r in rows] == [
        ("2015-01", "2015-07", True), ("2015-05-28", None, True)]


def test_no_argument_reads_stdin() -> None:
    result = runner.invoke(build(), ["mentions"], input="税收3000万、增幅50%")
    assert result.exit_code == 0, result.output
    assert [(r["kind"], r["value"]) for r in _json_lines(result.stdout)] == [
        ("money", 30000000), ("growth", 50)]


def test_offsets_point_into_the_input() -> None:
    text = "查阅全文加微信3231169，实现产值 7亿元"
    result = runner.invoke(build(), ["mentions", text])
    (row,) = _json_lines(result.stdout)
    assert text[row["start"]:row["end"]] == row["text"] == "7亿元"


def test_table_format() -> None:
    result = runner.invoke(build(), ["mentions", "完成全年目标的58.2%", "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "attainment" in result.stdout and "58.2" in result.stdout
    assert "1 mentions" in result.stdout


def test_bad_options_fail_cleanly() -> None:
    result = runner.invoke(build(), ["mentions", "x", "--pub-date", "yesterday"])
    assert result.exit_code != 0
    result = runner.invoke(build(), ["mentions", "x", "--format", "xml"])
    assert result.exit_code != 0


def test_console_script_on_a_seed_article(corpus_dir: Path) -> None:
    """The installed command, as a user runs it, on a real article piped in."""
    exe = Path(sys.executable).parent / "touzi"
    text = (corpus_dir / "seeds" / "002_b18fd097ccaf0094.txt").read_text(encoding="utf-8")
    proc = subprocess.run([str(exe), "mentions", "--pub-date", "2015-08-11"], input=text,
                          capture_output=True, text=True, timeout=60, check=True)
    rows = _json_lines(proc.stdout)
    by_text = {r["text"]: r for r in rows}
    assert by_text["13955万美元"]["value"] == 139550000
    assert by_text["13955万美元"]["currency"] == "USD"
    assert by_text["4.85亿元人民币"]["role"] == "land_price"
    assert by_text["1至7月"]["date_end"] == "2015-07"
    assert by_text["66.7%"]["kind"] == "rate"
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]
