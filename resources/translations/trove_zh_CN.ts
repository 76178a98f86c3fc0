<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Browse</name>
    <message>
        <source>Add a folder to begin</source>
        <translation>添加一个文件夹即可开始</translation>
    </message>
    <message>
        <source>Trove shows your newest photos and documents here, and finds any of them by what they show and say. Nothing leaves this computer.</source>
        <translation>Trove 在这里显示你最新的照片和文档，并能根据内容和画面找到其中任何一个。任何数据都不会离开这台电脑。</translation>
    </message>
    <message>
        <source>Opening the index…</source>
        <translation>正在打开索引…</translation>
    </message>
    <message>
        <source>Your files appear here in a moment.</source>
        <translation>你的文件稍后就会显示在这里。</translation>
    </message>
    <message>
        <source>Reading your files…</source>
        <translation>正在读取你的文件…</translation>
    </message>
    <message>
        <source>They appear here, newest first, as Trove indexes them. You can search already.</source>
        <translation>Trove 建立索引时，文件会按从新到旧的顺序显示在这里。现在已经可以搜索了。</translation>
    </message>
    <message>
        <source>No photos or documents found yet</source>
        <translation>尚未找到照片或文档</translation>
    </message>
    <message>
        <source>Trove found nothing it can read in the watched folders. Add another folder, or see what happened in the details.</source>
        <translation>Trove 在监视的文件夹中没有找到可读取的内容。请添加其他文件夹，或在详细信息中查看发生了什么。</translation>
    </message>
    <message>
        <source>Nothing matches these filters</source>
        <translation>没有符合这些筛选条件的内容</translation>
    </message>
    <message>
        <source>No file has this type, folder, date or place. Clear the filters to see everything.</source>
        <translation>没有文件符合此类型、文件夹、日期或地点。清除筛选条件即可查看全部。</translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>添加要监视的文件夹</translation>
    </message>
    <message>
        <source>Indexing details</source>
        <translation>索引详细信息</translation>
    </message>
    <message>
        <source>Show indexing details</source>
        <translation>显示索引详细信息</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>清除筛选条件</translation>
    </message>
    <message>
        <source>{n:,} file</source>
        <translation>{n:,} 个文件</translation>
    </message>
    <message>
        <source>{n:,} files</source>
        <translation>{n:,} 个文件</translation>
    </message>
    <message>
        <source>The newest {shown:,} of {files} — type to search, or narrow with filters</source>
        <translation>{files}中最新的 {shown:,} 个 — 输入文字即可搜索，或用筛选条件缩小范围</translation>
    </message>
    <message>
        <source>Newest first · {files}</source>
        <translation>最新的在前 · {files}</translation>
    </message>
    <message>
        <source> · still indexing: more appear as they are read</source>
        <translation> · 仍在建立索引：读取后会显示更多</translation>
    </message>
