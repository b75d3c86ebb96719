"""The game runtime: compiler, facade, runner and host. Never imports studio or Qt."""

import logging

# A library logs; the application decides where logs go (studio's CLI: `studio -v`).
logging.getLogger(__name__).addHandler(logging.NullHandler())
