"""Ingesting from the web: pages, feeds and sitemaps served by a site on 127.0.0.1.

Every test passes ``--delay 0`` (no pause between requests to one host) unless it
tests the pause itself, and a short ``--timeout`` where a page is slow on purpose.
"""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import time
from pathlib import Path

import pytest
from clihelpers import no_traceback, ok_json
from engines import rows
from website import Reply, Site

from factcheck import __version__
from factcheck.errors import FetchError
from factcheck.ingest.fetch import Fetcher, FetchPolicy

FAST = ("--delay", "0")


def page(body: str, *, title: str = "Rail fares rise", head: str = "") -> str:
    return (f"<!doctype html><html><head><title>{title}</title>{head}</head><body><article>"
            f"<h1>{title}</h1>{body}</article><footer>© 2023 The Ledger</footer></body></html>")


FARES = ("<p>Rail fares rose by 3.1% last year, the Office of Rail and Road said on Wednesday.</p>"
         "<p>Some 1.7 billion journeys were made in Britain, up 2% on the year before.</p>")
BUSES = ("<p>Bus passenger numbers fell by 4% in England, the Department for Transport said.</p>"
         "<p>Councils cut 3,000 routes over the decade, according to the Campaign for Better Transport.</p>")
DATED_HEAD = ('<link rel="canonical" href="/news/rail-fares">'
              '<meta property="og:site_name" content="The Ledger">'
              '<meta property="article:published_time" content="2019-03-06T08:00:00+00:00">'
              '<meta name="author" content="Ann Lee">')


def sources(invoke, db: Path) -> dict[str, dict]:
    return {s["source"]: s for s in ok_json(invoke(db, "sources", "--format", "json"))}


def failures(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("failed:")]


def assert_offsets_hold(db: Path) -> None:
    """Every stored claim's mention is the stored text at its offsets."""
    for text, start, end, mention in rows(db, "SELECT d.text, c.span_start, c.span_end, c.mention "
                                              "FROM claims c JOIN documents d ON d.id = c.document_id"):
        assert text[start:end] == mention


# --- pages ------------------------------------------------------------------------------------


def test_a_page_with_metadata_is_stored_under_its_canonical_url_with_its_date(invoke, db_path, site: Site):
    url = site.add("/story?id=7&utm_source=rss", page(FARES, head=DATED_HEAD))
    result = invoke(db_path, "ingest", url, *FAST)
    assert result.exit_code == 0, result.output
    assert "added 1," in result.stderr
    stored = sources(invoke, db_path)
    canonical = site.url("/news/rail-fares")
    assert list(stored) == [canonical]
    doc = stored[canonical]
    assert (doc["title"], doc["publisher"], doc["author"], doc["date"], doc["url"]) == (
        "Rail fares rise", "The Ledger", "Ann Lee", "2019-03-06", canonical)
    assert_offsets_hold(db_path)
    # the page's date anchors its relative periods, as show tells
    claims = ok_json(invoke(db_path, "claims", "--format", "json"))
    fares = next(c for c in claims if c["mention"] == "3.1%")
    assert (fares["period"], fares["period_start"], fares["period_end"]) == ("last year", "2018-01-01", "2018-12-31")
    shown = invoke(db_path, "show", str(fares["id"]))
    assert shown.exit_code == 0, shown.output
    assert "2018-01-01" in shown.stdout and "2018-12-31" in shown.stdout and canonical in shown.stdout


def test_a_page_without_metadata_is_stored_under_its_address_without_a_date(invoke, db_path, site: Site):
    url = site.add("/plain", page(FARES))
    result = invoke(db_path, "ingest", url, *FAST)
    assert result.exit_code == 0, result.output
    [doc] = sources(invoke, db_path).values()
    assert (doc["source"], doc["title"], doc["date"]) == (url, "Rail fares rise", None)
    fares = next(c for c in ok_json(invoke(db_path, "claims", "--format", "json")) if c["mention"] == "3.1%")
    assert fares["period"] == "last year" and fares["period_start"] is None  # no date to resolve it against


