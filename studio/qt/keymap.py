"""Translate Qt key events into pygame (SDL2) key codes, modifiers, scancodes and text.

The Qt host never imports pygame, so the SDL2 numbers are written out here;
tests/studio/test_keymap.py checks every entry against the real pygame constants.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent


@dataclass(frozen=True)
class SdlKey:
    """One SDL2 key: its keycode (what pygame calls `key`) and its US-layout scancode."""

    key: int
    scancode: int


@dataclass(frozen=True)
class PygameKeyEvent:
    """A key event in pygame's terms, ready to forward to the runner."""

    key: int
    mod: int
    unicode: str
    scancode: int


# SDL2 keycodes of keys without a character are their scancode with bit 30 set
# (SDL_SCANCODE_TO_KEYCODE in SDL_keycode.h).
_SCANCODE_MASK = 1 << 30


def _special(scancode: int) -> SdlKey:
    return SdlKey(scancode | _SCANCODE_MASK, scancode)


def _build_keys() -> dict[str, SdlKey]:
    """The SDL2 key table, named like pygame's constants without the `K_` prefix."""
    keys: dict[str, SdlKey] = {}
    # Letters: keycode is the lower-case character, scancodes 4 (A) .. 29 (Z).
    for index, letter in enumerate("abcdefghijklmnopqrstuvwxyz"):
        keys[letter] = SdlKey(ord(letter), 4 + index)
    # Digits: keycode is the character; scancodes run 1..9 = 30..38, then 0 = 39.
    for digit in "123456789":
        keys[digit] = SdlKey(ord(digit), 29 + int(digit))
    keys["0"] = SdlKey(ord("0"), 39)
    # F1..F12 are scancodes 58..69.
    for number in range(1, 13):
        keys[f"F{number}"] = _special(57 + number)
    keys.update(
        {
            # Keys whose keycode is an ASCII control character.
            "RETURN": SdlKey(13, 40),
            "ESCAPE": SdlKey(27, 41),
            "BACKSPACE": SdlKey(8, 42),
            "TAB": SdlKey(9, 43),
            "SPACE": SdlKey(32, 44),
            "DELETE": SdlKey(127, 76),
            # Punctuation on a US layout: keycode is the unshifted character.
            "MINUS": SdlKey(ord("-"), 45),
            "EQUALS": SdlKey(ord("="), 46),
            "LEFTBRACKET": SdlKey(ord("["), 47),
            "RIGHTBRACKET": SdlKey(ord("]"), 48),
            "BACKSLASH": SdlKey(ord("\\"), 49),
            "SEMICOLON": SdlKey(ord(";"), 51),
            "QUOTE": SdlKey(ord("'"), 52),
            "BACKQUOTE": SdlKey(ord("`"), 53),
            "COMMA": SdlKey(ord(","), 54),
            "PERIOD": SdlKey(ord("."), 55),
            "SLASH": SdlKey(ord("/"), 56),
            # Navigation and editing.
            "CAPSLOCK": _special(57),
            "PRINT": _special(70),
            "SCROLLOCK": _special(71),
            "PAUSE": _special(72),
            "INSERT": _special(73),
            "HOME": _special(74),
            "PAGEUP": _special(75),
            "END": _special(77),
            "PAGEDOWN": _special(78),
            "RIGHT": _special(79),
            "LEFT": _special(80),
            "DOWN": _special(81),
            "UP": _special(82),
            "NUMLOCK": _special(83),
            "MENU": _special(118),
            # Keypad.
            "KP_DIVIDE": _special(84),
            "KP_MULTIPLY": _special(85),
            "KP_MINUS": _special(86),
            "KP_PLUS": _special(87),
            "KP_ENTER": _special(88),
            "KP_1": _special(89),
            "KP_2": _special(90),
            "KP_3": _special(91),
            "KP_4": _special(92),
            "KP_5": _special(93),
            "KP_6": _special(94),
            "KP_7": _special(95),
            "KP_8": _special(96),
            "KP_9": _special(97),
            "KP_0": _special(98),
            "KP_PERIOD": _special(99),
            "KP_EQUALS": _special(103),
            # Modifier keys.
            "LCTRL": _special(224),
            "LSHIFT": _special(225),
            "LALT": _special(226),
            "LGUI": _special(227),
            "RCTRL": _special(228),
            "RSHIFT": _special(229),
            "RALT": _special(230),
            "RGUI": _special(231),
        }
    )
    return keys


