"""Decoding article bytes on purpose: declared charsets checked, GB2312/GBK read as GB18030.

Pages lie about their charset (several real pages declare gb2312 and are UTF-8), so a
declaration is a hint, not an order: UTF-8 that validates wins, then the declared codec, then
GB18030 and Big5 judged by how Chinese the result reads.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# GB2312 and GBK are subsets of GB18030; decoding as GB18030 never loses a character they encode.
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "euc-cn": "gb18030",
    "hz-gb-2312": "gb18030",
    "big5-hkscs": "big5hkscs",
    "x-big5": "big5",
    "cp950": "big5",
    "utf8": "utf-8",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
# The most frequent characters of Chinese news in both scripts; a wrong codec yields few of them.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下"
    "过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两"
    "体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线"
    "内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并"
    "提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见"
    "计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七"
    "海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场"
    "身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广"
    "石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办"
    "青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江"
    "型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龍國業經資發"
    "產與個們為會來時對開關區縣設貿計劃億萬專項"
)


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the codec used, and what was noticed on the way."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()
    broken: bool = False


def normalise_codec(name: str | None) -> str | None:
    """Map a declared charset name to the codec touzi decodes it with (None if unknown)."""
    if not name:
        return None
    key = name.strip().strip("\"'").lower()
    key = _ALIASES.get(key, key)
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its <meta> tags (first 4 KB), if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def chinese_score(text: str) -> float:
    """Share of characters that are common Chinese characters (how 'right' a decoding reads)."""
    cjk = common = 0
    for ch in text[:20000]:
        if "\u4e00" <= ch <= "\u9fff":
            cjk += 1
            if ch in _COMMON:
                common += 1
    return common / cjk if cjk else 0.0


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode article bytes; `declared` is a charset from HTTP headers, metadata or a meta tag."""
    warnings: list[str] = []
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            text = _try(data, codec)
            if text is not None:
                return Decoded(text, "utf-8" if codec == "utf-8-sig" else codec)
    # Valid UTF-8 that contains non-ASCII is almost never anything else.
    text = _try(data, "utf-8")
    declared_codec = normalise_codec(declared)
    if text is not None:
        if declared_codec and declared_codec not in ("utf-8", "ascii") and not data.isascii():
            warnings.append(f"declared {declared} but the bytes are UTF-8")
        return Decoded(text, "utf-8", tuple(warnings))
    if declared and not declared_codec:
        warnings.append(f"unknown charset {declared!r} declared")
    candidates: list[tuple[float, str, str]] = []
    for codec in dict.fromkeys(c for c in (declared_codec, "gb18030", "big5") if c):
        decoded = _try(data, codec)
        if decoded is not None:
            score = chinese_score(decoded) + (0.05 if codec == declared_codec else 0.0)
            candidates.append((score, codec, decoded))
    if candidates:
        candidates.sort(key=lambda c: c[0], reverse=True)
        _, codec, decoded = candidates[0]
        if declared_codec and codec != declared_codec:
            warnings.append(f"declared {declared} but the bytes read as {codec}")
        return Decoded(decoded, codec, tuple(warnings))
    # Nothing decodes cleanly: keep what can be read and say so.
    best_codec = declared_codec or "gb18030"
    scored = []
    for codec in dict.fromkeys((best_codec, "utf-8", "gb18030", "big5")):
        decoded = data.decode(codec, errors="replace")
        bad = decoded.count("\ufffd")
        scored.append((bad / max(len(decoded), 1), -chinese_score(decoded), codec, decoded))
    scored.sort()
    ratio, _, codec, decoded = scored[0]
    warnings.append(f"bytes are not valid in any Chinese encoding; decoded as {codec} with "
                    f"{decoded.count(chr(0xFFFD))} replacement characters")
    return Decoded(decoded, codec, tuple(warnings), broken=True)


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text at all (NUL bytes or many control characters)."""
    head = data[:8192]
    if b"\x00" in head and not (head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE)):
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.05
