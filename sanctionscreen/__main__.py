"""``python -m sanctionscreen`` runs the command line."""

from sanctionscreen.cli import main

raise SystemExit(main())
