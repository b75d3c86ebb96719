# expect: refused — numpy's bit generator hands out a cffi interface (real memory addresses and a C loader)
"""numpy's Generator.bit_generator.cffi imports cffi and exposes the state's raw address."""
import numpy as np

rng = np.random.default_rng(1)
interface = rng.bit_generator.cffi
print("PWNED: cffi interface", interface)
raise RuntimeError("PWNED: numpy bit_generator.cffi")
