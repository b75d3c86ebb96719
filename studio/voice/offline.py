"""Offline speech-to-text with pocketsphinx, biased towards the words of game tweaks.

`OfflineRecognizer` owns one pocketsphinx decoder (built on first use, ~0.2 s, from
the US-English model inside the pocketsphinx wheel; nothing is downloaded) with two
searches: a JSGF grammar of tweak commands ("make the snake blue", "add more enemies",
"lower gravity", "restart the game"...) and the model's free-dictation language model.
Each recording is decoded with the grammar first; when the grammar finds nothing, or
its words explain less than half of the speech (the rest it took for silence: something
the grammar does not know was said), the recording is decoded again as free dictation.
The free language model alone is poor at these short commands (on espeak-ng's en-us
voice it caught the key word of 1 in 12), so the grammar carries the common case.
English only.
"""

from __future__ import annotations

import sys
import threading
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from operator import mul
from typing import TYPE_CHECKING

from studio.voice.audio import SILENCE_RMS

if TYPE_CHECKING:
    from pocketsphinx import Decoder

GRAMMAR_SEARCH = "tweaks"
DICTATION_SEARCH = "dictation"

COLOURS = ("red", "green", "blue", "yellow", "orange", "purple", "pink", "white", "black",
           "gray")
OBJECTS = ("snake", "ball", "player", "enemies", "background", "paddle", "paddles", "bird",
           "car", "ship", "blocks", "bricks", "aliens", "rocks", "coins", "food", "walls", "game")
COMPARATIVES = ("faster", "slower", "bigger", "smaller", "harder", "easier", "higher", "lower",
                "stronger", "weaker")
COUNTED = ("enemies", "lives", "rocks", "coins", "aliens", "blocks", "bricks", "players", "walls")
NUMBERS = ("one", "two", "three", "four", "five", "ten")

# What the grammar is built for, with the words a transcript must keep for the tweak to
# work (tests and benchmarks speak these with espeak-ng).
SPOKEN_EXAMPLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("make the snake blue", ("snake", "blue")),
    ("make the ball faster", ("ball", "faster")),
    ("add more enemies", ("more", "enemies")),
    ("lower gravity", ("lower", "gravity")),
    ("restart the game", ("restart",)),
    ("make the player bigger", ("player", "bigger")),
    ("make the background black", ("background", "black")),
    ("turn the paddle red", ("paddle", "red")),
    ("make the bird smaller", ("bird", "smaller")),
    ("fewer enemies", ("fewer", "enemies")),
    ("two players", ("two", "players")),
    ("more lives", ("more", "lives")),
    ("make the ship yellow", ("ship", "yellow")),
    ("slow down the rocks", ("slow", "rocks")),
    ("make the car green", ("car", "green")),
    ("higher gravity", ("higher", "gravity")),
)


def _alternatives(words: Iterable[str]) -> str:
    return "(" + " | ".join(words) + ")"


def tweak_grammar() -> str:
    """The JSGF grammar of spoken tweak commands (every word is in the model's dictionary).

    Every command starts with its verb or its own word ("make", "add", "lower"...): a
    looser grammar (bare colours, optional verbs) lets the decoder explain the first
    words away as silence and was both slower and less accurate.
    """
    colour, thing = _alternatives(COLOURS), _alternatives(OBJECTS)
    comparative, counted, number = (
        _alternatives(COMPARATIVES), _alternatives(COUNTED), _alternatives(NUMBERS))
    return f"""#JSGF V1.0;
grammar tweaks;
public <tweak> = <change> | <count> | <speed> | <gravity> | <action> | <players>;
<object> = the {thing} | it | everything | gravity;
<change> = (make | turn | set | paint) <object> ({colour} | [much | a bit | even] {comparative});
<count> = (add | remove) [more | fewer | {number}] {counted} | (more | fewer | less) {counted}
        | {number} (lives | enemies);
<speed> = (speed up | slow down) [<object>];
<gravity> = (higher | lower | more | less | no | stronger | weaker) gravity;
<action> = restart [the game] | start over | (jump | shoot) [higher | faster | more]
         | pause [the game];
<players> = (one | two) (player | players);
"""