KEYS: Mapping[str, SdlKey] = MappingProxyType(_build_keys())
"""SDL2 keys by pygame name without `K_` (`KEYS["LEFT"].key == pygame.K_LEFT`)."""

MODIFIERS: Mapping[str, int] = MappingProxyType(
    {
        "NONE": 0x0000,
        "LSHIFT": 0x0001,
        "RSHIFT": 0x0002,
        "LCTRL": 0x0040,
        "RCTRL": 0x0080,
        "LALT": 0x0100,
        "RALT": 0x0200,
        "LGUI": 0x0400,
        "RGUI": 0x0800,
        "NUM": 0x1000,
        "CAPS": 0x2000,
        "MODE": 0x4000,
        "SHIFT": 0x0003,
        "CTRL": 0x00C0,
        "ALT": 0x0300,
        "GUI": 0x0C00,
    }
)
"""SDL2 modifier bits by pygame name without `KMOD_` (`MODIFIERS["SHIFT"] == pygame.KMOD_SHIFT`)."""


def _qt(key: Qt.Key) -> int:
    return int(key.value)


_K = Qt.Key

# Qt keys (without KeypadModifier) → KEYS names. Letters and digits are added below.
_QT_KEY_NAMES: dict[int, str] = {
    _qt(_K.Key_Return): "RETURN",
    _qt(_K.Key_Enter): "KP_ENTER",
    _qt(_K.Key_Escape): "ESCAPE",
    _qt(_K.Key_Backspace): "BACKSPACE",
    _qt(_K.Key_Tab): "TAB",
    _qt(_K.Key_Backtab): "TAB",  # Qt's name for Shift+Tab; SDL reports Tab with Shift
    _qt(_K.Key_Space): "SPACE",
    _qt(_K.Key_Delete): "DELETE",
    _qt(_K.Key_Insert): "INSERT",
    _qt(_K.Key_Home): "HOME",
    _qt(_K.Key_End): "END",
    _qt(_K.Key_PageUp): "PAGEUP",
    _qt(_K.Key_PageDown): "PAGEDOWN",
    _qt(_K.Key_Left): "LEFT",
    _qt(_K.Key_Right): "RIGHT",
    _qt(_K.Key_Up): "UP",
    _qt(_K.Key_Down): "DOWN",
    _qt(_K.Key_CapsLock): "CAPSLOCK",
    _qt(_K.Key_NumLock): "NUMLOCK",
    _qt(_K.Key_ScrollLock): "SCROLLOCK",
    _qt(_K.Key_Print): "PRINT",
    _qt(_K.Key_Pause): "PAUSE",
    _qt(_K.Key_Menu): "MENU",
    _qt(_K.Key_Minus): "MINUS",
    _qt(_K.Key_Equal): "EQUALS",
    _qt(_K.Key_BracketLeft): "LEFTBRACKET",
    _qt(_K.Key_BracketRight): "RIGHTBRACKET",
    _qt(_K.Key_Backslash): "BACKSLASH",
    _qt(_K.Key_Semicolon): "SEMICOLON",
    _qt(_K.Key_Apostrophe): "QUOTE",
    _qt(_K.Key_QuoteLeft): "BACKQUOTE",
    _qt(_K.Key_Comma): "COMMA",
    _qt(_K.Key_Period): "PERIOD",
    _qt(_K.Key_Slash): "SLASH",
    # Qt cannot tell left from right here; `_right_side_names` refines these.
    _qt(_K.Key_Shift): "LSHIFT",
    _qt(_K.Key_Control): "LCTRL",
    _qt(_K.Key_Alt): "LALT",
    _qt(_K.Key_Meta): "LGUI",
    _qt(_K.Key_Super_L): "LGUI",
    _qt(_K.Key_Super_R): "RGUI",
    _qt(_K.Key_AltGr): "RALT",
}
_QT_KEY_NAMES.update({ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})  # Key_A == ord("A")
_QT_KEY_NAMES.update({ord(d): d for d in "0123456789"})
_QT_KEY_NAMES.update({_qt(getattr(_K, f"Key_F{n}")): f"F{n}" for n in range(1, 13)})

