<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Browse</name>
    <message>
        <source>Add a folder to begin</source>
        <translation>Añada una carpeta para empezar</translation>
    </message>
    <message>
        <source>Trove shows your newest photos and documents here, and finds any of them by what they show and say. Nothing leaves this computer.</source>
        <translation>Trove muestra aquí sus fotos y documentos más recientes, y encuentra cualquiera de ellos por lo que muestra y dice. Nada sale de este ordenador.</translation>
    </message>
    <message>
        <source>Opening the index…</source>
        <translation>Abriendo el índice…</translation>
    </message>
    <message>
        <source>Your files appear here in a moment.</source>
        <translation>Sus archivos aparecerán aquí en un momento.</translation>
    </message>
    <message>
        <source>Reading your files…</source>
        <translation>Leyendo sus archivos…</translation>
    </message>
    <message>
        <source>They appear here, newest first, as Trove indexes them. You can search already.</source>
        <translation>Aparecen aquí, los más recientes primero, a medida que Trove los indexa. Ya puede buscar.</translation>
    </message>
    <message>
        <source>No photos or documents found yet</source>
        <translation>Aún no se han encontrado fotos ni documentos</translation>
    </message>
    <message>
        <source>Trove found nothing it can read in the watched folders. Add another folder, or see what happened in the details.</source>
        <translation>Trove no encontró nada que pueda leer en las carpetas vigiladas. Añada otra carpeta o vea en los detalles qué ocurrió.</translation>
    </message>
    <message>
        <source>Nothing matches these filters</source>
        <translation>Nada coincide con estos filtros</translation>
    </message>
    <message>
        <source>No file has this type, folder, date or place. Clear the filters to see everything.</source>
        <translation>Ningún archivo tiene este tipo, carpeta, fecha o lugar. Quite los filtros para verlo todo.</translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation>Añadir una carpeta…</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>Añadir una carpeta para vigilar</translation>
    </message>
    <message>
        <source>Indexing details</source>
        <translation>Detalles de la indexación</translation>
    </message>
    <message>
        <source>Show indexing details</source>
        <translation>Mostrar los detalles de la indexación</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>Quitar los filtros</translation>
    </message>
    <message>
        <source>{n:,} file</source>
        <translation>{n:,} archivo</translation>
    </message>
    <message>
        <source>{n:,} files</source>
        <translation>{n:,} archivos</translation>
    </message>
    <message>
        <source>The newest {shown:,} of {files} — type to search, or narrow with filters</source>
        <translation>Los {shown:,} más recientes de {files} — escriba para buscar o acote con los filtros</translation>
    </message>
    <message>
        <source>Newest first · {files}</source>
        <translation>Más recientes primero · {files}</translation>
    </message>
    <message>
        <source> · still indexing: more appear as they are read</source>
        <translation> · aún indexando: aparecerán más a medida que se lean</translation>
    </message>
