<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CodeView</name>
    <message>
        <source>The game&apos;s code appears here as it is written. Ctrl+Enter runs your edits.</source>
        <translation>游戏代码会在生成时实时显示在这里。按 Ctrl+Enter 运行你的修改。</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>Choose two versions to compare.</source>
        <translation>请选择两个版本进行比较。</translation>
    </message>
    <message>
        <source>version {old} → version {new}</source>
        <translation>版本 {old} → 版本 {new}</translation>
    </message>
    <message>
        <source>version {id}</source>
        <translation>版本 {id}</translation>
    </message>
    <message>
        <source>The two versions have the same code.</source>
        <translation>这两个版本的代码相同。</translation>
    </message>
</context>
<context>
    <name>EntriesPanel</name>
    <message>
        <source>No entries yet. Add a game from a file, submit the game open in the studio, or collect entries from jam packs.</source>
        <translation>还没有参赛作品。可以从文件添加游戏、提交工作室中打开的游戏，或从 Jam 包中收集作品。</translation>
    </message>
    <message>
        <source>▶ Play entries</source>
        <translation>▶ 试玩作品</translation>
    </message>
    <message>
        <source>Play every entry in turn from the first, and vote (F5); Enter on one starts there</source>
        <translation>从第一个作品开始依次试玩并投票（F5）；在某个作品上按 Enter 则从它开始</translation>
    </message>
    <message>
        <source>Add entry from file…</source>
        <translation>从文件添加作品…</translation>
    </message>
    <message>
        <source>A .minigame cartridge or a .py game file (Ctrl+O)</source>
        <translation>.minigame 卡带或 .py 游戏文件（Ctrl+O）</translation>
    </message>
    <message>
        <source>Submit current game…</source>
        <translation>提交当前游戏…</translation>
    </message>
    <message>
        <source>Enter the game open in the studio</source>
        <translation>让工作室中打开的游戏参赛</translation>
    </message>
    <message>
        <source>Collect from jam pack…</source>
        <translation>从 Jam 包收集…</translation>
    </message>
    <message>
        <source>Add the entries of a jam pack someone sent back to this jam</source>
        <translation>将别人发回的 Jam 包中的作品加入此 Jam</translation>
    </message>
    <message>
        <source>Export jam pack…</source>
        <translation>导出 Jam 包…</translation>
    </message>
    <message>
        <source>Save this jam and its entries as one file to hand out (Ctrl+E)</source>
        <translation>将此 Jam 及其作品保存为一个文件，方便分发（Ctrl+E）</translation>
    </message>
    <message>
        <source>Save to my library</source>
        <translation>保存到我的游戏库</translation>
    </message>
    <message>
        <source>Copy the selected entry into your library (untrusted: it runs only in the sandbox)</source>
        <translation>将所选作品复制到你的游戏库（不受信任：只在沙箱中运行）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Take the selected entry out of the jam, with its votes (Delete)</source>
        <translation>将所选作品及其投票从 Jam 中移除（Delete）</translation>
    </message>
    <message>
        <source>Not added: {problem}</source>
        <translation>未添加：{problem}</translation>
    </message>
    <message>
        <source>There is no game open in the studio to submit.</source>
        <translation>工作室中没有打开的游戏可供提交。</translation>
    </message>
    <message>
        <source> It came after time was up, so it is marked late.</source>
        <translation>它在时间截止后提交，因此标记为迟交。</translation>
    </message>
    <message>
        <source>“{title}” by {author} entered.</source>
        <translation>{author} 的“{title}”已参赛。</translation>
    </message>
    <message>
        <source>Entries collected from the pack: {count}.</source>
        <translation>已从 Jam 包收集作品：{count} 个。</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}</source>
        <translation>无法写入 {file}：{reason}</translation>
    </message>
    <message>
        <source>Jam pack saved: {file}</source>
        <translation>Jam 包已保存：{file}</translation>
    </message>
    <message>
        <source>“{title}” was removed from the jam.</source>
        <translation>“{title}”已从 Jam 中移除。</translation>
    </message>
    <message>
        <source>“{title}” is in your library now (untrusted).</source>
        <translation>“{title}”已加入你的游戏库（不受信任）。</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Who made “{title}”?</source>
        <translation>“{title}”的作者是谁？</translation>
    </message>
    <message>
        <source>Add an entry</source>
        <translation>添加作品</translation>
    </message>
    <message>
        <source>Games (*{cartridge} *.py);;All files (*)</source>
        <translation>游戏 (*{cartridge} *.py);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Remove entry</source>
        <translation>移除作品</translation>
    </message>
    <message>
        <source>Remove “{title}” by {author} and its votes from the jam?</source>
        <translation>要将 {author} 的“{title}”及其投票从 Jam 中移除吗？</translation>
    </message>
    <message>
        <source>Collect entries from a jam pack</source>
        <translation>从 Jam 包收集作品</translation>
    </message>
    <message>
        <source>Jam packs (*{suffix});;All files (*)</source>
        <translation>Jam 包 (*{suffix});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export jam pack</source>
        <translation>导出 Jam 包</translation>
    </message>
    <message>
        <source>Jam packs (*{suffix})</source>
        <translation>Jam 包 (*{suffix})</translation>
    </message>