def test_a_plain_text_page_is_read_as_text(invoke, db_path, site: Site):
    text = "Bus fares\n\nBus fares rose by 5% in 2018, the council said.\n"
    url = site.add("/notes.txt", Reply(text, content_type="text/plain; charset=utf-8"))
    result = invoke(db_path, "ingest", url, *FAST)
    assert result.exit_code == 0, result.output
    assert rows(db_path, "SELECT text, kind FROM documents") == [(text, "text")]


def test_an_unchanged_page_adds_nothing_and_a_changed_one_replaces_it(invoke, db_path, site: Site):
    url = site.add("/story", page(FARES, head=DATED_HEAD))
    assert invoke(db_path, "ingest", url, *FAST).exit_code == 0
    again = invoke(db_path, "ingest", url, *FAST)
    assert again.exit_code == 0, again.output
    assert "added 0, updated 0, unchanged 1," in again.stderr
    site.add("/story", page(FARES.replace("3.1%", "2.8%"), head=DATED_HEAD))
    changed = invoke(db_path, "ingest", url, *FAST)
    assert "added 0, updated 1," in changed.stderr, changed.stderr
    mentions = {c["mention"] for c in ok_json(invoke(db_path, "claims", "--format", "json"))}
    assert "2.8%" in mentions and "3.1%" not in mentions
    assert rows(db_path, "SELECT count(*) FROM documents") == [(1,)]


def test_every_failure_is_one_line_and_the_rest_are_stored(invoke, db_path, site: Site):
    site.add("/robots.txt", Reply("User-agent: *\nDisallow: /private/\n", content_type="text/plain"))
    good = site.add("/good", page(FARES))
    missing = site.url("/missing")
    pdf = site.add("/report.pdf", Reply(b"%PDF-1.7\n...", content_type="application/pdf"))
    big = site.add("/big", page("<p>" + "Fares rose 3% again. " * 3000 + "</p>"))
    slow = site.add("/slow", Reply(page(BUSES), delay=3))
    private = site.add("/private/memo", page(BUSES))
    for i in range(7):
        site.add(f"/loop{i}", Reply(status=302, headers={"Location": f"/loop{i + 1}"}))
    result = invoke(db_path, "ingest", good, missing, pdf, big, slow, private, site.url("/loop0"),
                    "ftp://files.example.org/story.txt", "file:///etc/hostname",
                    "--max-mb", "0.05", "--timeout", "0.5", *FAST)
    assert result.exit_code == 1, result.output
    no_traceback(result)
    assert failures(result) == [
        f"failed: {missing}: HTTP 404",
        f"failed: {pdf}: not HTML (application/pdf)",
        f"failed: {big}: over 0.05 MB",
        f"failed: {slow}: timed out after 0.5 s",
        f"failed: {private}: disallowed by robots.txt",
        f"failed: {site.url('/loop0')}: too many redirects (more than 5)",
        "failed: ftp://files.example.org/story.txt: unsupported scheme 'ftp' (only http and https URLs are fetched)",
        "failed: file:///etc/hostname: unsupported scheme 'file' (only http and https URLs are fetched)",
    ]
    assert result.stderr.splitlines()[-1].startswith("added 1, updated 0, unchanged 0, duplicate 0, failed 8;")
    assert list(sources(invoke, db_path)) == [good]
    assert site.hits("/private/memo") == []  # robots.txt is asked first
    assert len(site.hits("/robots.txt")) == 1  # once for the host


def test_a_redirect_chain_within_the_limit_is_followed(invoke, db_path, site: Site):
    site.add("/old", Reply(status=301, headers={"Location": "/moved"}))
    site.add("/moved", Reply(status=302, headers={"Location": site.url("/news/2019/fares")}))
    site.add("/news/2019/fares", page(FARES))
    result = invoke(db_path, "ingest", site.url("/old"), *FAST)
    assert result.exit_code == 0, result.output
    assert list(sources(invoke, db_path)) == [site.url("/news/2019/fares")]


def test_a_redirect_to_another_scheme_is_not_followed(invoke, db_path, site: Site):
    url = site.add("/away", Reply(status=302, headers={"Location": "file:///etc/passwd"}))
    result = invoke(db_path, "ingest", url, *FAST)
    assert failures(result) == [f"failed: {url}: redirected to a file URL, not followed (only http and https)"]


