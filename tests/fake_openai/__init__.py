"""A fake OpenAI-compatible server for tests: real HTTP and SSE on 127.0.0.1, no network.

with FakeOpenAI(tokens_per_s=3000) as server:
    client = openai.OpenAI(base_url=server.base_url, api_key=server.api_key)
    server.script(Reply(text="```python\\n...\\n```"))
    server.fail_next(Fault(status=429))
"""

from tests.fake_openai.default_game import DEFAULT_GAME_CODE, DEFAULT_REPLY_TEXT
from tests.fake_openai.records import Fault, RecordedRequest, Reply
from tests.fake_openai.server import DEFAULT_MODELS, FakeOpenAI
from tests.fake_openai.tokens import count_tokens, split_into_tokens

__all__ = [
    "DEFAULT_GAME_CODE",
    "DEFAULT_MODELS",
    "DEFAULT_REPLY_TEXT",
    "FakeOpenAI",
    "Fault",
    "RecordedRequest",
    "Reply",
    "count_tokens",
    "split_into_tokens",
]