</context>
<context>
    <name>DateFilter</name>
    <message>
        <source>Any date</source>
        <translation>任意日期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Choose dates</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Photos taken, or files modified, on these days (both included):</source>
        <translation>在这些日期拍摄的照片或修改的文件（含首尾两天）：</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>自定义范围…</translation>
    </message>
    <message>
        <source>Date filter</source>
        <translation>日期筛选</translation>
    </message>
    <message>
        <source>Only photos taken, or files modified, in this span</source>
        <translation>仅显示在此期间拍摄的照片或修改的文件</translation>
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
        <translation>正在检查</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <source>Converting to 8-bit</source>
        <translation>正在转换为 8 位</translation>
    </message>
    <message>
        <source>Testing</source>
        <translation>正在测试</translation>
    </message>
    <message>
        <source>Installing</source>
        <translation>正在安装</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source> at commit {commit}</source>
        <translation> （提交 {commit}）</translation>
    </message>
    <message>
        <source>into a folder {folder}/: {files} from {url}{at}</source>
        <translation>放入文件夹 {folder}/：来自 {url}{at} 的 {files}</translation>
    </message>
    <message>
        <source>Without a network you can still add an image model: import a pack (a model&apos;s folder from Trove&apos;s model folder on another computer, or a .zip of it), or download the files of {model} on a computer with a network — {where} — and choose the folder that holds them. Trove checks every file just the same.</source>
        <translation>没有网络也可以添加图像模型：导入一个模型包（另一台电脑上 Trove 模型文件夹中的某个模型文件夹，或其 .zip 压缩包），或在有网络的电脑上下载 {model} 的文件 — {where} — 然后选择包含这些文件的文件夹。Trove 会同样校验每个文件。</translation>
    </message>
    <message>
        <source>Photos are found by what they show with this model.</source>
        <translation>使用此模型，可按照片所呈现的内容查找照片。</translation>
    </message>
    <message>
        <source>Documents are searched by meaning with this model once it is installed ({n} languages, about {mb:,} MB on disk). Their passages get its vectors in the background; until a passage has one, the model you use now answers for it.</source>
        <translation>安装后，将用此模型按含义搜索文档（{n} 种语言，磁盘占用约 {mb:,} MB）。文档的段落会在后台获得它的向量；在某个段落获得之前，由当前模型为其作答。</translation>
    </message>
    <message>
        <source>Get a model</source>
        <translation>获取模型</translation>
    </message>
    <message>
        <source>Trove finds photos by what they show, and documents by what they mean, with models. A model is downloaded once from the model hub, checked against its published checksums, converted to 8 bits and tested on this computer. Nothing else is sent, and searching stays offline.</source>
        <translation>Trove 借助模型按照片呈现的内容查找照片，按含义查找文档。模型只从模型中心下载一次，用其公布的校验和核对，转换为 8 位，并在这台电脑上测试。不会发送其他任何内容，搜索始终离线进行。</translation>
    </message>
    <message>
        <source>Model to download</source>
        <translation>要下载的模型</translation>
    </message>
    <message>
        <source>{model} — {mb:,} MB download, {licence}</source>
        <translation>{model} — 下载 {mb:,} MB，{licence}</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>正在检查网络连接…</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>下载进度</translation>
    </message>
    <message>
        <source>Import a pack file…</source>
        <translation>导入模型包文件…</translation>
    </message>
    <message>
        <source>Import downloaded model files…</source>
        <translation>导入已下载的模型文件…</translation>
    </message>
    <message>
        <source>Import model files downloaded on another computer</source>
        <translation>导入在另一台电脑上下载的模型文件</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Getting {model}…</source>
        <translation>正在获取 {model}…</translation>
    </message>
    <message>
        <source>Folder with the files of {model}</source>
        <translation>包含 {model} 文件的文件夹</translation>
    </message>
    <message>
        <source>Importing {model} from {folder}…</source>
        <translation>正在从 {folder} 导入 {model}…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Ready to download from {host}.</source>
        <translation>可以从 {host} 下载。</translation>
    </message>
    <message>
        <source>No network: {why}.</source>
        <translation>没有网络：{why}。</translation>
    </message>
    <message>
        <source>Installed {name}. Your photos are being embedded with it in the background; you can keep searching meanwhile.</source>
        <translation>已安装 {name}。正在后台用它处理你的照片；在此期间你可以继续搜索。</translation>
    </message>
    <message>
        <source>Installed {name}. Your documents&apos; passages are being embedded with it in the background; the previous model answers for them meanwhile.</source>
        <translation>已安装 {name}。文档的段落正在后台用它嵌入；在此期间由之前的模型为其作答。</translation>
    </message>
    <message>
        <source>{family}, {dim} dimensions, {licence} · {source}</source>
        <translation>{family}，{dim} 维，{licence} · {source}</translation>
    </message>
    <message>
        <source>Not installed: {why}</source>
        <translation>未安装：{why}</translation>
    </message>
    <message>
        <source>Stopped. What was downloaded is kept: Download continues where it stopped, also after Trove was closed.</source>
        <translation>已停止。已下载的部分会保留：点击“下载”会从中断处继续，即使 Trove 关闭后也是如此。</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>{n} copies · {size} to free</source>
        <translation>{n} 个副本 · 可释放 {size}</translation>
    </message>
    <message>
        <source>Best copy</source>
        <translation>最佳副本</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation>还有 {n} 个</translation>
    </message>
    <message>
        <source>Groups of near-duplicate photos</source>
        <translation>近似重复照片分组</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复项</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <source>Look for near-duplicates again</source>
        <translation>重新查找近似重复的照片</translation>
    </message>
    <message>
        <source>Back to search</source>
        <translation>返回搜索</translation>
    </message>
    <message>
        <source>Looking for near-duplicate photos…</source>
        <translation>正在查找近似重复的照片…</translation>
    </message>
    <message>
        <source> {n:,} photos are still being checked; look again when indexing is done.</source>
        <translation> 还有 {n:,} 张照片正在检查；索引完成后请重新查找。</translation>
    </message>
    <message>
        <source>{n:,} group</source>
        <translation>{n:,} 组</translation>
    </message>
    <message>
        <source>{n:,} groups</source>
        <translation>{n:,} 组</translation>
    </message>
    <message>
        <source>{groups} among {photos:,} photos · {size} to free by keeping only the best copies.{pending}</source>
        <translation>{photos:,} 张照片中有 {groups} · 只保留最佳副本可释放 {size}。{pending}</translation>
    </message>
    <message>
        <source>No near-duplicates found among {photos:,} photos.</source>
        <translation>在 {photos:,} 张照片中未找到近似重复项。</translation>
    </message>
