"""The offline starter kit: genre choice, tuning from words, tagged rewrites, real games, streaming."""

from __future__ import annotations

import ast
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sandbox.check import check_source
from sandbox.runner_process import RunnerSettings
from studio.llm.events import ModelError, StreamFinished, StreamStarted, TextDelta
from studio.pipeline.genres import GENRES, choose_genre, genres
from studio.pipeline.starter_kit import StarterKit, fenced, title_of
from studio.pipeline.tuning import COUNT_RANGE, LIVES_RANGE, Tuning, read_tuning, tune

ROOT = Path(__file__).resolve().parents[2]
STARTERS = ROOT / "assets" / "starters"
ASSET_PACK = ROOT / "assets" / "pack"

# --- choose_genre ------------------------------------------------------------------------

GENRE_CASES = [
    # English, plain and odd phrasings
    ("a snake game", "snake"),
    ("classic nokia snake that eats apples and grows", "snake"),
    ("a worm that grows longer when it eats", "snake"),
    ("Snakes!!!", "snake"),
    ("pong", "pong"),
    ("table tennis with two paddles", "pong"),
    ("ping-pong for two players", "pong"),
    ("air hockey", "pong"),
    ("breakout", "breakout"),
    ("a paddle breaks blocks with a ball", "breakout"),
    ("smash all the bricks", "breakout"),
    ("arkanoid clone", "breakout"),
    ("brick breaker with power ups", "breakout"),
    ("shoot the aliens", "space_invaders"),
    ("Space Invaders", "space_invaders"),
    ("galaga style shooter", "space_invaders"),
    ("invaders from outer space", "space_invaders"),
    ("asteroids", "asteroids"),
    ("a ship shooting rocks in space", "asteroids"),
    ("spaceship dodging meteors", "asteroids"),
    ("blast the asteriods", "asteroids"),
    ("flappy bird", "flappy"),
    ("a bird flying through pipes", "flappy"),
    ("tap to fly between the gaps", "flappy"),
    ("helicopter game", "flappy"),
    ("mario", "platformer"),
    ("jump on platforms and collect coins", "platformer"),
    ("a platformer with double jump", "platformer"),
    ("doodle jump", "platformer"),
    ("endless runner", "runner"),
    ("the chrome dino game", "runner"),
    ("jump over cactus", "runner"),
    ("a dinosaur running through the desert", "runner"),
    ("maze", "maze"),
    ("escape the labyrinth", "maze"),
    ("pac-man", "maze"),
    ("tetris", "falling_blocks"),
    ("falling blocks puzzle", "falling_blocks"),
    ("tetromino stacking game", "falling_blocks"),
    ("tetirs but neon", "falling_blocks"),
    ("zombies", "top_down_shooter"),
    ("twin-stick shooter", "top_down_shooter"),
    ("top-down shooter in an arena", "top_down_shooter"),
    ("survive the zombie horde", "top_down_shooter"),
    ("a tank battle", "top_down_shooter"),
    ("dodge the falling rocks", "dodger"),
    ("avoid traffic in a racing car", "dodger"),
    ("a frog that crosses the road", "dodger"),
    ("racing game on a highway", "dodger"),
    ("memory game", "memory_match"),
    ("match pairs of cards", "memory_match"),
    ("concentration cards", "memory_match"),
    ("flip cards and find the matching pairs", "memory_match"),
    # Chinese
    ("贪吃蛇", "snake"),
    ("做一个贪吃蛇游戏，蛇是蓝色的", "snake"),
    ("打砖块", "breakout"),
    ("俄罗斯方块", "falling_blocks"),
    ("飞机大战", "space_invaders"),
    ("迷宫", "maze"),
    ("乒乓球游戏", "pong"),
    ("太空侵略者", "space_invaders"),
    ("小行星", "asteroids"),
    ("飞翔的小鸟", "flappy"),
    ("像素鸟", "flappy"),
    ("跑酷", "runner"),
    ("平台跳跃", "platformer"),
    ("马里奥", "platformer"),
    ("躲避障碍物", "dodger"),
    ("赛车", "dodger"),
    ("记忆翻牌", "memory_match"),
    ("打僵尸", "top_down_shooter"),
    # Other languages
    ("juego de la serpiente", "snake"),
    ("un jeu de serpent", "snake"),
    ("Schlange", "snake"),
    ("Schlangenspiel", "snake"),
    ("ヘビゲーム", "snake"),
    ("スネーク", "snake"),
    ("romper ladrillos", "breakout"),
    ("casse-briques", "breakout"),
    ("テトリス", "falling_blocks"),
    ("ブロック崩し", "breakout"),
    ("laberinto", "maze"),
    ("jeu de labyrinthe", "maze"),
    ("matamarcianos", "space_invaders"),
    ("juego de memoria con parejas", "memory_match"),
    ("神経衰弱", "memory_match"),
    ("змейка", "snake"),
    # Falling back on verbs, then on the default
    ("shoot everything that moves", "top_down_shooter"),
    ("jump around", "platformer"),
    ("avoid the things", "dodger"),
    ("make me a fun game", "dodger"),
]


