<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Browse</name>
    <message>
        <source>Add a folder to begin</source>
        <translation>Einen Ordner hinzufügen, um zu beginnen</translation>
    </message>
    <message>
        <source>Trove shows your newest photos and documents here, and finds any of them by what they show and say. Nothing leaves this computer.</source>
        <translation>Trove zeigt hier Ihre neuesten Fotos und Dokumente und findet jedes davon über das, was es zeigt und sagt. Nichts verlässt diesen Computer.</translation>
    </message>
    <message>
        <source>Opening the index…</source>
        <translation>Der Index wird geöffnet…</translation>
    </message>
    <message>
        <source>Your files appear here in a moment.</source>
        <translation>Ihre Dateien erscheinen hier gleich.</translation>
    </message>
    <message>
        <source>Reading your files…</source>
        <translation>Ihre Dateien werden gelesen…</translation>
    </message>
    <message>
        <source>They appear here, newest first, as Trove indexes them. You can search already.</source>
        <translation>Sie erscheinen hier, die neuesten zuerst, während Trove sie indexiert. Sie können schon suchen.</translation>
    </message>
    <message>
        <source>No photos or documents found yet</source>
        <translation>Noch keine Fotos oder Dokumente gefunden</translation>
    </message>
    <message>
        <source>Trove found nothing it can read in the watched folders. Add another folder, or see what happened in the details.</source>
        <translation>Trove hat in den beobachteten Ordnern nichts gefunden, was es lesen kann. Fügen Sie einen weiteren Ordner hinzu oder sehen Sie in den Details nach, was passiert ist.</translation>
    </message>
    <message>
        <source>Nothing matches these filters</source>
        <translation>Nichts passt zu diesen Filtern</translation>
    </message>
    <message>
        <source>No file has this type, folder, date or place. Clear the filters to see everything.</source>
        <translation>Keine Datei hat diesen Typ, Ordner, dieses Datum oder diesen Ort. Setzen Sie die Filter zurück, um alles zu sehen.</translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>Einen Ordner zum Beobachten hinzufügen</translation>
    </message>
    <message>
        <source>Indexing details</source>
        <translation>Indexierungsdetails</translation>
    </message>
    <message>
        <source>Show indexing details</source>
        <translation>Indexierungsdetails anzeigen</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>Die Filter zurücksetzen</translation>
    </message>
    <message>
        <source>{n:,} file</source>
        <translation>{n:,} Datei</translation>
    </message>
    <message>
        <source>{n:,} files</source>
        <translation>{n:,} Dateien</translation>
    </message>
    <message>
        <source>The newest {shown:,} of {files} — type to search, or narrow with filters</source>
        <translation>Die neuesten {shown:,} von {files} — tippen Sie, um zu suchen, oder grenzen Sie mit Filtern ein</translation>
    </message>
    <message>
        <source>Newest first · {files}</source>
        <translation>Neueste zuerst · {files}</translation>
    </message>
    <message>
        <source> · still indexing: more appear as they are read</source>
        <translation> · Indexierung läuft noch: weitere erscheinen, sobald sie gelesen sind</translation>
    </message>
</context>
<context>
    <name>DateFilter</name>
    <message>
        <source>Any date</source>
        <translation>Beliebiges Datum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Diesen Monat</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>Choose dates</source>
        <translation>Zeitraum wählen</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Enddatum</translation>
    </message>
    <message>
        <source>Photos taken, or files modified, on these days (both included):</source>
        <translation>Fotos, die an diesen Tagen aufgenommen, oder Dateien, die an diesen Tagen geändert wurden (beide Tage eingeschlossen):</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Eigener Zeitraum…</translation>
    </message>
    <message>
        <source>Date filter</source>
        <translation>Datumsfilter</translation>
    </message>
    <message>
        <source>Only photos taken, or files modified, in this span</source>
        <translation>Nur Fotos, die in diesem Zeitraum aufgenommen, oder Dateien, die darin geändert wurden</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>dd MMM yyyy HH:mm</source>
        <translation>dd. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>dd MMM yyyy</source>
        <translation>dd. MMM yyyy</translation>
    </message>
