"""Crawl speed: pages per second of touzi's full crawl pipeline against bare Scrapy.

A loopback site of N article pages (default 5,000, 50 links per list page) is generated in a
temporary folder and served by Twisted's static file server in its own process. Each page
is a local-news page: navigation, a sidebar of links, and an article of 4-8 paragraphs drawn
at random from ../shared/corpus/text (read here, at run time; with no corpus, made-up
filler text). Both crawls run with politeness off (no delay, no AutoThrottle, no robots.txt,
32 parallel requests) in their own process:

- bare: a plain scrapy.Spider that follows the same list pages and fetches the same
  articles, with no item pipeline (Scrapy's default scheduler and middlewares);
- touzi: `touzi.spiders.run.crawl` (the news spider, durable frontier, known-URL checks,
  and the Ingestor in its writer process: decoding, trafilatura, htmldate, normalisation,
  near-duplicate fingerprints, FTS terms, SQLite). The crawl's time runs until every
  article is stored.

touzi crawls the site twice: once with a site config that gives no field rules (trafilatura
reads each page) and once with the title, date, source and body rules that most shipped
configs give (the rule's block is the text). It then times the Ingestor's stages on a sample
of the same pages, in-process, to show where a pipeline's time goes. Run by hand:

    .venv/bin/python bench/bench_crawl.py [--pages 5000] [--variant both|generic|rules] [--writer process|inline] [--json bench/out/crawl.json]

The target: the pipeline costs at most 30% of bare Scrapy's rate (ratio >= 0.70).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = REPO.parent / "shared" / "corpus"
PER_LIST = 50
POLITENESS_OFF = {
    "ROBOTSTXT_OBEY": False,
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
    "LOG_LEVEL": "WARNING",
    "TELNETCONSOLE_ENABLED": False,
}

_NAV = "".join(f'<a href="/channel/{i}/">栏目{i}</a> ' for i in range(30))
_SIDE = "".join(f'<li><a href="/topic/{i}.html">专题报道第{i}期</a></li>' for i in range(40))


def _paragraphs() -> list[str]:
    """Paragraphs of real news text from ../shared/corpus/text (never written to the repo)."""
    found: list[str] = []
    root = CORPUS / "text"
    if root.is_dir():
        for path in sorted(root.rglob("*.txt")):
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
                line = line.strip()
                if 40 <= len(line) <= 600:
                    found.append(line)
    if len(found) < 200:  # no corpus: made-up filler with the look of news prose
        rng = random.Random(7)
        chars = "项目投资建设开工企业产业园区亿元万吨年产总计划签约发展经济市县镇街道推进"
        found = ["".join(rng.choice(chars) for _ in range(rng.randint(60, 200))) + "。"
                 for _ in range(3000)]
    return found


def generate(root: Path, pages: int) -> int:
    """Write the site: /list/index_N.html and /a/YYYY/MM/DD/N.html; returns the bytes written."""
    rng = random.Random(2024)
    paragraphs = _paragraphs()
    total = 0
    lists = (pages + PER_LIST - 1) // PER_LIST
    (root / "list").mkdir(parents=True)
    for n in range(pages):
        day = f"2024/{1 + n % 12:02d}/{1 + n % 28:02d}"
        folder = root / "a" / day
        folder.mkdir(parents=True, exist_ok=True)
        body = "".join(f"<p>{p}</p>\n" for p in rng.sample(paragraphs, rng.randint(4, 8)))
        title = f"本地要闻第{n}号 项目建设稳步推进"
        html = (
            f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_本地新闻网</title>'
            f'</head><body><div class="nav">{_NAV}</div><div class="main"><h1>{title}</h1>'
            f'<div class="info">{day.replace("/", "-")} 09:30 来源：本地新闻网</div>'
            f'<div class="content">{body}<p>编号{n}。</p></div></div>'
            f'<div class="side"><ul>{_SIDE}</ul></div><div class="footer">版权所有 本地新闻网</div>'
            "</body></html>"
        ).encode()
        (folder / f"{n}.html").write_bytes(html)
        total += len(html)
    for page in range(1, lists + 1):
        items = "".join(
            f'<li><a href="/a/2024/{1 + n % 12:02d}/{1 + n % 28:02d}/{n}.html">第{n}条</a></li>'
            for n in range((page - 1) * PER_LIST, min(page * PER_LIST, pages))
        )
        nav = f'<a href="index_{page + 1}.html">下一页</a>' if page < lists else ""
        (root / "list" / f"index_{page}.html").write_text(
            f'<html><head><meta charset="utf-8"></head><body><ul>{items}</ul>{nav}</body></html>',
            encoding="utf-8",
        )
    return total


# The site config's [fields]: none (trafilatura finds the text, htmldate and the header line the
# date), or the rules most of spiders/sites/ give (8 of 11 configs name the body's block).
VARIANTS = {
    "generic": "",
    "rules": '[fields]\ntitle = "h1"\ndate = "div.info"\nsource = "div.info"\nbody = "div.content"\n',
}
LABELS = {"generic": "no field rules", "rules": "field rules"}

SERVER = """
import sys
from twisted.internet import reactor
from twisted.web import server, static
site = server.Site(static.File(sys.argv[1]))
port = reactor.listenTCP(0, site, interface="127.0.0.1", backlog=512)
print(port.getHost().port, flush=True)
reactor.run()
"""

BARE = """
import json, sys, time
import scrapy
from scrapy.crawler import CrawlerProcess

