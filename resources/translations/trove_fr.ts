<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Browse</name>
    <message>
        <source>Add a folder to begin</source>
        <translation>Ajoutez un dossier pour commencer</translation>
    </message>
    <message>
        <source>Trove shows your newest photos and documents here, and finds any of them by what they show and say. Nothing leaves this computer.</source>
        <translation>Trove affiche ici vos photos et documents les plus récents, et retrouve n’importe lequel d’entre eux d’après ce qu’il montre et ce qu’il dit. Rien ne quitte cet ordinateur.</translation>
    </message>
    <message>
        <source>Opening the index…</source>
        <translation>Ouverture de l’index…</translation>
    </message>
    <message>
        <source>Your files appear here in a moment.</source>
        <translation>Vos fichiers apparaissent ici dans un instant.</translation>
    </message>
    <message>
        <source>Reading your files…</source>
        <translation>Lecture de vos fichiers…</translation>
    </message>
    <message>
        <source>They appear here, newest first, as Trove indexes them. You can search already.</source>
        <translation>Ils apparaissent ici, les plus récents d’abord, à mesure que Trove les indexe. Vous pouvez déjà chercher.</translation>
    </message>
    <message>
        <source>No photos or documents found yet</source>
        <translation>Aucune photo ni aucun document trouvé pour l’instant</translation>
    </message>
    <message>
        <source>Trove found nothing it can read in the watched folders. Add another folder, or see what happened in the details.</source>
        <translation>Trove n’a rien trouvé qu’il puisse lire dans les dossiers surveillés. Ajoutez un autre dossier, ou regardez ce qui s’est passé dans les détails.</translation>
    </message>
    <message>
        <source>Nothing matches these filters</source>
        <translation>Rien ne correspond à ces filtres</translation>
    </message>
    <message>
        <source>No file has this type, folder, date or place. Clear the filters to see everything.</source>
        <translation>Aucun fichier n’a ce type, ce dossier, cette date ou ce lieu. Effacez les filtres pour tout voir.</translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>Ajouter un dossier à surveiller</translation>
    </message>
    <message>
        <source>Indexing details</source>
        <translation>Détails de l’indexation</translation>
    </message>
    <message>
        <source>Show indexing details</source>
        <translation>Afficher les détails de l’indexation</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>{n:,} file</source>
        <translation>{n:,} fichier</translation>
    </message>
    <message>
        <source>{n:,} files</source>
        <translation>{n:,} fichiers</translation>
    </message>
    <message>
        <source>The newest {shown:,} of {files} — type to search, or narrow with filters</source>
        <translation>Les {shown:,} plus récents sur {files} — tapez pour chercher, ou affinez avec les filtres</translation>
    </message>
    <message>
        <source>Newest first · {files}</source>
        <translation>Les plus récents d’abord · {files}</translation>
    </message>
    <message>
        <source> · still indexing: more appear as they are read</source>
        <translation> · indexation en cours : d’autres apparaissent à mesure qu’ils sont lus</translation>
    </message>
</context>
<context>
    <name>DateFilter</name>
    <message>
        <source>Any date</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <source>Choose dates</source>
        <translation>Choisir les dates</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Photos taken, or files modified, on these days (both included):</source>
        <translation>Photos prises, ou fichiers modifiés, ces jours-là (bornes incluses) :</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Période personnalisée…</translation>
    </message>
    <message>
        <source>Date filter</source>
        <translation>Filtre de date</translation>
    </message>
    <message>
        <source>Only photos taken, or files modified, in this span</source>
        <translation>Seulement les photos prises, ou les fichiers modifiés, pendant cette période</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>dd MMM yyyy HH:mm</source>
        <translation>d MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>dd MMM yyyy</source>
        <translation>d MMM yyyy</translation>
    </message>
