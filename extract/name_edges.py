"""Where a name starts: walking left from a head word (项目, 有限公司…) to the clause boundary,
then cutting at the last word that cannot be inside a name (verbs, prepositions, time words).

Names are written without spaces, so their left edge is the hard part of Chinese NER. A full
jieba pass costs ~50 articles per second (peers.md), so the edge is found with character rules
on a short window; spans that must stay whole (places, company names, capacity figures such as
年产50万吨的) are passed in as `protected` and no cut falls inside them.
"""

from __future__ import annotations

import bisect
import re

from touzi.extract.alternation import by_first_char

OPENERS = "（(“「『‘《〈【"
CLOSERS = "）)”」』’》〉】"
_PAIR = dict(zip(CLOSERS, OPENERS, strict=True))
# Characters a name may hold besides CJK letters, ASCII letters and digits.
_INNER = set("．.·・/×±+-－_#&'′'")


def is_name_char(c: str) -> bool:
    """True for characters that can be part of a project or company name."""
    o = ord(c)
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
        return True
    if c.isascii():
        return c.isalnum() or c in _INNER
    if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        return True  # full-width letters and digits
    return c in _INNER or c in "〇"


# The characters is_name_char accepts, as a class: the run of them that ends at a position is
# found by one regex search (walk_left's first step), not character by character.
_NAME_CHARS = (
    "\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a〇"
    + "".join("\\" + c if c in "\\]^-[" else c for c in sorted(_INNER))
)
_NAME_RUN_END = re.compile(f"[{_NAME_CHARS}]*+\\Z")


def walk_left(text: str, pos: int, floor: int) -> int:
    """Start of the run of name characters ending at `pos`, not before `floor`.

    A closing bracket or quote is crossed together with its opener (中节能(桐乡)环保产业园,
    “渔光互补”分布式光伏发电项目); an unmatched opener ends the run.
    """
    floor = max(0, floor)
    if pos <= floor:
        return pos
    i = _NAME_RUN_END.search(text, floor, pos).start()  # type: ignore[union-attr]
    if i == floor or (text[i - 1] != "—" and text[i - 1] not in _PAIR):
        return i  # (the run ends at a character that is no dash or closer)
    while i > floor:
        c = text[i - 1]
        if "\u4e00" <= c <= "\u9fff" or is_name_char(c):  # (CJK first: most characters)
            i -= 1
            continue
        if c == "—" and i - 2 >= floor and text[i - 2] != "—" and i < len(text) \
                and text[i] != "—" and is_name_char(text[i - 2]):
            i -= 1  # 首钢—凯西项目: one dash joins two names; two (——) set off an apposition
            continue
        opener = _PAIR.get(c)
        if opener is None:
            break
        j = text.rfind(opener, floor, i - 1)
        if j < 0 or i - 1 - j > 24 or any(ch in "。；;！？!?\n" for ch in text[j:i]):
            break
        if j == floor or not is_name_char(text[j - 1]) and text[j - 1] not in CLOSERS:
            i = j  # a quoted or bracketed phrase opens the run (“两路二环”工程)
            break
        i = j
    return i