</context>
<context>
    <name>Folders</name>
    <message>
        <source>Watched folders</source>
        <translation>监视的文件夹</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Add a watched folder</source>
        <translation>添加监视的文件夹</translation>
    </message>
    <message>
        <source>Stop watching the selected folder</source>
        <translation>停止监视所选文件夹</translation>
    </message>
    <message>
        <source>e.g. *.tmp, Screenshots, /home/me/Private</source>
        <translation>例如 *.tmp, Screenshots, /home/me/Private</translation>
    </message>
    <message>
        <source>Exclusion patterns</source>
        <translation>排除规则</translation>
    </message>
    <message>
        <source>Trove watches these folders and keeps its index current:</source>
        <translation>Trove 监视这些文件夹并保持索引为最新：</translation>
    </message>
    <message>
        <source>Skip files and folders matching (comma separated):</source>
        <translation>跳过匹配以下规则的文件和文件夹（用逗号分隔）：</translation>
    </message>
    <message>
        <source>Hidden files, .git, node_modules, caches and Trove&apos;s own folders are always skipped.</source>
        <translation>隐藏文件、.git、node_modules、缓存以及 Trove 自己的文件夹始终会被跳过。</translation>
    </message>
    <message>
        <source>{folder} — new</source>
        <translation>{folder} — 新添加</translation>
    </message>
    <message>
        <source>watched</source>
        <translation>监视中</translation>
    </message>
    <message>
        <source>not available (unplugged?)</source>
        <translation>不可用（已拔出？）</translation>
    </message>
    <message>
        <source>checked every 30 s (watch limit reached)</source>
        <translation>每 30 秒检查一次（已达到监视上限）</translation>
    </message>
    <message>
        <source>{folder} — {photos} photos, {documents} documents, {problems} problems · {state}</source>
        <translation>{folder} — {photos} 张照片，{documents} 个文档，{problems} 个问题 · {state}</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>添加要监视的文件夹</translation>
    </message>
    <message>
        <source>{folder} is watched already.</source>
        <translation>{folder} 已在监视中。</translation>
    </message>
    <message>
        <source>{folder} is watched already, as part of {holder}.</source>
        <translation>{folder} 已作为 {holder} 的一部分被监视。</translation>
    </message>
    <message>
        <source>{folder} now covers {folders}.</source>
        <translation>{folder} 现已包含 {folders}。</translation>
    </message>
