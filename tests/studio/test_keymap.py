"""The hard-coded SDL2 key table matches pygame, and Qt keys translate to it."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
pygame = pytest.importorskip("pygame")

from PySide6.QtCore import Qt  # noqa: E402

from studio.qt.keymap import (  # noqa: E402
    KEYS,
    MODIFIERS,
    pygame_modifiers,
    sdl_key_for,
    translate_key,
)

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
KEYPAD = Qt.KeyboardModifier.KeypadModifier
NO_MODIFIERS = Qt.KeyboardModifier.NoModifier


# SDL names these two scancodes after the key's position, not its character.
_SCANCODE_NAMES = {"BACKQUOTE": "GRAVE", "QUOTE": "APOSTROPHE"}


def _scancode_name(name: str) -> str:
    return "KSCAN_" + _SCANCODE_NAMES.get(name, name.upper())


@pytest.mark.parametrize("name", sorted(KEYS))
def test_every_keycode_matches_pygame(name: str) -> None:
    assert KEYS[name].key == getattr(pygame, "K_" + name)


@pytest.mark.parametrize("name", sorted(KEYS))
def test_every_scancode_matches_pygame(name: str) -> None:
    assert KEYS[name].scancode == getattr(pygame, _scancode_name(name))


@pytest.mark.parametrize("name", sorted(MODIFIERS))
def test_every_modifier_bit_matches_pygame(name: str) -> None:
    assert MODIFIERS[name] == getattr(pygame, "KMOD_" + name)


def test_table_covers_the_keys_games_use() -> None:
    expected = (
        list("abcdefghijklmnopqrstuvwxyz0123456789")
        + [f"F{n}" for n in range(1, 13)]
        + ["LEFT", "RIGHT", "UP", "DOWN", "SPACE", "RETURN", "ESCAPE", "TAB", "BACKSPACE"]
        + ["DELETE", "INSERT", "HOME", "END", "PAGEUP", "PAGEDOWN"]
        + ["LSHIFT", "RSHIFT", "LCTRL", "RCTRL", "LALT", "RALT"]
        + [f"KP_{d}" for d in range(10)]
        + ["KP_PLUS", "KP_MINUS", "KP_MULTIPLY", "KP_DIVIDE", "KP_ENTER", "KP_PERIOD"]
        + ["COMMA", "PERIOD", "SLASH", "SEMICOLON", "QUOTE", "MINUS", "EQUALS"]
    )
    assert set(expected) <= set(KEYS)


@pytest.mark.parametrize(
    ("qt_key", "pygame_name"),
    [(getattr(Qt.Key, f"Key_{c}"), f"K_{c.lower()}") for c in "AQZ"]
    + [(getattr(Qt.Key, f"Key_{d}"), f"K_{d}") for d in "0159"]
    + [(getattr(Qt.Key, f"Key_F{n}"), f"K_F{n}") for n in (1, 5, 12)]
    + [
        (Qt.Key.Key_Left, "K_LEFT"),
        (Qt.Key.Key_Right, "K_RIGHT"),
        (Qt.Key.Key_Up, "K_UP"),
        (Qt.Key.Key_Down, "K_DOWN"),
        (Qt.Key.Key_Space, "K_SPACE"),
        (Qt.Key.Key_Escape, "K_ESCAPE"),
        (Qt.Key.Key_Return, "K_RETURN"),
        (Qt.Key.Key_Tab, "K_TAB"),
        (Qt.Key.Key_Backspace, "K_BACKSPACE"),
        (Qt.Key.Key_Delete, "K_DELETE"),
        (Qt.Key.Key_PageDown, "K_PAGEDOWN"),
        (Qt.Key.Key_Shift, "K_LSHIFT"),
        (Qt.Key.Key_Control, "K_LCTRL"),
        (Qt.Key.Key_Alt, "K_LALT"),
        (Qt.Key.Key_Comma, "K_COMMA"),
        (Qt.Key.Key_Slash, "K_SLASH"),
    ],
)
def test_qt_keys_translate_to_pygame_keys(qt_key: Qt.Key, pygame_name: str) -> None:
    translated = translate_key(qt_key.value, NO_MODIFIERS, "", down=True)
    assert translated is not None
    assert translated.key == getattr(pygame, pygame_name)
    scancode_name = pygame_name.replace("K_", "KSCAN_").upper()
    assert translated.scancode == getattr(pygame, scancode_name)


def test_shift_letter_keeps_the_lower_case_key_and_reports_shift_and_text() -> None:
    translated = translate_key(Qt.Key.Key_A.value, SHIFT, "A", down=True)
    assert translated is not None
    assert translated.key == pygame.K_a
    assert translated.mod & pygame.KMOD_SHIFT
    assert translated.unicode == "A"


def test_shifted_symbol_reports_the_physical_key_like_sdl() -> None:
    translated = translate_key(Qt.Key.Key_Exclam.value, SHIFT, "!", down=True)
    assert translated is not None
    assert (translated.key, translated.scancode) == (pygame.K_1, pygame.KSCAN_1)
    assert translated.unicode == "!"


def test_unshifted_symbol_is_its_own_key() -> None:
    # On layouts where "!" needs no Shift, SDL's keycode is "!" itself.
    sdl = sdl_key_for(Qt.Key.Key_Exclam.value, NO_MODIFIERS)
    assert sdl is not None and sdl.key == pygame.K_EXCLAIM


@pytest.mark.parametrize(
    ("qt_key", "pygame_name"),
    [
        (Qt.Key.Key_0, "K_KP_0"),
        (Qt.Key.Key_7, "K_KP_7"),
        (Qt.Key.Key_Plus, "K_KP_PLUS"),
        (Qt.Key.Key_Minus, "K_KP_MINUS"),
        (Qt.Key.Key_Asterisk, "K_KP_MULTIPLY"),
        (Qt.Key.Key_Slash, "K_KP_DIVIDE"),
        (Qt.Key.Key_Enter, "K_KP_ENTER"),
        (Qt.Key.Key_Period, "K_KP_PERIOD"),
    ],
)
def test_keypad_keys_use_keypad_codes(qt_key: Qt.Key, pygame_name: str) -> None:
    sdl = sdl_key_for(qt_key.value, KEYPAD)
    assert sdl is not None and sdl.key == getattr(pygame, pygame_name)


def test_keypad_modifier_is_not_forwarded_as_a_pygame_modifier() -> None:
    translated = translate_key(Qt.Key.Key_5.value, KEYPAD, "5", down=True)
    assert translated is not None and translated.mod == 0


def test_modifiers_map_to_left_bits_by_default() -> None:
    assert pygame_modifiers(SHIFT | CTRL | ALT) == (
        pygame.KMOD_LSHIFT | pygame.KMOD_LCTRL | pygame.KMOD_LALT
    )
    assert pygame_modifiers(NO_MODIFIERS) == pygame.KMOD_NONE


def test_right_modifier_key_is_recognised_from_its_native_key_and_sides_later_keys() -> None:
    right_shift = translate_key(
        Qt.Key.Key_Shift.value, SHIFT, "", down=True, native_virtual_key=0xFFE2
    )
    assert right_shift is not None
    assert right_shift.key == pygame.K_RSHIFT
    assert right_shift.mod == pygame.KMOD_RSHIFT  # SDL reports the state after the press

    letter = translate_key(Qt.Key.Key_A.value, SHIFT, "A", down=True, held_keys={pygame.K_RSHIFT})
    assert letter is not None and letter.mod == pygame.KMOD_RSHIFT


def test_releasing_a_modifier_clears_its_bit() -> None:
    # Qt still reports Shift in the release event of Shift itself.
    released = translate_key(
        Qt.Key.Key_Shift.value, SHIFT, "", down=False, held_keys={pygame.K_LSHIFT}
    )
    assert released is not None and released.mod == 0


def test_unknown_key_has_no_translation() -> None:
    assert translate_key(Qt.Key.Key_unknown.value, NO_MODIFIERS, "", down=True) is None
    assert sdl_key_for(Qt.Key.Key_VolumeUp.value) is None


def test_accepts_qt_enums_as_well_as_ints() -> None:
    assert sdl_key_for(Qt.Key.Key_Left) == sdl_key_for(Qt.Key.Key_Left.value)
