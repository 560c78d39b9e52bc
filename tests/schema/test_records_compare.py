"""Storing records and comparing claims: replacement per article, clusters, the conflict rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from touzi.corpus.model import RawArticle
from touzi.runner import Ingestor
from touzi.schema import records
from touzi.schema.compare import claims_table, side_by_side
from touzi.schema.query import ProjectFilter, projects

CHANGXING = {"province": "浙江省", "city": "湖州市", "county": "长兴县", "town": None, "zone": None,
             "adcode": "330522"}
DEQING = {"province": "浙江省", "city": "湖州市", "county": "德清县", "town": None, "zone": None,
          "adcode": "330521"}


def _article(ingestor: Ingestor, text: str, name: str) -> int:
    result = ingestor.add(RawArticle(name, text.encode("utf-8"), "text", pub_date="2023-07-20"))
    return result.article_id


def _claim(region: dict, indicator: str, value: float | None, growth: float | None,
           period: str = "2023-H1", **extra) -> dict:
    return {"kind": "claim", "region": region, "indicator": indicator, "period": period,
            "value": value, "unit": "CNY" if value is not None else None, "growth_pct": growth,
            "evidence": [{"start": 0, "end": 10}], "confidence": 0.9, **extra}


def _project(name: str, total: float | None, region: dict = CHANGXING, company: str | None = None) -> dict:
    investment = [{"type": "total", "amount": total, "amount_cny": total, "unit": "亿",
                   "currency": "CNY", "qualifier": None, "text": "总投资"}] if total else []
    return {"kind": "project", "name": name, "company": company, "region": region,
            "investment": investment, "capacity": [], "output_value": [], "land": [],
            "events": [{"type": "signed", "date": "2023-06", "precision": "month", "text": "签约"}],
            "evidence": [{"start": 0, "end": 5}], "confidence": 0.8}


@pytest.fixture()
def db(tmp_path: Path):
    with Ingestor(tmp_path / "t.db") as ingestor:
        yield ingestor


def _texts(n: int) -> list[str]:
    # Distinct articles (their fingerprints must not collide) written for these tests.
    topics = ["新材料", "光伏组件", "智能装备", "生物医药", "物流园区", "数据中心"]
    return [f"样例{i}\n" + "".join(f"第{k}段:{topics[i]}项目推进情况良好,{topics[(i + k) % 6]}产业集聚。\n"
                                   for k in range(12)) for i in range(n)]


def test_records_replace_per_article_and_cluster_across_articles(db: Ingestor) -> None:
    a, b = (_article(db, t, f"a{i}.txt") for i, t in enumerate(_texts(2)))
    records.save(db.db, a, [_project("澄禾新材料产业园项目", 2.5e9)], extractor="x/1",
                 cluster_keys=["澄禾新材料产业园|330522"])
    records.save(db.db, b, [_project("澄禾新材料产业园项目一期", None)], extractor="x/1",
                 cluster_keys=["澄禾新材料产业园|330522"])
    cluster = db.db.execute("SELECT name, mentions FROM project_clusters").fetchall()
    assert cluster == [("澄禾新材料产业园项目一期", 2)]
    # Extracting article a again replaces its records; nothing doubles.
    records.save(db.db, a, [_project("澄禾新材料产业园项目", 2.5e9)], extractor="x/2",
                 cluster_keys=["澄禾新材料产业园|330522"])
    assert db.db.execute("SELECT count(*) FROM projects").fetchone()[0] == 2
    assert db.db.execute("SELECT mentions FROM project_clusters").fetchone()[0] == 2
    facts = db.db.execute("SELECT kind, type, amount_cny FROM project_facts ORDER BY kind").fetchall()
    assert ("investment", "total", 2.5e9) in facts and ("event", "signed", None) in facts
    assert records.pending(db.db, "x/2") == [b]
    assert records.status(db.db)["projects"] == 2


def test_export_keeps_the_record_and_adds_where_it_came_from(db: Ingestor) -> None:
    (a,) = (_article(db, t, "a.txt") for t in _texts(1))
    records.save(db.db, a, [_project("甲项目", 1e8), _claim(CHANGXING, "fixed_asset_investment", 5e9, 8.1)],
                 extractor="x/1")
    out = list(records.export(db.db))
    assert [r["kind"] for r in out] == ["project", "claim"]
    assert out[0]["name"] == "甲项目" and out[0]["article_id"] == a
    assert out[0]["pub_date"].startswith("2023-07-20") and "cluster_id" in out[0]
    assert out[1]["growth_pct"] == 8.1
    json.dumps(out, ensure_ascii=False)


def test_conflict_rule_most_conservative_figure_alternatives_kept(db: Ingestor) -> None:
    a, b, c = (_article(db, t, f"c{i}.txt") for i, t in enumerate(_texts(3)))
    records.save(db.db, a, [_claim(CHANGXING, "fixed_asset_investment", 52.4e8, 12.1),
                            _claim(DEQING, "fixed_asset_investment", 61.0e8, 9.5)], extractor="x/1")
    records.save(db.db, b, [_claim(CHANGXING, "fixed_asset_investment", 53.0e8, 12.1)], extractor="x/1")
    # A stated target is not a result.
    records.save(db.db, c, [_claim(CHANGXING, "fixed_asset_investment", 90e8, None, is_target=True)],
                 extractor="x/1")
    table = claims_table(db.db)
    row = table[table.region == "长兴县"].iloc[0]
    assert row["value"] == 52.4e8 and row["disputed"] and row["sources"] == 2
    assert json.loads(row["alternatives"]) == [12.1, 52.4e8, 53.0e8]
    deqing = table[table.region == "德清县"].iloc[0]
    assert not deqing["disputed"] and deqing["growth_pct"] == 9.5
    assert len(claims_table(db.db, include_targets=True)) == 3
    wide = side_by_side(table)
    assert list(wide.columns) == ["德清县", "长兴县"]
    assert wide.loc[("固定资产投资", "2023-H1"), "长兴县"] == "52.40亿元 +12.1% ⚠"
    assert len(claims_table(db.db, regions=["德清"])) == 1
    assert len(claims_table(db.db, regions=["330522"])) == 1
    assert claims_table(db.db, period="2022").empty


def test_copies_are_not_a_second_source(db: Ingestor, tmp_path: Path) -> None:
    text = _texts(1)[0]
    a = _article(db, text, "orig.txt")
    copy = db.add(RawArticle("copy.txt", (text + "转载。").encode("utf-8"), "text"))
    assert copy.near_dup_of == a
    records.save(db.db, a, [_claim(CHANGXING, "manufacturing_investment", 20e8, 5.0)], extractor="x/1")
    records.save(db.db, copy.article_id, [_claim(CHANGXING, "manufacturing_investment", 21e8, 5.0)],
                 extractor="x/1")
    row = claims_table(db.db).iloc[0]
    assert row["sources"] == 1 and not row["disputed"] and row["value"] == 20e8


def test_project_query_filters(db: Ingestor) -> None:
    a, b = (_article(db, t, f"q{i}.txt") for i, t in enumerate(_texts(2)))
    records.save(db.db, a, [_project("大项目", 30e8, company="浙江澄禾新材料有限公司"),
                            _project("小项目", 1e8, region=DEQING)], extractor="x/1")
    records.save(db.db, b, [_project("无金额项目", None)], extractor="x/1")
    names = [p["name"] for p in projects(db.db, ProjectFilter())]
    assert names == ["大项目", "小项目", "无金额项目"]
    assert [p["name"] for p in projects(db.db, ProjectFilter(region="长兴"))] == ["大项目", "无金额项目"]
    assert [p["name"] for p in projects(db.db, ProjectFilter(region="330521"))] == ["小项目"]
    assert [p["name"] for p in projects(db.db, ProjectFilter(min_total_cny=5e8))] == ["大项目"]
    assert [p["name"] for p in projects(db.db, ProjectFilter(company="澄禾"))] == ["大项目"]
    assert len(list(projects(db.db, ProjectFilter(event="signed")))) == 3
    assert not list(projects(db.db, ProjectFilter(event="started")))


def test_counts_of_different_things_are_not_merged(db: Ingestor) -> None:
    from touzi.schema.compare import comparable

    a, b = (_article(db, t, f"n{i}.txt") for i, t in enumerate(_texts(2)))
    started = _claim(CHANGXING, "project_count", None, None, count=21, indicator_text="新开工亿元以上项目")
    finished = _claim(CHANGXING, "project_count", None, None, count=9, indicator_text="竣工亿元以上项目")
    other = _claim(DEQING, "project_count", None, None, count=11, indicator_text="新开工亿元以上项目")
    records.save(db.db, a, [started, finished], extractor="x/1")
    records.save(db.db, b, [other], extractor="x/1")
    table = claims_table(db.db)
    assert len(table) == 3 and not table["disputed"].any()
    shared = comparable(table)
    assert sorted(shared["region"]) == ["德清县", "长兴县"]
    assert set(shared["count"]) == {21, 11}
