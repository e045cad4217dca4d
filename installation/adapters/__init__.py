"""Thin adapters for devices: window, overlay painting, audio device (each with a null one)."""
