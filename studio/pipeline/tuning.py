"""Game parameters read from a description's words, and applied to `# tune:` tagged lines.

`read_tuning("a fast blue snake with 10 apples")` finds what the words ask for (a
Tuning); `tune(source, tuning)` rewrites only the literal of each module-level line
tagged `# tune: <knob>` (assets/starters/README.md), clamped to the ranges every
starter promises to handle, and says what it changed.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from studio.pipeline.genres import CUES, normalise

RGB = tuple[int, int, int]
Put = Callable[[str, object, str], None]  # record a knob's value and the words behind it
KNOBS = ("color", "accent_color", "background", "speed", "size", "count", "gravity",
         "two_players", "lives")

# How far a knob may move from the value the starter was written with (a factor), or
# the absolute range of a whole-number knob. Starters stay correct inside these.
FACTOR_RANGES = {"speed": (0.5, 2.0), "size": (0.6, 1.6), "gravity": (0.4, 2.0)}
COUNT_RANGE = (1, 40)
LIVES_RANGE = (1, 9)


@dataclass(frozen=True)
class Tuning:
    """What a description asks of a game; None means "not mentioned"."""

    color: RGB | None = None
    accent_color: RGB | None = None
    background: RGB | None = None
    speed_factor: float | None = None
    size_factor: float | None = None
    count: int | None = None
    count_factor: float | None = None
    gravity_factor: float | None = None
    two_players: bool | None = None
    lives: int | None = None
    # (knob, the words that set it), for messages like "SPEED 220 → 330 (fast)".
    reasons: tuple[tuple[str, str], ...] = ()

    def reason(self, knob: str) -> str:
        """The description's words behind a knob's value, or "" if none."""
        return next((words for name, words in self.reasons if name == knob), "")

    @property
    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, ()) for f in fields(self))


# --- Reading a description -------------------------------------------------------------

COLORS: dict[str, RGB] = {
    "red": (230, 60, 60), "blue": (60, 120, 240), "green": (70, 200, 90),
    "yellow": (245, 215, 60), "purple": (160, 80, 220), "violet": (150, 90, 230),
    "orange": (245, 140, 40), "pink": (245, 120, 180), "white": (240, 240, 240),
    "black": (12, 12, 16), "gray": (128, 128, 136), "grey": (128, 128, 136),
    "brown": (140, 90, 50), "cyan": (60, 220, 230), "teal": (40, 170, 160),
    "turquoise": (60, 210, 200), "magenta": (225, 60, 200), "gold": (240, 190, 50),
    "golden": (240, 190, 50), "silver": (190, 195, 205), "navy": (30, 40, 110),
    "lime": (160, 240, 60), "crimson": (200, 30, 60), "indigo": (80, 60, 180),
    # Spanish, French, German (after normalise(): no accents, ß as ss).
    "rojo": (230, 60, 60), "roja": (230, 60, 60), "azul": (60, 120, 240),
    "verde": (70, 200, 90), "amarillo": (245, 215, 60), "morado": (160, 80, 220),
    "naranja": (245, 140, 40), "rosa": (245, 120, 180), "blanco": (240, 240, 240),
    "negro": (12, 12, 16), "gris": (128, 128, 136), "rouge": (230, 60, 60),
    "bleu": (60, 120, 240), "vert": (70, 200, 90), "verte": (70, 200, 90),
    "jaune": (245, 215, 60), "rose": (245, 120, 180), "blanc": (240, 240, 240),
    "noir": (12, 12, 16), "noire": (12, 12, 16), "rot": (230, 60, 60), "blau": (60, 120, 240),
    "grun": (70, 200, 90), "gelb": (245, 215, 60), "lila": (160, 80, 220),
    "weiss": (240, 240, 240), "schwarz": (12, 12, 16), "grau": (128, 128, 136),
}
# Chinese (simplified and traditional) and Japanese colour characters, matched in the text.
EAST_ASIAN_COLORS: dict[str, RGB] = {
    "红": COLORS["red"], "紅": COLORS["red"], "赤": COLORS["red"], "蓝": COLORS["blue"],
    "藍": COLORS["blue"], "青": COLORS["blue"], "绿": COLORS["green"], "綠": COLORS["green"],
    "緑": COLORS["green"], "黄": COLORS["yellow"], "黃": COLORS["yellow"],
    "紫": COLORS["purple"], "橙": COLORS["orange"], "粉": COLORS["pink"],
    "白": COLORS["white"], "黑": COLORS["black"], "黒": COLORS["black"], "灰": COLORS["gray"],
    "棕": COLORS["brown"], "金": COLORS["gold"], "银": COLORS["silver"],
    "ピンク": COLORS["pink"], "オレンジ": COLORS["orange"],
}
DARK_WORDS = ("dark", "deep", "oscuro", "fonce", "dunkel")
LIGHT_WORDS = ("light", "pale", "pastel", "claro", "clair", "hell")
BACKGROUND_WORDS = ("background", "backdrop", "bg", "sky", "fondo", "fond", "hintergrund")
DARK_BACKGROUND: RGB = (14, 14, 22)
LIGHT_BACKGROUND: RGB = (232, 234, 240)

SPEED_WORDS = {
    "fast": 1.5, "quick": 1.5, "speedy": 1.5, "rapid": 1.5, "faster": 1.5, "quicker": 1.5,
    "fastest": 2.0, "hyper": 2.0, "turbo": 2.0, "insane": 2.0, "frantic": 2.0,
    "slow": 0.6, "slower": 0.6, "sluggish": 0.6, "relaxed": 0.6, "leisurely": 0.6,
    "slowest": 0.5, "rapido": 1.5, "rapida": 1.5, "rapide": 1.5, "vite": 1.5,
    "schnell": 1.5, "schnelle": 1.5, "schneller": 1.5, "rapidos": 1.5, "rapides": 1.5,
    "lento": 0.6, "lenta": 0.6, "lent": 0.6, "lente": 0.6, "langsam": 0.6,
}
SIZE_WORDS = {
    "big": 1.5, "large": 1.5, "bigger": 1.5, "larger": 1.5, "huge": 1.6, "giant": 1.6,
    "gigantic": 1.6, "enormous": 1.6, "massive": 1.6, "small": 0.7, "smaller": 0.7,
    "tiny": 0.6, "grande": 1.5, "gros": 1.5, "grosse": 1.5, "gross": 1.5,
    "pequeno": 0.7, "pequena": 0.7, "petit": 0.7, "petite": 0.7, "klein": 0.7, "kleine": 0.7,
}
COUNT_WORDS = {
    "many": 2.0, "lots": 2.0, "loads": 2.0, "tons": 2.0, "plenty": 2.0, "numerous": 2.0,
    "countless": 2.0, "swarm": 2.0, "more": 1.5, "few": 0.5, "fewer": 0.5,
    "muchos": 2.0, "muchas": 2.0, "beaucoup": 2.0, "viele": 2.0, "pocos": 0.5, "wenige": 0.5,
}
INTENSIFIERS = ("very", "super", "really", "extremely", "ultra", "so", "too", "insanely",
                "incredibly", "muy", "tres", "sehr")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "single": 1,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "diez": 10,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "dix": 10,
    "ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "funf": 5, "zehn": 10,
}
LIFE_WORDS = ("life", "lives", "heart", "hearts", "vida", "vidas", "vie", "vies", "leben")
PLAYER_WORDS = ("player", "players", "p", "jugador", "jugadores", "joueur", "joueurs",
                "spieler", "people", "persons", "humans")
NOT_COUNTED = ("second", "seconds", "sec", "minute", "minutes", "fps", "px", "pixel",
               "pixels", "percent", "times", "x", "d", "level", "levels", "stage", "stages")
DESCRIBING_WORDS = frozenset(COLORS) | frozenset(SPEED_WORDS) | frozenset(SIZE_WORDS) | frozenset(
    INTENSIFIERS) | frozenset(DARK_WORDS) | frozenset(LIGHT_WORDS) | {"more", "extra", "different"}
NOT_BEFORE_COUNT = ("level", "stage", "version", "round", "top", "x", "by", "to", "under")
TWO_PLAYER_PHRASES = ("versus", "vs", "multiplayer", "multi player", "pvp", "head to head",
                      "against a friend", "against your friend", "with a friend", "2p",
                      "two player", "2 player", "dos jugadores", "deux joueurs",
                      "zwei spieler", "local coop", "couch coop")
ONE_PLAYER_PHRASES = ("single player", "one player", "1 player", "1p", "solo",
                      "against the computer", "vs computer", "vs the computer", "vs ai",
                      "versus ai", "against ai", "against the ai", "vs cpu", "against a bot",
                      "against the cpu", "versus the computer", "versus computer")
LOW_GRAVITY = ("low gravity", "lower gravity", "weak gravity", "light gravity", "moon",
               "lunar", "floaty", "floating", "space gravity", "mars")
NO_GRAVITY = ("zero gravity", "no gravity", "zero g", "weightless")
HIGH_GRAVITY = ("high gravity", "higher gravity", "strong gravity", "heavy", "heavier",
                "jupiter", "strong pull")

CN_DIGITS = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
CN_NUMBER = r"(\d+|[一二两兩三四五六七八九十]+)"
# Chinese words that contain a tuning character but do not mean it (小游戏 = mini game).
CN_NOT_TUNING = ("小游戏", "小遊戲", "大战", "大戰", "大家", "小时", "多少", "至少", "少年",
                 "快乐", "快樂", "愉快", "明白", "白天", "黑客", "金币", "金幣", "多人", "人机")
CN_SPEED = (("非常快", 2.0), ("超快", 2.0), ("很快", 2.0), ("特别快", 2.0), ("极快", 2.0),
            ("非常慢", 0.5), ("很慢", 0.5), ("快", 1.5), ("慢", 0.6), ("速い", 1.5),
            ("遅い", 0.6))
CN_SIZE = (("巨大", 1.6), ("超大", 1.6), ("很大", 1.6), ("很小", 0.6), ("超小", 0.6),
           ("大", 1.5), ("小", 0.7))
CN_COUNT = (("很多", 2.0), ("许多", 2.0), ("大量", 2.0), ("好多", 2.0), ("更多", 1.5),
            ("很少", 0.5), ("少量", 0.5), ("几个", 0.5))
CN_TWO_PLAYERS = ("双人", "雙人", "两人", "兩人", "二人", "2人", "两个玩家", "双打", "对战",
                  "對戰", "多人")
CN_ONE_PLAYER = ("单人", "單人", "人机", "一人")
CN_LOW_GRAVITY = ("低重力", "月球", "失重", "轻飘", "弱重力", "重力小", "重力低")
CN_HIGH_GRAVITY = ("高重力", "强重力", "重力大", "重力高")


def read_tuning(description: str) -> Tuning:
    """The parameters a description's words ask for."""
    text = normalise(description)
    east_asian = _mask_east_asian(text)
    words = text.split()
    found: dict[str, Any] = {}
    reasons: dict[str, str] = {}

    def put(knob: str, value: object, why: str) -> None:
        if knob not in found:
            found[knob] = value
            reasons[knob] = why

    _read_colors(words, text, east_asian, put)
    _read_scaled(words, SPEED_WORDS, "speed_factor", put, stronger=2.0, weaker=0.5)
    _read_scaled(words, SIZE_WORDS, "size_factor", put, stronger=1.6, weaker=0.6)
    _read_numbers(words, east_asian, put)
    _read_scaled(words, COUNT_WORDS, "count_factor", put, stronger=2.0, weaker=0.5)
    _read_players(text, east_asian, put)
    _read_gravity(text, east_asian, put)
    for knob, table in (("speed_factor", CN_SPEED), ("size_factor", CN_SIZE), ("count_factor", CN_COUNT)):
        for chars, factor in table:
            if chars in east_asian:
                put(knob, factor, chars)
    knob_of = {"speed_factor": "speed", "size_factor": "size", "count_factor": "count",
               "gravity_factor": "gravity"}
    return Tuning(
        **found,
        reasons=tuple((knob_of.get(name, name), why) for name, why in reasons.items()),
    )