</context>
<context>
    <name>Host</name>
    <message>
        <source>Add a folder to start</source>
        <translation>添加一个文件夹即可开始</translation>
    </message>
    <message>
        <source>Indexing stopped: {reason}</source>
        <translation>索引已停止：{reason}</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Resuming</source>
        <translation>正在继续</translation>
    </message>
    <message>
        <source>Search failed: {reason}</source>
        <translation>搜索失败：{reason}</translation>
    </message>
    <message>
        <source>Getting the image model failed: {reason}</source>
        <translation>无法获取图像模型：{reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Images ({patterns})</source>
        <translation>图像 ({patterns})</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Watched folders…</source>
        <translation>监视的文件夹…</translation>
    </message>
    <message>
        <source>Import model pack…</source>
        <translation>导入模型包…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Automatic layout</source>
        <translation>自动布局</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Indexing details and problems</source>
        <translation>索引详细信息和问题</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复项</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>Paste image as query</source>
        <translation>粘贴图像作为搜索条件</translation>
    </message>
    <message>
        <source>Search with an image file…</source>
        <translation>用图像文件搜索…</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>查找相似项</translation>
    </message>
    <message>
        <source>Search with an image</source>
        <translation>用图像搜索</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>添加要监视的文件夹</translation>
    </message>
    <message>
        <source>Import a model pack</source>
        <translation>导入模型包</translation>
    </message>
    <message>
        <source>Model packs ({patterns})</source>
        <translation>模型包 ({patterns})</translation>
    </message>
    <message>
        <source>Trove cannot open its index</source>
        <translation>Trove 无法打开其索引</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>“{name}” is in the shared library {library}, at {path}, which this computer cannot read. Its address is on the clipboard.</source>
        <translation>“{name}”位于共享资料库 {library} 的 {path}，这台电脑无法读取。其地址已复制到剪贴板。</translation>
    </message>
    <message>
        <source>“{name}” is no longer in {folder}: it was moved or deleted. Trove takes it out of the results as soon as it notices.</source>
        <translation>“{name}”已不在 {folder} 中：它已被移动或删除。Trove 一旦发现就会将其从结果中移除。</translation>
    </message>
    <message>
        <source>Trove asked the desktop to show the folder {folder}, but no file manager answered. Its path is on the clipboard: paste it into a file manager or a terminal.</source>
        <translation>Trove 已请求桌面显示文件夹 {folder}，但没有文件管理器响应。其路径已复制到剪贴板：请粘贴到文件管理器或终端中。</translation>
    </message>
    <message>
        <source>{ext} files</source>
        <translation>{ext} 文件</translation>
    </message>
    <message>
        <source>this kind of file</source>
        <translation>此类文件</translation>
    </message>
    <message>
        <source>Trove asked the desktop to open “{name}”, but no program is set to open {kind}. Set one in your desktop&apos;s settings (Default applications), or open it from your file manager: it is in {folder} (the path is on the clipboard).</source>
        <translation>Trove 已请求桌面打开“{name}”，但没有设置用于打开{kind}的程序。请在桌面设置（默认应用程序）中设置一个，或从文件管理器中打开它：它位于 {folder}（路径已复制到剪贴板）。</translation>
    </message>
    <message>
        <source>Cannot show the folder</source>
        <translation>无法显示该文件夹</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>无法打开该文件</translation>
    </message>
</context>
<context>
    <name>Packs</name>
    <message>
        <source>Cannot read the model packs: {reason}</source>
        <translation>无法读取模型包：{reason}</translation>
    </message>
    <message>
        <source>Cannot import this pack</source>
        <translation>无法导入此模型包</translation>
    </message>
    <message>
        <source>Trove&apos;s index could not be opened</source>
        <translation>无法打开 Trove 的索引</translation>
    </message>
    <message>
        <source>Installed {name}; documents get their new vectors in the background</source>
        <translation>已安装 {name}；文档将在后台获得新的向量</translation>
    </message>
    <message>
        <source>Installed {name}; photos get their new vectors in the background</source>
        <translation>已安装 {name}；照片的新向量正在后台生成</translation>
    </message>
    <message>
        <source>Removed {name}</source>
        <translation>已移除 {name}</translation>
    </message>
    <message>
        <source>Cannot remove</source>
        <translation>无法移除</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Taken {when}</source>
        <translation>拍摄于 {when}</translation>
    </message>
    <message>
        <source>Modified {when}</source>
        <translation>修改于 {when}</translation>
    </message>
    <message>
        <source>Select a result to preview it</source>
        <translation>选择一个结果即可预览</translation>
    </message>
    <message>
        <source>Image preview</source>
        <translation>图像预览</translation>
    </message>
    <message>
        <source>Matching passage</source>
        <translation>匹配的段落</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>复制路径</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>复制图像</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>查找相似项</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Text in the picture</source>
        <translation>图片中的文字</translation>
    </message>
    <message>
        <source>{width} × {height} px</source>
        <translation>{width} × {height} 像素</translation>
    </message>
    <message>
        <source>Place: {place}</source>
        <translation>地点：{place}</translation>
    </message>
    <message>
        <source>Page {page}</source>
        <translation>第 {page} 页</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Beginning</source>
        <translation>开头</translation>
    </message>
    <message>
        <source>(no text matched; the file name did)</source>
        <translation>（没有匹配的文字；匹配的是文件名）</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>（无文字）</translation>
    </message>
    <message>
        <source>From the library {uri}</source>
        <translation>来自资料库 {uri}</translation>
    </message>
    <message>
        <source>Why: {why}</source>
        <translation>原因：{why}</translation>
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
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>This image cannot be shown</source>
        <translation>无法显示此图像</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>正在复制…</translation>
    </message>
    <message>
        <source>Cannot copy</source>
        <translation>无法复制</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>QuickLook</name>
    <message>
        <source>Quick look</source>
        <translation>快速查看</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>Undated</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
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
        <translation>，来自资料库 {uri}</translation>
    </message>
    <message>
        <source>strong match</source>
        <translation>强匹配</translation>
    </message>
    <message>
        <source>weaker match</source>
        <translation>较弱匹配</translation>
    </message>
    <message>
        <source>{n} file</source>
        <translation>{n} 个文件</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} 个文件</translation>
    </message>
    <message>
        <source>{n} near-duplicate stacked here:</source>
        <translation>此处叠放了 {n} 个近似重复项：</translation>
    </message>
    <message>
        <source>{n} near-duplicates stacked here:</source>
        <translation>此处叠放了 {n} 个近似重复项：</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>最近的文件</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>No matches. {note}</source>
        <translation>没有匹配项。{note}</translation>
    </message>
    <message>
        <source>No confident match — these are only the closest files (dimmed).</source>
        <translation>没有可信的匹配 — 以下只是最接近的文件（已变暗）。</translation>
    </message>
    <message>
        <source>{n} strong match first; {weak} weaker (dimmed) after them.</source>
        <translation>{n} 个强匹配在前；{weak} 个较弱匹配（已变暗）在后。</translation>
    </message>
    <message>
        <source>{n} strong matches first; {weak} weaker (dimmed) after them.</source>
        <translation>{n} 个强匹配在前；{weak} 个较弱匹配（已变暗）在后。</translation>
    </message>
    <message>
        <source>Opening the index…</source>
        <translation>正在打开索引…</translation>
    </message>
    <message>
        <source>{n} results in {ms:.0f} ms</source>
        <translation>{n} 个结果，用时 {ms:.0f} 毫秒</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>&lt;b&gt;Search tips&lt;/b&gt;&lt;br&gt;&lt;code&gt;beach at sunset&lt;/code&gt; — describe what you look for&lt;br&gt;&lt;code&gt;&quot;exact phrase&quot;&lt;/code&gt; — these words, in this order&lt;br&gt;&lt;code&gt;-word&lt;/code&gt; — leave out results with this word&lt;br&gt;&lt;code&gt;--preserve-root&lt;/code&gt;, &lt;code&gt;-rf&lt;/code&gt; — a flag is looked for; &lt;code&gt;not:--force&lt;/code&gt; leaves one out&lt;br&gt;&lt;code&gt;2:sunset + dog - people&lt;/code&gt; — weigh, add and subtract ideas (photos)&lt;br&gt;&lt;code&gt;type:photo&lt;/code&gt;, &lt;code&gt;type:document&lt;/code&gt;, &lt;code&gt;type:pdf&lt;/code&gt;&lt;br&gt;&lt;code&gt;in:Holidays&lt;/code&gt; — only in this folder · &lt;code&gt;place:Lisbon&lt;/code&gt;&lt;br&gt;&lt;code&gt;after:2023-05&lt;/code&gt;, &lt;code&gt;before:2024&lt;/code&gt; — by date taken or modified&lt;br&gt;Drop or paste an image to find look-alikes; type words with it to change it (&lt;code&gt;at night&lt;/code&gt;, &lt;code&gt;in winter&lt;/code&gt;).&lt;br&gt;Results that match well come first; weaker ones are dimmed.</source>
        <translation>&lt;b&gt;搜索技巧&lt;/b&gt;&lt;br&gt;&lt;code&gt;日落时的海滩&lt;/code&gt; — 描述你要找的内容&lt;br&gt;&lt;code&gt;&quot;精确短语&quot;&lt;/code&gt; — 按此顺序包含这些词&lt;br&gt;&lt;code&gt;-词语&lt;/code&gt; — 排除包含此词的结果&lt;br&gt;&lt;code&gt;--preserve-root&lt;/code&gt;、&lt;code&gt;-rf&lt;/code&gt; — 查找命令行选项；&lt;code&gt;not:--force&lt;/code&gt; 排除一个选项&lt;br&gt;&lt;code&gt;2:日落 + 狗 - 人&lt;/code&gt; — 对概念加权、相加和相减（照片）&lt;br&gt;&lt;code&gt;type:photo&lt;/code&gt;、&lt;code&gt;type:document&lt;/code&gt;、&lt;code&gt;type:pdf&lt;/code&gt;&lt;br&gt;&lt;code&gt;in:假期&lt;/code&gt; — 仅在此文件夹中 · &lt;code&gt;place:里斯本&lt;/code&gt;&lt;br&gt;&lt;code&gt;after:2023-05&lt;/code&gt;、&lt;code&gt;before:2024&lt;/code&gt; — 按拍摄或修改日期&lt;br&gt;拖入或粘贴一张图像即可查找相似图像；同时输入文字可以改变它（&lt;code&gt;夜晚&lt;/code&gt;、&lt;code&gt;冬天&lt;/code&gt;）。&lt;br&gt;匹配度高的结果排在前面；较弱的结果会变暗显示。</translation>
    </message>
    <message>
        <source>Search photos and documents — e.g. receipt from the hardware store</source>
        <translation>搜索照片和文档 — 例如：五金店的收据</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Ctrl+K or Ctrl+F to come back here · ↓ to the results · Alt+↓ recent searches · Esc to clear</source>
        <translation>Ctrl+K 或 Ctrl+F 回到这里 · ↓ 进入结果 · Alt+↓ 最近的搜索 · Esc 清除</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Type filter</source>
        <translation>类型筛选</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Folder filter</source>
        <translation>文件夹筛选</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Place filter</source>
        <translation>地点筛选</translation>
    </message>
    <message>
        <source>Only photos taken in this place (a town, region or country)</source>
        <translation>仅显示在此地点（城镇、地区或国家）拍摄的照片</translation>
    </message>
    <message>
        <source>Search tips</source>
        <translation>搜索技巧</translation>
    </message>
    <message>
        <source>Clear image</source>
        <translation>清除图像</translation>
    </message>
    <message>
        <source>Stop searching by image</source>
        <translation>停止按图像搜索</translation>
    </message>
    <message>
        <source>Strength of the words on the image</source>
        <translation>文字对图像的影响程度</translation>
    </message>
    <message>
        <source>How far the words you type move the image query: left keeps the image, right follows the words</source>
        <translation>输入的文字对图像搜索的影响程度：越靠左越接近图像，越靠右越接近文字</translation>
    </message>
    <message>
        <source>Words: {value:.1f}×</source>
        <translation>文字：{value:.1f}×</translation>
    </message>
    <message>
        <source>Searching by image: {name} — add words to refine</source>
        <translation>正在按图像搜索：{name} — 添加文字以细化</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>cannot write settings {path}: {reason}</source>
        <translation>无法写入设置 {path}：{reason}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Installed model packs</source>
        <translation>已安装的模型包</translation>
    </message>
    <message>
        <source>Active image pack</source>
        <translation>当前图像模型包</translation>
    </message>
    <message>
        <source>Document pack that answers</source>
        <translation>负责作答的文档包</translation>
    </message>
    <message>
        <source>Reading the model packs…</source>
        <translation>正在读取模型包…</translation>
    </message>
    <message>
        <source>Best installed</source>
        <translation>已安装中最好的</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Get a model…</source>
        <translation>获取模型…</translation>
    </message>
    <message>
        <source>Download a model for finding photos by what they show, or documents by what they mean</source>
        <translation>下载模型，按照片内容查找照片，或按含义查找文档</translation>
    </message>
    <message>
        <source>Import a model pack</source>
        <translation>导入模型包</translation>
    </message>
    <message>
        <source>Remove the selected model pack</source>
        <translation>移除所选模型包</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Threads for indexing</source>
        <translation>索引使用的线程数</translation>
    </message>
    <message>
        <source>Pause indexing while on battery</source>
        <translation>使用电池时暂停索引</translation>
    </message>
    <message>
        <source>Read the text in photos, screenshots and scanned pages</source>
        <translation>读取照片、截图和扫描页面中的文字</translation>
    </message>
    <message>
        <source>After new files are indexed, Trove reads the words in pictures so that they can be searched. It runs last, on one CPU thread.</source>
        <translation>新文件建立索引后，Trove 会读取图片中的文字，以便搜索。此步骤最后运行，只占用一个 CPU 线程。</translation>
    </message>
    <message>
        <source>Start Trove when I log in</source>
        <translation>登录时启动 Trove</translation>
    </message>
    <message>
        <source>Not supported on this system yet</source>
        <translation>此系统尚不支持</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>窗口语言</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
    <message>
        <source>A new language shows at the next start.</source>
        <translation>新语言将在下次启动时生效。</translation>
    </message>
    <message>
        <source>Image pack:</source>
        <translation>图像模型包：</translation>
    </message>
    <message>
        <source>Document pack:</source>
        <translation>文档包：</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>CPU 线程：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Follows the system (light or dark)</source>
        <translation>跟随系统（浅色或深色）</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Model packs:</source>
        <translation>模型包：</translation>
    </message>
    <message>
        <source>Shared libraries (searched with this index):</source>
        <translation>共享资料库（与本机索引一起搜索）：</translation>
    </message>
    <message>
        <source>Shared libraries</source>
        <translation>共享资料库</translation>
    </message>
    <message>
        <source>s3://bucket/library, or a shared folder</source>
        <translation>s3://bucket/library，或共享文件夹</translation>
    </message>
    <message>
        <source>Address of a library</source>
        <translation>资料库地址</translation>
    </message>
    <message>
        <source>Add library</source>
        <translation>添加资料库</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Choose a library&apos;s folder</source>
        <translation>选择资料库的文件夹</translation>
    </message>
    <message>
        <source>Remove library</source>
        <translation>移除资料库</translation>
    </message>
    <message>
        <source>Libraries are read, never changed. Trove keeps only their addresses: for s3:// the credentials come from your system&apos;s usual places (the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY variables, or ~/.aws/credentials and ~/.aws/config), and a store other than Amazon&apos;s from AWS_ENDPOINT_URL.</source>
        <translation>资料库只读，绝不修改。Trove 只保存它们的地址：s3:// 的凭据来自系统的常用位置（AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY 环境变量，或 ~/.aws/credentials 和 ~/.aws/config），亚马逊以外的存储服务地址来自 AWS_ENDPOINT_URL。</translation>
    </message>
    <message>
        <source>searched after OK</source>
        <translation>点击“确定”后搜索</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>unreachable: {reason}</source>
        <translation>无法访问：{reason}</translation>
    </message>
    <message>
        <source>waiting for its first answer…</source>
        <translation>正在等待首次响应…</translation>
    </message>
    <message>
        <source>A shared library&apos;s folder</source>
        <translation>共享资料库的文件夹</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <source>{name} — {family}, {dim}-d, {precision}, {where} · {licence}</source>
        <translation>{name} — {family}，{dim} 维，{precision}，{where} · {licence}</translation>
    </message>
    <message>
        <source>No model packs installed yet</source>
        <translation>尚未安装模型包</translation>
    </message>
    <message>
        <source>Remove pack</source>
        <translation>移除模型包</translation>
    </message>
    <message>
        <source>Remove the model pack {name}?</source>
        <translation>要移除模型包 {name} 吗？</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Watching for changes</source>
        <translation>正在监视更改</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>已是最新</translation>
    </message>
    <message>
        <source>Read the text in pictures</source>
        <translation>正在读取图片中的文字</translation>
    </message>
    <message>
        <source>Scanning</source>
        <translation>正在扫描</translation>
    </message>
    <message>
        <source>Indexing</source>
        <translation>正在建立索引</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>about {n} min left</source>
        <translation>剩余约 {n} 分钟</translation>
    </message>
    <message>
        <source>about {n} s left</source>
        <translation>剩余约 {n} 秒</translation>
    </message>
    <message>
        <source>, {time_left} for this step</source>
        <translation>，此步骤{time_left}</translation>
    </message>
    <message>
        <source>New document model: {done:,} of {total:,} passages embedded again ({rate:.0f}/s{eta}); the previous model answers meanwhile</source>
        <translation>新的文档模型：已重新嵌入 {done:,}/{total:,} 个段落（{rate:.0f}/秒{eta}）；在此期间由之前的模型作答</translation>
    </message>
    <message>
        <source>Adding meaning: {done:,} of {total:,} passages ({rate:.0f}/s{eta}); searchable by words meanwhile</source>
        <translation>正在添加语义：{done:,} / {total:,} 个段落（{rate:.0f}/秒{eta}）；在此期间可按文字搜索</translation>
    </message>
    <message>
        <source>Reading files (words first): {done:,} of {total:,} ({rate:.1f} files/s{eta})</source>
        <translation>正在读取文件（先处理文字）：{done:,} / {total:,}（{rate:.1f} 个文件/秒{eta}）</translation>
    </message>
    <message>
        <source>Shared libraries that cannot be searched</source>
        <translation>无法搜索的共享资料库</translation>
    </message>
    <message>
        <source>Library {uri} unreachable: {reason}</source>
        <translation>资料库 {uri} 无法访问：{reason}</translation>
    </message>
    <message>
        <source>⚠ {n} library unreachable</source>
        <translation>⚠ {n} 个资料库无法访问</translation>
    </message>
    <message>
        <source>⚠ {n} libraries unreachable</source>
        <translation>⚠ {n} 个资料库无法访问</translation>
    </message>
    <message>
        <source>This computer&apos;s results are shown; it is tried again every {n} s.</source>
        <translation>正在显示本机的结果；每 {n} 秒重试一次。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Indexing status</source>
        <translation>索引状态</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause indexing</source>
        <translation>暂停索引</translation>
    </message>
    <message>
        <source>Notes about indexing and model packs</source>
        <translation>关于索引和模型包的提示</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Indexing details and problems</source>
        <translation>索引详细信息和问题</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Resume indexing</source>
        <translation>继续索引</translation>
    </message>
    <message>
        <source>⚠ {n} note</source>
        <translation>⚠ {n} 条提示</translation>
    </message>
    <message>
        <source>⚠ {n} notes</source>
        <translation>⚠ {n} 条提示</translation>
    </message>
    <message>
        <source> · {n:,} file could not be read (see Details)</source>
        <translation> · {n:,} 个文件无法读取（见详细信息）</translation>
    </message>
    <message>
        <source> · {n:,} files could not be read (see Details)</source>
        <translation> · {n:,} 个文件无法读取（见详细信息）</translation>
    </message>
    <message>
        <source>Indexing details</source>
        <translation>索引详细信息</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Problems — files Trove could not read, and why:</source>
        <translation>问题 — Trove 无法读取的文件及原因：</translation>
    </message>
    <message>
        <source> — {n} problem in this run</source>
        <translation> — 本次运行中有 {n} 个问题</translation>
    </message>
    <message>
        <source> — {n} problems in this run</source>
        <translation> — 本次运行中有 {n} 个问题</translation>
    </message>
    <message>
        <source>Current file: {path}</source>
        <translation>当前文件：{path}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Pause indexing</source>
        <translation>暂停索引</translation>
    </message>
    <message>
        <source>Quick search</source>
        <translation>快速搜索</translation>
    </message>
    <message>
        <source>Quit Trove</source>
        <translation>退出 Trove</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to Trove</source>
        <translation>欢迎使用 Trove</translation>
    </message>
    <message>
        <source>Trove finds your photos and documents by what they show and say. &lt;b&gt;Everything stays on this computer&lt;/b&gt;: the index, the models and your files never leave it, and Trove works without a network.</source>
        <translation>Trove 根据画面和内容查找你的照片和文档。&lt;b&gt;一切都保留在这台电脑上&lt;/b&gt;：索引、模型和你的文件永远不会离开它，Trove 无需网络即可工作。</translation>
    </message>
    <message>
        <source>It reads the folders you choose in the background and shows your newest files as it goes; you can search from the first minute.</source>
        <translation>它会在后台读取你选择的文件夹，并随时显示最新的文件；第一分钟起就可以搜索。</translation>
    </message>
    <message>
        <source>Which folders should Trove look in?</source>
        <translation>Trove 应该在哪些文件夹中查找？</translation>
    </message>
    <message>
        <source>Watch {folder}</source>
        <translation>监视 {folder}</translation>
    </message>
    <message>
        <source>Start with these folders</source>
        <translation>从这些文件夹开始</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>Start indexing</source>
        <translation>开始建立索引</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>选择其他文件夹…</translation>
    </message>
    <message>
        <source>Choose another folder</source>
        <translation>选择其他文件夹</translation>
    </message>
    <message>
        <source>Model packs installed: {names}</source>
        <translation>已安装的模型包：{names}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>No image model pack is installed: photos are found by name, date and text until you add one.</source>
        <translation>尚未安装图像模型包：在你添加之前，照片将按名称、日期和文字查找。</translation>
    </message>
    <message>
        <source>Import model pack…</source>
        <translation>导入模型包…</translation>
    </message>
    <message>
        <source>Import model pack</source>
        <translation>导入模型包</translation>
    </message>
    <message>
        <source>Get a model…</source>
        <translation>获取模型…</translation>
    </message>
    <message>
        <source>Download a model for finding photos by what they show, or documents by what they mean</source>
        <translation>下载模型，按照片内容查找照片，或按含义查找文档</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>关闭此消息</translation>
    </message>
    <message>
        <source>Get the multilingual model…</source>
        <translation>获取多语言模型…</translation>
    </message>
    <message>
        <source>Choose and download the multilingual document model</source>
        <translation>选择并下载多语言文档模型</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>Keep the current document model</source>
        <translation>保留当前的文档模型</translation>
    </message>
    <message>
        <source>This computer is set to {languages}, which the photo model does not understand: photos are found by their names, places and text, not by what they show.</source>
        <translation>此计算机设置为{languages}，照片模型无法理解：照片只能按名称、地点和文字找到，而不能按其内容找到。</translation>
    </message>
    <message>
        <source>The photo model does not understand searches in {languages}: photos are found by their names, places and text, not by what they show.</source>
        <translation>照片模型无法理解{languages}搜索：照片只能按名称、地点和文字找到，而不能按其内容找到。</translation>
    </message>
    <message>
        <source>The multilingual photo model understands them ({mb:,} MB download). With it, photos are embedded again in the background and the current model answers meanwhile.</source>
        <translation>多语言照片模型能理解这些语言（下载 {mb:,} MB）。使用它后，照片会在后台重新向量化，在此期间由当前模型回答。</translation>
    </message>
    <message>
        <source>Choose and download the multilingual photo model</source>
        <translation>选择并下载多语言照片模型</translation>
    </message>
    <message>
        <source>Keep the current photo model</source>
        <translation>保留当前照片模型</translation>
    </message>
    <message>
        <source>This computer is set to {languages}, which the document model does not understand: documents are found by their words, not by what they mean.</source>
        <translation>这台电脑设置为 {languages}，文档模型不理解这种语言：文档只能按字词找到，而不是按含义。</translation>
    </message>
    <message>
        <source>Most of your documents are in languages the document model does not understand ({languages}): they are found by their words, not by what they mean.</source>
        <translation>您的大部分文档使用文档模型不理解的语言（{languages}）：它们只能按字词找到，而不是按含义。</translation>
    </message>
    <message>
        <source>The multilingual model understands them ({mb:,} MB download). With it, passages are embedded again in the background and the current model answers meanwhile.</source>
        <translation>多语言模型能理解它们（下载 {mb:,} MB）。使用它后，段落会在后台重新嵌入，在此期间由当前模型作答。</translation>
    </message>
</context>
</TS>