</context>
<context>
    <name>Download</name>
    <message>
        <source>Checking</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Converting to 8-bit</source>
        <translation>Umwandeln in 8 Bit</translation>
    </message>
    <message>
        <source>Testing</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Installing</source>
        <translation>Installieren</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source> at commit {commit}</source>
        <translation> in Commit {commit}</translation>
    </message>
    <message>
        <source>into a folder {folder}/: {files} from {url}{at}</source>
        <translation>in einen Ordner {folder}/: {files} von {url}{at}</translation>
    </message>
    <message>
        <source>Without a network you can still add an image model: import a pack (a model&apos;s folder from Trove&apos;s model folder on another computer, or a .zip of it), or download the files of {model} on a computer with a network — {where} — and choose the folder that holds them. Trove checks every file just the same.</source>
        <translation>Auch ohne Netzwerk können Sie ein Bildmodell hinzufügen: Importieren Sie ein Paket (den Ordner eines Modells aus Troves Modellordner auf einem anderen Computer oder eine .zip-Datei davon), oder laden Sie die Dateien von {model} auf einem Computer mit Netzwerk herunter — {where} — und wählen Sie den Ordner, der sie enthält. Trove prüft jede Datei genauso.</translation>
    </message>
    <message>
        <source>Photos are found by what they show with this model.</source>
        <translation>Mit diesem Modell werden Fotos anhand dessen gefunden, was sie zeigen.</translation>
    </message>
    <message>
        <source>Documents are searched by meaning with this model once it is installed ({n} languages, about {mb:,} MB on disk). Their passages get its vectors in the background; until a passage has one, the model you use now answers for it.</source>
        <translation>Nach der Installation werden Dokumente mit diesem Modell nach ihrer Bedeutung durchsucht ({n} Sprachen, etwa {mb:,} MB auf dem Datenträger). Ihre Abschnitte erhalten seine Vektoren im Hintergrund; bis ein Abschnitt einen hat, antwortet das jetzige Modell für ihn.</translation>
    </message>
    <message>
        <source>Get a model</source>
        <translation>Ein Modell holen</translation>
    </message>
    <message>
        <source>Trove finds photos by what they show, and documents by what they mean, with models. A model is downloaded once from the model hub, checked against its published checksums, converted to 8 bits and tested on this computer. Nothing else is sent, and searching stays offline.</source>
        <translation>Trove findet Fotos anhand dessen, was sie zeigen, und Dokumente anhand ihrer Bedeutung – mit Modellen. Ein Modell wird einmal vom Modell-Hub heruntergeladen, mit seinen veröffentlichten Prüfsummen verglichen, in 8 Bit umgewandelt und auf diesem Computer getestet. Sonst wird nichts gesendet, und die Suche bleibt offline.</translation>
    </message>
    <message>
        <source>Model to download</source>
        <translation>Herunterzuladendes Modell</translation>
    </message>
    <message>
        <source>{model} — {mb:,} MB download, {licence}</source>
        <translation>{model} — {mb:,} MB Download, {licence}</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Verbindung wird geprüft…</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Download-Fortschritt</translation>
    </message>
    <message>
        <source>Import a pack file…</source>
        <translation>Paketdatei importieren…</translation>
    </message>
    <message>
        <source>Import downloaded model files…</source>
        <translation>Heruntergeladene Modelldateien importieren…</translation>
    </message>
    <message>
        <source>Import model files downloaded on another computer</source>
        <translation>Auf einem anderen Computer heruntergeladene Modelldateien importieren</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Getting {model}…</source>
        <translation>{model} wird geholt…</translation>
    </message>
    <message>
        <source>Folder with the files of {model}</source>
        <translation>Ordner mit den Dateien von {model}</translation>
    </message>
    <message>
        <source>Importing {model} from {folder}…</source>
        <translation>{model} wird aus {folder} importiert…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Ready to download from {host}.</source>
        <translation>Bereit zum Herunterladen von {host}.</translation>
    </message>
    <message>
        <source>No network: {why}.</source>
        <translation>Kein Netzwerk: {why}.</translation>
    </message>
    <message>
        <source>Installed {name}. Your photos are being embedded with it in the background; you can keep searching meanwhile.</source>
        <translation>{name} ist installiert. Ihre Fotos werden im Hintergrund damit eingebettet; Sie können währenddessen weitersuchen.</translation>
    </message>
    <message>
        <source>Installed {name}. Your documents&apos; passages are being embedded with it in the background; the previous model answers for them meanwhile.</source>
        <translation>{name} ist installiert. Die Abschnitte Ihrer Dokumente werden im Hintergrund damit eingebettet; bis dahin antwortet das bisherige Modell für sie.</translation>
    </message>
    <message>
        <source>{family}, {dim} dimensions, {licence} · {source}</source>
        <translation>{family}, {dim} Dimensionen, {licence} · {source}</translation>
    </message>
    <message>
        <source>Not installed: {why}</source>
        <translation>Nicht installiert: {why}</translation>
    </message>
    <message>
        <source>Stopped. What was downloaded is kept: Download continues where it stopped, also after Trove was closed.</source>
        <translation>Angehalten. Was heruntergeladen wurde, bleibt erhalten: „Herunterladen“ macht dort weiter, wo es aufgehört hat, auch nachdem Trove geschlossen wurde.</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>{n} copies · {size} to free</source>
        <translation>{n} Kopien · {size} frei zu machen</translation>
    </message>
    <message>
        <source>Best copy</source>
        <translation>Beste Kopie</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation>+{n} weitere</translation>
    </message>
    <message>
        <source>Groups of near-duplicate photos</source>
        <translation>Gruppen nahezu gleicher Fotos</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Erneut suchen</translation>
    </message>
    <message>
        <source>Look for near-duplicates again</source>
        <translation>Erneut nach nahezu gleichen Fotos suchen</translation>
    </message>
    <message>
        <source>Back to search</source>
        <translation>Zurück zur Suche</translation>
    </message>
    <message>
        <source>Looking for near-duplicate photos…</source>
        <translation>Nahezu gleiche Fotos werden gesucht…</translation>
    </message>
    <message>
        <source> {n:,} photos are still being checked; look again when indexing is done.</source>
        <translation> {n:,} Fotos werden noch geprüft; suchen Sie erneut, wenn die Indexierung fertig ist.</translation>
    </message>
    <message>
        <source>{n:,} group</source>
        <translation>{n:,} Gruppe</translation>
    </message>
    <message>
        <source>{n:,} groups</source>
        <translation>{n:,} Gruppen</translation>
    </message>
    <message>
        <source>{groups} among {photos:,} photos · {size} to free by keeping only the best copies.{pending}</source>
        <translation>{groups} unter {photos:,} Fotos · {size} frei zu machen, wenn nur die besten Kopien bleiben.{pending}</translation>
    </message>
    <message>
        <source>No near-duplicates found among {photos:,} photos.</source>
        <translation>Keine nahezu gleichen Fotos unter {photos:,} Fotos gefunden.</translation>
    </message>
