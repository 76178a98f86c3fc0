"""QtWidgets: the main window and its panels."""