def test_a_server_error_then_success_is_retried(invoke, db_path, site: Site):
    url = site.add("/flaky", Reply("busy", status=500), page(FARES))
    result = invoke(db_path, "ingest", url, *FAST)
    assert result.exit_code == 0, result.output
    assert len(site.hits("/flaky")) == 2
    assert list(sources(invoke, db_path)) == [url]


def test_the_user_agent_names_factcheck_and_its_version(invoke, db_path, site: Site):
    url = site.add("/good", page(FARES))
    invoke(db_path, "ingest", url, *FAST)
    agents = {r.headers.get("User-Agent") for r in site.requests}
    assert len(agents) == 1
    assert agents.pop().startswith(f"factcheck/{__version__} ")


def test_ignore_robots_fetches_a_disallowed_page(invoke, db_path, site: Site):
    site.add("/robots.txt", Reply("User-agent: *\nDisallow: /\n", content_type="text/plain"))
    url = site.add("/story", page(FARES))
    assert failures(invoke(db_path, "ingest", url, *FAST)) == [f"failed: {url}: disallowed by robots.txt"]
    result = invoke(db_path, "ingest", url, "--ignore-robots", *FAST)
    assert result.exit_code == 0, result.output
    assert site.hits("/robots.txt") and len(site.hits("/story")) == 1


def test_a_robots_txt_that_cannot_be_read_disallows_the_host(invoke, db_path, site: Site):
    site.add("/robots.txt", Reply("down", status=503, content_type="text/plain"))
    url = site.add("/story", page(FARES))
    result = invoke(db_path, "ingest", url, *FAST)
    assert failures(result) == [f"failed: {url}: could not read robots.txt (HTTP 503 after 3 tries)"]
    assert site.hits("/story") == []


def test_proxies_in_the_environment_are_not_used_for_this_machine(invoke, db_path, site: Site):
    url = site.add("/story", page(FARES))
    nowhere = "http://127.0.0.1:9"  # the discard port: a proxy there would answer nothing
    result = invoke(db_path, "ingest", url, *FAST, env={"http_proxy": nowhere, "HTTP_PROXY": nowhere,
                                                      "https_proxy": nowhere, "no_proxy": None, "NO_PROXY": None})
    assert result.exit_code == 0, result.output


# --- the fetcher itself ---------------------------------------------------------------------------


def test_requests_to_one_host_are_spaced_and_hosts_are_fetched_at_once(site: Site, other_site: Site):
    fetcher = Fetcher(FetchPolicy(delay=0.3, robots=False))
    urls = [site.add(f"/p{i}", page(FARES)) for i in range(3)]
    list(fetcher.get_all(urls))
    times = [site.hits(f"/p{i}")[0].at for i in range(3)]
    assert all(later - earlier >= 0.28 for earlier, later in itertools.pairwise(times)), times

    slow = FetchPolicy(delay=0, robots=False, timeout=5)
    both = [site.add("/slow", Reply(page(FARES), delay=0.6)), other_site.add("/slow", Reply(page(BUSES), delay=0.6))]
    started = time.monotonic()
    results = [result for _, result in Fetcher(slow).get_all(both)]
    assert all(not isinstance(r, Exception) for r in results), results
    assert time.monotonic() - started < 1.1  # the two hosts at once, not one after the other


def test_retry_after_is_honoured_within_a_cap(site: Site):
    fetcher = Fetcher(FetchPolicy(delay=0, robots=False, backoff=0.01))
    url = site.add("/busy", Reply("slow down", status=429, headers={"Retry-After": "1"}), page(FARES))
    started = time.monotonic()
    assert fetcher.get(url).body.startswith(b"<!doctype html>")
    assert time.monotonic() - started >= 0.95

    far = site.add("/later", Reply("come back tomorrow", status=503, headers={"Retry-After": "86400"}))
    with pytest.raises(FetchError, match=r"^HTTP 503 \(asked to retry after 86400 s\)$"):
        fetcher.get(far)
    assert len(site.hits("/later")) == 1


