"""The interface speaks English and Simplified Chinese: the catalogue, its loading, its fallbacks."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import tomllib
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator  # noqa: E402

from studio.qt import translations  # noqa: E402
from studio.qt.translations import choose_language, install, shipped_language  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "studio" / "qt" / "i18n"
TS = I18N / "minigame_studio_zh_CN.ts"
QM = I18N / "minigame_studio_zh_CN.qm"
SCRIPT = ROOT / "scripts" / "update_translations.sh"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n")


def _messages(ts: Path = TS) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation>) for each live message (not vanished or obsolete)."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, (
                f"{name}: {message.findtext('source')!r} has no <translation>"
            )
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            found.append((name, message.findtext("source") or "", translation))
    return found


def _texts(translation: ET.Element) -> list[str]:
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def _translation_of(context: str, source: str) -> str:
    for name, text, translation in _messages():
        if (name, text) == (context, source):
            return _texts(translation)[0]
    raise AssertionError(f"{context}: {source!r} is not in {TS.name}")


def _tool(name: str) -> str | None:
    beside_python = Path(sys.executable).parent / name
    return str(beside_python) if beside_python.exists() else shutil.which(name)


@pytest.fixture
def app(qapp) -> Iterator[QCoreApplication]:  # noqa: ANN001
    """The test application; back to English afterwards, whatever the test installed."""
    yield qapp
    install(qapp, "en")


def _installed_by_us(app: QCoreApplication) -> list[QTranslator]:
    return [
        translator
        for translator in app.findChildren(QTranslator)
        if translator.objectName() == translations._TRANSLATOR_NAME
    ]


# -- loading --------------------------------------------------------------------------------


def test_chinese_translates_the_window(app) -> None:  # noqa: ANN001
    assert install(app, "zh_CN") == "zh_CN"
    chinese = QCoreApplication.translate("StudioWindow", "Pause / resume")
    assert chinese == _translation_of("StudioWindow", "Pause / resume") == "暂停/继续"
    assert (
        QCoreApplication.translate("StudioWindow", "{fps:.0f} fps").format(fps=59.6) == "60 帧/秒"
    )
    assert QCoreApplication.translate("PlayWindow", "Restart") == "重新开始"


def test_chinese_plural_form(app) -> None:  # noqa: ANN001
    install(app, "zh_CN")
    assert (
        QCoreApplication.translate("SettingsDialog", "%n model(s) listed", "", 3)
        == "已列出 3 个模型"
    )


@pytest.mark.parametrize("tag", ["zh", "zh_Hans", "zh-Hans-CN", "zh_CN.UTF-8"])
def test_any_simplified_chinese_tag_loads_chinese(app, tag: str) -> None:  # noqa: ANN001
    assert install(app, tag) == "zh_CN"
    assert QCoreApplication.translate("StudioWindow", "Quit") == "退出"


def test_qt_own_strings_follow_when_qt_ships_them(app) -> None:  # noqa: ANN001
    directory = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not (directory / "qtbase_zh_CN.qm").is_file():
        pytest.skip(f"Qt's qtbase_zh_CN.qm is not installed in {directory}")
    install(app, "zh_CN")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert len(_installed_by_us(app)) == 2  # ours and qtbase, both parented to the app


def test_english_is_the_source_language(app) -> None:  # noqa: ANN001
    assert install(app, "en") == "en"
    assert QCoreApplication.translate("StudioWindow", "Pause / resume") == "Pause / resume"
    assert _installed_by_us(app) == []


def test_switching_back_to_english_removes_the_chinese(app) -> None:  # noqa: ANN001
    install(app, "zh_CN")
    install(app, "zh_CN")  # installing twice does not stack translators
    assert len(_installed_by_us(app)) <= 2
    assert install(app, "en") == "en"
    assert QCoreApplication.translate("StudioWindow", "Pause / resume") == "Pause / resume"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_unknown_language_is_english(app) -> None:  # noqa: ANN001
    assert install(app, "fr_FR") == "en"
    assert QCoreApplication.translate("StudioWindow", "Quit") == "Quit"


def test_missing_catalogue_falls_back_to_english(app, tmp_path, monkeypatch, caplog) -> None:  # noqa: ANN001
    monkeypatch.setattr(translations, "I18N_DIR", tmp_path)
    with caplog.at_level(logging.WARNING, logger=translations.__name__):
        assert install(app, "zh_CN") == "en"
    assert "minigame_studio_zh_CN.qm" in caplog.text
    assert QCoreApplication.translate("StudioWindow", "Pause / resume") == "Pause / resume"
    assert _installed_by_us(app) == []


def test_corrupt_catalogue_falls_back_to_english(app, tmp_path, monkeypatch, caplog) -> None:  # noqa: ANN001
    (tmp_path / "minigame_studio_zh_CN.qm").write_bytes(b"not a qm file")
    monkeypatch.setattr(translations, "I18N_DIR", tmp_path)
    with caplog.at_level(logging.WARNING, logger=translations.__name__):
        assert install(app, "zh_CN") == "en"
    assert "English" in caplog.text
    assert QCoreApplication.translate("StudioWindow", "Quit") == "Quit"


def test_unexpected_errors_never_escape(app, monkeypatch) -> None:  # noqa: ANN001
    def broken() -> str:
        raise RuntimeError("settings exploded")

    monkeypatch.setattr(translations, "_stored_language", broken)
    assert install(app) == "en"


def test_stored_setting_decides_without_an_argument(app, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(translations, "_stored_language", lambda: "zh_CN")
    assert install(app) == "zh_CN"
    monkeypatch.setattr(translations, "_stored_language", lambda: "en")
    assert install(app) == "en"


def test_stored_system_follows_the_desktop(app, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(translations, "_stored_language", lambda: "system")
    monkeypatch.setattr(translations, "_system_languages", lambda: ["zh-Hans-CN", "zh-CN", "zh"])
    assert install(app) == "zh_CN"
    monkeypatch.setattr(translations, "_system_languages", lambda: ["de-DE", "en-GB"])
    assert install(app) == "en"


def test_stored_language_reads_the_settings_store(monkeypatch, tmp_path) -> None:  # noqa: ANN001
    settings_module = pytest.importorskip("studio.qt.studio_settings")
    store = QSettings(str(tmp_path / "studio.ini"), QSettings.Format.IniFormat)
    settings_module.save_settings(store, settings_module.StoredSettings(language="zh_CN"))
    monkeypatch.setattr(settings_module, "studio_qsettings", lambda: store)
    assert translations._stored_language() == "zh_CN"


def test_a_translated_dialog_shows_chinese(app, qtbot, tmp_path) -> None:  # noqa: ANN001
    """The contexts lupdate wrote match what PySide's self.tr() looks up at run time."""
    dialog_module = pytest.importorskip("studio.qt.settings_dialog")
    install(app, "zh_CN")
    store = QSettings(str(tmp_path / "studio.ini"), QSettings.Format.IniFormat)
    dialog = dialog_module.SettingsDialog(store, environ={})
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == _translation_of("SettingsDialog", "Settings — Minigame Studio")
    assert dialog.refresh_button.text() == "刷新"
    labels = [dialog.preset_combo.itemText(i) for i in range(dialog.preset_combo.count())]
    assert "自定义 OpenAI 兼容端点" in labels  # reached tr() through a variable


