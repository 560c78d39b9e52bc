"""touzi's extractor as a spaCy pipeline: `load()` → a blank Chinese `Language` whose
components fill `doc._.projects` and `doc._.claims` with records.md dicts.

    from touzi.extract import load
    nlp = load()
    doc = nlp("…")                                # pub_date unknown: relative dates stay open
    for doc, meta in nlp.pipe([(text, {"pub_date": "2020-04-05", "doc_id": "a1"})],
                              as_tuples=True):
        doc._.projects, doc._.claims, doc._.errors
    spacy.displacy.render(doc, style="span", options={"spans_key": "touzi"})

Components (registered factories; they run the stages of touzi.extract.records on one shared
`Analysis` kept in `doc._.touzi`):
- "touzi_figures": money, capacities, land, counts, dates      → spans MONEY, CAPACITY, LAND, DATE
- "touzi_places":  places resolved with the article as context   → spans PLACE
- "touzi_projects": companies, project names, assembly          → spans COMPANY, PROJECT; doc._.projects
  (rules from the registered function "touzi.project_rules.v1"; PROJECT and COMPANY spans a
  statistical `ner` placed before it left in doc.ents join the rule candidates)
- "touzi_claims": regional claims                                → spans CLAIM; doc._.claims

The tokenizer stays spaCy's default for blank zh (one token per character): cheap, and every
span maps exactly to the character offsets the rules work with.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from touzi.extract.records import (
    STAGES,
    Analysis,
    new_analysis,
    records_of,
    run_stage,
)

SPANS_KEY = "touzi"
_META_KEYS = ("pub_date", "source", "title", "url", "doc_id")
_STAGE = dict(STAGES)

for _name in ("touzi", "projects", "claims", "errors", *_META_KEYS):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _meta(doc: Doc) -> dict[str, Any]:
    """pub_date, source, title, url and doc_id from doc._ (set by hand) or the pipe context."""
    ctx = getattr(doc, "_context", None)
    meta: dict[str, Any] = {}
    for key in _META_KEYS:
        value = getattr(doc._, key)
        if value is None and isinstance(ctx, dict):
            value = ctx.get(key)
        meta[key] = value
    return meta


def analysis(doc: Doc) -> Analysis:
    """The Analysis shared by the components for this doc (created on first use)."""
    a = doc._.touzi
    if a is None:
        meta = _meta(doc)
        a = new_analysis(doc.text, **meta)
        doc._.touzi = a
        doc._.errors = a.errors
        for key, value in meta.items():
            if getattr(doc._, key) is None:
                setattr(doc._, key, value)
        doc._.doc_id = a.doc_id
    return a


def _add_spans(doc: Doc, items: list[tuple[int, int, str]]) -> None:
    group = doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else None
    spans = list(group) if group is not None else []
    for start, end, label in items:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[SPANS_KEY] = spans


_FIGURE_LABELS = {"money": "MONEY", "capacity": "CAPACITY", "land": "LAND", "area": "LAND",
                  "date": "DATE", "period": "DATE", "count": "COUNT", "growth": "GROWTH"}


class FiguresComponent:
    """Money, capacities, land, counts, growth and dates (touzi.extract.mentions)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        a = analysis(doc)
        run_stage(a, "figures", _STAGE["figures"])
        _add_spans(doc, [(m.start, m.end, _FIGURE_LABELS[m.kind]) for m in a.mentions
                         if m.kind in _FIGURE_LABELS])
        return doc


