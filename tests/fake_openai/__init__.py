"""A fake OpenAI-compatible server for tests: real HTTP and SSE on 127.0.0.1, no network.

with FakeOpenAI(tokens_per_s=3000) as server:
    client = openai.OpenAI(base_url=server.base_url, api_key=server.api_key)
    server.script(Reply(text="```python\\n...\\n```"))
    server.fail_next(Fault(status=429))
    server.script_transcription("make the snake faster")  # POST /v1/audio/transcriptions
    server.audio_api = False  # ... or answer it 404, like a chat-only server
"""

from tests.fake_openai.default_game import DEFAULT_GAME_CODE, DEFAULT_REPLY_TEXT, DEFAULT_TRANSCRIPT
from tests.fake_openai.records import Fault, RecordedRequest, Reply, UploadedFile
from tests.fake_openai.server import DEFAULT_MODELS, FakeOpenAI
from tests.fake_openai.tokens import count_tokens, split_into_tokens
from tests.fake_openai.transcription import DEFAULT_TRANSCRIPTION_MODELS

__all__ = [
    "DEFAULT_GAME_CODE",
    "DEFAULT_MODELS",
    "DEFAULT_REPLY_TEXT",
    "DEFAULT_TRANSCRIPT",
    "DEFAULT_TRANSCRIPTION_MODELS",
    "FakeOpenAI",
    "Fault",
    "RecordedRequest",
    "Reply",
    "UploadedFile",
    "count_tokens",
    "split_into_tokens",
]
