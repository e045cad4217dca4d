"""Running unattended: opening hours, hot reload, logs, status file and the systemd watchdog."""