</context>
<context>
    <name>DateFilter</name>
    <message>
        <source>Any date</source>
        <translation>Cualquier fecha</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Este mes</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Este año</translation>
    </message>
    <message>
        <source>Choose dates</source>
        <translation>Elegir fechas</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Fecha de fin</translation>
    </message>
    <message>
        <source>Photos taken, or files modified, on these days (both included):</source>
        <translation>Fotos tomadas, o archivos modificados, en estos días (ambos incluidos):</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Intervalo personalizado…</translation>
    </message>
    <message>
        <source>Date filter</source>
        <translation>Filtro de fecha</translation>
    </message>
    <message>
        <source>Only photos taken, or files modified, in this span</source>
        <translation>Solo fotos tomadas, o archivos modificados, en este intervalo</translation>
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
        <translation>Comprobando</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Descargando</translation>
    </message>
    <message>
        <source>Converting to 8-bit</source>
        <translation>Convirtiendo a 8 bits</translation>
    </message>
    <message>
        <source>Testing</source>
        <translation>Probando</translation>
    </message>
    <message>
        <source>Installing</source>
        <translation>Instalando</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source> at commit {commit}</source>
        <translation> en el commit {commit}</translation>
    </message>
    <message>
        <source>into a folder {folder}/: {files} from {url}{at}</source>
        <translation>en una carpeta {folder}/: {files} de {url}{at}</translation>
    </message>
    <message>
        <source>Without a network you can still add an image model: import a pack (a model&apos;s folder from Trove&apos;s model folder on another computer, or a .zip of it), or download the files of {model} on a computer with a network — {where} — and choose the folder that holds them. Trove checks every file just the same.</source>
        <translation>Sin red también puede añadir un modelo de imágenes: importe un paquete (la carpeta de un modelo de la carpeta de modelos de Trove en otro ordenador, o un .zip de ella), o descargue los archivos de {model} en un ordenador con red — {where} — y elija la carpeta que los contiene. Trove comprueba cada archivo igualmente.</translation>
    </message>
    <message>
        <source>Photos are found by what they show with this model.</source>
        <translation>Con este modelo, las fotos se encuentran por lo que muestran.</translation>
    </message>
    <message>
        <source>Documents are searched by meaning with this model once it is installed ({n} languages, about {mb:,} MB on disk). Their passages get its vectors in the background; until a passage has one, the model you use now answers for it.</source>
        <translation>Una vez instalado, los documentos se buscan por su significado con este modelo ({n} idiomas, unos {mb:,} MB en disco). Sus pasajes reciben sus vectores en segundo plano; hasta que un pasaje tenga el suyo, responde por él el modelo actual.</translation>
    </message>
    <message>
        <source>Get a model</source>
        <translation>Obtener un modelo</translation>
    </message>
    <message>
        <source>Trove finds photos by what they show, and documents by what they mean, with models. A model is downloaded once from the model hub, checked against its published checksums, converted to 8 bits and tested on this computer. Nothing else is sent, and searching stays offline.</source>
        <translation>Trove encuentra fotos por lo que muestran y documentos por lo que significan, con modelos. Un modelo se descarga una vez del repositorio de modelos, se comprueba con sus sumas de verificación publicadas, se convierte a 8 bits y se prueba en este equipo. No se envía nada más y la búsqueda sigue sin conexión.</translation>
    </message>
    <message>
        <source>Model to download</source>
        <translation>Modelo que descargar</translation>
    </message>
    <message>
        <source>{model} — {mb:,} MB download, {licence}</source>
        <translation>{model} — descarga de {mb:,} MB, {licence}</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Comprobando la conexión…</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progreso de la descarga</translation>
    </message>
    <message>
        <source>Import a pack file…</source>
        <translation>Importar un archivo de paquete…</translation>
    </message>
    <message>
        <source>Import downloaded model files…</source>
        <translation>Importar archivos de modelo descargados…</translation>
    </message>
    <message>
        <source>Import model files downloaded on another computer</source>
        <translation>Importar archivos de modelo descargados en otro ordenador</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Getting {model}…</source>
        <translation>Obteniendo {model}…</translation>
    </message>
    <message>
        <source>Folder with the files of {model}</source>
        <translation>Carpeta con los archivos de {model}</translation>
    </message>
    <message>
        <source>Importing {model} from {folder}…</source>
        <translation>Importando {model} desde {folder}…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <source>Ready to download from {host}.</source>
        <translation>Listo para descargar de {host}.</translation>
    </message>
    <message>
        <source>No network: {why}.</source>
        <translation>Sin red: {why}.</translation>
    </message>
    <message>
        <source>Installed {name}. Your photos are being embedded with it in the background; you can keep searching meanwhile.</source>
        <translation>{name} instalado. Sus fotos se están procesando con él en segundo plano; mientras tanto puede seguir buscando.</translation>
    </message>
    <message>
        <source>Installed {name}. Your documents&apos; passages are being embedded with it in the background; the previous model answers for them meanwhile.</source>
        <translation>{name} está instalado. Los pasajes de sus documentos se están incrustando con él en segundo plano; mientras tanto, responde por ellos el modelo anterior.</translation>
    </message>
    <message>
        <source>{family}, {dim} dimensions, {licence} · {source}</source>
        <translation>{family}, {dim} dimensiones, {licence} · {source}</translation>
    </message>
    <message>
        <source>Not installed: {why}</source>
        <translation>No instalado: {why}</translation>
    </message>
    <message>
        <source>Stopped. What was downloaded is kept: Download continues where it stopped, also after Trove was closed.</source>
        <translation>Detenido. Lo descargado se conserva: Descargar continúa donde se detuvo, también después de cerrar Trove.</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>{n} copies · {size} to free</source>
        <translation>{n} copias · {size} que liberar</translation>
    </message>
    <message>
        <source>Best copy</source>
        <translation>Mejor copia</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation>+{n} más</translation>
    </message>
    <message>
        <source>Groups of near-duplicate photos</source>
        <translation>Grupos de fotos casi idénticas</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplicados</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Buscar de nuevo</translation>
    </message>
    <message>
        <source>Look for near-duplicates again</source>
        <translation>Buscar de nuevo fotos casi idénticas</translation>
    </message>
    <message>
        <source>Back to search</source>
        <translation>Volver a la búsqueda</translation>
    </message>
    <message>
        <source>Looking for near-duplicate photos…</source>
        <translation>Buscando fotos casi idénticas…</translation>
    </message>
    <message>
        <source> {n:,} photos are still being checked; look again when indexing is done.</source>
        <translation> {n:,} fotos aún se están comprobando; vuelva a buscar cuando termine la indexación.</translation>
    </message>
    <message>
        <source>{n:,} group</source>
        <translation>{n:,} grupo</translation>
    </message>
    <message>
        <source>{n:,} groups</source>
        <translation>{n:,} grupos</translation>
    </message>
    <message>
        <source>{groups} among {photos:,} photos · {size} to free by keeping only the best copies.{pending}</source>
        <translation>{groups} entre {photos:,} fotos · {size} que liberar conservando solo las mejores copias.{pending}</translation>
    </message>
    <message>
        <source>No near-duplicates found among {photos:,} photos.</source>
        <translation>No se encontraron fotos casi idénticas entre {photos:,} fotos.</translation>
    </message>