# Words that end the text before a name: verbs, prepositions, adverbs, time and discourse
# words. A cut falls after the last one found in the window. Verbs that also modify nouns
# inside names (并网发电, 综合利用, 创新合作中心, 综合服务基地) are deliberately absent.
MULTI_STOPS = (
    "开工建设", "投资建设", "投资兴建", "出资建设", "捐资建设", "配套建设", "建设成为", "打造成为",
    "注册成立", "投建", "选址", "集中开工", "全面开工", "正式开工", "举行了", "开工", "开建", "动工", "兴建",
    "新建", "扩建", "建设", "建成", "实施", "推进", "推动", "加快", "加紧", "抓紧", "启动(?!区)",
    "举行", "举办", "考察了", "考察", "了解", "参观", "视察", "调研", "听取", "签约", "签订",
    "签署", "落户", "入驻", "投资", "出资", "捐资", "成立", "奠基", "正在", "已经", "目前",
    "今天", "今年", "去年", "明年", "日前", "近日", "近期", "当前", "其中", "包括", "涉及",
    "以及", "作为", "位于", "对于", "关于", "通过", "随着", "依托", "围绕", "为了", "由于",
    "此外", "同时", "还有", "还将", "将在", "正式", "顺利", "全面", "集中", "陆续", "相继",
    "分别", "首个", "首条", "首座", "首批", "一批", "一系列", "一大批", "一个", "一座", "一条",
    "一家", "这个", "这些", "那些", "上述", "所有", "全部", "因此", "所以", "但是", "而且",
    "并且", "比如", "例如", "譬如", "就是", "也是", "还是", "成为", "计划", "预计", "力争",
    "争取", "准备", "确保", "开展", "进行", "组织", "宣布", "发布", "公布", "表示", "介绍",
    "透露", "获悉", "标志着", "意味着", "助推", "负责", "牵头", "收购", "持有",
    "拥有", "具有", "迎来", "推出", "发起", "召开", "出席", "参加", "看到", "来到", "走进",
    "前往", "在建", "续建", "拟建", "即将", "将于", "已于", "又一", "再次", "继续", "不断",
    "进一步", "全力", "加大", "实行", "推行", "采取", "部署", "筹建", "谋划", "编制", "申报",
    "获批", "获得", "取得", "中标", "竞得", "摘得", "拍得", "承建", "打造", "引进", "投产",
    "竣工", "完成", "实现", "拟投资", "拟投", "运营管理", "配备", "开发(?!区)", "打通", "结束",
    "用于", "投向", "[东西南北]连", "[东西南北]接",
    # policy verbs of work reports (落实…中心, 构建以…实验室, 打好…工程)
    "落实", "加强", "构建", "强化", "发挥", "荣获", "着力", "推介", "布局", "完善", "提高",
    "畅通", "创建", "做实", "打好", "深化", "优化", "持续", "组建", "设立", "争创", "建好",
    "用好", "要以", "支持", "运行", "健全", "培育", "鼓励", "引导", "聚焦", "壮大", "夯实",
    "开通", "满足", "保护好", "管好", "下属", "旗下", "继", "一方面", "另一方面", "参与",
    "快上", "再上", "新上", "上马", "抢抓", "直达", "通往", "通达", "抵达", "到达", "形成", "终点接", "起点接", "连接(?!线)", "途经", "连通", "衔接",
    # connectives opening a clause (但大唐…, 不过TCL…) and policy verbs of programmes
    # (做好…前期工作, 积极配合, 大力发展新能源项目): no name starts with them
    "不过", "然而", "可是", "只是", "做好", "配合", "大力发展", "积极发展", "大力", "积极",
    "做强", "做大", "做优", "建强", "办好", "建设好", "运营好", "利用好", "守护好", "维护好",
    "近日批准", "投运", "投用", "启用", "融入", "拓宽", "拓展", "提速", "入选", "纳入", "列入", "加密",
    # a verb's resultative 好 (守好, 建好…三江源国家公园): the verb before it may be any
    "好(?<=[建管用办守护做抓保修营治施进设理实落发]好)",
    # travel and passage verbs (坐着高铁环岛游, 经过100米…的比拼): the vehicle is no project
    "坐着", "乘坐", "乘着", "经过",
    # inspection verbs (检查组深入某电站项目, 督导检查某项目): the visitor is no part of the name
    "深入", "督导检查", "督导", "督查", "检查了", "察看", "查看",
)
# Single characters that end the text before a name, unless the neighbours make a word
# (有限, 对位, 并网, 在线…) or the character sits in a protected span.
_SINGLE = "的在是为将把对由了于从向到等有被并也已还以跟受但着靠如含却"
_NOT_SINGLE = re.compile(
    r"有[限色机线]|对[位口外接称]|在线|将军|[高中初平同均]等|等[级离]|到位|向[阳家]|于都|是否|"
    r"跟[踪进随]|[接承享感遭]受|受[理托益让]|为民|[作认成因]为|为[主首]|[以关至属位对等由]于|[从有也还]有|[自缘理]由|被[动服]|并[网购]|应的|"
    r"以[上下色外及]|[所可难得予加足用借]以|着[陆装色火]|靠山|背靠背|如[意皋东]|[比例譬假]如|含[山量]|有[效序力]"
)
# Longest words first, then the single characters. Grouped by first character (see
# alternation.py): a search tries ~3 branches per position instead of ~250 (3× faster).
_STOP_RE = re.compile(by_first_char([
    *sorted(MULTI_STOPS, key=lambda w: len(re.sub(r"\(\?.*?\)", "", w)), reverse=True),
    f"[{_SINGLE}]", "[建投拟](?=[\\d一二三四五六七八九十])",
]))


class Protected:
    """Sorted spans no cut may fall inside (places, companies, capacity figures)."""

    __slots__ = ("spans", "starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def covers(self, a: int, b: int) -> bool:
        """True when [a, b) overlaps a protected span."""
        # (one function, not two: asked ~24,000 times per corpus pass)
        spans = self.spans
        i = bisect.bisect_right(self.starts, b - 1) - 1
        while i >= 0:
            s, e = spans[i]
            if e <= a:
                if s < a - 40:
                    break
                i -= 1
                continue
            if s < b and e > a:
                return True
            i -= 1
        return False

    def span_at(self, pos: int) -> tuple[int, int] | None:
        """The protected span holding offset `pos`, if any."""
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0 and self.spans[i][0] > pos - 60:
            s, e = self.spans[i]
            if s <= pos < e:
                return s, e
            i -= 1
        return None


def last_stop(text: str, start: int, end: int, protected: Protected | None = None,
              keep: int = 1, de_ok: frozenset[int] | set[int] = frozenset()) -> int:
    """Offset just after the last stop word in text[start:end] that leaves at least `keep`
    characters before `end`; `start` when there is none. A stop at an offset in `de_ok`
    (年产30万吨的乙醇项目: the capacity figure owns its 的; 某车企首个工厂: the firm its 首个)
    is not a stop."""
    cut = start
    limit = end - keep
    pos = start
    while pos < limit:
        m = _STOP_RE.search(text, pos, limit)
        if m is None:
            break
        a, b = m.start(), m.end()
        # (the next search starts inside this word: 在长兴建设 holds 兴建 and 建设, and the
        # later one ends the text before the name)
        pos = a + 1
        if a in de_ok:
            continue
        if b - a == 1 and ((a > 0 and _NOT_SINGLE.match(text, a - 1)) or _NOT_SINGLE.match(text, a)):
            continue
        if protected is not None and protected.covers(a, b):
            continue
        if b < len(text) and text[b] == "式":
            continue  # 集中式光伏, 一站式服务中心: the word and 式 make one modifier
        cut = max(cut, b)
    return cut
