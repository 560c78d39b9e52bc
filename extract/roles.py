"""What a money figure is: total investment, a phase, registered capital, a fund, output value…

The role is read from cue words in the figure's clause (records.md, `investment[].type`, plus the
claim-side roles). The closest cue before the figure decides; a specific noun after it
(…亿元的产业基金, …亿元税收, 以…亿元摘牌) beats a generic 投资 before it.
"""

from __future__ import annotations

import re

from touzi.extract.alternation import guarded
from touzi.extract.context import right_clause

# (cue regex, role). Longer and more specific cues first: at one position the first alternative
# that matches wins, so 增加总投资 must come before 总投资 and 财政收入 before 收入.
_LEFT_CUES: list[tuple[str, str]] = [
    (r"注册资[本金]", "registered_capital"),
    (r"(?:年度|今年|全年|本年度?|当年)(?:计划|力争|预计|要|将)?(?:完成)?投[资入]|年度计划|"
     r"完成(?:全?年度|全年|当年)(?:计划)?投[资入]", "annual"),
    (r"增加(?:总)?投资|追加(?:总)?投资|新增投资|增资", "added"),
    (r"(?:累计|已|实际)?完成[\u4e00-\u9fff]{0,6}?投[资入]|累计(?:完成|投[资入])|已投[资入]|"
     r"投[资入](?:已|累计)?完成",
     "completed"),
    (r"(?:地方)?(?:一般公共|公共|一般)预算(?:收入)?|财政(?:总)?收入", "fiscal_revenue"),
    (r"可支配收入|人均[\u4e00-\u9fff]{0,3}收入|纯收入", "other"),
    (r"主营业务收入|营业收入|销售收入|营业额|销售额|营收|收入", "revenue"),
    (r"利税|税收|纳税|税金|缴税|税费", "tax"),
    (r"产值", "output_value"),
    (r"基金", "fund"),
    (r"贷款|授信|信贷|借款|融资", "loan"),
    (r"补贴|补助|贴息|奖补|奖励|资助|扶持资金", "subsidy"),
    (r"摘牌|出让金|土地出让|竞得|拍得|成交价|地价|土地款|起拍价|挂牌价|楼面价", "land_price"),
    (r"[首一二三四五]期", "phase"),
    (r"外资|内资|出口|进口|进出口|外贸|支出|生产总值|GDP|增加值|交易额|成交额|消费|零售|存款|"
     r"余额|利润|价格|市值|工资|资产|债券|专项债", "other"),
    (r"总投资额?|投资总额|总投入|计划投资|估算投资|概算|投资额?|投入|耗资", "total"),
]
_RIGHT_CUES: list[tuple[str, str]] = [
    (r"注册资[本金]", "registered_capital"),
    (r"基金", "fund"),
    (r"贷款|信贷", "loan"),
    (r"补贴|补助|贴息|奖补|奖励|资助|扶持资金", "subsidy"),
    (r"利税|税收", "tax"),
    (r"摘牌|竞得|拍得|成交|出让", "land_price"),
    (r"产值", "output_value"),
    (r"销售收入|营业收入|营收", "revenue"),
    (r"净利润?|利润|亏损|成本|支出", "other"),
    (r"投资", "total"),
]


def _compile(cues: list[tuple[str, str]]) -> tuple[re.Pattern[str], list[str]]:
    pattern = re.compile("|".join(f"({src})" for src, _ in cues))
    return pattern, [""] + [role for _, role in cues]  # group 1 → roles[1]


_LEFT, _LEFT_ROLES = _compile(_LEFT_CUES)
_LEFT = guarded(_LEFT)  # (short windows: see alternation.guarded)
_RIGHT, _RIGHT_ROLES = _compile(_RIGHT_CUES)
# A cue right after the amount (…亿元的产业基金, …亿元税收, 1.6亿净利) names what it is,
# whatever came before it.
_RIGHT_ADJACENT = re.compile(r"(?:的)?(?:" + "|".join(src for src, _ in _RIGHT_CUES) + ")")
# Words that make a bare 3000万 money (税收3000万): every left cue except the blockers.
MONEY_CONTEXT_ROLES = frozenset(r for _, r in _LEFT_CUES) - {"other"}


# A conjunction starts a new verb phrase: cues before it govern the earlier figure
# (…专项贷款并安排1亿元财政贴息资金).
_SOFT_BREAK = re.compile(r".*(?:并|同时|其中|以及|另外|此外|另有)", re.S)


def right_adjacent(text: str, end: int) -> bool:
    """True when a role noun follows the amount directly (…亿营收, …亿元的基金)."""
    return _RIGHT_ADJACENT.match(right_clause(text, end, 14)) is not None


def left_role(clause: str) -> tuple[str | None, bool]:
    """The role of the closest cue in the clause, and whether a phase cue (首期/一期) is in it."""
    role = None
    phase = False
    for m in _LEFT.finditer(clause):
        role = _LEFT_ROLES[m.lastindex or 0]
        if role == "phase":
            phase = True
    return role, phase


def money_role(clause: str, text: str, end: int) -> str:
    """The role of a money figure from its left clause and the words after `end`; else `other`."""
    cut = _SOFT_BREAK.match(clause)
    if cut is not None:
        clause = clause[cut.end():]
    role, phase = left_role(clause)
    right = right_clause(text, end, 14)
    m = _RIGHT.search(right)
    if m is not None and (role is None or role == "total" or right.startswith("的")
                          or _RIGHT_ADJACENT.match(right) is not None):
        return _RIGHT_ROLES[m.lastindex or 0]
    if role == "total" and phase:
        return "phase"
    return role or "other"