# With KeypadModifier, Qt reports keypad keys as the ordinary key they type.
_QT_KEYPAD_NAMES: dict[int, str] = {ord(d): f"KP_{d}" for d in "0123456789"}
_QT_KEYPAD_NAMES.update(
    {
        _qt(_K.Key_Plus): "KP_PLUS",
        _qt(_K.Key_Minus): "KP_MINUS",
        _qt(_K.Key_Asterisk): "KP_MULTIPLY",
        _qt(_K.Key_Slash): "KP_DIVIDE",
        _qt(_K.Key_Period): "KP_PERIOD",
        _qt(_K.Key_Comma): "KP_PERIOD",  # decimal comma locales
        _qt(_K.Key_Equal): "KP_EQUALS",
        _qt(_K.Key_Enter): "KP_ENTER",
        _qt(_K.Key_Return): "KP_ENTER",
    }
)

# Qt names the shifted symbol (Shift+1 is Key_Exclam); SDL names the physical key
# and sets KMOD_SHIFT. Games test `key == K_1`, so undo the shift (US layout).
_SHIFTED_TO_BASE: dict[str, str] = {
    "!": "1", "@": "2", "#": "3", "$": "4", "%": "5", "^": "6", "&": "7", "*": "8",
    "(": "9", ")": "0", "_": "-", "+": "=", "{": "[", "}": "]", "|": "\\",
    ":": ";", '"': "'", "~": "`", "<": ",", ">": ".", "?": "/",
}  # fmt: skip
_CHAR_NAMES: dict[str, str] = {
    "-": "MINUS", "=": "EQUALS", "[": "LEFTBRACKET", "]": "RIGHTBRACKET",
    "\\": "BACKSLASH", ";": "SEMICOLON", "'": "QUOTE", "`": "BACKQUOTE",
    ",": "COMMA", ".": "PERIOD", "/": "SLASH",
}  # fmt: skip

# Native virtual keys that mean "the right-hand one" of a modifier pair:
# X11/Wayland keysyms, Windows VK_R* codes, macOS kVK_Right* codes.
_RIGHT_NATIVE_KEYS: dict[str, frozenset[int]] = {
    "LSHIFT": frozenset({0xFFE2, 0xA1, 0x3C}),
    "LCTRL": frozenset({0xFFE4, 0xA3, 0x3E}),
    "LALT": frozenset({0xFFEA, 0xFE03, 0xA5, 0x3D}),
    "LGUI": frozenset({0xFFEC, 0xFFE8, 0x5C, 0x36}),
}

# (Qt modifier flag, left key name, right key name) for each modifier pair.
_MODIFIER_FAMILIES: tuple[tuple[int, str, str], ...] = (
    (int(Qt.KeyboardModifier.ShiftModifier.value), "LSHIFT", "RSHIFT"),
    (int(Qt.KeyboardModifier.ControlModifier.value), "LCTRL", "RCTRL"),
    (int(Qt.KeyboardModifier.AltModifier.value), "LALT", "RALT"),
    (int(Qt.KeyboardModifier.MetaModifier.value), "LGUI", "RGUI"),
)
_KEYPAD_FLAG = int(Qt.KeyboardModifier.KeypadModifier.value)
_SHIFT_FLAG = int(Qt.KeyboardModifier.ShiftModifier.value)
_MODIFIER_KEYCODES = frozenset(
    KEYS[name].key for _, left, right in _MODIFIER_FAMILIES for name in (left, right)
)