</context>
<context>
    <name>Folders</name>
    <message>
        <source>Watched folders</source>
        <translation>Carpetas vigiladas</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Add a watched folder</source>
        <translation>Añadir una carpeta vigilada</translation>
    </message>
    <message>
        <source>Stop watching the selected folder</source>
        <translation>Dejar de vigilar la carpeta seleccionada</translation>
    </message>
    <message>
        <source>e.g. *.tmp, Screenshots, /home/me/Private</source>
        <translation>p. ej. *.tmp, Capturas, /home/yo/Privado</translation>
    </message>
    <message>
        <source>Exclusion patterns</source>
        <translation>Patrones de exclusión</translation>
    </message>
    <message>
        <source>Trove watches these folders and keeps its index current:</source>
        <translation>Trove vigila estas carpetas y mantiene su índice al día:</translation>
    </message>
    <message>
        <source>Skip files and folders matching (comma separated):</source>
        <translation>Omitir archivos y carpetas que coincidan con (separados por comas):</translation>
    </message>
    <message>
        <source>Hidden files, .git, node_modules, caches and Trove&apos;s own folders are always skipped.</source>
        <translation>Los archivos ocultos, .git, node_modules, las cachés y las carpetas propias de Trove se omiten siempre.</translation>
    </message>
    <message>
        <source>{folder} — new</source>
        <translation>{folder} — nueva</translation>
    </message>
    <message>
        <source>watched</source>
        <translation>vigilada</translation>
    </message>
    <message>
        <source>not available (unplugged?)</source>
        <translation>no disponible (¿desconectada?)</translation>
    </message>
    <message>
        <source>checked every 30 s (watch limit reached)</source>
        <translation>comprobada cada 30 s (se alcanzó el límite de vigilancia)</translation>
    </message>
    <message>
        <source>{folder} — {photos} photos, {documents} documents, {problems} problems · {state}</source>
        <translation>{folder} — {photos} fotos, {documents} documentos, {problems} problemas · {state}</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>Añadir una carpeta para vigilar</translation>
    </message>
    <message>
        <source>{folder} is watched already.</source>
        <translation>{folder} ya está vigilada.</translation>
    </message>
    <message>
        <source>{folder} is watched already, as part of {holder}.</source>
        <translation>{folder} ya está vigilada, como parte de {holder}.</translation>
    </message>
    <message>
        <source>{folder} now covers {folders}.</source>
        <translation>{folder} ahora abarca {folders}.</translation>
    </message>
