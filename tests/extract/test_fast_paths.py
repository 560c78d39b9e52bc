"""The fast paths of the record stages give exactly what the plain ones give: word lists grouped
by first character (extract/alternation.py), regexes rewritten so every branch opens with a
literal, scans limited to the clauses that hold a pattern's key words, one automaton pass for
many short names, the firms of a long report looked up by their keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from touzi.extract import (
    assemble,
    claims,
    companies,
    events,
    name_edges,
    projects,
    quantities,
    report_sections,
    roles,
    word_hits,
)
from touzi.extract.alternation import by_first_char, finditer_by_mark, guarded, opening_guard
from touzi.extract.assemble import Assembler, FirmIndex, subject_entity
from touzi.extract.name_words import segment
from touzi.extract.records import analyse
from touzi.extract.sentences import TextIndex, finditer_in


def spans(pattern: re.Pattern[str], text: str, a: int = 0, b: int | None = None) -> list:
    return [m.span() for m in pattern.finditer(text, a, len(text) if b is None else b)]


# The plain forms the fast patterns replace (as they were written before).
PLAIN_STOP = re.compile(
    "|".join(sorted(name_edges.MULTI_STOPS,
                    key=lambda w: len(re.sub(r"\(\?.*?\)", "", w)), reverse=True))
    + f"|[{name_edges._SINGLE}]|[建投拟](?=[\\d一二三四五六七八九十])")
_EVENT_WORDS = [w.replace("立(?<!成立)项", "(?<!成)立项") for w, _ in events._WORDS]
PLAIN_EVENT = re.compile(
    "(?:" + "|".join(sorted(_EVENT_WORDS, key=len, reverse=True)) + ")(?![率区面期])")
PLAIN_HEAD = re.compile(
    "(?:" + "|".join(sorted(projects.STRONG_HEADS + projects.WEAK_HEADS, key=len, reverse=True))
    + "|" + projects._NUCLEAR_HEAD + ")"
    + projects._HEAD_RE.pattern[len("(?:" + projects._HEAD_ALTS + ")"):])
PLAIN_REF = re.compile(
    r"(?:该|这个|这一|(?<![因如彼从就])此|上述)(?:[^，,。；;！？!?\n、]{0,20}?的)?"
    r"(?:项目|工程|电站|铁路|大桥|基地|工厂|机场|隧道)(?![经部组])"
    r"|(?<![\u4e00-\u9fffA-Za-z0-9）)”])(?:项目|工程)(?=[总一二三首主整全建投计位于占将已由的预共])")

PAIRS = [
    (PLAIN_STOP, name_edges._STOP_RE, "".join(name_edges.MULTI_STOPS) + name_edges._SINGLE),
    (PLAIN_EVENT, events._EVENT_RE, "".join(_EVENT_WORDS) + "率区面期成"),
    (PLAIN_HEAD, projects._HEAD_RE,
     "".join(projects.STRONG_HEADS + projects.WEAK_HEADS) + "师院经理城区投资建设是的生学核电一期3号机组扩建"),
    (PLAIN_REF, projects._REF_RE, "该这个一此因如彼从就上述的项目工程经部组总首建投ab）电站铁路基地。"),
]
_PUNCT = "，。、：:；\n（）()”a1２３"


def texts(chars: str) -> st.SearchStrategy[str]:
    alphabet = sorted(set(re.sub(r"[\\()?<!=\[\]|*+{}^$.]", "", chars)) | set(_PUNCT))
    return st.text(alphabet=st.sampled_from(alphabet), max_size=40)


@pytest.mark.parametrize("k", range(len(PAIRS)))
def test_fast_patterns_match_the_plain_ones(k: int) -> None:
    plain, fast, chars = PAIRS[k]

    @settings(max_examples=400, deadline=None)
    @given(texts(chars), st.integers(0, 40), st.integers(0, 40))
    def check(text: str, a: int, b: int) -> None:
        assert spans(fast, text) == spans(plain, text)
        a, b = min(a, b, len(text)), min(max(a, b), len(text))
        assert spans(fast, text, a, b) == spans(plain, text, a, b)

    check()


def test_by_first_char_keeps_the_order_of_alternatives() -> None:
    grouped = re.compile(by_first_char(["开工建设", "开工", "[东西]连", "的"], after="(?!x)"))
    assert [m.group() for m in grouped.finditer("开工建设的东连开工x开工")] == \
        ["开工建设", "的", "东连", "开工"]  # 开工x: the lookahead fails on both branches


@pytest.mark.parametrize("alt", ["(?<!成)立项", r"\d+", "a?b", "[a-z]x", ".x", "(?:a|b)"])
def test_by_first_char_refuses_alternatives_without_a_literal_opening(alt: str) -> None:
    with pytest.raises(ValueError):
        by_first_char([alt])


WINDOWED = [(projects._LIST_TAIL, projects._LIST_TAIL_WORDS),
            (companies._LEGAL, companies._LEGAL_WORDS)]


@settings(max_examples=400, deadline=None)
@given(texts("等7个项目工程一批产业公司集团铁路局股份有限（集团）负责人甲乙"))
def test_clause_windows_find_every_match(text: str) -> None:
    index = TextIndex(text)
    for pattern, words in WINDOWED:
        assert [m.span() for m in finditer_in(pattern, text, index.clauses_holding(words))] \
            == spans(pattern, text)


def test_clause_windows_on_the_corpus(corpus_dir: Path) -> None:
    files = sorted(corpus_dir.glob("text/*/*.txt"))[::5]
    assert files
    for f in files:
        text = f.read_text(encoding="utf-8")
        index = TextIndex(text)
        for pattern, words in WINDOWED:
            assert [m.span() for m in finditer_in(pattern, text, index.clauses_holding(words))] \
                == spans(pattern, text), f.name


def _find_loop(text: str, words: list[str]) -> list[list[int]]:
    out = []
    for w in words:
        starts, i = [], text.find(w)
        while i >= 0:
            starts.append(i)
            i = text.find(w, i + len(w))
        out.append(starts)
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("AB甲乙丙，\ud800"), max_size=60),
       st.lists(st.text(alphabet=st.sampled_from("AB甲乙"), min_size=1, max_size=3),
                min_size=1, max_size=20, unique=True))
def test_short_form_occurrences_by_automaton_or_find(text: str, words: list[str]) -> None:
    # more than 8 words go through one automaton pass, fewer through find loops
    assert companies._occurrences(text, words) == _find_loop(text, words)
    assert companies._occurrences(text, words[:3]) == _find_loop(text, words[:3])


def test_firm_index_finds_the_firm_the_scan_finds(corpus_dir: Path) -> None:
    # a long text made of many reports: more firms than the assembly reads one by one
    files = sorted(corpus_dir.glob("text/eb_portal_2011_news/*.txt"))[:80]
    text = "\n".join(f.read_text(encoding="utf-8") for f in files)
    a = analyse(text, pub_date="2011-06-30")
    asm = Assembler(a.text, a.index, a.mentions, a.entities, a.companies)
    firms = asm._firms
    assert len(firms) > 32
    index = FirmIndex(firms)
    starts = [c.start for c in a.companies]
    found = 0
    for s0, _ in a.index.sentences():
        plain = subject_entity(a.text, a.index, a.companies, firms, s0, starts)
        fast = subject_entity(a.text, a.index, a.companies, firms, s0, starts, index)
        assert fast is plain, a.text[s0:s0 + 30]
        found += plain is not None
    assert found > 0


_SEGMENT_CHARS = "中国石化重质基础油光亮基地新型绿色智能化熟料白鹤滩水电站金沙江致信祝贺习近平远航嘉兴智造" \
    "项目工程建设年产万吨乙烯长兴县的和与及一期扩建拉日铁路娲石上力abXY0123.-"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_SEGMENT_CHARS + "（）、 "), min_size=1, max_size=30))
def test_segment_is_jiebas_dictionary_segmentation(text: str) -> None:
    import jieba

    segment.cache_clear()
    assert segment(text) == tuple(jieba.lcut(text, HMM=False))


def test_segment_on_corpus_text(corpus_dir: Path) -> None:
    import jieba

    text = sorted((corpus_dir / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
    for a in range(0, len(text) - 30, 7):
        s = text[a:a + 4 + a % 27]
        assert segment(s) == tuple(jieba.lcut(s, HMM=False)), s


@settings(max_examples=400, deadline=None)
@given(texts("".join(projects.STRONG_HEADS + projects.WEAK_HEADS)
             + "师院经理城区投资建设是的生学核电一期3号机组扩建\ud800"))
def test_head_matches_are_the_head_regexs(text: str) -> None:
    # the automaton finds where heads start; _HEAD_RE is tried only there
    assert [m.span() for m in projects._head_matches(text)] == spans(projects._HEAD_RE, text)


def test_head_matches_on_the_corpus(corpus_dir: Path) -> None:
    files = sorted(corpus_dir.glob("text/*/*.txt"))[::3]
    assert files
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert [m.span() for m in projects._head_matches(text)] == spans(projects._HEAD_RE, text)


# Patterns searched in short windows behind their opening guard (alternation.guarded).
GUARDED = [projects._BATCH_RE, projects._LEAD_TRIM, projects._LIST_TAIL, projects._CLASS_RE,
           claims._IND_RE, claims._GDP_TOTAL, assemble.NOT_LOCATION_AFTER, quantities._CAP_CUE,
           quantities._TIMES_BEFORE, roles._LEFT]


def _unguarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    src = pattern.pattern
    if not src.startswith("(?=["):
        return pattern  # (no guard: opening_guard could not read its opening characters)
    return re.compile(src[src.index("])(?:") + len("])(?:"):-1], pattern.flags)


@pytest.mark.parametrize("k", range(len(GUARDED)))
def test_guarded_patterns_match_the_plain_ones(k: int) -> None:
    fast = GUARDED[k]
    plain = _unguarded(fast)

    def found(p: re.Pattern[str], text: str, a: int, b: int) -> list:
        out = [(m.span(), m.groups()) for m in p.finditer(text, a, b)]
        for i in range(a, b + 1):
            for m in (p.search(text, i, b), p.match(text, i, b)):
                out.append(m and (m.span(), m.groups(), m.lastindex))
        return out

    @settings(max_examples=300, deadline=None)
    @given(texts(plain.pattern + "的在是和，、12３"), st.integers(0, 40), st.integers(0, 40))
    def check(text: str, a: int, b: int) -> None:
        a, b = min(a, b, len(text)), min(max(a, b), len(text))
        assert found(fast, text, 0, len(text)) == found(plain, text, 0, len(text))
        assert found(fast, text, a, b) == found(plain, text, a, b)

    check()


@pytest.mark.parametrize(("src", "guard"), [
    ("ab|cd", "[ac]"), ("(?<!x)(?:19|20)\\d", "[12]"), ("(x)?y", "[xy]"), ("[\\d-]z", "[\\-\\d]"),
    ("a?", None), ("[^a]b", None), (".b", None), ("(?i)ab", None), ("(?i:a)b", None),
    ("^a", None), ("a*|b", None),
])
def test_opening_guard(src: str, guard: str | None) -> None:
    out = opening_guard(src)
    if guard is None:
        assert out == src
    else:
        assert out == f"(?={guard})(?:{src})"


def test_guarded_leaves_case_blind_and_verbose_patterns_alone() -> None:
    for p in (re.compile("ab|cd", re.I), re.compile("a b", re.X)):
        assert guarded(p) is p
    assert guarded(re.compile("ab|cd", re.S)).pattern == "(?=[ac])(?:ab|cd)"


def test_the_numeral_guard_knows_every_numeral_character() -> None:
    # the scanner's n_cn guard lets a numeral go on only with CN_CHARS (or what follows one)
    from touzi.extract.numbers import CN_CHARS, CN_SRC, CN_START

    assert set(re.sub(r"[\[\]()?*+:]", "", CN_SRC)) <= set(CN_CHARS) | set(CN_START)


def test_name_char_class_is_is_name_char() -> None:
    cls = re.compile(f"[{name_edges._NAME_CHARS}]")
    for code in range(0x10000):
        if not 0xD800 <= code <= 0xDFFF:
            c = chr(code)
            assert (cls.fullmatch(c) is not None) == name_edges.is_name_char(c), hex(code)


def _plain_walk_left(text: str, pos: int, floor: int) -> int:
    """walk_left as it was written before its regex first step."""
    i = pos
    floor = max(0, floor)
    while i > floor:
        c = text[i - 1]
        if name_edges.is_name_char(c):
            i -= 1
            continue
        if c == "—" and i - 2 >= floor and text[i - 2] != "—" and i < len(text) \
                and text[i] != "—" and name_edges.is_name_char(text[i - 2]):
            i -= 1
            continue
        opener = name_edges._PAIR.get(c)
        if opener is None:
            break
        j = text.rfind(opener, floor, i - 1)
        if j < 0 or i - 1 - j > 24 or any(ch in "。；;！？!?\n" for ch in text[j:i]):
            break
        if j == floor or not name_edges.is_name_char(text[j - 1]) \
                and text[j - 1] not in name_edges.CLOSERS:
            i = j
            break
        i = j
    return i


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("甲乙丙（）()“”—a1．.，。、 \n「」【】"), max_size=30),
       st.integers(0, 32), st.integers(-3, 32))
def test_walk_left_is_the_plain_walk(text: str, pos: int, floor: int) -> None:
    pos = min(pos, len(text))
    assert name_edges.walk_left(text, pos, floor) == _plain_walk_left(text, pos, floor)


def _own_hits(words: list[str], text: str) -> set[tuple[int, int, int]]:
    out = set()
    for k, w in enumerate(words):
        i = text.find(w)
        while i >= 0:
            out.add((k, i, i + len(w)))
            i = text.find(w, i + 1)
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("中铁建项目工程电站水库集团公司，。\ud800ab"), max_size=50))
def test_word_hits_are_each_lists_own(text: str) -> None:
    lists = {"firms": companies._known(), "heads": projects._HEAD_OPENING_WORDS}
    for other in ("甲乙" + text, text):  # (the last text is remembered: ask another in between)
        for name, words in lists.items():
            assert set(word_hits.hits(other, name)) == _own_hits(words, other)


def _plain_clauses_holding(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    ends = [m.end() for m in re.finditer(r"[。！？!?；;\n，,、：:]", text)]
    if not ends or ends[-1] != len(text):
        ends.append(len(text))
    found = sorted({k for w in words for i in range(len(text)) if text.startswith(w, i)
                    for k in [next(j for j, e in enumerate(ends) if e > i)]})
    spans: list[tuple[int, int]] = []
    for k in found:
        a = ends[k - 1] if k > 0 else 0
        if spans and spans[-1][1] == a:
            spans[-1] = (spans[-1][0], ends[k])
        else:
            spans.append((a, ends[k]))
    return spans


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("公司集团铁路局拟告布披露复停牌股份项目工程道、，。\ud800"),
               max_size=40))
def test_clauses_holding_registered_words(text: str) -> None:
    index = TextIndex(text)
    for words in (companies._LEGAL_WORDS, companies._FILING_WORDS, companies._SHARE_WORDS,
                  projects._LIST_TAIL_WORDS, ("路、", "道、")):
        assert index.clauses_holding(words) == _plain_clauses_holding(text, words), words


@settings(max_examples=300, deadline=None)
@given(texts("。！？\n电站大桥隧道机场铁路基地工厂总一二三首主整全建投计位于占将已由的预共海外境国澳洲"),
       st.integers(0, 40), st.integers(0, 40))
def test_word_hits_matches_are_finditers(text: str, a: int, b: int) -> None:
    a, b = min(a, b, len(text)), min(max(a, b), len(text))
    kind = projects._KIND_REF_RE
    for lo, hi in ((0, len(text)), (a, b)):
        assert [m.span() for m in word_hits.matches(kind, text, projects._KIND_REF_WORDS, lo, hi)] \
            == spans(kind, text, lo, hi)
    abroad = re.compile("|".join(assemble._ABROAD))
    assert sorted((s, e) for _, s, e in word_hits.hits(text, assemble._ABROAD)) == spans(abroad, text)


def test_kind_refs_on_the_corpus(corpus_dir: Path) -> None:
    files = sorted(corpus_dir.glob("text/*/*.txt"))[::3]
    assert files
    for f in files:
        text = f.read_text(encoding="utf-8")
        kind = projects._KIND_REF_RE
        assert [m.span() for m in word_hits.matches(kind, text, projects._KIND_REF_WORDS)] \
            == spans(kind, text), f.name


@settings(max_examples=300, deadline=None)
@given(texts("".join(events._EVENT_WORDS) + "率区面期成立建成运营一二三十、\n"),
       st.integers(0, 40), st.integers(0, 40))
def test_event_and_heading_matches_are_finditers(text: str, a: int, b: int) -> None:
    a, b = min(a, b, len(text)), min(max(a, b), len(text))
    for lo, hi in ((0, len(text)), (a, b)):
        assert [m.span() for m in word_hits.matches(events._EVENT_RE, text, events._EVENT_WORDS,
                                                     lo, hi)] == spans(events._EVENT_RE, text, lo, hi)
    heading = report_sections._HEADING
    assert [m.span() for m in word_hits.matches(heading, text, report_sections._HEADING_WORDS)] \
        == spans(heading, text)


def test_place_hits_are_the_gazetteers_own(corpus_dir: Path) -> None:
    # the process-wide index reads its surfaces' occurrences from word_hits' shared pass
    import ahocorasick_rs

    from touzi.extract.places import _PLACES, default_index

    index = default_index()
    own = ahocorasick_rs.AhoCorasick(index.surfaces, matchkind=ahocorasick_rs.MatchKind.Standard)
    files = sorted(corpus_dir.glob("text/*/*.txt"))[::7]
    assert files
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert sorted(word_hits.hits(text, _PLACES)) == \
            sorted(own.find_matches_as_indexes(text, overlapping=True)), f.name
    for text in ("湖州市长兴县\ud800湖州", "", "abc"):
        assert sorted(word_hits.hits(text, _PLACES)) == sorted(own.find_matches_as_indexes(
            text.replace("\ud800", "\ufffd"), overlapping=True))


@settings(max_examples=300, deadline=None)
@given(texts("甲乙丙丁戊己庚辛壬癸深圳自贡三市的，。、（(）)A\n投资增速分别为和"),
       st.integers(0, 40), st.integers(0, 40))
def test_matches_by_mark_are_finditers(text: str, a: int, b: int) -> None:
    a, b = min(a, b, len(text)), min(max(a, b), len(text))
    for pattern, mark, near in ((companies._BRANCH_FIRM, companies._OPEN_BRACKET, (4, 8)),
                                (claims._PLACE_LIST_GROWTH, claims._ENUM_COMMA, (2, 8))):
        for lo, hi in ((0, len(text)), (a, b)):
            assert [(m.span(), m.groups()) for m in finditer_by_mark(
                pattern, text, mark, near, lo, hi)] \
                == [(m.span(), m.groups()) for m in pattern.finditer(text, lo, hi)]


def test_branch_firms_by_mark_on_the_corpus(corpus_dir: Path) -> None:
    files = sorted(corpus_dir.glob("text/*/*.txt"))[::3]
    assert files
    for f in files:
        text = f.read_text(encoding="utf-8")
        pattern = companies._BRANCH_FIRM
        assert [m.span() for m in finditer_by_mark(pattern, text, companies._OPEN_BRACKET,
                                                   (4, 8))] == spans(pattern, text), f.name