</context>
<context>
    <name>EntryList</name>
    <message>
        <source>Entries</source>
        <translation>参赛作品</translation>
    </message>
    <message>
        <source>by {author}</source>
        <translation>作者：{author}</translation>
    </message>
    <message>
        <source>⏰ late: added after time was up</source>
        <translation>⏰ 迟交：在时间截止后添加</translation>
    </message>
</context>
<context>
    <name>EntryPlayer</name>
    <message>
        <source>Refused by the sandbox: {message}</source>
        <translation>被沙箱拒绝：{message}</translation>
    </message>
    <message>
        <source>The game failed: {message}</source>
        <translation>游戏出错：{message}</translation>
    </message>
    <message>
        <source>Game over: {reason}. Ctrl+R plays again.</source>
        <translation>游戏结束：{reason}。按 Ctrl+R 再玩一次。</translation>
    </message>
    <message>
        <source>The game was stopped: {detail}</source>
        <translation>游戏已被停止：{detail}</translation>
    </message>
</context>
<context>
    <name>GallerySharing</name>
    <message>
        <source>Import a cartridge</source>
        <translation>导入卡带</translation>
    </message>
    <message>
        <source>Imported “{title}”: it is marked as shared until you keep it</source>
        <translation>已导入“{title}”：在你信任它之前，它会一直标记为共享游戏</translation>
    </message>
    <message>
        <source>“{title}” is already in your library</source>
        <translation>“{title}”已在游戏库中</translation>
    </message>
    <message>
        <source>Export a cartridge</source>
        <translation>导出卡带</translation>
    </message>
    <message>
        <source>Could not export “{title}”: {error}</source>
        <translation>无法导出“{title}”：{error}</translation>
    </message>
    <message>
        <source>Exported “{title}” to {path}</source>
        <translation>已将“{title}”导出到 {path}</translation>
    </message>
    <message>
        <source>Export a standalone script</source>
        <translation>导出独立脚本</translation>
    </message>
    <message>
        <source>Export for the web: choose a folder</source>
        <translation>导出为网页版：选择文件夹</translation>
    </message>
    <message>
        <source>cannot write {path} ({reason}): choose another folder</source>
        <translation>无法写入 {path}（{reason}）：请选择其他文件夹</translation>
    </message>
    <message>
        <source>Exported “{title}” as a standalone script: {path}</source>
        <translation>已将“{title}”导出为独立脚本：{path}</translation>
    </message>
    <message>
        <source>Exported “{title}” for the web: {path} (main.py is the pygbag project)</source>
        <translation>已将“{title}”导出为网页版：{path}（main.py 即 pygbag 项目）</translation>
    </message>
    <message>
        <source>someone you do not know</source>
        <translation>陌生人</translation>
    </message>
    <message>
        <source>“{title}” was shared by {author} and you have not kept it. As a standalone script it runs outside the sandbox, with full access to your computer (your files, the network). Export it only if you trust where it came from.</source>
        <translation>“{title}”由{author}分享，你还没有信任它。作为独立脚本，它会在沙箱之外运行，可以完全访问你的电脑（你的文件、网络）。只有在你信任它的来源时才导出。</translation>
    </message>
    <message>
        <source>“{title}” was shared by {author} and you have not kept it. In a browser it stays in the browser&apos;s sandbox, but its main.py run with python has full access to your computer. Export it only if you trust where it came from.</source>
        <translation>“{title}”由{author}分享，你还没有信任它。在浏览器中它受浏览器沙箱的限制，但用 python 运行它的 main.py 时可以完全访问你的电脑。只有在你信任它的来源时才导出。</translation>
    </message>
    <message>
        <source>Export a shared game?</source>
        <translation>导出共享的游戏？</translation>
    </message>
    <message>
        <source>Export anyway</source>
        <translation>仍然导出</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Minigame cartridges (*{suffix})</source>
        <translation>Minigame 卡带 (*{suffix})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>GalleryWindow</name>
    <message>
        <source>Gallery — Minigame Studio</source>
        <translation>游戏库 — Minigame Studio</translation>
    </message>
    <message>
        <source>Search titles, authors and prompts (Ctrl+F)</source>
        <translation>搜索标题、作者和描述（Ctrl+F）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>信任</translation>
    </message>
    <message>
        <source>Trust the selected shared game (Ctrl+K)</source>
        <translation>信任所选的共享游戏（Ctrl+K）</translation>
    </message>
    <message>
        <source>Import cartridge…</source>
        <translation>导入卡带…</translation>
    </message>
    <message>
        <source>Export cartridge…</source>
        <translation>导出卡带…</translation>
    </message>
    <message>
        <source>Export standalone…</source>
        <translation>导出独立脚本…</translation>
    </message>
    <message>
        <source>Save the selected game as one Python script that plays without the studio (Ctrl+Shift+E)</source>
        <translation>把选中的游戏保存为一个无需工作室即可运行的 Python 脚本（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <source>Export for the web…</source>
        <translation>导出为网页版…</translation>
    </message>
    <message>
        <source>Write the selected game as a pygbag folder to publish in a browser</source>
        <translation>把选中的游戏写成 pygbag 文件夹，以便在浏览器中发布</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>{title} (copy)</source>
        <translation>{title}（副本）</translation>
    </message>
    <message>
        <source>Duplicated “{title}”</source>
        <translation>已创建“{title}”的副本</translation>
    </message>
    <message>
        <source>Deleted “{title}”</source>
        <translation>已删除“{title}”</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>“{title}” is back</source>
        <translation>“{title}”已恢复</translation>
    </message>
    <message>
        <source>Kept “{title}”</source>
        <translation>已信任“{title}”</translation>
    </message>
    <message>
        <source>Import a cartridge</source>
        <translation type="vanished">导入卡带</translation>
    </message>
    <message>
        <source>Imported “{title}”: it is marked as shared until you keep it</source>
        <translation type="vanished">已导入“{title}”：在你信任它之前，它会一直标记为共享游戏</translation>
    </message>
    <message>
        <source>“{title}” is already in your library</source>
        <translation type="vanished">“{title}”已在游戏库中</translation>
    </message>
    <message>
        <source>Export a cartridge</source>
        <translation type="vanished">导出卡带</translation>
    </message>
    <message>
        <source>Could not export “{title}”: {error}</source>
        <translation type="vanished">无法导出“{title}”：{error}</translation>
    </message>
    <message>
        <source>Exported “{title}” to {path}</source>
        <translation type="vanished">已将“{title}”导出到 {path}</translation>
    </message>
    <message>
        <source>Minigame cartridges (*{suffix})</source>
        <translation type="vanished">Minigame 卡带 (*{suffix})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="vanished">所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>GameDetail</name>
    <message>
        <source>Select a game</source>
        <translation>请选择一个游戏</translation>
    </message>
    <message>
        <source>By {author}</source>
        <translation>作者：{author}</translation>
    </message>
    <message>
        <source>Made here</source>
        <translation>在这里制作</translation>
    </message>
    <message>
        <source>Imported from a cartridge</source>
        <translation>从卡带导入</translation>
    </message>
    <message>
        <source>A jam entry</source>
        <translation>Jam 参赛作品</translation>
    </message>
    <message>
        <source>Last changed {when}</source>
        <translation>最后修改于 {when}</translation>
    </message>
    <message>
        <source>Press F9 while it plays to capture a GIF</source>
        <translation>游戏运行时按 F9 录制 GIF</translation>
    </message>