def _as_int(value: object) -> int:
    """Qt enums and flags carry their number in `.value`; plain ints pass through."""
    return int(getattr(value, "value", value))  # type: ignore[call-overload]


def is_modifier_key(sdl_key: int) -> bool:
    """True for Shift, Ctrl, Alt and GUI keys (either side)."""
    return sdl_key in _MODIFIER_KEYCODES


def sdl_key_for(
    qt_key: int, qt_modifiers: object = 0, native_virtual_key: int = 0
) -> SdlKey | None:
    """The SDL key for a Qt key, or None when it has no pygame equivalent."""
    qt_key = _as_int(qt_key)
    modifiers = _as_int(qt_modifiers)
    if modifiers & _KEYPAD_FLAG and qt_key in _QT_KEYPAD_NAMES:
        return KEYS[_QT_KEYPAD_NAMES[qt_key]]
    name = _QT_KEY_NAMES.get(qt_key)
    if name is not None:
        right = _RIGHT_NATIVE_KEYS.get(name)
        if right is not None and native_virtual_key in right:
            name = "R" + name[1:]
        return KEYS[name]
    if 0x20 < qt_key < 0x110000:
        # A printable character Qt names by its (upper-case) code point.
        char = chr(qt_key)
        if modifiers & _SHIFT_FLAG and char in _SHIFTED_TO_BASE:
            char = _SHIFTED_TO_BASE[char]
        known = _CHAR_NAMES.get(char, char)
        if known in KEYS:
            return KEYS[known]
        # Other symbols and non-US letters: SDL's keycode is the lower-case
        # character; the scancode depends on the layout, which Qt does not tell us.
        return SdlKey(ord(char.lower()[0]), 0)
    return None


def pygame_modifiers(qt_modifiers: object, held_keys: Collection[int] = ()) -> int:
    """SDL modifier bits for Qt modifier flags, sided by the modifier keys held.

    Qt reports only "Shift is down", not which Shift; the side comes from the
    SDL modifier keys in `held_keys`, defaulting to left.
    """
    modifiers = _as_int(qt_modifiers)
    bits = 0
    for flag, left, right in _MODIFIER_FAMILIES:
        left_held = KEYS[left].key in held_keys
        right_held = KEYS[right].key in held_keys
        if left_held or right_held:
            bits |= MODIFIERS[left] if left_held else 0
            bits |= MODIFIERS[right] if right_held else 0
        elif modifiers & flag:
            bits |= MODIFIERS[left]
    return bits


def translate_key(
    qt_key: int,
    qt_modifiers: object,
    text: str,
    *,
    down: bool,
    native_virtual_key: int = 0,
    held_keys: Collection[int] = (),
) -> PygameKeyEvent | None:
    """A Qt key press/release as pygame would report it, or None for unmapped keys.

    `held_keys` are the SDL keycodes held before this event. Like SDL, the
    modifier state reported is the state after the event: pressing Shift
    reports KMOD_LSHIFT, releasing it does not.
    """
    sdl = sdl_key_for(qt_key, qt_modifiers, native_virtual_key)
    if sdl is None:
        return None
    modifiers = _as_int(qt_modifiers)
    held_after = set(held_keys)
    if down:
        held_after.add(sdl.key)
    else:
        held_after.discard(sdl.key)
        if is_modifier_key(sdl.key):
            # Qt still reports the flag of the modifier being released.
            for flag, left, right in _MODIFIER_FAMILIES:
                if sdl.key in (KEYS[left].key, KEYS[right].key):
                    modifiers &= ~flag
    return PygameKeyEvent(
        key=sdl.key,
        mod=pygame_modifiers(modifiers, held_after),
        unicode=text,
        scancode=sdl.scancode,
    )


def translate_key_event(
    event: QKeyEvent, *, down: bool, held_keys: Collection[int] = ()
) -> PygameKeyEvent | None:
    """`translate_key` for a QKeyEvent."""
    return translate_key(
        event.key(),
        event.modifiers(),
        event.text(),
        down=down,
        native_virtual_key=event.nativeVirtualKey(),
        held_keys=held_keys,
    )