</context>
<context>
    <name>Folders</name>
    <message>
        <source>Watched folders</source>
        <translation>Beobachtete Ordner</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Add a watched folder</source>
        <translation>Einen beobachteten Ordner hinzufügen</translation>
    </message>
    <message>
        <source>Stop watching the selected folder</source>
        <translation>Den ausgewählten Ordner nicht mehr beobachten</translation>
    </message>
    <message>
        <source>e.g. *.tmp, Screenshots, /home/me/Private</source>
        <translation>z. B. *.tmp, Bildschirmfotos, /home/ich/Privat</translation>
    </message>
    <message>
        <source>Exclusion patterns</source>
        <translation>Ausschlussmuster</translation>
    </message>
    <message>
        <source>Trove watches these folders and keeps its index current:</source>
        <translation>Trove beobachtet diese Ordner und hält seinen Index aktuell:</translation>
    </message>
    <message>
        <source>Skip files and folders matching (comma separated):</source>
        <translation>Dateien und Ordner überspringen, die passen auf (durch Kommas getrennt):</translation>
    </message>
    <message>
        <source>Hidden files, .git, node_modules, caches and Trove&apos;s own folders are always skipped.</source>
        <translation>Versteckte Dateien, .git, node_modules, Caches und Troves eigene Ordner werden immer übersprungen.</translation>
    </message>
    <message>
        <source>{folder} — new</source>
        <translation>{folder} — neu</translation>
    </message>
    <message>
        <source>watched</source>
        <translation>beobachtet</translation>
    </message>
    <message>
        <source>not available (unplugged?)</source>
        <translation>nicht verfügbar (ausgesteckt?)</translation>
    </message>
    <message>
        <source>checked every 30 s (watch limit reached)</source>
        <translation>alle 30 s geprüft (Beobachtungslimit erreicht)</translation>
    </message>
    <message>
        <source>{folder} — {photos} photos, {documents} documents, {problems} problems · {state}</source>
        <translation>{folder} — {photos} Fotos, {documents} Dokumente, {problems} Probleme · {state}</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>Einen Ordner zum Beobachten hinzufügen</translation>
    </message>
    <message>
        <source>{folder} is watched already.</source>
        <translation>{folder} wird bereits beobachtet.</translation>
    </message>
    <message>
        <source>{folder} is watched already, as part of {holder}.</source>
        <translation>{folder} wird bereits beobachtet, als Teil von {holder}.</translation>
    </message>
    <message>
        <source>{folder} now covers {folders}.</source>
        <translation>{folder} umfasst jetzt {folders}.</translation>
    </message>