@pytest.mark.parametrize(("description", "genre"), GENRE_CASES)
def test_choose_genre(description: str, genre: str) -> None:
    choice = choose_genre(description)
    assert choice.genre == genre, f"{description!r} → {choice}"


def test_genre_table_is_big_enough_and_covers_every_genre() -> None:
    assert len(GENRE_CASES) >= 60
    assert {genre for _, genre in GENRE_CASES} == set(GENRES)
    assert genres() == list(GENRES) and len(genres()) == 13


def test_a_clear_match_scores_high_and_names_its_cues() -> None:
    choice = choose_genre("A SNAKE game")
    assert choice.genre == "snake" and choice.score >= 3 and "snake" in choice.matched


def test_unknown_descriptions_fall_back_with_a_low_score() -> None:
    assert choose_genre("").genre == "dodger"
    assert choose_genre("something nice").score == 0
    verb = choose_genre("shoot stuff")
    assert verb.genre == "top_down_shooter" and 0 < verb.score < 2
    assert choose_genre("jump").score < 2


def test_a_word_counts_once_per_genre() -> None:
    # "racing car" is one cue, not also "racing" and "car".
    assert choose_genre("racing car").matched == ("racing car",)


# --- read_tuning -------------------------------------------------------------------------

BLUE, RED, BLACK = (60, 120, 240), (230, 60, 60), (12, 12, 16)


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("a blue snake with red apples", {"color": BLUE, "accent_color": RED}),
        ("red bricks on a black background", {"color": RED, "background": BLACK}),
        ("a dark, moody maze", {"background": (14, 14, 22)}),
        ("fast pong", {"speed_factor": 1.5}),
        ("a quick game", {"speed_factor": 1.5}),
        ("very fast snake", {"speed_factor": 2.0}),
        ("slow asteroids", {"speed_factor": 0.6}),
        ("big paddles", {"size_factor": 1.5}),
        ("a large ship", {"size_factor": 1.5}),
        ("huge bird", {"size_factor": 1.6}),
        ("small snake", {"size_factor": 0.7}),
        ("tiny ship", {"size_factor": 0.6}),
        ("10 enemies", {"count": 10}),
        ("three lives", {"lives": 3}),
        ("many asteroids", {"count_factor": 2.0}),
        ("lots of zombies", {"count_factor": 2.0}),
        ("a few bricks", {"count_factor": 0.5}),
        ("low gravity", {"gravity_factor": 0.5}),
        ("platformer on the moon", {"gravity_factor": 0.5}),
        ("floaty jumps", {"gravity_factor": 0.5}),
        ("heavy gravity", {"gravity_factor": 1.6}),
        ("high gravity", {"gravity_factor": 1.6}),
        ("two players", {"two_players": True}),
        ("2 player pong", {"two_players": True}),
        ("2-player", {"two_players": True}),
        ("versus mode", {"two_players": True}),
        ("me vs my brother", {"two_players": True}),
        ("multiplayer snake", {"two_players": True}),
        ("pong against the computer", {"two_players": False}),
        ("双人乒乓", {"two_players": True}),
        ("两人对战", {"two_players": True}),
        ("红色的蛇，蓝色的苹果，黑色背景", {"color": RED, "accent_color": BLUE, "background": BLACK}),
        ("很快的贪吃蛇小游戏", {"speed_factor": 2.0}),
        ("慢一点", {"speed_factor": 0.6}),
        ("大飞船", {"size_factor": 1.5}),
        ("小蛇", {"size_factor": 0.7}),
        ("10个敌人，三条命", {"count": 10, "lives": 3}),
        ("飞机大战", {}),  # 大 here is part of the genre name, not "big"
        ("un serpent rouge très rapide", {"color": RED, "speed_factor": 2.0}),
        ("a 2d game at 60 fps", {}),
        ("a snake game", {}),
    ],
)
def test_read_tuning(description: str, expected: dict[str, object]) -> None:
    tuning = read_tuning(description)
    got = {name: value for name, value in vars(tuning).items() if value is not None and name != "reasons"}
    assert got == expected, description