</context>
<context>
    <name>Host</name>
    <message>
        <source>Add a folder to start</source>
        <translation>Añada una carpeta para empezar</translation>
    </message>
    <message>
        <source>Indexing stopped: {reason}</source>
        <translation>La indexación se detuvo: {reason}</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Resuming</source>
        <translation>Reanudando</translation>
    </message>
    <message>
        <source>Search failed: {reason}</source>
        <translation>La búsqueda falló: {reason}</translation>
    </message>
    <message>
        <source>Getting the image model failed: {reason}</source>
        <translation>No se pudo obtener el modelo de imágenes: {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Images ({patterns})</source>
        <translation>Imágenes ({patterns})</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>Watched folders…</source>
        <translation>Carpetas vigiladas…</translation>
    </message>
    <message>
        <source>Import model pack…</source>
        <translation>Importar paquete de modelo…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Ajustes…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Automatic layout</source>
        <translation>Disposición automática</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Cuadrícula</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Indexing details and problems</source>
        <translation>Detalles y problemas de la indexación</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplicados</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>Paste image as query</source>
        <translation>Pegar imagen como consulta</translation>
    </message>
    <message>
        <source>Search with an image file…</source>
        <translation>Buscar con un archivo de imagen…</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>Más como este</translation>
    </message>
    <message>
        <source>Search with an image</source>
        <translation>Buscar con una imagen</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>Añadir una carpeta para vigilar</translation>
    </message>
    <message>
        <source>Import a model pack</source>
        <translation>Importar un paquete de modelo</translation>
    </message>
    <message>
        <source>Model packs ({patterns})</source>
        <translation>Paquetes de modelo ({patterns})</translation>
    </message>
    <message>
        <source>Trove cannot open its index</source>
        <translation>Trove no puede abrir su índice</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>“{name}” is in the shared library {library}, at {path}, which this computer cannot read. Its address is on the clipboard.</source>
        <translation>«{name}» está en la biblioteca compartida {library}, en {path}, que este equipo no puede leer. Su dirección está en el portapapeles.</translation>
    </message>
    <message>
        <source>“{name}” is no longer in {folder}: it was moved or deleted. Trove takes it out of the results as soon as it notices.</source>
        <translation>«{name}» ya no está en {folder}: se movió o se eliminó. Trove lo quita de los resultados en cuanto lo nota.</translation>
    </message>
    <message>
        <source>Trove asked the desktop to show the folder {folder}, but no file manager answered. Its path is on the clipboard: paste it into a file manager or a terminal.</source>
        <translation>Trove pidió al escritorio que mostrara la carpeta {folder}, pero ningún gestor de archivos respondió. Su ruta está en el portapapeles: péguela en un gestor de archivos o en una terminal.</translation>
    </message>
    <message>
        <source>{ext} files</source>
        <translation>los archivos {ext}</translation>
    </message>
    <message>
        <source>this kind of file</source>
        <translation>este tipo de archivo</translation>
    </message>
    <message>
        <source>Trove asked the desktop to open “{name}”, but no program is set to open {kind}. Set one in your desktop&apos;s settings (Default applications), or open it from your file manager: it is in {folder} (the path is on the clipboard).</source>
        <translation>Trove pidió al escritorio que abriera «{name}», pero no hay ningún programa configurado para abrir {kind}. Configure uno en los ajustes del escritorio (Aplicaciones predeterminadas), o ábralo desde su gestor de archivos: está en {folder} (la ruta está en el portapapeles).</translation>
    </message>
    <message>
        <source>Cannot show the folder</source>
        <translation>No se puede mostrar la carpeta</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>No se puede abrir el archivo</translation>
    </message>
</context>
<context>
    <name>Packs</name>
    <message>
        <source>Cannot read the model packs: {reason}</source>
        <translation>No se pueden leer los paquetes de modelo: {reason}</translation>
    </message>
    <message>
        <source>Cannot import this pack</source>
        <translation>No se puede importar este paquete</translation>
    </message>
    <message>
        <source>Trove&apos;s index could not be opened</source>
        <translation>No se pudo abrir el índice de Trove</translation>
    </message>
    <message>
        <source>Installed {name}; documents get their new vectors in the background</source>
        <translation>{name} está instalado; los documentos reciben sus nuevos vectores en segundo plano</translation>
    </message>
    <message>
        <source>Installed {name}; photos get their new vectors in the background</source>
        <translation>{name} instalado; las fotos reciben sus nuevos vectores en segundo plano</translation>
    </message>
    <message>
        <source>Removed {name}</source>
        <translation>{name} quitado</translation>
    </message>
    <message>
        <source>Cannot remove</source>
        <translation>No se puede quitar</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Taken {when}</source>
        <translation>Tomada el {when}</translation>
    </message>
    <message>
        <source>Modified {when}</source>
        <translation>Modificado el {when}</translation>
    </message>
    <message>
        <source>Select a result to preview it</source>
        <translation>Seleccione un resultado para verlo aquí</translation>
    </message>
    <message>
        <source>Image preview</source>
        <translation>Vista previa de la imagen</translation>
    </message>
    <message>
        <source>Matching passage</source>
        <translation>Pasaje coincidente</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Copiar ruta</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Copiar imagen</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>Más como este</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Abrir archivo</translation>
    </message>
    <message>
        <source>Text in the picture</source>
        <translation>Texto en la imagen</translation>
    </message>
    <message>
        <source>{width} × {height} px</source>
        <translation>{width} × {height} px</translation>
    </message>
    <message>
        <source>Place: {place}</source>
        <translation>Lugar: {place}</translation>
    </message>
    <message>
        <source>Page {page}</source>
        <translation>Página {page}</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Pasaje</translation>
    </message>
    <message>
        <source>Beginning</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>(no text matched; the file name did)</source>
        <translation>(no coincidió ningún texto; sí el nombre del archivo)</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(sin texto)</translation>
    </message>
    <message>
        <source>From the library {uri}</source>
        <translation>De la biblioteca {uri}</translation>
    </message>
    <message>
        <source>Why: {why}</source>
        <translation>Por qué: {why}</translation>
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
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>This image cannot be shown</source>
        <translation>No se puede mostrar esta imagen</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>Copiando…</translation>
    </message>
    <message>
        <source>Cannot copy</source>
        <translation>No se puede copiar</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiada</translation>
    </message>
</context>
<context>
    <name>QuickLook</name>
    <message>
        <source>Quick look</source>
        <translation>Vista rápida</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>Undated</source>
        <translation>Sin fecha</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>{day} {month}</source>
        <translation>{day} de {month}</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{day} de {month} de {year}</translation>
    </message>
    <message>
        <source>, from the library {uri}</source>
        <translation>, de la biblioteca {uri}</translation>
    </message>
    <message>
        <source>strong match</source>
        <translation>coincidencia fuerte</translation>
    </message>
    <message>
        <source>weaker match</source>
        <translation>coincidencia más débil</translation>
    </message>
    <message>
        <source>{n} file</source>
        <translation>{n} archivo</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} archivos</translation>
    </message>
    <message>
        <source>{n} near-duplicate stacked here:</source>
        <translation>{n} casi duplicado apilado aquí:</translation>
    </message>
    <message>
        <source>{n} near-duplicates stacked here:</source>
        <translation>{n} casi duplicados apilados aquí:</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>Archivos recientes</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de búsqueda</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>No matches. {note}</source>
        <translation>Sin resultados. {note}</translation>
    </message>
    <message>
        <source>No confident match — these are only the closest files (dimmed).</source>
        <translation>Ninguna coincidencia segura — estos son solo los archivos más cercanos (atenuados).</translation>
    </message>
    <message>
        <source>{n} strong match first; {weak} weaker (dimmed) after them.</source>
        <translation>{n} coincidencia fuerte primero; {weak} más débiles (atenuadas) después.</translation>
    </message>
    <message>
        <source>{n} strong matches first; {weak} weaker (dimmed) after them.</source>
        <translation>{n} coincidencias fuertes primero; {weak} más débiles (atenuadas) después.</translation>
    </message>
    <message>
        <source>Opening the index…</source>
        <translation>Abriendo el índice…</translation>
    </message>
    <message>
        <source>{n} results in {ms:.0f} ms</source>
        <translation>{n} resultados en {ms:.0f} ms</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>&lt;b&gt;Search tips&lt;/b&gt;&lt;br&gt;&lt;code&gt;beach at sunset&lt;/code&gt; — describe what you look for&lt;br&gt;&lt;code&gt;&quot;exact phrase&quot;&lt;/code&gt; — these words, in this order&lt;br&gt;&lt;code&gt;-word&lt;/code&gt; — leave out results with this word&lt;br&gt;&lt;code&gt;--preserve-root&lt;/code&gt;, &lt;code&gt;-rf&lt;/code&gt; — a flag is looked for; &lt;code&gt;not:--force&lt;/code&gt; leaves one out&lt;br&gt;&lt;code&gt;2:sunset + dog - people&lt;/code&gt; — weigh, add and subtract ideas (photos)&lt;br&gt;&lt;code&gt;type:photo&lt;/code&gt;, &lt;code&gt;type:document&lt;/code&gt;, &lt;code&gt;type:pdf&lt;/code&gt;&lt;br&gt;&lt;code&gt;in:Holidays&lt;/code&gt; — only in this folder · &lt;code&gt;place:Lisbon&lt;/code&gt;&lt;br&gt;&lt;code&gt;after:2023-05&lt;/code&gt;, &lt;code&gt;before:2024&lt;/code&gt; — by date taken or modified&lt;br&gt;Drop or paste an image to find look-alikes; type words with it to change it (&lt;code&gt;at night&lt;/code&gt;, &lt;code&gt;in winter&lt;/code&gt;).&lt;br&gt;Results that match well come first; weaker ones are dimmed.</source>
        <translation>&lt;b&gt;Consejos de búsqueda&lt;/b&gt;&lt;br&gt;&lt;code&gt;playa al atardecer&lt;/code&gt; — describa lo que busca&lt;br&gt;&lt;code&gt;&quot;frase exacta&quot;&lt;/code&gt; — estas palabras, en este orden&lt;br&gt;&lt;code&gt;-palabra&lt;/code&gt; — excluir resultados con esta palabra&lt;br&gt;&lt;code&gt;--preserve-root&lt;/code&gt;, &lt;code&gt;-rf&lt;/code&gt; — se busca una opción; &lt;code&gt;not:--force&lt;/code&gt; excluye una&lt;br&gt;&lt;code&gt;2:atardecer + perro - gente&lt;/code&gt; — ponderar, sumar y restar ideas (fotos)&lt;br&gt;&lt;code&gt;type:photo&lt;/code&gt;, &lt;code&gt;type:document&lt;/code&gt;, &lt;code&gt;type:pdf&lt;/code&gt;&lt;br&gt;&lt;code&gt;in:Vacaciones&lt;/code&gt; — solo en esta carpeta · &lt;code&gt;place:Lisboa&lt;/code&gt;&lt;br&gt;&lt;code&gt;after:2023-05&lt;/code&gt;, &lt;code&gt;before:2024&lt;/code&gt; — por fecha de captura o de modificación&lt;br&gt;Suelte o pegue una imagen para encontrar parecidas; escriba palabras con ella para cambiarla (&lt;code&gt;de noche&lt;/code&gt;, &lt;code&gt;en invierno&lt;/code&gt;).&lt;br&gt;Los resultados que coinciden bien van primero; los más débiles aparecen atenuados.</translation>
    </message>
    <message>
        <source>Search photos and documents — e.g. receipt from the hardware store</source>
        <translation>Buscar fotos y documentos — p. ej. ticket de la ferretería</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Ctrl+K or Ctrl+F to come back here · ↓ to the results · Alt+↓ recent searches · Esc to clear</source>
        <translation>Ctrl+K o Ctrl+F para volver aquí · ↓ a los resultados · Alt+↓ búsquedas recientes · Esc para borrar</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Type filter</source>
        <translation>Filtro de tipo</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Folder filter</source>
        <translation>Filtro de carpeta</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Place filter</source>
        <translation>Filtro de lugar</translation>
    </message>
    <message>
        <source>Only photos taken in this place (a town, region or country)</source>
        <translation>Solo fotos tomadas en este lugar (una ciudad, región o país)</translation>
    </message>
    <message>
        <source>Search tips</source>
        <translation>Consejos de búsqueda</translation>
    </message>
    <message>
        <source>Clear image</source>
        <translation>Quitar imagen</translation>
    </message>
    <message>
        <source>Stop searching by image</source>
        <translation>Dejar de buscar por imagen</translation>
    </message>
    <message>
        <source>Strength of the words on the image</source>
        <translation>Peso de las palabras sobre la imagen</translation>
    </message>
    <message>
        <source>How far the words you type move the image query: left keeps the image, right follows the words</source>
        <translation>Cuánto mueven la búsqueda por imagen las palabras que escribe: a la izquierda manda la imagen, a la derecha las palabras</translation>
    </message>
    <message>
        <source>Words: {value:.1f}×</source>
        <translation>Palabras: {value:.1f}×</translation>
    </message>
    <message>
        <source>Searching by image: {name} — add words to refine</source>
        <translation>Buscando por imagen: {name} — añada palabras para afinar</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>cannot write settings {path}: {reason}</source>
        <translation>no se pueden escribir los ajustes {path}: {reason}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Installed model packs</source>
        <translation>Paquetes de modelo instalados</translation>
    </message>
    <message>
        <source>Active image pack</source>
        <translation>Paquete de imágenes activo</translation>
    </message>
    <message>
        <source>Document pack that answers</source>
        <translation>Paquete de documentos que responde</translation>
    </message>
    <message>
        <source>Reading the model packs…</source>
        <translation>Leyendo los paquetes de modelo…</translation>
    </message>
    <message>
        <source>Best installed</source>
        <translation>El mejor instalado</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Predeterminado</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Get a model…</source>
        <translation>Obtener un modelo…</translation>
    </message>
    <message>
        <source>Download a model for finding photos by what they show, or documents by what they mean</source>
        <translation>Descargar un modelo para encontrar fotos por lo que muestran, o documentos por lo que significan</translation>
    </message>
    <message>
        <source>Import a model pack</source>
        <translation>Importar un paquete de modelo</translation>
    </message>
    <message>
        <source>Remove the selected model pack</source>
        <translation>Quitar el paquete de modelo seleccionado</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <source>Threads for indexing</source>
        <translation>Hilos para la indexación</translation>
    </message>
    <message>
        <source>Pause indexing while on battery</source>
        <translation>Pausar la indexación con batería</translation>
    </message>
    <message>
        <source>Read the text in photos, screenshots and scanned pages</source>
        <translation>Leer el texto de fotos, capturas de pantalla y páginas escaneadas</translation>
    </message>
    <message>
        <source>After new files are indexed, Trove reads the words in pictures so that they can be searched. It runs last, on one CPU thread.</source>
        <translation>Tras indexar los archivos nuevos, Trove lee las palabras de las imágenes para que se puedan buscar. Se ejecuta al final, en un solo hilo de la CPU.</translation>
    </message>
    <message>
        <source>Start Trove when I log in</source>
        <translation>Iniciar Trove al iniciar sesión</translation>
    </message>
    <message>
        <source>Not supported on this system yet</source>
        <translation>Aún no es compatible con este sistema</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>Idioma de la ventana</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>Sistema ({language})</translation>
    </message>
    <message>
        <source>A new language shows at the next start.</source>
        <translation>El nuevo idioma se verá en el próximo inicio.</translation>
    </message>
    <message>
        <source>Image pack:</source>
        <translation>Paquete de imágenes:</translation>
    </message>
    <message>
        <source>Document pack:</source>
        <translation>Paquete de documentos:</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>Hilos de CPU:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <source>Follows the system (light or dark)</source>
        <translation>Sigue al sistema (claro u oscuro)</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Model packs:</source>
        <translation>Paquetes de modelo:</translation>
    </message>
    <message>
        <source>Shared libraries (searched with this index):</source>
        <translation>Bibliotecas compartidas (se buscan junto con este índice):</translation>
    </message>
    <message>
        <source>Shared libraries</source>
        <translation>Bibliotecas compartidas</translation>
    </message>
    <message>
        <source>s3://bucket/library, or a shared folder</source>
        <translation>s3://bucket/biblioteca, o una carpeta compartida</translation>
    </message>
    <message>
        <source>Address of a library</source>
        <translation>Dirección de una biblioteca</translation>
    </message>
    <message>
        <source>Add library</source>
        <translation>Añadir biblioteca</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Carpeta…</translation>
    </message>
    <message>
        <source>Choose a library&apos;s folder</source>
        <translation>Elegir la carpeta de una biblioteca</translation>
    </message>
    <message>
        <source>Remove library</source>
        <translation>Quitar biblioteca</translation>
    </message>
    <message>
        <source>Libraries are read, never changed. Trove keeps only their addresses: for s3:// the credentials come from your system&apos;s usual places (the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY variables, or ~/.aws/credentials and ~/.aws/config), and a store other than Amazon&apos;s from AWS_ENDPOINT_URL.</source>
        <translation>Las bibliotecas se leen, nunca se modifican. Trove solo guarda sus direcciones: para s3:// las credenciales vienen de los lugares habituales de su sistema (las variables AWS_ACCESS_KEY_ID y AWS_SECRET_ACCESS_KEY, o ~/.aws/credentials y ~/.aws/config), y un almacenamiento distinto del de Amazon, de AWS_ENDPOINT_URL.</translation>
    </message>
    <message>
        <source>searched after OK</source>
        <translation>se busca tras Aceptar</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>lista</translation>
    </message>
    <message>
        <source>unreachable: {reason}</source>
        <translation>inaccesible: {reason}</translation>
    </message>
    <message>
        <source>waiting for its first answer…</source>
        <translation>esperando su primera respuesta…</translation>
    </message>
    <message>
        <source>A shared library&apos;s folder</source>
        <translation>La carpeta de una biblioteca compartida</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>incluido</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>instalado</translation>
    </message>
    <message>
        <source>{name} — {family}, {dim}-d, {precision}, {where} · {licence}</source>
        <translation>{name} — {family}, {dim}-d, {precision}, {where} · {licence}</translation>
    </message>
    <message>
        <source>No model packs installed yet</source>
        <translation>Aún no hay paquetes de modelo instalados</translation>
    </message>
    <message>
        <source>Remove pack</source>
        <translation>Quitar paquete</translation>
    </message>
    <message>
        <source>Remove the model pack {name}?</source>
        <translation>¿Quitar el paquete de modelo {name}?</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Watching for changes</source>
        <translation>Vigilando cambios</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>Read the text in pictures</source>
        <translation>Leyendo el texto de las imágenes</translation>
    </message>
    <message>
        <source>Scanning</source>
        <translation>Explorando</translation>
    </message>
    <message>
        <source>Indexing</source>
        <translation>Indexando</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>about {n} min left</source>
        <translation>quedan unos {n} min</translation>
    </message>
    <message>
        <source>about {n} s left</source>
        <translation>quedan unos {n} s</translation>
    </message>
    <message>
        <source>, {time_left} for this step</source>
        <translation>, {time_left} para este paso</translation>
    </message>
    <message>
        <source>New document model: {done:,} of {total:,} passages embedded again ({rate:.0f}/s{eta}); the previous model answers meanwhile</source>
        <translation>Nuevo modelo de documentos: {done:,} de {total:,} pasajes incrustados de nuevo ({rate:.0f}/s{eta}); mientras tanto responde el modelo anterior</translation>
    </message>
    <message>
        <source>Adding meaning: {done:,} of {total:,} passages ({rate:.0f}/s{eta}); searchable by words meanwhile</source>
        <translation>Añadiendo significado: {done:,} de {total:,} pasajes ({rate:.0f}/s{eta}); mientras tanto se puede buscar por palabras</translation>
    </message>
    <message>
        <source>Reading files (words first): {done:,} of {total:,} ({rate:.1f} files/s{eta})</source>
        <translation>Leyendo archivos (primero las palabras): {done:,} de {total:,} ({rate:.1f} archivos/s{eta})</translation>
    </message>
    <message>
        <source>Shared libraries that cannot be searched</source>
        <translation>Bibliotecas compartidas en las que no se puede buscar</translation>
    </message>
    <message>
        <source>Library {uri} unreachable: {reason}</source>
        <translation>Biblioteca {uri} inaccesible: {reason}</translation>
    </message>
    <message>
        <source>⚠ {n} library unreachable</source>
        <translation>⚠ {n} biblioteca inaccesible</translation>
    </message>
    <message>
        <source>⚠ {n} libraries unreachable</source>
        <translation>⚠ {n} bibliotecas inaccesibles</translation>
    </message>
    <message>
        <source>This computer&apos;s results are shown; it is tried again every {n} s.</source>
        <translation>Se muestran los resultados de este equipo; se reintenta cada {n} s.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Indexing status</source>
        <translation>Estado de la indexación</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Pause indexing</source>
        <translation>Pausar la indexación</translation>
    </message>
    <message>
        <source>Notes about indexing and model packs</source>
        <translation>Notas sobre la indexación y los paquetes de modelo</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Indexing details and problems</source>
        <translation>Detalles y problemas de la indexación</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Resume indexing</source>
        <translation>Reanudar la indexación</translation>
    </message>
    <message>
        <source>⚠ {n} note</source>
        <translation>⚠ {n} nota</translation>
    </message>
    <message>
        <source>⚠ {n} notes</source>
        <translation>⚠ {n} notas</translation>
    </message>
    <message>
        <source> · {n:,} file could not be read (see Details)</source>
        <translation> · {n:,} archivo no se pudo leer (ver Detalles)</translation>
    </message>
    <message>
        <source> · {n:,} files could not be read (see Details)</source>
        <translation> · {n:,} archivos no se pudieron leer (ver Detalles)</translation>
    </message>
    <message>
        <source>Indexing details</source>
        <translation>Detalles de la indexación</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Problems — files Trove could not read, and why:</source>
        <translation>Problemas — archivos que Trove no pudo leer, y por qué:</translation>
    </message>
    <message>
        <source> — {n} problem in this run</source>
        <translation> — {n} problema en esta pasada</translation>
    </message>
    <message>
        <source> — {n} problems in this run</source>
        <translation> — {n} problemas en esta pasada</translation>
    </message>
    <message>
        <source>Current file: {path}</source>
        <translation>Archivo actual: {path}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Pause indexing</source>
        <translation>Pausar la indexación</translation>
    </message>
    <message>
        <source>Quick search</source>
        <translation>Búsqueda rápida</translation>
    </message>
    <message>
        <source>Quit Trove</source>
        <translation>Salir de Trove</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to Trove</source>
        <translation>Bienvenido a Trove</translation>
    </message>
    <message>
        <source>Trove finds your photos and documents by what they show and say. &lt;b&gt;Everything stays on this computer&lt;/b&gt;: the index, the models and your files never leave it, and Trove works without a network.</source>
        <translation>Trove encuentra sus fotos y documentos por lo que muestran y dicen. &lt;b&gt;Todo se queda en este ordenador&lt;/b&gt;: el índice, los modelos y sus archivos nunca salen de él, y Trove funciona sin red.</translation>
    </message>
    <message>
        <source>It reads the folders you choose in the background and shows your newest files as it goes; you can search from the first minute.</source>
        <translation>Lee en segundo plano las carpetas que elija y va mostrando sus archivos más recientes; puede buscar desde el primer minuto.</translation>
    </message>
    <message>
        <source>Which folders should Trove look in?</source>
        <translation>¿En qué carpetas debe buscar Trove?</translation>
    </message>
    <message>
        <source>Watch {folder}</source>
        <translation>Vigilar {folder}</translation>
    </message>
    <message>
        <source>Start with these folders</source>
        <translation>Empezar con estas carpetas</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Elegir una carpeta…</translation>
    </message>
    <message>
        <source>Start indexing</source>
        <translation>Empezar a indexar</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>Elegir otra carpeta…</translation>
    </message>
    <message>
        <source>Choose another folder</source>
        <translation>Elegir otra carpeta</translation>
    </message>
    <message>
        <source>Model packs installed: {names}</source>
        <translation>Paquetes de modelo instalados: {names}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ninguno aún</translation>
    </message>
    <message>
        <source>No image model pack is installed: photos are found by name, date and text until you add one.</source>
        <translation>No hay ningún paquete de modelo de imágenes instalado: las fotos se encuentran por nombre, fecha y texto hasta que añada uno.</translation>
    </message>
    <message>
        <source>Import model pack…</source>
        <translation>Importar paquete de modelo…</translation>
    </message>
    <message>
        <source>Import model pack</source>
        <translation>Importar paquete de modelo</translation>
    </message>
    <message>
        <source>Get a model…</source>
        <translation>Obtener un modelo…</translation>
    </message>
    <message>
        <source>Download a model for finding photos by what they show, or documents by what they mean</source>
        <translation>Descargar un modelo para encontrar fotos por lo que muestran, o documentos por lo que significan</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>Descartar este mensaje</translation>
    </message>
    <message>
        <source>Get the multilingual model…</source>
        <translation>Obtener el modelo multilingüe…</translation>
    </message>
    <message>
        <source>Choose and download the multilingual document model</source>
        <translation>Elegir y descargar el modelo de documentos multilingüe</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>Keep the current document model</source>
        <translation>Conservar el modelo de documentos actual</translation>
    </message>
    <message>
        <source>This computer is set to {languages}, which the photo model does not understand: photos are found by their names, places and text, not by what they show.</source>
        <translation>Este equipo está configurado en {languages}, que el modelo de fotos no entiende: las fotos se encuentran por su nombre, lugar y texto, no por lo que muestran.</translation>
    </message>
    <message>
        <source>The photo model does not understand searches in {languages}: photos are found by their names, places and text, not by what they show.</source>
        <translation>El modelo de fotos no entiende búsquedas en {languages}: las fotos se encuentran por su nombre, lugar y texto, no por lo que muestran.</translation>
    </message>
    <message>
        <source>The multilingual photo model understands them ({mb:,} MB download). With it, photos are embedded again in the background and the current model answers meanwhile.</source>
        <translation>El modelo de fotos multilingüe las entiende ({mb:,} MB de descarga). Con él, las fotos se vuelven a vectorizar en segundo plano y mientras tanto responde el modelo actual.</translation>
    </message>
    <message>
        <source>Choose and download the multilingual photo model</source>
        <translation>Elegir y descargar el modelo de fotos multilingüe</translation>
    </message>
    <message>
        <source>Keep the current photo model</source>
        <translation>Mantener el modelo de fotos actual</translation>
    </message>
    <message>
        <source>This computer is set to {languages}, which the document model does not understand: documents are found by their words, not by what they mean.</source>
        <translation>Este equipo está configurado en {languages}, que el modelo de documentos no entiende: los documentos se encuentran por sus palabras, no por lo que significan.</translation>
    </message>
    <message>
        <source>Most of your documents are in languages the document model does not understand ({languages}): they are found by their words, not by what they mean.</source>
        <translation>La mayoría de sus documentos están en idiomas que el modelo de documentos no entiende ({languages}): se encuentran por sus palabras, no por lo que significan.</translation>
    </message>
    <message>
        <source>The multilingual model understands them ({mb:,} MB download). With it, passages are embedded again in the background and the current model answers meanwhile.</source>
        <translation>El modelo multilingüe los entiende ({mb:,} MB de descarga). Con él, los pasajes se incrustan de nuevo en segundo plano y mientras tanto responde el modelo actual.</translation>
    </message>
</context>
</TS>