@dataclass(frozen=True)
class Recognition:
    """What one search heard: the words, the search, and how much of the speech they explain."""

    text: str
    search: str  # GRAMMAR_SEARCH or DICTATION_SEARCH
    coverage: float  # share of the loud 10 ms frames that fall inside recognised words


class OfflineRecognizer:
    """One pocketsphinx decoder, built on first use and reused; one recording at a time.

    Owned by its caller (the window's voice session, a command, a benchmark): nothing
    here is process-wide. A lock serialises recordings, since a decoder is not thread-safe.
    `min_coverage`: below this share of the speech explained by the grammar's words, the
    recording is taken as something the grammar does not know and dictated instead.
    """

    def __init__(self, min_coverage: float = 0.5) -> None:
        self.min_coverage = min_coverage
        self._decoder: Decoder | None = None
        self._lock = threading.Lock()

    @property
    def is_ready(self) -> bool:
        """Whether the decoder has been built (building it takes ~0.2 s)."""
        return self._decoder is not None

    def warm_up(self) -> None:
        """Build the decoder now, so the first recording does not pay for it."""
        with self._lock:
            self._decoder_built()

    def recognise(self, pcm: bytes) -> Recognition:
        """The words in 16 kHz mono 16-bit `pcm`: the grammar's, else free dictation's."""
        with self._lock:
            decoder = self._decoder_built()
            loud = loud_frames(pcm)
            heard = _decode(decoder, GRAMMAR_SEARCH, pcm, loud)
            if heard.text and heard.coverage >= self.min_coverage:
                return heard
            dictated = _decode(decoder, DICTATION_SEARCH, pcm, loud)
            return dictated if dictated.text else heard

    def dictate(self, pcm: bytes) -> Recognition:
        """Free dictation only, without the grammar (the benchmarks' baseline)."""
        with self._lock:
            return _decode(self._decoder_built(), DICTATION_SEARCH, pcm, loud_frames(pcm))

    def _decoder_built(self) -> Decoder:
        if self._decoder is None:
            from pocketsphinx import Decoder

            # The wheel's en-us model, dictionary and language model. Dither: synthetic
            # and gated recordings hold runs of exact zeros, whose log energy throws the
            # decoder off (without it the first word of espeak's phrases was often lost).
            decoder = Decoder(loglevel="FATAL", dither=True, seed=1)
            decoder.add_lm_file(DICTATION_SEARCH, decoder.config["lm"])
            decoder.add_jsgf_string(GRAMMAR_SEARCH, tweak_grammar())
            self._decoder = decoder
        return self._decoder


def loud_frames(pcm: bytes, frame: int = 160) -> list[bool]:
    """Per 10 ms frame: whether it is loud enough to be speech (a tenth of the loudest)."""
    samples = array("h", pcm[: len(pcm) - len(pcm) % 2])
    if sys.byteorder == "big":
        samples.byteswap()
    energies = [
        sum(map(mul, samples[i: i + frame], samples[i: i + frame])) / frame
        for i in range(0, len(samples) - frame + 1, frame)
    ]
    if not energies:
        return []
    floor = max(SILENCE_RMS**2, max(energies) / 100)  # energy: a tenth of the loudest RMS
    return [energy > floor for energy in energies]


def _decode(decoder: Decoder, search: str, pcm: bytes, loud: list[bool]) -> Recognition:
    decoder.activate_search(search)
    decoder.start_utt()
    decoder.process_raw(pcm, full_utt=True)
    decoder.end_utt()
    hypothesis = decoder.hyp()
    if hypothesis is None:
        return Recognition("", search, 0.0)
    words, covered = [], 0
    for segment in decoder.seg():
        if segment.word.startswith(("<", "[", "+")):
            continue  # silence and fillers: <s>, <sil>, </s>, [NOISE], ++BREATH++
        words.append(segment.word.split("(")[0])  # "the(2)" is a second pronunciation
        covered += sum(loud[segment.start_frame: segment.end_frame + 1])
    return Recognition(" ".join(words), search, covered / max(1, sum(loud)))
