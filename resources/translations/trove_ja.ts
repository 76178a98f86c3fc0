<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>Browse</name>
    <message>
        <source>Add a folder to begin</source>
        <translation>フォルダーを追加して始めましょう</translation>
    </message>
    <message>
        <source>Trove shows your newest photos and documents here, and finds any of them by what they show and say. Nothing leaves this computer.</source>
        <translation>Trove はここに最新の写真と文書を表示し、写っているものや書かれている内容からどれでも見つけます。このコンピューターの外には何も出ません。</translation>
    </message>
    <message>
        <source>Opening the index…</source>
        <translation>インデックスを開いています…</translation>
    </message>
    <message>
        <source>Your files appear here in a moment.</source>
        <translation>まもなくファイルがここに表示されます。</translation>
    </message>
    <message>
        <source>Reading your files…</source>
        <translation>ファイルを読み込んでいます…</translation>
    </message>
    <message>
        <source>They appear here, newest first, as Trove indexes them. You can search already.</source>
        <translation>Trove がインデックスを作成するにつれて、新しいものから順にここに表示されます。もう検索できます。</translation>
    </message>
    <message>
        <source>No photos or documents found yet</source>
        <translation>写真や文書はまだ見つかっていません</translation>
    </message>
    <message>
        <source>Trove found nothing it can read in the watched folders. Add another folder, or see what happened in the details.</source>
        <translation>監視中のフォルダーに Trove が読めるものは見つかりませんでした。別のフォルダーを追加するか、詳細で状況を確認してください。</translation>
    </message>
    <message>
        <source>Nothing matches these filters</source>
        <translation>これらのフィルターに一致するものはありません</translation>
    </message>
    <message>
        <source>No file has this type, folder, date or place. Clear the filters to see everything.</source>
        <translation>この種類・フォルダー・日付・場所のファイルはありません。すべてを表示するにはフィルターをクリアしてください。</translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>監視するフォルダーを追加</translation>
    </message>
    <message>
        <source>Indexing details</source>
        <translation>インデックスの詳細</translation>
    </message>
    <message>
        <source>Show indexing details</source>
        <translation>インデックスの詳細を表示</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>フィルターをクリア</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>フィルターをクリアする</translation>
    </message>
    <message>
        <source>{n:,} file</source>
        <translation>{n:,} 件のファイル</translation>
    </message>
    <message>
        <source>{n:,} files</source>
        <translation>{n:,} 件のファイル</translation>
    </message>
    <message>
        <source>The newest {shown:,} of {files} — type to search, or narrow with filters</source>
        <translation>{files}のうち最新の {shown:,} 件 — 入力して検索するか、フィルターで絞り込めます</translation>
    </message>
    <message>
        <source>Newest first · {files}</source>
        <translation>新しい順 · {files}</translation>
    </message>
    <message>
        <source> · still indexing: more appear as they are read</source>
        <translation> · インデックス作成中：読み込まれ次第さらに表示されます</translation>
    </message>
</context>
<context>
    <name>DateFilter</name>
    <message>
        <source>Any date</source>
        <translation>すべての日付</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>今週</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>今月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Choose dates</source>
        <translation>日付を選択</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>Photos taken, or files modified, on these days (both included):</source>
        <translation>この期間に撮影された写真、または変更されたファイル（両端の日を含む）：</translation>
    </message>
    <message>
        <source>From</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>期間を指定…</translation>
    </message>
    <message>
        <source>Date filter</source>
        <translation>日付フィルター</translation>
    </message>
    <message>
        <source>Only photos taken, or files modified, in this span</source>
        <translation>この期間に撮影された写真、または変更されたファイルのみ</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>dd MMM yyyy HH:mm</source>
        <translation>yyyy年M月d日 HH:mm</translation>
    </message>
    <message>
        <source>dd MMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
