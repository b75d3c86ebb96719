"""The `pygame` package as a game sees it: real drawing, sandboxed I/O, no files or OS."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pygame.cursors
import pygame.gfxdraw
import pygame.mask
import pygame.sprite

from sandbox.console import Console
from sandbox.facade import pygame_arrays, pygame_io, pygame_media
from sandbox.facade.namespace import FacadeNamespace, frozen_class, make_namespace, public_members


def _constants() -> dict[str, object]:
    return {
        name: value
        for name, value in vars(pygame.constants).items()
        if not name.startswith("_") and isinstance(value, int)
    }


def _sprite_module() -> FacadeNamespace:
    members = public_members(pygame.sprite)
    for name, value in members.items():
        if isinstance(value, type) and value.__module__ == "pygame.sprite":
            members[name] = frozen_class(value)
    return make_namespace("pygame.sprite", members)


def _keeping_alive(functions: dict[str, object], console: Console) -> dict[str, object]:
    """Each function tells the watchdog the game is alive: pre-rendering hundreds of rotated
    or scaled images before the first frame can take seconds, as it does in plain pygame."""

    def wrap(real: Callable[..., object]) -> Callable[..., object]:
        def call(*args: object, **kwargs: object) -> object:
            console.busy()
            return real(*args, **kwargs)

        call.__name__ = call.__qualname__ = getattr(real, "__name__", "function")
        call.__doc__ = real.__doc__
        return call

    return {name: wrap(value) if callable(value) else value for name, value in functions.items()}


def _joystick_module() -> FacadeNamespace:
    def no_joystick(*args: object) -> None:
        raise pygame.error("no joysticks are connected in the sandbox")

    return make_namespace(
        "pygame.joystick",
        {
            "init": lambda: None,
            "quit": lambda: None,
            "get_init": lambda: True,
            "get_count": lambda: 0,
            "Joystick": no_joystick,
        },
    )


def build_pygame(console: Console, assets: pygame_media.AssetPack, default_font: bytes, audio_ready: bool) -> dict[str, FacadeNamespace]:
    """Every importable pygame name, e.g. "pygame", "pygame.locals", "pygame.sprite"."""
    constants = _constants()
    modules: dict[str, FacadeNamespace] = {
        "pygame.display": pygame_io.build_display(console),
        "pygame.event": pygame_io.build_event(console),
        "pygame.key": pygame_io.build_key(console),
        "pygame.mouse": pygame_io.build_mouse(console),
        "pygame.time": pygame_io.build_time(console),
        "pygame.font": pygame_media.build_font(assets, default_font, console.busy),
        "pygame.image": pygame_media.build_image(assets),
        **pygame_media.build_mixer(assets, audio_ready),  # pygame.mixer and pygame.sndarray
        "pygame.surfarray": pygame_arrays.build_surfarray(),
        "pygame.draw": make_namespace("pygame.draw", public_members(pygame.draw)),
        "pygame.transform": make_namespace("pygame.transform", _keeping_alive(public_members(pygame.transform), console)),
        "pygame.math": make_namespace("pygame.math", public_members(pygame.math)),
        "pygame.mask": make_namespace("pygame.mask", public_members(pygame.mask)),
        "pygame.gfxdraw": make_namespace("pygame.gfxdraw", public_members(pygame.gfxdraw)),
        "pygame.sprite": _sprite_module(),
        "pygame.cursors": make_namespace(
            "pygame.cursors", public_members(pygame.cursors, exclude=frozenset({"load_xbm"}))
        ),
        "pygame.joystick": _joystick_module(),
        "pygame.color": make_namespace(
            "pygame.color", {"Color": pygame.Color, "THECOLORS": dict(pygame.color.THECOLORS)}
        ),
        "pygame.rect": make_namespace("pygame.rect", {"Rect": pygame.Rect}),
        "pygame.surface": make_namespace("pygame.surface", {"Surface": pygame.Surface}),
        "pygame.version": make_namespace(
            "pygame.version", {"ver": pygame.version.ver, "vernum": pygame.version.vernum}
        ),
    }
    locals_members = dict(constants, Rect=pygame.Rect, Color=pygame.Color)
    modules["pygame.locals"] = make_namespace("pygame.locals", locals_members)
    modules["pygame.constants"] = make_namespace("pygame.constants", constants)

    def init() -> tuple[int, int]:
        return (6, 0)

    def quit_game() -> None:
        console.quit_called = True

    top: dict[str, object] = dict(constants)
    top.update(
        {
            "init": init,
            "quit": quit_game,
            "get_init": lambda: not console.quit_called,
            "register_quit": lambda callable_: None,
            "get_error": lambda: "",
            "get_sdl_version": pygame.get_sdl_version,
            "get_sdl_byteorder": pygame.get_sdl_byteorder,
            "error": pygame.error,
            "Rect": pygame.Rect,
            "Color": pygame.Color,
            "Vector2": pygame.Vector2,
            "Vector3": pygame.Vector3,
            "Surface": pygame.Surface,
            "SurfaceType": pygame.SurfaceType,
            "Mask": pygame.Mask,
            "PixelArray": pygame.PixelArray,
            "Cursor": pygame.Cursor,
            "ver": pygame.ver,
            "vernum": pygame.vernum,
        }
    )
    for dotted, module in modules.items():
        top[dotted.split(".", 1)[1]] = module
    modules["pygame"] = make_namespace("pygame", top)
    return modules
