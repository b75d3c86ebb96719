"""Which of the 13 starter genres a one-sentence game description means.

Each genre has weighted cues. A cue is a word ("snake 5"), a phrase whose words must
appear in order ("table tennis 4"), a set of words that must all appear anywhere
("bird+pipe 3"), or a CJK / kana / hangul string matched inside the text ("贪吃蛇 6").
The genre whose matched cues weigh most wins; within a genre each word counts once,
for its heaviest cue, so a combination cue's weight is its total. Latin-script matching is case- and
accent-insensitive, accepts plurals and -ing/-ed forms, and forgives one typo in
words of seven letters or more (two from ten letters) and finds cue words at the
start of compounds ("Schlangenspiel"); the tables also list
common misspellings of the short words. Low-weight verb cues ("shoot 0.8",
"jump 0.8") make unknown descriptions fall back sensibly; with no cue at all the
answer is "dodger" with score 0.

飞机大战 ("plane war") is filed under space_invaders: the player's plane sits at the
bottom and shoots upwards at waves coming down from the top, which is the shape of the
space_invaders starter, while top_down_shooter is the free-roaming, aim-anywhere arena
game (zombies, twin-stick).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

GENRES: tuple[str, ...] = (
    "snake",
    "pong",
    "breakout",
    "space_invaders",
    "asteroids",
    "flappy",
    "platformer",
    "runner",
    "maze",
    "falling_blocks",
    "top_down_shooter",
    "dodger",
    "memory_match",
)
DEFAULT_GENRE = "dodger"

# "cue weight | cue weight | ...": see the module docstring for what a cue is.
CUES: dict[str, str] = {
    "snake": """
        snake 5 | worm 3 | slither 3 | nokia 2 | snak 4 | sanke 4 | snek 4 | snkae 4
        | eat+apple 3 | apple 1 | grow+tail 3 | tail 1 | grow 0.8 | light cycle 3 | tron 2
        | serpiente 5 | culebra 4 | viborita 4 | serpent 5 | schlange 5 | serpente 5 | cobrinha 5
        | змейка 5 | змея 4 | 贪吃蛇 6 | 蛇 3 | ヘビ 5 | へび 5 | スネーク 5 | 뱀 5
    """,
    "pong": """
        pong 5 | ping pong 6 | table tennis 6 | tennis 3 | paddle 1.5 | two+paddle 4
        | air hockey 5 | hockey 2 | squash 2 | rally 1 | volley 1 | ball 0.5 | soccer 1.5 | football 1.5 | tenis de mesa 6
        | tennis de table 6 | tischtennis 6 | 乒乓 6 | 网球 3 | 桌球 2 | 卓球 5 | ピンポン 5
        | テニス 3 | 탁구 5
    """,
    "breakout": """
        breakout 5 | break out 3 | brick 3 | arkanoid 5 | brick breaker 6 | block breaker 6
        | breaker 1.5 | paddle+brick 6 | paddle+block 5 | paddle+break 5 | ball+brick 5
        | ball+block 3 | wall 0.5 | ladrillo 4 | rompe ladrillo 6 | rompeladrillo 6
        | casse brique 6 | brique 4 | ziegel 4 | ziegelstein 4 | mauerbrecher 4 | mattoncini 4
        | tijolo 4 | арканоид 5 | 打砖块 6 | 砖块 4 | 打磚塊 6 | 磚塊 4 | 弹球 1 | ブロック崩し 6
        | ブロックくずし 6 | 벽돌깨기 6
    """,
    "space_invaders": """
        space invader 6 | invader 5 | alien 3 | galaga 5 | galaxian 5 | ufo 2 | shoot+alien 5
        | space shooter 3.5 | shmup 4 | shoot em up 4 | shoot them up 4 | vertical shooter 4
        | bullet hell 3 | raiden 4 | 1942 3 | centipede 3 | airplane 2 | plane 1.5 | shoot+plane 4 | fighter jet 3 | jet 1 | fleet 1 | formation 1 | space 0.6
        | shooter 0.5 | marciano 4 | matamarciano 5 | extraterrestre 3 | envahisseur 5
        | ausserirdische 3 | 太空侵略者 6 | 外星人 4 | 飞机大战 6 | 打飞机 5 | 飞机射击 4
        | 侵略者 5 | 战机 3 | 雷电 4 | 飞机 1 | インベーダー 6 | エイリアン 4 | 宇宙人 4
        | シューティング 3 | 외계인 4
    """,
    "asteroids": """
        asteroid 5 | asteriod 5 | astroid 5 | rock 2 | meteor 2.5 | meteorite 2.5 | comet 2
        | meteor+ship 4.5 | rock+ship 4 | meteor+spaceship 4.5 | rock+spaceship 4
        | shoot+rock 4 | spaceship 0.8 | ship 0.5 | thrust 1.5 | rotate 1 | inertia 1.5
        | drift 1 | space rock 4.5 | ship+space 2.5 | asteroide 5 | asteroiden 5 | астероид 5 | 小行星 6 | 陨石 5
        | 隕石 5 | 小惑星 6 | 飞船 1.5 | 宇宙船 1.5 | 운석 5 | 소행성 5
    """,
    "flappy": """
        flappy 6 | flappy bird 7 | flapy 5 | flappybird 7 | flap 3 | bird 2 | pipe 2
        | bird+pipe 6 | tap to fly 4.5 | tap to flap 4.5 | fly through 2.5 | through+gap 2
        | helicopter 2.5 | jetpack 2 | copter 2 | fly 0.8 | pajaro 2 | oiseau 2 | vogel 2
        | tuberia 2 | tuyau 2 | 飞翔的小鸟 7 | 像素鸟 7 | 笨鸟先飞 7 | 小鸟 4 | 鸟 2 | 管道 2
        | 水管 3 | 鳥 2 | フラッピー 6 | 土管 3 | 새 1
    """,
    "platformer": """
        platformer 6 | platform 4 | mario 5 | super mario 6 | jump on platform 6 | jump+platform 5
        | ledge 2 | double jump 3 | side scroller 2 | sidescroller 2 | side scrolling 2
        | doodle jump 6 | goomba 4 | coin 0.8 | level 0.3 | jump 0.8 | climb 1.5 | ladder 1.5
        | plataforma 5 | plateforme 5 | plattform 5 | jump n run 4 | jump and run 4
        | платформер 6 | 平台跳跃 7 | 平台 3 | 马里奥 6 | 馬力歐 6 | 跳跃 1.5 | 跳 0.8
        | マリオ 6 | アクション 1 | ジャンプ 1 | 플랫폼 5 | 마리오 6
    """,
    "runner": """
        endless runner 7 | runner 4 | infinite runner 7 | auto runner 7 | dino 4 | dinosaur 4
        | trex 4 | t rex 4 | cactus 4 | jump+cactus 6 | jump over 2 | temple run 6
        | subway surfer 6 | geometry dash 6 | chrome dino 6 | parkour 4 | run 1 | obstacle 1
        | hurdle 2 | corredor 2 | coureur 2 | laufer 2 | 跑酷 6 | 恐龙 4 | 小恐龙 5 | 仙人掌 4
        | 奔跑 3 | 跑 1.5 | ランナー 6 | パルクール 5 | 恐竜 4 | 러너 5
    """,
    "maze": """
        maze 6 | maez 5 | labyrinth 6 | labirinth 6 | labrynth 6 | pacman 5 | pac man 5
        | find the exit 3 | exit 1 | corridor 1.5 | dungeon 1.5 | escape 1 | ghost 1.5 | dot 0.5 | cheese 2 | find the way 3 | navigate 1
        | sokoban 2
        | laberinto 6 | labyrinthe 6 | irrgarten 6 | labirinto 6 | лабиринт 6
        | 迷宫 6 | 迷宮 6 | 吃豆人 5 | 迷路 6 | パックマン 5 | 미로 6
    """,
    "falling_blocks": """
        tetris 7 | tetirs 6 | teris 5 | tetromino 7 | tetrimino 7 | falling block 6
        | falling piece 5 | falling shape 4 | block+fall 4 | line clear 3 | clear line 3
        | clear+row 3 | stack 1.5 | puyo 4 | columns 1 | puzzle 0.5 | block 0.5
        | тетрис 7 | 俄罗斯方块 7 | 俄羅斯方塊 7 | 方块 2 | 方塊 2 | 消除 1.5 | 掉落 1.5
        | テトリス 7 | 落ち物 5 | ぷよ 4 | 테트리스 7
    """,
    "top_down_shooter": """
        top down 4 | topdown 4 | top down shooter 6 | twin stick 6 | twinstick 6 | zombie 4
        | zombi 4 | shooter 1.2 | shoot 0.8 | gun 1.5 | tank 3 | arena 2 | wave 0.8
        | horde 2 | survive 0.8 | survival 1 | monster 1.5 | aim 1.5 | bullet 0.5 | robotron 5
        | disparar 1 | tirer 1 | schiessen 1 | 僵尸 5 | 丧尸 5 | 坦克 4 | 射击 1.5
        | 俯视 4 | 枪 1.5 | ゾンビ 5 | 戦車 4 | 좀비 5
    """,
    "dodger": """
        dodge 3 | dodger 4 | avoid 3 | evade 2 | traffic 4 | racing car 5 | racing 3
        | race 2 | racer 3 | car 2 | highway 3 | road 1.5 | lane 1.5 | frogger 5 | cross the road 4
        | falling 0.6 | falling+rock 4 | falling+meteor 4 | falling+object 3 | dodge+falling 6.5
        | avoid+falling 6.5 | rain 0.5 | catch+falling 3 | survive 0.5 | esquivar 3 | evitar 2 | coche 2
        | carrera 2 | eviter 3 | esquiver 3 | voiture 2 | course 1 | ausweichen 3 | rennen 2
        | auto 1.5 | 躲避 6 | 躲 3 | 赛车 6 | 汽车 3 | 公路 2 | 避开 4 | 闪避 4 | 避ける 5
        | よける 5 | レース 5 | 車 2 | 피하기 5
    """,
    "memory_match": """
        memory 5 | memory game 6 | match pair 6 | matching pair 6 | pair 3 | concentration 5
        | card 1.5 | flip 1.5 | flip+card 4 | matching 2 | remember 2 | simon 3 | memorize 3
        | memorise 3 | match 3 2 | match three 2 | minesweeper 2 | 消消乐 3 | 扫雷 2 | memoria 5 | parejas 4 | memoire 5 | paire 4 | gedachtnis 5 | paar 3
        | karten 1.5 | carta 1.5 | carte 1.5 | 记忆 6 | 記憶 6 | 翻牌 6 | 配对 4 | 配對 4
        | 卡牌 2 | 纸牌 2 | 神経衰弱 7 | メモリー 5 | 기억 5
    """,
}

FUZZY_WEIGHT = 0.7  # a misspelt word counts this much of its cue's weight
COMPOUND_WEIGHT = 0.8  # so does a cue word that starts a longer compound word
_PUNCTUATION = re.compile(r"[^\w]+")
_EAST_ASIAN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@dataclass(frozen=True)
class GenreChoice:
    """The genre picked for a description, how strongly, and the cues that decided it."""

    genre: str
    score: float  # summed weight of the matched cues; 0 means nothing matched
    matched: tuple[str, ...]


@dataclass(frozen=True)
class Cue:
    """One weighted hint that a description means a genre."""

    genre: str
    text: str
    weight: float
    words: tuple[str, ...]  # normalised words (empty for an East Asian substring cue)
    anywhere: bool  # words may appear in any order and place (the "a+b" form)


def normalise(text: str) -> str:
    """Lower case, no accents, "ß" as "ss", punctuation and hyphens as single spaces."""
    text = unicodedata.normalize("NFKC", text).lower().replace("ß", "ss")
    decomposed = unicodedata.normalize("NFD", text)
    # Drop Latin combining accents only: Japanese dakuten must survive (ブ, not フ).
    plain = "".join(ch for ch in decomposed if not (unicodedata.combining(ch) and ch < "\u0370"))
    plain = unicodedata.normalize("NFC", plain)
    return " ".join(_PUNCTUATION.sub(" ", plain).split())


def word_forms(word: str) -> frozenset[str]:
    """The word and the stems it may come from: plurals, -ing, -ed ("dodging" → "dodge")."""
    forms = {word}
    if len(word) > 3:
        if word.endswith("s"):
            forms.add(word[:-1])
        if word.endswith("es"):
            forms.add(word[:-2])
        if word.endswith("ies"):
            forms.add(word[:-3] + "y")
        for ending in ("ing", "ed"):
            if word.endswith(ending) and len(word) > len(ending) + 2:
                stem = word[: -len(ending)]
                forms.update((stem, stem + "e"))
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    forms.add(stem[:-1])  # running → run
    return frozenset(forms)


def _close(word: str, cue_word: str) -> bool:
    """One typo in a cue word of seven letters or more, two from ten letters."""
    allowed = 2 if len(cue_word) >= 10 else 1 if len(cue_word) >= 7 else 0
    if not allowed or abs(len(word) - len(cue_word)) > allowed or not word.isalpha():
        return False
    return _edit_distance(word, cue_word, allowed) <= allowed


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of neighbours counts once), capped."""
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                before is not None
                and i > 1
                and j > 1
                and a[i - 1] == b[j - 2]
                and a[i - 2] == b[j - 1]
            ):
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


