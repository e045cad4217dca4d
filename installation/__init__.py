"""Miracle Mile: a generative gallery installation along a compressed 24-hour story clock."""

__version__ = "0.1.0"