</context>
<context>
    <name>Host</name>
    <message>
        <source>Add a folder to start</source>
        <translation>Einen Ordner hinzufügen, um zu beginnen</translation>
    </message>
    <message>
        <source>Indexing stopped: {reason}</source>
        <translation>Indexierung angehalten: {reason}</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Resuming</source>
        <translation>Wird fortgesetzt</translation>
    </message>
    <message>
        <source>Search failed: {reason}</source>
        <translation>Suche fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Getting the image model failed: {reason}</source>
        <translation>Das Bildmodell konnte nicht geholt werden: {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Images ({patterns})</source>
        <translation>Bilder ({patterns})</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Watched folders…</source>
        <translation>Beobachtete Ordner…</translation>
    </message>
    <message>
        <source>Import model pack…</source>
        <translation>Modellpaket importieren…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Automatic layout</source>
        <translation>Automatische Anordnung</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Indexing details and problems</source>
        <translation>Indexierungsdetails und Probleme</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suche</translation>
    </message>
    <message>
        <source>Paste image as query</source>
        <translation>Bild als Suchanfrage einfügen</translation>
    </message>
    <message>
        <source>Search with an image file…</source>
        <translation>Mit einer Bilddatei suchen…</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>Mehr davon</translation>
    </message>
    <message>
        <source>Search with an image</source>
        <translation>Mit einem Bild suchen</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>Einen Ordner zum Beobachten hinzufügen</translation>
    </message>
    <message>
        <source>Import a model pack</source>
        <translation>Ein Modellpaket importieren</translation>
    </message>
    <message>
        <source>Model packs ({patterns})</source>
        <translation>Modellpakete ({patterns})</translation>
    </message>
    <message>
        <source>Trove cannot open its index</source>
        <translation>Trove kann seinen Index nicht öffnen</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>“{name}” is in the shared library {library}, at {path}, which this computer cannot read. Its address is on the clipboard.</source>
        <translation>„{name}“ liegt in der gemeinsamen Bibliothek {library}, unter {path}, die dieser Computer nicht lesen kann. Die Adresse ist in der Zwischenablage.</translation>
    </message>
    <message>
        <source>“{name}” is no longer in {folder}: it was moved or deleted. Trove takes it out of the results as soon as it notices.</source>
        <translation>„{name}“ ist nicht mehr in {folder}: Die Datei wurde verschoben oder gelöscht. Trove entfernt sie aus den Ergebnissen, sobald es das bemerkt.</translation>
    </message>
    <message>
        <source>Trove asked the desktop to show the folder {folder}, but no file manager answered. Its path is on the clipboard: paste it into a file manager or a terminal.</source>
        <translation>Trove hat die Arbeitsumgebung gebeten, den Ordner {folder} zu zeigen, aber kein Dateimanager hat geantwortet. Sein Pfad ist in der Zwischenablage: Fügen Sie ihn in einen Dateimanager oder ein Terminal ein.</translation>
    </message>
    <message>
        <source>{ext} files</source>
        <translation>{ext}-Dateien</translation>
    </message>
    <message>
        <source>this kind of file</source>
        <translation>diese Art von Datei</translation>
    </message>
    <message>
        <source>Trove asked the desktop to open “{name}”, but no program is set to open {kind}. Set one in your desktop&apos;s settings (Default applications), or open it from your file manager: it is in {folder} (the path is on the clipboard).</source>
        <translation>Trove hat die Arbeitsumgebung gebeten, „{name}“ zu öffnen, aber kein Programm ist zum Öffnen von {kind} eingestellt. Legen Sie eines in den Einstellungen Ihrer Arbeitsumgebung fest (Standardanwendungen), oder öffnen Sie die Datei in Ihrem Dateimanager: Sie liegt in {folder} (der Pfad ist in der Zwischenablage).</translation>
    </message>
    <message>
        <source>Cannot show the folder</source>
        <translation>Der Ordner kann nicht gezeigt werden</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Die Datei kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>Packs</name>
    <message>
        <source>Cannot read the model packs: {reason}</source>
        <translation>Die Modellpakete können nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>Cannot import this pack</source>
        <translation>Dieses Paket kann nicht importiert werden</translation>
    </message>
    <message>
        <source>Trove&apos;s index could not be opened</source>
        <translation>Troves Index konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Installed {name}; documents get their new vectors in the background</source>
        <translation>{name} ist installiert; Dokumente erhalten ihre neuen Vektoren im Hintergrund</translation>
    </message>
    <message>
        <source>Installed {name}; photos get their new vectors in the background</source>
        <translation>{name} ist installiert; Fotos erhalten ihre neuen Vektoren im Hintergrund</translation>
    </message>
    <message>
        <source>Removed {name}</source>
        <translation>{name} entfernt</translation>
    </message>
    <message>
        <source>Cannot remove</source>
        <translation>Entfernen nicht möglich</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Taken {when}</source>
        <translation>Aufgenommen {when}</translation>
    </message>
    <message>
        <source>Modified {when}</source>
        <translation>Geändert {when}</translation>
    </message>
    <message>
        <source>Select a result to preview it</source>
        <translation>Wählen Sie ein Ergebnis für die Vorschau</translation>
    </message>
    <message>
        <source>Image preview</source>
        <translation>Bildvorschau</translation>
    </message>
    <message>
        <source>Matching passage</source>
        <translation>Passende Textstelle</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Pfad kopieren</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Bild kopieren</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>Mehr davon</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>Text in the picture</source>
        <translation>Text im Bild</translation>
    </message>
    <message>
        <source>{width} × {height} px</source>
        <translation>{width} × {height} px</translation>
    </message>
    <message>
        <source>Place: {place}</source>
        <translation>Ort: {place}</translation>
    </message>
    <message>
        <source>Page {page}</source>
        <translation>Seite {page}</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Textstelle</translation>
    </message>
    <message>
        <source>Beginning</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>(no text matched; the file name did)</source>
        <translation>(kein Text passte; der Dateiname schon)</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(kein Text)</translation>
    </message>
    <message>
        <source>From the library {uri}</source>
        <translation>Aus der Bibliothek {uri}</translation>
    </message>
    <message>
        <source>Why: {why}</source>
        <translation>Warum: {why}</translation>
    </message>
    <message>
        <source>{mb:.1f} MB</source>
        <translation>{mb:.1f} MB</translation>
    </message>
    <message>
        <source>{kb} KB</source>
        <translation>{kb} KB</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>This image cannot be shown</source>
        <translation>Dieses Bild kann nicht angezeigt werden</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>Wird kopiert…</translation>
    </message>
    <message>
        <source>Cannot copy</source>
        <translation>Kopieren nicht möglich</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>QuickLook</name>
    <message>
        <source>Quick look</source>
        <translation>Schnellansicht</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>Undated</source>
        <translation>Ohne Datum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>{day} {month}</source>
        <translation>{day}. {month}</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{day}. {month} {year}</translation>
    </message>
    <message>
        <source>, from the library {uri}</source>
        <translation>, aus der Bibliothek {uri}</translation>
    </message>
    <message>
        <source>strong match</source>
        <translation>starker Treffer</translation>
    </message>
    <message>
        <source>weaker match</source>
        <translation>schwächerer Treffer</translation>
    </message>
    <message>
        <source>{n} file</source>
        <translation>{n} Datei</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} Dateien</translation>
    </message>
    <message>
        <source>{n} near-duplicate stacked here:</source>
        <translation>{n} nahezu gleiche Datei hier gestapelt:</translation>
    </message>
    <message>
        <source>{n} near-duplicates stacked here:</source>
        <translation>{n} nahezu gleiche Dateien hier gestapelt:</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>Neueste Dateien</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>No matches. {note}</source>
        <translation>Keine Treffer. {note}</translation>
    </message>
    <message>
        <source>No confident match — these are only the closest files (dimmed).</source>
        <translation>Kein sicherer Treffer — dies sind nur die ähnlichsten Dateien (abgeblendet).</translation>
    </message>
    <message>
        <source>{n} strong match first; {weak} weaker (dimmed) after them.</source>
        <translation>{n} starker Treffer zuerst; {weak} schwächere (abgeblendet) danach.</translation>
    </message>
    <message>
        <source>{n} strong matches first; {weak} weaker (dimmed) after them.</source>
        <translation>{n} starke Treffer zuerst; {weak} schwächere (abgeblendet) danach.</translation>
    </message>
    <message>
        <source>Opening the index…</source>
        <translation>Der Index wird geöffnet…</translation>
    </message>
    <message>
        <source>{n} results in {ms:.0f} ms</source>
        <translation>{n} Ergebnisse in {ms:.0f} ms</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>&lt;b&gt;Search tips&lt;/b&gt;&lt;br&gt;&lt;code&gt;beach at sunset&lt;/code&gt; — describe what you look for&lt;br&gt;&lt;code&gt;&quot;exact phrase&quot;&lt;/code&gt; — these words, in this order&lt;br&gt;&lt;code&gt;-word&lt;/code&gt; — leave out results with this word&lt;br&gt;&lt;code&gt;--preserve-root&lt;/code&gt;, &lt;code&gt;-rf&lt;/code&gt; — a flag is looked for; &lt;code&gt;not:--force&lt;/code&gt; leaves one out&lt;br&gt;&lt;code&gt;2:sunset + dog - people&lt;/code&gt; — weigh, add and subtract ideas (photos)&lt;br&gt;&lt;code&gt;type:photo&lt;/code&gt;, &lt;code&gt;type:document&lt;/code&gt;, &lt;code&gt;type:pdf&lt;/code&gt;&lt;br&gt;&lt;code&gt;in:Holidays&lt;/code&gt; — only in this folder · &lt;code&gt;place:Lisbon&lt;/code&gt;&lt;br&gt;&lt;code&gt;after:2023-05&lt;/code&gt;, &lt;code&gt;before:2024&lt;/code&gt; — by date taken or modified&lt;br&gt;Drop or paste an image to find look-alikes; type words with it to change it (&lt;code&gt;at night&lt;/code&gt;, &lt;code&gt;in winter&lt;/code&gt;).&lt;br&gt;Results that match well come first; weaker ones are dimmed.</source>
        <translation>&lt;b&gt;Suchtipps&lt;/b&gt;&lt;br&gt;&lt;code&gt;Strand bei Sonnenuntergang&lt;/code&gt; — beschreiben Sie, was Sie suchen&lt;br&gt;&lt;code&gt;&quot;genaue Wortfolge&quot;&lt;/code&gt; — diese Wörter in dieser Reihenfolge&lt;br&gt;&lt;code&gt;-wort&lt;/code&gt; — Ergebnisse mit diesem Wort auslassen&lt;br&gt;&lt;code&gt;--preserve-root&lt;/code&gt;, &lt;code&gt;-rf&lt;/code&gt; — eine Option wird gesucht; &lt;code&gt;not:--force&lt;/code&gt; lässt eine aus&lt;br&gt;&lt;code&gt;2:Sonnenuntergang + Hund - Menschen&lt;/code&gt; — Ideen gewichten, addieren und abziehen (Fotos)&lt;br&gt;&lt;code&gt;type:photo&lt;/code&gt;, &lt;code&gt;type:document&lt;/code&gt;, &lt;code&gt;type:pdf&lt;/code&gt;&lt;br&gt;&lt;code&gt;in:Urlaub&lt;/code&gt; — nur in diesem Ordner · &lt;code&gt;place:Lissabon&lt;/code&gt;&lt;br&gt;&lt;code&gt;after:2023-05&lt;/code&gt;, &lt;code&gt;before:2024&lt;/code&gt; — nach Aufnahme- oder Änderungsdatum&lt;br&gt;Ziehen Sie ein Bild herein oder fügen Sie es ein, um Ähnliches zu finden; tippen Sie Wörter dazu, um es abzuwandeln (&lt;code&gt;bei Nacht&lt;/code&gt;, &lt;code&gt;im Winter&lt;/code&gt;).&lt;br&gt;Gute Treffer kommen zuerst; schwächere sind abgeblendet.</translation>
    </message>
    <message>
        <source>Search photos and documents — e.g. receipt from the hardware store</source>
        <translation>Fotos und Dokumente durchsuchen — z. B. Quittung vom Baumarkt</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Ctrl+K or Ctrl+F to come back here · ↓ to the results · Alt+↓ recent searches · Esc to clear</source>
        <translation>Strg+K oder Strg+F führt hierher zurück · ↓ zu den Ergebnissen · Alt+↓ letzte Suchen · Esc leert</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Type filter</source>
        <translation>Typfilter</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Folder filter</source>
        <translation>Ordnerfilter</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Place filter</source>
        <translation>Ortsfilter</translation>
    </message>
    <message>
        <source>Only photos taken in this place (a town, region or country)</source>
        <translation>Nur Fotos, die an diesem Ort aufgenommen wurden (Stadt, Region oder Land)</translation>
    </message>
    <message>
        <source>Search tips</source>
        <translation>Suchtipps</translation>
    </message>
    <message>
        <source>Clear image</source>
        <translation>Bild entfernen</translation>
    </message>
    <message>
        <source>Stop searching by image</source>
        <translation>Nicht mehr nach Bild suchen</translation>
    </message>
    <message>
        <source>Strength of the words on the image</source>
        <translation>Gewicht der Wörter auf das Bild</translation>
    </message>
    <message>
        <source>How far the words you type move the image query: left keeps the image, right follows the words</source>
        <translation>Wie weit die getippten Wörter die Bildsuche verschieben: links bleibt das Bild, rechts folgen die Wörter</translation>
    </message>
    <message>
        <source>Words: {value:.1f}×</source>
        <translation>Wörter: {value:.1f}×</translation>
    </message>
    <message>
        <source>Searching by image: {name} — add words to refine</source>
        <translation>Suche nach Bild: {name} — Wörter hinzufügen, um zu verfeinern</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>cannot write settings {path}: {reason}</source>
        <translation>Einstellungen {path} können nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Installed model packs</source>
        <translation>Installierte Modellpakete</translation>
    </message>
    <message>
        <source>Active image pack</source>
        <translation>Aktives Bildpaket</translation>
    </message>
    <message>
        <source>Document pack that answers</source>
        <translation>Dokumentpaket, das antwortet</translation>
    </message>
    <message>
        <source>Reading the model packs…</source>
        <translation>Modellpakete werden gelesen…</translation>
    </message>
    <message>
        <source>Best installed</source>
        <translation>Bestes installiertes</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Get a model…</source>
        <translation>Modell holen…</translation>
    </message>
    <message>
        <source>Download a model for finding photos by what they show, or documents by what they mean</source>
        <translation>Ein Modell herunterladen, um Fotos nach dem zu finden, was sie zeigen, oder Dokumente nach ihrer Bedeutung</translation>
    </message>
    <message>
        <source>Import a model pack</source>
        <translation>Ein Modellpaket importieren</translation>
    </message>
    <message>
        <source>Remove the selected model pack</source>
        <translation>Das ausgewählte Modellpaket entfernen</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Threads for indexing</source>
        <translation>Threads für die Indexierung</translation>
    </message>
    <message>
        <source>Pause indexing while on battery</source>
        <translation>Indexierung im Akkubetrieb pausieren</translation>
    </message>
    <message>
        <source>Read the text in photos, screenshots and scanned pages</source>
        <translation>Text in Fotos, Bildschirmfotos und gescannten Seiten lesen</translation>
    </message>
    <message>
        <source>After new files are indexed, Trove reads the words in pictures so that they can be searched. It runs last, on one CPU thread.</source>
        <translation>Nachdem neue Dateien indexiert sind, liest Trove die Wörter in Bildern, damit sie durchsucht werden können. Das läuft zuletzt, auf einem CPU-Thread.</translation>
    </message>
    <message>
        <source>Start Trove when I log in</source>
        <translation>Trove bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Not supported on this system yet</source>
        <translation>Auf diesem System noch nicht unterstützt</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>Sprache des Fensters</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>System ({language})</translation>
    </message>
    <message>
        <source>A new language shows at the next start.</source>
        <translation>Eine neue Sprache erscheint beim nächsten Start.</translation>
    </message>
    <message>
        <source>Image pack:</source>
        <translation>Bildpaket:</translation>
    </message>
    <message>
        <source>Document pack:</source>
        <translation>Dokumentpaket:</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>CPU-Threads:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Design:</translation>
    </message>
    <message>
        <source>Follows the system (light or dark)</source>
        <translation>Folgt dem System (hell oder dunkel)</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Model packs:</source>
        <translation>Modellpakete:</translation>
    </message>
    <message>
        <source>Shared libraries (searched with this index):</source>
        <translation>Gemeinsame Bibliotheken (mit diesem Index durchsucht):</translation>
    </message>
    <message>
        <source>Shared libraries</source>
        <translation>Gemeinsame Bibliotheken</translation>
    </message>
    <message>
        <source>s3://bucket/library, or a shared folder</source>
        <translation>s3://bucket/bibliothek oder ein freigegebener Ordner</translation>
    </message>
    <message>
        <source>Address of a library</source>
        <translation>Adresse einer Bibliothek</translation>
    </message>
    <message>
        <source>Add library</source>
        <translation>Bibliothek hinzufügen</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <source>Choose a library&apos;s folder</source>
        <translation>Den Ordner einer Bibliothek wählen</translation>
    </message>
    <message>
        <source>Remove library</source>
        <translation>Bibliothek entfernen</translation>
    </message>
    <message>
        <source>Libraries are read, never changed. Trove keeps only their addresses: for s3:// the credentials come from your system&apos;s usual places (the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY variables, or ~/.aws/credentials and ~/.aws/config), and a store other than Amazon&apos;s from AWS_ENDPOINT_URL.</source>
        <translation>Bibliotheken werden nur gelesen, nie verändert. Trove speichert nur ihre Adressen: Für s3:// kommen die Zugangsdaten von den üblichen Stellen Ihres Systems (den Variablen AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY oder ~/.aws/credentials und ~/.aws/config), ein anderer Speicher als der von Amazon aus AWS_ENDPOINT_URL.</translation>
    </message>
    <message>
        <source>searched after OK</source>
        <translation>wird nach OK durchsucht</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>unreachable: {reason}</source>
        <translation>nicht erreichbar: {reason}</translation>
    </message>
    <message>
        <source>waiting for its first answer…</source>
        <translation>wartet auf die erste Antwort…</translation>
    </message>
    <message>
        <source>A shared library&apos;s folder</source>
        <translation>Der Ordner einer gemeinsamen Bibliothek</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>mitgeliefert</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>installiert</translation>
    </message>
    <message>
        <source>{name} — {family}, {dim}-d, {precision}, {where} · {licence}</source>
        <translation>{name} — {family}, {dim}-d, {precision}, {where} · {licence}</translation>
    </message>
    <message>
        <source>No model packs installed yet</source>
        <translation>Noch keine Modellpakete installiert</translation>
    </message>
    <message>
        <source>Remove pack</source>
        <translation>Paket entfernen</translation>
    </message>
    <message>
        <source>Remove the model pack {name}?</source>
        <translation>Das Modellpaket {name} entfernen?</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Watching for changes</source>
        <translation>Änderungen werden beobachtet</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Auf dem neuesten Stand</translation>
    </message>
    <message>
        <source>Read the text in pictures</source>
        <translation>Text in Bildern wird gelesen</translation>
    </message>
    <message>
        <source>Scanning</source>
        <translation>Durchsuchen</translation>
    </message>
    <message>
        <source>Indexing</source>
        <translation>Indexierung</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>about {n} min left</source>
        <translation>noch etwa {n} min</translation>
    </message>
    <message>
        <source>about {n} s left</source>
        <translation>noch etwa {n} s</translation>
    </message>
    <message>
        <source>, {time_left} for this step</source>
        <translation>, {time_left} für diesen Schritt</translation>
    </message>
    <message>
        <source>New document model: {done:,} of {total:,} passages embedded again ({rate:.0f}/s{eta}); the previous model answers meanwhile</source>
        <translation>Neues Dokumentmodell: {done:,} von {total:,} Abschnitten neu eingebettet ({rate:.0f}/s{eta}); bis dahin antwortet das bisherige Modell</translation>
    </message>
    <message>
        <source>Adding meaning: {done:,} of {total:,} passages ({rate:.0f}/s{eta}); searchable by words meanwhile</source>
        <translation>Bedeutung wird ergänzt: {done:,} von {total:,} Textstellen ({rate:.0f}/s{eta}); währenddessen nach Wörtern durchsuchbar</translation>
    </message>
    <message>
        <source>Reading files (words first): {done:,} of {total:,} ({rate:.1f} files/s{eta})</source>
        <translation>Dateien werden gelesen (Wörter zuerst): {done:,} von {total:,} ({rate:.1f} Dateien/s{eta})</translation>
    </message>
    <message>
        <source>Shared libraries that cannot be searched</source>
        <translation>Gemeinsame Bibliotheken, die nicht durchsucht werden können</translation>
    </message>
    <message>
        <source>Library {uri} unreachable: {reason}</source>
        <translation>Bibliothek {uri} nicht erreichbar: {reason}</translation>
    </message>
    <message>
        <source>⚠ {n} library unreachable</source>
        <translation>⚠ {n} Bibliothek nicht erreichbar</translation>
    </message>
    <message>
        <source>⚠ {n} libraries unreachable</source>
        <translation>⚠ {n} Bibliotheken nicht erreichbar</translation>
    </message>
    <message>
        <source>This computer&apos;s results are shown; it is tried again every {n} s.</source>
        <translation>Die Ergebnisse dieses Computers werden angezeigt; alle {n} s wird es erneut versucht.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Indexing status</source>
        <translation>Indexierungsstatus</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause indexing</source>
        <translation>Indexierung pausieren</translation>
    </message>
    <message>
        <source>Notes about indexing and model packs</source>
        <translation>Hinweise zur Indexierung und zu Modellpaketen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Indexing details and problems</source>
        <translation>Indexierungsdetails und Probleme</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Resume indexing</source>
        <translation>Indexierung fortsetzen</translation>
    </message>
    <message>
        <source>⚠ {n} note</source>
        <translation>⚠ {n} Hinweis</translation>
    </message>
    <message>
        <source>⚠ {n} notes</source>
        <translation>⚠ {n} Hinweise</translation>
    </message>
    <message>
        <source> · {n:,} file could not be read (see Details)</source>
        <translation> · {n:,} Datei konnte nicht gelesen werden (siehe Details)</translation>
    </message>
    <message>
        <source> · {n:,} files could not be read (see Details)</source>
        <translation> · {n:,} Dateien konnten nicht gelesen werden (siehe Details)</translation>
    </message>
    <message>
        <source>Indexing details</source>
        <translation>Indexierungsdetails</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Problems — files Trove could not read, and why:</source>
        <translation>Probleme — Dateien, die Trove nicht lesen konnte, und warum:</translation>
    </message>
    <message>
        <source> — {n} problem in this run</source>
        <translation> — {n} Problem in diesem Durchlauf</translation>
    </message>
    <message>
        <source> — {n} problems in this run</source>
        <translation> — {n} Probleme in diesem Durchlauf</translation>
    </message>
    <message>
        <source>Current file: {path}</source>
        <translation>Aktuelle Datei: {path}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Pause indexing</source>
        <translation>Indexierung pausieren</translation>
    </message>
    <message>
        <source>Quick search</source>
        <translation>Schnellsuche</translation>
    </message>
    <message>
        <source>Quit Trove</source>
        <translation>Trove beenden</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to Trove</source>
        <translation>Willkommen bei Trove</translation>
    </message>
    <message>
        <source>Trove finds your photos and documents by what they show and say. &lt;b&gt;Everything stays on this computer&lt;/b&gt;: the index, the models and your files never leave it, and Trove works without a network.</source>
        <translation>Trove findet Ihre Fotos und Dokumente anhand dessen, was sie zeigen und sagen. &lt;b&gt;Alles bleibt auf diesem Computer&lt;/b&gt;: Der Index, die Modelle und Ihre Dateien verlassen ihn nie, und Trove funktioniert ohne Netzwerk.</translation>
    </message>
    <message>
        <source>It reads the folders you choose in the background and shows your newest files as it goes; you can search from the first minute.</source>
        <translation>Es liest die gewählten Ordner im Hintergrund und zeigt dabei Ihre neuesten Dateien; Sie können ab der ersten Minute suchen.</translation>
    </message>
    <message>
        <source>Which folders should Trove look in?</source>
        <translation>In welchen Ordnern soll Trove suchen?</translation>
    </message>
    <message>
        <source>Watch {folder}</source>
        <translation>{folder} beobachten</translation>
    </message>
    <message>
        <source>Start with these folders</source>
        <translation>Mit diesen Ordnern beginnen</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Ordner wählen…</translation>
    </message>
    <message>
        <source>Start indexing</source>
        <translation>Indexierung starten</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>Anderen Ordner wählen…</translation>
    </message>
    <message>
        <source>Choose another folder</source>
        <translation>Anderen Ordner wählen</translation>
    </message>
    <message>
        <source>Model packs installed: {names}</source>
        <translation>Installierte Modellpakete: {names}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>No image model pack is installed: photos are found by name, date and text until you add one.</source>
        <translation>Kein Bildmodellpaket installiert: Fotos werden nach Name, Datum und Text gefunden, bis Sie eines hinzufügen.</translation>
    </message>
    <message>
        <source>Import model pack…</source>
        <translation>Modellpaket importieren…</translation>
    </message>
    <message>
        <source>Import model pack</source>
        <translation>Modellpaket importieren</translation>
    </message>
    <message>
        <source>Get a model…</source>
        <translation>Modell holen…</translation>
    </message>
    <message>
        <source>Download a model for finding photos by what they show, or documents by what they mean</source>
        <translation>Ein Modell herunterladen, um Fotos nach dem zu finden, was sie zeigen, oder Dokumente nach ihrer Bedeutung</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <source>Get the multilingual model…</source>
        <translation>Das mehrsprachige Modell holen…</translation>
    </message>
    <message>
        <source>Choose and download the multilingual document model</source>
        <translation>Das mehrsprachige Dokumentmodell auswählen und herunterladen</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>Keep the current document model</source>
        <translation>Das jetzige Dokumentmodell behalten</translation>
    </message>
    <message>
        <source>This computer is set to {languages}, which the photo model does not understand: photos are found by their names, places and text, not by what they show.</source>
        <translation>Dieser Computer ist auf {languages} eingestellt, das das Fotomodell nicht versteht: Fotos werden über Namen, Orte und Text gefunden, nicht über das, was sie zeigen.</translation>
    </message>
    <message>
        <source>The photo model does not understand searches in {languages}: photos are found by their names, places and text, not by what they show.</source>
        <translation>Das Fotomodell versteht keine Suchen auf {languages}: Fotos werden über Namen, Orte und Text gefunden, nicht über das, was sie zeigen.</translation>
    </message>
    <message>
        <source>The multilingual photo model understands them ({mb:,} MB download). With it, photos are embedded again in the background and the current model answers meanwhile.</source>
        <translation>Das mehrsprachige Fotomodell versteht sie ({mb:,} MB Download). Damit werden die Fotos im Hintergrund neu eingebettet, und bis dahin antwortet das aktuelle Modell.</translation>
    </message>
    <message>
        <source>Choose and download the multilingual photo model</source>
        <translation>Das mehrsprachige Fotomodell auswählen und herunterladen</translation>
    </message>
    <message>
        <source>Keep the current photo model</source>
        <translation>Das aktuelle Fotomodell behalten</translation>
    </message>
    <message>
        <source>This computer is set to {languages}, which the document model does not understand: documents are found by their words, not by what they mean.</source>
        <translation>Dieser Computer ist auf {languages} eingestellt, das das Dokumentmodell nicht versteht: Dokumente werden über ihre Wörter gefunden, nicht über ihre Bedeutung.</translation>
    </message>
    <message>
        <source>Most of your documents are in languages the document model does not understand ({languages}): they are found by their words, not by what they mean.</source>
        <translation>Die meisten Ihrer Dokumente sind in Sprachen geschrieben, die das Dokumentmodell nicht versteht ({languages}): sie werden über ihre Wörter gefunden, nicht über ihre Bedeutung.</translation>
    </message>
    <message>
        <source>The multilingual model understands them ({mb:,} MB download). With it, passages are embedded again in the background and the current model answers meanwhile.</source>
        <translation>Das mehrsprachige Modell versteht sie ({mb:,} MB Download). Damit werden die Abschnitte im Hintergrund neu eingebettet, und bis dahin antwortet das jetzige Modell.</translation>
    </message>
</context>
</TS>