</context>
<context>
    <name>Download</name>
    <message>
        <source>Checking</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Téléchargement</translation>
    </message>
    <message>
        <source>Converting to 8-bit</source>
        <translation>Conversion en 8 bits</translation>
    </message>
    <message>
        <source>Testing</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Installing</source>
        <translation>Installation</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source> at commit {commit}</source>
        <translation> au commit {commit}</translation>
    </message>
    <message>
        <source>into a folder {folder}/: {files} from {url}{at}</source>
        <translation>dans un dossier {folder}/ : {files} depuis {url}{at}</translation>
    </message>
    <message>
        <source>Without a network you can still add an image model: import a pack (a model&apos;s folder from Trove&apos;s model folder on another computer, or a .zip of it), or download the files of {model} on a computer with a network — {where} — and choose the folder that holds them. Trove checks every file just the same.</source>
        <translation>Sans réseau, vous pouvez quand même ajouter un modèle d’images : importez un pack (le dossier d’un modèle pris dans le dossier des modèles de Trove sur un autre ordinateur, ou un .zip de celui-ci), ou téléchargez les fichiers de {model} sur un ordinateur relié au réseau — {where} — puis choisissez le dossier qui les contient. Trove vérifie chaque fichier de la même façon.</translation>
    </message>
    <message>
        <source>Photos are found by what they show with this model.</source>
        <translation>Avec ce modèle, les photos sont trouvées d’après ce qu’elles montrent.</translation>
    </message>
    <message>
        <source>Documents are searched by meaning with this model once it is installed ({n} languages, about {mb:,} MB on disk). Their passages get its vectors in the background; until a passage has one, the model you use now answers for it.</source>
        <translation>Une fois installé, ce modèle sert à chercher les documents par leur sens ({n} langues, environ {mb:,} Mo sur le disque). Leurs passages reçoivent ses vecteurs en arrière-plan ; tant qu’un passage n’en a pas, le modèle actuel répond pour lui.</translation>
    </message>
    <message>
        <source>Get a model</source>
        <translation>Obtenir un modèle</translation>
    </message>
    <message>
        <source>Trove finds photos by what they show, and documents by what they mean, with models. A model is downloaded once from the model hub, checked against its published checksums, converted to 8 bits and tested on this computer. Nothing else is sent, and searching stays offline.</source>
        <translation>Trove trouve les photos d’après ce qu’elles montrent, et les documents d’après leur sens, grâce à des modèles. Un modèle est téléchargé une fois depuis le hub de modèles, vérifié avec ses sommes de contrôle publiées, converti en 8 bits et testé sur cet ordinateur. Rien d’autre n’est envoyé, et la recherche reste hors ligne.</translation>
    </message>
    <message>
        <source>Model to download</source>
        <translation>Modèle à télécharger</translation>
    </message>
    <message>
        <source>{model} — {mb:,} MB download, {licence}</source>
        <translation>{model} — {mb:,} Mo à télécharger, {licence}</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Vérification de la connexion…</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progression du téléchargement</translation>
    </message>
    <message>
        <source>Import a pack file…</source>
        <translation>Importer un fichier de pack…</translation>
    </message>
    <message>
        <source>Import downloaded model files…</source>
        <translation>Importer des fichiers de modèle téléchargés…</translation>
    </message>
    <message>
        <source>Import model files downloaded on another computer</source>
        <translation>Importer des fichiers de modèle téléchargés sur un autre ordinateur</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Getting {model}…</source>
        <translation>Obtention de {model}…</translation>
    </message>
    <message>
        <source>Folder with the files of {model}</source>
        <translation>Dossier contenant les fichiers de {model}</translation>
    </message>
    <message>
        <source>Importing {model} from {folder}…</source>
        <translation>Importation de {model} depuis {folder}…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt…</translation>
    </message>
    <message>
        <source>Ready to download from {host}.</source>
        <translation>Prêt à télécharger depuis {host}.</translation>
    </message>
    <message>
        <source>No network: {why}.</source>
        <translation>Pas de réseau : {why}.</translation>
    </message>
    <message>
        <source>Installed {name}. Your photos are being embedded with it in the background; you can keep searching meanwhile.</source>
        <translation>{name} est installé. Vos photos sont traitées avec ce modèle en arrière-plan ; vous pouvez continuer à chercher pendant ce temps.</translation>
    </message>
    <message>
        <source>Installed {name}. Your documents&apos; passages are being embedded with it in the background; the previous model answers for them meanwhile.</source>
        <translation>{name} est installé. Les passages de vos documents sont intégrés avec lui en arrière-plan ; en attendant, le modèle précédent répond pour eux.</translation>
    </message>
    <message>
        <source>{family}, {dim} dimensions, {licence} · {source}</source>
        <translation>{family}, {dim} dimensions, {licence} · {source}</translation>
    </message>
    <message>
        <source>Not installed: {why}</source>
        <translation>Non installé : {why}</translation>
    </message>
    <message>
        <source>Stopped. What was downloaded is kept: Download continues where it stopped, also after Trove was closed.</source>
        <translation>Arrêté. Ce qui a été téléchargé est conservé : Télécharger reprend là où il s’est arrêté, même après la fermeture de Trove.</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>{n} copies · {size} to free</source>
        <translation>{n} copies · {size} à libérer</translation>
    </message>
    <message>
        <source>Best copy</source>
        <translation>Meilleure copie</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation>+{n} autres</translation>
    </message>
    <message>
        <source>Groups of near-duplicate photos</source>
        <translation>Groupes de photos presque identiques</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Chercher à nouveau</translation>
    </message>
    <message>
        <source>Look for near-duplicates again</source>
        <translation>Chercher à nouveau les photos presque identiques</translation>
    </message>
    <message>
        <source>Back to search</source>
        <translation>Retour à la recherche</translation>
    </message>
    <message>
        <source>Looking for near-duplicate photos…</source>
        <translation>Recherche de photos presque identiques…</translation>
    </message>
    <message>
        <source> {n:,} photos are still being checked; look again when indexing is done.</source>
        <translation> {n:,} photos sont encore en cours de vérification ; relancez la recherche une fois l’indexation terminée.</translation>
    </message>
    <message>
        <source>{n:,} group</source>
        <translation>{n:,} groupe</translation>
    </message>
    <message>
        <source>{n:,} groups</source>
        <translation>{n:,} groupes</translation>
    </message>
    <message>
        <source>{groups} among {photos:,} photos · {size} to free by keeping only the best copies.{pending}</source>
        <translation>{groups} parmi {photos:,} photos · {size} à libérer en ne gardant que les meilleures copies.{pending}</translation>
    </message>
    <message>
        <source>No near-duplicates found among {photos:,} photos.</source>
        <translation>Aucune photo presque identique parmi {photos:,} photos.</translation>
    </message>
