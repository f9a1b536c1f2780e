export interface BannerUrls {
  sandboxPages: string;
  sandboxApi: string;
  bot: string;
  dataDir: string;
  kept: boolean;
}

/** What the demo is and what to type, in English and Chinese. */
export function demoBanner(urls: BannerUrls): string {
  return `
OSSChat demo: a chat group in this terminal, a GitHub sandbox on this machine. Nothing leaves it.
OSSChat 演示：终端里的一个群聊，加上本机上的 GitHub 沙盒；不会连接微信或 GitHub。

Type a few lines as if chatting in a group, then one of:
随便聊两句，然后试试：
  以上两条开工单                 file the last two messages as an issue / 把上面两条消息开成工单
  /issue 2                      the same in English
  以上开工单：安装失败 #缺陷      issue with a title and a label / 指定标题和标签
  /help                         the commands / 命令列表
  #1 评论：在 2.0.1 也能复现      a comment on issue #1, shown on its page / 给 1 号工单留评论
  /subscribe demo/sandbox       the repository's events into this group / 订阅仓库动态
Ctrl-D (or Ctrl-C) ends the demo. 按 Ctrl-D（或 Ctrl-C）结束。

  sandbox issues (the bot's links) / 沙盒工单页面   ${urls.sandboxPages}/
  sandbox GitHub API (GITHUB_API_URL)             ${urls.sandboxApi}
  the bot's web server: public archive of the group / 群的公开存档   ${urls.bot}/archive/
  data / 数据目录 (${urls.kept ? 'kept / 保留' : 'removed at exit / 退出时删除'})   ${urls.dataDir}
`;
}
