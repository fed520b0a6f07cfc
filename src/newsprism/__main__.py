"""``python -m newsprism``: the command-line interface."""

from newsprism.cli import main

main()
