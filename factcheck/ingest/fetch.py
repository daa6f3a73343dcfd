"""Fetching pages, feeds and sitemaps politely and within bounds.

Every request names factcheck and its version, asks robots.txt first (unless told
not to), waits its turn on its host, gives up after a timeout, retries a busy or
failing server a few times with growing waits (as long as it asks, within a cap),
follows a bounded number of redirects, and reads no more than the size limit.
Several hosts are fetched at once; one host never gets two requests at a time.

Every failure is a :class:`FetchError` whose message is the reason in a few words
(``HTTP 404``, ``timed out after 20 s``, ``not HTML (application/pdf)``).
"""

from __future__ import annotations

import concurrent.futures
import email.utils
import http.client
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from factcheck import __version__
from factcheck.errors import FetchError, InputError
from factcheck.ingest.loader import DEFAULT_MAX_BYTES
from factcheck.ingest.urls import SCHEMES, checked_url, host_key, is_loopback

ROBOTS_AGENT = "factcheck"
USER_AGENT = f"factcheck/{__version__} (claim and statistic fact-checking for newsrooms; obeys robots.txt)"

# What a page may be: HTML, or plain text. Feeds and sitemaps are XML, JSON or gzip.
PAGE_TYPES = frozenset(("text/html", "application/xhtml+xml", "text/plain"))
_RETRIED = frozenset((429, 500, 502, 503, 504))
_REDIRECTS = frozenset((301, 302, 303, 307, 308))
_ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB of it
_CHUNK = 64 * 1024
_MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How politely and how far to fetch."""

    timeout: float = 20.0  # seconds for one response, from asking to its last byte
    delay: float = 1.0  # seconds between two requests to one host (longer if its robots.txt asks)
    retries: int = 2  # more tries after a 429 or 5xx answer
    backoff: float = 1.0  # seconds before the first retry, doubled for each next one
    max_retry_after: float = 60.0  # a server asking for a longer wait is given up on
    max_redirects: int = 5
    max_bytes: int = DEFAULT_MAX_BYTES
    robots: bool = True
    hosts_at_once: int = 4
    max_crawl_delay: float = 30.0  # the most of a robots.txt Crawl-delay that is obeyed
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched resource: where it ended up, its media type and its bytes (decompressed)."""

    url: str  # as asked
    final_url: str  # after redirects
    media_type: str  # lower case, without parameters; "" when the server gave none
    charset: str | None
    body: bytes


def size_reason(limit: int) -> str:
    """``over 20 MB``: the words for a response larger than the limit."""
    return f"over {limit / _MIB:.3g} MB"


