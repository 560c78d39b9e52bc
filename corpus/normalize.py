"""Character-level normalisation of article text.

Full-width ASCII becomes half-width one character for one character, so offsets into the
normalised text still line up with what a reader sees; traditional characters become
simplified only in paragraphs that are traditional (OpenCC's t2s also rewrites a few
simplified names, e.g. 赞昇 → 赞升, so simplified text is left alone); pinyin glosses that
mirror sites insert after characters (項(xiàng)目) and forum cruft are removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import opencc

_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20})
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TABLE = {**_WIDTH, **_ZERO_WIDTH}

_PINYIN_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff])\(\s*[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[1-5]?"
    r"(?:\s+[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[1-5]?)*\s*\)"
)
# Forum/spam cruft: three or more short ASCII tokens with symbols, wedged between Chinese text.
# Each token is a whole ASCII run (the lookahead), so the pattern cannot backtrack exponentially.
_CRUFT = re.compile(
    r"(?<=[\u4e00-\u9fff,。;:、])(?:[ \t]*[!-~]{1,3}(?![!-~])){3,}[ \t]*(?=[\u4e00-\u9fff])"
)
_CRUFT_SYMBOL = re.compile(r"[;_+=*&^%$#@~`|\\<>{}\[\]]")
_DOUBLE_PUNCT = re.compile(r"([,，、。;])\1+")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Simplified:
    """Text after traditional→simplified conversion, with what was converted."""

    text: str
    variant: str  # simplified | traditional | mixed
    changed: bool


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def fold_width(text: str) -> str:
    """Full-width to half-width, character for character (zero-width characters kept)."""
    return text.translate(_WIDTH)


def width(text: str) -> str:
    """Full-width ASCII and odd spaces to half-width, zero-width characters dropped."""
    return text.translate(_TABLE)


def strip_glosses(text: str) -> str:
    """Remove pinyin glosses inserted after characters: 項(xiàng)目 → 項目."""
    return _PINYIN_GLOSS.sub("", text)


def strip_cruft(text: str) -> str:
    """Remove runs of ASCII junk wedged into Chinese sentences, and doubled punctuation."""

    def _drop(match: re.Match[str]) -> str:
        return "" if _CRUFT_SYMBOL.search(match.group(0)) else match.group(0)

    return _DOUBLE_PUNCT.sub(r"\1", _CRUFT.sub(_drop, text))


def traditional_ratio(text: str) -> float:
    """Share of Chinese characters that OpenCC t2s would change."""
    cjk = _CJK.findall(text)
    if not cjk:
        return 0.0
    sample = "".join(cjk[:5000])
    converted = _t2s().convert(sample)
    changed = sum(1 for a, b in zip(sample, converted, strict=False) if a != b)
    return changed / len(sample)


# A simplified paragraph changes under t2s in well under 1% of characters; traditional text in
# 15-30%. 4% separates them with room for short paragraphs.
_TRADITIONAL_AT = 0.04


def simplify(text: str) -> Simplified:
    """Convert the traditional paragraphs of a text to simplified characters."""
    paragraphs = text.split("\n")
    out: list[str] = []
    converted = kept = 0
    for para in paragraphs:
        if _CJK.search(para) and traditional_ratio(para) >= _TRADITIONAL_AT:
            new = _t2s().convert(para)
            # t2s maps character for character; keep the original if it ever does not.
            out.append(new if len(new) == len(para) else para)
            converted += 1
        else:
            out.append(para)
            if _CJK.search(para):
                kept += 1
    if not converted:
        return Simplified(text, "simplified", False)
    variant = "traditional" if kept <= converted // 10 else "mixed"
    return Simplified("\n".join(out), variant, True)


def normalise_lines(text: str) -> str:
    """Unify line breaks and drop trailing spaces; paragraph breaks stay."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def normalise(text: str) -> str:
    """Width, glosses, cruft and line breaks: everything but script conversion."""
    return strip_cruft(strip_glosses(width(normalise_lines(text))))