def _mask_east_asian(text: str) -> str:
    """The text with genre names and look-alike words blanked, so 飞机大战 is not "big"."""
    for table in CUES.values():
        for entry in table.split("|"):
            cue = entry.strip().rsplit(" ", 1)[0]
            if cue and not cue.isascii() and len(cue) > 1:
                text = text.replace(cue, "□" * len(cue))
    for word in CN_NOT_TUNING:
        text = text.replace(word, "□" * len(word))
    return text


def _near(words: list[str], index: int, targets: tuple[str, ...], before: int, after: int) -> bool:
    window = words[max(0, index - before): index] + words[index + 1: index + 1 + after]
    return any(word in targets for word in window)


def _read_colors(words: list[str], text: str, east_asian: str, put: Put) -> None:
    """First colour → color, second → accent_color; a colour next to "background" → background."""
    named: list[tuple[int, RGB, str, bool]] = []  # (position, colour, words, is background)
    offsets: list[int] = []
    position = 0
    for word in words:
        position = text.find(word, position)
        offsets.append(position)
        position += len(word)
    for i, word in enumerate(words):
        color = COLORS.get(word)
        if color is None:
            if word in DARK_WORDS and not (i + 1 < len(words) and words[i + 1] in COLORS):
                named.append((offsets[i], DARK_BACKGROUND, word, True))
            elif word in LIGHT_WORDS and _near(words, i, BACKGROUND_WORDS + ("theme", "mode"), 0, 2):
                named.append((offsets[i], LIGHT_BACKGROUND, word, True))
            continue
        label = word
        if i > 0 and words[i - 1] in DARK_WORDS:
            color, label = _mix(color, (0, 0, 0), 0.45), f"{words[i - 1]} {word}"
        elif i > 0 and words[i - 1] in LIGHT_WORDS:
            color, label = _mix(color, (255, 255, 255), 0.45), f"{words[i - 1]} {word}"
        is_background = _near(words, i, BACKGROUND_WORDS, 2, 3)
        named.append((offsets[i], color, label, is_background))
    for chars, color in EAST_ASIAN_COLORS.items():
        start = east_asian.find(chars)
        while start >= 0:
            around = east_asian[max(0, start - 4): start + len(chars) + 5]
            shade = east_asian[start - 1] if start > 0 else " "
            value = color
            if shade in "深暗":
                value, chars_said = _mix(color, (0, 0, 0), 0.45), shade + chars
            elif shade in "浅淺":
                value, chars_said = _mix(color, (255, 255, 255), 0.45), shade + chars
            else:
                chars_said = chars
            named.append((start, value, chars_said, "背景" in around))
            start = east_asian.find(chars, start + len(chars))
    for chars in ("深色", "暗色", "黑夜", "夜晚", "暗黑"):
        if chars in east_asian:
            named.append((east_asian.find(chars), DARK_BACKGROUND, chars, True))
    colours = sorted(named, key=lambda entry: entry[0])
    for _position, color, label, is_background in colours:
        if is_background:
            put("background", color, label + (" background" if label.isascii() else ""))
    foreground = [entry for entry in colours if not entry[3]]
    for knob, entry in zip(("color", "accent_color"), foreground[:2], strict=False):
        put(knob, entry[1], entry[2])


