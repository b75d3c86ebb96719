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
</TS>
