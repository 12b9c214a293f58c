"""workshop-tui: capture workshop group discussions in the terminal."""

__version__ = "0.1.0"