def _mix(color: RGB, other: RGB, share: float) -> RGB:
    r, g, b = (round(c + (o - c) * share) for c, o in zip(color, other, strict=True))
    return (r, g, b)


def _read_scaled(
    words: list[str], table: dict[str, float], knob: str, put: Put, stronger: float, weaker: float
) -> None:
    """The first word of `table`, made stronger by "very", "super"..."""
    for i, word in enumerate(words):
        factor = table.get(word)
        if factor is None:
            continue
        if i > 0 and words[i - 1] in INTENSIFIERS:
            put(knob, stronger if factor > 1 else weaker, f"{words[i - 1]} {word}")
        else:
            put(knob, factor, word)
        return


def _number(word: str) -> int | None:
    if word.isdigit() and len(word) <= 6:
        return int(word)
    return NUMBER_WORDS.get(word)


def _read_numbers(words: list[str], east_asian: str, put: Put) -> None:
    """"10 enemies" → count, "three lives" → lives, "2 players" → two_players."""
    for i, word in enumerate(words):
        value = _number(word)
        if value is None or (i > 0 and words[i - 1] in NOT_BEFORE_COUNT):
            continue
        following = words[i + 1: i + 4]
        if not following:
            continue
        unit = next((w for w in following if w in LIFE_WORDS or w in PLAYER_WORDS), None)
        if unit in LIFE_WORDS:
            put("lives", value, f"{word} {unit}")
        elif unit in PLAYER_WORDS and following[0] in PLAYER_WORDS:
            put("two_players", value >= 2, f"{word} {unit}")
        elif word.isdigit() or value >= 2:  # "un", "one", "ein" are mostly articles
            noun = next((w for w in following if w not in DESCRIBING_WORDS), None)
            if noun is not None and noun.isalpha() and noun not in NOT_COUNTED:
                put("count", value, " ".join(words[i: following.index(noun) + i + 2]))
    for match in re.finditer(CN_NUMBER + r"\s*(?:条|個|个)?\s*(?:命|生命)", east_asian):
        put("lives", _cn_number(match.group(1)), match.group(0))
    for match in re.finditer(CN_NUMBER + r"\s*(?:个|個|只|条|條|颗|顆|架|块|塊|辆|輛|名)?\s*(?=[\u4e00-\u9fff])", east_asian):
        rest = east_asian[match.end(): match.end() + 2]
        value = _cn_number(match.group(1))
        if value >= 2 and not rest.startswith(("命", "生命", "人", "玩家", "秒", "分", "关", "級", "级", "倍")):
            put("count", value, match.group(0) + rest)  # 一个 is "a", not a count