</context>
<context>
    <name>Download</name>
    <message>
        <source>Checking</source>
        <translation>確認中</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>ダウンロード中</translation>
    </message>
    <message>
        <source>Converting to 8-bit</source>
        <translation>8 ビットに変換中</translation>
    </message>
    <message>
        <source>Testing</source>
        <translation>テスト中</translation>
    </message>
    <message>
        <source>Installing</source>
        <translation>インストール中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source> at commit {commit}</source>
        <translation> （コミット {commit}）</translation>
    </message>
    <message>
        <source>into a folder {folder}/: {files} from {url}{at}</source>
        <translation>フォルダー {folder}/ に：{url}{at} の {files}</translation>
    </message>
    <message>
        <source>Without a network you can still add an image model: import a pack (a model&apos;s folder from Trove&apos;s model folder on another computer, or a .zip of it), or download the files of {model} on a computer with a network — {where} — and choose the folder that holds them. Trove checks every file just the same.</source>
        <translation>ネットワークがなくても画像モデルを追加できます：パック（別のコンピューターの Trove のモデルフォルダーにあるモデルのフォルダー、またはその .zip）をインポートするか、ネットワークのあるコンピューターで {model} のファイルをダウンロードして — {where} — それらを含むフォルダーを選んでください。Trove はどのファイルも同じように検証します。</translation>
    </message>
    <message>
        <source>Photos are found by what they show with this model.</source>
        <translation>このモデルで、写真を写っている内容から探せます。</translation>
    </message>
    <message>
        <source>Documents are searched by meaning with this model once it is installed ({n} languages, about {mb:,} MB on disk). Their passages get its vectors in the background; until a passage has one, the model you use now answers for it.</source>
        <translation>インストール後は、このモデルで文書を意味から検索します（{n} 言語、ディスク上で約 {mb:,} MB）。文書の各段落にはバックグラウンドでこのモデルのベクトルが付けられ、付くまでは今のモデルがその段落に答えます。</translation>
    </message>
    <message>
        <source>Get a model</source>
        <translation>モデルを入手</translation>
    </message>
    <message>
        <source>Trove finds photos by what they show, and documents by what they mean, with models. A model is downloaded once from the model hub, checked against its published checksums, converted to 8 bits and tested on this computer. Nothing else is sent, and searching stays offline.</source>
        <translation>Trove はモデルを使って、写真を写っている内容から、文書を意味から探します。モデルはモデルハブから一度だけダウンロードされ、公開されたチェックサムで確認され、8 ビットに変換されてこのコンピューターでテストされます。ほかには何も送信されず、検索はオフラインのままです。</translation>
    </message>
    <message>
        <source>Model to download</source>
        <translation>ダウンロードするモデル</translation>
    </message>
    <message>
        <source>{model} — {mb:,} MB download, {licence}</source>
        <translation>{model} — ダウンロード {mb:,} MB、{licence}</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>接続を確認しています…</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>ダウンロードの進行状況</translation>
    </message>
    <message>
        <source>Import a pack file…</source>
        <translation>パックファイルをインポート…</translation>
    </message>
    <message>
        <source>Import downloaded model files…</source>
        <translation>ダウンロード済みのモデルファイルをインポート…</translation>
    </message>
    <message>
        <source>Import model files downloaded on another computer</source>
        <translation>別のコンピューターでダウンロードしたモデルファイルをインポート</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>ダウンロード</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Getting {model}…</source>
        <translation>{model} を取得しています…</translation>
    </message>
    <message>
        <source>Folder with the files of {model}</source>
        <translation>{model} のファイルがあるフォルダー</translation>
    </message>
    <message>
        <source>Importing {model} from {folder}…</source>
        <translation>{folder} から {model} をインポートしています…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>停止しています…</translation>
    </message>
    <message>
        <source>Ready to download from {host}.</source>
        <translation>{host} からダウンロードできます。</translation>
    </message>
    <message>
        <source>No network: {why}.</source>
        <translation>ネットワークがありません：{why}。</translation>
    </message>
    <message>
        <source>Installed {name}. Your photos are being embedded with it in the background; you can keep searching meanwhile.</source>
        <translation>{name} をインストールしました。写真はバックグラウンドでこのモデルによって埋め込まれます。その間も検索を続けられます。</translation>
    </message>
    <message>
        <source>Installed {name}. Your documents&apos; passages are being embedded with it in the background; the previous model answers for them meanwhile.</source>
        <translation>{name} をインストールしました。文書の段落はバックグラウンドでこのモデルにより埋め込まれます。その間は前のモデルが答えます。</translation>
    </message>
    <message>
        <source>{family}, {dim} dimensions, {licence} · {source}</source>
        <translation>{family}、{dim} 次元、{licence} · {source}</translation>
    </message>
    <message>
        <source>Not installed: {why}</source>
        <translation>インストールされませんでした：{why}</translation>
    </message>
    <message>
        <source>Stopped. What was downloaded is kept: Download continues where it stopped, also after Trove was closed.</source>
        <translation>停止しました。ダウンロード済みの分は保持されます。「ダウンロード」で停止した所から再開できます（Trove を閉じた後でも）。</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>{n} copies · {size} to free</source>
        <translation>{n} 個のコピー · {size} を解放可能</translation>
    </message>
    <message>
        <source>Best copy</source>
        <translation>最良のコピー</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation>他 {n} 件</translation>
    </message>
    <message>
        <source>Groups of near-duplicate photos</source>
        <translation>ほぼ同じ写真のグループ</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>フォルダーに表示</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重複</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>再検索</translation>
    </message>
    <message>
        <source>Look for near-duplicates again</source>
        <translation>ほぼ同じ写真をもう一度探す</translation>
    </message>
    <message>
        <source>Back to search</source>
        <translation>検索に戻る</translation>
    </message>
    <message>
        <source>Looking for near-duplicate photos…</source>
        <translation>ほぼ同じ写真を探しています…</translation>
    </message>
    <message>
        <source> {n:,} photos are still being checked; look again when indexing is done.</source>
        <translation> {n:,} 枚の写真はまだ確認中です。インデックス作成が終わったらもう一度探してください。</translation>
    </message>
    <message>
        <source>{n:,} group</source>
        <translation>{n:,} グループ</translation>
    </message>
    <message>
        <source>{n:,} groups</source>
        <translation>{n:,} グループ</translation>
    </message>
    <message>
        <source>{groups} among {photos:,} photos · {size} to free by keeping only the best copies.{pending}</source>
        <translation>{photos:,} 枚の写真のうち {groups} · 最良のコピーだけを残すと {size} を解放できます。{pending}</translation>
    </message>
    <message>
        <source>No near-duplicates found among {photos:,} photos.</source>
        <translation>{photos:,} 枚の写真にほぼ同じものは見つかりませんでした。</translation>
    </message>