</context>
<context>
    <name>Folders</name>
    <message>
        <source>Watched folders</source>
        <translation>Dossiers surveillés</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Add a watched folder</source>
        <translation>Ajouter un dossier surveillé</translation>
    </message>
    <message>
        <source>Stop watching the selected folder</source>
        <translation>Ne plus surveiller le dossier sélectionné</translation>
    </message>
    <message>
        <source>e.g. *.tmp, Screenshots, /home/me/Private</source>
        <translation>p. ex. *.tmp, Captures d’écran, /home/moi/Privé</translation>
    </message>
    <message>
        <source>Exclusion patterns</source>
        <translation>Motifs d’exclusion</translation>
    </message>
    <message>
        <source>Trove watches these folders and keeps its index current:</source>
        <translation>Trove surveille ces dossiers et tient son index à jour :</translation>
    </message>
    <message>
        <source>Skip files and folders matching (comma separated):</source>
        <translation>Ignorer les fichiers et dossiers correspondant à (séparés par des virgules) :</translation>
    </message>
    <message>
        <source>Hidden files, .git, node_modules, caches and Trove&apos;s own folders are always skipped.</source>
        <translation>Les fichiers cachés, .git, node_modules, les caches et les dossiers de Trove lui-même sont toujours ignorés.</translation>
    </message>
    <message>
        <source>{folder} — new</source>
        <translation>{folder} — nouveau</translation>
    </message>
    <message>
        <source>watched</source>
        <translation>surveillé</translation>
    </message>
    <message>
        <source>not available (unplugged?)</source>
        <translation>indisponible (débranché ?)</translation>
    </message>
    <message>
        <source>checked every 30 s (watch limit reached)</source>
        <translation>vérifié toutes les 30 s (limite de surveillance atteinte)</translation>
    </message>
    <message>
        <source>{folder} — {photos} photos, {documents} documents, {problems} problems · {state}</source>
        <translation>{folder} — {photos} photos, {documents} documents, {problems} problèmes · {state}</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>Ajouter un dossier à surveiller</translation>
    </message>
    <message>
        <source>{folder} is watched already.</source>
        <translation>{folder} est déjà surveillé.</translation>
    </message>
    <message>
        <source>{folder} is watched already, as part of {holder}.</source>
        <translation>{folder} est déjà surveillé, car il fait partie de {holder}.</translation>
    </message>
    <message>
        <source>{folder} now covers {folders}.</source>
        <translation>{folder} englobe maintenant {folders}.</translation>
    </message>