</context>
<context>
    <name>GameListModel</name>
    <message>
        <source>A game needs a title: “{title}” keeps its name.</source>
        <translation>游戏必须有标题：“{title}”保留原名。</translation>
    </message>
    <message>
        <source>By {author}</source>
        <translation>作者：{author}</translation>
    </message>
    <message>
        <source>Untrusted: shared with you, it runs only in the sandbox</source>
        <translation>不受信任：这是别人分享给你的游戏，只在沙箱中运行</translation>
    </message>
    <message>
        <source>Not played yet</source>
        <translation>还没玩过</translation>
    </message>
    <message>
        <source>Played once</source>
        <translation>玩过 1 次</translation>
    </message>
    <message>
        <source>Played {count} times</source>
        <translation>玩过 {count} 次</translation>
    </message>
</context>
<context>
    <name>GifCaptureControl</name>
    <message>
        <source>Save GIF</source>
        <translation>保存 GIF</translation>
    </message>
    <message>
        <source>Save the last {seconds} seconds of play as an animated GIF (F9)</source>
        <translation>将最近 {seconds} 秒的游戏画面保存为 GIF 动图（F9）</translation>
    </message>
    <message>
        <source>Nothing to capture yet: play for a moment, then press F9.</source>
        <translation>还没有可录制的画面：先玩一会儿，再按 F9。</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Play the selected version again</source>
        <translation>再次运行所选版本</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Compare the selected version with the current one, or two selected versions</source>
        <translation>将所选版本与当前版本比较，或比较两个所选版本</translation>
    </message>
    <message>
        <source>Compare versions</source>
        <translation>比较版本</translation>
    </message>
    <message>
        <source>new game</source>
        <translation>新游戏</translation>
    </message>
    <message>
        <source>repair</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>unfinished reply</source>
        <translation>未完成的回复</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>tweak</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>played</source>
        <translation>已运行</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>edited by hand</source>
        <translation>手动编辑</translation>
    </message>
    <message>
        <source>{mark} {id}  {time}  {kind}: {label}</source>
        <translation>{mark} {id}  {time}  {kind}：{label}</translation>
    </message>
    <message>
        <source> ({outcome})</source>
        <translation>（{outcome}）</translation>
    </message>
    <message>
        <source>version {id} ({kind})</source>
        <translation>版本 {id}（{kind}）</translation>
    </message>
    <message>
        <source>model: {model}</source>
        <translation>模型：{model}</translation>
    </message>
    <message>
        <source>made from version {id}</source>
        <translation>基于版本 {id}</translation>
    </message>
    <message>
        <source>outcome: {outcome}</source>
        <translation>结果：{outcome}</translation>
    </message>