</context>
<context>
    <name>Folders</name>
    <message>
        <source>Watched folders</source>
        <translation>監視中のフォルダー</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Add a watched folder</source>
        <translation>監視するフォルダーを追加</translation>
    </message>
    <message>
        <source>Stop watching the selected folder</source>
        <translation>選択したフォルダーの監視をやめる</translation>
    </message>
    <message>
        <source>e.g. *.tmp, Screenshots, /home/me/Private</source>
        <translation>例：*.tmp, Screenshots, /home/me/Private</translation>
    </message>
    <message>
        <source>Exclusion patterns</source>
        <translation>除外パターン</translation>
    </message>
    <message>
        <source>Trove watches these folders and keeps its index current:</source>
        <translation>Trove はこれらのフォルダーを監視し、インデックスを最新に保ちます：</translation>
    </message>
    <message>
        <source>Skip files and folders matching (comma separated):</source>
        <translation>次に一致するファイルとフォルダーをスキップ（カンマ区切り）：</translation>
    </message>
    <message>
        <source>Hidden files, .git, node_modules, caches and Trove&apos;s own folders are always skipped.</source>
        <translation>隠しファイル、.git、node_modules、キャッシュ、Trove 自身のフォルダーは常にスキップされます。</translation>
    </message>
    <message>
        <source>{folder} — new</source>
        <translation>{folder} — 新規</translation>
    </message>
    <message>
        <source>watched</source>
        <translation>監視中</translation>
    </message>
    <message>
        <source>not available (unplugged?)</source>
        <translation>利用できません（取り外されましたか？）</translation>
    </message>
    <message>
        <source>checked every 30 s (watch limit reached)</source>
        <translation>30 秒ごとに確認（監視の上限に達しました）</translation>
    </message>
    <message>
        <source>{folder} — {photos} photos, {documents} documents, {problems} problems · {state}</source>
        <translation>{folder} — 写真 {photos} 枚、文書 {documents} 件、問題 {problems} 件 · {state}</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>監視するフォルダーを追加</translation>
    </message>
    <message>
        <source>{folder} is watched already.</source>
        <translation>{folder} はすでに監視されています。</translation>
    </message>
    <message>
        <source>{folder} is watched already, as part of {holder}.</source>
        <translation>{folder} は {holder} の一部としてすでに監視されています。</translation>
    </message>
    <message>
        <source>{folder} now covers {folders}.</source>
        <translation>{folder} は {folders} を含むようになりました。</translation>
    </message>