@cache
def all_cues() -> tuple[Cue, ...]:
    """The CUES tables, parsed once."""
    cues = []
    for genre, table in CUES.items():
        for entry in table.split("|"):
            text, weight = entry.strip().rsplit(" ", 1)
            anywhere = "+" in text
            words = (
                () if _EAST_ASIAN.search(text) else tuple(normalise(text.replace("+", " ")).split())
            )
            cues.append(Cue(genre, text, float(weight), words, anywhere))
    return tuple(cues)


@cache
def _known_words() -> frozenset[str]:
    """Every cue word: a word that is itself a cue is never read as another's typo."""
    return frozenset(word for cue in all_cues() for word in cue.words)


class _Description:
    """A description's normalised text and words, for matching cues against."""

    def __init__(self, description: str) -> None:
        self.text = normalise(description)
        self.words = self.text.split()
        self.forms = [word_forms(word) for word in self.words]
        known = _known_words()
        self.is_cue_word = [bool(forms & known) for forms in self.forms]

    def has_word_at(self, index: int, cue_word: str) -> float:
        """1 for the word or one of its forms, less for a typo or a compound, else 0."""
        if cue_word in self.forms[index]:
            return 1.0
        if self.is_cue_word[index]:
            return 0.0
        if any(_close(f, cue_word) for f in self.forms[index]):
            return FUZZY_WEIGHT
        word = self.words[index]
        if len(cue_word) >= 5 and len(word) >= len(cue_word) + 3 and word.startswith(cue_word):
            return COMPOUND_WEIGHT  # German-style compounds: "Schlangenspiel", "tetrisgame"
        return 0.0

    def find(self, cue: Cue, used: set[int]) -> tuple[float, set[int]]:
        """How well `cue` matches parts of the text not yet `used`, and which parts.

        Parts are word indices for Latin-script cues and negative character offsets
        (-1 - offset) for East Asian substring cues, so the two never collide.
        """
        if not cue.words:
            start = self.text.find(cue.text)
            while start >= 0:
                span = {-1 - i for i in range(start, start + len(cue.text))}
                if not span & used:
                    return 1.0, span
                start = self.text.find(cue.text, start + 1)
            return 0.0, set()
        free = [i for i in range(len(self.words)) if i not in used]
        if cue.anywhere:
            quality, taken = 1.0, set()
            for cue_word in cue.words:
                found = max(
                    ((self.has_word_at(i, cue_word), i) for i in free if i not in taken),
                    default=(0.0, -1),
                )
                if found[0] <= 0:
                    return 0.0, set()
                quality = min(quality, found[0])
                taken.add(found[1])
            return quality, taken
        size = len(cue.words)
        for start in range(len(self.words) - size + 1):
            span = set(range(start, start + size))
            if span & used:
                continue
            qualities = [self.has_word_at(start + k, w) for k, w in enumerate(cue.words)]
            if min(qualities) > 0:
                return min(qualities), span
        return 0.0, set()


