"""Numerals: Arabic (1,200 / 1.42 / 121855.72), Chinese (三千万, 一亿二千万, 二〇二〇) and mixed
(1.42亿, 13955万, 3千万), parsed to exact values, plus the regex fragments the scanner uses.

Chinese numerals are parsed by our own code, not cn2an. Measured with cn2an 0.5.24: it rejects
一亿二 (colloquial 1.2亿), 一点五亿, 两千余 and bare 百万, reads 五六 (five or six) as 56, and
costs ~18 µs a call; the parser below handles those in ~2 µs. cn2an stays in the test suite as
the oracle: its an2cn renders the property-test inputs and its cn2an must agree with ours on
every well-formed numeral.
"""

from __future__ import annotations

import re

Number = int | float

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6,
    "柒": 7, "捌": 8, "玖": 9,
}
CN_SMALL: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}

# Multipliers written after an Arabic number (1.42亿, 3千万, 5百万, 1万亿): value of each form.
MULTIPLIERS: dict[str, int] = {
    "十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8,
    "十万": 10**5, "百万": 10**6, "千万": 10**7, "万亿": 10**12, "亿万": 10**12,
    "十亿": 10**9, "百亿": 10**10, "千亿": 10**11, "千万亿": 10**15, "百万亿": 10**14,
    "十万亿": 10**13,
}

_DIGIT_CHARS = "".join(CN_DIGITS)
_SMALL_CHARS = "".join(CN_SMALL)
_BIG_CHARS = "".join(CN_BIG)

# --- regex fragments (no capturing groups; the scanner wraps them) -------------------------
# Arabic: thousands separators only in groups of exactly three (1,200 but not the list 3,5).
AR_SRC = r"\d{1,3}(?:,\d{3}(?!\d))+(?:[.．]\d+)?|\d+(?:[.．]\d+)?"
# Chinese: must start with a non-zero digit or 十 (a bare 千万 is mostly the adverb "by all
# means"; 零 starts 零部件, 零售, 零星).
CN_START = "".join(c for c in _DIGIT_CHARS if CN_DIGITS[c]) + "十拾"
# Every character a Chinese numeral may go on with after its first (CN_SRC).
CN_CHARS = f"{_DIGIT_CHARS}{_SMALL_CHARS}{_BIG_CHARS}点"
CN_SRC = (
    f"[{CN_START}][{_DIGIT_CHARS}{_SMALL_CHARS}{_BIG_CHARS}]*"
    f"(?:点[{_DIGIT_CHARS}]+[{_BIG_CHARS}]*)?"
)
# Multiplier after an Arabic number; 千 not when it starts 千瓦/千米/千克 (units).
MULT_SRC = r"万亿|千万|百万|十万|千亿|百亿|十亿|[万亿]|千(?![瓦米克])|百(?!分)"

_AR_FULL = re.compile(rf"(?:{AR_SRC})")
_CN_RUN = re.compile(f"[{_DIGIT_CHARS}{_SMALL_CHARS}{_BIG_CHARS}点]+")
_MIXED = re.compile(rf"({AR_SRC})\s*[多余几]?\s*((?:[十百千]?[万亿]{{0,2}})|[十百千])")
_QUAL_STRIP = re.compile(
    r"^(?:约|大约|近|将近|接近|超过?|逾|不到|不足|不超过|多达|高达|达)|"
    r"(?:左右|以上|以下|以内|上下|多|余)$"
)
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def arabic_value(core: str, mult: int = 1) -> Number:
    """Exact value of an Arabic numeral string (commas allowed) times an integer multiplier.

    Decimals are scaled in integers so that 1.42 × 1e8 is 142000000, not 141999999.99999997.
    """
    if "," in core:
        core = core.replace(",", "")
    if "．" in core:  # full-width point (１．１８万亿元); int() reads full-width digits itself
        core = core.replace("．", ".")
    if "." not in core:
        return int(core) * mult
    whole, frac = core.split(".", 1)
    n = int(whole + frac)
    scale = 10 ** len(frac)
    total = n * mult
    if total % scale == 0:
        return total // scale
    return total / scale


