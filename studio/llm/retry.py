"""How long to wait before asking a busy or failing endpoint again."""

from __future__ import annotations

import email.utils
import time
from dataclasses import dataclass

import httpx2

RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504, 520, 522, 524, 529})


@dataclass(frozen=True)
class RetryPolicy:
    """Retries for 429/5xx before the first token: exponential, Retry-After honoured, capped."""

    attempts: int = 4  # requests in all, the first included
    first_delay_s: float = 0.5
    max_delay_s: float = 4.0
    max_total_wait_s: float = 10.0

    def delay_before_retry(self, retry_number: int, retry_after_s: float | None) -> float:
        """Seconds to wait before retry number `retry_number` (1, 2, ...)."""
        if retry_after_s is not None:
            return max(0.0, retry_after_s)
        return min(self.max_delay_s, self.first_delay_s * 2 ** (retry_number - 1))


def is_retryable(status: int) -> bool:
    """Whether a status means "try again later" rather than "this request is wrong"."""
    return status in RETRYABLE_STATUSES or status >= 500


def retry_after_s(headers: httpx2.Headers) -> float | None:
    """The wait the endpoint asked for (retry-after-ms, Retry-After seconds or date)."""
    milliseconds = headers.get("retry-after-ms")
    if milliseconds:
        try:
            return float(milliseconds) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    parsed = email.utils.parsedate_tz(value)
    if parsed is None:
        return None
    return max(0.0, email.utils.mktime_tz(parsed) - time.time())