</context>
<context>
    <name>Host</name>
    <message>
        <source>Add a folder to start</source>
        <translation>フォルダーを追加して始めましょう</translation>
    </message>
    <message>
        <source>Indexing stopped: {reason}</source>
        <translation>インデックス作成が停止しました：{reason}</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>Resuming</source>
        <translation>再開しています</translation>
    </message>
    <message>
        <source>Search failed: {reason}</source>
        <translation>検索に失敗しました：{reason}</translation>
    </message>
    <message>
        <source>Getting the image model failed: {reason}</source>
        <translation>画像モデルを取得できませんでした：{reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Images ({patterns})</source>
        <translation>画像 ({patterns})</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <source>Watched folders…</source>
        <translation>監視中のフォルダー…</translation>
    </message>
    <message>
        <source>Import model pack…</source>
        <translation>モデルパックをインポート…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>Automatic layout</source>
        <translation>自動レイアウト</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>グリッド</translation>
    </message>
    <message>
        <source>List</source>
        <translation>リスト</translation>
    </message>
    <message>
        <source>Indexing details and problems</source>
        <translation>インデックスの詳細と問題</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重複</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>検索(&amp;S)</translation>
    </message>
    <message>
        <source>Paste image as query</source>
        <translation>画像を貼り付けて検索</translation>
    </message>
    <message>
        <source>Search with an image file…</source>
        <translation>画像ファイルで検索…</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>似たものを探す</translation>
    </message>
    <message>
        <source>Search with an image</source>
        <translation>画像で検索</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>監視するフォルダーを追加</translation>
    </message>
    <message>
        <source>Import a model pack</source>
        <translation>モデルパックをインポート</translation>
    </message>
    <message>
        <source>Model packs ({patterns})</source>
        <translation>モデルパック ({patterns})</translation>
    </message>
    <message>
        <source>Trove cannot open its index</source>
        <translation>Trove はインデックスを開けません</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>“{name}” is in the shared library {library}, at {path}, which this computer cannot read. Its address is on the clipboard.</source>
        <translation>「{name}」は共有ライブラリ {library} の {path} にあり、このコンピューターからは読み取れません。アドレスをクリップボードにコピーしました。</translation>
    </message>
    <message>
        <source>“{name}” is no longer in {folder}: it was moved or deleted. Trove takes it out of the results as soon as it notices.</source>
        <translation>「{name}」はもう {folder} にありません：移動または削除されました。Trove は気づき次第、検索結果から外します。</translation>
    </message>
    <message>
        <source>Trove asked the desktop to show the folder {folder}, but no file manager answered. Its path is on the clipboard: paste it into a file manager or a terminal.</source>
        <translation>Trove はデスクトップにフォルダー {folder} の表示を求めましたが、ファイルマネージャーが応答しませんでした。パスはクリップボードにあります：ファイルマネージャーか端末に貼り付けてください。</translation>
    </message>
    <message>
        <source>{ext} files</source>
        <translation>{ext} ファイル</translation>
    </message>
    <message>
        <source>this kind of file</source>
        <translation>この種類のファイル</translation>
    </message>
    <message>
        <source>Trove asked the desktop to open “{name}”, but no program is set to open {kind}. Set one in your desktop&apos;s settings (Default applications), or open it from your file manager: it is in {folder} (the path is on the clipboard).</source>
        <translation>Trove はデスクトップに「{name}」を開くよう求めましたが、{kind}を開くプログラムが設定されていません。デスクトップの設定（既定のアプリケーション）で設定するか、ファイルマネージャーから開いてください：ファイルは {folder} にあります（パスはクリップボードにあります）。</translation>
    </message>
    <message>
        <source>Cannot show the folder</source>
        <translation>フォルダーを表示できません</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>ファイルを開けません</translation>
    </message>
</context>
<context>
    <name>Packs</name>
    <message>
        <source>Cannot read the model packs: {reason}</source>
        <translation>モデルパックを読み込めません：{reason}</translation>
    </message>
    <message>
        <source>Cannot import this pack</source>
        <translation>このパックをインポートできません</translation>
    </message>
    <message>
        <source>Trove&apos;s index could not be opened</source>
        <translation>Trove のインデックスを開けませんでした</translation>
    </message>
    <message>
        <source>Installed {name}; documents get their new vectors in the background</source>
        <translation>{name} をインストールしました。文書の新しいベクトルはバックグラウンドで作られます</translation>
    </message>
    <message>
        <source>Installed {name}; photos get their new vectors in the background</source>
        <translation>{name} をインストールしました。写真の新しいベクトルはバックグラウンドで作成されます</translation>
    </message>
    <message>
        <source>Removed {name}</source>
        <translation>{name} を削除しました</translation>
    </message>
    <message>
        <source>Cannot remove</source>
        <translation>削除できません</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Taken {when}</source>
        <translation>撮影 {when}</translation>
    </message>
    <message>
        <source>Modified {when}</source>
        <translation>更新 {when}</translation>
    </message>
    <message>
        <source>Select a result to preview it</source>
        <translation>結果を選択するとプレビューが表示されます</translation>
    </message>
    <message>
        <source>Image preview</source>
        <translation>画像のプレビュー</translation>
    </message>
    <message>
        <source>Matching passage</source>
        <translation>一致した箇所</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>フォルダーに表示</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>パスをコピー</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>画像をコピー</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>似たものを探す</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>ファイルを開く</translation>
    </message>
    <message>
        <source>Text in the picture</source>
        <translation>画像内のテキスト</translation>
    </message>
    <message>
        <source>{width} × {height} px</source>
        <translation>{width} × {height} ピクセル</translation>
    </message>
    <message>
        <source>Place: {place}</source>
        <translation>場所：{place}</translation>
    </message>
    <message>
        <source>Page {page}</source>
        <translation>{page} ページ</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>Beginning</source>
        <translation>冒頭</translation>
    </message>
    <message>
        <source>(no text matched; the file name did)</source>
        <translation>（一致したテキストはありません。ファイル名が一致しました）</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>（テキストなし）</translation>
    </message>
    <message>
        <source>From the library {uri}</source>
        <translation>ライブラリ {uri} から</translation>
    </message>
    <message>
        <source>Why: {why}</source>
        <translation>理由：{why}</translation>
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
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>This image cannot be shown</source>
        <translation>この画像は表示できません</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>コピー中…</translation>
    </message>
    <message>
        <source>Cannot copy</source>
        <translation>コピーできません</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
</context>
<context>
    <name>QuickLook</name>
    <message>
        <source>Quick look</source>
        <translation>クイックルック</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>Undated</source>
        <translation>日付なし</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨日</translation>
    </message>
    <message>
        <source>{day} {month}</source>
        <translation>{month}{day}日</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{year}年{month}{day}日</translation>
    </message>
    <message>
        <source>, from the library {uri}</source>
        <translation>、ライブラリ {uri} から</translation>
    </message>
    <message>
        <source>strong match</source>
        <translation>強い一致</translation>
    </message>
    <message>
        <source>weaker match</source>
        <translation>弱い一致</translation>
    </message>
    <message>
        <source>{n} file</source>
        <translation>{n} 件のファイル</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} 件のファイル</translation>
    </message>
    <message>
        <source>{n} near-duplicate stacked here:</source>
        <translation>ほぼ同じファイル {n} 件をここにまとめています：</translation>
    </message>
    <message>
        <source>{n} near-duplicates stacked here:</source>
        <translation>ほぼ同じファイル {n} 件をここにまとめています：</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>最近のファイル</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>検索結果</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>No matches. {note}</source>
        <translation>一致なし。{note}</translation>
    </message>
    <message>
        <source>No confident match — these are only the closest files (dimmed).</source>
        <translation>確かな一致はありません — 最も近いファイルを表示しています（薄く表示）。</translation>
    </message>
    <message>
        <source>{n} strong match first; {weak} weaker (dimmed) after them.</source>
        <translation>強い一致 {n} 件が先、弱い一致 {weak} 件（薄く表示）が後です。</translation>
    </message>
    <message>
        <source>{n} strong matches first; {weak} weaker (dimmed) after them.</source>
        <translation>強い一致 {n} 件が先、弱い一致 {weak} 件（薄く表示）が後です。</translation>
    </message>
    <message>
        <source>Opening the index…</source>
        <translation>インデックスを開いています…</translation>
    </message>
    <message>
        <source>{n} results in {ms:.0f} ms</source>
        <translation>{n} 件の結果（{ms:.0f} ミリ秒）</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>&lt;b&gt;Search tips&lt;/b&gt;&lt;br&gt;&lt;code&gt;beach at sunset&lt;/code&gt; — describe what you look for&lt;br&gt;&lt;code&gt;&quot;exact phrase&quot;&lt;/code&gt; — these words, in this order&lt;br&gt;&lt;code&gt;-word&lt;/code&gt; — leave out results with this word&lt;br&gt;&lt;code&gt;--preserve-root&lt;/code&gt;, &lt;code&gt;-rf&lt;/code&gt; — a flag is looked for; &lt;code&gt;not:--force&lt;/code&gt; leaves one out&lt;br&gt;&lt;code&gt;2:sunset + dog - people&lt;/code&gt; — weigh, add and subtract ideas (photos)&lt;br&gt;&lt;code&gt;type:photo&lt;/code&gt;, &lt;code&gt;type:document&lt;/code&gt;, &lt;code&gt;type:pdf&lt;/code&gt;&lt;br&gt;&lt;code&gt;in:Holidays&lt;/code&gt; — only in this folder · &lt;code&gt;place:Lisbon&lt;/code&gt;&lt;br&gt;&lt;code&gt;after:2023-05&lt;/code&gt;, &lt;code&gt;before:2024&lt;/code&gt; — by date taken or modified&lt;br&gt;Drop or paste an image to find look-alikes; type words with it to change it (&lt;code&gt;at night&lt;/code&gt;, &lt;code&gt;in winter&lt;/code&gt;).&lt;br&gt;Results that match well come first; weaker ones are dimmed.</source>
        <translation>&lt;b&gt;検索のヒント&lt;/b&gt;&lt;br&gt;&lt;code&gt;夕暮れの海辺&lt;/code&gt; — 探しているものを説明します&lt;br&gt;&lt;code&gt;&quot;完全一致のフレーズ&quot;&lt;/code&gt; — これらの語をこの順序で&lt;br&gt;&lt;code&gt;-語&lt;/code&gt; — この語を含む結果を除外&lt;br&gt;&lt;code&gt;--preserve-root&lt;/code&gt;、&lt;code&gt;-rf&lt;/code&gt; — オプションを検索します。&lt;code&gt;not:--force&lt;/code&gt; で除外&lt;br&gt;&lt;code&gt;2:夕日 + 犬 - 人&lt;/code&gt; — 概念に重みを付け、足し、引きます（写真）&lt;br&gt;&lt;code&gt;type:photo&lt;/code&gt;、&lt;code&gt;type:document&lt;/code&gt;、&lt;code&gt;type:pdf&lt;/code&gt;&lt;br&gt;&lt;code&gt;in:休暇&lt;/code&gt; — このフォルダー内のみ · &lt;code&gt;place:リスボン&lt;/code&gt;&lt;br&gt;&lt;code&gt;after:2023-05&lt;/code&gt;、&lt;code&gt;before:2024&lt;/code&gt; — 撮影日または更新日で&lt;br&gt;画像をドロップまたは貼り付けると似たものを探します。語を添えると変化させられます（&lt;code&gt;夜&lt;/code&gt;、&lt;code&gt;冬&lt;/code&gt;）。&lt;br&gt;よく一致する結果が先に並び、弱いものは薄く表示されます。</translation>
    </message>
    <message>
        <source>Search photos and documents — e.g. receipt from the hardware store</source>
        <translation>写真と文書を検索 — 例：ホームセンターのレシート</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Ctrl+K or Ctrl+F to come back here · ↓ to the results · Alt+↓ recent searches · Esc to clear</source>
        <translation>Ctrl+K または Ctrl+F でここに戻る · ↓ で結果へ · Alt+↓ で最近の検索 · Esc でクリア</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>写真</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>Type filter</source>
        <translation>種類フィルター</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <source>Folder filter</source>
        <translation>フォルダーフィルター</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Place filter</source>
        <translation>場所フィルター</translation>
    </message>
    <message>
        <source>Only photos taken in this place (a town, region or country)</source>
        <translation>この場所（町、地域、国）で撮影された写真のみ</translation>
    </message>
    <message>
        <source>Search tips</source>
        <translation>検索のヒント</translation>
    </message>
    <message>
        <source>Clear image</source>
        <translation>画像をクリア</translation>
    </message>
    <message>
        <source>Stop searching by image</source>
        <translation>画像での検索をやめる</translation>
    </message>
    <message>
        <source>Strength of the words on the image</source>
        <translation>画像に対する語の強さ</translation>
    </message>
    <message>
        <source>How far the words you type move the image query: left keeps the image, right follows the words</source>
        <translation>入力した語が画像検索をどれだけ動かすか：左は画像のまま、右は語に従います</translation>
    </message>
    <message>
        <source>Words: {value:.1f}×</source>
        <translation>語：{value:.1f}×</translation>
    </message>
    <message>
        <source>Searching by image: {name} — add words to refine</source>
        <translation>画像で検索中：{name} — 語を加えて絞り込めます</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>cannot write settings {path}: {reason}</source>
        <translation>設定 {path} を書き込めません：{reason}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Installed model packs</source>
        <translation>インストール済みのモデルパック</translation>
    </message>
    <message>
        <source>Active image pack</source>
        <translation>使用中の画像パック</translation>
    </message>
    <message>
        <source>Document pack that answers</source>
        <translation>応答する文書パック</translation>
    </message>
    <message>
        <source>Reading the model packs…</source>
        <translation>モデルパックを読み込んでいます…</translation>
    </message>
    <message>
        <source>Best installed</source>
        <translation>インストール済みで最良のもの</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>既定</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>インポート…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Get a model…</source>
        <translation>モデルを入手…</translation>
    </message>
    <message>
        <source>Download a model for finding photos by what they show, or documents by what they mean</source>
        <translation>写っているものから写真を、意味から文書を探すためのモデルをダウンロードします</translation>
    </message>
    <message>
        <source>Import a model pack</source>
        <translation>モデルパックをインポート</translation>
    </message>
    <message>
        <source>Remove the selected model pack</source>
        <translation>選択したモデルパックを削除</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Threads for indexing</source>
        <translation>インデックス作成のスレッド数</translation>
    </message>
    <message>
        <source>Pause indexing while on battery</source>
        <translation>バッテリー駆動中はインデックス作成を一時停止</translation>
    </message>
    <message>
        <source>Read the text in photos, screenshots and scanned pages</source>
        <translation>写真、スクリーンショット、スキャンしたページの文字を読み取る</translation>
    </message>
    <message>
        <source>After new files are indexed, Trove reads the words in pictures so that they can be searched. It runs last, on one CPU thread.</source>
        <translation>新しいファイルのインデックス作成後、Trove は画像内の文字を読み取って検索できるようにします。最後に、CPU スレッド 1 つで実行されます。</translation>
    </message>
    <message>
        <source>Start Trove when I log in</source>
        <translation>ログイン時に Trove を起動</translation>
    </message>
    <message>
        <source>Not supported on this system yet</source>
        <translation>このシステムではまだサポートされていません</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>ウィンドウの言語</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>システム（{language}）</translation>
    </message>
    <message>
        <source>A new language shows at the next start.</source>
        <translation>新しい言語は次回の起動時に反映されます。</translation>
    </message>
    <message>
        <source>Image pack:</source>
        <translation>画像パック：</translation>
    </message>
    <message>
        <source>Document pack:</source>
        <translation>文書パック:</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>CPU スレッド：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>テーマ：</translation>
    </message>
    <message>
        <source>Follows the system (light or dark)</source>
        <translation>システムに従う（ライトまたはダーク）</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語：</translation>
    </message>
    <message>
        <source>Model packs:</source>
        <translation>モデルパック：</translation>
    </message>
    <message>
        <source>Shared libraries (searched with this index):</source>
        <translation>共有ライブラリ（このインデックスと一緒に検索）：</translation>
    </message>
    <message>
        <source>Shared libraries</source>
        <translation>共有ライブラリ</translation>
    </message>
    <message>
        <source>s3://bucket/library, or a shared folder</source>
        <translation>s3://bucket/library または共有フォルダー</translation>
    </message>
    <message>
        <source>Address of a library</source>
        <translation>ライブラリのアドレス</translation>
    </message>
    <message>
        <source>Add library</source>
        <translation>ライブラリを追加</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>フォルダー…</translation>
    </message>
    <message>
        <source>Choose a library&apos;s folder</source>
        <translation>ライブラリのフォルダーを選ぶ</translation>
    </message>
    <message>
        <source>Remove library</source>
        <translation>ライブラリを外す</translation>
    </message>
    <message>
        <source>Libraries are read, never changed. Trove keeps only their addresses: for s3:// the credentials come from your system&apos;s usual places (the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY variables, or ~/.aws/credentials and ~/.aws/config), and a store other than Amazon&apos;s from AWS_ENDPOINT_URL.</source>
        <translation>ライブラリは読み取るだけで、変更しません。Trove が保存するのはアドレスだけです。s3:// の認証情報はシステムの通常の場所（環境変数 AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY、または ~/.aws/credentials と ~/.aws/config）から、Amazon 以外のストレージは AWS_ENDPOINT_URL から読み込まれます。</translation>
    </message>
    <message>
        <source>searched after OK</source>
        <translation>OK の後に検索されます</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>利用可能</translation>
    </message>
    <message>
        <source>unreachable: {reason}</source>
        <translation>接続できません：{reason}</translation>
    </message>
    <message>
        <source>waiting for its first answer…</source>
        <translation>最初の応答を待っています…</translation>
    </message>
    <message>
        <source>A shared library&apos;s folder</source>
        <translation>共有ライブラリのフォルダー</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>同梱</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>インストール済み</translation>
    </message>
    <message>
        <source>{name} — {family}, {dim}-d, {precision}, {where} · {licence}</source>
        <translation>{name} — {family}、{dim} 次元、{precision}、{where} · {licence}</translation>
    </message>
    <message>
        <source>No model packs installed yet</source>
        <translation>モデルパックはまだインストールされていません</translation>
    </message>
    <message>
        <source>Remove pack</source>
        <translation>パックを削除</translation>
    </message>
    <message>
        <source>Remove the model pack {name}?</source>
        <translation>モデルパック {name} を削除しますか？</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Watching for changes</source>
        <translation>変更を監視しています</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>最新の状態です</translation>
    </message>
    <message>
        <source>Read the text in pictures</source>
        <translation>画像内の文字を読み取っています</translation>
    </message>
    <message>
        <source>Scanning</source>
        <translation>スキャン中</translation>
    </message>
    <message>
        <source>Indexing</source>
        <translation>インデックス作成中</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>about {n} min left</source>
        <translation>残り約 {n} 分</translation>
    </message>
    <message>
        <source>about {n} s left</source>
        <translation>残り約 {n} 秒</translation>
    </message>
    <message>
        <source>, {time_left} for this step</source>
        <translation>、この段階の{time_left}</translation>
    </message>
    <message>
        <source>New document model: {done:,} of {total:,} passages embedded again ({rate:.0f}/s{eta}); the previous model answers meanwhile</source>
        <translation>新しい文書モデル: {total:,} 段落中 {done:,} 段落を埋め込み直し済み（{rate:.0f}/秒{eta}）。その間は前のモデルが答えます</translation>
    </message>
    <message>
        <source>Adding meaning: {done:,} of {total:,} passages ({rate:.0f}/s{eta}); searchable by words meanwhile</source>
        <translation>意味を付加中：{total:,} 件中 {done:,} 件の箇所（{rate:.0f}/秒{eta}）。その間も語で検索できます</translation>
    </message>
    <message>
        <source>Reading files (words first): {done:,} of {total:,} ({rate:.1f} files/s{eta})</source>
        <translation>ファイルを読み込み中（語を先に）：{total:,} 件中 {done:,} 件（{rate:.1f} ファイル/秒{eta}）</translation>
    </message>
    <message>
        <source>Shared libraries that cannot be searched</source>
        <translation>検索できない共有ライブラリ</translation>
    </message>
    <message>
        <source>Library {uri} unreachable: {reason}</source>
        <translation>ライブラリ {uri} に接続できません：{reason}</translation>
    </message>
    <message>
        <source>⚠ {n} library unreachable</source>
        <translation>⚠ {n} 件のライブラリに接続できません</translation>
    </message>
    <message>
        <source>⚠ {n} libraries unreachable</source>
        <translation>⚠ {n} 件のライブラリに接続できません</translation>
    </message>
    <message>
        <source>This computer&apos;s results are shown; it is tried again every {n} s.</source>
        <translation>このコンピューターの結果を表示しています。{n} 秒ごとに再試行します。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>起動しています…</translation>
    </message>
    <message>
        <source>Indexing status</source>
        <translation>インデックスの状態</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Pause indexing</source>
        <translation>インデックス作成を一時停止</translation>
    </message>
    <message>
        <source>Notes about indexing and model packs</source>
        <translation>インデックス作成とモデルパックに関するお知らせ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Indexing details and problems</source>
        <translation>インデックスの詳細と問題</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Resume indexing</source>
        <translation>インデックス作成を再開</translation>
    </message>
    <message>
        <source>⚠ {n} note</source>
        <translation>⚠ お知らせ {n} 件</translation>
    </message>
    <message>
        <source>⚠ {n} notes</source>
        <translation>⚠ お知らせ {n} 件</translation>
    </message>
    <message>
        <source> · {n:,} file could not be read (see Details)</source>
        <translation> · {n:,} 件のファイルを読み込めませんでした（詳細を参照）</translation>
    </message>
    <message>
        <source> · {n:,} files could not be read (see Details)</source>
        <translation> · {n:,} 件のファイルを読み込めませんでした（詳細を参照）</translation>
    </message>
    <message>
        <source>Indexing details</source>
        <translation>インデックスの詳細</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>フォルダーに表示</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <source>Problems — files Trove could not read, and why:</source>
        <translation>問題 — Trove が読み込めなかったファイルとその理由：</translation>
    </message>
    <message>
        <source> — {n} problem in this run</source>
        <translation> — 今回の実行で問題 {n} 件</translation>
    </message>
    <message>
        <source> — {n} problems in this run</source>
        <translation> — 今回の実行で問題 {n} 件</translation>
    </message>
    <message>
        <source>Current file: {path}</source>
        <translation>現在のファイル：{path}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Pause indexing</source>
        <translation>インデックス作成を一時停止</translation>
    </message>
    <message>
        <source>Quick search</source>
        <translation>クイック検索</translation>
    </message>
    <message>
        <source>Quit Trove</source>
        <translation>Trove を終了</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to Trove</source>
        <translation>Trove へようこそ</translation>
    </message>
    <message>
        <source>Trove finds your photos and documents by what they show and say. &lt;b&gt;Everything stays on this computer&lt;/b&gt;: the index, the models and your files never leave it, and Trove works without a network.</source>
        <translation>Trove は写っているものや書かれている内容から、あなたの写真と文書を見つけます。&lt;b&gt;すべてはこのコンピューターの中に留まります&lt;/b&gt;：インデックスもモデルもファイルも外に出ることはなく、Trove はネットワークなしで動作します。</translation>
    </message>
    <message>
        <source>It reads the folders you choose in the background and shows your newest files as it goes; you can search from the first minute.</source>
        <translation>選んだフォルダーをバックグラウンドで読み込み、読み込みながら最新のファイルを表示します。最初の 1 分から検索できます。</translation>
    </message>
    <message>
        <source>Which folders should Trove look in?</source>
        <translation>Trove はどのフォルダーを探しますか？</translation>
    </message>
    <message>
        <source>Watch {folder}</source>
        <translation>{folder} を監視</translation>
    </message>
    <message>
        <source>Start with these folders</source>
        <translation>これらのフォルダーで始める</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>フォルダーを選択…</translation>
    </message>
    <message>
        <source>Start indexing</source>
        <translation>インデックス作成を開始</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>別のフォルダーを選択…</translation>
    </message>
    <message>
        <source>Choose another folder</source>
        <translation>別のフォルダーを選択</translation>
    </message>
    <message>
        <source>Model packs installed: {names}</source>
        <translation>インストール済みのモデルパック：{names}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>まだありません</translation>
    </message>
    <message>
        <source>No image model pack is installed: photos are found by name, date and text until you add one.</source>
        <translation>画像モデルパックがインストールされていません：追加するまでは、写真は名前・日付・テキストで見つけます。</translation>
    </message>
    <message>
        <source>Import model pack…</source>
        <translation>モデルパックをインポート…</translation>
    </message>
    <message>
        <source>Import model pack</source>
        <translation>モデルパックをインポート</translation>
    </message>
    <message>
        <source>Get a model…</source>
        <translation>モデルを入手…</translation>
    </message>
    <message>
        <source>Download a model for finding photos by what they show, or documents by what they mean</source>
        <translation>写っているものから写真を、意味から文書を探すためのモデルをダウンロードします</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>このメッセージを閉じる</translation>
    </message>
    <message>
        <source>Get the multilingual model…</source>
        <translation>多言語モデルを入手…</translation>
    </message>
    <message>
        <source>Choose and download the multilingual document model</source>
        <translation>多言語の文書モデルを選んでダウンロード</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>今はしない</translation>
    </message>
    <message>
        <source>Keep the current document model</source>
        <translation>今の文書モデルのままにする</translation>
    </message>
    <message>
        <source>This computer is set to {languages}, which the photo model does not understand: photos are found by their names, places and text, not by what they show.</source>
        <translation>このコンピューターは{languages}に設定されていますが、写真モデルはこの言語を理解しません。写真は名前・場所・文字で見つかりますが、写っている内容では見つかりません。</translation>
    </message>
    <message>
        <source>The photo model does not understand searches in {languages}: photos are found by their names, places and text, not by what they show.</source>
        <translation>写真モデルは{languages}での検索を理解しません。写真は名前・場所・文字で見つかりますが、写っている内容では見つかりません。</translation>
    </message>
    <message>
        <source>The multilingual photo model understands them ({mb:,} MB download). With it, photos are embedded again in the background and the current model answers meanwhile.</source>
        <translation>多言語の写真モデルはこれらを理解します（ダウンロード {mb:,} MB）。導入すると写真はバックグラウンドでベクトル化し直され、その間は現在のモデルが応答します。</translation>
    </message>
    <message>
        <source>Choose and download the multilingual photo model</source>
        <translation>多言語の写真モデルを選んでダウンロードする</translation>
    </message>
    <message>
        <source>Keep the current photo model</source>
        <translation>現在の写真モデルを使い続ける</translation>
    </message>
    <message>
        <source>This computer is set to {languages}, which the document model does not understand: documents are found by their words, not by what they mean.</source>
        <translation>このコンピューターは {languages} に設定されていますが、文書モデルはこの言語を理解しません。文書は意味ではなく単語で見つかります。</translation>
    </message>
    <message>
        <source>Most of your documents are in languages the document model does not understand ({languages}): they are found by their words, not by what they mean.</source>
        <translation>文書の多くは、文書モデルが理解しない言語（{languages}）で書かれています。意味ではなく単語で見つかります。</translation>
    </message>
    <message>
        <source>The multilingual model understands them ({mb:,} MB download). With it, passages are embedded again in the background and the current model answers meanwhile.</source>
        <translation>多言語モデルならこれらを理解します（ダウンロード {mb:,} MB）。使うと段落はバックグラウンドで埋め込み直され、その間は今のモデルが答えます。</translation>
    </message>
</context>
</TS>