def test_server_errors_are_retried_with_growing_waits_then_given_up(site: Site):
    fetcher = Fetcher(FetchPolicy(delay=0, robots=False, backoff=0.1, retries=2))
    url = site.add("/down", Reply("down", status=502))
    with pytest.raises(FetchError, match=r"^HTTP 502 after 3 tries$"):
        fetcher.get(url)
    times = [hit.at for hit in site.hits("/down")]
    assert len(times) == 3
    assert times[1] - times[0] >= 0.09 and times[2] - times[1] >= 0.19  # 0.1 s, then 0.2 s


def test_a_gzip_encoded_page_is_decompressed_within_the_limit(site: Site):
    body = page(FARES).encode()
    url = site.add("/zipped", Reply(gzip.compress(body), headers={"Content-Encoding": "gzip"}))
    assert Fetcher(FetchPolicy(delay=0, robots=False)).get(url).body == body
    bomb = site.add("/bomb", Reply(gzip.compress(b" " * 5_000_000), headers={"Content-Encoding": "gzip"}))
    with pytest.raises(FetchError, match=r"^over 1 MB$"):
        Fetcher(FetchPolicy(delay=0, robots=False, max_bytes=1024 * 1024)).get(bomb)


# --- feeds ------------------------------------------------------------------------------------------


def rss(*items: tuple[str, str, str]) -> Reply:
    entries = "".join(f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate></item>"
                      for title, link, date in items)
    return Reply(f'<?xml version="1.0"?><rss version="2.0"><channel><title>The Ledger</title>{entries}'
                 "</channel></rss>", content_type="application/rss+xml")


def test_a_feed_is_followed_and_only_its_new_articles_are_fetched(invoke, db_path, site: Site):
    site.add("/news/fares", page(FARES, head=DATED_HEAD.replace('<link rel="canonical" href="/news/rail-fares">', "")))
    site.add("/news/buses", page(BUSES, title="Bus use falls"))  # no date of its own: the item's is used
    site.add("/news/old", page("<p>Tram fares rose 9% in 2010, the operator said.</p>", title="Trams"))
    items = [("Rail fares rise", "/news/fares", "Wed, 06 Mar 2019 08:00:00 +0000"),
             ("Bus use falls", "/news/buses", "Thu, 07 Mar 2019 23:30:00 -0500"),
             ("Trams", "/news/old", "Mon, 01 Feb 2010 09:00:00 +0000")]
    feed = site.add("/feed.xml", rss(*items))
    first = invoke(db_path, "ingest", "--feed", feed, "--since", "1 March 2019", *FAST)
    assert first.exit_code == 0, first.output
    assert f"{feed}: 3 articles listed, 2 new, 1 older than 2019-03-01" in first.stderr
    assert "added 2," in first.stderr
    stored = sources(invoke, db_path)
    assert stored[site.url("/news/fares")]["date"] == "2019-03-06"
    assert stored[site.url("/news/buses")]["date"] == "2019-03-07"  # as the feed wrote it, not in UTC
    assert site.hits("/news/old") == []

    fetched = len(site.requests)
    again = invoke(db_path, "ingest", "--feed", feed, "--since", "2019-03-01", *FAST)
    assert again.exit_code == 0, again.output
    assert f"{feed}: 3 articles listed, 0 new, 2 seen before, 1 older than 2019-03-01" in again.stderr
    assert [r.path for r in site.requests[fetched:] if r.path != "/robots.txt"] == ["/feed.xml"]  # no page again

    site.add("/news/new", page("<p>Ferry fares rose 6% last year, the operator said.</p>", title="Ferries"))
    site.add("/feed.xml", rss(("Ferries", "/news/new", "Fri, 08 Mar 2019 07:00:00 +0000"), *items))
    third = invoke(db_path, "ingest", "--feed", feed, "--since", "2019-03-01", *FAST)
    assert "added 1," in third.stderr, third.stderr
    assert len(site.hits("/news/new")) == 1 and len(site.hits("/news/fares")) == 1
    assert sources(invoke, db_path)[site.url("/news/new")]["date"] == "2019-03-08"