# -- choosing a language --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("zh", "zh_CN"),
        ("zh_CN", "zh_CN"),
        ("zh-CN", "zh_CN"),
        ("zh_Hans", "zh_CN"),
        ("zh-Hans-SG", "zh_CN"),
        ("zh_SG", "zh_CN"),
        ("zh_CN.UTF-8", "zh_CN"),
        ("zh_TW", None),
        ("zh-Hant-HK", None),
        ("en", "en"),
        ("en_US.UTF-8", "en"),
        ("en-GB", "en"),
        ("fr_FR", None),
        ("C", None),
        ("", None),
    ],
)
def test_shipped_language(tag: str, language: str | None) -> None:
    assert shipped_language(tag) == language


def test_choose_language_order() -> None:
    def never() -> list[str]:
        raise AssertionError("not consulted")

    assert choose_language("en", lambda: "zh_CN", never) == "en"  # the argument wins
    assert choose_language(None, lambda: "zh_CN", never) == "zh_CN"  # then the setting
    assert choose_language(None, lambda: None, lambda: ["zh-CN"]) == "zh_CN"  # then the desktop
    assert choose_language("system", never, lambda: ["zh-CN"]) == "zh_CN"
    assert choose_language(None, lambda: "system", lambda: ["fr-FR", "zh-CN"]) == "zh_CN"
    assert choose_language(None, lambda: "system", lambda: ["fr-FR", "en-US", "zh-CN"]) == "en"
    assert choose_language(None, lambda: None, lambda: ["de-DE"]) == "en"
    assert choose_language(None, lambda: None, lambda: []) == "en"