</context>
<context>
    <name>JamHeader</name>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Start the countdown</source>
        <translation>开始倒计时</translation>
    </message>
    <message>
        <source>Start the jam&apos;s clock now (Ctrl+T)</source>
        <translation>立即开始 Jam 计时（Ctrl+T）</translation>
    </message>
    <message>
        <source>No jam yet</source>
        <translation>还没有 Jam</translation>
    </message>
    <message>
        <source>Press “New jam…” (Ctrl+N) to set a name, a theme and a duration.</source>
        <translation>按“新建 Jam…”（Ctrl+N）设置名称、主题和时长。</translation>
    </message>
    <message>
        <source>Theme: {theme}</source>
        <translation>主题：{theme}</translation>
    </message>
    <message>
        <source>Not started yet.</source>
        <translation>尚未开始。</translation>
    </message>
    <message>
        <source>time left · entries after the end are accepted and marked late</source>
        <translation>剩余时间 · 截止后提交的作品仍会接受，但标记为迟交</translation>
    </message>
    <message>
        <source>Time&apos;s up</source>
        <translation>时间到</translation>
    </message>
    <message>
        <source>Entries added now are accepted and marked late.</source>
        <translation>现在添加的作品仍会接受，但标记为迟交。</translation>
    </message>
</context>
<context>
    <name>JamWindow</name>
    <message>
        <source>Game jams — Minigame Studio</source>
        <translation>Game Jam — Minigame Studio</translation>
    </message>
    <message>
        <source>Jams</source>
        <translation>Jam 列表</translation>
    </message>
    <message>
        <source>New jam…</source>
        <translation>新建 Jam…</translation>
    </message>
    <message>
        <source>Name, theme and duration of a new jam (Ctrl+N)</source>
        <translation>设置新 Jam 的名称、主题和时长（Ctrl+N）</translation>
    </message>
    <message>
        <source>Open jam pack…</source>
        <translation>打开 Jam 包…</translation>
    </message>
    <message>
        <source>Make a jam from a jam pack someone handed out (Ctrl+Shift+O)</source>
        <translation>用别人分发的 Jam 包创建 Jam（Ctrl+Shift+O）</translation>
    </message>
    <message>
        <source>Delete jam…</source>
        <translation>删除 Jam…</translation>
    </message>
    <message>
        <source>&amp;Jams</source>
        <translation>Jam 列表(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Entries</source>
        <translation>参赛作品(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Play and vote</source>
        <translation>试玩与投票(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>结果(&amp;R)</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>time&apos;s up</source>
        <translation>时间到</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>剩余 {time}</translation>
    </message>
    <message>
        <source>Opened “{name}” (entries: {count}).</source>
        <translation>已打开“{name}”（作品：{count} 个）。</translation>
    </message>
    <message>
        <source>Open a jam pack</source>
        <translation>打开 Jam 包</translation>
    </message>
    <message>
        <source>Jam packs (*{suffix});;All files (*)</source>
        <translation>Jam 包 (*{suffix});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Delete jam</source>
        <translation>删除 Jam</translation>
    </message>
    <message>
        <source>Delete “{name}” with its entries and votes? This cannot be undone.</source>
        <translation>要删除“{name}”及其所有作品和投票吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Thanks, {voter}: that was the last entry. The next voter types their name on the Play and vote tab and presses F5 to start from the first entry.</source>
        <translation>谢谢，{voter}：这是最后一个作品了。下一位投票人请在“试玩与投票”页输入自己的名字，然后按 F5 从第一个作品开始。</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
</context>
<context>
    <name>NewJamDialog</name>
    <message>
        <source>New jam</source>
        <translation>新建 Jam</translation>
    </message>
    <message>
        <source>e.g. Friday Night Jam</source>
        <translation>例如：周五夜 Jam</translation>
    </message>
    <message>
        <source>Type a theme, or draw one</source>
        <translation>输入主题，或随机抽取一个</translation>
    </message>
    <message>
        <source>&amp;Draw</source>
        <translation>抽取(&amp;D)</translation>
    </message>
    <message>
        <source>Draw a theme from the built-in list (Alt+D)</source>
        <translation>从内置列表中随机抽取主题（Alt+D）</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Start the countdown now</source>
        <translation>立即开始倒计时</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>时长(&amp;U)：</translation>
    </message>
    <message>
        <source>Create jam</source>
        <translation>创建 Jam</translation>
    </message>
</context>
<context>
    <name>PlayPanel</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一个</translation>
    </message>
    <message>
        <source>Play the previous entry (Page Up)</source>
        <translation>试玩上一个作品（Page Up）</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一个 ▶</translation>
    </message>
    <message>
        <source>Play the next entry (Page Down)</source>
        <translation>试玩下一个作品（Page Down）</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Play this entry again from the start (Ctrl+R)</source>
        <translation>从头重新试玩此作品（Ctrl+R）</translation>
    </message>
    <message>
        <source>No entry playing</source>
        <translation>没有正在试玩的作品</translation>
    </message>
    <message>
        <source>Press “Play entries” (F5) to play every entry in turn.</source>
        <translation>按“试玩作品”（F5）依次试玩每个作品。</translation>
    </message>
    <message>
        <source>That entry was removed. Press Next to go on.</source>
        <translation>该作品已被移除。按“下一个”继续。</translation>
    </message>
    <message>
        <source>Loading “{title}”…</source>
        <translation>正在加载“{title}”…</translation>
    </message>
    <message>
        <source>This jam has no entries yet: add some on the Entries tab.</source>
        <translation>此 Jam 还没有作品：请在“参赛作品”页添加。</translation>
    </message>
    <message>
        <source>{number} of {count}: {title} — by {author}</source>
        <translation>第 {number}/{count} 个：{title} — 作者：{author}</translation>
    </message>
    <message>
        <source>Playing. Click the game (or Tab to it) to play; Esc comes back to the vote.</source>
        <translation>试玩中。点击游戏（或按 Tab 切换到游戏）开始玩；按 Esc 回到投票。</translation>
    </message>
    <message>
        <source>{message} — you can still vote, or press Page Down for the next entry.</source>
        <translation>{message} — 你仍然可以投票，或按 Page Down 试玩下一个作品。</translation>
    </message>
    <message>
        <source>Saved {voter}&apos;s vote for “{title}”.</source>
        <translation>已保存 {voter} 对“{title}”的投票。</translation>
    </message>
    <message>
        <source>That was the last entry.</source>
        <translation>这是最后一个作品了。</translation>
    </message>
</context>
<context>
    <name>PlayWindow</name>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>{name} — Minigame Studio</source>
        <translation>{name} — Minigame Studio</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>游戏</translation>
    </message>
    <message>
        <source>Pause / resume</source>
        <translation>暂停/继续</translation>
    </message>
    <message>
        <source>Step one frame</source>
        <translation>单步（前进一帧）</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Paused (Ctrl+P resumes, Ctrl+. steps)</source>
        <translation>已暂停（Ctrl+P 继续，Ctrl+. 单步）</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Paused: stepped one frame</source>
        <translation>已暂停：已前进一帧</translation>
    </message>
    <message>
        <source>Restarting…</source>
        <translation>正在重新开始…</translation>
    </message>
    <message>
        <source>Sandbox: {count} layers</source>
        <translation>沙箱：{count} 层防护</translation>
    </message>
    <message>
        <source>{title} — Minigame Studio</source>
        <translation>{title} — Minigame Studio</translation>
    </message>
    <message>
        <source>Loaded in {ms:.1f} ms</source>
        <translation>加载用时 {ms:.1f} 毫秒</translation>
    </message>
    <message>
        <source>Running — first frame after {ms:.1f} ms</source>
        <translation>运行中 — 首帧用时 {ms:.1f} 毫秒</translation>
    </message>
    <message>
        <source>Refused by the sandbox: {message}</source>
        <translation>被沙箱拒绝：{message}</translation>
    </message>
    <message>
        <source>The game failed: {message}</source>
        <translation>游戏出错：{message}</translation>
    </message>
    <message>
        <source>Game over: {reason}. Ctrl+R plays again.</source>
        <translation>游戏结束：{reason}。按 Ctrl+R 再玩一次。</translation>
    </message>
    <message>
        <source>The game was stopped: {detail}</source>
        <translation>游戏已被停止：{detail}</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Fun</source>
        <translation>趣味</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>综合</translation>
    </message>
    <message>
        <source>Voters</source>
        <translation>投票人数</translation>
    </message>
    <message>
        <source>Export Markdown…</source>
        <translation>导出 Markdown…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Voters so far: {count}</source>
        <translation>目前投票人数：{count}</translation>
    </message>
    <message>
        <source>No entries yet.</source>
        <translation>还没有作品。</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}</source>
        <translation>无法写入 {file}：{reason}</translation>
    </message>
    <message>
        <source>Results saved: {file}</source>
        <translation>结果已保存：{file}</translation>
    </message>
    <message>
        <source>Export results as Markdown</source>
        <translation>将结果导出为 Markdown</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export results as CSV</source>
        <translation>将结果导出为 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — Minigame Studio</source>
        <translation>设置 — Minigame Studio</translation>
    </message>
    <message>
        <source>for example http://localhost:11434/v1</source>
        <translation>例如 http://localhost:11434/v1</translation>
    </message>
    <message>
        <source>the endpoint&apos;s only model</source>
        <translation>该端点唯一的模型</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>List the models this endpoint offers</source>
        <translation>列出该端点提供的模型</translation>
    </message>
    <message>
        <source>Offline (built-in starter kit)</source>
        <translation>离线（内置入门游戏包）</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>简体中文</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Hold this key to talk while you play</source>
        <translation>游戏时按住此键说话</translation>
    </message>
    <message>
        <source>Offline (English, pocketsphinx)</source>
        <translation>离线（英语，pocketsphinx）</translation>
    </message>
    <message>
        <source>The endpoint&apos;s audio API</source>
        <translation>端点的音频接口</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Push-to-talk key</source>
        <translation>按键说话的按键</translation>
    </message>
    <message>
        <source>Transcription</source>
        <translation>语音转文字</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>Enter a base URL first.</source>
        <translation>请先输入基础 URL。</translation>
    </message>
    <message>
        <source>Listing models…</source>
        <translation>正在获取模型列表…</translation>
    </message>
    <message>
        <source>The settings were not saved: {reason}</source>
        <translation>设置未能保存：{reason}</translation>
    </message>
    <message>
        <source>from {variable}</source>
        <translation>来自 {variable}</translation>
    </message>
    <message>
        <source>stored in the system keyring</source>
        <translation>已保存在系统密钥环中</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The studio runs offline: {reason}</source>
        <translation>当前为离线模式：{reason}</translation>
    </message>
    <message>
        <source>The studio uses {endpoint}.</source>
        <translation>当前使用 {endpoint}。</translation>
    </message>
    <message>
        <source>The studio runs offline: there is no endpoint to send the speech to</source>
        <translation>工作室处于离线状态：没有可以发送语音的端点</translation>
    </message>
    <message>
        <source>Set {variable} in the environment instead, or try again.</source>
        <translation>请改为在环境变量中设置 {variable}，或重试。</translation>
    </message>
    <message>
        <source>Try again, or leave the key empty.</source>
        <translation>请重试，或将密钥留空。</translation>
    </message>
    <message>
        <source>The key was not saved ({reason}). The other settings are saved. {advice}</source>
        <translation>密钥未能保存（{reason}）。其他设置已保存。{advice}</translation>
    </message>
    <message>
        <source>Could not list models: {reason}</source>
        <translation>无法获取模型列表：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) listed</source>
        <translation>
            <numerusform>已列出 %n 个模型</numerusform>
        </translation>
    </message>
    <message>
        <source>The endpoint lists no models; type one.</source>
        <translation>该端点未列出任何模型，请手动输入。</translation>
    </message>
    <message>
        <source>Custom OpenAI-compatible endpoint</source>
        <translation>自定义 OpenAI 兼容端点</translation>
    </message>
    <message>
        <source>llama.cpp server</source>
        <translation>llama.cpp 服务器</translation>
    </message>
</context>
<context>
    <name>StarRating</name>
    <message>
        <source>{count} of 5 stars</source>
        <translation>{count} 星（满分 5 星）</translation>
    </message>
</context>
<context>
    <name>StudioWindow</name>
    <message>
        <source>Minigame Studio</source>
        <translation>Minigame Studio</translation>
    </message>
    <message>
        <source>Describe a game and press Enter — e.g. “a blue snake that gets faster”</source>
        <translation>描述一个游戏然后按回车 — 例如“一条越来越快的蓝色贪吃蛇”</translation>
    </message>
    <message>
        <source>Describe a game above and press Enter.</source>
        <translation>在上方描述一个游戏，然后按回车。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Sandboxed</source>
        <translation>已隔离</translation>
    </message>
    <message>
        <source>Games run isolated in their own namespaces (bubblewrap), confined by seccomp and Landlock.</source>
        <translation>游戏在独立的命名空间中隔离运行（bubblewrap），并受 seccomp 和 Landlock 限制。</translation>
    </message>
    <message>
        <source>⚠ Not isolated</source>
        <translation>⚠ 未隔离</translation>
    </message>
    <message>
        <source>Games run without namespace isolation: {reason}</source>
        <translation>游戏在没有命名空间隔离的情况下运行：{reason}</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>游戏</translation>
    </message>
    <message>
        <source>New game</source>
        <translation>新游戏</translation>
    </message>
    <message>
        <source>Make a new game from the next prompt instead of changing this one (Ctrl+N, or start with “new:”)</source>
        <translation>用下一条描述制作新游戏，而不是修改当前游戏（Ctrl+N，或以 “new:” 开头）</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>游戏库</translation>
    </message>
    <message>
        <source>Jam</source>
        <translation>Jam</translation>
    </message>
    <message>
        <source>Pause / resume</source>
        <translation>暂停/继续</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Run edited code</source>
        <translation>运行修改后的代码</translation>
    </message>
    <message>
        <source>Focus the prompt</source>
        <translation>回到输入框</translation>
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
        <source>🎤 Hold to talk</source>
        <translation>🎤 按住说话</translation>
    </message>
    <message>
        <source>Hold to say a change (or hold F1); release to send it</source>
        <translation>按住说出修改（或按住 F1）；松开即发送</translation>
    </message>
    <message>
        <source>Voice: {problem}</source>
        <translation>语音：{problem}</translation>
    </message>
    <message>
        <source>Listening… release F1 to send</source>
        <translation>正在聆听… 松开 F1 发送</translation>
    </message>
    <message>
        <source>Heard “{text}” — sending in a moment, Esc cancels</source>
        <translation>听到“{text}”——即将发送，按 Esc 取消</translation>
    </message>
    <message>
        <source>Redirecting: {instruction}</source>
        <translation>改变方向：{instruction}</translation>
    </message>
    <message>
        <source>Making your game…</source>
        <translation>正在制作你的游戏…</translation>
    </message>
    <message>
        <source>Changing the game: {instruction}</source>
        <translation>正在修改游戏：{instruction}</translation>
    </message>
    <message>
        <source>Running your edit…</source>
        <translation>正在运行你的修改…</translation>
    </message>
    <message>
        <source>Time left in the running jam: click for the jam screen (Ctrl+J)</source>
        <translation>正在进行的 Jam 剩余时间：点击打开 Jam 界面（Ctrl+J）</translation>
    </message>
    <message>
        <source>⏱ {name}: {left}</source>
        <translation>⏱ {name}：剩余 {left}</translation>
    </message>
    <message>
        <source>Untitled game</source>
        <translation>未命名游戏</translation>
    </message>
    <message>
        <source>Opening “{title}”…</source>
        <translation>正在打开“{title}”…</translation>
    </message>
    <message>
        <source>Opening “{title}”</source>
        <translation>正在打开“{title}”</translation>
    </message>
    <message>
        <source>“{title}” was shared with you: it runs only in the sandbox</source>
        <translation>“{title}”是别人分享给你的：它只在沙箱中运行</translation>
    </message>
    <message>
        <source>Saved {path}, but not in the library: {error}</source>
        <translation>已保存 {path}，但未能存入游戏库：{error}</translation>
    </message>
    <message>
        <source>Saved the last {seconds:.0f} s of play as {path} ({ms:.0f} ms)</source>
        <translation>已将最近 {seconds:.0f} 秒的游戏画面保存为 {path}（用时 {ms:.0f} 毫秒）</translation>
    </message>
    <message>
        <source>The game failed: asking the model for one repair…</source>
        <translation>游戏出错：正在请模型修复一次…</translation>
    </message>
    <message>
        <source>{title} — Minigame Studio</source>
        <translation>{title} — Minigame Studio</translation>
    </message>
    <message>
        <source>Refused: {message}</source>
        <translation>已拒绝：{message}</translation>
    </message>
    <message>
        <source> (the previous game keeps running)</source>
        <translation>（上一个游戏仍在运行）</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <source>Game over: {reason} — Ctrl+R restarts</source>
        <translation>游戏结束：{reason} — 按 Ctrl+R 重新开始</translation>
    </message>
    <message>
        <source>The game was stopped: {detail}</source>
        <translation>游戏已被停止：{detail}</translation>
    </message>
    <message>
        <source>line {line}: {text}</source>
        <translation>第 {line} 行：{text}</translation>
    </message>
    <message>
        <source>first token {ms:.0f} ms</source>
        <translation>首个词元 {ms:.0f} 毫秒</translation>
    </message>
    <message>
        <source>{rate:,.0f} tokens/s</source>
        <translation>{rate:,.0f} 词元/秒</translation>
    </message>
    <message>
        <source>ready {ms:.0f} ms</source>
        <translation>就绪 {ms:.0f} 毫秒</translation>
    </message>
    <message>
        <source>{fps:.0f} fps</source>
        <translation>{fps:.0f} 帧/秒</translation>
    </message>
    <message>
        <source>Offline — built-in starter kit</source>
        <translation>离线 — 内置入门游戏包</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>模型：{model}</translation>
    </message>
</context>
<context>
    <name>UntrustedBanner</name>
    <message>
        <source>Keep</source>
        <translation>信任</translation>
    </message>
    <message>
        <source>Trust this game: it stops being marked as shared</source>
        <translation>信任此游戏：它将不再被标记为共享游戏</translation>
    </message>
    <message>
        <source>someone you do not know</source>
        <translation>陌生人</translation>
    </message>
    <message>
        <source>Shared by {author}. It runs only in the sandbox.</source>
        <translation>由{author}分享，只在沙箱中运行。</translation>
    </message>
</context>
<context>
    <name>VotePanel</name>
    <message>
        <source>Your vote</source>
        <translation>你的投票</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <source>&amp;Voter:</source>
        <translation>投票人(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Fun:</source>
        <translation>趣味(&amp;F)：</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>主题(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Look:</source>
        <translation>画面(&amp;L)：</translation>
    </message>
    <message>
        <source>Fun</source>
        <translation>趣味</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>{what}: press 1–5, or click a star</source>
        <translation>{what}：按 1–5，或点击星星</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>Save this vote and play the next entry (Enter)</source>
        <translation>保存此投票并试玩下一个作品（Enter）</translation>
    </message>
    <message>
        <source>Tab moves between rows, 1–5 sets the stars, Enter votes and plays the next entry. Voting again on an entry replaces your vote.</source>
        <translation>Tab 在各行之间切换，1–5 设置星级，Enter 投票并试玩下一个作品。对同一作品再次投票会替换你之前的投票。</translation>
    </message>
    <message>
        <source>Change vote</source>
        <translation>修改投票</translation>
    </message>
    <message>
        <source>Type your name first: votes are per voter.</source>
        <translation>请先输入你的名字：每位投票人分别投票。</translation>
    </message>
    <message>
        <source>Give {what} 1 to 5 stars first.</source>
        <translation>请先给“{what}”打 1 到 5 星。</translation>
    </message>
</context>
</TS>
