"""The spaCy pipeline: components, doc._.projects/claims equal to extract_records, pub_date from
the pipe context, spans for displaCy, statistical entities merged as candidates, failures."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from touzi.extract import extract_records, load
from touzi.extract.pipeline import SPANS_KEY, doc_records

TEXT = ("去年12月，总投资50亿元的华泰新能源汽车项目签约落户南江县。今年1至5月，"
        "全县完成固定资产投资120亿元，同比增长9.1%。")


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


def test_components(nlp: Language) -> None:
    assert nlp.lang == "zh"
    assert nlp.pipe_names == ["touzi_figures", "touzi_places", "touzi_projects", "touzi_claims"]
    assert nlp.get_pipe_meta("touzi_projects").default_config["rules"] == {
        "@misc": "touzi.project_rules.v1"}


def test_doc_records_equal_the_plain_api(nlp: Language) -> None:
    doc = nlp.make_doc(TEXT)
    doc._.pub_date = "2021-06-15"
    doc._.doc_id = "t1"
    doc = nlp(doc)
    want = extract_records(TEXT, pub_date="2021-06-15", doc_id="t1")
    assert doc._.projects == [r for r in want if r["kind"] == "project"]
    assert doc._.claims == [r for r in want if r["kind"] == "claim"]
    assert doc_records(doc) == want
    assert doc._.errors == []


def test_pipe_context_carries_pub_date(nlp: Language) -> None:
    items = [(TEXT, {"pub_date": "2021-06-15", "doc_id": "a"}),
             (TEXT, {"pub_date": "2020-06-15", "doc_id": "b"})]
    out = list(nlp.pipe(items, as_tuples=True))
    assert [ctx["doc_id"] for _, ctx in out] == ["a", "b"]
    dates = [doc._.projects[0]["events"][0]["date"] for doc, _ in out]
    assert dates == ["2020-12", "2019-12"]  # 去年12月 against each article's date
    assert [doc._.doc_id for doc, _ in out] == ["a", "b"]


def test_spans_for_displacy(nlp: Language) -> None:
    doc = nlp(TEXT)
    labels = {s.label_ for s in doc.spans[SPANS_KEY]}
    assert {"PROJECT", "MONEY", "DATE", "PLACE", "CLAIM"} <= labels
    project = next(s for s in doc.spans[SPANS_KEY] if s.label_ == "PROJECT")
    assert project.text == "华泰新能源汽车项目"
    html = spacy.displacy.render(doc, style="span", options={"spans_key": SPANS_KEY})
    assert "PROJECT" in html


def test_ner_entities_join_the_candidates() -> None:
    nlp = load()

    @Language.component("fake_ner_for_test")
    def fake_ner(doc):  # a statistical model would set these
        start = doc.text.index("东岭大道")
        doc.ents = [Span(doc, start, start + 4, label="PROJECT")]
        return doc

    nlp.add_pipe("fake_ner_for_test", before="touzi_projects")
    doc = nlp("今年，东岭大道正式开工建设，总投资8亿元。")
    names = [p["name"] for p in doc._.projects]
    assert names == ["东岭大道"]
    assert [x["amount"] for x in doc._.projects[0]["investment"]] == [800_000_000]


def test_a_failing_component_leaves_an_error_record(monkeypatch) -> None:
    import touzi.extract.records as records

    def boom(a):
        raise RuntimeError("claims broke")

    monkeypatch.setattr(records, "stage_claims", boom)
    monkeypatch.setattr(records, "STAGES", [(n, boom if n == "claims" else f)
                                            for n, f in records.STAGES])
    import touzi.extract.pipeline as pipeline

    monkeypatch.setitem(pipeline._STAGE, "claims", boom)
    doc = load()(TEXT)
    assert doc._.projects  # the other components still ran
    assert [e["component"] for e in doc._.errors] == ["claims"]
    recs = extract_records(TEXT, pub_date="2021-06-15")
    assert [r for r in recs if r["kind"] == "error"][0]["message"].endswith("claims broke")
    assert any(r["kind"] == "project" for r in recs)


def test_seed_article_through_the_pipeline(nlp: Language, corpus_dir: Path) -> None:
    text = (corpus_dir / "seeds" / "000_70a04c5ec55497ca.txt").read_text("utf-8")
    doc, _ = next(iter(nlp.pipe([(text, {"pub_date": "2020-04-05"})], as_tuples=True)))
    assert len(doc._.projects) >= 6
    assert any(p["investment"] for p in doc._.projects)


def test_cli_help_does_not_import_spacy() -> None:
    import subprocess
    import sys

    code = ("import sys, touzi.cli; touzi.cli.build(); import touzi.extract; "
            "print('spacy' in sys.modules, 'jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]