def test_an_atom_feed_gives_its_entries_dates_and_titles(invoke, db_path, site: Site):
    site.add("/a", page(FARES, title=""))
    feed = site.add("/atom", Reply(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title>'
        '<entry><title>Fares: the figures</title><link rel="alternate" href="/a"/><id>tag:a</id>'
        "<published>2019-03-04T10:00:00+01:00</published><updated>2019-03-05T10:00:00Z</updated></entry></feed>",
        content_type="application/atom+xml"))
    result = invoke(db_path, "ingest", "--feed", feed, *FAST)
    assert result.exit_code == 0, result.output
    [doc] = sources(invoke, db_path).values()
    assert (doc["title"], doc["date"]) == ("Fares: the figures", "2019-03-04")


@pytest.mark.parametrize("body, content_type, reason", [
    ("<html><body><p>Not a feed at all.</p></body></html>", "text/html", "not an RSS or Atom feed"),
    ('{"articles": []}', "application/json", "not an RSS or Atom feed"),
    ("%PDF-1.4", "application/pdf", "not a feed (application/pdf)"),
    ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]>'
     "<rss version=\"2.0\"><channel><title>&b;</title></channel></rss>", "application/xml",
     "XML refused: it declares entities"),
])
def test_a_feed_that_is_not_one_is_one_line(invoke, db_path, site: Site, body, content_type, reason):
    feed = site.add("/feed", Reply(body, content_type=content_type))
    good = site.add("/good", page(FARES))
    result = invoke(db_path, "ingest", good, "--feed", feed, *FAST)
    assert result.exit_code == 1
    no_traceback(result)
    [line] = failures(result)
    assert line.startswith(f"failed: {feed}: {reason}"), line
    assert list(sources(invoke, db_path)) == [good]


# --- sitemaps ------------------------------------------------------------------------------------------

URLSET = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" {ns}>{urls}</urlset>'
NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def news_entry(loc: str, day: str, title: str) -> str:
    return (f"<url><loc>{loc}</loc><news:news><news:publication><news:name>The Ledger</news:name>"
            f"<news:language>en</news:language></news:publication><news:publication_date>{day}"
            f"</news:publication_date><news:title>{title}</news:title></news:news></url>")


def test_a_sitemap_index_with_a_news_sitemap(invoke, db_path, site: Site):
    site.add("/news/fares", page(FARES))
    site.add("/news/buses", page(BUSES, title="Bus use falls"))
    site.add("/archive/2010", page("<p>Tram fares rose 9% in 2010.</p>", title="Trams"))
    news = URLSET.format(ns=NEWS_NS, urls=news_entry(site.url("/news/fares"), "2019-03-06T08:00:00Z", "Fares")
                         + news_entry("/news/buses", "2019-03-07", "Buses"))
    site.add("/sitemap-news.xml", Reply(news, content_type="application/xml"))
    old = URLSET.format(ns="", urls=f"<url><loc>{site.url('/archive/2010')}</loc><lastmod>2010-02-01</lastmod></url>")
    site.add("/sitemap-2010.xml.gz", Reply(gzip.compress(old.encode()), content_type="application/gzip"))
    index = ('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f"<sitemap><loc>{site.url('/sitemap-news.xml')}</loc><lastmod>2019-03-07</lastmod></sitemap>"
             f"<sitemap><loc>{site.url('/sitemap-2010.xml.gz')}</loc><lastmod>2010-02-01</lastmod></sitemap>"
             f"<sitemap><loc>{site.url('/sitemap-gone.xml')}</loc></sitemap></sitemapindex>")
    sitemap = site.add("/sitemap.xml", Reply(index, content_type="application/xml"))

    result = invoke(db_path, "ingest", "--sitemap", sitemap, "--since", "2019-03-01", *FAST)
    assert result.exit_code == 1, result.output  # the index names a sitemap that is gone
    assert failures(result) == [f"failed: {site.url('/sitemap-gone.xml')}: HTTP 404"]
    assert f"{sitemap}: 2 articles listed, 2 new" in result.stderr
    assert site.hits("/sitemap-2010.xml.gz") == []  # unchanged since before --since
    stored = sources(invoke, db_path)
    assert (stored[site.url("/news/fares")]["date"], stored[site.url("/news/fares")]["publisher"]) == (
        "2019-03-06", "The Ledger")
    assert stored[site.url("/news/buses")]["title"] == "Bus use falls"  # the page's own title wins
    assert stored[site.url("/news/buses")]["date"] == "2019-03-07"

    everything = invoke(db_path, "ingest", "--sitemap", sitemap, *FAST)
    assert f"{sitemap}: 3 articles listed, 1 new, 2 seen before" in everything.stderr, everything.stderr
    assert site.url("/archive/2010") in sources(invoke, db_path)