def _cn_number(text: str) -> int:
    """"12", "三", "十", "十五", "二十" as numbers."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return CN_DIGITS.get(tens, 1) * 10 + CN_DIGITS.get(ones, 0)
    return CN_DIGITS.get(text[0], 1)


def _has_phrase(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}s?(?!\w)", text) is not None


def _read_players(text: str, east_asian: str, put: Put) -> None:
    for phrase in ONE_PLAYER_PHRASES:
        if _has_phrase(text, phrase):
            put("two_players", False, phrase)
    for chars in CN_ONE_PLAYER:
        if chars in east_asian:
            put("two_players", False, chars)
    for phrase in TWO_PLAYER_PHRASES:
        if _has_phrase(text, phrase):
            put("two_players", True, phrase)
    for chars in CN_TWO_PLAYERS:
        if chars in text:  # unmasked: 多人 means multiplayer here
            put("two_players", True, chars)


def _read_gravity(text: str, east_asian: str, put: Put) -> None:
    for phrases, factor in ((NO_GRAVITY, 0.4), (LOW_GRAVITY, 0.5), (HIGH_GRAVITY, 1.6)):
        for phrase in phrases:
            if _has_phrase(text, phrase):
                put("gravity_factor", factor, phrase)
    for table, factor in ((CN_LOW_GRAVITY, 0.5), (CN_HIGH_GRAVITY, 1.6)):
        for chars in table:
            if chars in east_asian:
                put("gravity_factor", factor, chars)


# --- Applying it to tagged source --------------------------------------------------------

# `NAME = literal  # tune: knob` at module level; only the literal is ever rewritten.
TAGGED_LINE = re.compile(
    r"^(?P<head>[A-Z][A-Z0-9_]*\s*(?::[^=#]*)?=\s*)(?P<value>[^#]*?)"
    r"(?P<tail>\s*#\s*tune:\s*(?P<knob>[a-z_]+)\b.*)$"
)


def tune(source: str, tuning: Tuning) -> tuple[str, list[str]]:
    """`source` with its tagged literals retuned, and one line per change for the user."""
    lines = source.splitlines(keepends=True)
    changes: list[str] = []
    for number, line in enumerate(lines):
        body = line.rstrip("\r\n")
        match = TAGGED_LINE.match(body)
        if not match or match.group("knob") not in KNOBS:
            continue
        try:
            old = ast.literal_eval(match.group("value"))
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            continue
        result = _retune(match.group("knob"), old, tuning)
        if result is None:
            continue
        new_literal, note = result
        if new_literal == match.group("value"):
            continue
        lines[number] = match.group("head") + new_literal + match.group("tail") + line[len(body):]
        name = match.group("head").split("=")[0].split(":")[0].strip()
        changes.append(f"{name} {match.group('value')} → {new_literal} ({note})")
    return "".join(lines), changes


def _retune(knob: str, old: object, tuning: Tuning) -> tuple[str, str] | None:
    """The new literal for one tagged value and why, or None to leave it alone."""
    why = tuning.reason(knob)
    if knob in ("color", "accent_color", "background"):
        color = getattr(tuning, knob)
        if color is None or not _is_color(old):
            return None
        assert isinstance(old, tuple)
        return "(" + ", ".join(str(int(c)) for c in tuple(color) + old[3:]) + ")", why
    if knob == "two_players":
        if tuning.two_players is None or not isinstance(old, bool):
            return None
        return repr(tuning.two_players), why
    if isinstance(old, bool) or not isinstance(old, (int, float)):
        return None
    if knob == "lives":
        return None if tuning.lives is None else _whole(tuning.lives, LIVES_RANGE, why)
    if knob == "count":
        if tuning.count is not None:
            return _whole(tuning.count, COUNT_RANGE, why)
        if tuning.count_factor is not None:
            return _whole(round(old * tuning.count_factor), COUNT_RANGE, why)
        return None
    factor = {"speed": tuning.speed_factor, "size": tuning.size_factor,
              "gravity": tuning.gravity_factor}[knob]
    if factor is None:
        return None
    low, high = FACTOR_RANGES[knob]
    limited = min(high, max(low, factor))
    if limited != factor:
        why += f", limited to ×{limited:g}"
    value = old * limited
    if isinstance(old, int):
        return str(max(1, round(value)) if old > 0 else round(value)), why
    return repr(round(value, 4)), why


def _whole(value: int, bounds: tuple[int, int], why: str) -> tuple[str, str]:
    low, high = bounds
    kept = min(high, max(low, int(value)))
    return str(kept), why if kept == value else f"{why}, limited to {low}–{high}"


def _is_color(value: object) -> bool:
    return (isinstance(value, tuple) and len(value) in (3, 4)
            and all(isinstance(c, int) and not isinstance(c, bool) for c in value))
