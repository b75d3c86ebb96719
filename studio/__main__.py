"""`python -m studio` runs the command line."""

from studio.cli import main

raise SystemExit(main())
