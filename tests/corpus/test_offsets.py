"""Clean-text offsets carried back to the source text (touzi.corpus.offsets)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from touzi.corpus.clean import clean
from touzi.corpus.model import RawArticle
from touzi.corpus.normalize import width
from touzi.corpus.offsets import OffsetMap, map_evidence

# Made-up page: a navigation line, a header line, a full-width traditional paragraph, an
# editor's line. Cleaning keeps only the paragraph, half-width and simplified.
SOURCE = ("首页 > 本地新闻\r\n2021年03月02日 09:15  来源：南江日报\r\n\r\n"
          "　　今年１－２月，全縣完成固定資產投資１２億元，同比增長８．５％。\r\n"
          "　　總投資５億元的電池項目開工。\r\n责任编辑：李四\r\n")
CLEAN = clean(RawArticle(origin="page.txt", raw=SOURCE.encode("utf-8"), kind="text")).text


def test_the_page_cleans_as_assumed() -> None:
    assert CLEAN == "今年1-2月,全县完成固定资产投资12亿元,同比增长8.5%。\n总投资5亿元的电池项目开工。"


def test_figures_land_on_their_source_characters() -> None:
    mapping = OffsetMap(SOURCE, CLEAN)
    for figure, written in (("12亿元", "１２億元"), ("8.5%", "８．５％"), ("5亿元", "５億元"),
                            ("电池项目", "電池項目")):
        start = CLEAN.index(figure)
        span = mapping.span(start, start + len(figure))
        assert span is not None and SOURCE[span[0]:span[1]] == written


def test_a_span_across_lines_covers_both() -> None:
    mapping = OffsetMap(SOURCE, CLEAN)
    start, end = CLEAN.index("8.5%"), CLEAN.index("开工") + 2
    s, e = mapping.span(start, end)
    assert SOURCE[s:s + 4] == "８．５％" and SOURCE[e - 2:e] == "開工"


def test_records_rewritten_in_place_and_unfound_spans_counted() -> None:
    start = CLEAN.index("5亿元")
    records = [{"kind": "project", "evidence": [{"start": start, "end": start + 3}]},
               {"kind": "claim", "evidence": [{"start": 0, "end": 2}, "junk"]}]
    assert map_evidence(records, SOURCE, CLEAN) == 0
    ev = records[0]["evidence"][0]
    assert SOURCE[ev["start"]:ev["end"]] == "５億元"
    assert SOURCE[records[1]["evidence"][0]["start"]:][:2] == "今年"
    # Text that is nowhere in the source keeps its offsets and is counted.
    lost = [{"evidence": [{"start": 0, "end": 4}]}]
    assert map_evidence(lost, "完全无关的文字", "另一篇文章") == 1
    assert lost[0]["evidence"][0] == {"start": 0, "end": 4}


def test_identical_texts_are_left_alone() -> None:
    records = [{"evidence": [{"start": 3, "end": 5}]}]
    assert map_evidence(records, CLEAN, CLEAN) == 0 and records[0]["evidence"][0]["start"] == 3


_LINE = st.text(alphabet=st.sampled_from("项目投资亿元万吨年产开工１２３ABＣ，。"), min_size=1, max_size=30)


@given(st.lists(st.tuples(_LINE, st.booleans()), min_size=1, max_size=12))
def test_kept_lines_map_character_for_character(lines: list[tuple[str, bool]]) -> None:
    """Dropping lines (furniture) and folding width never moves a kept character."""
    source = "\n".join(line for line, _ in lines)
    kept = [width(line).strip() for line, keep in lines if keep]
    kept = [k for k in kept if k]
    clean = "\n".join(kept)
    mapping = OffsetMap(source, clean)
    for i, ch in enumerate(clean):
        if ch.isspace():
            continue
        j = mapping.position(i)
        if j is not None:
            assert width(source[j]) == ch