def chinese_value(s: str) -> Number | None:
    """Value of a Chinese numeral (三千万, 一亿二千万, 一万零五百, 二〇二〇, 一点五亿); None if malformed."""
    if not s:
        return None
    if "点" in s:
        whole, _, rest = s.partition("点")
        frac = rest.rstrip(_BIG_CHARS)
        bigs = rest[len(frac):]
        if not frac or any(c not in CN_DIGITS for c in frac):
            return None
        w = chinese_value(whole) if whole else None
        if w is None or isinstance(w, float):
            return None
        mult = 1
        for c in bigs:
            mult *= CN_BIG[c]
        n = int(str(w) + "".join(str(CN_DIGITS[c]) for c in frac))
        scale = 10 ** len(frac)
        total = n * mult
        return total // scale if total % scale == 0 else total / scale
    if all(c in CN_DIGITS for c in s):
        if len(s) == 1:
            return CN_DIGITS[s]
        # 二〇二〇 / 一九九八 are read digit by digit; two bare digits (五六, 七八) mean "five or
        # six" and have no single value.
        if len(s) >= 3 or "〇" in s or "零" in s or "○" in s:
            return int("".join(str(CN_DIGITS[c]) for c in s))
        return None
    total = 0  # value of the completed 亿 part
    section = 0  # the 万 part below the last 亿
    group = 0  # the part below the last 万/亿
    digit: int | None = None  # a digit waiting for its unit
    last_unit = 0  # the unit that closed the previous digit (for 三万五 = 35000)
    after_zero = False
    ceiling = 10**4  # small units inside a group must decrease (千 > 百 > 十)
    for c in s:
        if c in CN_DIGITS:
            d = CN_DIGITS[c]
            if d == 0:
                if digit is not None:
                    return None
                after_zero = True
                continue
            if digit is not None:
                return None  # two digits in a row inside a positional numeral
            digit = d
        elif c in CN_SMALL:
            u = CN_SMALL[c]
            if u >= ceiling:
                return None
            group += (1 if digit is None else digit) * u
            digit = None
            ceiling = last_unit = u
            after_zero = False
        elif c in CN_BIG:
            u = CN_BIG[c]
            value = group + (digit or 0)
            if u == 10**8:
                if not (total or section or value):
                    return None
                total = (total + section + value) * u
                section = 0
            else:
                if section or not value:
                    return None  # 万 twice inside one 亿 group, or a bare 万
                section = value * u
            group = 0
            digit = None
            last_unit = u
            after_zero = False
            ceiling = 10**4
        else:
            return None
    if digit:
        if after_zero or last_unit == 0:
            group += digit
        else:
            # Colloquial shorthand: the trailing digit takes the next unit down (一千二 = 1200,
            # 三万五 = 35000, 一亿二 = 120000000).
            group += digit * (last_unit // 10)
    return total + section + group


def parse_number(s: str) -> Number | None:
    """Value of an Arabic, Chinese or mixed numeral string with 万/亿 multipliers, or None.

    Qualifier words around the number (约, 超, 余, 多, 左右, 以上…) are ignored; ranges, dates and
    anything that is not a numeral give None. Never raises.
    """
    if not isinstance(s, str):
        return None
    t = s.strip().translate(_FULLWIDTH).replace(" ", "")
    if not t:
        return None
    prev = None
    while prev != t:
        prev = t
        t = _QUAL_STRIP.sub("", t)
    if t.startswith("百分之"):
        return parse_number(t[3:])
    if not t:
        return None
    try:
        m = _AR_FULL.fullmatch(t)
        if m:
            return arabic_value(t)
        m = _MIXED.fullmatch(t)
        if m and m.group(2):
            mult = MULTIPLIERS.get(m.group(2))
            if mult is None:
                return None
            return arabic_value(m.group(1), mult)
        if _CN_RUN.fullmatch(t):
            return chinese_value(t)
        # 三千多万 / 3千多万 / 两千余: drop the inner qualifier, keep the multiplier after it.
        inner = t.replace("多", "").replace("余", "").replace("几", "")
        if inner != t and inner:
            return parse_number(inner)
    except (ValueError, ArithmeticError):
        return None
    return None
