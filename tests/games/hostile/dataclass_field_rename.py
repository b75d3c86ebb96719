# expect: error|refused — renames a real dataclasses Field to '<code>' and subclasses the dataclass
"""Dataclass Rename (hostile): a Field's name is writable, and a subclass pastes it into new source."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-dataclass_field_rename", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import dataclasses


@dataclasses.dataclass
class Base:
    x: int = 0
    hits = []


dataclasses.fields(Base)[0].name = "x,self.hits.append(__import__('os')),self.x"


@dataclasses.dataclass(init=False, repr=False)
class Child(Base):
    y: int = 0


Child() == Child()
if Base.hits:
    mark(Base.hits[0], "renamed dataclass field ran code")


def draw(screen):
    screen.fill((40, 0, 0))
