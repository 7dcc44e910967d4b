"""Fetching a page over HTTP: the only network code in articlex (used by the CLI)."""

from __future__ import annotations

from .errors import FetchError

__all__ = ["fetch", "TIMEOUT", "MAX_BYTES"]

TIMEOUT = 20.0
"""Seconds to connect and between bytes."""
MAX_BYTES = 20 * 1024 * 1024
"""A response larger than this is refused."""
USER_AGENT = "articlex/0.1 (+https://pypi.org/project/articlex/)"


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> bytes:
    """The body of ``url`` as bytes; :class:`FetchError` for any network or HTTP failure."""
    import requests

    try:
        with requests.get(url, timeout=timeout, stream=True, headers={"User-Agent": USER_AGENT}) as response:
            response.raise_for_status()
            chunks, size = [], 0
            for chunk in response.iter_content(65536):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{url}: response larger than {max_bytes} bytes")
                chunks.append(chunk)
            return b"".join(chunks)
    except requests.RequestException as exc:
        raise FetchError(f"{url}: {exc}") from None