class Bare(scrapy.Spider):
    name = "bare"
    def __init__(self, start, **kw):
        super().__init__(**kw)
        self.start_urls = [start]
        self.pages = 0
    def parse(self, response):
        self.pages += 1
        for href in response.css("ul a::attr(href)").getall():
            yield response.follow(href, self.parse_article)
        nxt = response.xpath("//a[text()='下一页']/@href").get()
        if nxt:
            yield response.follow(nxt, self.parse)
    def parse_article(self, response):
        self.pages += 1

settings = json.loads(sys.argv[2])
process = CrawlerProcess(settings)
crawler = process.create_crawler(Bare)
process.crawl(crawler, start=sys.argv[1])
t0 = time.perf_counter()
process.start()
print(json.dumps({"pages": crawler.spider.pages, "seconds": time.perf_counter() - t0}))
"""

FULL = """
import json, sys, time
from touzi.spiders.run import crawl

if __name__ == "__main__":
    settings = json.loads(sys.argv[3])
    t0 = time.perf_counter()
    (report,) = crawl(["bench"], db=sys.argv[1], sites_dirs=[sys.argv[2]], overrides=settings,
                      log_level="WARNING", jobdir=sys.argv[4])
    report["wall_seconds"] = time.perf_counter() - t0
    print(json.dumps(report))
