"""Site configs: one TOML file per site in spiders/sites/, read into a checked `SiteConfig`.

A config names where a site's lists start, which links are articles, how to reach the next
list page, and (optionally) CSS or XPath rules for title, date, source and body. Everything
is checked when the file is read (unknown keys, bad regexes, bad selectors), so a typo fails
`touzi sites` instead of silently crawling nothing. The keys are documented in
spiders/sites/README.md.

    >>> site = load_site("zjol")
    >>> site.is_article("https://zjnews.zjol.com.cn/zjnews/zjxw/202401/t20240105_26567890.shtml")
    True
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from parsel.csstranslator import HTMLTranslator

LEVELS = ("province", "prefecture", "county", "other")
FIELDS = ("title", "date", "source", "body")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_XPATH_START = ("/", "(", "./", "string(", "normalize-space(", "concat(", "substring")
_TEMPLATE_KEYS = {"page", "start", "end", "per_page"}
# Environment variable with extra folders of site configs (os.pathsep-separated), searched
# before the configs shipped with touzi.
SITES_ENV = "TOUZI_SITES"


class ConfigError(ValueError):
    """A site config that cannot be used, with the file it came from."""


@dataclass(frozen=True)
class Rule:
    """A CSS or XPath expression that picks part of a page (XPath if it starts with / or ()."""

    expr: str
    kind: str  # css | xpath

    @classmethod
    def parse(cls, expr: str, where: str) -> Rule:
        """Check an expression and say which language it is in."""
        expr = expr.strip()
        if not expr:
            raise ConfigError(f"{where}: empty selector")
        if expr.startswith(_XPATH_START):
            try:
                etree.XPath(expr)
            except etree.XPathSyntaxError as exc:
                raise ConfigError(f"{where}: bad XPath {expr!r}: {exc}") from None
            return cls(expr, "xpath")
        try:
            HTMLTranslator().css_to_xpath(expr)
        except Exception as exc:  # cssselect raises several error types for bad CSS
            raise ConfigError(f"{where}: bad CSS selector {expr!r}: {exc}") from None
        return cls(expr, "css")

    def apply(self, selector: Any) -> Any:
        """Run the rule on a parsel Selector; returns a SelectorList."""
        return selector.xpath(self.expr) if self.kind == "xpath" else selector.css(self.expr)


@dataclass(frozen=True)
class SiteConfig:
    """One site: where to start, which links to follow, and how to read its pages."""

    name: str
    title: str
    level: str
    region: str
    allowed_domains: tuple[str, ...]
    start_urls: tuple[str, ...]
    article: tuple[re.Pattern[str], ...]
    homepage: str | None = None
    deny: tuple[re.Pattern[str], ...] = ()
    follow: tuple[re.Pattern[str], ...] = ()
    restrict: Rule | None = None
    next_page: Rule | None = None
    template: str | None = None
    first: int = 2
    per_page: int = 20
    section_pattern: re.Pattern[str] | None = None
    page_pattern: re.Pattern[str] | None = None
    max_pages: int = 50
    fields: dict[str, Rule] = field(default_factory=dict)
    download_delay: float | None = None
    max_concurrency: int | None = None
    verified: bool = False
    notes: str = ""
    path: str = ""

    def on_site(self, url: str) -> bool:
        """True when the URL's host is one of the allowed domains or below one."""
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def is_article(self, url: str) -> bool:
        """True when the URL is on the site and matches an article pattern and no deny pattern."""
        return (
            self.on_site(url)
            and any(p.search(url) for p in self.article)
            and not any(p.search(url) for p in self.deny)
        )

    def is_list(self, url: str) -> bool:
        """True when the URL is a further list page (section) to crawl."""
        return (
            self.on_site(url)
            and any(p.search(url) for p in self.follow)
            and not any(p.search(url) for p in self.deny)
            and not self.is_article(url)
        )

    def page_url(self, section: str, page: int, found: dict[str, str] | None = None) -> str | None:
        """The URL of list page `page` (2, 3, …) of a section, from the pagination template.

        `found` holds what `page_pattern` found on the section's first page; None when the
        template needs a value nobody found.
        """
        if not self.template or page < 2:
            return None
        values: dict[str, Any] = {
            "page": self.first + page - 2,
            "start": (page - 1) * self.per_page + 1,
            "end": page * self.per_page,
            "per_page": self.per_page,
        }
        if self.section_pattern is not None:
            match = self.section_pattern.search(section)
            if not match:
                return None
            values.update({k: v or "" for k, v in match.groupdict().items()})
        values.update(found or {})
        try:
            return urljoin(section, self.template.format_map(values))
        except KeyError:
            return None

    def summary(self) -> dict[str, Any]:
        """JSON-ready description (the keys `touzi sites --format json` prints)."""
        return {
            "name": self.name,
            "title": self.title,
            "level": self.level,
            "region": self.region,
            "homepage": self.homepage,
            "allowed_domains": list(self.allowed_domains),
            "start_urls": list(self.start_urls),
            "fields": sorted(self.fields),
            "pagination": "template" if self.template else ("rule" if self.next_page else "next-link"),
            "max_pages": self.max_pages,
            "verified": self.verified,
            "notes": self.notes,
            "path": self.path,
        }


_TOP_KEYS = {
    "name", "title", "level", "region", "homepage", "allowed_domains", "start_urls", "verified",
    "notes", "download_delay", "max_concurrency", "links", "pagination", "fields",
}
_LINK_KEYS = {"article", "deny", "follow", "restrict"}
_PAGINATION_KEYS = {
    "next", "template", "first", "per_page", "section_pattern", "page_pattern", "max_pages",
}


def _strings(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"{where}: expected a string or a list of strings")


def _patterns(value: Any, where: str) -> tuple[re.Pattern[str], ...]:
    out = []
    for expr in _strings(value, where):
        try:
            out.append(re.compile(expr))
        except re.error as exc:
            raise ConfigError(f"{where}: bad regular expression {expr!r}: {exc}") from None
    return tuple(out)


def _table(data: dict[str, Any], key: str, allowed: set[str], where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: [{key}] must be a table")
    unknown = set(value) - allowed
    if unknown:
        raise ConfigError(f"{where}: unknown keys in [{key}]: {', '.join(sorted(unknown))}")
    return value


def _int(value: Any, where: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ConfigError(f"{where}: expected an integer >= {minimum}")
    return value


def parse_config(data: dict[str, Any], name: str, path: str = "") -> SiteConfig:
    """Check a parsed TOML document and build its SiteConfig (raises ConfigError)."""
    where = path or name
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown keys: {', '.join(sorted(unknown))}")
    if data.get("name", name) != name:
        raise ConfigError(f"{where}: name {data.get('name')!r} differs from the file name {name!r}")
    if not _NAME.match(name):
        raise ConfigError(f"{where}: site names are lower-case letters, digits, - and _")
    for key in ("title", "region"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise ConfigError(f"{where}: {key} is required")
    level = data.get("level", "other")
    if level not in LEVELS:
        raise ConfigError(f"{where}: level must be one of {', '.join(LEVELS)}")
    domains = [d.strip().lower() for d in _strings(data.get("allowed_domains", []), where + ": allowed_domains")]
    if not domains or any(not d or "/" in d or ":" in d for d in domains):
        raise ConfigError(f"{where}: allowed_domains must list bare host names (no scheme, path or port)")
    starts = _strings(data.get("start_urls", []), where + ": start_urls")
    if not starts:
        raise ConfigError(f"{where}: start_urls is required")
    links = _table(data, "links", _LINK_KEYS, where)
    pagination = _table(data, "pagination", _PAGINATION_KEYS, where)
    fields_in = _table(data, "fields", set(FIELDS), where)
    if "article" not in links:
        raise ConfigError(f"{where}: [links] article (regular expressions of article URLs) is required")
    restrict = links.get("restrict")
    next_rule = pagination.get("next")
    section_pattern = None
    if "section_pattern" in pagination:
        section_pattern = _patterns(pagination["section_pattern"], where + ": section_pattern")[0]
    page_pattern = None
    if "page_pattern" in pagination:
        page_pattern = _patterns(pagination["page_pattern"], where + ": page_pattern")[0]
    template = pagination.get("template")
    if template is not None:
        if not isinstance(template, str) or not template.strip():
            raise ConfigError(f"{where}: pagination.template must be a string")
        keys = {m.group(1) for m in re.finditer(r"\{(\w+)\}", template)}
        allowed = set(_TEMPLATE_KEYS)
        for pattern in (section_pattern, page_pattern):
            if pattern is not None:
                allowed |= set(pattern.groupindex)
        if keys - allowed:
            raise ConfigError(f"{where}: pagination.template uses unknown fields {sorted(keys - allowed)}")
    delay = data.get("download_delay")
    if delay is not None and (isinstance(delay, bool) or not isinstance(delay, int | float) or delay < 0):
        raise ConfigError(f"{where}: download_delay must be a number of seconds")
    fields = {}
    for key, expr in fields_in.items():
        if not isinstance(expr, str):
            raise ConfigError(f"{where}: fields.{key} must be a selector string")
        fields[key] = Rule.parse(expr, f"{where}: fields.{key}")
    config = SiteConfig(
        name=name,
        title=data["title"].strip(),
        level=level,
        region=data["region"].strip(),
        homepage=data.get("homepage"),
        allowed_domains=tuple(domains),
        start_urls=tuple(starts),
        article=_patterns(links["article"], where + ": links.article"),
        deny=_patterns(links.get("deny", []), where + ": links.deny"),
        follow=_patterns(links.get("follow", []), where + ": links.follow"),
        restrict=Rule.parse(restrict, where + ": links.restrict") if restrict else None,
        next_page=Rule.parse(next_rule, where + ": pagination.next") if next_rule else None,
        template=template,
        first=_int(pagination.get("first", 2), where + ": pagination.first", 0),
        per_page=_int(pagination.get("per_page", 20), where + ": pagination.per_page", 1),
        section_pattern=section_pattern,
        page_pattern=page_pattern,
        max_pages=_int(pagination.get("max_pages", 50), where + ": pagination.max_pages", 1),
        fields=fields,
        download_delay=float(delay) if delay is not None else None,
        max_concurrency=(
            _int(data["max_concurrency"], where + ": max_concurrency", 1)
            if "max_concurrency" in data else None
        ),
        verified=bool(data.get("verified", False)),
        notes=str(data.get("notes", "")).strip(),
        path=path,
    )
    for url in config.start_urls:
        if not url.startswith(("http://", "https://")) or not config.on_site(url):
            raise ConfigError(f"{where}: start URL {url!r} is not an http(s) URL on allowed_domains")
    return config


def parse_text(text: str, name: str, path: str = "") -> SiteConfig:
    """A SiteConfig from TOML text."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path or name}: not valid TOML: {exc}") from None
    return parse_config(data, name, path)


def _dirs(extra: Iterable[str | Path] = ()) -> list[Path]:
    dirs = [Path(d) for d in extra]
    dirs += [Path(p) for p in os.environ.get(SITES_ENV, "").split(os.pathsep) if p.strip()]
    return dirs


def _packaged() -> Iterator[tuple[str, Any]]:
    root = resources.files("touzi.spiders") / "sites"
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            yield entry.name[: -len(".toml")], entry


def available(extra_dirs: Sequence[str | Path] = ()) -> dict[str, str]:
    """Every site config name and the file it comes from (user folders shadow shipped ones)."""
    found: dict[str, str] = {}
    for folder in _dirs(extra_dirs):
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                found.setdefault(path.stem, str(path))
    for name, entry in _packaged():
        found.setdefault(name, str(entry))
    return dict(sorted(found.items()))


def load_site(name_or_path: str | Path, extra_dirs: Sequence[str | Path] = ()) -> SiteConfig:
    """The config of a site by name (searched in extra folders, $TOUZI_SITES, shipped) or file path."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".toml" and candidate.is_file():
        return parse_text(candidate.read_text(encoding="utf-8"), candidate.stem, str(candidate))
    name = str(name_or_path)
    for folder in _dirs(extra_dirs):
        path = folder / f"{name}.toml"
        if path.is_file():
            return parse_text(path.read_text(encoding="utf-8"), name, str(path))
    for packaged, entry in _packaged():
        if packaged == name:
            return parse_text(entry.read_text(encoding="utf-8"), name, str(entry))
    known = ", ".join(available(extra_dirs)) or "none"
    raise ConfigError(f"no site config named {name!r} (known: {known})")


def load_all(extra_dirs: Sequence[str | Path] = ()) -> tuple[list[SiteConfig], dict[str, str]]:
    """Every config that loads, and the error of each one that does not."""
    good: list[SiteConfig] = []
    bad: dict[str, str] = {}
    for name, path in available(extra_dirs).items():
        try:
            good.append(load_site(path if path.endswith(".toml") and Path(path).is_file() else name, extra_dirs))
        except ConfigError as exc:
            bad[name] = str(exc)
    return good, bad