def test_tuning_remembers_the_words_behind_each_knob() -> None:
    tuning = read_tuning("a very fast green snake with 12 apples")
    assert tuning.reason("speed") == "very fast"
    assert tuning.reason("color") == "green"
    assert tuning.reason("count") == "12 apples"
    assert tuning.reason("gravity") == ""


# --- tune --------------------------------------------------------------------------------

TAGGED = """\
\"\"\"Demo.\"\"\"
WIDTH, HEIGHT = 640, 480
PLAYER_COLOR = (80, 200, 120)  # tune: color
FOOD_COLOR = (240, 80, 80)    #tune: accent_color   (apples)
BACKGROUND = (16, 18, 28)  # tune: background
SPEED = 220  # tune: speed
STEP = 0.25  # tune: speed
PLAYER_SIZE = 20  # tune: size
ENEMY_COUNT = 6  # tune: count
GRAVITY: float = 1400.0  # tune: gravity
TWO_PLAYERS = False  # tune: two_players
LIVES = 3  # tune: lives
OTHER = 220  # not tagged
if WIDTH:
    INDENTED = 5  # tune: speed
"""


def test_tune_rewrites_only_tagged_literals_and_keeps_the_rest_byte_identical() -> None:
    tuning = Tuning(color=(1, 2, 3), accent_color=(4, 5, 6), background=(7, 8, 9), speed_factor=1.5,
                    size_factor=1.5, count=10, gravity_factor=0.5, two_players=True, lives=5,
                    reasons=(("speed", "fast"),))
    code, changes = tune(TAGGED, tuning)
    expected = (
        TAGGED.replace("(80, 200, 120)", "(1, 2, 3)").replace("(240, 80, 80)", "(4, 5, 6)")
        .replace("(16, 18, 28)", "(7, 8, 9)").replace("SPEED = 220", "SPEED = 330")
        .replace("0.25", "0.375").replace("SIZE = 20", "SIZE = 30").replace("COUNT = 6", "COUNT = 10")
        .replace("1400.0", "700.0").replace("False", "True").replace("LIVES = 3", "LIVES = 5")
    )
    assert code == expected
    assert "SPEED 220 → 330 (fast)" in changes
    assert len(changes) == 10
    compile(code, "tuned", "exec")


def test_tune_keeps_line_endings() -> None:
    source = 'SPEED = 100  # tune: speed\r\nX = 1\r\n'
    code, _ = tune(source, Tuning(speed_factor=2.0))
    assert code == 'SPEED = 200  # tune: speed\r\nX = 1\r\n'


@pytest.mark.parametrize(
    ("line", "tuning", "expected"),
    [
        ("SPEED = 100  # tune: speed", Tuning(speed_factor=9.0), "SPEED = 200  # tune: speed"),
        ("SPEED = 100  # tune: speed", Tuning(speed_factor=0.1), "SPEED = 50  # tune: speed"),
        ("SIZE = 20  # tune: size", Tuning(size_factor=5.0), "SIZE = 32  # tune: size"),
        ("SIZE = 20  # tune: size", Tuning(size_factor=0.1), "SIZE = 12  # tune: size"),
        ("G = 1000  # tune: gravity", Tuning(gravity_factor=0.1), "G = 400  # tune: gravity"),
        ("G = 1000  # tune: gravity", Tuning(gravity_factor=3.0), "G = 2000  # tune: gravity"),
        ("N = 6  # tune: count", Tuning(count=500), f"N = {COUNT_RANGE[1]}  # tune: count"),
        ("N = 6  # tune: count", Tuning(count=0), f"N = {COUNT_RANGE[0]}  # tune: count"),
        ("N = 30  # tune: count", Tuning(count_factor=2.0), "N = 40  # tune: count"),
        ("N = 3  # tune: count", Tuning(count_factor=0.1), "N = 1  # tune: count"),
        ("L = 3  # tune: lives", Tuning(lives=99), f"L = {LIVES_RANGE[1]}  # tune: lives"),
        ("L = 3  # tune: lives", Tuning(lives=0), f"L = {LIVES_RANGE[0]}  # tune: lives"),
    ],
)
def test_tune_enforces_the_readme_ranges(line: str, tuning: Tuning, expected: str) -> None:
    code, changes = tune(line + "\n", tuning)
    assert code == expected + "\n"
    assert len(changes) == 1 and "limited" in changes[0]


