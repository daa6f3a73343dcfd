"""Web addresses: which arguments are URLs, which are fetched, and the name a page is stored under.

Pure functions: no network.
"""

from __future__ import annotations

import ipaddress
import re
import urllib.parse

from factcheck.errors import InputError

SCHEMES = ("http", "https")

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_DEFAULT_PORTS = {"http": 80, "https": 443}
# query parameters that say where a reader came from, not which page it is
_TRACKING = re.compile(r"utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid", re.IGNORECASE)


def looks_like_url(argument: str) -> bool:
    """Whether a command-line argument is a URL (of any scheme) rather than a path.

    >>> looks_like_url("https://example.org/a"), looks_like_url("ftp://example.org/a"), looks_like_url("a/b.txt")
    (True, True, False)
    """
    return _SCHEME.match(argument) is not None


def checked_url(url: str) -> str:
    """``url`` when it can be fetched (http or https, with a host), else InputError saying why.

    >>> checked_url("file:///etc/passwd")
    Traceback (most recent call last):
    ...
    factcheck.errors.InputError: unsupported scheme 'file' (only http and https URLs are fetched)
    """
    try:
        parts = urllib.parse.urlsplit(url.strip())
        parts.port  # noqa: B018 -- raises ValueError for a port that is no number
    except ValueError:
        raise InputError("not a valid URL") from None
    if parts.scheme.lower() not in SCHEMES:
        shown = parts.scheme.lower() or "none"
        raise InputError(f"unsupported scheme '{shown}' (only http and https URLs are fetched)")
    if not parts.hostname:
        raise InputError("no host in the URL")
    return url.strip().replace(" ", "%20")  # a space, as feeds sometimes have, is no valid part of a request


def normalize_url(url: str) -> str:
    """One spelling per page: scheme and host in lower case, no default port, no fragment,
    no tracking parameters, ``/`` for an empty path.

    >>> normalize_url("HTTPS://News.Example.org:443/story?id=7&utm_source=rss#comments")
    'https://news.example.org/story?id=7'
    """
    parts = urllib.parse.urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 address goes back in brackets
        host = f"[{host}]"
    port = parts.port
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username or parts.password:
        netloc = f"{parts.username or ''}{':' + parts.password if parts.password else ''}@{netloc}"
    query = "&".join(pair for pair in parts.query.split("&")
                     if pair and not _TRACKING.fullmatch(pair.split("=", 1)[0]))
    return urllib.parse.urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def canonical_url(fetched: str, stated: str | None) -> str:
    """The URL a fetched page is stored under: the canonical URL the page states, else the one it was fetched from.

    A stated URL that is not http(s), or that names the site's home page for a page
    that is not it (a common CMS fault, which would file every article under one name),
    is not believed.

    >>> canonical_url("https://example.org/a?utm_source=x", "/news/a")
    'https://example.org/news/a'
    >>> canonical_url("https://example.org/news/a", "https://example.org/")
    'https://example.org/news/a'
    """
    fetched = normalize_url(fetched)
    if not stated:
        return fetched
    resolved = urllib.parse.urljoin(fetched, stated.strip())
    parts = urllib.parse.urlsplit(resolved)
    if parts.scheme.lower() not in SCHEMES or not parts.hostname:
        return fetched
    if parts.path in ("", "/") and urllib.parse.urlsplit(fetched).path not in ("", "/"):
        return fetched
    return normalize_url(resolved)


def host_key(url: str) -> str:
    """The host a URL names, with its port: requests to one host are paced together."""
    return urllib.parse.urlsplit(url).netloc.lower()


def is_loopback(url: str) -> bool:
    """Whether a URL names this machine (127.0.0.0/8, ::1, localhost): never reached through a proxy."""
    host = (urllib.parse.urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
