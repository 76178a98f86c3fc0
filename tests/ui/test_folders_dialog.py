"""The Watched folders dialog: a folder inside a watched one is not added twice."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app.ui.folders import FoldersDialog


def test_folders_inside_or_around_watched_ones(qtbot: QtBot) -> None:
    dialog = FoldersDialog(["/home/me/Pictures", "/srv/photos"], [], {})
    qtbot.addWidget(dialog)
    dialog.add_folder("/home/me/Pictures/2024")
    assert dialog.roots == ["/home/me/Pictures", "/srv/photos"]
    assert (
        dialog.note.text()
        == "/home/me/Pictures/2024 is watched already, as part of /home/me/Pictures."
    )
    dialog.add_folder("/home/me")
    assert dialog.roots == ["/srv/photos", "/home/me"]
    assert dialog.note.text() == "/home/me now covers /home/me/Pictures."
    assert [dialog.list.item(i).text().split(" — ")[0] for i in range(dialog.list.count())] == [
        "/srv/photos",
        "/home/me",
    ]
    dialog.add_folder("/data")
    assert dialog.roots[-1] == "/data" and dialog.note.text() == ""
