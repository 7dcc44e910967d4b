"""``python -m articlex``: the same as the ``articlex`` command."""

from .cli import main

raise SystemExit(main())