def test_an_untagged_file_or_an_empty_tuning_changes_nothing() -> None:
    untagged = "SPEED = 220\nCOLOR = (1, 2, 3)  # the colour\n"
    everything = Tuning(color=(9, 9, 9), speed_factor=2.0, count=3)
    assert tune(untagged, everything) == (untagged, [])
    assert tune(TAGGED, Tuning()) == (TAGGED, [])


def test_tags_on_values_of_the_wrong_kind_are_left_alone() -> None:
    source = "COLOR = 'red'  # tune: color\nSPEED = compute()  # tune: speed\nFLAG = 1  # tune: two_players\n"
    assert tune(source, Tuning(color=(1, 2, 3), speed_factor=2.0, two_players=True)) == (source, [])


@settings(max_examples=60, deadline=None)
@given(
    speed=st.one_of(st.none(), st.floats(0.01, 100)),
    size=st.one_of(st.none(), st.floats(0.01, 100)),
    count=st.one_of(st.none(), st.integers(-5, 1000)),
    gravity=st.one_of(st.none(), st.floats(0.01, 100)),
    two=st.one_of(st.none(), st.booleans()),
)
def test_any_tuning_changes_only_tagged_lines_and_stays_in_range(
    speed: float | None, size: float | None, count: int | None, gravity: float | None, two: bool | None
) -> None:
    tuning = Tuning(speed_factor=speed, size_factor=size, count=count, gravity_factor=gravity, two_players=two)
    code, _ = tune(TAGGED, tuning)
    for old, new in zip(TAGGED.splitlines(), code.splitlines(), strict=True):
        if "# tune:" not in old.replace("#tune:", "# tune:") or old.startswith(" "):
            assert new == old
    values = {node.targets[0].id: ast.literal_eval(node.value)  # type: ignore[attr-defined]
              for node in ast.parse(code).body if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)}
    assert 110 <= values["SPEED"] <= 440
    assert 12 <= values["PLAYER_SIZE"] <= 32
    assert COUNT_RANGE[0] <= values["ENEMY_COUNT"] <= COUNT_RANGE[1]


# --- the starter games -------------------------------------------------------------------

STARTER_FILES = sorted(STARTERS.glob("*.py"))
EXTREMES = {
    "as written": Tuning(),
    "fast, big, many, low gravity, two players, colours": Tuning(
        color=(255, 240, 0), accent_color=(0, 255, 255), background=(235, 235, 240), speed_factor=2.0,
        size_factor=1.6, count=40, gravity_factor=0.4, two_players=True, lives=9,
    ),
    "slow, small, one of each, heavy, one player, dark colours": Tuning(
        color=(0, 0, 0), accent_color=(20, 20, 20), background=(0, 0, 0), speed_factor=0.5,
        size_factor=0.6, count=1, gravity_factor=2.0, two_players=False, lives=1,
    ),
}


def test_every_starter_is_named_after_a_genre_and_follows_the_tag_rules() -> None:
    assert STARTER_FILES, "no starter games yet"
    for path in STARTER_FILES:
        assert path.stem in GENRES, f"{path.name} is not named after a genre"
        source = path.read_text(encoding="utf-8")
        tags = [line.split("# tune:")[1].split()[0] for line in source.splitlines() if "# tune:" in line]
        assert len(tags) == len(set(tags)), f"{path.name}: a knob is tagged twice: {tags}"
        assert title_of(source, path.stem), path.name


