"""Speech and a tiny game for the voice tests and benchmarks: espeak-ng phrases, a growing blob."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ESPEAK = shutil.which("espeak-ng")
NO_ESPEAK = "espeak-ng is missing (./dev test installs the Debian package)"

# A callback game whose state (size) and constant (BLOB_COLOR) a spoken tweak can change.
BLOB_GAME = '''"""Blob. Any key grows it."""
import pygame
WIDTH, HEIGHT = 160, 120
BLOB_COLOR = (60, 200, 60)
size = 10
def on_key_down(key):
    global size
    size += 4
def draw(screen):
    screen.fill((0, 0, 0))
    pygame.draw.circle(screen, BLOB_COLOR, (80, 60), size)
'''


def speak(words: str, path: Path) -> Path:
    """`words` spoken by espeak-ng's en-us voice into a WAV file (what a microphone would hear)."""
    assert ESPEAK is not None, NO_ESPEAK
    subprocess.run([ESPEAK, "-v", "en-us", "-s", "150", "-w", str(path), words], check=True, timeout=30)
    return path