</context>
<context>
    <name>Host</name>
    <message>
        <source>Add a folder to start</source>
        <translation>Ajoutez un dossier pour commencer</translation>
    </message>
    <message>
        <source>Indexing stopped: {reason}</source>
        <translation>Indexation arrêtée : {reason}</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Resuming</source>
        <translation>Reprise</translation>
    </message>
    <message>
        <source>Search failed: {reason}</source>
        <translation>La recherche a échoué : {reason}</translation>
    </message>
    <message>
        <source>Getting the image model failed: {reason}</source>
        <translation>L’obtention du modèle d’images a échoué : {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Images ({patterns})</source>
        <translation>Images ({patterns})</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Watched folders…</source>
        <translation>Dossiers surveillés…</translation>
    </message>
    <message>
        <source>Import model pack…</source>
        <translation>Importer un pack de modèle…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Automatic layout</source>
        <translation>Disposition automatique</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grille</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Indexing details and problems</source>
        <translation>Détails et problèmes d’indexation</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Recherche</translation>
    </message>
    <message>
        <source>Paste image as query</source>
        <translation>Coller une image comme requête</translation>
    </message>
    <message>
        <source>Search with an image file…</source>
        <translation>Chercher avec un fichier image…</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>Plus de ce genre</translation>
    </message>
    <message>
        <source>Search with an image</source>
        <translation>Chercher avec une image</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>Ajouter un dossier à surveiller</translation>
    </message>
    <message>
        <source>Import a model pack</source>
        <translation>Importer un pack de modèle</translation>
    </message>
    <message>
        <source>Model packs ({patterns})</source>
        <translation>Packs de modèle ({patterns})</translation>
    </message>
    <message>
        <source>Trove cannot open its index</source>
        <translation>Trove ne peut pas ouvrir son index</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>“{name}” is in the shared library {library}, at {path}, which this computer cannot read. Its address is on the clipboard.</source>
        <translation>« {name} » se trouve dans la bibliothèque partagée {library}, à l’adresse {path}, que cet ordinateur ne peut pas lire. Son adresse est dans le presse-papiers.</translation>
    </message>
    <message>
        <source>“{name}” is no longer in {folder}: it was moved or deleted. Trove takes it out of the results as soon as it notices.</source>
        <translation>« {name} » n’est plus dans {folder} : il a été déplacé ou supprimé. Trove le retire des résultats dès qu’il s’en aperçoit.</translation>
    </message>
    <message>
        <source>Trove asked the desktop to show the folder {folder}, but no file manager answered. Its path is on the clipboard: paste it into a file manager or a terminal.</source>
        <translation>Trove a demandé au bureau d’afficher le dossier {folder}, mais aucun gestionnaire de fichiers n’a répondu. Son chemin est dans le presse-papiers : collez-le dans un gestionnaire de fichiers ou un terminal.</translation>
    </message>
    <message>
        <source>{ext} files</source>
        <translation>les fichiers {ext}</translation>
    </message>
    <message>
        <source>this kind of file</source>
        <translation>ce type de fichier</translation>
    </message>
    <message>
        <source>Trove asked the desktop to open “{name}”, but no program is set to open {kind}. Set one in your desktop&apos;s settings (Default applications), or open it from your file manager: it is in {folder} (the path is on the clipboard).</source>
        <translation>Trove a demandé au bureau d’ouvrir « {name} », mais aucun programme n’est défini pour ouvrir {kind}. Choisissez-en un dans les paramètres de votre bureau (Applications par défaut), ou ouvrez-le depuis votre gestionnaire de fichiers : il se trouve dans {folder} (le chemin est dans le presse-papiers).</translation>
    </message>
    <message>
        <source>Cannot show the folder</source>
        <translation>Impossible d’afficher le dossier</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Impossible d’ouvrir le fichier</translation>
    </message>
</context>
<context>
    <name>Packs</name>
    <message>
        <source>Cannot read the model packs: {reason}</source>
        <translation>Impossible de lire les packs de modèle : {reason}</translation>
    </message>
    <message>
        <source>Cannot import this pack</source>
        <translation>Impossible d’importer ce pack</translation>
    </message>
    <message>
        <source>Trove&apos;s index could not be opened</source>
        <translation>L’index de Trove n’a pas pu être ouvert</translation>
    </message>
    <message>
        <source>Installed {name}; documents get their new vectors in the background</source>
        <translation>{name} est installé ; les documents reçoivent leurs nouveaux vecteurs en arrière-plan</translation>
    </message>
    <message>
        <source>Installed {name}; photos get their new vectors in the background</source>
        <translation>{name} est installé ; les photos reçoivent leurs nouveaux vecteurs en arrière-plan</translation>
    </message>
    <message>
        <source>Removed {name}</source>
        <translation>{name} retiré</translation>
    </message>
    <message>
        <source>Cannot remove</source>
        <translation>Impossible de retirer</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Taken {when}</source>
        <translation>Prise le {when}</translation>
    </message>
    <message>
        <source>Modified {when}</source>
        <translation>Modifié le {when}</translation>
    </message>
    <message>
        <source>Select a result to preview it</source>
        <translation>Sélectionnez un résultat pour l’aperçu</translation>
    </message>
    <message>
        <source>Image preview</source>
        <translation>Aperçu de l’image</translation>
    </message>
    <message>
        <source>Matching passage</source>
        <translation>Passage correspondant</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Copier le chemin</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Copier l’image</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>Plus de ce genre</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Ouvrir le fichier</translation>
    </message>
    <message>
        <source>Text in the picture</source>
        <translation>Texte dans l’image</translation>
    </message>
    <message>
        <source>{width} × {height} px</source>
        <translation>{width} × {height} px</translation>
    </message>
    <message>
        <source>Place: {place}</source>
        <translation>Lieu : {place}</translation>
    </message>
    <message>
        <source>Page {page}</source>
        <translation>Page {page}</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>Beginning</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>(no text matched; the file name did)</source>
        <translation>(aucun texte ne correspond ; le nom du fichier, si)</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(aucun texte)</translation>
    </message>
    <message>
        <source>From the library {uri}</source>
        <translation>De la bibliothèque {uri}</translation>
    </message>
    <message>
        <source>Why: {why}</source>
        <translation>Pourquoi : {why}</translation>
    </message>
    <message>
        <source>{mb:.1f} MB</source>
        <translation>{mb:.1f} Mo</translation>
    </message>
    <message>
        <source>{kb} KB</source>
        <translation>{kb} Ko</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>This image cannot be shown</source>
        <translation>Impossible d’afficher cette image</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>Copie…</translation>
    </message>
    <message>
        <source>Cannot copy</source>
        <translation>Copie impossible</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiée</translation>
    </message>
</context>
<context>
    <name>QuickLook</name>
    <message>
        <source>Quick look</source>
        <translation>Aperçu rapide</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>Undated</source>
        <translation>Sans date</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>{day} {month}</source>
        <translation>{day} {month}</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{day} {month} {year}</translation>
    </message>
    <message>
        <source>, from the library {uri}</source>
        <translation>, de la bibliothèque {uri}</translation>
    </message>
    <message>
        <source>strong match</source>
        <translation>correspondance forte</translation>
    </message>
    <message>
        <source>weaker match</source>
        <translation>correspondance plus faible</translation>
    </message>
    <message>
        <source>{n} file</source>
        <translation>{n} fichier</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} fichiers</translation>
    </message>
    <message>
        <source>{n} near-duplicate stacked here:</source>
        <translation>{n} quasi-doublon empilé ici :</translation>
    </message>
    <message>
        <source>{n} near-duplicates stacked here:</source>
        <translation>{n} quasi-doublons empilés ici :</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>Fichiers récents</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de recherche</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>No matches. {note}</source>
        <translation>Aucun résultat. {note}</translation>
    </message>
    <message>
        <source>No confident match — these are only the closest files (dimmed).</source>
        <translation>Aucune correspondance sûre — voici seulement les fichiers les plus proches (atténués).</translation>
    </message>
    <message>
        <source>{n} strong match first; {weak} weaker (dimmed) after them.</source>
        <translation>{n} correspondance forte d’abord ; {weak} plus faibles (atténuées) ensuite.</translation>
    </message>
    <message>
        <source>{n} strong matches first; {weak} weaker (dimmed) after them.</source>
        <translation>{n} correspondances fortes d’abord ; {weak} plus faibles (atténuées) ensuite.</translation>
    </message>
    <message>
        <source>Opening the index…</source>
        <translation>Ouverture de l’index…</translation>
    </message>
    <message>
        <source>{n} results in {ms:.0f} ms</source>
        <translation>{n} résultats en {ms:.0f} ms</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>&lt;b&gt;Search tips&lt;/b&gt;&lt;br&gt;&lt;code&gt;beach at sunset&lt;/code&gt; — describe what you look for&lt;br&gt;&lt;code&gt;&quot;exact phrase&quot;&lt;/code&gt; — these words, in this order&lt;br&gt;&lt;code&gt;-word&lt;/code&gt; — leave out results with this word&lt;br&gt;&lt;code&gt;--preserve-root&lt;/code&gt;, &lt;code&gt;-rf&lt;/code&gt; — a flag is looked for; &lt;code&gt;not:--force&lt;/code&gt; leaves one out&lt;br&gt;&lt;code&gt;2:sunset + dog - people&lt;/code&gt; — weigh, add and subtract ideas (photos)&lt;br&gt;&lt;code&gt;type:photo&lt;/code&gt;, &lt;code&gt;type:document&lt;/code&gt;, &lt;code&gt;type:pdf&lt;/code&gt;&lt;br&gt;&lt;code&gt;in:Holidays&lt;/code&gt; — only in this folder · &lt;code&gt;place:Lisbon&lt;/code&gt;&lt;br&gt;&lt;code&gt;after:2023-05&lt;/code&gt;, &lt;code&gt;before:2024&lt;/code&gt; — by date taken or modified&lt;br&gt;Drop or paste an image to find look-alikes; type words with it to change it (&lt;code&gt;at night&lt;/code&gt;, &lt;code&gt;in winter&lt;/code&gt;).&lt;br&gt;Results that match well come first; weaker ones are dimmed.</source>
        <translation>&lt;b&gt;Astuces de recherche&lt;/b&gt;&lt;br&gt;&lt;code&gt;plage au coucher du soleil&lt;/code&gt; — décrivez ce que vous cherchez&lt;br&gt;&lt;code&gt;&quot;expression exacte&quot;&lt;/code&gt; — ces mots, dans cet ordre&lt;br&gt;&lt;code&gt;-mot&lt;/code&gt; — exclure les résultats contenant ce mot&lt;br&gt;&lt;code&gt;--preserve-root&lt;/code&gt;, &lt;code&gt;-rf&lt;/code&gt; — une option est recherchée ; &lt;code&gt;not:--force&lt;/code&gt; en exclut une&lt;br&gt;&lt;code&gt;2:coucher de soleil + chien - gens&lt;/code&gt; — pondérer, ajouter et retirer des idées (photos)&lt;br&gt;&lt;code&gt;type:photo&lt;/code&gt;, &lt;code&gt;type:document&lt;/code&gt;, &lt;code&gt;type:pdf&lt;/code&gt;&lt;br&gt;&lt;code&gt;in:Vacances&lt;/code&gt; — seulement dans ce dossier · &lt;code&gt;place:Lisbonne&lt;/code&gt;&lt;br&gt;&lt;code&gt;after:2023-05&lt;/code&gt;, &lt;code&gt;before:2024&lt;/code&gt; — par date de prise de vue ou de modification&lt;br&gt;Déposez ou collez une image pour trouver des images semblables ; tapez des mots avec elle pour la modifier (&lt;code&gt;la nuit&lt;/code&gt;, &lt;code&gt;en hiver&lt;/code&gt;).&lt;br&gt;Les bons résultats viennent en premier ; les plus faibles sont atténués.</translation>
    </message>
    <message>
        <source>Search photos and documents — e.g. receipt from the hardware store</source>
        <translation>Chercher photos et documents — p. ex. ticket de caisse du magasin de bricolage</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Ctrl+K or Ctrl+F to come back here · ↓ to the results · Alt+↓ recent searches · Esc to clear</source>
        <translation>Ctrl+K ou Ctrl+F pour revenir ici · ↓ vers les résultats · Alt+↓ recherches récentes · Échap pour effacer</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Type filter</source>
        <translation>Filtre de type</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Folder filter</source>
        <translation>Filtre de dossier</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Place filter</source>
        <translation>Filtre de lieu</translation>
    </message>
    <message>
        <source>Only photos taken in this place (a town, region or country)</source>
        <translation>Seulement les photos prises à cet endroit (une ville, une région ou un pays)</translation>
    </message>
    <message>
        <source>Search tips</source>
        <translation>Astuces de recherche</translation>
    </message>
    <message>
        <source>Clear image</source>
        <translation>Retirer l’image</translation>
    </message>
    <message>
        <source>Stop searching by image</source>
        <translation>Ne plus chercher par image</translation>
    </message>
    <message>
        <source>Strength of the words on the image</source>
        <translation>Poids des mots sur l’image</translation>
    </message>
    <message>
        <source>How far the words you type move the image query: left keeps the image, right follows the words</source>
        <translation>À quel point les mots que vous tapez modifient la recherche par image : à gauche l’image domine, à droite les mots</translation>
    </message>
    <message>
        <source>Words: {value:.1f}×</source>
        <translation>Mots : {value:.1f}×</translation>
    </message>
    <message>
        <source>Searching by image: {name} — add words to refine</source>
        <translation>Recherche par image : {name} — ajoutez des mots pour affiner</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>cannot write settings {path}: {reason}</source>
        <translation>impossible d’écrire les paramètres {path} : {reason}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Installed model packs</source>
        <translation>Packs de modèle installés</translation>
    </message>
    <message>
        <source>Active image pack</source>
        <translation>Pack d’images actif</translation>
    </message>
    <message>
        <source>Document pack that answers</source>
        <translation>Pack de documents qui répond</translation>
    </message>
    <message>
        <source>Reading the model packs…</source>
        <translation>Lecture des packs de modèle…</translation>
    </message>
    <message>
        <source>Best installed</source>
        <translation>Le meilleur installé</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Get a model…</source>
        <translation>Obtenir un modèle…</translation>
    </message>
    <message>
        <source>Download a model for finding photos by what they show, or documents by what they mean</source>
        <translation>Télécharger un modèle pour trouver les photos d’après ce qu’elles montrent, ou les documents d’après leur sens</translation>
    </message>
    <message>
        <source>Import a model pack</source>
        <translation>Importer un pack de modèle</translation>
    </message>
    <message>
        <source>Remove the selected model pack</source>
        <translation>Retirer le pack de modèle sélectionné</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Threads for indexing</source>
        <translation>Threads pour l’indexation</translation>
    </message>
    <message>
        <source>Pause indexing while on battery</source>
        <translation>Suspendre l’indexation sur batterie</translation>
    </message>
    <message>
        <source>Read the text in photos, screenshots and scanned pages</source>
        <translation>Lire le texte des photos, captures d’écran et pages numérisées</translation>
    </message>
    <message>
        <source>After new files are indexed, Trove reads the words in pictures so that they can be searched. It runs last, on one CPU thread.</source>
        <translation>Une fois les nouveaux fichiers indexés, Trove lit les mots dans les images pour qu’on puisse les chercher. Cela passe en dernier, sur un seul thread du processeur.</translation>
    </message>
    <message>
        <source>Start Trove when I log in</source>
        <translation>Démarrer Trove à l’ouverture de session</translation>
    </message>
    <message>
        <source>Not supported on this system yet</source>
        <translation>Pas encore pris en charge sur ce système</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>Langue de la fenêtre</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>Système ({language})</translation>
    </message>
    <message>
        <source>A new language shows at the next start.</source>
        <translation>Une nouvelle langue s’affiche au prochain démarrage.</translation>
    </message>
    <message>
        <source>Image pack:</source>
        <translation>Pack d’images :</translation>
    </message>
    <message>
        <source>Document pack:</source>
        <translation>Pack de documents :</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>Threads du processeur :</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Thème :</translation>
    </message>
    <message>
        <source>Follows the system (light or dark)</source>
        <translation>Suit le système (clair ou sombre)</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <source>Model packs:</source>
        <translation>Packs de modèle :</translation>
    </message>
    <message>
        <source>Shared libraries (searched with this index):</source>
        <translation>Bibliothèques partagées (recherchées avec cet index) :</translation>
    </message>
    <message>
        <source>Shared libraries</source>
        <translation>Bibliothèques partagées</translation>
    </message>
    <message>
        <source>s3://bucket/library, or a shared folder</source>
        <translation>s3://bucket/bibliotheque, ou un dossier partagé</translation>
    </message>
    <message>
        <source>Address of a library</source>
        <translation>Adresse d’une bibliothèque</translation>
    </message>
    <message>
        <source>Add library</source>
        <translation>Ajouter la bibliothèque</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Dossier…</translation>
    </message>
    <message>
        <source>Choose a library&apos;s folder</source>
        <translation>Choisir le dossier d’une bibliothèque</translation>
    </message>
    <message>
        <source>Remove library</source>
        <translation>Retirer la bibliothèque</translation>
    </message>
    <message>
        <source>Libraries are read, never changed. Trove keeps only their addresses: for s3:// the credentials come from your system&apos;s usual places (the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY variables, or ~/.aws/credentials and ~/.aws/config), and a store other than Amazon&apos;s from AWS_ENDPOINT_URL.</source>
        <translation>Les bibliothèques sont lues, jamais modifiées. Trove ne garde que leurs adresses : pour s3://, les identifiants viennent des emplacements habituels de votre système (les variables AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY, ou ~/.aws/credentials et ~/.aws/config), et un stockage autre que celui d’Amazon de AWS_ENDPOINT_URL.</translation>
    </message>
    <message>
        <source>searched after OK</source>
        <translation>recherchée après OK</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>prête</translation>
    </message>
    <message>
        <source>unreachable: {reason}</source>
        <translation>injoignable : {reason}</translation>
    </message>
    <message>
        <source>waiting for its first answer…</source>
        <translation>en attente de sa première réponse…</translation>
    </message>
    <message>
        <source>A shared library&apos;s folder</source>
        <translation>Le dossier d’une bibliothèque partagée</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>fourni</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>installé</translation>
    </message>
    <message>
        <source>{name} — {family}, {dim}-d, {precision}, {where} · {licence}</source>
        <translation>{name} — {family}, {dim}-d, {precision}, {where} · {licence}</translation>
    </message>
    <message>
        <source>No model packs installed yet</source>
        <translation>Aucun pack de modèle installé pour l’instant</translation>
    </message>
    <message>
        <source>Remove pack</source>
        <translation>Retirer le pack</translation>
    </message>
    <message>
        <source>Remove the model pack {name}?</source>
        <translation>Retirer le pack de modèle {name} ?</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Watching for changes</source>
        <translation>Surveillance des modifications</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <source>Read the text in pictures</source>
        <translation>Lecture du texte dans les images</translation>
    </message>
    <message>
        <source>Scanning</source>
        <translation>Parcours</translation>
    </message>
    <message>
        <source>Indexing</source>
        <translation>Indexation</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>about {n} min left</source>
        <translation>environ {n} min restantes</translation>
    </message>
    <message>
        <source>about {n} s left</source>
        <translation>environ {n} s restantes</translation>
    </message>
    <message>
        <source>, {time_left} for this step</source>
        <translation>, {time_left} pour cette étape</translation>
    </message>
    <message>
        <source>New document model: {done:,} of {total:,} passages embedded again ({rate:.0f}/s{eta}); the previous model answers meanwhile</source>
        <translation>Nouveau modèle de documents : {done:,} passages sur {total:,} intégrés à nouveau ({rate:.0f}/s{eta}) ; en attendant, le modèle précédent répond</translation>
    </message>
    <message>
        <source>Adding meaning: {done:,} of {total:,} passages ({rate:.0f}/s{eta}); searchable by words meanwhile</source>
        <translation>Ajout du sens : {done:,} passages sur {total:,} ({rate:.0f}/s{eta}) ; recherche par mots possible en attendant</translation>
    </message>
    <message>
        <source>Reading files (words first): {done:,} of {total:,} ({rate:.1f} files/s{eta})</source>
        <translation>Lecture des fichiers (les mots d’abord) : {done:,} sur {total:,} ({rate:.1f} fichiers/s{eta})</translation>
    </message>
    <message>
        <source>Shared libraries that cannot be searched</source>
        <translation>Bibliothèques partagées impossibles à interroger</translation>
    </message>
    <message>
        <source>Library {uri} unreachable: {reason}</source>
        <translation>Bibliothèque {uri} injoignable : {reason}</translation>
    </message>
    <message>
        <source>⚠ {n} library unreachable</source>
        <translation>⚠ {n} bibliothèque injoignable</translation>
    </message>
    <message>
        <source>⚠ {n} libraries unreachable</source>
        <translation>⚠ {n} bibliothèques injoignables</translation>
    </message>
    <message>
        <source>This computer&apos;s results are shown; it is tried again every {n} s.</source>
        <translation>Les résultats de cet ordinateur sont affichés ; nouvel essai toutes les {n} s.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Indexing status</source>
        <translation>État de l’indexation</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause indexing</source>
        <translation>Suspendre l’indexation</translation>
    </message>
    <message>
        <source>Notes about indexing and model packs</source>
        <translation>Remarques sur l’indexation et les packs de modèle</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Indexing details and problems</source>
        <translation>Détails et problèmes d’indexation</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Resume indexing</source>
        <translation>Reprendre l’indexation</translation>
    </message>
    <message>
        <source>⚠ {n} note</source>
        <translation>⚠ {n} remarque</translation>
    </message>
    <message>
        <source>⚠ {n} notes</source>
        <translation>⚠ {n} remarques</translation>
    </message>
    <message>
        <source> · {n:,} file could not be read (see Details)</source>
        <translation> · {n:,} fichier n’a pas pu être lu (voir Détails)</translation>
    </message>
    <message>
        <source> · {n:,} files could not be read (see Details)</source>
        <translation> · {n:,} fichiers n’ont pas pu être lus (voir Détails)</translation>
    </message>
    <message>
        <source>Indexing details</source>
        <translation>Détails de l’indexation</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>Problems — files Trove could not read, and why:</source>
        <translation>Problèmes — fichiers que Trove n’a pas pu lire, et pourquoi :</translation>
    </message>
    <message>
        <source> — {n} problem in this run</source>
        <translation> — {n} problème lors de ce passage</translation>
    </message>
    <message>
        <source> — {n} problems in this run</source>
        <translation> — {n} problèmes lors de ce passage</translation>
    </message>
    <message>
        <source>Current file: {path}</source>
        <translation>Fichier en cours : {path}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Pause indexing</source>
        <translation>Suspendre l’indexation</translation>
    </message>
    <message>
        <source>Quick search</source>
        <translation>Recherche rapide</translation>
    </message>
    <message>
        <source>Quit Trove</source>
        <translation>Quitter Trove</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to Trove</source>
        <translation>Bienvenue dans Trove</translation>
    </message>
    <message>
        <source>Trove finds your photos and documents by what they show and say. &lt;b&gt;Everything stays on this computer&lt;/b&gt;: the index, the models and your files never leave it, and Trove works without a network.</source>
        <translation>Trove retrouve vos photos et documents d’après ce qu’ils montrent et ce qu’ils disent. &lt;b&gt;Tout reste sur cet ordinateur&lt;/b&gt; : l’index, les modèles et vos fichiers ne le quittent jamais, et Trove fonctionne sans réseau.</translation>
    </message>
    <message>
        <source>It reads the folders you choose in the background and shows your newest files as it goes; you can search from the first minute.</source>
        <translation>Il lit en arrière-plan les dossiers que vous choisissez et affiche vos fichiers les plus récents au fur et à mesure ; vous pouvez chercher dès la première minute.</translation>
    </message>
    <message>
        <source>Which folders should Trove look in?</source>
        <translation>Dans quels dossiers Trove doit-il chercher ?</translation>
    </message>
    <message>
        <source>Watch {folder}</source>
        <translation>Surveiller {folder}</translation>
    </message>
    <message>
        <source>Start with these folders</source>
        <translation>Commencer avec ces dossiers</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Choisir un dossier…</translation>
    </message>
    <message>
        <source>Start indexing</source>
        <translation>Lancer l’indexation</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>Choisir un autre dossier…</translation>
    </message>
    <message>
        <source>Choose another folder</source>
        <translation>Choisir un autre dossier</translation>
    </message>
    <message>
        <source>Model packs installed: {names}</source>
        <translation>Packs de modèle installés : {names}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aucun pour l’instant</translation>
    </message>
    <message>
        <source>No image model pack is installed: photos are found by name, date and text until you add one.</source>
        <translation>Aucun pack de modèle d’images n’est installé : les photos sont retrouvées par nom, date et texte jusqu’à ce que vous en ajoutiez un.</translation>
    </message>
    <message>
        <source>Import model pack…</source>
        <translation>Importer un pack de modèle…</translation>
    </message>
    <message>
        <source>Import model pack</source>
        <translation>Importer un pack de modèle</translation>
    </message>
    <message>
        <source>Get a model…</source>
        <translation>Obtenir un modèle…</translation>
    </message>
    <message>
        <source>Download a model for finding photos by what they show, or documents by what they mean</source>
        <translation>Télécharger un modèle pour trouver les photos d’après ce qu’elles montrent, ou les documents d’après leur sens</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>Masquer ce message</translation>
    </message>
    <message>
        <source>Get the multilingual model…</source>
        <translation>Obtenir le modèle multilingue…</translation>
    </message>
    <message>
        <source>Choose and download the multilingual document model</source>
        <translation>Choisir et télécharger le modèle de documents multilingue</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>Keep the current document model</source>
        <translation>Garder le modèle de documents actuel</translation>
    </message>
    <message>
        <source>This computer is set to {languages}, which the photo model does not understand: photos are found by their names, places and text, not by what they show.</source>
        <translation>Cet ordinateur est réglé en {languages}, que le modèle de photos ne comprend pas : les photos sont trouvées par leur nom, leur lieu et leur texte, pas par ce qu’elles montrent.</translation>
    </message>
    <message>
        <source>The photo model does not understand searches in {languages}: photos are found by their names, places and text, not by what they show.</source>
        <translation>Le modèle de photos ne comprend pas les recherches en {languages} : les photos sont trouvées par leur nom, leur lieu et leur texte, pas par ce qu’elles montrent.</translation>
    </message>
    <message>
        <source>The multilingual photo model understands them ({mb:,} MB download). With it, photos are embedded again in the background and the current model answers meanwhile.</source>
        <translation>Le modèle de photos multilingue les comprend ({mb:,} Mo à télécharger). Avec lui, les photos sont de nouveau vectorisées en arrière-plan et le modèle actuel répond en attendant.</translation>
    </message>
    <message>
        <source>Choose and download the multilingual photo model</source>
        <translation>Choisir et télécharger le modèle de photos multilingue</translation>
    </message>
    <message>
        <source>Keep the current photo model</source>
        <translation>Garder le modèle de photos actuel</translation>
    </message>
    <message>
        <source>This computer is set to {languages}, which the document model does not understand: documents are found by their words, not by what they mean.</source>
        <translation>Cet ordinateur est réglé en {languages}, que le modèle de documents ne comprend pas : les documents sont trouvés par leurs mots, pas par leur sens.</translation>
    </message>
    <message>
        <source>Most of your documents are in languages the document model does not understand ({languages}): they are found by their words, not by what they mean.</source>
        <translation>La plupart de vos documents sont dans des langues que le modèle de documents ne comprend pas ({languages}) : ils sont trouvés par leurs mots, pas par leur sens.</translation>
    </message>
    <message>
        <source>The multilingual model understands them ({mb:,} MB download). With it, passages are embedded again in the background and the current model answers meanwhile.</source>
        <translation>Le modèle multilingue les comprend ({mb:,} Mo à télécharger). Avec lui, les passages sont intégrés à nouveau en arrière-plan et, en attendant, le modèle actuel répond.</translation>
    </message>
</context>
</TS>