@pytest.mark.usefixtures("no_leaks")
def test_every_starter_plays_as_written_and_at_the_extremes_of_its_tuning() -> None:
    """`studio check` for 600 frames: ok, not blank, reacts to input — for every tuning."""
    runner = RunnerSettings(assets_dir=ASSET_PACK)
    jobs = []
    for path in STARTER_FILES:
        source = path.read_text(encoding="utf-8")
        for label, tuning in EXTREMES.items():
            jobs.append((path.stem, label, tune(source, tuning)[0]))

    def run(job: tuple[str, str, str]) -> str | None:
        genre, label, code = job
        result = check_source(code, f"{genre}.py", frames=600, settings=runner)
        if result.status == "ok" and not result.blank and result.responds_to_input:
            return None
        return (f"{genre} ({label}): status={result.status} blank={result.blank} "
                f"responds_to_input={result.responds_to_input} line={result.line}: {result.message}")

    with ThreadPoolExecutor(max_workers=2) as pool:
        failures = [failure for failure in pool.map(run, jobs) if failure]
    assert not failures, "starter games that failed `studio check`:\n" + "\n".join(failures)


# --- StarterKit --------------------------------------------------------------------------


def test_make_picks_and_tunes_a_starter() -> None:
    game = StarterKit().make("a fast blue snake on a black background")
    assert game.genre == "snake" and game.choice.genre == "snake"
    assert game.title == "Snake"
    assert any(change.startswith("SPEED ") and "(fast)" in change for change in game.changes)
    assert "(60, 120, 240)  # tune: color" in game.code
    compile(game.code, "snake.py", "exec")


def test_make_falls_back_to_a_genre_that_has_a_file(tmp_path: Path) -> None:
    (tmp_path / "pong.py").write_text((STARTERS / "pong.py").read_text(encoding="utf-8"), encoding="utf-8")
    game = StarterKit(tmp_path).make("table tennis snake")  # snake is missing here
    assert game.genre == "pong"
    with pytest.raises(FileNotFoundError):
        StarterKit(tmp_path / "nothing").make("snake")


def test_stream_gives_one_fenced_block_of_the_tuned_code() -> None:
    kit = StarterKit()
    events = list(kit.stream("a slow red snake", tokens_per_s=0))
    started, *deltas, finished = events
    assert isinstance(started, StreamStarted) and started.offline and started.model == "offline starter kit"
    assert isinstance(finished, StreamFinished) and finished.finish_reason == "stop"
    assert all(isinstance(delta, TextDelta) and 0 < len(delta.text) <= 4 for delta in deltas)
    text = "".join(delta.text for delta in deltas if isinstance(delta, TextDelta))
    assert text == fenced(kit.make("a slow red snake").code)
    assert text.count("```") == 2 and text.startswith("```python\n") and text.endswith("\n```\n")
    assert finished.completion_tokens == len(deltas)
    assert started.at <= finished.at


def test_stream_is_paced_by_tokens_per_second() -> None:
    kit = StarterKit()
    tokens = sum(1 for event in kit.stream("pong", tokens_per_s=0) if isinstance(event, TextDelta))
    rate = tokens / 0.25  # a quarter of a second at this rate
    start = time.perf_counter()
    events = list(kit.stream("pong", tokens_per_s=rate))
    elapsed = time.perf_counter() - start
    assert 0.2 <= elapsed < 2.0
    deltas = [event for event in events if isinstance(event, TextDelta)]
    assert deltas[-1].at - deltas[0].at >= 0.2  # spread out, not delivered at once


def test_unpaced_stream_is_instant() -> None:
    start = time.perf_counter()
    list(StarterKit().stream("breakout", tokens_per_s=0))
    assert time.perf_counter() - start < 1.0


def test_cancel_stops_the_stream_promptly() -> None:
    cancel = threading.Event()
    stream = StarterKit().stream("memory match", tokens_per_s=200, cancel=cancel)
    received = []
    threading.Timer(0.1, cancel.set).start()
    start = time.perf_counter()
    with pytest.raises(ModelError) as raised:
        for event in stream:
            if isinstance(event, TextDelta):
                received.append(event.text)
    assert time.perf_counter() - start < 0.5  # the whole reply would take several seconds
    assert raised.value.kind == "cancelled"
    assert raised.value.partial_text == "".join(received)
    assert received and raised.value.partial_text.startswith("```python\n")