"""


def _run(code: str, *args: str) -> dict:
    # From a file, not `python -c`: Scrapy reads its callbacks' source code.
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False, encoding="utf-8") as script:
        script.write(code)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        proc = subprocess.run([sys.executable, script.name, *args], capture_output=True, text=True,
                              cwd=REPO, timeout=7200)
    finally:
        os.unlink(script.name)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"crawl failed:\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    # CPU of the crawl process and the processes it waited for (touzi's writer), start-up
    # included: unlike pages per second, it hardly depends on what else the machine runs.
    result["cpu_seconds"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return result


def stage_costs(root: Path, sample: int) -> dict[str, float]:
    """Milliseconds per article for the Ingestor's stages, on a sample of the generated pages."""
    from touzi.corpus import dedup
    from touzi.corpus.clean import clean
    from touzi.corpus.encoding import decode
    from touzi.corpus.html import read_html
    from touzi.corpus.model import RawArticle
    from touzi.runner import Ingestor

    files = sorted((root / "a").rglob("*.html"))[:sample]
    datas = [f.read_bytes() for f in files]
    raws = [RawArticle(str(f), d, "html", url=f"http://bench/{i}") for i, (f, d) in enumerate(zip(files, datas, strict=True))]
    costs: dict[str, float] = {}

    def timed(name: str, func) -> list:  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        out = [func(x) for x in raws]
        costs[name] = (time.perf_counter() - start) / len(raws) * 1000
        return out

    texts = [decode(d).text for d in datas]
    timed("decode", lambda r: decode(r.raw))
    start = time.perf_counter()
    for text in texts:
        read_html(text)
    costs["read_html (trafilatura + htmldate)"] = (time.perf_counter() - start) / len(texts) * 1000
    articles = timed("clean (all of corpus)", clean)
    start = time.perf_counter()
    for article in articles:
        dedup.fingerprint(article.text)
    costs["near-dup fingerprint"] = (time.perf_counter() - start) / len(articles) * 1000
    for sync in ("FULL", "NORMAL"):  # touzi ingest's default; what a crawl session sets
        with tempfile.TemporaryDirectory() as tmp, Ingestor(Path(tmp) / "x.db") as ingestor:
            ingestor.db.execute(f"PRAGMA synchronous = {sync}")
            start = time.perf_counter()
            for raw in raws:
                ingestor.add(raw)
            add = (time.perf_counter() - start) / len(raws) * 1000
        costs[f"Ingestor.add, synchronous={sync}"] = add
        costs[f"  of which store, synchronous={sync}"] = add - costs["clean (all of corpus)"]
    return costs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--sample", type=int, default=300, help="pages for the stage timings")
    parser.add_argument("--writer", choices=("process", "inline"), default="process",
                        help="TOUZI_WRITER for the touzi crawl (inline: clean and store on the reactor thread)")
    parser.add_argument("--variant", choices=("both", *VARIANTS), default="both",
                        help="crawl with the generic reading (trafilatura), with a body rule, or both")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        t0 = time.perf_counter()
        size = generate(tmp / "site", args.pages)
        print(f"generated {args.pages} article pages ({size / 1e6:.1f} MB) in "
              f"{time.perf_counter() - t0:.1f}s; corpus text: {(CORPUS / 'text').is_dir()}")
        server = subprocess.Popen([sys.executable, "-c", SERVER, str(tmp / "site")],
                                  stdout=subprocess.PIPE, text=True)
        try:
            port = int(server.stdout.readline())  # type: ignore[union-attr]
            start = f"http://127.0.0.1:{port}/list/index_1.html"
            bare = _run(BARE, start, json.dumps(POLITENESS_OFF))
            full = {}
            for variant in VARIANTS if args.variant == "both" else (args.variant,):
                sites = tmp / f"sites-{variant}"
                sites.mkdir()
                (sites / "bench.toml").write_text(
                    'name = "bench"\ntitle = "本地新闻网"\nlevel = "county"\nregion = "测试"\n'
                    f'allowed_domains = ["127.0.0.1"]\nstart_urls = ["{start}"]\n'
                    "[links]\narticle = ['/a/\\d{4}/\\d{2}/\\d{2}/\\d+\\.html$']\n"
                    f"[pagination]\nmax_pages = {args.pages // PER_LIST + 10}\n" + VARIANTS[variant],
                    encoding="utf-8",
                )
                settings = dict(POLITENESS_OFF, TOUZI_WRITER=args.writer)
                full[variant] = _run(FULL, str(tmp / f"touzi-{variant}.db"), str(sites),
                                     json.dumps(settings), str(tmp / f"jobs-{variant}"))
        finally:
            server.terminate()
            server.wait()
        costs = stage_costs(tmp / "site", min(args.sample, args.pages))

    bare_rate = bare["pages"] / bare["seconds"]
    bare_cpu = bare["cpu_seconds"] / bare["pages"] * 1000
    print(f"bare Scrapy          : {bare['pages']:>6} pages in {bare['seconds']:7.1f}s = {bare_rate:7.1f} pages/s, "
          f"CPU {bare_cpu:.2f} ms/page")
    figures: dict[str, dict[str, float]] = {}
    for variant, run in full.items():
        pages = run["pages_fetched"]
        rate = pages / run["wall_seconds"]
        ratio = rate / bare_rate
        cpu = run["cpu_seconds"] / max(pages, 1) * 1000
        figures[variant] = {"pages_per_second": round(rate, 2), "ratio": round(ratio, 3),
                            "cpu_ms_per_page": round(cpu, 3)}
        print(f"touzi, {LABELS[variant]:<14}: {pages:>6} pages in {run['wall_seconds']:7.1f}s = {rate:7.1f} pages/s, "
              f"CPU {cpu:.2f} ms/page ({run['articles_new']} new, {run['articles_known']} known, "
              f"{run['articles_failed']} failed, {run['errors']} errors)")
        print(f"  ratio {ratio:.3f} (target >= 0.70: {'met' if ratio >= 0.70 else 'NOT met'})")
    print(f"(CPU: crawl and writer processes, start-up included; machine load "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    print("Ingestor stages, ms per article (in-process, same pages, no body rule):")
    for name, ms in costs.items():
        print(f"  {name:<36} {ms:7.2f}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "pages": args.pages, "writer": args.writer, "cpus": os.cpu_count(),
            "bare_pages_per_second": round(bare_rate, 2), "bare_cpu_ms_per_page": round(bare_cpu, 3),
            "touzi": figures, "load": round(os.getloadavg()[0], 2),
            "stage_ms": {k: round(v, 3) for k, v in costs.items()},
        }, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