class _Pacer:
    """Keeps requests to one host at least a delay apart, whichever thread makes them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}

    def wait(self, host: str, delay: float) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + delay
        if start > now:
            time.sleep(start - now)


class _Rules:
    """A host's robots.txt, read once; ``error`` is why it could not be read (then nothing may be fetched)."""

    def __init__(self, parser: urllib.robotparser.RobotFileParser | None, error: str | None = None) -> None:
        self.parser = parser
        self.error = error

    def allows(self, url: str) -> bool:
        return self.parser is None or self.parser.can_fetch(ROBOTS_AGENT, url)

    def crawl_delay(self) -> float:
        delay = self.parser.crawl_delay(ROBOTS_AGENT) if self.parser is not None else None
        return float(delay) if delay is not None else 0.0


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by :class:`Fetcher` itself, one checked step at a time."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Fetcher:
    """Fetches URLs under one :class:`FetchPolicy`, sharing robots.txt rules and host pacing."""

    def __init__(self, policy: FetchPolicy = FetchPolicy()) -> None:
        self.policy = policy
        self._pacer = _Pacer()
        self._rules: dict[str, _Rules] = {}
        self._rules_lock = threading.Lock()
        self._origin_locks: dict[str, threading.Lock] = {}

    def get(self, url: str, accept: frozenset[str] | None = PAGE_TYPES, what: str = "HTML") -> Response:
        """Fetch ``url``, following redirects; ``accept`` holds the media types wanted (None: any text).

        Raises FetchError with the reason (``what`` names the wanted kind in ``not HTML (…)``).
        """
        asked = url
        url = _checked(url)
        for _ in range(self.policy.max_redirects + 1):
            if self.policy.robots:
                self._check_robots(url)
            with self._open(url) as answer:
                location = answer.headers.get("Location") if answer.status in _REDIRECTS else None
                if location is None:
                    media_type, charset = _media_type(answer.headers)
                    _check_type(media_type, accept, what)
                    return Response(asked, url, media_type, charset, self._read(answer, self.policy.max_bytes))
            url = _redirect_target(url, location)
        raise FetchError(f"too many redirects (more than {self.policy.max_redirects})")

    def get_all(self, urls: Sequence[str], accept: frozenset[str] | None = PAGE_TYPES,
                what: str = "HTML") -> Iterator[tuple[str, Response | FetchError]]:
        """:meth:`get` for each URL, hosts in parallel and each host's URLs one after another.

        Yields ``(url, response or error)`` in the order of ``urls``, each as soon as it
        and those before it are done.
        """
        results: list[concurrent.futures.Future[Response]] = [concurrent.futures.Future() for _ in urls]
        by_host: dict[str, list[int]] = {}
        for i, url in enumerate(urls):
            by_host.setdefault(host_key(url), []).append(i)
        stop = threading.Event()

        def fetch_host(indexes: list[int]) -> None:
            for i in indexes:
                if stop.is_set():
                    results[i].cancel()
                    continue
                try:
                    results[i].set_result(self.get(urls[i], accept, what))
                except FetchError as exc:
                    results[i].set_exception(exc)
                except Exception as exc:  # a fault on one page: reported as its failure, the others go on
                    results[i].set_exception(FetchError(f"{type(exc).__name__}: {exc}"))

        pool = concurrent.futures.ThreadPoolExecutor(max(1, self.policy.hosts_at_once), "factcheck-fetch")
        try:
            for indexes in by_host.values():
                pool.submit(fetch_host, indexes)
            for url, result in zip(urls, results, strict=True):
                try:
                    yield url, result.result()
                except FetchError as exc:
                    yield url, exc
        finally:
            stop.set()  # the caller stopped early, or was interrupted: no more requests
            pool.shutdown(wait=False, cancel_futures=True)

    # --- one request ------------------------------------------------------------------------

    def _open(self, url: str) -> http.client.HTTPResponse:
        """One request, retried on 429 and 5xx; the answer may be a redirect, never another error status."""
        policy = self.policy
        for attempt in range(policy.retries + 1):
            self._pacer.wait(host_key(url), self._delay(url))
            try:
                return _opener(url).open(self._request(url), timeout=policy.timeout)
            except urllib.error.HTTPError as exc:
                status, headers = exc.code, exc.headers
                exc.close()
                if status in _REDIRECTS and headers.get("Location"):
                    return _Redirect(status, headers)  # type: ignore[return-value]
                if status not in _RETRIED:
                    raise FetchError(f"HTTP {status}") from None
                wait = self._retry_wait(status, headers.get("Retry-After"), attempt)
                if attempt == policy.retries:
                    tries = f" after {attempt + 1} tries" if attempt else ""
                    raise FetchError(f"HTTP {status}{tries}") from None
                time.sleep(wait)
            except TimeoutError:
                raise FetchError(f"timed out after {policy.timeout:g} s") from None
            except urllib.error.URLError as exc:
                raise FetchError(_network_reason(exc.reason, policy.timeout)) from None
            except (http.client.HTTPException, OSError) as exc:
                raise FetchError(_network_reason(exc, policy.timeout)) from None
        raise AssertionError("unreachable")  # the last try returns or raises

    def _request(self, url: str) -> urllib.request.Request:
        return urllib.request.Request(url, headers={
            "User-Agent": self.policy.user_agent,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,application/xml;q=0.8,*/*;q=0.1",
            "Accept-Encoding": "gzip",
        })

    def _retry_wait(self, status: int, retry_after: str | None, attempt: int) -> float:
        wait = self.policy.backoff * 2**attempt
        if retry_after is None:
            return wait
        asked = _retry_after_seconds(retry_after)
        if asked is None:
            return wait
        if asked > self.policy.max_retry_after:
            raise FetchError(f"HTTP {status} (asked to retry after {asked:g} s)")
        return asked

    def _delay(self, url: str) -> float:
        rules = self._rules.get(_origin(url))
        crawl_delay = min(rules.crawl_delay(), self.policy.max_crawl_delay) if rules is not None else 0.0
        return max(self.policy.delay, crawl_delay)

    def _read(self, answer: http.client.HTTPResponse, limit: int) -> bytes:
        """The body, decompressed, within the size limit and the time limit."""
        length = answer.headers.get("Content-Length")
        if length is not None and length.isdigit() and int(length) > limit:
            raise FetchError(size_reason(limit))
        gzipped = answer.headers.get("Content-Encoding", "").lower() in ("gzip", "x-gzip")
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
        deadline = time.monotonic() + self.policy.timeout
        parts: list[bytes] = []
        size = 0
        try:
            while chunk := answer.read(_CHUNK):
                if inflater is not None:
                    # at most one byte past the limit per call: a small bomb cannot fill memory
                    chunk = inflater.decompress(chunk, limit + 1 - size)
                    if inflater.unconsumed_tail:
                        raise FetchError(size_reason(limit))
                size += len(chunk)
                if size > limit:
                    raise FetchError(size_reason(limit))
                parts.append(chunk)
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out after {self.policy.timeout:g} s")
        except TimeoutError:
            raise FetchError(f"timed out after {self.policy.timeout:g} s") from None
        except zlib.error:
            raise FetchError("could not decompress the gzip body") from None
        except (http.client.HTTPException, OSError) as exc:
            raise FetchError(_network_reason(exc, self.policy.timeout)) from None
        return b"".join(parts)

    # --- robots.txt ---------------------------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        rules = self._robots(_origin(url))
        if rules.error is not None:
            raise FetchError(f"could not read robots.txt ({rules.error})")
        if not rules.allows(url):
            raise FetchError("disallowed by robots.txt")

    def _robots(self, origin: str) -> _Rules:
        with self._rules_lock:
            if origin in self._rules:
                return self._rules[origin]
            lock = self._origin_locks.setdefault(origin, threading.Lock())
        with lock:  # one thread reads a host's robots.txt; the others wait for it
            with self._rules_lock:
                if origin in self._rules:
                    return self._rules[origin]
            rules = self._read_robots(origin)
            with self._rules_lock:
                self._rules[origin] = rules
            return rules

    def _read_robots(self, origin: str) -> _Rules:
        """A host's rules (RFC 9309): none found (4xx) allows everything; a server error or no answer, nothing."""
        url = f"{origin}/robots.txt"
        try:
            for _ in range(self.policy.max_redirects + 1):
                with self._open(url) as answer:
                    location = answer.headers.get("Location") if answer.status in _REDIRECTS else None
                    if location is None:
                        body = self._read(answer, _ROBOTS_MAX_BYTES)
                        break
                url = _redirect_target(url, location)
            else:
                return _Rules(None)  # a redirect loop: as if there were no robots.txt
        except FetchError as exc:
            reason = str(exc)
            if reason.startswith("HTTP 4"):
                return _Rules(None)
            if reason.startswith("over "):
                body = b""  # RFC 9309: what is past the limit may be ignored; an empty file allows all
            else:
                return _Rules(None, reason)
        parser = urllib.robotparser.RobotFileParser(url)
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return _Rules(parser)


class _Redirect:
    """A redirect answer, handed on by :meth:`Fetcher._open` like a response with no body."""

    def __init__(self, status: int, headers: object) -> None:
        self.status = status
        self.headers = headers

    def __enter__(self) -> _Redirect:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _checked(url: str) -> str:
    try:
        return checked_url(url)
    except InputError as exc:
        raise FetchError(str(exc)) from None


def _redirect_target(url: str, location: str) -> str:
    target = urllib.parse.urljoin(url, location.strip())
    scheme = urllib.parse.urlsplit(target).scheme.lower()
    if scheme not in SCHEMES:
        raise FetchError(f"redirected to a {scheme or 'relative'} URL, not followed (only http and https)")
    return target


def _origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _opener(url: str) -> urllib.request.OpenerDirector:
    """An opener for http and https alone, redirects left to the caller; the environment's
    proxies are used, except for this machine's own addresses."""
    opener = urllib.request.OpenerDirector()
    proxies = {} if is_loopback(url) else urllib.request.getproxies()
    for handler in (urllib.request.ProxyHandler(proxies), urllib.request.HTTPHandler(),
                    urllib.request.HTTPSHandler(), urllib.request.HTTPDefaultErrorHandler(),
                    urllib.request.HTTPErrorProcessor(), _NoRedirects()):
        opener.add_handler(handler)
    return opener


def _media_type(headers: object) -> tuple[str, str | None]:
    get = getattr(headers, "get_content_type", None)
    raw = headers.get("Content-Type") if hasattr(headers, "get") else None  # type: ignore[union-attr]
    if not raw or get is None:
        return "", None
    charset = headers.get_content_charset()  # type: ignore[union-attr]
    return get().lower(), charset


def _check_type(media_type: str, accept: frozenset[str] | None, what: str) -> None:
    if not media_type:
        return  # no type given: the loader tells text from binary by the bytes
    if accept is None:
        if _is_textual(media_type):
            return
    elif media_type in accept:
        return
    raise FetchError(f"not {what} ({media_type})")


def _is_textual(media_type: str) -> bool:
    """Text, XML, JSON, or gzip (a compressed sitemap): what a feed or sitemap can come as."""
    return (media_type.startswith("text/") or media_type.endswith(("/xml", "+xml", "/json", "+json"))
            or media_type in ("application/gzip", "application/x-gzip", "application/octet-stream"))


def _retry_after_seconds(value: str) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds, or an HTTP date."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _network_reason(reason: object, timeout: float) -> str:
    """A failure below HTTP in a few words."""
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "host not found"
    if isinstance(reason, OSError) and reason.strerror:
        return f"could not connect ({reason.strerror.lower()})"
    if isinstance(reason, http.client.HTTPException):
        return f"bad HTTP answer ({type(reason).__name__})"
    return f"could not connect ({reason})"
