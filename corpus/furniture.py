"""Removing page furniture from article text without losing article paragraphs.

Real pages and their plain-text copies carry navigation, bylines, copyright and disclaimer
blocks, editor lines, image file names, QR-code prompts, "related articles" lists and
advertising. Each line is judged on its own by strong patterns; a long paragraph is only
dropped when it opens with a copyright or disclaimer key, so article text is never lost to a
pattern that merely occurs inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_IMAGE_FILE = re.compile(r"^[\w\-.()\[\]（）\u4e00-\u9fff ]{1,80}\.(?:jpe?g|png|gif|bmp|webp|svg)$", re.I)
_BREADCRUMB = re.compile(
    r"^(?:当前位置|您的位置|你的位置|位置)?[:：]?\s*[^\s>»›/→]{1,12}(?:\s*(?:>>?|»|›|/|→)\s*[^\s>»›/→]{1,12}){1,6}\s*$"
)
_BREADCRUMB_HINT = re.compile(r"首页|正文|当前位置|您的位置|频道|推荐|新闻中心|>")
_EDITOR = re.compile(
    r"^[\[【(]?\s*(?:责任编辑|责编|编辑|编审|审核|审校|校对|初审|复审|终审|值班编辑|作者|记者|通讯员|"
    r"摄影|摄像|来源|稿源|标签|关键词|关键字|字数|原标题|本文来源|文章来源|信息来源|撰稿|供稿|"
    r"主编|监制|策划|统筹|制作|视频|图片|图)\s*[:：|丨]"
)
_COPYRIGHT_START = re.compile(
    r"^[\[【(]?\s*(?:.{0,12}(?:版权和免责声明|版权声明|免责声明)|特别声明|郑重声明|版权所有|声明[:：]|"
    r"Copyright|copyright|COPYRIGHT|©|\(c\)|本网站?所刊|本站所刊|凡本网|凡注明|未经(?:本网|许可|授权)|"
    r"如若转载|转载请注明|本文内容由.{0,12}(?:用户|网友)|本文(?:仅|只)代表作者|本文转载自|"
    r".{0,40}(?:如有侵权|侵权请联系|请联系删除))"
)
# Inside a copyright block, the numbered clauses that follow speak of the site and its rights.
_COPYRIGHT_WORDS = re.compile(r"本网|本站|版权|转载|授权|来电|来函|联系电话|侵权|法律责任|著作权")
_SITE_FOOTER = re.compile(
    r"ICP备|ICP证|公网安备|网安备|增值电信|互联网新闻信息服务许可|违法和不良信息举报|举报电话|举报邮箱|"
    r"主办单位|承办单位|主办[:：]|承办[:：]|技术支持[:：]|网站标识码|政府网站标识|联系我们|网站地图|"
    r"关于我们|设为首页|加入收藏|建议使用.{0,20}浏览器|分辨率"
)
_QR = re.compile(
    r"二维码|扫码|扫一扫|长按识别|长按二维码|关注(?:我们|微信|公众号)|微信公众号|下载.{0,6}客户端|APP下载|"
    r"官方微信|官方微博|官方抖音|加微信|客服微信|微信咨询"
)
_SITE_AD = re.compile(r"(?:www\.|https?://|\.com\b|\.cn\b|\.net\b)")
_EMPTY_LABEL = re.compile(
    r"^(?:所属专题|所属栏目|新闻标签|标签|关键词|专题|附件|相关附件|责任编辑|编辑|来源|作者|分享|扫码阅读)[:：]$"
)
_RELATED = re.compile(
    r"^[\[【]?\s*(?:相关推荐|相关新闻|相关阅读|相关文章|相关链接|相关网站|相关专题|相关稿件|延伸阅读|推荐阅读|"
    r"热点推荐|热门推荐|猜你喜欢|精彩推荐|更多推荐|热门文章|最新文章|图片新闻|往期回顾|今日推荐|"
    r"热点新闻|热门新闻|排行榜|点击排行)\s*[\]】]?\s*[:：]?\s*$"
)
# Page controls, alone or several on one line, bare or in brackets: 【打印本页】 【关闭窗口】.
_CONTROL = r"(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回列表|返回|收藏本页|加入收藏|我要纠错|纠错|推荐给朋友)"
_CONTROLS = re.compile(rf"^(?:[【\[]?\s*{_CONTROL}\s*[】\]]?\s*)+$")
_CHROME = re.compile(
    r"^(?:打印本页|打印|关闭窗口|关闭|返回顶部|返回|分享到[:：]?.*|分享|收藏|点赞|在看|"
    r"【?字体[:：]?.{0,12}】?|【?字号[:：]?.{0,12}】?|上一篇[:：].*|下一篇[:：].*|上一条[:：].*|"
    r"下一条[:：].*|浏览次数[:：].*|阅读次数[:：].*|阅读量[:：].*|点击数[:：].*|访问量[:：].*|"
    r"广告|推广|\[?广告\]?.{0,30}|赞助.{0,10}|点击(?:进入|查看|下载|这里).{0,20}|免费(?:咨询|领取).{0,20}|"
    r"发表评论|我要评论|网友评论|评论\s*\d*|登录|注册|搜索|分享至.{0,20}|扫描到手机|手机看新闻|上一篇.*|下一篇.*|"
    r"\(\d{1,5}\)|\[\d{1,5}\]|查阅全文.*|阅读全文.*|"
    r"微信|微博|QQ空间|朋友圈|\d+\s*/\s*\d+|更多\s*>+|更多|查看更多|展开全文|收起)\s*$"
)
_GOV_META = re.compile(
    r"^(?:索引号|发布机构|发文机关|公开日期|发布日期|成文日期|生成日期|文号|发文字号|主题分类|"
    r"公开方式|公开范围|组配分类|信息分类|体裁分类|主题词|有效性|时效|所属机构|信息来源|发布时间|"
    r"公开形式|公开时限)\s*[:：]"
)
# A byline names people; a line that goes on into a sentence (an interview's 记者: question) is text.
_SENTENCE = re.compile(r"[,。?!;、]|[\u4e00-\u9fff]{9,}")
_TRUNCATED = re.compile(r"试读结束|阅读全文请|全文请订阅|付费阅读|查看全文需|剩余\d+%未读")
_NAV_TOKENS = re.compile(r"^(?:[^\s|｜/·]{1,6}(?:\s+|\s*[|｜/·]\s*)){3,}[^\s|｜/·]{1,6}$")


@dataclass
class Cleaned:
    """Lines kept and what was removed, for the record and for tests."""

    lines: list[str]
    removed: list[tuple[str, str]] = field(default_factory=list)
    truncated: bool = False
    kept: list[int] = field(default_factory=list)  # indexes of the kept lines in the input


def furniture_kind(line: str) -> str | None:
    """Why a single line is page furniture, or None when it may be article text."""
    s = line.strip()
    if not s:
        return None
    if _COPYRIGHT_START.match(s):
        return "copyright"
    if _GOV_META.match(s):
        return "metadata"
    if len(s) <= 80 and _IMAGE_FILE.match(s):
        return "image"
    if len(s) <= 80 and _RELATED.match(s):
        return "related"
    if len(s) <= 60 and _EDITOR.match(s) and not _SENTENCE.search(_EDITOR.sub("", s, count=1)):
        return "byline"
    if len(s) <= 60 and _BREADCRUMB.match(s) and _BREADCRUMB_HINT.search(s):
        return "navigation"
    if len(s) <= 120 and _SITE_FOOTER.search(s):
        return "footer"
    if len(s) <= 40 and _QR.search(s):
        return "qrcode"
    if len(s) <= 60 and _SITE_AD.search(s) and not re.search(r"[。;]", s):
        return "site"
    if _EMPTY_LABEL.match(s):
        return "label"
    if len(s) <= 40 and (_CHROME.match(s) or _CONTROLS.match(s)):
        return "chrome"
    if len(s) <= 60 and _NAV_TOKENS.match(s) and not re.search(r"[。,;]", s):
        return "navigation"
    return None


def _is_list_item(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s) <= 40 and not s.endswith(("。", "!", "?", "”"))


def remove_furniture(lines: list[str]) -> Cleaned:
    """Drop furniture lines; a 'related'/copyright block also takes the short list under it."""
    out = Cleaned(lines=[])
    in_block: str | None = None
    for index, line in enumerate(lines):
        s = line.strip()
        if _TRUNCATED.search(s) and len(s) <= 60:
            out.truncated = True
            out.removed.append(("truncated", s))
            continue
        kind = furniture_kind(s)
        if kind in ("related", "copyright"):
            in_block = kind
            out.removed.append((kind, s))
            continue
        if in_block and (
            not s
            or _is_list_item(s)
            or furniture_kind(s)
            or (in_block == "copyright" and len(set(_COPYRIGHT_WORDS.findall(s))) >= 2)
        ):
            if s:
                out.removed.append((in_block, s))
            continue
        in_block = None
        if kind:
            out.removed.append((kind, s))
            continue
        out.lines.append(line)
        out.kept.append(index)
    return out
