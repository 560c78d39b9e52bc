"""The three real seed articles: header, title, outlet, body kept whole, furniture gone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from touzi.corpus.clean import clean
from touzi.corpus.readers import read_paths

SEEDS = {
    # file stem: (title start, pub_date, outlet, site)
    "000_70a04c5ec55497ca": ("“双进双产”稳增长", "2020-04-05T22:15+08:00", "新华社", "新华报业网"),
    "002_b18fd097ccaf0094": ("桐乡重点工作、重大项目", "2015-08-11T07:51+08:00",
                             "嘉兴日报-桐乡新闻", None),
    # A speech reposted without a date: nothing is invented.
    "004_1bfe85adb412da90": ("费学梅:湖州市第一次乡镇", None, None, None),
}
FURNITURE = ["责编", "版权声明", "免责声明", ".jpg", ".png", "相关网站", "官方微信", "相关稿件",
             "所属专题", "扫码", "客服微信", "上一篇", "下一篇", "如若转载", "试读结束"]
_PROSE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def seeds(corpus_dir: Path) -> dict:
    return {Path(a.origin).stem: a for a in map(clean, read_paths([corpus_dir / "seeds"]))}


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_header_read_as_a_reader_sees_it(seeds: dict, stem: str) -> None:
    title, pub, source, site = SEEDS[stem]
    article = seeds[stem]
    assert article.error is None
    assert article.title.startswith(title)
    assert article.pub_date == pub
    assert article.source == source
    assert article.site == site
    assert article.text.startswith(article.title)


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_no_paragraph_of_the_body_is_lost(seeds: dict, corpus_dir: Path, stem: str) -> None:
    raw = (corpus_dir / "seeds" / f"{stem}.txt").read_text(encoding="utf-8")
    text = seeds[stem].text
    paragraphs = [
        line.strip() for line in raw.splitlines()
        if len(_PROSE.findall(line)) >= 30 and line.strip().endswith(("。", "!", "”", "?"))
        and not re.match(r"\s*(①|②|版权|免责|本文内容由)", line)
    ]
    assert paragraphs, "the seed should have prose paragraphs"
    for para in paragraphs:
        assert para.replace("\u3000", " ") in text


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_furniture_removed(seeds: dict, stem: str) -> None:
    text = seeds[stem].text
    for marker in FURNITURE:
        assert marker not in text, f"{marker!r} left in {stem}"


def test_paywall_cut_is_noted(seeds: dict) -> None:
    assert "article is cut short (excerpt or paywall)" in seeds["004_1bfe85adb412da90"].warnings
    assert not seeds["000_70a04c5ec55497ca"].warnings


def test_header_forms_from_the_issue() -> None:
    from touzi.corpus.header import read_header

    cases = {
        "2020/04/05 22:15  新华社": ("2020-04-05T22:15+08:00", "新华社"),
        "2015年08月11日 07:51来源: 嘉兴日报 作者:": ("2015-08-11T07:51+08:00", "嘉兴日报"),
        "2020年05月15日 08:52:33   来源:椒江新闻网": ("2020-05-15T08:52:33+08:00", "椒江新闻网"),
        "发布时间:2021-03-02 来源:长兴县人民政府 浏览次数:": ("2021-03-02", "长兴县人民政府"),
    }
    for line, (pub, source) in cases.items():
        head = read_header(["某县召开项目推进会", line, "正文第一段。"])
        assert head.pub is not None and head.pub.iso == pub, line
        assert head.source == source, line
        assert head.title == "某县召开项目推进会"
        assert head.drop == (1,)
