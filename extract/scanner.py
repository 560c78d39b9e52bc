"""The master scanner: one compiled regex finds every figure's anchor in the raw text, and
Python works only around its matches (context, roles, date resolution).

The alternatives are ordered: things that are not figures (URLs, e-mail addresses, identifiers,
file names) are consumed first so that nothing inside them is read; then dates and periods, so
that 1至7月 is a period and not a range of numbers; then numbers with their units. At each
position the first alternative that matches wins, and the scan resumes after it, so the top
level never overlaps.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from touzi.extract import dates
from touzi.extract.alternation import opening_chars
from touzi.extract.context import TAIL_QUALIFIERS, prefix_qualifier
from touzi.extract.dates import RNG, TIME_UNITS, PubDate, duration_mention
from touzi.extract.mention_type import Mention
from touzi.extract.money import CURRENCIES, is_money_context, money_mention
from touzi.extract.numbers import (
    AR_SRC,
    CN_CHARS,
    CN_SRC,
    CN_START,
    MULT_SRC,
    MULTIPLIERS,
    arabic_value,
    chinese_value,
)
from touzi.extract.quantities import (
    COUNT,
    PCT,
    POINTS,
    PROD,
    TIMES,
    UNITS,
    measure_mention,
    percent_mention,
)

MONEY, TIME = "money", "time"


def _literal(src: str) -> str:
    """The text a unit pattern consumes (its lookarounds removed)."""
    return re.sub(r"\(\?<?[=!][^)]*\)", "", src)


_UNIT_TABLE: list[tuple[str, str]] = (
    [(re.escape(c), MONEY) for c in CURRENCIES]
    + [(src if "(?" in src else re.escape(src), cls) for src, cls in UNITS]
    + [(src, TIME) for src in TIME_UNITS]
)
_UNIT_TABLE.sort(key=lambda e: len(_literal(e[0]).replace("\\", "")), reverse=True)
UNIT_CLASS: dict[str, str] = {_literal(src).replace("\\", ""): cls for src, cls in _UNIT_TABLE}
UNIT_SRC = "|".join(src for src, _ in _UNIT_TABLE)
_PER_SRC = r"/(?:年|a|天|日|d|吨|公斤|千克|kg|t|平方米|㎡|亩|人|股|月|台|辆|件|套|千瓦时|度)"
_TAILS_SRC = "左右|以上|以下|以内|之内|内|上下|多|余"


def _number_alt(p: str, num: str, need_unit: bool) -> str:
    """A number (or range) with its multiplier, unit, per-unit and trailing qualifier."""
    return (
        # 50个亿: a colloquial 个 between the number and 亿
        rf"(?P<{p}n1>{num})(?P<{p}qa>[多余几])?(?:个(?=亿))?(?P<{p}m1>{MULT_SRC})?"
        rf"(?:(?P<{p}qb>[多余])(?P<{p}m1b>[万亿])?)?"
        rf"(?:(?P<{p}u0>[%％])?(?P<{p}rg>{RNG})(?P<{p}n2>{num})(?P<{p}qc>[多余几])?(?P<{p}m2>{MULT_SRC})?)?"
        rf"(?:[ \u3000]?(?P<{p}u>{UNIT_SRC})){'' if need_unit else '?'}"
        rf"(?P<{p}per>{_PER_SRC})?(?P<{p}tq>{_TAILS_SRC})?"
    )


_BARE_CURRENCY_SRC = "|".join(
    re.escape(c) for c in sorted(CURRENCIES, key=len, reverse=True) if c not in ("块钱",)
)
_BARE_END_SRC = r"\Z|[，。；！？,;!?）)”\"」』\s]|台阶|大关|关口"
_CN_BEFORE = "第数几上零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟点"
_SKIPS: list[tuple[str, str]] = [
    # Each starts only where its token starts (the lookbehinds): tried at every character of a
    # long run, the greedy runs would make the scan quadratic.
    ("x_url", r"(?<![A-Za-z0-9])(?:https?://|www\.)[\x21-\x7e]+"),
    ("x_mail", r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
    ("x_id", r"(?<![A-Za-z0-9_-])[A-Za-z][A-Za-z_-]*\d[A-Za-z0-9_-]*"),
    ("x_file", r"(?<!\d)\d+\.(?:jpe?g|png|gif|s?html?|pdf|docx?|xlsx?|txt|jsp|php|aspx?)"),
]
_NUMERIC: list[tuple[str, str]] = [
    ("n_pctcn", rf"百分之(?P<pc_n>{CN_SRC}|{AR_SRC})"),
    ("n_cheng",
     r"(?<![一二两三四五六七八九十几数\d.])(?P<ch_n>[二两三四五六七八九1-9])成(?P<ch_h>半)?"
     r"(?![为了立功本果绩熟员交效型都片套规网线链群品])(?P<ch_q>以上|左右|多)?"),
    # A colon before the number is a time or a port (10:30, :8080) unless a Chinese word
    # stands before it (当升科技:9614.5万元, an ASCII colon for ：).
    ("n_ar", r"(?<![A-Za-z0-9_./#@\\．第])(?:(?<!:)|(?<=[\u4e00-\u9fff]:))"
     + _number_alt("a_", AR_SRC, False)),
    ("n_cn", f"(?<![{_CN_BEFORE}])" + _number_alt("c_", CN_SRC, True)),
    # A multiplier with no digit before it and a currency after: 突破千亿元, 超百亿元, 迈上万亿元
    # 台阶 (1000亿元, 100亿元, 1万亿元). Not after a numeral or a vague count word (数百亿元,
    # 几千万元, 上百亿元), nor per a unit (每万元). Only where the phrase ends at a clause
    # break or a threshold noun (台阶, 大关, 关口): followed by a noun, 级 or 的 it names a class
    # (百亿元级企业, 千亿元产业集群, 超百亿元的项目), not an amount, and is left unread.
    # 上 before it is "upwards of" (上百亿元) unless a verb makes it "onto" (迈上, 跃上, 登上).
    ("n_bare", rf"(?:(?<![{_CN_BEFORE}\d.．每单成余多个亿万元])|(?<=[迈跃登站踏冲攀]上))(?P<bm_m>万亿|千亿|百亿|千万|百万|亿|万|千|百)"
     rf"(?P<bm_u>{_BARE_CURRENCY_SRC})(?={_BARE_END_SRC})"),
]
_ALTS = _SKIPS + dates.ALTERNATIVES + _NUMERIC
# What each alternative must start with: its first characters, or the literal it opens
# with. Each alternative is tried behind a lookahead on it, so that at an anchor the regex
# engine skips the alternatives that cannot start there instead of entering each one
# (lookbehinds, groups): 35% off the scan. Guards are bounded (no unbounded run: the scan stays
# linear on degenerate runs). The property tests compare MASTER with the plain
# ALTERNATION on the corpus and on random text.
_GUARDS: dict[str, str] = {
    "x_url": r"https?://|www\.", "x_mail": r"[A-Za-z0-9._%+\-]", "x_id": "[A-Za-z]",
    "x_file": r"\d", "d_num": r"(?:19|20)\d\d[-/.]", "d_yrng": r"(?:19|20)\d\d",
    "d_plan": "[“\"「]?十[一二三四五]五|[“\"「][六七八九十]五",
    "d_yabs": r"(?:19|20)\d\d|0\d|[〇零○一二][〇零○一二三四五六七八九]{3}年",
    "d_yrel": "[去今明上本前后同当次翌]年", "d_ypart": "年[初底末内]",
    "d_alone": r"[\d一二三四五六七八九十第首前上下]", "d_mrel": "[本上下]个?月|月[初底末]",
    "d_fest": "清明|元旦|五一|国庆", "d_day": r"\d\d?日", "d_today": "今[天日]", "d_recent": "日前|近日|不久前|几天前|前几天|前不久",
    "n_pctcn": "百分之", "n_cheng": "[二两三四五六七八九1-9]成", "n_ar": r"\d",
    "n_cn": f"[{CN_START}]", "n_bare": "[万亿千百]",
}
# A Chinese numeral's second character is more numeral or what may follow the numeral (a
# qualifier, multiplier, range or unit: the opening characters of the rest of n_cn): the
# common words that open with a numeral (一些, 一直, 一定, 三农) stop at the guard (8% off the
# scan).
_CN_NEXT = opening_chars(_number_alt("t_", "", True))
if _CN_NEXT is not None:
    _GUARDS["n_cn"] = f"[{CN_START}][{re.escape(CN_CHARS)}{_CN_NEXT}]"
# Every character an alternative can start with. The lookahead on it lets the regex engine
# reject the ~92% of positions that cannot start a figure in one step instead of trying each
# alternative there: 8× faster on the corpus. tests/extract/test_mentions_properties.py checks
# that the scan with and without it finds the same matches.
ANCHORS = (
    r"[\dA-Za-z._%+\-一二两三四五六七八九十壹贰貳叁參肆伍陆陸柒捌玖拾〇零○"
    r"今去明前后上下本年月日第首“\"「百千万亿清元国近不几同当次翌]"
)
ALTERNATION = "|".join(f"(?P<{name}>{src})" for name, src in _ALTS)


def _block(alts: list[tuple[str, str]]) -> str:
    """`alts`, each behind its guard, in runs of three, each run and the whole behind one
    lookahead on every character their members can start with: at an anchor none of them can
    start at (国 or “ for the skips and the numbers), `re` rejects the block or the run in one
    test instead of entering each guard. The alternatives keep their order and their own
    guards, so the matches are the same (callgrind: the corpus scan 903M -> 831M
    instructions, ~0.9% of a pass; each of ~100,000 anchors tried ~20 guards before)."""
    if len(alts) > 3:
        parts = [_block(alts[i:i + 3]) for i in range(0, len(alts), 3)]
    else:
        parts = [f"(?={_GUARDS[name]})(?P<{name}>{src})" for name, src in alts]
    body = "|".join(parts)
    chars = [opening_chars(_GUARDS[name]) for name, _ in alts]
    if len(alts) == 1 or any(c is None for c in chars):
        return body
    return f"(?=[{''.join(chars)}])(?:{body})"  # type: ignore[arg-type]


MASTER = re.compile(
    f"(?={ANCHORS})(?:"
    + "|".join(_block(alts) for alts in (_SKIPS, dates.ALTERNATIVES, _NUMERIC))
    + ")"
)


def _scale(v: int | float, mult: int) -> int | float:
    """v × mult, returned as an int when the product is whole (Chinese decimals are floats)."""
    if isinstance(v, int):
        return v * mult
    r = v * mult
    return int(round(r)) if abs(r - round(r)) < 1e-6 * max(1.0, abs(r)) else r


def _cn_unit(numeral: str) -> str | None:
    """The multiplier written inside a Chinese numeral (一亿二千万 → 亿, 三千万 → 万)."""
    if "亿" in numeral:
        return "亿"
    if "万" in numeral:
        return "万"
    return None


# What may follow a few yuan written in Chinese numerals (三元钱, 五元左右, 十元以上, 两元一斤).
_AFTER_FEW_YUAN = frozenset("的钱左右以上下多至到和或及与不每一")
# Place names that read as a numeral and a measure word.
_PLACE_NUMERALS = ("五家渠", "七台河")
_KILO_UNITS = frozenset("伏帕卡焦赫克米瓦")
_NUM_GROUPS = ("u", "n1", "m1", "m1b", "n2", "m2", "qa", "qb", "qc", "tq", "u0", "per")


def _group_indices(prefix: str) -> tuple[int, ...]:
    return tuple(MASTER.groupindex[prefix + name] for name in _NUM_GROUPS)


def _numeric(
    m: re.Match[str], text: str, pub: PubDate | None, floor: int, idx: tuple[int, ...], cn: bool
) -> Mention | None:
    # one group() call for all the groups: this runs for every number in the text
    unit, n1, m1, m1b, n2, m2, qa, qb, qc, tail, u0, per_tail = m.group(*idx)
    end = m.end()
    if unit is None:
        if cn or m1 is None:
            return None  # a bare Arabic number: years, ids, phone and list numbers
        if m1 == "千" and text[end:end + 1] in _KILO_UNITS:
            return None  # 110千伏, 35千帕: kilo of a unit the table does not hold, not thousands
        if end < len(text) and text[end].isascii() and text[end].isalpha():
            return None  # 5G, 4S店, 3D
    elif not cn and end < len(text) and text[end].isascii() and text[end].isalnum() \
            and unit.isascii() and unit.isalpha():
        return None  # 20GWhx: an identifier, not a unit
    if not cn and len(n1) > 13 and len(n1.split(".", 1)[0].replace(",", "")) > 13:
        return None
    cls = UNIT_CLASS.get(unit) if unit is not None else None
    if unit == "个" and text.startswith("亿", end):
        return None  # 十个亿 without 元: an amount whose currency is not written, not a count
    if cn and text.startswith(_PLACE_NUMERALS, m.start()):
        return None  # 五家渠, 七台河: place names
    if u0 is not None and cls != PCT:
        return None  # 40%～50亿: not one figure
    if cn and unit == "元" and m1 is None and n2 is None and end < len(text) \
            and "\u4e00" <= text[end] <= "\u9fff" and text[end] not in _AFTER_FEW_YUAN \
            and (chinese_value(n1) or 100) < 100:
        return None  # 三元正极材料, 二元结构, 一元化: a word, not a sum of a few yuan
    if cn and m1 is None and cls in (COUNT, PROD, TIME):
        before = text[m.start() - 1:m.start()]
        if n1 == "一" or before == "届" or (before == "这" and cls == TIME):
            # 一个 / 一批 / 一年 are words, not figures; 十二届六次 is an ordinal; 这两天 is
            # "these days"
            return None
    # value(s)
    if m1b is not None:  # 3千多万, 1万多亿: the multiplier continues after the qualifier
        m1 = (m1 or "") + m1b
        if m1 not in MULTIPLIERS:
            return None
    mult1 = MULTIPLIERS[m1] if m1 else (MULTIPLIERS[m2] if m2 and n2 else 1)
    if cn:
        v1 = chinese_value(n1)
        if v1 is None:
            return None
        v1 = _scale(v1, mult1)
    else:
        v1 = arabic_value(n1, mult1)
    v2 = None
    if n2 is not None:
        if cn:
            v2 = chinese_value(n2)
            if v2 is None:
                return None
            v2 = _scale(v2, MULTIPLIERS[m2] if m2 else 1)
        else:
            v2 = arabic_value(n2, MULTIPLIERS[m2] if m2 else 1)
        if v2 <= v1:
            return None
    written = m1 or m2 or (_cn_unit(n1) if cn else None)
    multiplier = MULTIPLIERS.get(written) if written else None
    # qualifiers: before the number, inside it (7900多亿), after it (左右, 以上)
    start = m.start()
    qualifier, start = prefix_qualifier(text, start, floor)
    if qualifier is None and (qa or qb or qc):
        qualifier = "over"
    if tail is not None:
        if tail == "内" and cls != TIME:
            end -= 1  # 1000万元内资: 内 belongs to the next word
        elif qualifier is None:
            qualifier = TAIL_QUALIFIERS[tail]
    if cls is None:
        if is_money_context(text, start, end):
            return money_mention(text, start, end, v1, v2, written, multiplier, "CNY", qualifier)
        return Mention("number", text[start:end], start, end, v1, v2, None, multiplier,
                       qualifier=qualifier)
    if cls == MONEY:
        return money_mention(text, start, end, v1, v2, written, multiplier, CURRENCIES[unit],
                             qualifier)
    if cls == PCT or cls == POINTS or cls == TIMES:
        negative = False
        if start == m.start() and start - 1 >= floor and text[start - 1] in "-−－" and (
            start < 2 or not text[start - 2].isdigit()
        ):
            negative = True
            start -= 1
        return percent_mention(text, start, end, v1, v2, unit, cls, qualifier, negative)
    if cls == TIME:
        return duration_mention(text, start, end, v1, v2, unit, qualifier)
    return measure_mention(text, start, end, v1, v2, unit, cls, multiplier, qualifier, per_tail)


_AR_IDX = _group_indices("a_")
_CN_IDX = _group_indices("c_")


def _arabic(m: re.Match[str], text: str, pub: PubDate | None, floor: int) -> Mention | None:
    return _numeric(m, text, pub, floor, _AR_IDX, False)


def _chinese(m: re.Match[str], text: str, pub: PubDate | None, floor: int) -> Mention | None:
    return _numeric(m, text, pub, floor, _CN_IDX, True)


def _percent_cn(m: re.Match[str], text: str, pub: PubDate | None, floor: int) -> Mention | None:
    s = m.group("pc_n")
    v = chinese_value(s) if not s[0].isdigit() else arabic_value(s)
    if v is None:
        return None
    return percent_mention(text, m.start(), m.end(), v, None, "%", PCT, None)


def _cheng(m: re.Match[str], text: str, pub: PubDate | None, floor: int) -> Mention | None:
    n = m.group("ch_n")
    v = int(n) if n.isdigit() else chinese_value(n)
    if v is None:
        return None
    value = v * 10 + (5 if m.group("ch_h") else 0)
    qualifier, start = prefix_qualifier(text, m.start(), floor)
    tail = m.group("ch_q")
    if qualifier is None and tail is not None:
        qualifier = TAIL_QUALIFIERS[tail]
    return percent_mention(text, start, m.end(), value, None, "成", PCT, qualifier)


# A number typeset with spaces before its unit, digits grouped by spaces (7 362.1 亿元)
_SPACED_NUMBER = re.compile(r"(?<![\d.])(\d{1,3}(?:[ \u00a0]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[ \u00a0\u3000]$")


def _bare(m: re.Match[str], text: str, pub: PubDate | None, floor: int) -> Mention | None:
    """千亿元, 百亿元, 万亿元: a multiplier standing for one of itself (1000亿元…)."""
    word, cur = m.group("bm_m", "bm_u")
    value = MULTIPLIERS[word]
    spaced = _SPACED_NUMBER.search(text, max(floor, m.start() - 24), m.start())
    if spaced is not None and word in ("亿", "万"):
        # 总投资 5 亿元, 7 362.1 亿元 (a typeset page's spaces): the number before the unit
        number = float(spaced.group(1).replace(" ", "").replace("\u00a0", ""))
        amount = round(number * value) if number * value == int(number * value) else number * value
        q0 = spaced.start(1)
        while q0 > floor and text[q0 - 1] in " \u00a0\u3000":
            q0 -= 1
        return money_mention(text, spaced.start(1), m.end(), amount, None, word, value,
                             CURRENCIES[cur], prefix_qualifier(text, q0, floor)[0])
    # written as its round figure would be (千亿元 as 1000亿元, 千万元 as 1000万元)
    written = "万亿" if word == "万亿" else word[-1] if word[-1] in "万亿" else None
    qualifier, start = prefix_qualifier(text, m.start(), floor)
    return money_mention(text, start, m.end(), value, None, written,
                         MULTIPLIERS[written] if written else None, CURRENCIES[cur], qualifier)


NumHandler = Callable[[re.Match[str], str, PubDate | None, int], Mention | None]
_NUM_HANDLERS: dict[str, NumHandler] = {
    "n_ar": _arabic, "n_cn": _chinese, "n_pctcn": _percent_cn, "n_cheng": _cheng,
    "n_bare": _bare,
}
_SKIP_NAMES = frozenset(name for name, _ in _SKIPS)

# 分别增长19%、17.7%: a figure right after another in a list shares its verb.
_LIST_GAPS = frozenset(("、", "和", "及", "与", "，", ",", "、和"))
_LIST_KINDS = frozenset(("growth", "rate", "attainment"))
_PERCENT_UNITS = frozenset(("%", "％", "倍", "成"))


def _continue_list(prev: Mention, men: Mention, text: str) -> Mention | None:
    """The list-continued form of `men` after `prev` (kind, sign, role), or None if unchanged."""
    if text[prev.end:men.start] not in _LIST_GAPS:
        return None
    if prev.kind in _LIST_KINDS and men.kind in ("percent", "number") and \
            men.unit in _PERCENT_UNITS and men.value is not None:
        sign = -1 if (prev.value or 0) < 0 and men.value > 0 else 1
        value, vmax = (men.value, men.value_max) if sign > 0 or men.value_max is None else (
            -men.value_max, -men.value)
        return replace(men, kind=prev.kind, role=prev.role,
                       value=sign * value if men.value_max is None else value, value_max=vmax)
    return None


def _points_list(prev: Mention, men: Mention, text: str) -> Mention | None:
    """高于全省2.2个和3.7个百分点: the first figure (read as a count of 个) is points too."""
    if prev.kind == "count" and prev.unit == "个" and men.kind == "points" and \
            text[prev.end:men.start] in _LIST_GAPS and prev.value is not None:
        sign = -1 if (men.value or 0) < 0 else 1
        return replace(prev, kind="points", unit="个百分点", role=None, value=sign * prev.value)
    return None


# 50亿元至80亿元, 5万吨-8万吨, 300亩到500亩: a range whose unit is written on both bounds (the
# number pattern reads a range only with the unit after the second, 50-80亿元)
_RANGE_KINDS = frozenset(("money", "capacity", "quantity", "land"))
_RANGE_GAPS = frozenset(("至", "到", "-", "－", "—", "–", "~", "～", "——"))


def _unit_range(prev: Mention, men: Mention, text: str) -> Mention | None:
    """`prev` widened to a range ending with `men` when a range sign alone joins two figures of
    one unit (money: one currency, 5000万元至1亿元) rising from the first to the second."""
    if prev.kind not in _RANGE_KINDS or text[prev.end:men.start] not in _RANGE_GAPS \
            or prev.value_max is not None or men.value_max is not None \
            or (prev.currency != men.currency if prev.kind == "money" else prev.unit != men.unit) \
            or prev.value is None or men.value is None or not prev.value < men.value:
        return None
    return replace(prev, text=text[prev.start:men.end], end=men.end, value_max=men.value)


def scan(text: str, pub: PubDate | None) -> list[Mention]:
    """All top-level mentions in `text`, sorted by start, non-overlapping."""
    out: list[Mention] = []
    last_end = 0
    date_handlers = dates.HANDLERS
    num_handlers = _NUM_HANDLERS
    skips = _SKIP_NAMES
    for m in MASTER.finditer(text):
        name = m.lastgroup
        if name in skips:
            continue
        h = date_handlers.get(name)  # type: ignore[arg-type]
        men = h(m, text, pub) if h is not None else num_handlers[name](m, text, pub, last_end)  # type: ignore[index]
        if men is None or men.start < last_end:
            continue
        if out and men.kind in _RANGE_KINDS:
            whole = _unit_range(out[-1], men, text)
            if whole is not None:
                out[-1] = whole
                last_end = men.end
                continue
        if out and (men.kind == "percent" or men.kind == "number" or men.kind == "points"):
            prev = out[-1]
            cont = _continue_list(prev, men, text)
            if cont is not None:
                men = cont
            else:
                pts = _points_list(prev, men, text)
                if pts is not None:
                    out[-1] = pts
        out.append(men)
        last_end = men.end
    if "年" in text and any(w in text for w in _YEAR_AFTER_WORDS):
        _year_after(out, text)
    return out


# 同年5月, 当年底, 次年6月: a month of the year told before, or of the year after it.
_YEAR_AFTER_WORDS = ("同年", "当年", "次年", "翌年")
_YEAR_AFTER = {"同年": 0, "当年": 0, "次年": 1, "翌年": 1}


def _year_after(out: list[Mention], text: str) -> None:
    """Give a date opening with 同年/当年/次年/翌年 the year of the date with a year written
    before it in its sentence (2021年3月获得核准，同年5月开工: 2021-05), in place; without one
    it is no date (当年 alone is "in those days")."""
    last_year: int | None = None
    last_end = -1
    drop = []
    for i, m in enumerate(out):
        if m.kind not in ("date", "period") or m.date is None:
            continue
        word = m.text[:2]
        if word in _YEAR_AFTER:
            if last_year is None or any(c in text[last_end:m.start] for c in "。！？\n"):
                drop.append(i)
                continue
            year = last_year + _YEAR_AFTER[word]
            m = out[i] = replace(m, date=f"{year:04d}" + m.date[4:],
                                 date_end=f"{year:04d}" + m.date_end[4:] if m.date_end else None,
                                 year_inferred=False)
        if "年" in m.text and m.date[:4].isdigit():
            last_year, last_end = int(m.date[:4]), m.end
    for i in reversed(drop):
        del out[i]