class PlacesComponent:
    """Places resolved with the whole article as context (touzi.extract.regions)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        a = analysis(doc)
        run_stage(a, "places", _STAGE["places"])
        if a.ctx is not None:
            _add_spans(doc, [(m.start, m.end, "PLACE") for m in a.ctx.mentions
                             if m.role == "location" and m.region is not None])
        return doc


class ProjectsComponent:
    """Companies, project names (rules, plus PROJECT/COMPANY entities of an earlier `ner`),
    and the assembly of project records into doc._.projects."""

    def __init__(self, name: str, rules: Callable[[Analysis, list[Any]], None]) -> None:
        self.name = name
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        a = analysis(doc)
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents
                if e.label_ in ("PROJECT", "COMPANY")]
        run_stage(a, "projects", lambda an: self.rules(an, ents))
        run_stage(a, "assembly", _STAGE["assembly"])
        doc._.projects = a.projects
        doc._.errors = a.errors
        items = [(c.start, c.end, "COMPANY") for c in a.companies]
        items += [(m.start, m.end, "PROJECT") for m in a.project_mentions if m.kind != "ref"]
        _add_spans(doc, items)
        return doc


class ClaimsComponent:
    """Regional aggregate claims from the figures no project took → doc._.claims."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        a = analysis(doc)
        run_stage(a, "claims", _STAGE["claims"])
        doc._.claims = a.claims
        doc._.errors = a.errors
        _add_spans(doc, [(e["start"], e["end"], "CLAIM") for c in a.claims
                         for e in c.get("evidence", [])
                         if isinstance(e.get("start"), int) and isinstance(e.get("end"), int)])
        return doc


def _project_rules(a: Analysis, ents: list[tuple[int, int, str]]) -> None:
    """The rule stages for companies and projects, with statistical entities as candidates."""
    from touzi.extract.companies import Company
    from touzi.extract.projects import NAME, ProjectMention

    _STAGE["companies"](a)
    if ents:
        comps = [(s, e) for s, e, label in ents if label == "COMPANY"]
        taken = [(c.start, c.end) for c in a.companies]
        for s, e in comps:
            if not any(x < e and s < y for x, y in taken):
                a.companies.append(Company(s, e, a.text[s:e], True, []))
        a.companies.sort(key=lambda c: c.start)
    _STAGE["projects"](a)
    if ents:
        spans = [(m.start, m.end) for m in a.project_mentions]
        for s, e, label in ents:
            if label == "PROJECT" and not any(x < e and s < y for x, y in spans):
                a.project_mentions.append(ProjectMention(s, e, a.text[s:e], NAME))
        a.project_mentions.sort(key=lambda p: (p.start, -p.end))


@spacy.registry.misc("touzi.project_rules.v1")
def project_rules_v1() -> Callable[[Analysis, list[Any]], None]:
    """The rule set of extract/companies.py and extract/projects.py (version 1)."""
    return _project_rules


@Language.factory("touzi_figures")
def make_figures(nlp: Language, name: str) -> FiguresComponent:
    """spaCy factory of the figures component."""
    return FiguresComponent(name)


@Language.factory("touzi_places")
def make_places(nlp: Language, name: str) -> PlacesComponent:
    """spaCy factory of the places component."""
    return PlacesComponent(name)


@Language.factory("touzi_projects", default_config={"rules": {"@misc": "touzi.project_rules.v1"}})
def make_projects(nlp: Language, name: str,
                  rules: Callable[[Analysis, list[Any]], None]) -> ProjectsComponent:
    """spaCy factory of the projects component (rules: a registered function)."""
    return ProjectsComponent(name, rules)


@Language.factory("touzi_claims")
def make_claims(nlp: Language, name: str) -> ClaimsComponent:
    """spaCy factory of the claims component."""
    return ClaimsComponent(name)


def load() -> Language:
    """A blank Chinese pipeline with touzi's four components (character tokens)."""
    nlp = spacy.blank("zh")
    for name in ("touzi_figures", "touzi_places", "touzi_projects", "touzi_claims"):
        nlp.add_pipe(name)
    return nlp


def doc_records(doc: Doc) -> list[dict[str, Any]]:
    """The records of a processed doc: projects, claims and error records."""
    a = doc._.touzi
    if a is None:
        return []
    return records_of(a)
