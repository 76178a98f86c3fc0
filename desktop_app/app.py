"""Composition root of the desktop app: paths, settings, engine host, window, tray, single instance."""

from __future__ import annotations

import hashlib
import os
import sys


def _no_display() -> bool:
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
    )


def run_gui(argv: list[str] | None = None) -> int:
    if _no_display():
        print(
            "trove: no display found, so the window cannot open. On a server use the headless "
            'commands: trove index FOLDER, trove search "...", trove watch (see trove --help).',
            file=sys.stderr,
        )
        return 2
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtNetwork import QLocalServer, QLocalSocket
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop_app.commands.common import engine_config
    from desktop_app.log import setup_logging
    from desktop_app.paths import Paths
    from desktop_app.settings import Settings, SettingsError, load_settings
    from desktop_app.ui.qt_start import explained_failure

    paths = Paths.from_env()
    with explained_failure():
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName("Trove")
    app.setDesktopFileName("trove")
    app.setWindowIcon(QIcon(str(paths.resources / "icons" / "trove.svg")))

    # A second launch hands over to the first window and exits.
    server_name = "trove-" + hashlib.sha1(str(paths.data).encode()).hexdigest()[:12]
    probe = QLocalSocket()
    probe.connectToServer(server_name)
    if probe.waitForConnected(300):
        probe.write(b"show")
        probe.waitForBytesWritten(300)
        probe.disconnectFromServer()
        return 0
    try:
        paths.ensure()
    except OSError as exc:
        QMessageBox.critical(None, "Trove", f"Trove cannot create its folders: {exc}")
        return 1
    setup_logging(paths)
    style = paths.resources / "style.qss"
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    try:
        settings = load_settings(paths.settings_file)
    except SettingsError as exc:
        QMessageBox.warning(None, "Trove", f"{exc}\nTrove starts with default settings.")
        settings = Settings()
    from desktop_app.ui.i18n import chosen_language, install_translators

    # before any widget is made: every string is looked up as it is built
    translators = install_translators(app, chosen_language(settings.language), paths.resources)
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.tray import install_tray
    from desktop_app.workers.engine_host import EngineHost

    host = EngineHost(engine_config(paths, settings))
    window = MainWindow(paths, settings, host)
    server = QLocalServer()
    QLocalServer.removeServer(server_name)
    server.listen(server_name)

    def on_second_launch() -> None:
        conn = server.nextPendingConnection()
        if conn is not None:
            conn.close()
        window.showNormal()
        window.raise_()
        window.activateWindow()

    server.newConnection.connect(on_second_launch)
    install_tray(window, window.power)
    window.show()
    window.focus_search() if settings.roots else None
    # Heavy imports (lancedb ~2 s, onnxruntime) run on a worker thread once the window shows.
    QTimer.singleShot(0, host.start)
    probe_file = os.environ.get("TROVE_STARTUP_PROBE")
    if probe_file:  # start-up benchmark: record when the window takes input, then quit

        def report_startup() -> None:
            import json
            import time

            shown = {"shown_at": time.time(), "accepts_input": window.isVisible()}
            with open(probe_file, "w", encoding="utf-8") as fh:
                json.dump(shown, fh)
            app.quit()

        QTimer.singleShot(0, report_startup)
    from desktop_app.ui.preview import release_clipboard

    app.aboutToQuit.connect(release_clipboard)
    rc = app.exec()
    del translators
    host.shutdown()
    return int(rc)
