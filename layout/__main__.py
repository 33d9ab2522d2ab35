"""`python -m layout`: the layout CLI."""

from .cli import main

main(prog_name="layout")
