"""``python -m accord`` runs the command-line interface."""

from accord.cli import main

main()
