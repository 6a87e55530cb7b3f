"""``python -m streams.cli``: the ``kabar`` command without its entry-point script."""

import sys

from streams.cli import main

sys.exit(main())
