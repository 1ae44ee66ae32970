"""``python -m needling_evidence`` runs the command line."""

from .cli import main

raise SystemExit(main())