@pytest.mark.parametrize("body, reason", [
    ("<html><body>Home</body></html>", "not a sitemap (its root element is <html>)"),
    ("<!doctype html><html><body><p>Home<br></body></html>",
     "not a sitemap (not well-formed XML: syntax error: line 1, column 0)"),
    ("Home page\nof a site\n", "not a sitemap (neither XML nor a list of URLs)"),
    ('<?xml version="1.0"?><!DOCTYPE u [<!ENTITY e SYSTEM "file:///etc/passwd">]><urlset>&e;</urlset>',
     "XML refused: it declares entities"),
])
def test_a_sitemap_that_is_not_one_is_one_line(invoke, db_path, site: Site, body, reason):
    sitemap = site.add("/sitemap.xml", Reply(body, content_type="text/html"))
    result = invoke(db_path, "ingest", "--sitemap", sitemap, *FAST)
    assert failures(result) == [f"failed: {sitemap}: {reason}"]


def test_relative_periods_of_a_fetched_page_are_resolved_against_its_date(invoke, db_path, site: Site):
    head = '<meta property="article:published_time" content="2019-03-06">'
    url = site.add("/story", page("<p>Profits rose 12% this year, and fell 4% in the last six months, "
                                  "the company said.</p>", head=head))
    assert invoke(db_path, "ingest", url, *FAST).exit_code == 0
    periods = {c["mention"]: (c["period"], c["period_start"], c["period_end"])
               for c in ok_json(invoke(db_path, "claims", "--format", "json"))}
    assert periods["12%"] == ("this year", "2019-01-01", "2019-03-06")
    assert periods["4%"] == ("in the last six months", "2018-09-01", "2019-03-06")
    assert dt.date(2019, 3, 6).isoformat() in invoke(db_path, "show", "1").stdout


def test_a_sitemap_entry_takes_its_title_from_news_markup_only():
    from factcheck.ingest.feeds import parse_sitemap

    xml = ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">'
           "<url><loc>/news/fares</loc><lastmod>2019-03-06T10:00:00+00:00</lastmod>"
           "<image:image><image:loc>/fares.jpg</image:loc><image:title>A train</image:title></image:image></url>"
           "<url><loc>mailto:desk@example.org</loc></url></urlset>")
    sitemap = parse_sitemap(xml.encode(), "https://www.example.org/sitemap.xml", 1024 * 1024)
    [entry] = sitemap.pages  # the mailto: address is no page
    assert entry.url == "https://www.example.org/news/fares"
    assert (entry.meta.title, entry.meta.date, entry.modified) == (None, None, dt.date(2019, 3, 6))


def test_a_crawl_delay_in_robots_txt_spaces_the_requests(site: Site):
    site.add("/robots.txt", Reply("User-agent: factcheck\nCrawl-delay: 1\nDisallow: /private/\n",
                                  content_type="text/plain"))
    urls = [site.add(f"/p{i}", page(FARES)) for i in range(2)]
    started = time.monotonic()
    results = [result for _, result in Fetcher(FetchPolicy(delay=0)).get_all(urls)]
    assert all(not isinstance(r, Exception) for r in results), results
    arrivals = sorted(site.hits(f"/p{i}")[0].at for i in range(2))
    # the second request leaves a second after the first left, which was after the start: measured from the
    # start, as the first may take a while to arrive on a busy machine (the standard library reads whole seconds)
    assert arrivals[1] - started >= 0.95


def test_standard_input_is_read_alone(invoke, db_path, site: Site):
    result = invoke(db_path, "ingest", "-", site.url("/a"), input="Fares rose 3% in 2018.")
    assert result.exit_code != 0 and "read alone" in result.stderr
    assert site.requests == []