# -- the catalogue --------------------------------------------------------------------------


def test_catalogue_is_complete() -> None:
    """Every message in the .ts is translated (strings added since the last run of
    scripts/update_translations.sh are not in it yet: they show in English)."""
    unfinished = [
        f"{context}: {source!r}"
        for context, source, translation in _messages()
        if translation.get("type") == "unfinished"
        or not any(t.strip() for t in _texts(translation))
    ]
    assert not unfinished, (
        f"untranslated messages in {TS.relative_to(ROOT)} (translate them, then run "
        f"scripts/update_translations.sh):\n  " + "\n  ".join(unfinished)
    )


def test_translations_keep_every_placeholder() -> None:
    """{title}, {ms:.0f}, %n...: each appears in the translation exactly as in the source."""
    broken = []
    for context, source, translation in _messages():
        wanted = sorted(PLACEHOLDER.findall(source))
        for text in _texts(translation):
            if text and sorted(PLACEHOLDER.findall(text)) != wanted:
                broken.append(f"{context}: {source!r} -> {text!r}")
    assert not broken, "placeholders differ:\n  " + "\n  ".join(broken)


def test_translations_format_like_their_sources() -> None:
    """str.format() accepts each translation with the arguments its source takes."""
    values = {"ms": 12.5, "rate": 1234.0, "fps": 60.0, "count": 3, "seconds": 8.0}
    for context, source, translation in _messages():
        names = {name.split(":")[0].strip("{}") for name in re.findall(r"\{[^{}]*\}", source)}
        if not names:
            continue
        arguments = {name: values.get(name, "x") for name in names}
        for text in _texts(translation):
            text.format(**arguments)  # raises on a broken placeholder
        assert source.format(**arguments), context


def test_compiled_catalogue_matches_the_source() -> None:
    """The committed .qm is what lrelease makes from the committed .ts (no stale .qm)."""
    lrelease = _tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    fresh = Path(os.environ.get("TMPDIR", "/tmp")) / f"minigame-qm-check-{os.getpid()}.qm"
    try:
        subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True, timeout=60)
        assert fresh.read_bytes() == QM.read_bytes(), "run scripts/update_translations.sh"
    finally:
        fresh.unlink(missing_ok=True)


def test_catalogue_covers_the_sources(tmp_path) -> None:  # noqa: ANN001
    """Strings added to studio/qt since the last scripts/update_translations.sh are reported.

    They still work (shown in English), so this only warns, unless
    MINIGAME_STRICT_TRANSLATIONS=1 (for a release check).
    """
    lupdate = _tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    sources = sorted(str(path) for path in (ROOT / "studio" / "qt").glob("*.py"))
    subprocess.run(
        [lupdate, *sources, "-ts", str(fresh), "-locations", "none", "-silent"],
        check=True,
        timeout=120,
        capture_output=True,
    )
    known = {(context, source) for context, source, _ in _messages(TS)}
    new = [f"{c}: {s!r}" for c, s, _ in _messages(fresh) if (c, s) not in known]
    if new:
        message = "strings not yet in the catalogue (run scripts/update_translations.sh):\n  "
        message += "\n  ".join(new)
        if os.environ.get("MINIGAME_STRICT_TRANSLATIONS") == "1":
            pytest.fail(message)
        warnings.warn(message, stacklevel=1)


def test_compiled_catalogue_ships_with_the_package() -> None:
    with open(ROOT / "pyproject.toml", "rb") as file:
        package_data = tomllib.load(file)["tool"]["setuptools"]["package-data"]
    assert "i18n/*.qm" in package_data["studio.qt"]
    translator = QTranslator()
    assert translator.load(str(QM)) and not translator.isEmpty()
    assert SCRIPT.is_file() and os.access(SCRIPT, os.X_OK)
