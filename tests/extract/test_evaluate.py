"""The scorer (touzi.extract.evaluate), the gold loader (touzi.extract.gold) and `touzi eval`:
gold against itself, gold against perturbed copies, the matching rules one by one, bad input."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from touzi.extract.evaluate import (
    PROJECT_FIELDS,
    date_agrees,
    evaluate,
    name_core,
    project_overlap,
    region_agrees,
    run_extractor,
)
from touzi.extract.gold import load_gold, read_jsonl

REPO_GOLD = Path(__file__).resolve().parents[1] / "gold"


@pytest.fixture(scope="module")
def seeds(gold_dir: Path) -> list[dict]:
    return list(read_jsonl([gold_dir / "seeds.jsonl"]))


def _projects(records: list[dict]) -> list[dict]:
    return [r for r in records if r["kind"] == "project"]


def _claims(records: list[dict]) -> list[dict]:
    return [r for r in records if r["kind"] == "claim"]


def _named(records: list[dict], name: str) -> dict:
    return next(r for r in records if r.get("name") == name)


# --------------------------------------------------------------------------- gold vs itself

@pytest.mark.parametrize("source", ["seeds", "dev", "validation", "heldout", "synthetic"])
def test_gold_scores_one_against_itself(source: str, gold_dir: Path) -> None:
    path = gold_dir / "seeds.jsonl" if source == "seeds" else REPO_GOLD / source
    gold = list(read_jsonl([path]))
    report = evaluate(gold, copy.deepcopy(gold))
    assert report.docs > 0 and report.gold_projects > 0 and report.gold_claims > 0
    assert report.projects.f1 == 1.0 and report.claims.f1 == 1.0
    for key, score in report.field_scores().items():
        assert score.f1 == 1.0, key
        assert score.fp == 0 and score.fn == 0, key
    assert report.misses == []


def test_a_gold_folder_reads_the_texts_it_carries() -> None:
    # tests/gold/synthetic holds made-up articles in corpus/ beside its gold files
    docs = load_gold([REPO_GOLD / "synthetic"])
    assert len(docs) == 58 and all(d.error is None and d.text for d in docs)
    for d in docs:
        for rec in d.records:
            for ev in rec.get("evidence") or []:
                assert 0 <= ev["start"] < ev["end"] <= len(d.text), (d.doc_id, ev)


def test_nothing_predicted_scores_zero(seeds: list[dict]) -> None:
    report = evaluate(seeds, [])
    assert report.projects.tp == 0 and report.projects.fn == report.gold_projects
    assert report.projects.f1 == 0.0 and report.claims.f1 == 0.0
    assert {m.type for m in report.misses} == {"missed"}


# --------------------------------------------------------------------------- perturbed seeds

def test_dropping_a_project_is_one_miss(seeds: list[dict]) -> None:
    pred = [r for r in seeds if r.get("name") != "吉利新能源汽车项目"]
    report = evaluate(seeds, pred)
    assert (report.projects.tp, report.projects.fp, report.projects.fn) == (
        report.gold_projects - 1, 0, 1)
    assert [m.label for m in report.misses if m.type == "missed"] == ["吉利新能源汽车项目"]
    # Its fields are lost with it: one investment item and one event.
    assert report.fields["project"]["investment"].fn == 1
    assert report.fields["project"]["events"].fn == 1


def test_borderline_gold_is_neither_missed_nor_spurious(seeds: list[dict]) -> None:
    border = [r for r in seeds if r.get("borderline")]
    assert border, "the seeds gold has borderline records"
    without = [r for r in seeds if not r.get("borderline")]
    assert evaluate(seeds, without).projects.f1 == 1.0
    with_them = evaluate(seeds, seeds)
    assert with_them.projects.fp == 0 and with_them.borderline_matched == len(border)


def test_spurious_and_duplicate_predictions_are_false_positives(seeds: list[dict]) -> None:
    geely = _named(seeds, "吉利新能源汽车项目")
    extra = dict(geely, name="污水处理厂提标改造工程")
    report = evaluate(seeds, [*seeds, extra, copy.deepcopy(geely)])
    assert report.projects.fp == 2  # one-to-one: the copy of an already matched record is spurious
    assert report.projects.fn == 0
    assert report.fields["project"]["investment"].fp == 2


def test_names_match_without_capacity_company_and_final_xiangmu(seeds: list[dict]) -> None:
    pred = copy.deepcopy(seeds)
    for r in _projects(pred):
        name = r["name"]
        r["name"] = name[:-2] if name.endswith("项目") else name + "项目"
        r["company"] = None
    report = evaluate(seeds, pred)
    assert report.projects.f1 == 1.0
    # The companies are now missing: false negatives of the company field only.
    assert report.fields["project"]["company"].tp == 0
    assert report.fields["project"]["region"].f1 == 1.0


def test_empty_core_names_still_tell_sub_projects_apart(seeds: list[dict]) -> None:
    car = _named(seeds, "年产15万辆乘用车项目")
    gearbox = _named(seeds, "年产60万台变速器项目")
    assert project_overlap(car, dict(car, name="年产15万辆乘用车")) == 1.0
    assert project_overlap(car, gearbox) < 0.6
    # <company>年产<figure><product>项目: the core is the product (names read from the gold).
    listed = [r for r in _projects(seeds) if r["capacity"] and r.get("company")
              and r["name"].startswith(r["company"] + "年产") and r["name"].endswith("项目")]
    assert len(listed) >= 2
    for r in listed:
        assert name_core(r["name"]) == r["capacity"][0]["product"], r["name"]
    assert name_core("三菱树脂", ["三菱树脂"]) == ""
    assert project_overlap({"name": "三菱树脂", "company": "三菱树脂"}, {"name": "三菱树脂项目"}) == 1.0


def test_aliases_count_as_names(seeds: list[dict]) -> None:
    geely = _named(seeds, "吉利新能源汽车项目")
    assert geely.get("aliases")
    pred = dict(geely, name=geely["aliases"][0])
    assert project_overlap(geely, pred) == 1.0
    assert project_overlap(dict(geely, aliases=[]), pred) < 0.6


def test_overlap_threshold_is_sixty_percent() -> None:
    gold = {"name": "西安地铁三号线工程"}
    assert project_overlap(gold, {"name": "西安地铁三号线"}) >= 0.6
    assert project_overlap(gold, {"name": "西安地铁"}) < 0.6  # 4 of 9 characters
    assert project_overlap(gold, {"name": "成都地铁三号线工程"}) >= 0.6


def test_equal_cores_go_to_the_closer_whole_name() -> None:
    gold = [{"kind": "project", "doc_id": "d", "name": "甲公司一期项目", "company": "甲公司"},
            {"kind": "project", "doc_id": "d", "name": "乙公司一期项目", "company": "乙公司"}]
    pred = [dict(gold[1]), dict(gold[0])]
    report = evaluate(gold, pred)
    assert report.projects.tp == 2
    assert report.fields["project"]["company"].f1 == 1.0


def test_money_within_half_a_percent(seeds: list[dict]) -> None:
    for factor, right in ((1.004, True), (0.996, True), (1.01, False)):
        pred = copy.deepcopy(seeds)
        inv = _named(pred, "吉利新能源汽车项目")["investment"][0]
        inv["amount_cny"] = round(inv["amount_cny"] * factor)
        inv["amount"] = inv["amount_cny"]
        score = evaluate(seeds, pred).fields["project"]["investment"]
        assert (score.fp == 0) is right, factor
        assert score.fn == (0 if right else 1)


def test_foreign_currency_compares_amount_and_currency() -> None:
    gold = [{"kind": "project", "doc_id": "d", "name": "光伏二期",
             "investment": [{"amount_cny": None, "amount": 330000000, "currency": "USD"}]}]
    same = [dict(gold[0], investment=[{"amount_cny": None, "amount": 330000000, "currency": "USD"}])]
    other = [dict(gold[0], investment=[{"amount_cny": 330000000, "amount": 330000000,
                                        "currency": "CNY"}])]
    assert evaluate(gold, same).fields["project"]["investment"].f1 == 1.0
    assert evaluate(gold, other).fields["project"]["investment"].tp == 0


def test_region_agrees_to_the_gold_level() -> None:
    assert region_agrees("330000", "330522")  # province gold, county prediction
    assert region_agrees("330500", "330522")
    assert not region_agrees("330522", "330500")  # a coarser prediction is wrong
    assert not region_agrees("330522", "330521")
    assert region_agrees("100000", "100000") and not region_agrees("100000", "110000")
    assert not region_agrees("110000", "100000")


def test_municipality_names_do_not_matter_only_adcodes() -> None:
    gold = [{"kind": "project", "doc_id": "d", "name": "6号线",
             "region": {"province": "北京市", "city": None, "county": None, "adcode": "110000"}}]
    pred = [dict(gold[0], region={"province": "北京市", "city": "北京市", "county": "朝阳区",
                                  "adcode": "110105"})]
    assert evaluate(gold, pred).fields["project"]["region"].f1 == 1.0


def test_region_given_where_gold_has_none_is_a_false_positive(seeds: list[dict]) -> None:
    gold = [{"kind": "project", "doc_id": "d", "name": "西气东输二线工程",
             "region": {"province": None, "adcode": None}}]
    pred = [dict(gold[0], region={"province": "广东省", "adcode": "440000"})]
    score = evaluate(gold, pred).fields["project"]["region"]
    assert (score.tp, score.fp, score.fn) == (0, 1, 0)


def test_dates_agree_at_gold_precision() -> None:
    assert date_agrees("2018-02", "2018-02-15")
    assert date_agrees("2018-02", "2018-02")
    assert not date_agrees("2018-02", "2018")
    assert not date_agrees("2018-02-15", "2018-02")
    assert date_agrees("2020-Q1", "2020-02")
    assert not date_agrees("2020-Q1", "2020-04")
    assert date_agrees("2022-H1", "2022-Q2")
    assert date_agrees("2011-01/2011-08", "2011-01/2011-08-31")
    assert not date_agrees("2011-01/2011-08", "2011-08")
    assert date_agrees("2011/2015", "2011-01/2015-12")
    # a range of months that is exactly the gold's half, quarter or year is that period
    assert date_agrees("2018-H1", "2018-01/2018-06")
    assert date_agrees("2018", "2018-01/2018-12")
    assert not date_agrees("2018", "2018-01/2018-06")
    assert not date_agrees("2018-H1", "2018-01/2018-05")
    assert not date_agrees("2018-02", None) and not date_agrees("2018-02", "soon")


def test_event_needs_type_and_date(seeds: list[dict]) -> None:
    pred = copy.deepcopy(seeds)
    ev = _named(pred, "吉利新能源汽车项目")["events"][0]
    ev["date"] = "2018-02-20"  # finer than gold's month: right
    assert evaluate(seeds, pred).fields["project"]["events"].f1 == 1.0
    ev["type"] = "started"
    score = evaluate(seeds, pred).fields["project"]["events"]
    assert score.fp == 1 and score.fn == 1


def test_capacity_units_fold_multipliers() -> None:
    gold = [{"kind": "project", "doc_id": "d", "name": "纤维项目",
             "capacity": [{"quantity": 560000, "unit": "吨"}, {"quantity": 600, "unit": "MW"}]}]
    pred = [dict(gold[0], capacity=[{"quantity": 56, "unit": "万吨"},
                                    {"quantity": 600, "unit": "兆瓦"}])]
    assert evaluate(gold, pred).fields["project"]["capacity"].f1 == 1.0


def test_claims_match_on_figure_and_anchor(seeds: list[dict]) -> None:
    claim = next(c for c in _claims(seeds) if c.get("value") and c["indicator"] != "other")
    others = [r for r in seeds if r is not claim]
    near = dict(claim, value=claim["value"] * 1.003, indicator="other")
    report = evaluate(seeds, [*others, near])
    assert report.claims.f1 == 1.0
    assert report.fields["claim"]["indicator"].fp == 1  # matched, but the indicator is wrong
    far = dict(claim, value=claim["value"] * 1.02)
    report = evaluate(seeds, [*others, far])
    assert (report.claims.fp, report.claims.fn) == (1, 1)
    moved = dict(claim, evidence=[{"start": 10**6, "end": 10**6 + 5}], period="1999")
    assert evaluate(seeds, [*others, moved]).claims.fn == 1


def test_claim_without_value_matches_on_count() -> None:
    gold = [{"kind": "claim", "doc_id": "d", "indicator": "project_investment", "period": "2020-05-16",
             "value": 671493000000, "unit": "CNY", "count": 796,
             "evidence": [{"start": 10, "end": 40}]}]
    only_count = [{"kind": "claim", "doc_id": "d", "indicator": "project_count", "period": "2020-05",
                   "value": None, "count": 796, "evidence": [{"start": 30, "end": 50}]}]
    report = evaluate(gold, only_count)
    assert report.claims.tp == 1
    assert report.fields["claim"]["value"].fn == 1
    assert report.fields["claim"]["count"].tp == 1
    other_family = [dict(only_count[0], indicator="fiscal_revenue")]
    assert evaluate(gold, other_family).claims.tp == 0


def test_predictions_for_other_documents_are_ignored(seeds: list[dict]) -> None:
    stray = dict(_projects(seeds)[0], doc_id="not-in-gold")
    report = evaluate(seeds, [*seeds, stray])
    assert report.pred_ignored == 1 and report.projects.fp == 0


def test_bad_records_never_crash() -> None:
    gold = [{"kind": "project", "doc_id": "d", "name": None, "investment": "x", "events": [1, None],
             "region": "330000", "evidence": "y"},
            {"kind": "claim", "doc_id": "d", "value": "abc", "period": "去年", "evidence": [{}]},
            {"kind": "doc"}, "not a dict", {"kind": "claim"}]
    pred = [{"kind": "project", "doc_id": "d", "name": 5, "capacity": [{"quantity": "NaN"}]},
            {"kind": "claim", "doc_id": "d", "value": float("inf"), "growth_pct": "1.5"}, {}]
    report = evaluate(gold, pred)  # type: ignore[arg-type]
    assert report.docs >= 1
    json.dumps(report.to_dict(), ensure_ascii=False)


# --------------------------------------------------------------------------- the gold loader

def test_loader_reads_texts_titles_and_html(corpus_dir: Path) -> None:
    docs = load_gold([REPO_GOLD / "dev"], corpus_dir=corpus_dir)
    assert len(docs) >= 40  # the development set only grows
    assert all(d.text and d.error is None for d in docs)
    # Titles left null in doc records (copy rule) come from the folder's index.jsonl; only
    # pages whose <title> is empty and that have no heading (wushi_gb2312) have none.
    assert all(d.title for d in docs if not d.doc_id.startswith("html/wushi_gb2312/"))
    by_id = {d.doc_id: d for d in docs}
    assert by_id["xwlb_cctv/0002"].meta["title"] is None
    # Offsets of the text gold index the file as read: each project name sits inside its evidence.
    doc = by_id["xwlb_cctv/0002"]
    project = doc.projects[0]
    span = project["evidence"][0]
    assert project["name"] in doc.text[span["start"]:span["end"]]
    html = by_id["html/gne_tests/gzggw_1"]
    assert "246.79亿元" in html.text and "<" not in html.text


def test_loader_finds_seed_texts_without_paths(gold_dir: Path, corpus_dir: Path) -> None:
    docs = load_gold([gold_dir / "seeds.jsonl"], corpus_dir=corpus_dir)
    assert len(docs) == 3 and all(d.text for d in docs)
    assert all(d.path and d.path.startswith("seeds/") for d in docs)


def test_oracle_extractor_scores_one(corpus_dir: Path) -> None:
    docs = load_gold([REPO_GOLD / "dev"], corpus_dir=corpus_dir)
    gold = {d.doc_id: d.records for d in docs}
    seen = []

    def oracle(text: str, **meta: object) -> list[dict]:
        seen.append(meta)
        assert text
        return [dict(r, doc_id="whatever") for r in gold[str(meta["doc_id"])]]

    def broken(text: str, **meta: object) -> list[dict]:
        raise ValueError("boom")

    pred, errors = run_extractor(docs, oracle)
    assert errors == {}
    assert {"pub_date", "source", "title", "url", "doc_id"} <= set(seen[0])
    report = evaluate([r for d in docs for r in (d.meta, *d.records)], pred)
    assert report.projects.f1 == 1.0 and report.claims.f1 == 1.0
    pred, errors = run_extractor(docs[:2], broken)
    assert pred == [] and set(errors) == {docs[0].doc_id, docs[1].doc_id}


# --------------------------------------------------------------------------- the command

def _run(args: list[str]):
    from touzi.cli import build

    return CliRunner().invoke(build(), args)


def test_cli_json_keys_and_folders(tmp_path: Path, seeds: list[dict], gold_dir: Path) -> None:
    pred = [r for r in seeds if r.get("name") != "吉利新能源汽车项目"]
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in pred) + "oops\n",
                         encoding="utf-8")
    result = _run(["eval", str(gold_dir / "seeds.jsonl"), str(pred_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"docs", "gold", "pred", "projects", "claims", "fields", "by_doc",
                         "matched_accuracy", "misses", "errors", "problems"}
    assert set(data["matched_accuracy"]) == {"investment", "region"}
    assert set(data["matched_accuracy"]["region"]) == {"right", "total", "accuracy"}
    assert set(data["projects"]) == {"tp", "fp", "fn", "precision", "recall", "f1"}
    assert set(data["fields"]["project"]) == set(PROJECT_FIELDS)
    assert data["projects"]["fn"] == 1 and data["docs"] == 3
    assert len(data["problems"]) == 1  # the bad line is reported, not fatal
    assert data["misses"][0]["type"] in ("missed", "field")


def test_cli_table_folder_misses_and_by_doc(tmp_path: Path) -> None:
    pred_file = tmp_path / "pred.jsonl"
    gold = list(read_jsonl([REPO_GOLD / "dev"]))
    pred_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in gold[:-5]),
                         encoding="utf-8")
    result = _run(["eval", str(REPO_GOLD / "dev"), str(pred_file), "--misses", "--by-doc"])
    assert result.exit_code == 0, result.output
    assert "projects" in result.stdout and "claims" in result.stdout
    assert "missed" in result.stdout and "xwlb_cctv/0002" in result.stdout


def test_cli_refuses_a_lone_gold_path() -> None:
    result = _run(["eval", str(REPO_GOLD / "dev")])
    assert result.exit_code != 0


# --------------------------------------------------------------------------- matched accuracy

def test_matched_accuracy_counts_only_matched_projects_the_gold_can_judge(seeds: list[dict]) -> None:
    report = evaluate(seeds, copy.deepcopy(seeds))
    inv, reg = report.matched["investment"], report.matched["region"]
    judged_inv = sum(1 for r in seeds if r.get("kind") == "project" and not r.get("borderline")
                     and r.get("investment"))
    judged_reg = sum(1 for r in seeds if r.get("kind") == "project" and not r.get("borderline")
                     and (r.get("region") or {}).get("adcode"))
    assert (inv.right, inv.total) == (judged_inv, judged_inv) and judged_inv > 0
    assert (reg.right, reg.total) == (judged_reg, judged_reg) and judged_reg > 0
    # A wrong province and a wrong amount on one project each cost one right answer …
    pred = copy.deepcopy(seeds)
    target = next(r for r in pred if r.get("kind") == "project" and not r.get("borderline")
                  and r.get("investment") and (r.get("region") or {}).get("adcode"))
    target["region"] = {"adcode": "110000"}
    for item in target["investment"]:
        item["amount_cny"] = (item.get("amount_cny") or 1) * 3
        item["amount"] = (item.get("amount") or 1) * 3
    report = evaluate(seeds, pred)
    assert report.matched["region"].right == judged_reg - 1
    assert report.matched["investment"].right == judged_inv - 1
    # … while a dropped project leaves the accuracies alone (it is a recall miss).
    report = evaluate(seeds, [r for r in seeds if r is not target and r.get("name") != target["name"]])
    assert report.matched["region"].total == judged_reg - 1
    assert report.matched["region"].value == 1.0
