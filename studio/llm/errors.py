"""Turning what an endpoint or the network did wrong into one-line ModelErrors."""

from __future__ import annotations

import html
import json
import re

import httpx2
import openai

from studio.llm.events import ModelError

MAX_MESSAGE_CHARS = 160
_TAG = re.compile(r"<[^>]*>")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_HIDDEN = re.compile(r"<(script|style)[^>]*>.*?</\1>", re.IGNORECASE | re.DOTALL)


def one_line(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """Whitespace collapsed and cut to `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def server_message(response: httpx2.Response) -> str:
    """What the endpoint said, in one line: the JSON error message or a short HTML excerpt."""
    text = _body_text(response)
    try:
        body = json.loads(text)
    except ValueError:
        body = None
    if isinstance(body, dict):
        error = body.get("error", body)
        message = error.get("message") if isinstance(error, dict) else error
        if isinstance(message, str) and message.strip():
            return one_line(message)
    if looks_like_html(response, text):
        return "an HTML page: " + html_excerpt(text)
    return one_line(text) or "no details"


def looks_like_html(response: httpx2.Response, text: str) -> bool:
    """Whether a body is a web page (a proxy's error page) rather than an API answer."""
    content_type = response.headers.get("content-type", "").lower()
    return "html" in content_type or text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))


def html_excerpt(text: str, limit: int = 80) -> str:
    """The page's title, or its first visible words, never the markup."""
    title = _TITLE.search(text)
    if title and title.group(1).strip():
        return one_line(html.unescape(title.group(1)), limit)
    visible = _TAG.sub(" ", _HIDDEN.sub(" ", text))
    return one_line(html.unescape(visible), limit) or "(empty page)"


def status_error(response: httpx2.Response, base_url: str) -> ModelError:
    """A ModelError for a non-2xx answer (its body already read)."""
    status = response.status_code
    said = server_message(response)
    if status == 401:
        return ModelError("auth", f"the endpoint refused the API key (401): {said}")
    if status == 403:
        return ModelError("auth", f"the endpoint refused access (403): {said}")
    if status == 429:
        return ModelError("rate_limited", f"the endpoint is rate limiting requests (429): {said}")
    if status >= 500:
        return ModelError("server", f"the endpoint failed ({status}): {said}")
    if status == 404:
        return ModelError("bad_request", f"{base_url} answered 404 (not found): {said}")
    return ModelError("bad_request", f"the endpoint rejected the request ({status}): {said}")


def request_error(error: Exception, base_url: str, timeout_s: float) -> ModelError:
    """A ModelError for a failure to send the request or to get an answer's headers."""
    cause = error.__cause__ or error.__context__ or error
    if isinstance(error, openai.APITimeoutError) or isinstance(cause, httpx2.TimeoutException):
        if isinstance(cause, httpx2.ConnectTimeout):
            return ModelError("unreachable", f"cannot reach {base_url}: connecting timed out")
        return ModelError("unreachable", f"{base_url} did not answer within {timeout_s:g} s")
    return ModelError("unreachable", f"cannot reach {base_url}: {describe_network_error(cause)}")


def describe_network_error(error: BaseException) -> str:
    """A short phrase for a socket-level failure."""
    text = str(error).lower()
    if isinstance(error, ConnectionRefusedError) or "refused" in text:
        return "connection refused"
    if "name or service not known" in text or "nodename nor servname" in text:
        return "unknown host name"
    if "temporary failure in name resolution" in text or "getaddrinfo" in text:
        return "the host name could not be resolved"
    if isinstance(error, httpx2.RemoteProtocolError) or "disconnected" in text:
        return "the server closed the connection"
    return one_line(str(error)) or type(error).__name__


def _body_text(response: httpx2.Response, limit: int = 20_000) -> str:
    try:
        content = response.read()
    except httpx2.HTTPError:
        return ""
    return content[:limit].decode(response.encoding or "utf-8", errors="replace")