def rank_genres(description: str) -> list[GenreChoice]:
    """Every genre with its score, best first (ties keep the GENRES order).

    Within a genre each word counts once, for its heaviest cue: "racing car" scores
    the phrase, not the phrase plus "racing" plus "car".
    """
    seen = _Description(description)
    choices = []
    for genre in GENRES:
        used: set[int] = set()
        score, matched = 0.0, []
        for cue in _cues_heaviest_first(genre):
            quality, parts = seen.find(cue, used)
            if quality > 0:
                used |= parts
                score += cue.weight * quality
                matched.append(cue.text)
        choices.append(GenreChoice(genre, round(score, 2), tuple(matched)))
    return sorted(choices, key=lambda choice: -choice.score)


@cache
def _cues_heaviest_first(genre: str) -> tuple[Cue, ...]:
    return tuple(sorted((c for c in all_cues() if c.genre == genre), key=lambda c: -c.weight))


def choose_genre(description: str) -> GenreChoice:
    """The genre a description most likely means; "dodger" with score 0 when nothing fits."""
    best = rank_genres(description)[0]
    if best.score <= 0:
        return GenreChoice(DEFAULT_GENRE, 0.0, ())
    return best


def genres() -> list[str]:
    """The 13 genre names, in a stable order."""
    return list(GENRES)
