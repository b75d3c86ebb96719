# expect: error|refused — plants __array_interface__ in a pygame Event's own attribute store (event.dict), then asks numpy for an array over it
"""numpy reads __array_interface__ from any object; an Event's .dict is where its attributes live."""
import numpy as np
import pygame

secret = b"PWNED-bytes-of-the-runner"
event = pygame.event.Event(pygame.USEREVENT)
event.dict["__array_interface__"] = {"shape": (8,), "typestr": "|u1", "data": (id(secret) + 32, True), "version": 3}
view = np.asarray(event)
if view.dtype == np.uint8 and view.shape == (8,):
    print("PWNED: read raw memory", bytes(view))
    raise RuntimeError("PWNED: numpy read raw memory through an Event's dict")
