"""Money figures: amount in the stated currency, multiplier as written, CNY amount, role."""

from __future__ import annotations

import re

from touzi.extract.context import TARGET, left_clause, per_year_in, target_in
from touzi.extract.mention_type import Mention
from touzi.extract.roles import MONEY_CONTEXT_ROLES, left_role, money_role, right_adjacent

# Currency words as written after the number (and 元人民币 / 亿元人民币 forms).
CURRENCIES: dict[str, str] = {
    "元人民币": "CNY", "元": "CNY", "人民币": "CNY", "块钱": "CNY",
    "美元": "USD", "美金": "USD", "欧元": "EUR", "港元": "HKD", "港币": "HKD",
    "日元": "JPY", "英镑": "GBP", "韩元": "KRW", "澳元": "AUD", "澳大利亚元": "AUD",
    "加元": "CAD", "加拿大元": "CAD", "新加坡元": "SGD", "新元": "SGD", "卢布": "RUB",
    "瑞士法郎": "CHF", "法郎": "CHF", "新台币": "TWD", "澳门元": "MOP", "泰铢": "THB",
    "卢比": "INR", "林吉特": "MYR",
}


def money_mention(
    text: str,
    start: int,
    end: int,
    value: int | float,
    value_max: int | float | None,
    unit: str | None,
    multiplier: int | None,
    currency: str,
    qualifier: str | None,
) -> Mention:
    """A money Mention for text[start:end], with role, target and per-year read from context."""
    clause = left_clause(text, start, 20)
    role = money_role(clause, text, end)
    if qualifier is None and target_in(clause):
        qualifier = TARGET
    return Mention(
        "money", text[start:end], start, end, value, value_max, unit, multiplier, currency,
        value if currency == "CNY" else None, qualifier, role,
        "year" if per_year_in(clause) else None,
    )


# Money nouns that are not roles of their own but still make a bare 13亿 an amount of money.
_MONEY_NOUNS = re.compile(r"募资|募集资金|资金|金额|费用|经费|价款|出资|总价|报价|资本|外资|内资|存款")


def is_money_context(text: str, start: int, end: int) -> bool:
    """True when a bare amount such as 税收3000万 (no 元) is money by its clause's cue words."""
    clause = left_clause(text, start, 12)
    role, _ = left_role(clause)
    return (
        role in MONEY_CONTEXT_ROLES
        or _MONEY_NOUNS.search(clause) is not None
        or right_adjacent(text, end)
    )
