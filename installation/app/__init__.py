"""The app: the show loop, pacing, and running unattended (hours, reload, status, watchdog)."""
